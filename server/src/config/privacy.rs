//! Privacy: `CONSENT_PURPOSES`, `ACCOUNT_DELETION_GRACE_PERIOD`, `DATA_EXPORT_LINK_LIFETIME`.

use std::time::Duration;

use anyhow::bail;

use super::env::Env;

/// The purposes users consent to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivacySettings {
    /// `CONSENT_PURPOSES`: comma-separated names (lower-case letters, digits, `_`; at most 64
    /// characters); default `marketing`.
    pub consent_purposes: Vec<String>,
    /// `ACCOUNT_DELETION_GRACE_PERIOD`: seconds a requested deletion waits before the account
    /// is anonymised (default 14 days, at most 90; `0` deletes at once). A runtime setting.
    pub account_deletion_grace_period: Duration,
    /// `DATA_EXPORT_LINK_LIFETIME`: seconds the download link of a data export works once it
    /// is ready (default 1 day, at least 60, at most 30 days).
    pub data_export_link_lifetime: Duration,
}

impl Default for PrivacySettings {
    fn default() -> Self {
        Self {
            consent_purposes: vec!["marketing".into()],
            account_deletion_grace_period: Duration::from_secs(14 * 86_400),
            data_export_link_lifetime: Duration::from_secs(86_400),
        }
    }
}

impl PrivacySettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let d = Self::default();
        let mut purposes = env.list("CONSENT_PURPOSES", &d.consent_purposes);
        purposes.dedup();
        for purpose in &purposes {
            let valid = (1..=64).contains(&purpose.len())
                && purpose
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid {
                bail!("CONSENT_PURPOSES: {purpose:?} is not a purpose name (a-z, 0-9, _; at most 64)");
            }
        }
        Ok(Self {
            consent_purposes: purposes,
            account_deletion_grace_period: env.seconds(
                "ACCOUNT_DELETION_GRACE_PERIOD",
                d.account_deletion_grace_period,
                0,
                90 * 86_400,
            )?,
            data_export_link_lifetime: env.seconds(
                "DATA_EXPORT_LINK_LIFETIME",
                d.data_export_link_lifetime,
                60,
                30 * 86_400,
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<PrivacySettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        PrivacySettings::from_env(&Env::new(|name: &str| map.get(name).cloned()))
    }

    #[test]
    fn purposes_default_to_marketing_and_must_be_names() {
        assert_eq!(settings(&[]).unwrap().consent_purposes, ["marketing"]);
        let set = settings(&[("CONSENT_PURPOSES", "marketing, analytics,newsletter_2")]).unwrap();
        assert_eq!(set.consent_purposes, ["marketing", "analytics", "newsletter_2"]);
        assert!(settings(&[("CONSENT_PURPOSES", "Marketing")]).is_err());
        assert!(settings(&[("CONSENT_PURPOSES", "a b")]).is_err());
    }

    #[test]
    fn export_links_live_a_day_and_at_least_a_minute() {
        assert_eq!(
            settings(&[]).unwrap().data_export_link_lifetime,
            Duration::from_secs(86_400)
        );
        let set = settings(&[("DATA_EXPORT_LINK_LIFETIME", "60")]).unwrap();
        assert_eq!(set.data_export_link_lifetime, Duration::from_secs(60));
        assert!(settings(&[("DATA_EXPORT_LINK_LIFETIME", "59")]).is_err());
    }
}
