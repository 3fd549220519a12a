//! Request-level middleware: the request scope and logging, security headers and CORS. What
//! stands between a request and its handler is in [`super::guard`].

use std::{
    net::SocketAddr,
    sync::{
        Arc, LazyLock,
        atomic::{AtomicU64, Ordering},
    },
    time::Instant,
};

use axum::{
    extract::{ConnectInfo, MatchedPath, Request, State},
    middleware::Next,
    response::Response,
};
use http::{HeaderMap, HeaderName, HeaderValue, header};
use tracing::Instrument;

use super::{
    client_ip::client_ip,
    context::{self, RequestScope},
    cors, operations,
};
use crate::{
    config::Settings,
    services::platform::{
        client::{self, Client},
        metrics,
    },
    telemetry,
};

const REQUEST_ID: &str = "x-request-id";
// Header names as constants: a name given as a string is parsed on every insert.
const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static(REQUEST_ID);
const CROSS_ORIGIN_OPENER_POLICY: HeaderName = HeaderName::from_static("cross-origin-opener-policy");
/// The staff console's: scripts and styles from the console only, never inline; no framing;
/// forms post only to the console.
const CONSOLE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                           connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";
const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'";

/// Opens the request scope, logs the request, and adds the request id, queued cookies and
/// security headers to every response.
pub async fn request_scope(State(settings): State<Arc<Settings>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let headers = request.headers();
    let request_id = headers
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        })
        .map_or_else(new_request_id, str::to_owned);
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.chars().take(512).collect());
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| client_ip(c.0.ip(), headers, &settings.trusted_proxies));
    let method = request.method().clone();
    let console = cors::is_console(request.uri().path());
    let cors_origin = if console {
        None
    } else {
        cors::allowed_origin(&settings, headers)
    };
    let preflight = cors::is_preflight(&method, request.uri().path());
    let path = shown_path(request.uri().path());
    let operation = operations::operation_id(&method, request.extensions().get::<MatchedPath>());
    let (span, trace_id) = telemetry::request_span(operation, &method, &request_id, headers);
    let client = Arc::new(Client {
        request_id: request_id.clone(),
        path: path.clone(),
        ip,
        user_agent,
    });
    let mut scope = RequestScope::default();
    scope.has_authorization = headers.contains_key(header::AUTHORIZATION);
    scope.accepts_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json") && !accept.contains("yaml"));
    let scope = Arc::new(scope);

    let mut response = if preflight {
        cors::preflight(cors_origin.clone())
    } else {
        client::scope(client, context::scope(scope.clone(), next.run(request)))
            .instrument(span.clone())
            .await
    };

    let out = response.headers_mut();
    // The headers added below, without growing the map one insert at a time.
    out.reserve(12);
    if !console && !preflight {
        cors::decorate(out, cors_origin);
    }
    for cookie in scope.take_cookies() {
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
            out.append(header::SET_COOKIE, value);
        }
    }
    if let Some(media_type) = scope.content_type() {
        out.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    }
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        out.insert(REQUEST_ID_HEADER, value);
    }
    security_headers(out, &path, console, settings.debug);
    let status = response.status();
    let latency = started.elapsed();
    metrics::http_request(operation, status.as_u16(), latency);
    span.record("http.response.status_code", status.as_u16());
    let latency_ms = latency.as_secs_f64() * 1000.0;
    let status = status.as_u16();
    let trace_id = trace_id.as_deref();
    span.in_scope(|| {
        // A 503 is the designed answer to an outage, already told by a throttled warning:
        // ERROR stays for what needs a person (a 500).
        if status == 503 {
            tracing::warn!(%method, path, operation, status, latency_ms, request_id, trace_id, "request");
        } else if status >= 500 {
            tracing::error!(%method, path, operation, status, latency_ms, request_id, trace_id, "request");
        } else {
            tracing::info!(%method, path, operation, status, latency_ms, request_id, trace_id, "request");
        }
    });
    response
}

/// A fresh request id: 32 hex digits, without a system call per request. The first half is
/// drawn once per process; the second is a counter passed through splitmix64's finaliser (a
/// bijection, so ids never repeat within a process) so that ids do not count the traffic.
fn new_request_id() -> String {
    static KEYS: LazyLock<[u64; 2]> = LazyLock::new(|| {
        let mut bytes = [0u8; 16];
        crate::services::platform::secrets::fill_random(&mut bytes);
        let (a, b) = bytes.split_at(8);
        [
            u64::from_le_bytes(a.try_into().unwrap_or_default()),
            u64::from_le_bytes(b.try_into().unwrap_or_default()),
        ]
    });
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let [prefix, offset] = *KEYS;
    let mut z = COUNTER.fetch_add(1, Ordering::Relaxed).wrapping_add(offset);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    // By hand: `format!` with two hex arguments showed in the profile of every request.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(32);
    for word in [prefix, z] {
        for shift in (0..16).rev() {
            id.push(char::from(HEX[((word >> (shift * 4)) & 0xf) as usize]));
        }
    }
    id
}

/// The request path as logs and problem documents show it: the token of a download link is
/// the capability itself, so it never leaves the request.
fn shown_path(path: &str) -> String {
    const SECRET_SEGMENT: [&str; 1] = ["/api/v1/data-exports/"];
    for prefix in SECRET_SEGMENT {
        if path.len() > prefix.len() && path.starts_with(prefix) {
            return format!("{prefix}{{token}}");
        }
    }
    path.to_string()
}

fn security_headers(out: &mut HeaderMap, path: &str, console: bool, debug: bool) {
    out.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    out.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    out.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    out.insert(CROSS_ORIGIN_OPENER_POLICY, HeaderValue::from_static("same-origin"));
    let docs = path == "/api/docs" || path == "/api/redoc" || path.starts_with("/api/docs/");
    let csp = match (docs, console) {
        (true, _) => DOCS_CSP,
        (_, true) => CONSOLE_CSP,
        _ => API_CSP,
    };
    out.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    if !debug {
        out.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    // Anything carrying a token or account data must never sit in a shared cache.
    if !out.contains_key(header::CACHE_CONTROL) {
        out.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::new_request_id;

    #[test]
    fn request_ids_are_32_hex_digits_and_never_repeat() {
        let ids: HashSet<String> = (0..10_000).map(|_| new_request_id()).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(
            ids.iter()
                .all(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        );
    }
}
