//! Where a browser may be sent after a social sign-in: under one of `SOCIAL_ALLOWED_REDIRECTS`,
//! compared as parsed URLs (scheme, host, port, then the path segment by segment), never as
//! strings — `https://app.example.com.evil.test` and `https://app.example.com@evil.test` are
//! elsewhere.

use url::Url;

/// `candidate` parsed, when it falls under one of `allowed`.
pub fn allowed_redirect(candidate: &str, allowed: &[Url]) -> Option<Url> {
    let url = Url::parse(candidate).ok()?;
    if !matches!(url.scheme(), "http" | "https") || !url.username().is_empty() || url.password().is_some() {
        return None;
    }
    allowed.iter().any(|base| falls_under(&url, base)).then_some(url)
}

fn falls_under(url: &Url, base: &Url) -> bool {
    if url.scheme() != base.scheme()
        || url.host() != base.host()
        || url.port_or_known_default() != base.port_or_known_default()
    {
        return false;
    }
    let base_path = base.path().trim_end_matches('/');
    let path = url.path();
    // The parser has already resolved `.` and `..` segments and percent-encoded what needs it.
    base_path.is_empty() || path == base_path || path.starts_with(&format!("{base_path}/"))
}

/// `base` with `name=value` added to its query.
pub fn with_param(base: &Url, name: &str, value: &str) -> String {
    let mut url = base.clone();
    url.query_pairs_mut().append_pair(name, value);
    url.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> Vec<Url> {
        vec![
            Url::parse("https://app.example.com").unwrap(),
            Url::parse("http://localhost:3000/app/").unwrap(),
        ]
    }

    #[test]
    fn only_urls_under_an_allowed_one_pass() {
        let ok = [
            "https://app.example.com/social/callback",
            "https://app.example.com",
            "https://app.example.com:443/x?y=1",
            "http://localhost:3000/app",
            "http://localhost:3000/app/done",
        ];
        for candidate in ok {
            assert!(allowed_redirect(candidate, &allowed()).is_some(), "{candidate}");
        }
        let refused = [
            "https://app.example.com.evil.test/",
            "https://app.example.com@evil.test/",
            "https://user@app.example.com/",
            "http://app.example.com/",
            "https://app.example.com:8443/",
            "http://localhost:3000/application",
            "http://localhost:3000/app/../admin",
            "http://localhost:3001/app/",
            "javascript:alert(1)",
            "//evil.test/",
            "/relative",
            "",
        ];
        for candidate in refused {
            assert!(allowed_redirect(candidate, &allowed()).is_none(), "{candidate}");
        }
    }
}
