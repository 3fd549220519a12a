//! Second factors and step-up: `MFA_REQUIRED`, `REAUTH_MAX_AGE`, and the passkey relying
//! party (`WEBAUTHN_RP_ID`, `WEBAUTHN_ORIGINS`, `WEBAUTHN_RP_NAME`).

use std::time::Duration;

use anyhow::{Context, bail};
use url::Url;

use super::env::Env;

/// Which accounts must have a second factor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MfaRequired {
    /// None: a second factor is each user's choice (default).
    #[default]
    Off,
    /// Staff accounts.
    Staff,
    /// Every account.
    All,
}

impl MfaRequired {
    /// Whether an account with these flags must have a second factor.
    pub fn applies_to(self, is_staff: bool) -> bool {
        match self {
            Self::Off => false,
            Self::Staff => is_staff,
            Self::All => true,
        }
    }
}

/// The second-factor settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MfaSettings {
    /// `MFA_REQUIRED`: `off` (default), `staff` or `all`. An account it covers that has no
    /// second factor can sign in only to add one.
    pub required: MfaRequired,
    /// `REAUTH_MAX_AGE` in seconds: how recent an authentication sensitive operations need
    /// (default 600, from 60 to 86400; also a runtime setting).
    pub reauth_max_age: Duration,
    /// The passkey relying party; `None` when none was configured and `FRONTEND_URL` cannot be
    /// one (an IP address, or plain http off localhost): passkeys are then off.
    pub webauthn: Option<WebauthnSettings>,
}

/// Who passkeys are for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebauthnSettings {
    /// `WEBAUTHN_RP_ID`: the domain passkeys are bound to (default the host of `FRONTEND_URL`).
    pub rp_id: String,
    /// `WEBAUTHN_ORIGINS`: the pages allowed to use them, comma-separated (default
    /// `FRONTEND_URL`); each must be https (http only for localhost) on `WEBAUTHN_RP_ID` or a
    /// subdomain of it.
    pub origins: Vec<Url>,
    /// `WEBAUTHN_RP_NAME`: the name authenticators show (default `SITE_NAME`).
    pub rp_name: String,
}

impl WebauthnSettings {
    /// The relying party of a frontend at `frontend_url` named `site_name`.
    pub fn for_frontend(frontend_url: &str, site_name: &str) -> anyhow::Result<Self> {
        let origin = Url::parse(frontend_url).with_context(|| format!("FRONTEND_URL {frontend_url:?}"))?;
        let rp_id = origin.host_str().unwrap_or("localhost").to_string();
        Ok(Self {
            rp_id,
            origins: vec![origin],
            rp_name: site_name.to_string(),
        })
    }

    fn check(&self) -> anyhow::Result<()> {
        if self.origins.is_empty() {
            bail!("WEBAUTHN_ORIGINS names no origin");
        }
        for origin in &self.origins {
            let host = origin.host_str().unwrap_or_default();
            let on_rp = host == self.rp_id || host.ends_with(&format!(".{}", self.rp_id));
            if !on_rp {
                bail!(
                    "WEBAUTHN_ORIGINS {origin} is not on WEBAUTHN_RP_ID {:?} or a subdomain of it",
                    self.rp_id
                );
            }
            let local = host == "localhost" || host.ends_with(".localhost");
            if origin.scheme() != "https" && !(origin.scheme() == "http" && local) {
                bail!("WEBAUTHN_ORIGINS {origin} must be https (http only for localhost)");
            }
        }
        Ok(())
    }
}

impl Default for MfaSettings {
    fn default() -> Self {
        Self {
            required: MfaRequired::Off,
            reauth_max_age: Duration::from_secs(600),
            webauthn: Some(WebauthnSettings {
                rp_id: "localhost".into(),
                origins: vec![Url::parse("http://localhost:3000").unwrap_or_else(|_| unreachable!())],
                rp_name: "Gatehouse".into(),
            }),
        }
    }
}

impl MfaSettings {
    pub(super) fn from_env(
        env: &Env<impl Fn(&str) -> Option<String>>,
        frontend_url: &str,
        site_name: &str,
    ) -> anyhow::Result<Self> {
        let d = Self::default();
        let mut webauthn = WebauthnSettings::for_frontend(frontend_url, site_name)?;
        let configured = ["WEBAUTHN_RP_ID", "WEBAUTHN_ORIGINS"]
            .iter()
            .any(|name| env.get(name).is_some());
        if let Some(rp_id) = env.get("WEBAUTHN_RP_ID") {
            webauthn.rp_id = rp_id.trim().to_ascii_lowercase();
        }
        if let Some(origins) = env.get("WEBAUTHN_ORIGINS") {
            webauthn.origins = origins
                .split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(|o| Url::parse(o).with_context(|| format!("WEBAUTHN_ORIGINS: {o:?} is not a URL")))
                .collect::<anyhow::Result<_>>()?;
        }
        if let Some(name) = env.get("WEBAUTHN_RP_NAME") {
            webauthn.rp_name = name;
        }
        // A relying party the operator named must be right; one derived from FRONTEND_URL may
        // not fit (http://127.0.0.1:3000 in development): then passkeys are off, not the server.
        let webauthn = match webauthn.check() {
            Ok(()) => Some(webauthn),
            Err(e) if configured => return Err(e),
            Err(_) => None,
        };
        let required = match env.get("MFA_REQUIRED").map(|v| v.to_ascii_lowercase()).as_deref() {
            None | Some("off") => MfaRequired::Off,
            Some("staff") => MfaRequired::Staff,
            Some("all") => MfaRequired::All,
            Some(other) => bail!("MFA_REQUIRED must be off, staff or all, got {other:?}"),
        };
        Ok(Self {
            required,
            reauth_max_age: env.seconds("REAUTH_MAX_AGE", d.reauth_max_age, 60, 86_400)?,
            webauthn,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<MfaSettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        MfaSettings::from_env(
            &Env::new(|name: &str| map.get(name).cloned()),
            "http://localhost:3000",
            "Gatehouse",
        )
    }

    #[test]
    fn defaults_overrides_and_refusals() {
        assert_eq!(settings(&[]).unwrap(), MfaSettings::default());
        let set = settings(&[("MFA_REQUIRED", "Staff"), ("REAUTH_MAX_AGE", "120")]).unwrap();
        assert_eq!(set.required, MfaRequired::Staff);
        assert_eq!(set.reauth_max_age, Duration::from_secs(120));
        assert!(settings(&[("MFA_REQUIRED", "sometimes")]).is_err());
        assert!(settings(&[("REAUTH_MAX_AGE", "59")]).is_err());
        assert!(settings(&[("REAUTH_MAX_AGE", "86401")]).is_err());
        assert!(MfaRequired::Staff.applies_to(true) && !MfaRequired::Staff.applies_to(false));
        assert!(MfaRequired::All.applies_to(false) && !MfaRequired::Off.applies_to(true));
    }

    #[test]
    fn the_relying_party_follows_the_frontend_and_refuses_foreign_or_plain_origins() {
        let set = settings(&[
            ("WEBAUTHN_RP_ID", "example.com"),
            ("WEBAUTHN_ORIGINS", "https://example.com, https://app.example.com"),
            ("WEBAUTHN_RP_NAME", "Example"),
        ])
        .unwrap();
        let webauthn = set.webauthn.unwrap();
        assert_eq!(webauthn.rp_id, "example.com");
        assert_eq!(webauthn.origins.len(), 2);
        assert_eq!(webauthn.rp_name, "Example");
        assert!(
            settings(&[
                ("WEBAUTHN_RP_ID", "example.com"),
                ("WEBAUTHN_ORIGINS", "https://evil.test")
            ])
            .is_err()
        );
        assert!(
            settings(&[
                ("WEBAUTHN_RP_ID", "example.com"),
                ("WEBAUTHN_ORIGINS", "http://example.com")
            ])
            .is_err()
        );
        assert!(
            settings(&[
                ("WEBAUTHN_RP_ID", "example.com"),
                ("WEBAUTHN_ORIGINS", "https://notexample.com")
            ])
            .is_err()
        );
    }

    #[test]
    fn a_frontend_that_cannot_be_a_relying_party_turns_passkeys_off_unless_one_was_named() {
        let env = |vars: &[(&str, &str)], frontend: &str| {
            let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            MfaSettings::from_env(&Env::new(|name: &str| map.get(name).cloned()), frontend, "Gatehouse")
        };
        assert_eq!(env(&[], "http://127.0.0.1:3000").unwrap().webauthn, None);
        assert_eq!(env(&[], "http://app.example.com").unwrap().webauthn, None);
        let https = env(&[], "https://app.example.com").unwrap().webauthn.unwrap();
        assert_eq!(https.rp_id, "app.example.com");
        assert!(env(&[("WEBAUTHN_RP_ID", "127.0.0.1")], "http://127.0.0.1:3000").is_err());
    }
}
