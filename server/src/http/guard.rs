//! The guard: what stands between a request and its handler, in one middleware layer — the
//! Host check of ALLOWED_HOSTS, the request timeout, the CSRF check of cookie mode
//! ([`super::csrf`]), the JSON-object check of bodies and the rewriting of the framework's own
//! error answers into problems ([`super::rejections`]).

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};

use super::{
    csrf::{CsrfGuard, csrf_refusal},
    problem::Problem,
    rejections::{as_problem, json_object_body},
};
use crate::{config::Settings, services::sessions::Sessions};

/// The refusal of a request whose authority is not in ALLOWED_HOSTS (`400 disallowed_host`):
/// the target's authority when the request line is in absolute form (it wins over `Host`, RFC
/// 9112 §3.2.2), and the `Host` header when present; both must be allowed. More than one `Host`
/// header is refused too (RFC 9112 §3.2).
pub fn host_refusal(settings: &Settings, request: &Request) -> Option<Response> {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    let (host, extra) = (hosts.next(), hosts.next());
    if extra.is_some() {
        return Some(disallowed_host("The request has more than one Host header."));
    }
    let host = match host.map(|v| v.to_str()) {
        Some(Ok(host)) => Some(host),
        Some(Err(_)) => return Some(disallowed_host("The Host header is not in ALLOWED_HOSTS.")),
        None => None,
    };
    let target = request.uri().authority().map(|a| a.as_str());
    if host.is_none() && target.is_none() {
        return Some(disallowed_host("The request names no host."));
    }
    for (name, value) in [("The Host header", host), ("The request target's host", target)] {
        if let Some(value) = value
            && !host_allowed(&settings.allowed_hosts, value)
        {
            return Some(disallowed_host(&format!("{name} is not in ALLOWED_HOSTS.")));
        }
    }
    None
}

/// What the guard needs. One layer rather than five: each axum middleware layer costs an
/// allocation and a boxed future per request.
pub struct Guard {
    settings: Arc<Settings>,
    csrf: CsrfGuard,
}

impl Guard {
    /// The guard for these settings and sessions.
    pub fn new(settings: Arc<Settings>, sessions: Sessions) -> Self {
        Self {
            csrf: CsrfGuard::new(settings.clone(), sessions),
            settings,
        }
    }
}

/// The [`Guard`] middleware.
pub async fn guard(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    if let Some(refusal) = host_refusal(&guard.settings, &request) {
        return refusal;
    }
    let checked = async {
        // Checked on the parts: a request's body cannot be shared across an await.
        let (parts, body) = request.into_parts();
        if let Some(refusal) = csrf_refusal(&guard.csrf, &parts).await {
            return refusal;
        }
        match json_object_body(Request::from_parts(parts, body), guard.settings.max_body_bytes).await {
            Ok(request) => next.run(request).await,
            Err(refusal) => refusal,
        }
    };
    let response = tokio::time::timeout(guard.settings.request_timeout, checked)
        .await
        .unwrap_or_else(|_| StatusCode::REQUEST_TIMEOUT.into_response());
    as_problem(response).await
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
