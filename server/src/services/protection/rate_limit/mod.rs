//! Rate limits per client IP and per e-mail address on every sensitive operation.
//!
//! Each [`Action`] counts against one or two [`Policy`]s (settings `RATE_LIMIT_*`): one per
//! client IP (IPv6 by /64, since one host owns a whole /64) and, when the request names an
//! address, one per address — keyed by an HMAC of the normalised address under the server
//! secret, so Redis never holds addresses, and an address with an account counts exactly
//! like one without.
//!
//! The algorithm is GCRA (a smooth token bucket): `30/1m` allows a burst of 30, then one more
//! every 2 s. In process it is `governor`; with `REDIS_URL` it is one atomic Lua script per
//! decision, shared by every instance. When Redis does not answer, limits **fail open**: the
//! request goes through, the failure is counted and logged (at most every 10 s), and limits
//! work again as soon as Redis is back.

mod fail_open;
mod memory;
mod redis_store;

use std::{net::IpAddr, sync::Arc, time::Duration};

use fail_open::FailOpen;
use memory::MemoryStore;

use crate::{
    config::{LimitSettings, Policy, Rate},
    error::{AppError, AppResult, QuotaPolicy},
    services::platform::{
        client,
        email_address::normalize_email,
        metrics,
        redis::{Redis, RedisUnavailable},
        secrets::InstanceSecret,
    },
};

/// Something a client does that is rate-limited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `POST /auth/login` (and any password check for a login): per IP; per address, only
    /// failures count (see [`RateLimiter::record_login_failure`]).
    Login,
    /// `POST /auth/register`: per IP.
    Register,
    /// `POST /auth/token/refresh`: per IP.
    Refresh,
    /// `POST /auth/password/reset`: per IP and per address.
    PasswordReset,
    /// `POST /auth/password/reset/confirm`: per IP (shares the reset policy).
    PasswordResetConfirm,
    /// `POST /auth/email/resend`: per IP and per address.
    ResendVerification,
    /// `POST /auth/email/verify`: per IP.
    VerifyEmail,
    /// `POST /auth/otp/request`: per IP and per address.
    OtpRequest,
    /// `POST /auth/otp/verify` and `POST /auth/login/otp`: per IP, and per address when known.
    OtpVerify,
    /// `POST /auth/otp/resend`: per IP and per address.
    OtpResend,
    /// Each step of a social sign-in (authorize, callback, exchange, token): per IP.
    Social,
}

impl Action {
    /// The per-IP and per-address policies of this action.
    fn policies(self) -> (Policy, Option<Policy>) {
        use Policy as P;
        match self {
            Self::Login => (P::LoginIp, Some(P::LoginFailuresEmail)),
            Self::Register => (P::RegisterIp, None),
            Self::Refresh => (P::RefreshIp, None),
            Self::PasswordReset => (P::PasswordResetIp, Some(P::PasswordResetEmail)),
            Self::PasswordResetConfirm => (P::PasswordResetIp, None),
            Self::ResendVerification => (P::ResendIp, Some(P::ResendEmail)),
            Self::VerifyEmail => (P::VerifyEmailIp, None),
            Self::OtpRequest => (P::OtpRequestIp, Some(P::OtpRequestEmail)),
            Self::OtpVerify => (P::OtpVerifyIp, Some(P::OtpVerifyEmail)),
            Self::OtpResend => (P::OtpResendIp, Some(P::OtpResendEmail)),
            Self::Social => (P::SocialIp, None),
        }
    }
}

/// The outcome of one decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Whether the request may go on.
    pub allowed: bool,
    /// Requests left in the current burst (after this one).
    pub remaining: u32,
    /// When refused: how long until one more request is allowed.
    pub retry_after: Duration,
}

impl Decision {
    fn allowed(remaining: u32) -> Self {
        Self {
            allowed: true,
            remaining,
            retry_after: Duration::ZERO,
        }
    }

    fn refused(retry_after: Duration) -> Self {
        Self {
            allowed: false,
            remaining: 0,
            retry_after,
        }
    }
}

/// The rate limiter; cheap to clone.
#[derive(Clone)]
pub struct RateLimiter {
    inner: Arc<Inner>,
}

struct Inner {
    settings: LimitSettings,
    backend: Backend,
    secret: InstanceSecret,
    fail_open: FailOpen,
}

enum Backend {
    Memory(MemoryStore),
    Redis(Redis),
}

impl RateLimiter {
    /// Limits in Redis when one is given, in process otherwise.
    pub fn new(settings: LimitSettings, secret: InstanceSecret, redis: Option<Redis>) -> Self {
        let backend = match redis {
            Some(redis) => Backend::Redis(redis),
            None => Backend::Memory(MemoryStore::new(
                Policy::ALL.iter().filter_map(|p| Some((*p, settings.rate(*p)?))),
            )),
        };
        Self {
            inner: Arc::new(Inner {
                settings,
                backend,
                secret,
                fail_open: FailOpen::default(),
            }),
        }
    }

    /// Counts the current request (its client IP, from the request scope) and, when given,
    /// the address it is about against `action`'s limits; `429 rate_limited` when one is
    /// exhausted. For [`Action::Login`] the address is only looked at: failures count, in
    /// [`RateLimiter::record_login_failure`].
    pub async fn check(&self, action: Action, email: Option<&str>) -> AppResult<()> {
        let ip = client::current_ip();
        self.check_from(action, ip, email).await
    }

    /// [`RateLimiter::check`] for an explicit client address.
    pub async fn check_from(&self, action: Action, ip: Option<IpAddr>, email: Option<&str>) -> AppResult<()> {
        let (ip_policy, email_policy) = action.policies();
        if let Some(ip) = ip {
            self.enforce(ip_policy, &ip_subject(ip), true).await?;
        }
        if let (Some(policy), Some(email)) = (email_policy, email) {
            let count = policy != Policy::LoginFailuresEmail;
            self.enforce(policy, &self.email_subject(email), count).await?;
        }
        Ok(())
    }

    /// Counts a failed login for `email` (existing or not: the same key either way).
    pub async fn record_login_failure(&self, email: &str) {
        let subject = self.email_subject(email);
        // Refused or not, the failure is counted; the next attempt is what gets refused.
        let _ = self.decide(Policy::LoginFailuresEmail, &subject, true).await;
    }

    /// The key of an address: an HMAC of its normalised form (or of the trimmed, lower-cased
    /// input when it is not a valid address), never the address itself.
    pub fn email_subject(&self, email: &str) -> String {
        let normalised = normalize_email(email).map_or_else(|| email.trim().to_lowercase(), |e| e.key);
        let mac = self.inner.secret.mac("rate-limit-email", normalised.as_bytes());
        let hex: String = mac[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("e:{hex}")
    }

    /// The shared Redis, when limits live there.
    pub fn redis(&self) -> Option<&Redis> {
        match &self.inner.backend {
            Backend::Redis(redis) => Some(redis),
            Backend::Memory(_) => None,
        }
    }

    /// How many decisions (limits and lock-outs) let a request through because Redis did not
    /// answer.
    pub fn failed_open(&self) -> u64 {
        self.inner.fail_open.total()
    }

    /// Counts and (at most every 10 s) logs a decision of `what` that let a request through
    /// because Redis did not answer.
    pub fn note_failed_open(&self, what: &'static str, error: &RedisUnavailable) {
        self.inner.fail_open.note(what, error);
    }

    async fn enforce(&self, policy: Policy, subject: &str, count: bool) -> AppResult<()> {
        let Some(rate) = self.inner.settings.rate(policy) else {
            return Ok(());
        };
        match self.decide(policy, subject, count).await {
            Some(decision) if !decision.allowed => {
                tracing::debug!(policy = policy.name(), subject, "rate limit reached");
                metrics::rate_limited(policy.name());
                Err(AppError::RateLimited {
                    retry_after: decision.retry_after,
                    policy: Some(quota_policy(policy, rate)),
                })
            }
            _ => Ok(()),
        }
    }

    /// One decision; `None` when the policy is off or Redis did not answer (fail open).
    async fn decide(&self, policy: Policy, subject: &str, count: bool) -> Option<Decision> {
        let rate = self.inner.settings.rate(policy)?;
        let key = format!("rl:{}:{subject}", policy.name());
        match &self.inner.backend {
            Backend::Memory(store) => Some(store.decide(policy, &key, count)),
            Backend::Redis(redis) => match redis_store::decide(redis, &redis.key(&key), rate, count).await {
                Ok(decision) => Some(decision),
                Err(e) => {
                    self.inner.fail_open.note(policy.name(), &e);
                    None
                }
            },
        }
    }
}

/// The policy as the `RateLimit-Policy` header describes it.
fn quota_policy(policy: Policy, rate: Rate) -> QuotaPolicy {
    QuotaPolicy {
        name: policy.name(),
        quota: rate.limit,
        window: rate.period,
    }
}

/// The key of a client address: the address, or its /64 for IPv6.
fn ip_subject(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => format!("ip:{v4}"),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => format!("ip:{v4}"),
            None => {
                let s = v6.segments();
                format!("ip6:{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests;
