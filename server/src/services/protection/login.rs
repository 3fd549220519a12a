//! The protections around a password check: the per-IP login limit, the lock-out, and the
//! per-address failure limit, in that order, all before the (costly) hash is verified.

use super::{
    lockout::Lockout,
    rate_limit::{Action, RateLimiter},
};
use crate::{entity::user, error::AppResult, services::platform::client};

/// Rate limits and lock-out for logins with a password; cheap to clone.
#[derive(Clone)]
pub struct LoginProtection {
    limits: RateLimiter,
    lockout: Lockout,
}

impl LoginProtection {
    /// Both protections.
    pub fn new(limits: RateLimiter, lockout: Lockout) -> Self {
        Self { limits, lockout }
    }

    /// Before checking a password for `email`: `429 rate_limited` when the client IP made too
    /// many attempts or the address had too many failures, `429 too_many_attempts` while the
    /// address is locked. Existing and unknown addresses are treated alike.
    pub async fn before_attempt(&self, email: &str) -> AppResult<()> {
        let ip = client::current_ip();
        self.limits.check_from(Action::Login, ip, None).await?;
        self.lockout.check(email).await?;
        self.limits.check_from(Action::Login, None, Some(email)).await
    }

    /// A wrong password (or an unknown, inactive or deleted account): counts against the
    /// address's failure limit and lock-out; `account` is told when it first gets locked.
    pub async fn failed(&self, email: &str, account: Option<&user::Model>) {
        self.limits.record_login_failure(email).await;
        self.lockout.record_failure(email, account).await;
    }

    /// The right password: the address's lock-out failures are cleared.
    pub async fn succeeded(&self, email: &str) {
        self.lockout.record_success(email).await;
    }
}
