//! Counting and logging the decisions that let a request through because Redis did not
//! answer: a warning at most every 10 s, with the running total, instead of one per request.

use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::{Duration, Instant},
};

use crate::services::platform::redis::RedisUnavailable;

/// Counts fail-open decisions and logs them at most once per interval.
pub(super) struct FailOpen {
    /// Decisions that failed open since start.
    pub(super) count: AtomicU64,
    started: Instant,
    last_log_ms: AtomicU64,
}

impl Default for FailOpen {
    fn default() -> Self {
        Self {
            count: AtomicU64::new(0),
            started: Instant::now(),
            last_log_ms: AtomicU64::new(0),
        }
    }
}

const FAIL_OPEN_LOG_INTERVAL: Duration = Duration::from_secs(10);

impl FailOpen {
    /// Counts one, and logs when the last log is old enough.
    pub(super) fn note(&self, what: &'static str, error: &RedisUnavailable) {
        let total = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        let now = self.started.elapsed().as_millis() as u64 + FAIL_OPEN_LOG_INTERVAL.as_millis() as u64;
        let last = self.last_log_ms.load(Ordering::Relaxed);
        let due = last == 0 || now >= last + FAIL_OPEN_LOG_INTERVAL.as_millis() as u64;
        if due
            && self
                .last_log_ms
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            tracing::warn!(
                limit = what,
                error = %error,
                failed_open_total = total,
                "Redis unavailable: rate limits fail open (requests are let through) until it is back"
            );
        }
    }
}
