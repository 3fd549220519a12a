//! The in-process backend: one keyed GCRA limiter (`governor`) per policy. Right for one
//! instance; with several, each counts on its own (use Redis).

use std::{
    collections::HashMap,
    num::NonZeroU32,
    sync::{
        Mutex,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use governor::{
    Quota, RateLimiter,
    clock::{Clock, DefaultClock},
    middleware::StateInformationMiddleware,
    state::keyed::DefaultKeyedStateStore,
};

use super::Decision;
use crate::config::{Policy, Rate};

type Keyed = RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock, StateInformationMiddleware>;

/// Forget idle keys every this many decisions.
const HOUSEKEEPING_EVERY: u64 = 4096;

/// Per-policy limiters, and for "look, don't count" checks the keys known to be exhausted.
pub struct MemoryStore {
    limiters: Vec<(Policy, Keyed)>,
    /// Key → when it has room again; filled when a counted request empties a key.
    exhausted: Mutex<HashMap<String, Instant>>,
    decisions: AtomicU64,
}

impl MemoryStore {
    /// Limiters for the policies that are on.
    pub fn new(policies: impl IntoIterator<Item = (Policy, Rate)>) -> Self {
        let limiters = policies
            .into_iter()
            .filter_map(|(policy, rate)| Some((policy, RateLimiter::keyed(quota(rate)?).with_middleware())))
            .collect();
        Self {
            limiters,
            exhausted: Mutex::new(HashMap::new()),
            decisions: AtomicU64::new(0),
        }
    }

    /// Counts one request against `key` (or, with `count` false, only looks whether one
    /// would be allowed).
    pub fn decide(&self, policy: Policy, key: &str, count: bool) -> Decision {
        let Some((_, limiter)) = self.limiters.iter().find(|(p, _)| *p == policy) else {
            return Decision::allowed(u32::MAX);
        };
        if self.decisions.fetch_add(1, Ordering::Relaxed) % HOUSEKEEPING_EVERY == HOUSEKEEPING_EVERY - 1 {
            self.housekeeping();
        }
        if !count {
            return self.peek(key);
        }
        match limiter.check_key(&key.to_string()) {
            Ok(snapshot) => {
                let remaining = snapshot.remaining_burst_capacity();
                if remaining == 0 {
                    // Emptied: ask again (a refusal changes nothing) to learn when it refills,
                    // so that later looks can refuse without counting.
                    if let Err(not_until) = limiter.check_key(&key.to_string()) {
                        self.mark_exhausted(key, not_until.wait_time_from(limiter.clock().now()));
                    }
                }
                Decision::allowed(remaining)
            }
            Err(not_until) => {
                let wait = not_until.wait_time_from(limiter.clock().now());
                self.mark_exhausted(key, wait);
                Decision::refused(wait)
            }
        }
    }

    fn peek(&self, key: &str) -> Decision {
        let Ok(mut exhausted) = self.exhausted.lock() else {
            return Decision::allowed(0);
        };
        match exhausted.get(key) {
            Some(until) if *until > Instant::now() => Decision::refused(*until - Instant::now()),
            Some(_) => {
                exhausted.remove(key);
                Decision::allowed(1)
            }
            None => Decision::allowed(1),
        }
    }

    fn mark_exhausted(&self, key: &str, wait: Duration) {
        if let Ok(mut exhausted) = self.exhausted.lock() {
            exhausted.insert(key.to_string(), Instant::now() + wait);
        }
    }

    fn housekeeping(&self) {
        for (_, limiter) in &self.limiters {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        if let Ok(mut exhausted) = self.exhausted.lock() {
            let now = Instant::now();
            exhausted.retain(|_, until| *until > now);
        }
    }
}

/// `limit` per `period`, replenished one at a time.
fn quota(rate: Rate) -> Option<Quota> {
    let limit = NonZeroU32::new(rate.limit)?;
    Some(Quota::with_period(rate.period / rate.limit)?.allow_burst(limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_refusal_then_refill() {
        let store = MemoryStore::new([(Policy::LoginIp, Rate::new(3, Duration::from_millis(300)))]);
        for left in [2, 1, 0] {
            assert_eq!(store.decide(Policy::LoginIp, "k", true), Decision::allowed(left));
        }
        let refused = store.decide(Policy::LoginIp, "k", true);
        assert!(!refused.allowed && refused.retry_after <= Duration::from_millis(100));
        assert!(
            store.decide(Policy::LoginIp, "other", true).allowed,
            "keys are independent"
        );
        std::thread::sleep(Duration::from_millis(110));
        assert!(store.decide(Policy::LoginIp, "k", true).allowed);
    }

    #[test]
    fn looking_does_not_count_but_sees_exhaustion() {
        let store = MemoryStore::new([(Policy::LoginFailuresEmail, Rate::new(2, Duration::from_secs(60)))]);
        let p = Policy::LoginFailuresEmail;
        for _ in 0..5 {
            assert!(store.decide(p, "e", false).allowed);
        }
        store.decide(p, "e", true);
        assert!(store.decide(p, "e", false).allowed);
        store.decide(p, "e", true);
        let look = store.decide(p, "e", false);
        assert!(!look.allowed && look.retry_after > Duration::from_secs(25));
    }
}
