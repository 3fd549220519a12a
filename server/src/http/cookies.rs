//! Cookie mode (`AUTH_COOKIES=on`): tokens as HttpOnly cookies plus a readable CSRF cookie
//! for the signed double-submit check (its value is bound to the session, see
//! `Sessions::csrf_token`).

use axum_extra::extract::cookie::{Cookie, SameSite};
use cookie::time::Duration as CookieDuration;

use super::context;
use crate::{config::Settings, services::sessions::IssuedTokens};

/// The access token cookie (also the `cookieAuth` security scheme of the spec).
pub const ACCESS_COOKIE: &str = "gh_access";
/// The refresh token cookie, sent only to the auth endpoints.
pub const REFRESH_COOKIE: &str = "gh_refresh";
/// The CSRF cookie; scripts read it and echo it in [`CSRF_HEADER`].
pub const CSRF_COOKIE: &str = "gh_csrf";
/// The header that must echo the CSRF cookie on unsafe cookie-authenticated requests.
pub const CSRF_HEADER: &str = "x-csrf-token";
const REFRESH_PATH: &str = "/api/v1/auth";
/// The endpoint that acts on the refresh cookie alone.
pub const REFRESH_ENDPOINT: &str = "/api/v1/auth/token/refresh";

fn cookie(
    settings: &Settings,
    name: &'static str,
    value: String,
    path: &'static str,
    http_only: bool,
    max_age: i64,
) -> Cookie<'static> {
    Cookie::build((name, value))
        .path(path)
        .http_only(http_only)
        .secure(!settings.debug)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::seconds(max_age))
        .build()
}

/// Queues the session cookies for `tokens` on the current response, with `csrf_token` (the
/// session's, from `Sessions::csrf_token`) in the readable CSRF cookie.
pub fn set_session_cookies(settings: &Settings, tokens: &IssuedTokens, csrf_token: String) {
    let refresh_age = tokens.refresh_expires_in.as_secs() as i64;
    context::set_cookie(cookie(
        settings,
        ACCESS_COOKIE,
        tokens.access_token.clone(),
        "/",
        true,
        tokens.access_expires_in.as_secs() as i64,
    ));
    context::set_cookie(cookie(
        settings,
        REFRESH_COOKIE,
        tokens.refresh_token.clone(),
        REFRESH_PATH,
        true,
        refresh_age,
    ));
    context::set_cookie(cookie(settings, CSRF_COOKIE, csrf_token, "/", false, refresh_age));
}

/// Queues a new access-token cookie (after a re-authentication) that lives `max_age` seconds.
pub fn set_access_cookie(settings: &Settings, access_token: String, max_age: i64) {
    context::set_cookie(cookie(settings, ACCESS_COOKIE, access_token, "/", true, max_age));
}

/// Queues the removal of the session cookies (logout).
pub fn clear_session_cookies(settings: &Settings) {
    if !settings.auth_cookies {
        return;
    }
    for (name, path, http_only) in [
        (ACCESS_COOKIE, "/", true),
        (REFRESH_COOKIE, REFRESH_PATH, true),
        (CSRF_COOKIE, "/", false),
    ] {
        context::set_cookie(cookie(settings, name, String::new(), path, http_only, 0));
    }
}

/// The cookie binding a social sign-in to the browser that started it.
pub const SOCIAL_COOKIE: &str = "gh_social";
/// Where the browser sends it: the social endpoints only.
const SOCIAL_PATH: &str = "/api/v1/auth/social";

/// Queues the browser-binding cookie of a social sign-in: HttpOnly, `SameSite=Lax` (the
/// provider sends the browser back with a top-level navigation), ten minutes.
pub fn set_social_cookie(settings: &Settings, value: String) {
    context::set_cookie(cookie(settings, SOCIAL_COOKIE, value, SOCIAL_PATH, true, 600));
}
