//! The shared Redis (`REDIS_URL`): one multiplexed connection that reconnects by itself, a
//! deadline on every command, key prefixing, and a short circuit breaker so that an
//! unreachable Redis costs requests nothing while it is down.
//!
//! Every failure — refused or lost connection, timeout, server error — comes back as
//! [`RedisUnavailable`]; callers decide what that means (rate limits fail open, one-time codes
//! cannot be checked). Nothing here panics and nothing logs the URL, which may hold a password.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use redis::{
    Cmd, FromRedisValue, RedisError, ScriptInvocation,
    aio::{ConnectionManager, ConnectionManagerConfig},
};

/// How long one command may take before Redis counts as unavailable.
pub const DEFAULT_COMMAND_TIMEOUT: Duration = Duration::from_millis(500);
/// After a connection failure, commands fail at once for this long before Redis is tried again.
const COOL_DOWN: Duration = Duration::from_secs(1);

/// Redis could not answer: down, unreachable, too slow, or it refused the command.
#[derive(Debug, Clone, thiserror::Error)]
#[error("redis unavailable: {reason}")]
pub struct RedisUnavailable {
    reason: String,
}

impl RedisUnavailable {
    fn new(reason: impl Into<String>) -> Self {
        Self { reason: reason.into() }
    }
}

/// A handle on the shared Redis; cheap to clone.
#[derive(Clone)]
pub struct Redis {
    manager: ConnectionManager,
    prefix: Arc<str>,
    timeout: Duration,
    health: Arc<Health>,
}

/// When the last connection failure happened, and how many commands failed in all.
struct Health {
    epoch: Instant,
    /// Milliseconds since `epoch` until which commands are not tried (0: healthy).
    down_until_ms: AtomicU64,
    failures: AtomicU64,
}

impl Redis {
    /// A handle on the Redis at `url`. Connects lazily, so a Redis that is down at startup
    /// does not stop the service: commands fail until it answers, then work. Fails only when
    /// the URL itself is invalid.
    pub fn connect(url: &str, prefix: impl Into<String>, timeout: Duration) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)
            .map_err(|e| anyhow::anyhow!("REDIS_URL is not a valid Redis URL ({})", e.category()))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            // Reconnection is driven by the next command after a failure: try once, fail fast.
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(200));
        let manager = ConnectionManager::new_lazy_with_config(client, config)
            .map_err(|e| anyhow::anyhow!("configuring the Redis connection ({})", e.category()))?;
        Ok(Self {
            manager,
            prefix: Arc::from(prefix.into()),
            timeout,
            health: Arc::new(Health {
                epoch: Instant::now(),
                down_until_ms: AtomicU64::new(0),
                failures: AtomicU64::new(0),
            }),
        })
    }

    /// `name` under the configured prefix (`REDIS_KEY_PREFIX`).
    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Runs one command.
    pub async fn query<T: FromRedisValue>(&self, cmd: &Cmd) -> Result<T, RedisUnavailable> {
        self.guarded(async {
            let mut connection = self.manager.clone();
            cmd.query_async(&mut connection).await
        })
        .await
    }

    /// Runs a Lua script atomically (EVALSHA, loading it on first use), e.g.
    /// `redis.invoke(script.key(&key).arg(now))`.
    pub async fn invoke<T: FromRedisValue>(&self, invocation: &ScriptInvocation<'_>) -> Result<T, RedisUnavailable> {
        self.guarded(async {
            let mut connection = self.manager.clone();
            invocation.invoke_async(&mut connection).await
        })
        .await
    }

    /// Checks that Redis answers.
    pub async fn ping(&self) -> Result<(), RedisUnavailable> {
        self.query::<String>(&redis::cmd("PING")).await.map(|_| ())
    }

    /// Commands that failed since start (connection problems, timeouts, refusals).
    pub fn failures(&self) -> u64 {
        self.health.failures.load(Ordering::Relaxed)
    }

    async fn guarded<T>(&self, command: impl Future<Output = Result<T, RedisError>>) -> Result<T, RedisUnavailable> {
        let now_ms = self.health.epoch.elapsed().as_millis() as u64;
        if now_ms < self.health.down_until_ms.load(Ordering::Relaxed) {
            self.health.failures.fetch_add(1, Ordering::Relaxed);
            return Err(RedisUnavailable::new("connection failed moments ago; not retried yet"));
        }
        let outcome = tokio::time::timeout(self.timeout, command).await;
        let (error, connection_problem) = match outcome {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(e)) => {
                let connection_problem = e.is_io_error()
                    || e.is_timeout()
                    || e.is_connection_dropped()
                    || e.is_connection_refusal()
                    || e.is_unrecoverable_error();
                (RedisUnavailable::new(describe(&e)), connection_problem)
            }
            Err(_) => (
                RedisUnavailable::new(format!("no answer within {:?}", self.timeout)),
                true,
            ),
        };
        self.health.failures.fetch_add(1, Ordering::Relaxed);
        if connection_problem {
            let until = self.health.epoch.elapsed() + COOL_DOWN;
            self.health
                .down_until_ms
                .store(until.as_millis() as u64, Ordering::Relaxed);
        }
        Err(error)
    }
}

/// What went wrong, without anything from the URL.
fn describe(e: &RedisError) -> String {
    match e.code() {
        Some(code) => format!("{} ({code})", e.category()),
        None => e.category().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_unreachable_redis_fails_fast_and_is_counted() {
        // Port 9 (discard) on localhost: nothing listens there in a test environment.
        let redis = Redis::connect("redis://127.0.0.1:9", "t:", Duration::from_millis(300)).expect("valid URL");
        assert_eq!(redis.key("a"), "t:a");
        assert!(redis.ping().await.is_err());
        let started = Instant::now();
        assert!(redis.ping().await.is_err());
        assert!(
            started.elapsed() < Duration::from_millis(50),
            "the breaker answers at once"
        );
        assert_eq!(redis.failures(), 2);
    }

    #[test]
    fn invalid_urls_are_refused_without_echoing_them() {
        let error = Redis::connect("http://user:secret@host", "", DEFAULT_COMMAND_TIMEOUT)
            .err()
            .expect("refused");
        assert!(!error.to_string().contains("secret"));
    }
}
