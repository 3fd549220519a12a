//! Where failures and locks are kept: in process, or in Redis (one hash per address, expiring
//! `reset_after` after its last failure) updated by atomic Lua scripts on Redis's clock.

use std::{
    collections::HashMap,
    sync::{LazyLock, Mutex},
    time::{Duration, Instant},
};

use redis::Script;

use crate::{
    config::LockoutSettings,
    services::platform::redis::{Redis, RedisUnavailable},
};

/// The failures of every address.
pub(super) enum Store {
    Memory(Mutex<HashMap<String, Entry>>),
    Redis(Redis),
}

/// One address's failures, in process.
pub(super) struct Entry {
    failures: u32,
    last_failure: Instant,
    locked_until: Option<Instant>,
    notified: bool,
}

impl Entry {
    fn new(now: Instant) -> Self {
        Self {
            failures: 0,
            last_failure: now,
            locked_until: None,
            notified: false,
        }
    }
}

/// What a failure did.
pub(super) struct Failure {
    /// Failures counted so far, this one included.
    pub failures: u32,
    /// Set when this failure locked the address, for this long.
    pub locked_for: Option<Duration>,
    /// Whether this is the first lock since the failures were last cleared.
    pub first_lock: bool,
}

/// KEYS[1]. Returns the milliseconds the lock still runs (0: not locked).
static CHECK: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local locked_until = tonumber(redis.call('HGET', KEYS[1], 'u') or '0')
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if locked_until > now then return locked_until - now end
return 0
",
    )
});

/// KEYS[1]; ARGV: threshold, base ms, max ms, reset ms. Returns {failures, lock ms, first lock}.
static FAIL: LazyLock<Script> = LazyLock::new(|| {
    Script::new(
        r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local threshold = tonumber(ARGV[1])
local failures = redis.call('HINCRBY', KEYS[1], 'f', 1)
local delay = 0
local first = 0
if failures >= threshold then
  delay = math.min(tonumber(ARGV[2]) * 2 ^ math.min(failures - threshold, 40), tonumber(ARGV[3]))
  redis.call('HSET', KEYS[1], 'u', string.format('%.0f', now + delay))
  first = redis.call('HSETNX', KEYS[1], 'n', '1')
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {failures, delay, first}
",
    )
});

impl Store {
    /// In Redis when there is one, in process otherwise.
    pub(super) fn new(redis: Option<&Redis>) -> Self {
        match redis {
            Some(redis) => Self::Redis(redis.clone()),
            None => Self::Memory(Mutex::new(HashMap::new())),
        }
    }

    /// How long `key` stays locked, if it is.
    pub(super) async fn remaining(
        &self,
        key: &str,
        settings: &LockoutSettings,
    ) -> Result<Option<Duration>, RedisUnavailable> {
        match self {
            Self::Memory(map) => Ok(map.lock().ok().and_then(|mut map| {
                let entry = map.get(key)?;
                if entry.last_failure.elapsed() >= settings.reset_after {
                    map.remove(key);
                    return None;
                }
                entry.locked_until?.checked_duration_since(Instant::now())
            })),
            Self::Redis(redis) => {
                let ms: u64 = redis.invoke(&CHECK.key(redis.key(key))).await?;
                Ok((ms > 0).then(|| Duration::from_millis(ms)))
            }
        }
    }

    /// Counts a failure on `key`, locking it past the threshold.
    pub(super) async fn fail(
        &self,
        key: &str,
        settings: &LockoutSettings,
    ) -> Result<Option<Failure>, RedisUnavailable> {
        match self {
            Self::Memory(map) => Ok(map.lock().ok().map(|mut map| fail_in_memory(&mut map, key, settings))),
            Self::Redis(redis) => {
                let (failures, delay_ms, first): (u32, u64, u8) = redis
                    .invoke(
                        FAIL.key(redis.key(key))
                            .arg(settings.threshold)
                            .arg(settings.base_delay.as_millis() as u64)
                            .arg(settings.max_delay.as_millis() as u64)
                            .arg(settings.reset_after.as_millis() as u64),
                    )
                    .await?;
                Ok(Some(Failure {
                    failures,
                    locked_for: (delay_ms > 0).then(|| Duration::from_millis(delay_ms)),
                    first_lock: first == 1,
                }))
            }
        }
    }

    /// Forgets the failures of `key`.
    pub(super) async fn clear(&self, key: &str) -> Result<(), RedisUnavailable> {
        match self {
            Self::Memory(map) => {
                if let Ok(mut map) = map.lock() {
                    map.remove(key);
                }
                Ok(())
            }
            Self::Redis(redis) => redis
                .query::<i64>(redis::cmd("DEL").arg(redis.key(key)))
                .await
                .map(|_| ()),
        }
    }
}

fn fail_in_memory(map: &mut HashMap<String, Entry>, key: &str, settings: &LockoutSettings) -> Failure {
    let now = Instant::now();
    // Keep the map small: forget addresses whose failures have expired.
    if map.len() > 10_000 {
        map.retain(|_, e| e.last_failure.elapsed() < settings.reset_after);
    }
    let entry = map.entry(key.to_string()).or_insert_with(|| Entry::new(now));
    if entry.last_failure.elapsed() >= settings.reset_after {
        *entry = Entry::new(now);
    }
    entry.failures += 1;
    entry.last_failure = now;
    let mut failure = Failure {
        failures: entry.failures,
        locked_for: None,
        first_lock: false,
    };
    if entry.failures >= settings.threshold {
        let delay = lock_delay(settings, entry.failures);
        entry.locked_until = Some(now + delay);
        failure.locked_for = Some(delay);
        failure.first_lock = !entry.notified;
        entry.notified = true;
    }
    failure
}

/// `base × 2^(failures − threshold)`, at most `max`.
fn lock_delay(settings: &LockoutSettings, failures: u32) -> Duration {
    let doublings = failures.saturating_sub(settings.threshold).min(30);
    settings
        .base_delay
        .saturating_mul(1 << doublings)
        .min(settings.max_delay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_from_the_base_up_to_the_maximum() {
        let settings = LockoutSettings::default();
        let minutes: Vec<u64> = (10..=16).map(|f| lock_delay(&settings, f).as_secs() / 60).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 15, 15, 15]);
        assert_eq!(lock_delay(&settings, 1000), Duration::from_secs(900));
    }

    #[tokio::test]
    async fn in_process_the_first_lock_is_flagged_once_until_cleared() {
        let settings = LockoutSettings {
            threshold: 2,
            ..LockoutSettings::default()
        };
        let store = Store::new(None);
        let fail = || async { store.fail("k", &settings).await.ok().flatten().expect("counted") };
        assert!(fail().await.locked_for.is_none());
        let first = fail().await;
        assert_eq!(
            (first.locked_for, first.first_lock),
            (Some(Duration::from_secs(60)), true)
        );
        let second = fail().await;
        assert_eq!(
            (second.locked_for, second.first_lock),
            (Some(Duration::from_secs(120)), false)
        );
        assert!(store.remaining("k", &settings).await.ok().flatten().is_some());
        store.clear("k").await.ok();
        assert_eq!(store.remaining("k", &settings).await.ok().flatten(), None);
        assert!(fail().await.locked_for.is_none(), "cleared failures start from zero");
    }
}
