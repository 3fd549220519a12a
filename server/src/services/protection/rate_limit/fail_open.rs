//! Counting and logging the decisions that let a request through because Redis did not
//! answer: a warning at most every 10 s, with the running total, instead of one per request.

use std::time::Duration;

use crate::services::platform::{log_throttle::LogThrottle, metrics, redis::RedisUnavailable};

/// Counts fail-open decisions and logs them at most once per interval.
pub(super) struct FailOpen(LogThrottle);

impl Default for FailOpen {
    fn default() -> Self {
        Self(LogThrottle::new(Duration::from_secs(10)))
    }
}

impl FailOpen {
    /// Decisions that failed open since start.
    pub(super) fn total(&self) -> u64 {
        self.0.total()
    }

    /// Counts one, and logs when the last log is old enough.
    pub(super) fn note(&self, what: &'static str, error: &RedisUnavailable) {
        metrics::fail_open("redis", what);
        if let Some(total) = self.0.note() {
            tracing::warn!(
                limit = what,
                error = %error,
                failed_open_total = total,
                "Redis unavailable: rate limits fail open (requests are let through) until it is back"
            );
        }
    }
}
