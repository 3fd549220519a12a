//! The console's cookies and the signed-in staff member every page starts from.

use axum::{
    extract::FromRequestParts,
    response::{IntoResponse, Redirect, Response},
};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use http::{StatusCode, request::Parts};

use super::{Shared, form::FormData};
use crate::{
    config::Settings,
    services::{console::Resumed, sessions::AuthUser},
};

/// The console session's cookie: the first refresh token of its Gatehouse session.
pub const SESSION_COOKIE: &str = "gh_admin";
/// The cookie binding a sign-in form to its browser (its CSRF token is derived from it).
pub const PRE_SIGN_IN_COOKIE: &str = "gh_admin_pre";

/// A console cookie: HttpOnly, `Secure` unless `DEBUG`, `SameSite=Strict`, `Path=/admin`.
pub fn cookie(settings: &Settings, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .http_only(true)
        .secure(!settings.debug)
        .same_site(SameSite::Strict)
        .path("/admin")
        .build()
}

/// The cookie `name` expired, to remove it.
pub fn removal(settings: &Settings, name: &'static str) -> Cookie<'static> {
    let mut removal = cookie(settings, name, String::new());
    removal.make_removal();
    removal
}

/// The signed-in staff member and the CSRF token of their forms.
pub struct Staff {
    /// The account and its session.
    pub auth: AuthUser,
    /// The token every form of theirs carries.
    pub csrf: String,
    cookie: String,
}

impl Staff {
    /// Accepts a form carrying this session's CSRF token; anything else is a 403 page.
    pub fn checked(&self, console: &Shared, body: &[u8]) -> Result<FormData, Box<Response>> {
        let form = FormData::parse(body);
        let sent = form.get("csrf").unwrap_or_default();
        if console.state.console.csrf_matches(&self.cookie, sent) {
            Ok(form)
        } else {
            Err(Box::new(csrf_refused(console, Some(self))))
        }
    }
}

/// The page of a form without its CSRF token.
pub fn csrf_refused(console: &Shared, staff: Option<&Staff>) -> Response {
    let detail = "The form was missing its security token or it was wrong. Reload the page and try again.";
    console.error_page(staff, StatusCode::FORBIDDEN, "Form refused", detail, "/admin/")
}

impl FromRequestParts<Shared> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, console: &Shared) -> Result<Self, Response> {
        let jar = CookieJar::from_headers(&parts.headers);
        let settings = &console.state.settings;
        let Some(cookie) = jar.get(SESSION_COOKIE).map(|c| c.value().to_string()) else {
            return Err(Redirect::to("/admin/sign-in").into_response());
        };
        let signed_out = |notice: &str| {
            let jar = CookieJar::new().add(removal(settings, SESSION_COOKIE));
            let to = match notice {
                "" => "/admin/sign-in".to_string(),
                notice => format!("/admin/sign-in?notice={notice}"),
            };
            (jar, Redirect::to(&to)).into_response()
        };
        match console.state.console.resume(&cookie).await {
            Ok(Resumed::Active(auth)) => {
                let auth = *auth;
                let csrf = console.state.console.csrf_token(&cookie);
                let staff = Staff { auth, csrf, cookie };
                if console.state.mfa.enrollment_required(&staff.auth.user) {
                    let detail =
                        "MFA_REQUIRED applies to staff: add a second factor to your account, then sign in again.";
                    return Err(console.error_page(
                        None,
                        StatusCode::FORBIDDEN,
                        "Second factor required",
                        detail,
                        "/admin/sign-in",
                    ));
                }
                Ok(staff)
            }
            Ok(Resumed::TimedOut) => Err(signed_out("timed_out")),
            Ok(Resumed::Gone) => Err(signed_out("")),
            Err(e) => {
                let status = e.to_problem().status();
                let _ = e.into_response();
                let detail = "The console could not check your session; try again shortly.";
                Err(console.error_page(None, status, "Unavailable", detail, "/admin/"))
            }
        }
    }
}
