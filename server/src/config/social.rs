//! Social sign-in: the providers (`GOOGLE_*`, `GITHUB_*`, `FACEBOOK_*`, `OIDC_PROVIDERS` and
//! `OIDC_<NAME>_*`), where the browser lands (`CALLBACK`, `SOCIAL_ALLOWED_REDIRECTS`), automatic
//! linking (`SOCIAL_AUTO_LINK`) and Gatehouse's own public address (`PUBLIC_URL`).

use anyhow::{Context, bail};
use url::Url;

use super::{Redacted, env::Env};

/// How a provider proves who someone is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProviderKind {
    /// OpenID Connect: discovery at `<issuer>/.well-known/openid-configuration`, a verified
    /// id_token. `also_issued_by`: other spellings of the issuer its tokens may carry (Google's
    /// `accounts.google.com`).
    Oidc { issuer: Url, also_issued_by: Vec<String> },
    /// GitHub's OAuth 2 (`web`: authorize and token; `api`: `/user`, `/user/emails`).
    GitHub { web: Url, api: Url },
    /// Facebook Login (`web`: the dialog; `graph`: the token and `/me`).
    Facebook { web: Url, graph: Url },
}

/// One configured provider.
#[derive(Clone, Debug)]
pub struct ProviderSettings {
    /// The id in paths (`google`, `github`, `facebook`, an OIDC name lower-cased).
    pub id: String,
    /// The name on the button.
    pub name: String,
    /// How it works and where it lives.
    pub kind: ProviderKind,
    /// `*_CLIENT_ID`.
    pub client_id: String,
    /// `*_CLIENT_SECRET`.
    pub client_secret: Redacted,
    /// The scopes asked for.
    pub scopes: Vec<String>,
    /// `*_TRUST_EMAIL`: the address counts as verified when the provider says nothing about it.
    pub trust_email: bool,
}

/// Everything social sign-in is configured with.
#[derive(Clone, Debug, Default)]
pub struct SocialSettings {
    /// The configured providers, in the order they are listed.
    pub providers: Vec<ProviderSettings>,
    /// `CALLBACK`: where the browser lands after a redirect sign-in (default
    /// `FRONTEND_URL/social/callback`).
    pub callback: String,
    /// `SOCIAL_ALLOWED_REDIRECTS`: the URLs a `redirect_to` must fall under (default
    /// `FRONTEND_URL` and the CORS origins).
    pub allowed_redirects: Vec<Url>,
    /// `SOCIAL_AUTO_LINK`: link a new identity to the account with the same address when both
    /// addresses are verified (default on).
    pub auto_link: bool,
    /// `PUBLIC_URL`: where browsers reach Gatehouse, for the callback URL registered with the
    /// providers. Unset, it is taken from the request's (allowed) `Host`: `http` for loopback
    /// hosts, `https` otherwise.
    pub public_url: Option<String>,
}

impl SocialSettings {
    /// Reads the social settings. `debug` allows plain-`http` provider URLs anywhere.
    pub fn from_env<F: Fn(&str) -> Option<String>>(
        env: &Env<F>,
        debug: bool,
        frontend_url: &str,
        cors_origins: &[String],
    ) -> anyhow::Result<Self> {
        let mut providers = Vec::new();
        let pair = |prefix: &str| -> anyhow::Result<Option<(String, Redacted)>> {
            match (
                env.get(&format!("{prefix}_CLIENT_ID")),
                env.get(&format!("{prefix}_CLIENT_SECRET")),
            ) {
                (Some(id), Some(secret)) => Ok(Some((id, Redacted(secret)))),
                (None, None) => Ok(None),
                _ => bail!("set both {prefix}_CLIENT_ID and {prefix}_CLIENT_SECRET, or neither"),
            }
        };
        let url = |name: &str, default: &str| provider_url(name, env.get(name).as_deref().unwrap_or(default), debug);
        if let Some((client_id, client_secret)) = pair("GOOGLE")? {
            providers.push(ProviderSettings {
                id: "google".into(),
                name: "Google".into(),
                kind: ProviderKind::Oidc {
                    issuer: url("GOOGLE_ISSUER", "https://accounts.google.com")?,
                    also_issued_by: vec!["accounts.google.com".into()],
                },
                client_id,
                client_secret,
                scopes: vec!["openid".into(), "email".into(), "profile".into()],
                trust_email: false,
            });
        }
        if let Some((client_id, client_secret)) = pair("GITHUB")? {
            providers.push(ProviderSettings {
                id: "github".into(),
                name: "GitHub".into(),
                kind: ProviderKind::GitHub {
                    web: url("GITHUB_URL", "https://github.com")?,
                    api: url("GITHUB_API_URL", "https://api.github.com")?,
                },
                client_id,
                client_secret,
                scopes: vec!["read:user".into(), "user:email".into()],
                trust_email: false,
            });
        }
        if let Some((client_id, client_secret)) = pair("FACEBOOK")? {
            providers.push(ProviderSettings {
                id: "facebook".into(),
                name: "Facebook".into(),
                kind: ProviderKind::Facebook {
                    web: url("FACEBOOK_URL", "https://www.facebook.com")?,
                    graph: url("FACEBOOK_GRAPH_URL", "https://graph.facebook.com")?,
                },
                client_id,
                client_secret,
                scopes: vec!["email".into(), "public_profile".into()],
                trust_email: env.flag("FACEBOOK_TRUST_EMAIL", false)?,
            });
        }
        for name in env.list("OIDC_PROVIDERS", &[]) {
            let id = name.to_ascii_lowercase();
            let valid = !id.is_empty()
                && id.len() <= 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid {
                bail!("OIDC_PROVIDERS: {name:?} must be 1 to 32 letters, digits or underscores");
            }
            if providers.iter().any(|p| p.id == id) {
                bail!("OIDC_PROVIDERS: {name:?} is listed twice or clashes with a built-in provider");
            }
            let prefix = format!("OIDC_{}", id.to_ascii_uppercase());
            let issuer_name = format!("{prefix}_ISSUER");
            let issuer = env
                .get(&issuer_name)
                .with_context(|| format!("{issuer_name} is required for the OIDC provider {name:?}"))?;
            let (client_id, client_secret) = pair(&prefix)?
                .with_context(|| format!("{prefix}_CLIENT_ID and {prefix}_CLIENT_SECRET are required"))?;
            let scopes = env
                .get(&format!("{prefix}_SCOPES"))
                .unwrap_or_else(|| "openid email profile".into());
            let scopes: Vec<String> = scopes
                .split([' ', ','])
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            if !scopes.iter().any(|s| s == "openid") {
                bail!("{prefix}_SCOPES must include openid");
            }
            providers.push(ProviderSettings {
                name: env
                    .get(&format!("{prefix}_DISPLAY_NAME"))
                    .unwrap_or_else(|| name.clone()),
                kind: ProviderKind::Oidc {
                    issuer: provider_url(&issuer_name, &issuer, debug)?,
                    also_issued_by: Vec::new(),
                },
                id,
                client_id,
                client_secret,
                scopes,
                trust_email: env.flag(&format!("{prefix}_TRUST_EMAIL"), false)?,
            });
        }
        let mut default_redirects = vec![frontend_url.to_string()];
        default_redirects.extend(cors_origins.iter().cloned());
        let allowed_redirects = env
            .list("SOCIAL_ALLOWED_REDIRECTS", &default_redirects)
            .iter()
            .map(|v| parse_absolute("SOCIAL_ALLOWED_REDIRECTS", v))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let callback = env
            .get("CALLBACK")
            .unwrap_or_else(|| format!("{frontend_url}/social/callback"));
        parse_absolute("CALLBACK", &callback)?;
        let public_url = env
            .get("PUBLIC_URL")
            .map(|v| parse_absolute("PUBLIC_URL", &v).map(|_| v.trim_end_matches('/').to_string()))
            .transpose()?;
        Ok(Self {
            providers,
            callback,
            allowed_redirects,
            auto_link: env.flag("SOCIAL_AUTO_LINK", true)?,
            public_url,
        })
    }
}

/// An absolute `http(s)` URL without credentials.
fn parse_absolute(name: &str, value: &str) -> anyhow::Result<Url> {
    let url = Url::parse(value).with_context(|| format!("{name}: {value:?} is not an absolute URL"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() || !url.username().is_empty() {
        bail!("{name}: {value:?} must be an http(s) URL with a host and no credentials");
    }
    Ok(url)
}

/// A provider URL: `https`, or plain `http` on a loopback address or with `DEBUG`.
fn provider_url(name: &str, value: &str, debug: bool) -> anyhow::Result<Url> {
    let url = parse_absolute(name, value.trim_end_matches('/'))?;
    if url.scheme() != "https" && !debug && !is_loopback(&url) {
        bail!("{name}: {value:?} must be https (plain http only on loopback addresses or with DEBUG)");
    }
    Ok(url)
}

/// True for `localhost`, `127.0.0.0/8` and `[::1]`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn read(pairs: &[(&str, &str)]) -> anyhow::Result<SocialSettings> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let env = Env::new(move |name: &str| map.get(name).cloned());
        SocialSettings::from_env(&env, false, "https://app.example.com", &[])
    }

    #[test]
    fn providers_are_configured_in_order_and_validated() {
        let s = read(&[
            ("GITHUB_CLIENT_ID", "gh"),
            ("GITHUB_CLIENT_SECRET", "s"),
            ("GOOGLE_CLIENT_ID", "g"),
            ("GOOGLE_CLIENT_SECRET", "s"),
            ("OIDC_PROVIDERS", "Acme"),
            ("OIDC_ACME_ISSUER", "http://127.0.0.1:9999"),
            ("OIDC_ACME_CLIENT_ID", "a"),
            ("OIDC_ACME_CLIENT_SECRET", "s"),
        ])
        .unwrap();
        let ids: Vec<_> = s.providers.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["google", "github", "acme"]);
        assert_eq!(s.providers[2].name, "Acme");
        assert_eq!(s.callback, "https://app.example.com/social/callback");
        assert!(s.auto_link);
        assert!(read(&[("GOOGLE_CLIENT_ID", "g")]).is_err(), "a secret is required");
        let plain = read(&[
            ("OIDC_PROVIDERS", "acme"),
            ("OIDC_ACME_ISSUER", "http://idp.example.com"),
            ("OIDC_ACME_CLIENT_ID", "a"),
            ("OIDC_ACME_CLIENT_SECRET", "s"),
        ]);
        assert!(plain.is_err(), "plain http off loopback is refused");
        let no_openid = read(&[
            ("OIDC_PROVIDERS", "acme"),
            ("OIDC_ACME_ISSUER", "https://idp.example.com"),
            ("OIDC_ACME_CLIENT_ID", "a"),
            ("OIDC_ACME_CLIENT_SECRET", "s"),
            ("OIDC_ACME_SCOPES", "email"),
        ]);
        assert!(no_openid.is_err());
    }
}
