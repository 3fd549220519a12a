//! The Prometheus metric families and the calls that record them, in one place so that every
//! name, label and unit is written once. Labels carry kinds and outcomes, never a user, an
//! address or a token. Recording goes through the `metrics` facade: without an installed
//! recorder (unit tests, the CLI's one-off commands) every call is a no-op.

use std::{cell::RefCell, collections::HashMap, sync::OnceLock, time::Duration};

use metrics::{Counter, Histogram};

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// HTTP requests by `operation` (the spec's operationId) and `status`.
pub const HTTP_REQUESTS: &str = "gatehouse_http_requests_total";
/// HTTP request latency by `operation` and `status`.
pub const HTTP_DURATION: &str = "gatehouse_http_request_duration_seconds";
/// Sign-in attempts by `method` and `result`.
pub const SIGN_INS: &str = "gatehouse_sign_ins_total";
/// Refresh-token rotations by `result`.
pub const REFRESHES: &str = "gatehouse_token_refreshes_total";
/// Refresh tokens presented again after rotation (the family is revoked).
pub const REFRESH_REUSE: &str = "gatehouse_refresh_token_reuse_detected_total";
/// Sessions ended, by `reason`.
pub const SESSIONS_REVOKED: &str = "gatehouse_sessions_revoked_total";
/// Accounts locked after repeated failed sign-ins.
pub const LOCKOUTS: &str = "gatehouse_lockouts_total";
/// Requests refused by a rate limit, by `policy`.
pub const RATE_LIMITED: &str = "gatehouse_rate_limited_total";
/// Decisions taken without a dependency that did not answer, by `dependency` and `check`.
pub const FAIL_OPEN: &str = "gatehouse_fail_open_total";
/// Time one argon2id hash or verification took on its thread.
pub const PASSWORD_HASH: &str = "gatehouse_password_hash_seconds";
/// Time a hash waited for a free hashing permit.
pub const PASSWORD_HASH_WAIT: &str = "gatehouse_password_hash_queue_wait_seconds";
/// E-mailed one-time codes by `purpose` and `result` (`sent`, `failed`).
pub const ONE_TIME_CODES: &str = "gatehouse_one_time_codes_total";
/// One-time codes entered wrong, expired or exhausted, by `purpose`.
pub const ONE_TIME_CODE_FAILURES: &str = "gatehouse_one_time_code_failures_total";
/// Outbox deliveries by `result` (`sent`, `retry`, `dead`).
pub const EMAILS: &str = "gatehouse_emails_total";
/// E-mails waiting in the outbox (measured at scrape time).
pub const OUTBOX_PENDING: &str = "gatehouse_outbox_pending";
/// Age of the oldest e-mail waiting in the outbox, in seconds (0 when none waits).
pub const OUTBOX_OLDEST_AGE: &str = "gatehouse_outbox_oldest_pending_age_seconds";
/// Dead e-mails kept in the outbox (measured at scrape time).
pub const OUTBOX_DEAD: &str = "gatehouse_outbox_dead";
/// Database pool connections by `state` (`in_use`, `idle`) and the pool's `max`.
pub const DB_POOL: &str = "gatehouse_db_pool_connections";
/// Database pool size limit.
pub const DB_POOL_MAX: &str = "gatehouse_db_pool_max_connections";
/// Requests answered 503 because a dependency did not answer in time: the database (down, or
/// no pooled connection free within the acquire timeout: the pool's waiters that gave up), or
/// Redis where one-time codes live there.
pub const UNAVAILABLE: &str = "gatehouse_dependency_unavailable_total";
/// Session-cache lookups by `result` (`hit`, `miss`).
pub const SESSION_CACHE: &str = "gatehouse_session_cache_lookups_total";
/// Audit events recorded, by `event`.
pub const AUDIT_EVENTS: &str = "gatehouse_audit_events_total";
/// Second factors added and removed, by factor and change (`enabled`, `disabled`, `reset`).
pub const MFA_CHANGES: &str = "gatehouse_mfa_changes_total";
/// Sensitive operations refused for want of a recent authentication, and re-authentications.
pub const STEP_UPS: &str = "gatehouse_step_ups_total";
/// New passwords looked up in the Pwned Passwords API: `breached`, `clean`, `unavailable`
/// (failed open), `skipped` (resting after a failure).
pub const BREACH_CHECKS: &str = "gatehouse_breached_password_checks_total";
/// Webhook delivery attempts by `event` and `result` (`delivered`, `retry`, `dead`).
pub const WEBHOOKS: &str = "gatehouse_webhook_deliveries_total";
/// Always 1, labelled with the `version`.
pub const BUILD_INFO: &str = "gatehouse_build_info";

// Request latencies: 1 ms to 10 s.
const LATENCY_BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 7.5, 10.0,
];
// Argon2 runs tens of milliseconds; a queue under a login storm can wait seconds.
const HASH_BUCKETS: [f64; 12] = [0.0005, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

static RECORDER: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The installed recorder, if [`install`] ran (only `serve` installs it: the one-off commands
/// record nothing).
pub fn recorder() -> Option<&'static PrometheusHandle> {
    RECORDER.get().and_then(Option::as_ref)
}

/// Installs the process-wide Prometheus recorder (once; later calls change nothing) and sets
/// the build info. Without it (another recorder came first) `/metrics` stays empty.
pub fn install() {
    RECORDER.get_or_init(|| {
        let built = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(HTTP_DURATION.into()), &LATENCY_BUCKETS)
            .and_then(|b| b.set_buckets_for_metric(Matcher::Full(PASSWORD_HASH.into()), &HASH_BUCKETS))
            .and_then(|b| b.set_buckets_for_metric(Matcher::Full(PASSWORD_HASH_WAIT.into()), &HASH_BUCKETS))
            .and_then(PrometheusBuilder::install_recorder);
        match built {
            Ok(handle) => {
                metrics::gauge!(BUILD_INFO, "version" => env!("CARGO_PKG_VERSION")).set(1.0);
                Some(handle)
            }
            Err(e) => {
                tracing::warn!(error = %e, "metrics recorder not installed: /metrics stays empty");
                None
            }
        }
    });
}

/// How a sign-in was attempted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInMethod {
    /// E-mail and password.
    Password,
    /// An e-mailed code instead of a password.
    EmailOtp,
    /// The e-mailed code of a two-step login, after the password.
    TwoStep,
    /// An outside identity provider (Google, GitHub, an OpenID Connect issuer…).
    Social,
    /// An authenticator-app code completing a sign-in.
    Totp,
    /// A recovery code completing a sign-in.
    RecoveryCode,
    /// A passkey, alone or completing a sign-in.
    Passkey,
}

impl SignInMethod {
    fn as_str(self) -> &'static str {
        match self {
            Self::Password => "password",
            Self::EmailOtp => "email_otp",
            Self::TwoStep => "two_step",
            Self::Social => "social",
            Self::Totp => "totp",
            Self::RecoveryCode => "recovery_code",
            Self::Passkey => "passkey",
        }
    }
}

/// Counts a sign-in attempt; `result` is `success`, `second_factor_required` or the failure
/// reason the audit log records (`wrong_password`, `unknown_email`, …).
pub fn sign_in(method: SignInMethod, result: &'static str) {
    metrics::counter!(SIGN_INS, "method" => method.as_str(), "result" => result).increment(1);
}

/// Counts a refresh: `rotated`, `grace` (a retry within the grace window), `reused`,
/// `invalid`.
pub fn refresh(result: &'static str) {
    metrics::counter!(REFRESHES, "result" => result).increment(1);
    if result == "reused" {
        metrics::counter!(REFRESH_REUSE).increment(1);
    }
}

/// Counts `count` sessions ended for `reason`.
pub fn sessions_revoked(reason: &'static str, count: u64) {
    if count > 0 {
        metrics::counter!(SESSIONS_REVOKED, "reason" => reason).increment(count);
    }
}

/// Counts an account lock-out.
pub fn lockout() {
    metrics::counter!(LOCKOUTS).increment(1);
}

/// Counts a request refused by `policy`.
pub fn rate_limited(policy: &'static str) {
    metrics::counter!(RATE_LIMITED, "policy" => policy).increment(1);
}

/// Counts a decision taken without `dependency` (it failed open).
pub fn fail_open(dependency: &'static str, check: &'static str) {
    metrics::counter!(FAIL_OPEN, "dependency" => dependency, "check" => check).increment(1);
}

/// Records one hash: how long it waited for a permit and how long it ran.
pub fn password_hash(queue_wait: Duration, work: Duration) {
    metrics::histogram!(PASSWORD_HASH_WAIT).record(queue_wait.as_secs_f64());
    metrics::histogram!(PASSWORD_HASH).record(work.as_secs_f64());
}

/// Counts an online breached-password lookup by its result.
pub fn breach_check(result: &'static str) {
    metrics::counter!(BREACH_CHECKS, "result" => result).increment(1);
}

/// Counts a one-time code e-mailed (`sent`: queued in the outbox) or not (`failed`).
pub fn one_time_code(purpose: &'static str, result: &'static str) {
    metrics::counter!(ONE_TIME_CODES, "purpose" => purpose, "result" => result).increment(1);
}

/// Counts a second factor added or removed: `factor` `totp` or `recovery_codes`, `change`
/// `enabled`, `disabled`, `regenerated` or `reset` (by staff).
pub fn mfa_change(factor: &'static str, change: &'static str) {
    metrics::counter!(MFA_CHANGES, "factor" => factor, "change" => change).increment(1);
}

/// Counts a step-up: `required` (refused, reauthentication needed), `succeeded`, `failed`.
pub fn step_up(result: &'static str) {
    metrics::counter!(STEP_UPS, "result" => result).increment(1);
}

/// Counts a one-time code refused.
pub fn one_time_code_failure(purpose: &'static str) {
    metrics::counter!(ONE_TIME_CODE_FAILURES, "purpose" => purpose).increment(1);
}

/// Counts an outbox delivery attempt's outcome.
pub fn email(result: &'static str) {
    metrics::counter!(EMAILS, "result" => result).increment(1);
}

/// Counts a webhook delivery attempt of an `event` by its `result`.
pub fn webhook(event: &'static str, result: &'static str) {
    metrics::counter!(WEBHOOKS, "event" => event, "result" => result).increment(1);
}

/// Counts a session-cache lookup.
pub fn session_cache(hit: bool) {
    // Every authenticated request passes here: the two handles are looked up once per worker
    // thread, as in `http_request`.
    thread_local! {
        static HANDLES: [Counter; 2] = [
            metrics::counter!(SESSION_CACHE, "result" => "miss"),
            metrics::counter!(SESSION_CACHE, "result" => "hit"),
        ];
    }
    HANDLES.with(|handles| handles[usize::from(hit)].increment(1));
}

/// Counts a request answered 503 because a dependency was unavailable.
pub fn dependency_unavailable() {
    metrics::counter!(UNAVAILABLE).increment(1);
}

/// Counts an audit event.
pub fn audit_event(event: &'static str) {
    metrics::counter!(AUDIT_EVENTS, "event" => event).increment(1);
}

/// Records an HTTP request.
pub fn http_request(operation: &'static str, status: u16, latency: Duration) {
    // The handles of each (operation, status) are looked up in the registry once per worker
    // thread: building the labelled key and hashing it on every request cost more than the
    // recording itself.
    thread_local! {
        static HANDLES: RefCell<HashMap<(usize, u16), (Counter, Histogram)>> = RefCell::new(HashMap::new());
    }
    HANDLES.with_borrow_mut(|handles| {
        let (requests, duration) = handles.entry((operation.as_ptr() as usize, status)).or_insert_with(|| {
            let status = status_label(status);
            (
                metrics::counter!(HTTP_REQUESTS, "operation" => operation, "status" => status),
                metrics::histogram!(HTTP_DURATION, "operation" => operation, "status" => status),
            )
        });
        requests.increment(1);
        duration.record(latency.as_secs_f64());
    });
}

/// The outbox's state, measured when metrics are scraped.
pub fn outbox(pending: u64, oldest_pending_age: Duration, dead: u64) {
    metrics::gauge!(OUTBOX_PENDING).set(pending as f64);
    metrics::gauge!(OUTBOX_OLDEST_AGE).set(oldest_pending_age.as_secs_f64());
    metrics::gauge!(OUTBOX_DEAD).set(dead as f64);
}

/// The database pool, measured when metrics are scraped.
pub fn db_pool(in_use: u32, idle: u32, max: u32) {
    metrics::gauge!(DB_POOL, "state" => "in_use").set(f64::from(in_use));
    metrics::gauge!(DB_POOL, "state" => "idle").set(f64::from(idle));
    metrics::gauge!(DB_POOL_MAX).set(f64::from(max));
}

// Status codes as static labels: no allocation per request.
fn status_label(status: u16) -> &'static str {
    const CODES: [(u16, &str); 26] = [
        (200, "200"),
        (201, "201"),
        (202, "202"),
        (204, "204"),
        (301, "301"),
        (302, "302"),
        (304, "304"),
        (400, "400"),
        (401, "401"),
        (403, "403"),
        (404, "404"),
        (405, "405"),
        (406, "406"),
        (408, "408"),
        (409, "409"),
        (410, "410"),
        (413, "413"),
        (415, "415"),
        (422, "422"),
        (429, "429"),
        (431, "431"),
        (500, "500"),
        (501, "501"),
        (502, "502"),
        (503, "503"),
        (504, "504"),
    ];
    CODES.iter().find(|(code, _)| *code == status).map_or(
        match status / 100 {
            1 => "1xx",
            2 => "2xx",
            3 => "3xx",
            4 => "4xx",
            _ => "5xx",
        },
        |(_, label)| label,
    )
}

#[cfg(test)]
mod tests {
    use super::status_label;

    #[test]
    fn statuses_are_labelled_exactly_or_by_class() {
        assert_eq!(status_label(200), "200");
        assert_eq!(status_label(503), "503");
        assert_eq!(status_label(418), "4xx");
        assert_eq!(status_label(599), "5xx");
    }
}
