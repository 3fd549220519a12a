//! Access tokens already verified, so that a token presented again skips the signature check
//! (an Ed25519 verification is most of what an authenticated read costs). Only successes are
//! kept, keyed by the token's SHA-256 (never the token itself); an entry serves only until the
//! token's `exp` (plus the same leeway the full check allows) and only while its `kid` still
//! verifies, so a retired key's tokens fall out with it. The session is still checked on every
//! request: revocation stays immediate.

use std::{collections::HashMap, sync::RwLock};

use sha2::{Digest, Sha256};

use super::tokens::AccessClaims;

/// Entries kept at most: about 200 bytes each, so some 2 MiB when full.
pub const CAPACITY: usize = 10_000;

struct Entry {
    claims: AccessClaims,
    kid: String,
}

/// A bounded map from a token's digest to its verified claims.
#[derive(Default)]
pub struct VerifiedTokens {
    entries: RwLock<HashMap<[u8; 32], Entry>>,
}

/// The cache key of `token`.
pub fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl VerifiedTokens {
    /// The claims of a token verified before, if it has not expired (`now` and `leeway` in
    /// seconds) and `kid_verifies` still accepts its key.
    pub fn get(
        &self,
        key: &[u8; 32],
        now: i64,
        leeway: i64,
        kid_verifies: impl Fn(&str) -> bool,
    ) -> Option<AccessClaims> {
        let entries = self.entries.read().ok()?;
        let entry = entries.get(key)?;
        (now <= entry.claims.exp.saturating_add(leeway) && kid_verifies(&entry.kid)).then(|| entry.claims.clone())
    }

    /// Keeps a verified token. When full, expired entries go first; if none has, the new one
    /// is not kept (the full check still works, only slower).
    pub fn insert(&self, key: [u8; 32], claims: &AccessClaims, kid: &str, now: i64, leeway: i64) {
        let Ok(mut entries) = self.entries.write() else {
            return;
        };
        if entries.len() >= CAPACITY {
            entries.retain(|_, e| now <= e.claims.exp.saturating_add(leeway));
            if entries.len() >= CAPACITY {
                return;
            }
        }
        entries.insert(
            key,
            Entry {
                claims: claims.clone(),
                kid: kid.to_owned(),
            },
        );
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.read().map(|e| e.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn claims(exp: i64) -> AccessClaims {
        AccessClaims {
            iss: "gatehouse".into(),
            aud: "gatehouse".into(),
            sub: Uuid::now_v7(),
            sid: Uuid::now_v7(),
            iat: exp - 300,
            exp,
            jti: Uuid::now_v7(),
            amr: Vec::new(),
            aal: 1,
            auth_time: exp - 300,
        }
    }

    #[test]
    fn an_entry_serves_until_exp_plus_leeway_and_only_while_its_key_verifies() {
        let cache = VerifiedTokens::default();
        let key = digest("a.b.c");
        cache.insert(key, &claims(1_000), "k1", 900, 30);

        assert!(cache.get(&key, 1_000, 30, |_| true).is_some());
        assert!(cache.get(&key, 1_030, 30, |_| true).is_some());
        assert!(
            cache.get(&key, 1_031, 30, |_| true).is_none(),
            "expired beyond the leeway"
        );
        assert!(
            cache.get(&key, 950, 30, |kid| kid != "k1").is_none(),
            "its key no longer verifies"
        );
        assert!(
            cache.get(&digest("a.b.d"), 950, 30, |_| true).is_none(),
            "another token"
        );
    }

    #[test]
    fn a_full_cache_drops_expired_entries_first_and_never_grows_past_its_capacity() {
        let cache = VerifiedTokens::default();
        for i in 0..CAPACITY {
            cache.insert(digest(&format!("old{i}")), &claims(100), "k1", 50, 0);
        }
        cache.insert(digest("new"), &claims(1_000), "k1", 500, 0);
        assert_eq!(cache.len(), 1, "the expired entries made room");

        for i in 0..CAPACITY {
            cache.insert(digest(&format!("live{i}")), &claims(10_000), "k1", 500, 0);
        }
        assert_eq!(cache.len(), CAPACITY);
        cache.insert(digest("one more"), &claims(10_000), "k1", 500, 0);
        assert_eq!(cache.len(), CAPACITY);
        assert!(cache.get(&digest("one more"), 500, 0, |_| true).is_none());
    }
}
