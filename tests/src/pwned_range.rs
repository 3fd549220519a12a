//! A Pwned Passwords range API on a loopback port: `GET /range/{5 hex}` answers the
//! `SUFFIX:COUNT` lines of the passwords it was given, padded with `:0` lines as the real one
//! does with `Add-Padding: true`. It records the prefixes and headers it saw, and can be told
//! to answer 503 or to stall.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{
    Router,
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    routing::get,
};
use sha1::{Digest, Sha1};

/// How the server behaves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RangeMode {
    /// Answers ranges.
    #[default]
    Answer,
    /// Answers 503.
    Fail,
    /// Never answers in time.
    Stall,
}

#[derive(Default)]
struct Inner {
    /// Prefix → (suffix, count).
    ranges: HashMap<String, Vec<(String, u64)>>,
    mode: RangeMode,
    /// Each request: the path's prefix and whether it asked for padding.
    seen: Vec<(String, bool)>,
}

/// The running range server.
#[derive(Clone)]
pub struct PwnedRange {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

fn sha1_hex(password: &str) -> String {
    Sha1::digest(password.as_bytes())
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

impl PwnedRange {
    /// Starts the server; it serves until the test process ends.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let inner = Arc::new(Mutex::new(Inner::default()));
        let router = Router::new()
            .route("/range/{prefix}", get(range))
            .with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url, inner }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Lists `password` as seen `count` times (0: only as a padding line).
    pub fn add(&self, password: &str, count: u64) {
        let digest = sha1_hex(password);
        let (prefix, suffix) = digest.split_at(5);
        self.lock()
            .ranges
            .entry(prefix.to_string())
            .or_default()
            .push((suffix.to_string(), count));
    }

    /// Sets how the server behaves.
    pub fn set_mode(&self, mode: RangeMode) {
        self.lock().mode = mode;
    }

    /// The requests so far: prefix and whether `Add-Padding: true` was sent.
    pub fn seen(&self) -> Vec<(String, bool)> {
        self.lock().seen.clone()
    }

    /// The first five hex digits of `password`'s SHA-1: all that may leave.
    pub fn prefix_of(password: &str) -> String {
        sha1_hex(password)[..5].to_string()
    }
}

async fn range(
    State(inner): State<Arc<Mutex<Inner>>>,
    Path(prefix): Path<String>,
    headers: HeaderMap,
) -> (StatusCode, String) {
    let (mode, lines) = {
        let mut inner = inner.lock().unwrap_or_else(|e| e.into_inner());
        let padded = headers.get("add-padding").is_some_and(|v| v == "true");
        inner.seen.push((prefix.clone(), padded));
        let mut lines: Vec<String> = inner
            .ranges
            .get(&prefix.to_ascii_uppercase())
            .map(|entries| entries.iter().map(|(s, n)| format!("{s}:{n}")).collect())
            .unwrap_or_default();
        // Padding: made-up suffixes with a count of 0, as the real API adds.
        lines.extend((0..20).map(|i| format!("{:035X}:0", i * 7919 + 1)));
        (inner.mode, lines)
    };
    match mode {
        RangeMode::Answer => (StatusCode::OK, lines.join("\r\n")),
        RangeMode::Fail => (StatusCode::SERVICE_UNAVAILABLE, String::new()),
        RangeMode::Stall => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            (StatusCode::OK, String::new())
        }
    }
}
