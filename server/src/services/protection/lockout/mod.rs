//! Progressive lock-out after repeated failed logins on one address (`LOCKOUT_*`).
//!
//! After `threshold` failures the address is locked for `base_delay`, doubling with each
//! further failure up to `max_delay`; a successful login clears it, and failures are forgotten
//! after `reset_after` without one. While locked, login answers `429 too_many_attempts` before
//! the password is even checked — the same for an address without an account, since the state
//! is keyed by the same HMAC of the normalised address as the rate limits. When an account is
//! first locked its owner gets one e-mail (not again until the failures are cleared), and each
//! lock is audited as `login_locked`.
//!
//! The state lives where the rate limits do (in process, or Redis shared by every instance);
//! if Redis does not answer, the lock-out fails open like the limits.

mod store;

use std::{sync::Arc, time::Duration};

use sea_orm::DatabaseConnection;
use store::Store;

use super::rate_limit::RateLimiter;
use crate::{
    config::LockoutSettings,
    entity::user,
    error::{AppError, AppResult, QuotaPolicy},
    services::{
        audit::{self, AuditEvent},
        mail::{Extras, Mailer, links::FORGOT_PASSWORD_PATH, templates::TemplateKind},
        platform::{metrics, redis::RedisUnavailable},
    },
};

/// The lock-out service; cheap to clone.
#[derive(Clone)]
pub struct Lockout {
    inner: Arc<Inner>,
}

struct Inner {
    settings: LockoutSettings,
    store: Store,
    limits: RateLimiter,
    db: DatabaseConnection,
    mailer: Mailer,
    frontend_url: String,
}

impl Lockout {
    /// The lock-out, stored in Redis when the limits are.
    pub fn new(
        settings: LockoutSettings,
        limits: RateLimiter,
        db: DatabaseConnection,
        mailer: Mailer,
        frontend_url: String,
    ) -> Self {
        let store = Store::new(limits.redis());
        Self {
            inner: Arc::new(Inner {
                settings,
                store,
                limits,
                db,
                mailer,
                frontend_url,
            }),
        }
    }

    fn enabled(&self) -> bool {
        self.inner.settings.threshold > 0
    }

    fn key(&self, email: &str) -> String {
        format!("lockout:{}", self.inner.limits.email_subject(email))
    }

    /// `429 too_many_attempts` while `email` is locked.
    pub async fn check(&self, email: &str) -> AppResult<()> {
        if !self.enabled() {
            return Ok(());
        }
        let key = self.key(email);
        let remaining = match self.inner.store.remaining(&key, &self.inner.settings).await {
            Ok(remaining) => remaining,
            Err(e) => self.failed_open(&e),
        };
        match remaining {
            Some(retry_after) if !retry_after.is_zero() => Err(AppError::TooManyAttempts {
                retry_after,
                policy: QuotaPolicy {
                    name: "login-lockout",
                    quota: self.inner.settings.threshold,
                    window: self.inner.settings.reset_after,
                },
            }),
            _ => Ok(()),
        }
    }

    /// Counts a failed login on `email`; locks it past the threshold, and tells the owner of
    /// `account` (when there is one) the first time.
    pub async fn record_failure(&self, email: &str, account: Option<&user::Model>) {
        if !self.enabled() {
            return;
        }
        let key = self.key(email);
        let failure = match self.inner.store.fail(&key, &self.inner.settings).await {
            Ok(failure) => failure,
            Err(e) => self.failed_open(&e),
        };
        let (Some(failure), Some(account)) = (failure, account) else {
            return;
        };
        let Some(locked_for) = failure.locked_for else {
            return;
        };
        metrics::lockout();
        let detail = serde_json::json!({ "failures": failure.failures, "locked_seconds": locked_for.as_secs() });
        audit::record(
            &self.inner.db,
            AuditEvent::new("login_locked", Some(account.id))
                .anonymous()
                .detail(detail),
        )
        .await;
        if failure.first_lock {
            self.notify(account, locked_for).await;
        }
    }

    /// Clears the failures of `email` after a successful login.
    pub async fn record_success(&self, email: &str) {
        if !self.enabled() {
            return;
        }
        let key = self.key(email);
        if let Err(e) = self.inner.store.clear(&key).await {
            self.failed_open::<()>(&e);
        }
    }

    fn failed_open<T>(&self, error: &RedisUnavailable) -> Option<T> {
        self.inner.limits.note_failed_open("login-lockout", error);
        None
    }

    async fn notify(&self, account: &user::Model, locked_for: Duration) {
        let extras = Extras {
            link: Some(format!("{}{FORGOT_PASSWORD_PATH}", self.inner.frontend_url)),
            expires_in: Some(locked_for),
            ..Extras::default()
        };
        let queued = self
            .inner
            .mailer
            .queue(&self.inner.db, TemplateKind::AccountLocked, account, extras)
            .await;
        match queued {
            Ok(()) => self.inner.mailer.wake(),
            Err(e) => tracing::error!(error = ?e, user_id = %account.id, "queueing the lock-out notice failed"),
        }
    }
}
