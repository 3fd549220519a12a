//! The Redis store (`REDIS_URL`): codes are hashes that expire natively, shared by every
//! instance. Each check-and-change is one Lua script, so it is atomic without WATCH.
//!
//! Keys (under the `REDIS_KEY_PREFIX`):
//! - `otp:code:{purpose}:{user id}`: hash `id`, `code` (keyed hash), `challenge`, `attempts`;
//! - `otp:challenge:{challenge hash}`: the account id of a two-step challenge;
//! - `otp:cooldown:{address hash}` and `otp:sends:{address hash}`: the resend cooldown and
//!   the count of codes in the current window.

use std::{sync::LazyLock, time::Duration};

use redis::Script;
use uuid::Uuid;

use super::{
    code::Purpose,
    stored::{NewCode, Reserved, SendLimit, SendLimits, SendVerdict},
};
use crate::{
    error::{AppError, AppResult},
    services::platform::redis::{Redis, RedisUnavailable},
};

/// Replaces the account's code (attempts back to 0) and points its challenge at the account.
static PUT: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'id', ARGV[1], 'code', ARGV[2], 'challenge', ARGV[3], 'attempts', 0)
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        if #KEYS > 1 then
            redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[4])
        end
        return 1
        ",
    )
});

/// Points a live code at a new challenge (the old challenge then matches nothing); the code's
/// remaining life in ms, or -1 when there is no live code.
static REBIND: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 then
            return -1
        end
        redis.call('HSET', KEYS[1], 'challenge', ARGV[1])
        redis.call('SET', KEYS[2], ARGV[2], 'PX', ttl)
        return ttl
        ",
    )
});

/// Reserves an attempt: nil when there is no code, the challenge differs, or no attempt is left.
static RESERVE: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
        local code = redis.call('HMGET', KEYS[1], 'id', 'code', 'challenge', 'attempts')
        if not code[1] then return false end
        if ARGV[2] ~= '' and code[3] ~= ARGV[2] then return false end
        if tonumber(code[4]) >= tonumber(ARGV[1]) then return false end
        redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        return {code[1], code[2]}
        ",
    )
});

/// Deletes the code if it is still the one reserved; 1 when this call spent it.
static CONSUME: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
        if redis.call('HGET', KEYS[1], 'id') == ARGV[1] then
            return redis.call('DEL', KEYS[1])
        end
        return 0
        ",
    )
});

/// Counts a send unless the cooldown runs or the window is full: 0 when counted, else the
/// milliseconds to wait (negative when the cap refused).
static NOTE_SEND: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
        local cooling = redis.call('PTTL', KEYS[1])
        if cooling > 0 then return cooling end
        local sent = tonumber(redis.call('GET', KEYS[2]) or '0')
        if sent >= tonumber(ARGV[3]) then
            local left = redis.call('PTTL', KEYS[2])
            if left > 0 then return -left end
            redis.call('DEL', KEYS[2])
        end
        if tonumber(ARGV[1]) > 0 then
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
        end
        if redis.call('INCR', KEYS[2]) == 1 then
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
        end
        return 0
        ",
    )
});

/// Codes and send counters in Redis.
#[derive(Clone)]
pub struct RedisStore {
    redis: Redis,
}

fn unavailable(e: RedisUnavailable) -> AppError {
    AppError::Unavailable(anyhow::Error::new(e).context("one-time code store"))
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
}

impl RedisStore {
    /// The store on `redis`.
    pub fn new(redis: Redis) -> Self {
        Self { redis }
    }

    fn code_key(&self, user_id: Uuid, purpose: Purpose) -> String {
        self.redis.key(&format!("otp:code:{}:{user_id}", purpose.as_str()))
    }

    fn challenge_key(&self, challenge_hash: &str) -> String {
        self.redis.key(&format!("otp:challenge:{challenge_hash}"))
    }

    pub(super) async fn put(&self, code: &NewCode) -> AppResult<()> {
        let mut invocation = PUT.key(self.code_key(code.user_id, code.purpose));
        if let Some(challenge_hash) = &code.challenge_hash {
            invocation.key(self.challenge_key(challenge_hash));
        }
        invocation
            .arg(Uuid::now_v7().to_string())
            .arg(&code.code_hash)
            .arg(code.challenge_hash.as_deref().unwrap_or(""))
            .arg(millis(code.ttl))
            .arg(code.user_id.to_string());
        self.redis.invoke::<i64>(&invocation).await.map_err(unavailable)?;
        Ok(())
    }

    pub(super) async fn challenge_owner(&self, challenge_hash: &str) -> AppResult<Option<Uuid>> {
        let owner: Option<String> = self
            .redis
            .query(redis::cmd("GET").arg(self.challenge_key(challenge_hash)))
            .await
            .map_err(unavailable)?;
        Ok(owner.and_then(|id| Uuid::parse_str(&id).ok()))
    }

    pub(super) async fn reserve(
        &self,
        user_id: Uuid,
        purpose: Purpose,
        challenge_hash: Option<&str>,
        max_attempts: u32,
    ) -> AppResult<Option<Reserved>> {
        let mut invocation = RESERVE.key(self.code_key(user_id, purpose));
        invocation.arg(max_attempts).arg(challenge_hash.unwrap_or(""));
        let reserved: Option<(String, String)> = self.redis.invoke(&invocation).await.map_err(unavailable)?;
        Ok(reserved.map(|(id, code_hash)| Reserved { id, code_hash }))
    }

    pub(super) async fn rebind_challenge(&self, user_id: Uuid, challenge_hash: &str) -> AppResult<Option<Duration>> {
        let mut invocation = REBIND.key(self.code_key(user_id, Purpose::TwoStep));
        invocation
            .key(self.challenge_key(challenge_hash))
            .arg(challenge_hash)
            .arg(user_id.to_string());
        let left_ms: i64 = self.redis.invoke(&invocation).await.map_err(unavailable)?;
        Ok(u64::try_from(left_ms).ok().map(Duration::from_millis))
    }

    pub(super) async fn consume(&self, user_id: Uuid, purpose: Purpose, reserved: &Reserved) -> AppResult<bool> {
        let mut invocation = CONSUME.key(self.code_key(user_id, purpose));
        invocation.arg(&reserved.id);
        let deleted: i64 = self.redis.invoke(&invocation).await.map_err(unavailable)?;
        Ok(deleted == 1)
    }

    pub(super) async fn note_send(&self, email_hash: &str, limits: SendLimits) -> AppResult<SendVerdict> {
        let mut invocation = NOTE_SEND.key(self.redis.key(&format!("otp:cooldown:{email_hash}")));
        invocation
            .key(self.redis.key(&format!("otp:sends:{email_hash}")))
            .arg(if limits.cooldown.is_zero() {
                0
            } else {
                millis(limits.cooldown)
            })
            .arg(millis(limits.window))
            .arg(limits.limit);
        let wait_ms: i64 = self.redis.invoke(&invocation).await.map_err(unavailable)?;
        let (wait, limit) = match wait_ms {
            0 => return Ok(SendVerdict::Allowed),
            ms if ms > 0 => (ms, SendLimit::Cooldown),
            ms => (-ms, SendLimit::Cap),
        };
        Ok(SendVerdict::Refused {
            retry_after: Duration::from_millis(wait.unsigned_abs()),
            limit,
        })
    }
}
