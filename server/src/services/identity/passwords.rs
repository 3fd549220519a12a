//! Password hashing (argon2id, off the async runtime, with bounded concurrency) and the
//! password policy.

use std::sync::Arc;

use anyhow::Context;
use argon2::{Algorithm, Argon2, Params, Version, password_hash::PasswordHash};

use super::hash_pool::HashPool;
use base64::{
    Engine,
    engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD},
};
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::{
    config::Argon2Settings,
    error::{AppResult, FieldError},
    services::breach::{self, Breach},
};

/// Shortest accepted password, in characters.
pub const MIN_LENGTH: usize = 8;
/// Longest accepted password, in characters.
pub const MAX_LENGTH: usize = 256;

/// The outcome of a verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    /// The password matched.
    pub ok: bool,
    /// It matched, but the stored hash uses other parameters: store a new one.
    pub needs_rehash: bool,
}

/// Hashes and verifies passwords on a fixed pool of `permits` threads, each reusing one
/// argon2 memory buffer: a login storm queues instead of starving the async runtime, and
/// memory stays at `permits × m_cost` instead of one fresh 19 MiB allocation per attempt
/// (which, spread over many threads' malloc arenas, grew the process to hundreds of MiB).
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    pool: Arc<HashPool>,
    dummy_hash: Arc<str>,
    breach: Breach,
}

impl PasswordHasher {
    /// A hasher with these parameters; computes the dummy hash used for unknown accounts.
    pub async fn new(settings: Argon2Settings, permits: usize) -> anyhow::Result<Self> {
        let params = Params::new(
            settings.memory_kib,
            settings.iterations,
            settings.parallelism,
            Some(OUTPUT_LEN),
        )
        .map_err(|e| anyhow::anyhow!("invalid Argon2 parameters: {e}"))?;
        let pool = Arc::new(HashPool::start(permits.max(1))?);
        let mut hasher = Self {
            params,
            pool,
            dummy_hash: Arc::from(""),
            breach: Breach::off(),
        };
        let mut dummy = [0u8; 24];
        crate::services::platform::secrets::fill_random(&mut dummy);
        hasher.dummy_hash = hasher.hash(&URL_SAFE_NO_PAD.encode(dummy)).await?.into();
        Ok(hasher)
    }

    /// The same hasher, screening new passwords with `breach` (the Pwned Passwords API).
    pub fn screening(mut self, breach: Breach) -> Self {
        self.breach = breach;
        self
    }

    /// Refuses a new password (as `field`) that the online breach corpus knows; the offline
    /// list is part of [`check_policy`].
    pub async fn screen(&self, field: &str, password: &str) -> AppResult<()> {
        self.breach.check(field, password).await
    }

    /// The PHC string of `password` with a fresh salt.
    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let password = Zeroizing::new(password.as_bytes().to_vec());
        let params = self.params.clone();
        self.pool
            .run(move |memory| {
                let mut salt = [0u8; 16];
                crate::services::platform::secrets::fill_random(&mut salt);
                let mut out = [0u8; OUTPUT_LEN];
                let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
                argon2
                    .hash_password_into_with_memory(&password, &salt, &mut out, memory.get(params.block_count())?)
                    .map_err(|e| anyhow::anyhow!("argon2 hash: {e}"))?;
                Ok(format!(
                    "$argon2id$v=19$m={},t={},p={}${}${}",
                    params.m_cost(),
                    params.t_cost(),
                    params.p_cost(),
                    STANDARD_NO_PAD.encode(salt),
                    STANDARD_NO_PAD.encode(out)
                ))
            })
            .await?
    }

    /// Checks `password` against `stored`; with no stored hash (unknown account) it verifies
    /// against a dummy hash so the answer takes as long, and reports a mismatch.
    pub async fn verify(&self, password: &str, stored: Option<&str>) -> anyhow::Result<Verified> {
        let known = stored.is_some();
        let stored = stored.map_or_else(|| self.dummy_hash.to_string(), str::to_owned);
        let password = Zeroizing::new(password.as_bytes().to_vec());
        let current = self.params.clone();
        self.pool
            .run(move |memory| {
                let parsed = PasswordHash::new(&stored).map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
                let algorithm =
                    Algorithm::try_from(parsed.algorithm).map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
                let version = parsed.version.map_or(Ok(Version::V0x13), Version::try_from);
                let version = version.map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
                let params = Params::try_from(&parsed).map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
                let expected = parsed.hash.context("stored hash has no output")?;
                let mut salt = [0u8; 64];
                let salt = parsed
                    .salt
                    .context("stored hash has no salt")?
                    .decode_b64(&mut salt)
                    .map_err(|e| anyhow::anyhow!("stored salt: {e}"))?;
                let mut out = vec![0u8; expected.len()];
                Argon2::new(algorithm, version, params.clone())
                    .hash_password_into_with_memory(&password, salt, &mut out, memory.get(params.block_count())?)
                    .map_err(|e| anyhow::anyhow!("argon2 verify: {e}"))?;
                let ok = bool::from(out.as_slice().ct_eq(expected.as_bytes())) && known;
                let same_params = algorithm == Algorithm::Argon2id
                    && version == Version::V0x13
                    && params.m_cost() == current.m_cost()
                    && params.t_cost() == current.t_cost()
                    && params.p_cost() == current.p_cost();
                Ok(Verified {
                    ok,
                    needs_rehash: ok && !same_params,
                })
            })
            .await?
    }
}

const OUTPUT_LEN: usize = 32;

/// Checks a new password against the policy: length, not the e-mail address (or its local
/// part), and not on the offline breached-password list. The online lookup
/// ([`Breach::check`](crate::services::breach::Breach::check)) comes after.
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
    if breach::offline::contains(password) {
        return Err(breach::breached(field));
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
            "password_breached"
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

    #[tokio::test]
    async fn hashes_verify_here_and_with_the_reference_implementation() {
        use argon2::{PasswordHash, PasswordVerifier};

        let hasher = PasswordHasher::new(Argon2Settings::default(), 1).await.unwrap();
        let hash = hasher.hash("correct horse battery staple").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        let parsed = PasswordHash::new(&hash).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse battery staple", &parsed)
                .is_ok()
        );

        let right = hasher
            .verify("correct horse battery staple", Some(&hash))
            .await
            .unwrap();
        assert_eq!(
            right,
            Verified {
                ok: true,
                needs_rehash: false
            }
        );
        let wrong = hasher
            .verify("correct horse battery stapler", Some(&hash))
            .await
            .unwrap();
        assert!(!wrong.ok);
        let unknown = hasher.verify("correct horse battery staple", None).await.unwrap();
        assert!(!unknown.ok);
    }

    #[tokio::test]
    async fn a_hash_with_other_parameters_verifies_and_asks_for_a_rehash() {
        let stronger = Argon2Settings {
            memory_kib: 24 * 1024,
            iterations: 3,
            parallelism: 1,
        };
        let old = PasswordHasher::new(Argon2Settings::default(), 1).await.unwrap();
        let hash = old.hash("correct horse battery staple").await.unwrap();
        let new = PasswordHasher::new(stronger, 1).await.unwrap();
        let verified = new.verify("correct horse battery staple", Some(&hash)).await.unwrap();
        assert_eq!(
            verified,
            Verified {
                ok: true,
                needs_rehash: true
            }
        );
    }
}
