//! CORS for the origins of `CORS_ALLOWED_ORIGINS` only, with credentials; never `*`.
//!
//! Written here rather than taken from tower-http's layer: that layer is cloned with its lists,
//! builds a header map and joins its `Vary` value on every request, and adds its headers to
//! answers for requests that named no origin at all — most API traffic. Here a request without
//! an allowed origin costs one static `Vary` header. The staff console is same-origin only and
//! gets none of this (see [`is_console`]).

use axum::{body::Body, response::Response};
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};

use crate::config::Settings;

// Responses differ by these request headers, whether or not this one carried them.
const VARY: HeaderValue =
    HeaderValue::from_static("origin, access-control-request-method, access-control-request-headers");
const ALLOW_CREDENTIALS: HeaderValue = HeaderValue::from_static("true");
const ALLOW_METHODS: HeaderValue = HeaderValue::from_static("GET,POST,PUT,PATCH,DELETE");
// `x-csrf-token` is `cookies::CSRF_HEADER`.
const ALLOW_HEADERS: HeaderValue = HeaderValue::from_static("authorization,content-type,x-csrf-token");
const EXPOSE_HEADERS: HeaderValue = HeaderValue::from_static("x-request-id,retry-after,ratelimit,ratelimit-policy");
const MAX_AGE: HeaderValue = HeaderValue::from_static("600");

/// Whether `path` belongs to the staff console (its pages and assets).
pub fn is_console(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

/// The request's `Origin` when it is one of the allowed origins (compared byte for byte, as a
/// browser sends it: scheme, host and port).
pub fn allowed_origin(settings: &Settings, headers: &HeaderMap) -> Option<HeaderValue> {
    let origin = headers.get(header::ORIGIN)?;
    settings
        .cors_allowed_origins
        .iter()
        .any(|allowed| allowed.as_bytes() == origin.as_bytes())
        .then(|| origin.clone())
}

/// Whether a request is a CORS preflight to answer here: any `OPTIONS` outside the console
/// (no operation of the API answers `OPTIONS` itself).
pub fn is_preflight(method: &Method, path: &str) -> bool {
    method == Method::OPTIONS && !is_console(path)
}

/// The answer to a preflight: `200` with what an allowed origin may send; for any other
/// origin nothing that would let the browser go on.
pub fn preflight(origin: Option<HeaderValue>) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::OK;
    let out = response.headers_mut();
    out.insert(header::VARY, VARY);
    if let Some(origin) = origin {
        out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        out.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, ALLOW_CREDENTIALS);
        out.insert(header::ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
        out.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
        out.insert(header::ACCESS_CONTROL_MAX_AGE, MAX_AGE);
    }
    response
}

/// Adds the CORS headers of an actual (not preflight) response.
pub fn decorate(out: &mut HeaderMap, origin: Option<HeaderValue>) {
    out.append(header::VARY, VARY);
    if let Some(origin) = origin {
        out.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        out.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, ALLOW_CREDENTIALS);
        out.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::cookies::CSRF_HEADER;

    #[test]
    fn the_allowed_headers_name_the_csrf_header() {
        let allowed = ALLOW_HEADERS;
        let allowed = allowed.to_str().unwrap_or_default();
        assert!(allowed.split(',').any(|name| name == CSRF_HEADER));
    }

    #[test]
    fn only_the_console_is_left_out() {
        assert!(is_preflight(&Method::OPTIONS, "/api/v1/users/me"));
        assert!(is_preflight(&Method::OPTIONS, "/nowhere"));
        assert!(!is_preflight(&Method::OPTIONS, "/admin/users"));
        assert!(!is_preflight(&Method::GET, "/api/v1/users/me"));
        assert!(!is_console("/administrator"));
    }
}
