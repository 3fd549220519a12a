//! E-mail one-time code settings: lifetime, attempts, resend cooldown and cap, and when a
//! password login needs a code as its second step (`OTP_*`, `LOGIN_OTP`).

use std::time::Duration;

use anyhow::bail;

use super::env::Env;

/// When a password login must be completed with an e-mailed code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginOtp {
    /// Only for accounts whose owner turned it on (`otp_login_enabled`; the default).
    Optional,
    /// For every account.
    Required,
}

/// Everything about e-mailed codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtpSettings {
    /// `OTP_TTL` in seconds: how long a code (and a two-step challenge) works (default 300).
    pub ttl: Duration,
    /// `OTP_MAX_ATTEMPTS`: verifications tried with one code before it is dead (default 5).
    pub max_attempts: u32,
    /// `OTP_RESEND_COOLDOWN` in seconds: at least this long between two codes to one
    /// address (default 60).
    pub resend_cooldown: Duration,
    /// `OTP_SEND_LIMIT`: at most this many codes to one address per window (default 5).
    pub send_limit: u32,
    /// `OTP_SEND_WINDOW` in seconds: the window of `OTP_SEND_LIMIT` (default 3600).
    pub send_window: Duration,
    /// `LOGIN_OTP`: `optional` (per account, the default) or `required` (every password
    /// login is completed with an e-mailed code).
    pub login: LoginOtp,
}

impl LoginOtp {
    /// As spelled in `LOGIN_OTP` and the runtime settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Optional => "optional",
            Self::Required => "required",
        }
    }

    /// The mode named `name` (lower case).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "optional" => Some(Self::Optional),
            "required" => Some(Self::Required),
            _ => None,
        }
    }
}

impl Default for OtpSettings {
    fn default() -> Self {
        Self {
            ttl: Duration::from_secs(300),
            max_attempts: 5,
            resend_cooldown: Duration::from_secs(60),
            send_limit: 5,
            send_window: Duration::from_secs(3600),
            login: LoginOtp::Optional,
        }
    }
}

impl OtpSettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let d = Self::default();
        let login = match env.get("LOGIN_OTP").map(|v| v.to_ascii_lowercase()) {
            None => d.login,
            Some(v) => match LoginOtp::from_name(&v) {
                Some(mode) => mode,
                None => bail!("LOGIN_OTP must be optional or required, got {v:?}"),
            },
        };
        Ok(Self {
            ttl: env.seconds("OTP_TTL", d.ttl, 30, 3600)?,
            max_attempts: env.bounded("OTP_MAX_ATTEMPTS", d.max_attempts.into(), 1, 20)? as u32,
            resend_cooldown: env.seconds("OTP_RESEND_COOLDOWN", d.resend_cooldown, 0, 3600)?,
            send_limit: env.bounded("OTP_SEND_LIMIT", d.send_limit.into(), 1, 10_000)? as u32,
            send_window: env.seconds("OTP_SEND_WINDOW", d.send_window, 60, 86_400)?,
            login,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<OtpSettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        OtpSettings::from_env(&Env::new(|name: &str| map.get(name).cloned()))
    }

    #[test]
    fn defaults_and_overrides() {
        assert_eq!(settings(&[]).ok(), Some(OtpSettings::default()));
        let custom = settings(&[
            ("OTP_TTL", "600"),
            ("OTP_MAX_ATTEMPTS", "3"),
            ("OTP_RESEND_COOLDOWN", "0"),
            ("LOGIN_OTP", "Required"),
        ])
        .ok();
        assert_eq!(custom.as_ref().map(|s| s.ttl), Some(Duration::from_secs(600)));
        assert_eq!(custom.as_ref().map(|s| s.max_attempts), Some(3));
        assert_eq!(custom.as_ref().map(|s| s.resend_cooldown), Some(Duration::ZERO));
        assert_eq!(custom.map(|s| s.login), Some(LoginOtp::Required));
    }

    #[test]
    fn out_of_bounds_values_are_refused() {
        assert!(settings(&[("OTP_TTL", "5")]).is_err());
        assert!(settings(&[("OTP_MAX_ATTEMPTS", "0")]).is_err());
        assert!(settings(&[("OTP_SEND_LIMIT", "0")]).is_err());
        assert!(settings(&[("LOGIN_OTP", "always")]).is_err());
    }
}
