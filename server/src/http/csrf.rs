//! The CSRF check of cookie mode: an unsafe request authenticated by cookie must come from
//! this server or a trusted origin (`Origin`, else `Referer`) and carry in `X-CSRF-Token` the
//! token of the session it acts on, which the `gh_csrf` cookie holds (signed double-submit).

use std::sync::Arc;

use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use http::{HeaderMap, Method, StatusCode, header};
use subtle::ConstantTimeEq;
use uuid::Uuid;

use super::{
    cookies::{ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE, REFRESH_ENDPOINT},
    problem::Problem,
};
use crate::{config::Settings, services::sessions::Sessions};

/// What the CSRF check needs: the settings, and the sessions to derive tokens and to find
/// the session of a refresh cookie.
pub struct CsrfGuard {
    settings: Arc<Settings>,
    sessions: Sessions,
}

impl CsrfGuard {
    /// The guard for `settings`.
    pub fn new(settings: Arc<Settings>, sessions: Sessions) -> Self {
        Self { settings, sessions }
    }
}

/// The refusal (`403 csrf_failed`) of an unsafe cookie-authenticated request (no
/// Authorization header) from an untrusted origin, or without the token of its session in
/// `X-CSRF-Token`; `None` lets the request through.
///
/// The session is the one the handler will act on: the `sid` of the `gh_access` JWT (only
/// decoded here; the handler verifies the token), or on the refresh endpoint, where the
/// access cookie has usually expired, the session of the `gh_refresh` token (one lookup).
pub async fn csrf_refusal(guard: &CsrfGuard, request: &http::request::Parts) -> Option<Response> {
    let safe = matches!(
        request.method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    );
    let headers = &request.headers;
    if !guard.settings.auth_cookies || safe || headers.contains_key(header::AUTHORIZATION) {
        return None;
    }
    let jar = CookieJar::from_headers(headers);
    if jar.get(ACCESS_COOKIE).is_none() && jar.get(REFRESH_COOKIE).is_none() {
        return None;
    }
    // Two cookies of one name (one planted for a broader domain or path): which one the
    // handler reads is not ours to guess.
    if [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]
        .iter()
        .any(|name| cookie_count(headers, name) > 1)
        || !origin_trusted(&guard.settings, headers)
    {
        return Some(csrf_failed());
    }
    let (Some(cookie), Some(sent)) = (jar.get(CSRF_COOKIE), headers.get(CSRF_HEADER)) else {
        return Some(csrf_failed());
    };
    let refresh = jar
        .get(REFRESH_COOKIE)
        .filter(|_| request.uri.path() == REFRESH_ENDPOINT);
    let session = match refresh {
        Some(refresh) => match guard.sessions.refresh_token_session(refresh.value()).await {
            Ok(session) => session,
            Err(e) => return Some(e.into_response()),
        },
        None => jar.get(ACCESS_COOKIE).and_then(|c| access_token_session(c.value())),
    };
    let Some(session) = session else {
        return Some(csrf_failed());
    };
    let expected = guard.sessions.csrf_token(session);
    let sent = sent.as_bytes();
    if bool::from(sent.ct_eq(expected.as_bytes()) & cookie.value().as_bytes().ct_eq(sent)) {
        return None;
    }
    Some(csrf_failed())
}

fn csrf_failed() -> Response {
    Problem::new(StatusCode::FORBIDDEN, "csrf_failed", "CSRF check failed")
        .detail("Send the gh_csrf cookie value in the X-CSRF-Token header, from a trusted origin.")
        .into_response()
}

/// How many cookies named `name` the request carries, over all its `Cookie` headers.
fn cookie_count(headers: &HeaderMap, name: &str) -> usize {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter(|pair| pair.split_once('=').is_some_and(|(n, _)| n.trim() == name))
        .count()
}

/// The `sid` claim of an access token, read without verifying it.
fn access_token_session(token: &str) -> Option<Uuid> {
    #[derive(serde::Deserialize)]
    struct Claims {
        sid: Uuid,
    }
    let payload = URL_SAFE_NO_PAD.decode(token.split('.').nth(1)?).ok()?;
    serde_json::from_slice::<Claims>(&payload).ok().map(|c| c.sid)
}

/// The request's `Origin` — or, without one, the origin of its `Referer` — must be this
/// server or a CSRF_TRUSTED_ORIGINS entry. A request with neither passes (non-browser
/// clients; browsers send `Origin` on cross-site unsafe requests).
fn origin_trusted(settings: &Settings, headers: &HeaderMap) -> bool {
    let origin = match headers.get(header::ORIGIN) {
        Some(origin) => origin.to_str().ok().map(str::to_owned),
        None => match headers.get(header::REFERER) {
            None => return true,
            Some(referer) => referer
                .to_str()
                .ok()
                .and_then(|r| url::Url::parse(r).ok())
                .map(|url| url.origin().ascii_serialization()),
        },
    };
    let Some(origin) = origin else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let same_origin = origin
        .split_once("://")
        .is_some_and(|(_, authority)| authority.eq_ignore_ascii_case(host));
    same_origin
        || settings
            .csrf_trusted_origins
            .iter()
            .any(|trusted| trusted.eq_ignore_ascii_case(&origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_is_read_from_the_access_token_payload() {
        let sid = Uuid::now_v7();
        let payload = URL_SAFE_NO_PAD.encode(format!(r#"{{"sub":"x","sid":"{sid}"}}"#));
        assert_eq!(access_token_session(&format!("h.{payload}.s")), Some(sid));
        assert_eq!(access_token_session("garbage"), None);
    }

    #[test]
    fn cookies_are_counted_across_headers() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, "gh_csrf=a; other=b".parse().unwrap());
        headers.append(header::COOKIE, "gh_csrf=c".parse().unwrap());
        assert_eq!(cookie_count(&headers, "gh_csrf"), 2);
        assert_eq!(cookie_count(&headers, "gh_access"), 0);
    }
}
