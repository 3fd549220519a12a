//! Abuse-protection settings: the rate-limit policies (`RATE_LIMITS`, `RATE_LIMIT_*`), the
//! login lock-out (`LOCKOUT_*`) and the proxies whose forwarding headers are believed
//! (`TRUSTED_PROXIES`).

use std::{fmt, str::FromStr, time::Duration};

use anyhow::{Context, bail};
use ipnet::IpNet;

use super::env::Env;

/// A quota: at most `limit` requests per `period`, replenished steadily (GCRA), so a client
/// that waits `period / limit` gets one more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Requests allowed in a burst, and per period.
    pub limit: u32,
    /// The window the limit is counted over.
    pub period: Duration,
}

impl Rate {
    /// `limit` requests per `period`.
    pub const fn new(limit: u32, period: Duration) -> Self {
        Self { limit, period }
    }

    /// `limit` per `secs` seconds.
    pub const fn per_secs(limit: u32, secs: u64) -> Self {
        Self::new(limit, Duration::from_secs(secs))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}s", self.limit, self.period.as_secs())
    }
}

impl FromStr for Rate {
    type Err = anyhow::Error;

    /// `N/PERIOD`, where PERIOD is a number with `s`, `m` or `h` (`30/1m`, `5/300s`, `10/1h`);
    /// a bare unit means one of it (`30/m`).
    fn from_str(s: &str) -> anyhow::Result<Self> {
        let (limit, period) = s.split_once('/').context("expected N/PERIOD, e.g. 30/1m")?;
        let limit: u32 = limit.trim().parse().context("the count must be a whole number")?;
        let period = period.trim();
        let unit_at = period
            .find(|c: char| !c.is_ascii_digit())
            .context("the period needs a unit: s, m or h")?;
        let (amount, unit) = period.split_at(unit_at);
        let amount: u64 = if amount.is_empty() { 1 } else { amount.parse()? };
        let secs = match unit {
            "s" => amount,
            "m" => amount * 60,
            "h" => amount * 3600,
            other => bail!("unknown unit {other:?}: use s, m or h"),
        };
        if limit == 0 || secs == 0 || secs > 86_400 {
            bail!("the count must be at least 1 and the period between 1 s and 24 h");
        }
        Ok(Self::per_secs(limit, secs))
    }
}

macro_rules! policies {
    ($($variant:ident => $name:literal, $env:literal, $limit:literal / $secs:literal, $doc:literal;)*) => {
        /// One rate limit: what it counts, per what, and its name in `RateLimit` headers.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Policy {
            $(#[doc = $doc] $variant,)*
        }

        impl Policy {
            /// Every policy.
            pub const ALL: &'static [Policy] = &[$(Policy::$variant,)*];

            /// The name in `RateLimit` / `RateLimit-Policy` headers and keys.
            pub const fn name(self) -> &'static str {
                match self { $(Policy::$variant => $name,)* }
            }

            /// The environment variable that sets it.
            pub const fn env(self) -> &'static str {
                match self { $(Policy::$variant => $env,)* }
            }

            /// Its default quota.
            pub const fn default_rate(self) -> Rate {
                match self { $(Policy::$variant => Rate::per_secs($limit, $secs),)* }
            }
        }
    };
}

policies! {
    LoginIp => "login-ip", "RATE_LIMIT_LOGIN_IP", 30 / 60, "Login attempts per client IP.";
    LoginFailuresEmail => "login-email", "RATE_LIMIT_LOGIN_FAILURES_EMAIL", 5 / 300,
        "Failed logins per e-mail address: only failures count; attempts are refused while it is exhausted.";
    RegisterIp => "register-ip", "RATE_LIMIT_REGISTER_IP", 20 / 60, "Registrations per client IP.";
    RefreshIp => "refresh-ip", "RATE_LIMIT_REFRESH_IP", 60 / 60, "Token refreshes per client IP.";
    PasswordResetIp => "password-reset-ip", "RATE_LIMIT_PASSWORD_RESET_IP", 20 / 60,
        "Password reset requests and confirmations per client IP.";
    PasswordResetEmail => "password-reset-email", "RATE_LIMIT_PASSWORD_RESET_EMAIL", 5 / 3600,
        "Password reset requests per e-mail address.";
    ResendIp => "resend-ip", "RATE_LIMIT_RESEND_IP", 20 / 60, "Verification e-mail resends per client IP.";
    ResendEmail => "resend-email", "RATE_LIMIT_RESEND_EMAIL", 5 / 3600,
        "Verification e-mail resends per e-mail address.";
    VerifyEmailIp => "verify-email-ip", "RATE_LIMIT_VERIFY_EMAIL_IP", 20 / 60,
        "E-mail verification attempts per client IP.";
    OtpRequestIp => "otp-request-ip", "RATE_LIMIT_OTP_REQUEST_IP", 20 / 60, "One-time code requests per client IP.";
    OtpRequestEmail => "otp-request-email", "RATE_LIMIT_OTP_REQUEST_EMAIL", 5 / 900,
        "One-time code requests per e-mail address.";
    OtpVerifyIp => "otp-verify-ip", "RATE_LIMIT_OTP_VERIFY_IP", 30 / 60, "One-time code attempts per client IP.";
    OtpVerifyEmail => "otp-verify-email", "RATE_LIMIT_OTP_VERIFY_EMAIL", 10 / 900,
        "One-time code attempts per e-mail address.";
    OtpResendIp => "otp-resend-ip", "RATE_LIMIT_OTP_RESEND_IP", 20 / 60, "One-time code resends per client IP.";
    OtpResendEmail => "otp-resend-email", "RATE_LIMIT_OTP_RESEND_EMAIL", 5 / 900,
        "One-time code resends per e-mail address.";
    SocialIp => "social-ip", "RATE_LIMIT_SOCIAL_IP", 30 / 60,
        "Social sign-in steps (authorize, callback, exchange, token) per client IP.";
}

/// The rate limits in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitSettings {
    /// `RATE_LIMITS`: on (default) or off (benchmarks, or a proxy in front that limits).
    pub enabled: bool,
    rates: Vec<(Policy, Option<Rate>)>,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            rates: Policy::ALL.iter().map(|p| (*p, Some(p.default_rate()))).collect(),
        }
    }
}

impl LimitSettings {
    /// The quota of `policy`; `None` when that one limit is off.
    pub fn rate(&self, policy: Policy) -> Option<Rate> {
        if !self.enabled {
            return None;
        }
        self.rates.iter().find(|(p, _)| *p == policy).and_then(|(_, r)| *r)
    }

    /// Sets (or with `None` turns off) one policy.
    pub fn set(&mut self, policy: Policy, rate: Option<Rate>) {
        match self.rates.iter_mut().find(|(p, _)| *p == policy) {
            Some(slot) => slot.1 = rate,
            None => self.rates.push((policy, rate)),
        }
    }

    /// Every policy set to `rate` (tests that must not trip over limits).
    pub fn all(rate: Rate) -> Self {
        Self {
            enabled: true,
            rates: Policy::ALL.iter().map(|p| (*p, Some(rate))).collect(),
        }
    }

    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let mut settings = Self {
            enabled: env.flag("RATE_LIMITS", true)?,
            ..Self::default()
        };
        for policy in Policy::ALL {
            let Some(value) = env.get(policy.env()) else { continue };
            let rate = if ["off", "0", "none"].contains(&value.to_ascii_lowercase().as_str()) {
                None
            } else {
                Some(
                    value
                        .parse()
                        .with_context(|| format!("{}: {value:?} is not N/PERIOD (e.g. 30/1m) or off", policy.env()))?,
                )
            };
            settings.set(*policy, rate);
        }
        Ok(settings)
    }
}

/// Progressive lock-out after repeated failed logins on one address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockoutSettings {
    /// `LOCKOUT_THRESHOLD`: failures before the first lock (default 10; 0 turns lock-out off).
    pub threshold: u32,
    /// `LOCKOUT_BASE_DELAY` in seconds: the first lock (default 60); doubles with each
    /// further failure.
    pub base_delay: Duration,
    /// `LOCKOUT_MAX_DELAY` in seconds: the longest lock (default 900).
    pub max_delay: Duration,
    /// `LOCKOUT_RESET_AFTER` in seconds: failures are forgotten after this long without one
    /// (default 86400).
    pub reset_after: Duration,
}

impl Default for LockoutSettings {
    fn default() -> Self {
        Self {
            threshold: 10,
            base_delay: Duration::from_secs(60),
            max_delay: Duration::from_secs(900),
            reset_after: Duration::from_secs(86_400),
        }
    }
}

impl LockoutSettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let d = Self::default();
        let settings = Self {
            threshold: env.bounded("LOCKOUT_THRESHOLD", d.threshold.into(), 0, 1000)? as u32,
            base_delay: env.seconds("LOCKOUT_BASE_DELAY", d.base_delay, 1, 86_400)?,
            max_delay: env.seconds("LOCKOUT_MAX_DELAY", d.max_delay, 1, 7 * 86_400)?,
            reset_after: env.seconds("LOCKOUT_RESET_AFTER", d.reset_after, 60, 30 * 86_400)?,
        };
        if settings.max_delay < settings.base_delay {
            bail!("LOCKOUT_MAX_DELAY must be at least LOCKOUT_BASE_DELAY");
        }
        Ok(settings)
    }
}

/// `TRUSTED_PROXIES`: comma-separated addresses or CIDR blocks (`10.0.0.0/8,::1`).
pub(super) fn trusted_proxies(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Vec<IpNet>> {
    env.list("TRUSTED_PROXIES", &[])
        .iter()
        .map(|entry| {
            entry
                .parse::<IpNet>()
                .or_else(|_| entry.parse::<std::net::IpAddr>().map(IpNet::from))
                .with_context(|| format!("TRUSTED_PROXIES: {entry:?} is not an IP address or CIDR block"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_counts_and_periods() {
        assert_eq!("30/1m".parse::<Rate>().ok(), Some(Rate::per_secs(30, 60)));
        assert_eq!("5/300s".parse::<Rate>().ok(), Some(Rate::per_secs(5, 300)));
        assert_eq!("10/h".parse::<Rate>().ok(), Some(Rate::per_secs(10, 3600)));
        for bad in ["30", "0/1m", "5/1d", "x/1m", "5/m1", "5/0s"] {
            assert!(bad.parse::<Rate>().is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn policies_come_from_the_environment() {
        let env = Env::new(|name: &str| match name {
            "RATE_LIMIT_LOGIN_IP" => Some("3/10s".to_string()),
            "RATE_LIMIT_REFRESH_IP" => Some("off".to_string()),
            _ => None,
        });
        let limits = LimitSettings::from_env(&env).expect("valid");
        assert_eq!(limits.rate(Policy::LoginIp), Some(Rate::per_secs(3, 10)));
        assert_eq!(limits.rate(Policy::RefreshIp), None);
        assert_eq!(limits.rate(Policy::RegisterIp), Some(Policy::RegisterIp.default_rate()));
        let off = LimitSettings::from_env(&Env::new(|n: &str| (n == "RATE_LIMITS").then(|| "off".to_string())))
            .expect("valid");
        assert_eq!(off.rate(Policy::LoginIp), None);
    }

    #[test]
    fn trusted_proxies_take_addresses_and_blocks() {
        let env = Env::new(|_: &str| Some("10.0.0.0/8, ::1,192.168.1.7".to_string()));
        let nets = trusted_proxies(&env).expect("valid");
        assert_eq!(nets.len(), 3);
        assert!(trusted_proxies(&Env::new(|_: &str| Some("nope".to_string()))).is_err());
    }
}
