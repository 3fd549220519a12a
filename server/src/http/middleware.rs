//! Request-level middleware: the request scope and logging, security headers, the Host
//! check (ALLOWED_HOSTS) and CORS. The CSRF check of cookie mode is in [`super::csrf`].

use std::{net::SocketAddr, sync::Arc, time::Instant};

use axum::{
    extract::{ConnectInfo, MatchedPath, Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tracing::Instrument;
use uuid::Uuid;

use super::{
    client_ip::client_ip,
    context::{self, RequestScope},
    cookies::CSRF_HEADER,
    operations,
    problem::Problem,
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
        .map_or_else(|| Uuid::now_v7().simple().to_string(), str::to_owned);
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.chars().take(512).collect());
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| client_ip(c.0.ip(), headers, &settings.trusted_proxies));
    let method = request.method().clone();
    let path = request.uri().path().to_string();
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

    let mut response = client::scope(client, context::scope(scope.clone(), next.run(request)))
        .instrument(span.clone())
        .await;

    let out = response.headers_mut();
    for cookie in scope.take_cookies() {
        if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
            out.append(header::SET_COOKIE, value);
        }
    }
    if let Some(media_type) = scope.content_type() {
        out.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    }
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        out.insert(REQUEST_ID, value);
    }
    security_headers(out, &path, settings.debug);
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

fn security_headers(out: &mut HeaderMap, path: &str, debug: bool) {
    out.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    out.insert("x-frame-options", HeaderValue::from_static("DENY"));
    out.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    out.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    let docs = path == "/api/docs" || path == "/api/redoc" || path.starts_with("/api/docs/");
    out.insert(
        "content-security-policy",
        HeaderValue::from_static(if docs { DOCS_CSP } else { API_CSP }),
    );
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

/// Refuses requests whose authority is not in ALLOWED_HOSTS (`400 disallowed_host`): the
/// target's authority when the request line is in absolute form (it wins over `Host`, RFC 9112
/// §3.2.2), and the `Host` header when present; both must be allowed. More than one `Host`
/// header is refused too (RFC 9112 §3.2).
pub async fn check_host(State(settings): State<Arc<Settings>>, request: Request, next: Next) -> Response {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    let (host, extra) = (hosts.next(), hosts.next());
    if extra.is_some() {
        return disallowed_host("The request has more than one Host header.");
    }
    let host = match host.map(|v| v.to_str()) {
        Some(Ok(host)) => Some(host),
        Some(Err(_)) => return disallowed_host("The Host header is not in ALLOWED_HOSTS."),
        None => None,
    };
    let target = request.uri().authority().map(|a| a.as_str());
    if host.is_none() && target.is_none() {
        return disallowed_host("The request names no host.");
    }
    for (name, value) in [("The Host header", host), ("The request target's host", target)] {
        if let Some(value) = value
            && !host_allowed(&settings.allowed_hosts, value)
        {
            return disallowed_host(&format!("{name} is not in ALLOWED_HOSTS."));
        }
    }
    next.run(request).await
}

fn disallowed_host(detail: &str) -> Response {
    Problem::new(StatusCode::BAD_REQUEST, "disallowed_host", "Host not allowed")
        .detail(detail.to_owned())
        .into_response()
}

/// Whether `host` (with or without a port) matches an ALLOWED_HOSTS entry: an exact name,
/// `*`, or `.example.com` for the domain and its subdomains.
pub fn host_allowed(allowed: &[String], host: &str) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let name = if host.starts_with('[') {
        host.split_once(']').map_or(host.as_str(), |(v6, _)| v6).to_string() + "]"
    } else {
        host.rsplit_once(':')
            .map_or(host.as_str(), |(name, _)| name)
            .to_string()
    };
    allowed.iter().any(|entry| {
        let entry = entry.to_ascii_lowercase();
        entry == "*"
            || entry == name
            || entry
                .strip_prefix('.')
                .is_some_and(|domain| name == domain || name.ends_with(&entry))
    })
}

/// CORS for the listed origins only, with credentials; never `*`.
pub fn cors(settings: &Settings) -> CorsLayer {
    let origins: Vec<HeaderValue> = settings
        .cors_allowed_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::HeaderName::from_static(CSRF_HEADER),
        ])
        .expose_headers([
            header::HeaderName::from_static(REQUEST_ID),
            header::RETRY_AFTER,
            header::HeaderName::from_static("ratelimit"),
            header::HeaderName::from_static("ratelimit-policy"),
        ])
        .max_age(std::time::Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::host_allowed;

    #[test]
    fn hosts_match_names_ports_wildcards_and_domains() {
        let allowed = vec!["localhost".to_string(), "[::1]".to_string(), ".example.com".to_string()];
        assert!(host_allowed(&allowed, "localhost:8000"));
        assert!(host_allowed(&allowed, "[::1]:8000"));
        assert!(host_allowed(&allowed, "api.example.com"));
        assert!(host_allowed(&allowed, "example.com"));
        assert!(!host_allowed(&allowed, "evil.com"));
        assert!(!host_allowed(&allowed, "badexample.com"));
        assert!(host_allowed(&["*".to_string()], "anything:1"));
    }
}
