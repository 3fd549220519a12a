//! A warning that a failing dependency would repeat on every request (1,331 lines in 25 s
//! during a Redis outage) logged at most once per interval, with the running count.

use std::{
    sync::{
        OnceLock,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

/// Counts occurrences and says when one is due to be logged; usable as a `static`.
pub struct LogThrottle {
    interval: Duration,
    count: AtomicU64,
    started: OnceLock<Instant>,
    /// Milliseconds since `started`, plus one, of the last logged occurrence; 0: none yet.
    last_log_ms: AtomicU64,
}

impl LogThrottle {
    /// A throttle logging at most once per `interval`.
    pub const fn new(interval: Duration) -> Self {
        Self {
            interval,
            count: AtomicU64::new(0),
            started: OnceLock::new(),
            last_log_ms: AtomicU64::new(0),
        }
    }

    /// Occurrences counted since start.
    pub fn total(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    /// Counts one occurrence; `Some(total since start)` when it should be logged (the first,
    /// then the first after each interval), `None` otherwise. One caller wins a race.
    pub fn note(&self) -> Option<u64> {
        let total = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        let started = self.started.get_or_init(Instant::now);
        let now = started.elapsed().as_millis() as u64 + 1;
        let last = self.last_log_ms.load(Ordering::Relaxed);
        let due = last == 0 || now >= last + self.interval.as_millis() as u64;
        let won = due
            && self
                .last_log_ms
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok();
        won.then_some(total)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn logs_the_first_occurrence_then_once_per_interval_with_the_count() {
        let throttle = LogThrottle::new(Duration::from_millis(200));
        assert_eq!(throttle.note(), Some(1));
        let logged = (0..1330).filter_map(|_| throttle.note()).count();
        assert_eq!(logged, 0, "nothing more within the interval");
        std::thread::sleep(Duration::from_millis(250));
        assert_eq!(throttle.note(), Some(1332), "the next line carries the running count");
        assert_eq!(throttle.note(), None);
    }

    #[test]
    fn concurrent_occurrences_log_once() {
        let throttle = Arc::new(LogThrottle::new(Duration::from_secs(60)));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let throttle = throttle.clone();
                std::thread::spawn(move || (0..1000).filter_map(|_| throttle.note()).count())
            })
            .collect();
        let logged: usize = threads.into_iter().map(|t| t.join().unwrap_or(0)).sum();
        assert_eq!(logged, 1);
        assert_eq!(throttle.note(), None);
    }
}
