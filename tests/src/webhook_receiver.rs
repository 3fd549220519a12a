//! A webhook receiver for tests: a real HTTP server on a loopback port that records every
//! request and answers the first few with a failure, and a Standard Webhooks signature check
//! written from the specification (independent of the server's code).

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{Router, body::Bytes, extract::State, http::HeaderMap, http::StatusCode, routing::post};
use base64::{Engine, engine::general_purpose::STANDARD};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// One request the receiver got.
#[derive(Clone, Debug)]
pub struct Received {
    /// `webhook-id`.
    pub id: String,
    /// `webhook-timestamp`.
    pub timestamp: String,
    /// `webhook-signature`.
    pub signature: String,
    /// The body, as sent.
    pub body: Vec<u8>,
    /// What the receiver answered.
    pub answered: u16,
}

impl Received {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    /// The event's `type`.
    pub fn event_type(&self) -> String {
        self.json()["type"].as_str().unwrap_or_default().to_string()
    }
}

#[derive(Default)]
struct Inner {
    received: Vec<Received>,
    failures_left: usize,
}

/// The running receiver.
#[derive(Clone)]
pub struct WebhookReceiver {
    /// `http://127.0.0.1:PORT/hook`.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

async fn receive(State(inner): State<Arc<Mutex<Inner>>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let mut inner = inner.lock().unwrap_or_else(|e| e.into_inner());
    let status = if inner.failures_left > 0 {
        inner.failures_left -= 1;
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::NO_CONTENT
    };
    inner.received.push(Received {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        body: body.to_vec(),
        answered: status.as_u16(),
    });
    status
}

impl WebhookReceiver {
    /// Starts a receiver that answers its first `failures` requests 503, then 204.
    pub async fn start(failures: usize) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}/hook", listener.local_addr().expect("local address"));
        let inner = Arc::new(Mutex::new(Inner {
            received: Vec::new(),
            failures_left: failures,
        }));
        let router = Router::new().route("/hook", post(receive)).with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url, inner }
    }

    /// Answers the next `failures` requests 503.
    pub fn fail_next(&self, failures: usize) {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).failures_left = failures;
    }

    /// Every request so far, in order.
    pub fn received(&self) -> Vec<Received> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).received.clone()
    }

    /// The requests answered 2xx so far.
    pub fn accepted(&self) -> Vec<Received> {
        self.received().into_iter().filter(|r| r.answered < 300).collect()
    }

    /// Waits (up to 20 s) until `n` requests were answered 2xx; returns them.
    pub async fn wait_accepted(&self, n: usize) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let accepted = self.accepted();
            if accepted.len() >= n {
                return accepted;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "timed out waiting for {n} accepted webhooks; got {:?}",
                self.received()
                    .iter()
                    .map(|r| (r.event_type(), r.answered))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Whether `received` carries a valid `v1` signature under the `whsec_…` `secret`, per the
/// Standard Webhooks specification.
pub fn signed_with(received: &Received, secret: &str) -> bool {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .expect("a base64 secret");
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key).expect("any key length");
    mac.update(format!("{}.{}.", received.id, received.timestamp).as_bytes());
    mac.update(&received.body);
    let expected = format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()));
    received.signature.split(' ').any(|signature| signature == expected)
}
