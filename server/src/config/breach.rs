//! Breached-password checks: `PWNED_PASSWORDS_URL`, `PWNED_PASSWORDS_TIMEOUT`.

use std::time::Duration;

use anyhow::bail;

use super::env::Env;

/// The public Pwned Passwords range API.
pub const PUBLIC_PWNED_PASSWORDS_URL: &str = "https://api.pwnedpasswords.com";

/// Where new passwords are looked up besides the offline list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreachSettings {
    /// `PWNED_PASSWORDS_URL`: the base of a Pwned Passwords range API (`{url}/range/{5 hex}`);
    /// default the public one, `off` disables the online check (the offline list stays on).
    pub pwned_passwords_url: Option<String>,
    /// `PWNED_PASSWORDS_TIMEOUT` in milliseconds: how long a lookup may take before the
    /// password is accepted without it (default 2000, from 100 to 10000).
    pub timeout: Duration,
}

impl Default for BreachSettings {
    fn default() -> Self {
        Self {
            pwned_passwords_url: Some(PUBLIC_PWNED_PASSWORDS_URL.into()),
            timeout: Duration::from_secs(2),
        }
    }
}

impl BreachSettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>, debug: bool) -> anyhow::Result<Self> {
        let d = Self::default();
        let pwned_passwords_url = match env.get("PWNED_PASSWORDS_URL") {
            None => d.pwned_passwords_url,
            Some(v) if v.eq_ignore_ascii_case("off") => None,
            Some(v) => {
                let url = url::Url::parse(&v)
                    .map_err(|e| anyhow::anyhow!("PWNED_PASSWORDS_URL must be a URL or off, got {v:?}: {e}"))?;
                let loopback = super::is_loopback(&url);
                if url.scheme() != "https" && !(url.scheme() == "http" && (loopback || debug)) {
                    bail!("PWNED_PASSWORDS_URL must use https (http only on loopback or with DEBUG), got {v:?}");
                }
                Some(v.trim_end_matches('/').to_string())
            }
        };
        let timeout_ms = env.bounded("PWNED_PASSWORDS_TIMEOUT", 2000, 100, 10_000)?;
        Ok(Self {
            pwned_passwords_url,
            timeout: Duration::from_millis(timeout_ms),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<BreachSettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        BreachSettings::from_env(&Env::new(|name: &str| map.get(name).cloned()), false)
    }

    #[test]
    fn defaults_off_loopback_and_refusals() {
        assert_eq!(settings(&[]).unwrap(), BreachSettings::default());
        assert_eq!(
            settings(&[("PWNED_PASSWORDS_URL", "OFF")]).unwrap().pwned_passwords_url,
            None
        );
        let local = settings(&[
            ("PWNED_PASSWORDS_URL", "http://127.0.0.1:9999/"),
            ("PWNED_PASSWORDS_TIMEOUT", "500"),
        ])
        .unwrap();
        assert_eq!(local.pwned_passwords_url.as_deref(), Some("http://127.0.0.1:9999"));
        assert_eq!(local.timeout, Duration::from_millis(500));
        assert!(settings(&[("PWNED_PASSWORDS_URL", "http://example.com")]).is_err());
        assert!(settings(&[("PWNED_PASSWORDS_URL", "not a url")]).is_err());
        assert!(settings(&[("PWNED_PASSWORDS_TIMEOUT", "50")]).is_err());
    }
}
