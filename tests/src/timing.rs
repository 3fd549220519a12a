//! Measuring how long requests take, and comparing two kinds of request (anti-enumeration).

use std::time::{Duration, Instant};

/// The median of some durations.
pub fn median(mut durations: Vec<Duration>) -> Duration {
    durations.sort();
    durations[durations.len() / 2]
}

/// How long a future takes.
pub async fn timed<T>(f: impl Future<Output = T>) -> (T, Duration) {
    let started = Instant::now();
    let out = f.await;
    (out, started.elapsed())
}

/// Rounds of each kind; interleaved so that load on the machine hits both alike.
const ROUNDS: usize = 31;
/// How much slower or faster one side may be, relative to the faster side's median.
const TOLERANCE: f64 = 0.25;
/// Absolute allowance for scheduler noise.
const SLACK: Duration = Duration::from_micros(200);
/// Quiet time before each timed request.
const PAUSE: Duration = Duration::from_millis(10);

/// Whether the known and unknown timings are alike: the median of the paired differences
/// (each known try against the unknown try next to it, so drifts in the machine's load cancel
/// out) is within `TOLERANCE` of the faster median, plus `SLACK` for scheduler noise.
fn similar(what: &str, known: Vec<Duration>, unknown: Vec<Duration>) -> Result<(), String> {
    let differences: Vec<f64> = known
        .iter()
        .zip(&unknown)
        .map(|(k, u)| k.as_secs_f64() - u.as_secs_f64())
        .collect();
    let mut sorted = differences.clone();
    sorted.sort_by(f64::total_cmp);
    let paired = sorted[sorted.len() / 2];
    let (known, unknown) = (median(known), median(unknown));
    let bound = Ord::min(known, unknown).as_secs_f64() * TOLERANCE + SLACK.as_secs_f64();
    println!(
        "{what}: median known {known:?}, unknown {unknown:?}, paired difference {:.3} ms (bound {:.3} ms)",
        paired * 1e3,
        bound * 1e3
    );
    if paired.abs() <= bound {
        return Ok(());
    }
    Err(format!(
        "{what}: known address {known:?} vs unknown address {unknown:?}: paired difference {:.3} ms",
        paired * 1e3
    ))
}

/// Measurements taken before giving up: a systematic difference fails every one, while a
/// burst of load from other tests on a small machine rarely spoils three in a row.
const MEASUREMENTS: usize = 3;

/// Asserts that `known` and `unknown` take alike times (see [`similar`]) in at least one of
/// `MEASUREMENTS` measurements.
pub async fn assert_alike<K, U, FK, FU>(what: &str, known: K, unknown: U)
where
    K: Fn() -> FK,
    U: Fn() -> FU,
    FK: Future<Output = ()>,
    FU: Future<Output = ()>,
{
    let mut failures = Vec::new();
    for _ in 0..MEASUREMENTS {
        let (for_known, for_unknown) = time_pairs(&known, &unknown).await;
        match similar(what, for_known, for_unknown) {
            Ok(()) => return,
            Err(failure) => failures.push(failure),
        }
    }
    panic!("timings differ in every measurement:\n{}", failures.join("\n"));
}

/// Times `ROUNDS` pairs of `known` and `unknown`, in alternating order, each on a server left
/// quiet for a moment (a request for a known address leaves work behind: the e-mail).
async fn time_pairs<K, U, FK, FU>(known: &K, unknown: &U) -> (Vec<Duration>, Vec<Duration>)
where
    K: Fn() -> FK,
    U: Fn() -> FU,
    FK: Future<Output = ()>,
    FU: Future<Output = ()>,
{
    let (mut for_known, mut for_unknown) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        for known_now in [round % 2 == 0, round % 2 == 1] {
            tokio::time::sleep(PAUSE).await;
            if known_now {
                for_known.push(timed(known()).await.1);
            } else {
                for_unknown.push(timed(unknown()).await.1);
            }
        }
    }
    (for_known, for_unknown)
}
