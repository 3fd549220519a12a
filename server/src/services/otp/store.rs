//! Where live codes and send counters are kept: Redis when `REDIS_URL` is set (expiry is
//! native, every instance sees the same codes), the database otherwise. Both give the same
//! guarantees: one live code per account and purpose, an attempt is reserved atomically before
//! a code is compared (so at most `OTP_MAX_ATTEMPTS` comparisons per code, however many
//! requests run at once), and spending a code is atomic (exactly one of two concurrent
//! verifications of the right code wins).

use sea_orm::DatabaseConnection;
use std::time::Duration;

use uuid::Uuid;

use super::{
    code::Purpose,
    db_store::DbStore,
    redis_store::RedisStore,
    stored::{NewCode, Reserved, SendLimits, SendVerdict},
};
use crate::{error::AppResult, services::platform::redis::Redis};

/// The store in use.
#[derive(Clone)]
pub enum OtpStore {
    /// The `otp_codes` and `otp_send_windows` tables.
    Database(DbStore),
    /// Redis hashes and counters with native expiry.
    Redis(RedisStore),
}

impl OtpStore {
    /// Redis when there is one, else the database.
    pub fn new(db: DatabaseConnection, redis: Option<Redis>) -> Self {
        match redis {
            Some(redis) => Self::Redis(RedisStore::new(redis)),
            None => Self::Database(DbStore::new(db)),
        }
    }

    /// `redis` or `database`, for logs.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Database(_) => "database",
            Self::Redis(_) => "redis",
        }
    }

    /// Stores `code`, replacing the account's previous code for the same purpose (which dies).
    pub async fn put(&self, code: &NewCode) -> AppResult<()> {
        match self {
            Self::Database(s) => s.put(code).await,
            Self::Redis(s) => s.put(code).await,
        }
    }

    /// The account whose live two-step code carries this challenge.
    pub async fn challenge_owner(&self, challenge_hash: &str) -> AppResult<Option<Uuid>> {
        match self {
            Self::Database(s) => s.challenge_owner(challenge_hash).await,
            Self::Redis(s) => s.challenge_owner(challenge_hash).await,
        }
    }

    /// Reserves one attempt on the live code of `user_id` for `purpose` (whose challenge must
    /// be `challenge_hash` when given); `None` when there is no such code, it has expired, or
    /// its attempts are used up.
    pub async fn reserve(
        &self,
        user_id: Uuid,
        purpose: Purpose,
        challenge_hash: Option<&str>,
        max_attempts: u32,
    ) -> AppResult<Option<Reserved>> {
        match self {
            Self::Database(s) => s.reserve(user_id, purpose, challenge_hash, max_attempts).await,
            Self::Redis(s) => s.reserve(user_id, purpose, challenge_hash, max_attempts).await,
        }
    }

    /// Points the account's live two-step code at a new challenge (the previous challenge
    /// dies); how long the code has left, or `None` when there is no live two-step code.
    pub async fn rebind_challenge(&self, user_id: Uuid, challenge_hash: &str) -> AppResult<Option<Duration>> {
        match self {
            Self::Database(s) => Ok(s
                .rebind_challenge(user_id, challenge_hash)
                .await?
                .and_then(|expires| (expires - chrono::Utc::now()).to_std().ok())),
            Self::Redis(s) => s.rebind_challenge(user_id, challenge_hash).await,
        }
    }

    /// Spends the reserved code; false when it is gone (spent by a concurrent request, or
    /// replaced by a newer code).
    pub async fn consume(&self, user_id: Uuid, purpose: Purpose, reserved: &Reserved) -> AppResult<bool> {
        match self {
            Self::Database(s) => s.consume(reserved).await,
            Self::Redis(s) => s.consume(user_id, purpose, reserved).await,
        }
    }

    /// Counts a send to the address behind `email_hash` if `limits` allow one now.
    pub async fn note_send(&self, email_hash: &str, limits: SendLimits) -> AppResult<SendVerdict> {
        match self {
            Self::Database(s) => s.note_send(email_hash, limits).await,
            Self::Redis(s) => s.note_send(email_hash, limits).await,
        }
    }
}
