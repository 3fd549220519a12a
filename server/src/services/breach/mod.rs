//! Breached passwords: new passwords (registration, reset, change) found in a breach corpus
//! are refused with the field error `password_breached`. Two sources:
//! - offline, always on: about 100,000 of the most common breached passwords compiled into
//!   the binary ([`offline`]), consulted by the password policy itself;
//! - online: the Pwned Passwords range API at `PWNED_PASSWORDS_URL` with k-anonymity (only
//!   the first 5 hex digits of the password's SHA-1 leave, and the answer is padded so its
//!   size says nothing either). It fails open: an API that does not answer within
//!   `PWNED_PASSWORDS_TIMEOUT` lets the password through, logged and counted, and is not
//!   asked again for 30 seconds.

pub mod offline;

use std::{
    sync::{
        Arc,
        atomic::{AtomicI64, Ordering},
    },
    time::Duration,
};

use bytes::Bytes;
use http::Request;
use http_body_util::Full;
use sha1::{Digest, Sha1};
use subtle::ConstantTimeEq;

use crate::{
    config::BreachSettings,
    error::{AppError, FieldError},
    services::platform::{log_throttle::LogThrottle, metrics, outbound::Outbound},
};

/// How long the online check rests after the API failed.
const REST_AFTER_FAILURE: Duration = Duration::from_secs(30);

static UNAVAILABLE_LOG: LogThrottle = LogThrottle::new(Duration::from_secs(60));

/// The field error of a breached password.
pub fn breached(field: &str) -> FieldError {
    FieldError::new(
        field,
        "password_breached",
        "This password appeared in a data breach: choose another one.",
    )
}

/// The online check; cheap to clone.
#[derive(Clone)]
pub struct Breach {
    online: Option<Arc<Online>>,
}

struct Online {
    base: String,
    out: Outbound,
    /// Until when (Unix milliseconds) the API is not asked, after a failure.
    resting_until: AtomicI64,
}

/// What the range API said about a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// In the corpus.
    Breached,
    /// Not in the corpus.
    Clean,
    /// No answer: the password is let through.
    Unknown,
}

impl Breach {
    /// No online check.
    pub fn off() -> Self {
        Self { online: None }
    }

    /// The check `settings` describe (none when `PWNED_PASSWORDS_URL=off`).
    pub fn new(settings: &BreachSettings) -> Self {
        let online = settings.pwned_passwords_url.as_ref().map(|base| {
            Arc::new(Online {
                base: base.clone(),
                out: Outbound::with_timeout(settings.timeout),
                resting_until: AtomicI64::new(0),
            })
        });
        Self { online }
    }

    /// Refuses `password` (as `field`) when the range API knows it; lets it through when the
    /// API is off or does not answer.
    pub async fn check(&self, field: &str, password: &str) -> Result<(), AppError> {
        match self.lookup(password).await {
            Verdict::Breached => Err(AppError::Validation(vec![breached(field)])),
            Verdict::Clean | Verdict::Unknown => Ok(()),
        }
    }

    /// Asks the range API about `password`.
    pub async fn lookup(&self, password: &str) -> Verdict {
        let Some(online) = &self.online else {
            return Verdict::Unknown;
        };
        let now = chrono::Utc::now().timestamp_millis();
        if online.resting_until.load(Ordering::Relaxed) > now {
            metrics::breach_check("skipped");
            return Verdict::Unknown;
        }
        let digest = hex_upper(&Sha1::digest(password.as_bytes()));
        let (prefix, suffix) = digest.split_at(5);
        match online.range(prefix).await {
            Ok(body) => {
                let verdict = if listed(&body, suffix) {
                    Verdict::Breached
                } else {
                    Verdict::Clean
                };
                metrics::breach_check(if verdict == Verdict::Breached {
                    "breached"
                } else {
                    "clean"
                });
                verdict
            }
            Err(reason) => {
                online
                    .resting_until
                    .store(now + REST_AFTER_FAILURE.as_millis() as i64, Ordering::Relaxed);
                metrics::breach_check("unavailable");
                if let Some(total) = UNAVAILABLE_LOG.note() {
                    tracing::warn!(
                        error = reason,
                        failures = total,
                        "the Pwned Passwords API did not answer: passwords are accepted without it for 30 s"
                    );
                }
                Verdict::Unknown
            }
        }
    }
}

impl Online {
    /// The range of `prefix`: `SUFFIX:COUNT` lines, padded.
    async fn range(&self, prefix: &str) -> Result<String, String> {
        let url = format!("{}/range/{prefix}", self.base);
        let request = Request::get(&url)
            .header("Add-Padding", "true")
            .body(Full::<Bytes>::default())
            .map_err(|e| e.to_string())?;
        let response = self.out.execute(request).await.map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("answered {}", response.status()));
        }
        String::from_utf8(response.into_body()).map_err(|e| e.to_string())
    }
}

/// Whether the range `body` lists `suffix` with a count above 0 (padding lines count 0).
fn listed(body: &str, suffix: &str) -> bool {
    let mut found = false;
    for line in body.lines() {
        let Some((candidate, count)) = line.trim().split_once(':') else {
            continue;
        };
        let same = candidate.len() == suffix.len()
            && bool::from(candidate.to_ascii_uppercase().as_bytes().ct_eq(suffix.as_bytes()));
        found |= same && count.trim().parse::<u64>().is_ok_and(|n| n > 0);
    }
    found
}

fn hex_upper(bytes: &[u8]) -> String {
    crate::services::platform::secrets::hex(bytes).to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_suffixes_with_a_count_count() {
        // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8.
        let digest = hex_upper(&Sha1::digest(b"password"));
        assert_eq!(digest, "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
        let suffix = &digest[5..];
        let body = format!("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n{suffix}:9545824\r\n");
        assert!(listed(&body, suffix));
        assert!(listed(&body.to_lowercase(), suffix), "hex case does not matter");
        let padded = format!("{suffix}:0\r\n0018A45C4D1DEF81644B54AB7F969B88D65:1");
        assert!(!listed(&padded, suffix), "a padding line is not a breach");
        assert!(!listed("garbage\n:\n", suffix));
    }
}
