//! Parsing `Set-Cookie` response headers and building `Cookie` request headers.

use reqwest::header::HeaderMap;

/// One `Set-Cookie` header, split into name, value and attributes.
#[derive(Debug, Clone)]
pub struct SetCookie {
    pub name: String,
    pub value: String,
    /// Attributes as written, e.g. `HttpOnly`, `Path=/`.
    pub attributes: Vec<String>,
}

impl SetCookie {
    /// Every `Set-Cookie` header of a response.
    pub fn all(headers: &HeaderMap) -> Vec<SetCookie> {
        headers
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .map(|value| Self::parse(value.to_str().expect("a Set-Cookie header is ASCII")))
            .collect()
    }

    /// The `Set-Cookie` header for `name`; panics when absent.
    pub fn named(headers: &HeaderMap, name: &str) -> SetCookie {
        Self::all(headers)
            .into_iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("expected a Set-Cookie for {name}, got {:?}", Self::all(headers)))
    }

    fn parse(header: &str) -> SetCookie {
        let mut parts = header.split(';').map(str::trim);
        let (name, value) = parts
            .next()
            .and_then(|pair| pair.split_once('='))
            .expect("a Set-Cookie header starts with name=value");
        SetCookie {
            name: name.to_owned(),
            value: value.trim_matches('"').to_owned(),
            attributes: parts.filter(|a| !a.is_empty()).map(str::to_owned).collect(),
        }
    }

    /// Whether the flag attribute (e.g. `HttpOnly`) is present, case-insensitively.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.attributes.iter().any(|a| a.eq_ignore_ascii_case(flag))
    }

    /// The value of an attribute (e.g. `Path`), case-insensitively.
    pub fn attribute(&self, name: &str) -> Option<String> {
        self.attributes.iter().find_map(|a| {
            let (key, value) = a.split_once('=')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
    }

    /// Whether this header removes the cookie (empty value, `Max-Age=0` or an expiry in the past).
    pub fn clears(&self) -> bool {
        let max_age_zero = self
            .attribute("Max-Age")
            .is_some_and(|v| v.parse::<i64>().is_ok_and(|n| n <= 0));
        let expired = self
            .attribute("Expires")
            .and_then(|v| chrono::DateTime::parse_from_rfc2822(&v.replace("GMT", "+0000")).ok())
            .is_some_and(|at| at < chrono::Utc::now());
        self.value.is_empty() || max_age_zero || expired
    }
}

/// A `Cookie` request header carrying the given cookies.
pub fn cookie_header(cookies: &[&SetCookie]) -> String {
    cookies
        .iter()
        .map(|c| format!("{}={}", c.name, c.value))
        .collect::<Vec<_>>()
        .join("; ")
}
