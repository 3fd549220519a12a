//! Second factors and step-up: `MFA_REQUIRED`, `REAUTH_MAX_AGE`.

use std::time::Duration;

use anyhow::bail;

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
}

impl Default for MfaSettings {
    fn default() -> Self {
        Self {
            required: MfaRequired::Off,
            reauth_max_age: Duration::from_secs(600),
        }
    }
}

impl MfaSettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let d = Self::default();
        let required = match env.get("MFA_REQUIRED").map(|v| v.to_ascii_lowercase()).as_deref() {
            None | Some("off") => MfaRequired::Off,
            Some("staff") => MfaRequired::Staff,
            Some("all") => MfaRequired::All,
            Some(other) => bail!("MFA_REQUIRED must be off, staff or all, got {other:?}"),
        };
        Ok(Self {
            required,
            reauth_max_age: env.seconds("REAUTH_MAX_AGE", d.reauth_max_age, 60, 86_400)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<MfaSettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        MfaSettings::from_env(&Env::new(|name: &str| map.get(name).cloned()))
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
}
