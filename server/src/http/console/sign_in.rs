//! Staff sign-in (the password, then the second factor — a passkey or a code — when the
//! account has one; the staff check comes right after the credential check, before any session
//! exists), sign-out, and the identity check a step-up asks for.

use axum::{
    body::Bytes,
    extract::{Query, State},
    response::{IntoResponse, Redirect, Response},
};
use axum_extra::extract::cookie::CookieJar;
use http::StatusCode;
use serde::Deserialize;
use serde_json::json;

use super::{
    Shared,
    form::FormData,
    session::{PRE_SIGN_IN_COOKIE, SESSION_COOKIE, Staff, cookie, csrf_refused, removal},
};
use crate::{
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        mfa::{FirstFactor, Method, Proof, SecondProof, SignIn},
        platform::secrets,
        sessions::IssuedTokens,
    },
};

/// A page's optional notice.
#[derive(Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
}

/// Where the identity check returns to.
#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// `GET /admin/sign-in`: the form, bound to this browser by a fresh pre-sign-in cookie.
pub async fn page(State(console): State<Shared>, jar: CookieJar, Query(query): Query<NoticeQuery>) -> Response {
    let pre = secrets::random_token();
    let csrf = console.state.console.csrf_token(&pre);
    let jar = jar.add(cookie(&console.state.settings, PRE_SIGN_IN_COOKIE, pre));
    let mut context = json!({ "csrf": csrf, "email": "" });
    if let Some(text) = query.notice.as_deref().and_then(super::notice_text) {
        context["notice"] = json!(text);
    }
    (jar, console.render(None, StatusCode::OK, "sign_in.html", context)).into_response()
}

/// The form's fields when its pre-sign-in cookie and CSRF token match, with that token.
fn pre_checked(console: &Shared, jar: &CookieJar, body: &[u8]) -> Option<(FormData, String)> {
    let form = FormData::parse(body);
    let pre = jar.get(PRE_SIGN_IN_COOKIE)?.value().to_string();
    let sent = form.get("csrf").unwrap_or_default();
    console
        .state
        .console
        .csrf_matches(&pre, sent)
        .then(|| (form, console.state.console.csrf_token(&pre)))
}

/// The sign-in form again, with what went wrong.
fn sign_in_again(console: &Shared, status: StatusCode, csrf: &str, email: &str, error: &str) -> Response {
    let context = json!({ "csrf": csrf, "email": email, "error": error });
    console.render(None, status, "sign_in.html", context)
}

/// The API's explanation of a refusal, for the sign-in pages.
fn explained(error: AppError) -> (StatusCode, String) {
    let problem = error.to_problem();
    let status = problem.status();
    if status.is_server_error() {
        let _ = error.into_response();
    }
    (status, problem.to_model().detail.unwrap_or_default())
}

/// `POST /admin/sign-in`.
pub async fn submit(State(console): State<Shared>, jar: CookieJar, body: Bytes) -> Response {
    let Some((form, csrf)) = pre_checked(&console, &jar, &body) else {
        return csrf_refused(&console, None);
    };
    let email = form.get("email").unwrap_or_default().trim().to_string();
    let password = form.get("password").unwrap_or_default();
    let account = match console.state.accounts.check_credentials(&email, password).await {
        Ok(account) => account,
        Err(e) => {
            let (status, detail) = explained(e);
            return sign_in_again(&console, status, &csrf, &email, &detail);
        }
    };
    if !account.is_staff {
        let event =
            AuditEvent::new("console_sign_in_refused", Some(account.id)).detail(json!({ "reason": "not_staff" }));
        audit::record(&console.state.db, event).await;
        let error = "This account is not staff: the console is for staff only.";
        return sign_in_again(&console, StatusCode::FORBIDDEN, &csrf, &email, error);
    }
    match console.state.mfa.sign_in(&account, FirstFactor::password()).await {
        Ok(SignIn::Tokens(tokens)) => signed_in(&console, jar, tokens),
        Ok(SignIn::Challenge(challenge)) => {
            let context = json!({
                "csrf": csrf,
                "challenge": challenge.challenge,
                "email_code": challenge.methods.contains(&Method::EmailOtp),
                "passkey_options": challenge.passkey_options.map(|options| options.to_string()),
            });
            console.render(None, StatusCode::OK, "second_factor.html", context)
        }
        Err(e) => {
            let (status, detail) = explained(e);
            sign_in_again(&console, status, &csrf, &email, &detail)
        }
    }
}

/// The passkey assertion a form carries (`credential`, as `credential.toJSON()` makes it);
/// text that is not JSON is an empty object, which the passkey check refuses.
fn credential(form: &FormData) -> Option<serde_json::Value> {
    let text = form.get("credential").filter(|c| !c.is_empty())?;
    Some(serde_json::from_str(text).unwrap_or_else(|_| json!({})))
}

/// `POST /admin/sign-in/second-factor`: a passkey, or an authenticator-app, recovery or
/// e-mailed code.
pub async fn second_factor(State(console): State<Shared>, jar: CookieJar, body: Bytes) -> Response {
    let Some((form, csrf)) = pre_checked(&console, &jar, &body) else {
        return csrf_refused(&console, None);
    };
    let challenge = form.get("challenge").unwrap_or_default().to_string();
    let proof = match credential(&form) {
        Some(credential) => SecondProof::Credential(credential),
        None => SecondProof::Code(form.get("code").unwrap_or_default().trim().to_string()),
    };
    match console.state.mfa.complete(&challenge, proof).await {
        Ok(tokens) => signed_in(&console, jar, tokens),
        Err(e) => {
            let (status, detail) = explained(e);
            let context = json!({ "csrf": csrf, "challenge": challenge, "email_code": false, "passkey_options": null, "error": detail });
            console.render(None, status, "second_factor.html", context)
        }
    }
}

/// Sets the session cookie (the session's refresh token) and opens the overview.
fn signed_in(console: &Shared, jar: CookieJar, tokens: IssuedTokens) -> Response {
    let settings = &console.state.settings;
    let jar =
        jar.add(removal(settings, PRE_SIGN_IN_COOKIE))
            .add(cookie(settings, SESSION_COOKIE, tokens.refresh_token));
    (jar, Redirect::to("/admin/")).into_response()
}

/// `POST /admin/sign-out`: ends the session behind the console cookie.
pub async fn sign_out(State(console): State<Shared>, staff: Staff, body: Bytes) -> Response {
    if let Err(refused) = staff.checked(&console, &body) {
        return *refused;
    }
    if let Err(e) = console.state.console.sign_out(&staff.auth).await {
        return console.failure(&staff, e, "/admin/");
    }
    let jar = CookieJar::new().add(removal(&console.state.settings, SESSION_COOKIE));
    (jar, Redirect::to("/admin/sign-in?notice=signed_out")).into_response()
}

/// A console path to return to; anything else is the overview.
fn local(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with("/admin/") && !path.contains("//") && !path.contains('\\') => path.to_string(),
        _ => "/admin/".to_string(),
    }
}

/// What the identity check offers: a passkey (with fresh options), the authenticator app, or
/// the password when the account has no second factor.
async fn confirm_context(console: &Shared, staff: &Staff, next: &str) -> AppResult<serde_json::Value> {
    let mfa = &console.state.mfa;
    let factors = mfa.summary(&staff.auth.user).await?;
    let passkey_options = match factors.passkeys {
        0 => None,
        _ => Some(mfa.step_up_options(&staff.auth).await?.to_string()),
    };
    Ok(json!({
        "next": next,
        "second_factor": staff.auth.user.mfa_enabled,
        "totp": factors.totp_enabled_at.is_some(),
        "passkey_options": passkey_options,
    }))
}

/// `GET /admin/confirm-identity`: asks again for the second factor (or the password).
pub async fn confirm_page(State(console): State<Shared>, staff: Staff, Query(query): Query<NextQuery>) -> Response {
    let next = local(query.next.as_deref());
    match confirm_context(&console, &staff, &next).await {
        Ok(context) => console.page(&staff, "confirm_identity.html", context, None),
        Err(e) => console.failure(&staff, e, "/admin/"),
    }
}

/// `POST /admin/confirm-identity`: a step-up, as `reauthenticate` does it.
pub async fn confirm_submit(State(console): State<Shared>, staff: Staff, body: Bytes) -> Response {
    let form = match staff.checked(&console, &body) {
        Ok(form) => form,
        Err(refused) => return *refused,
    };
    let next = local(form.get("next"));
    let proof = match (credential(&form), staff.auth.user.mfa_enabled) {
        (Some(credential), _) => Proof::Credential(credential),
        (None, true) => Proof::Code(form.get("code").unwrap_or_default().trim().to_string()),
        (None, false) => Proof::Password(form.get("password").unwrap_or_default().to_string()),
    };
    match console.state.mfa.reauthenticate(&staff.auth, proof).await {
        Ok(_) => Redirect::to(&next).into_response(),
        Err(e) => {
            let (status, mut detail) = explained(e);
            if detail.is_empty() || status == StatusCode::UNPROCESSABLE_ENTITY {
                detail = "That was not right; try again.".into();
            }
            match confirm_context(&console, &staff, &next).await {
                Ok(mut context) => {
                    context["error"] = json!(detail);
                    console.render(Some(&staff), status, "confirm_identity.html", context)
                }
                Err(e) => console.failure(&staff, e, "/admin/"),
            }
        }
    }
}
