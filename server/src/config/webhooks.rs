//! Webhooks: `WEBHOOK_RETRY_DELAY`, `WEBHOOK_MAX_ATTEMPTS`, `WEBHOOK_TIMEOUT`,
//! `WEBHOOK_ALLOW_PRIVATE`.

use std::time::Duration;

use super::env::Env;

/// How webhook deliveries are made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookSettings {
    /// `WEBHOOK_RETRY_DELAY`: seconds before the first retry of a failed delivery, doubling
    /// with each further failure up to an hour apart (default 30, 1 – 3600).
    pub retry_delay: Duration,
    /// `WEBHOOK_MAX_ATTEMPTS`: attempts before a delivery is dead (default 10, 1 – 50).
    pub max_attempts: u32,
    /// `WEBHOOK_TIMEOUT`: seconds one attempt may take, answer included (default 10, 1 – 60).
    pub timeout: Duration,
    /// `WEBHOOK_ALLOW_PRIVATE`: allow endpoints on private, loopback and link-local addresses,
    /// and plain `http` (default off: tests and internal receivers turn it on).
    pub allow_private: bool,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        Self {
            retry_delay: Duration::from_secs(30),
            max_attempts: 10,
            timeout: Duration::from_secs(10),
            allow_private: false,
        }
    }
}

impl WebhookSettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let d = Self::default();
        Ok(Self {
            retry_delay: env.seconds("WEBHOOK_RETRY_DELAY", d.retry_delay, 1, 3600)?,
            max_attempts: env.bounded("WEBHOOK_MAX_ATTEMPTS", u64::from(d.max_attempts), 1, 50)? as u32,
            timeout: env.seconds("WEBHOOK_TIMEOUT", d.timeout, 1, 60)?,
            allow_private: env.flag("WEBHOOK_ALLOW_PRIVATE", d.allow_private)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<WebhookSettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        WebhookSettings::from_env(&Env::new(|name: &str| map.get(name).cloned()))
    }

    #[test]
    fn defaults_are_safe_and_bounds_hold() {
        let d = settings(&[]).unwrap();
        assert_eq!(d, WebhookSettings::default());
        assert!(!d.allow_private);
        let set = settings(&[
            ("WEBHOOK_RETRY_DELAY", "1"),
            ("WEBHOOK_MAX_ATTEMPTS", "3"),
            ("WEBHOOK_ALLOW_PRIVATE", "on"),
        ])
        .unwrap();
        assert_eq!(
            (set.retry_delay, set.max_attempts, set.allow_private),
            (Duration::from_secs(1), 3, true)
        );
        assert!(settings(&[("WEBHOOK_MAX_ATTEMPTS", "0")]).is_err());
        assert!(settings(&[("WEBHOOK_TIMEOUT", "61")]).is_err());
    }
}
