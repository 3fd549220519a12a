//! Password hashing (argon2id, off the async runtime, with bounded concurrency) and the
//! password policy.

use std::{collections::HashSet, sync::Arc, sync::LazyLock};

use anyhow::Context;
use argon2::{
    Algorithm, Argon2, Params, Version,
    password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString},
};
use tokio::sync::Semaphore;

use crate::{config::Argon2Settings, http::problem::FieldError};

/// Shortest accepted password, in characters.
pub const MIN_LENGTH: usize = 8;
/// Longest accepted password, in characters.
pub const MAX_LENGTH: usize = 256;

static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/common-passwords.txt")
        .lines()
        .map(str::trim)
        .collect()
});

/// The outcome of a verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    /// The password matched.
    pub ok: bool,
    /// It matched, but the stored hash uses other parameters: store a new one.
    pub needs_rehash: bool,
}

/// Hashes and verifies passwords on the blocking pool, at most `permits` at a time, so a
/// login storm queues instead of starving the runtime or exhausting memory.
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    permits: Arc<Semaphore>,
    dummy_hash: Arc<str>,
}

impl PasswordHasher {
    /// A hasher with these parameters; computes the dummy hash used for unknown accounts.
    pub async fn new(settings: Argon2Settings, permits: usize) -> anyhow::Result<Self> {
        let params = Params::new(settings.memory_kib, settings.iterations, settings.parallelism, None)
            .map_err(|e| anyhow::anyhow!("invalid Argon2 parameters: {e}"))?;
        let mut hasher = Self {
            params,
            permits: Arc::new(Semaphore::new(permits.max(1))),
            dummy_hash: Arc::from(""),
        };
        let mut dummy = [0u8; 24];
        super::secrets::fill_random(&mut dummy);
        hasher.dummy_hash = hasher.hash(&String::from_utf8_lossy(&dummy)).await?.into();
        Ok(hasher)
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// The PHC string of `password` with a fresh salt.
    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let password = password.to_owned();
        let argon2 = self.argon2();
        self.blocking(move || {
            let mut salt = [0u8; 16];
            super::secrets::fill_random(&mut salt);
            let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
            argon2
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| anyhow::anyhow!("argon2 hash: {e}"))
        })
        .await
    }

    /// Checks `password` against `stored`; with no stored hash (unknown account) it verifies
    /// against a dummy hash so the answer takes as long, and reports a mismatch.
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> anyhow::Result<Verified> {
        let known = stored.is_some();
        let stored = stored.map_or_else(|| self.dummy_hash.to_string(), str::to_owned);
        let password = password.to_owned();
        let argon2 = self.argon2();
        let current = self.params.clone();
        self.blocking(move || {
            let parsed = PasswordHash::new(&stored).map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
            let ok = argon2.verify_password(password.as_bytes(), &parsed).is_ok() && known;
            let needs_rehash = ok && !uses_params(&parsed, &current);
            Ok(Verified { ok, needs_rehash })
        })
        .await
    }

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let _permit = self.permits.acquire().await.context("password hasher closed")?;
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(work))
            .await
            .context("password hashing task")?
    }
}

fn uses_params(hash: &PasswordHash<'_>, current: &Params) -> bool {
    hash.algorithm.as_str() == "argon2id"
        && Params::try_from(hash).is_ok_and(|p| {
            p.m_cost() == current.m_cost() && p.t_cost() == current.t_cost() && p.p_cost() == current.p_cost()
        })
}

/// Checks a new password against the policy: length, the common-password list, and not
/// the e-mail address (or its local part).
pub fn check_policy(field: &str, password: &str, email: &str) -> Result<(), FieldError> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(FieldError::new(
            field,
            "password_too_short",
            format!("The password must be at least {MIN_LENGTH} characters long."),
        ));
    }
    if length > MAX_LENGTH {
        return Err(FieldError::new(
            field,
            "password_too_long",
            format!("The password must be at most {MAX_LENGTH} characters long."),
        ));
    }
    let lowered = password.to_lowercase();
    let email = email.trim().to_lowercase();
    let local_part = email.rsplit_once('@').map_or(email.as_str(), |(local, _)| local);
    if lowered == email || (!local_part.is_empty() && lowered == local_part) {
        return Err(FieldError::new(
            field,
            "password_equals_email",
            "The password must not be your e-mail address.",
        ));
    }
    if COMMON_PASSWORDS.contains(lowered.as_str()) {
        return Err(FieldError::new(
            field,
            "password_too_common",
            "This password is too common.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_refuses_short_common_and_email_passwords() {
        assert_eq!(
            check_policy("p", "short", "a@b.c").unwrap_err().code,
            "password_too_short"
        );
        assert_eq!(
            check_policy("p", &"x".repeat(257), "a@b.c").unwrap_err().code,
            "password_too_long"
        );
        assert_eq!(
            check_policy("p", "Password123", "a@b.c").unwrap_err().code,
            "password_too_common"
        );
        assert_eq!(
            check_policy("p", "Ada@Example.com", "ada@example.com")
                .unwrap_err()
                .code,
            "password_equals_email"
        );
        assert_eq!(
            check_policy("p", "adalovelace", "adalovelace@example.com")
                .unwrap_err()
                .code,
            "password_equals_email"
        );
        assert!(check_policy("p", "correct horse battery staple", "ada@example.com").is_ok());
    }
}
