//! Implementations of the traits generated from `openapi.yaml`. Each method parses, calls a
//! domain service and maps the result; errors go through [`AppError`] and `handle_error`.

mod admin;
mod auth;
mod mfa;
pub(crate) mod ops;
mod otp;
mod privacy;
mod sessions;
mod social;
mod users;
mod views;
mod webhooks;

use async_trait::async_trait;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use gatehouse_api::{
    apis::{ApiAuthBasic, ApiKeyAuthHeader, BasicAuthKind, CookieAuthentication, ErrorHandler},
    types::Nullable,
};
use http::{HeaderMap, Method, StatusCode};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::{context, cookies::ACCESS_COOKIE};
use crate::{
    error::{AppError, AppResult},
    services::sessions::AuthUser,
    state::AppState,
};

/// An optional, nullable field: `null` means the same as leaving it out.
fn given<T: Clone>(field: &Option<Nullable<T>>) -> Option<T> {
    match field {
        Some(Nullable::Present(value)) => Some(value.clone()),
        Some(Nullable::Null) | None => None,
    }
}

/// An optional value as a required, nullable field of a response.
fn present_or_null<T>(value: Option<T>) -> Nullable<T> {
    value.map_or(Nullable::Null, Nullable::Present)
}

/// An optional value as a present-or-null field of a response.
fn nullable<T>(value: Option<T>) -> Option<Nullable<T>> {
    Some(present_or_null(value))
}

/// The object the generated router calls into.
#[derive(Clone)]
pub struct Api {
    state: AppState,
}

impl Api {
    /// Wraps the application state.
    pub fn new(state: AppState) -> Self {
        Self { state }
    }
}

/// The outcome of authenticating a request, handed to each protected method. A missing
/// credential never gets here (the generated code answers 401 itself); a bad one does, so
/// the method can answer with the precise `code`.
#[derive(Debug)]
pub struct Credentials(Result<Principal, AuthFailure>);

/// Who a valid credential stands for.
#[derive(Debug)]
enum Principal {
    /// A signed-in user (access token); `enrolling` while `MFA_REQUIRED` limits the account
    /// to adding a second factor.
    User { auth: Box<AuthUser>, enrolling: bool },
    /// An outside scheduler that knows `CRON_SECRET_KEY`.
    Scheduler,
}

#[derive(Debug, Clone, Copy)]
enum AuthFailure {
    Unauthorized,
    TokenExpired,
    SessionRevoked,
    Unavailable,
    CronDisabled,
}

impl AuthFailure {
    fn error(self) -> AppError {
        match self {
            AuthFailure::Unauthorized => AppError::Unauthorized,
            AuthFailure::TokenExpired => AppError::TokenExpired,
            AuthFailure::SessionRevoked => AppError::SessionRevoked,
            AuthFailure::Unavailable => AppError::Unavailable(anyhow::anyhow!("session check failed")),
            AuthFailure::CronDisabled => AppError::CronDisabled,
        }
    }
}

impl Credentials {
    /// The signed-in user, or the reason there is none; `mfa_enrollment_required` while
    /// `MFA_REQUIRED` limits the account to adding a second factor.
    pub fn user(&self) -> AppResult<&AuthUser> {
        match &self.0 {
            Ok(Principal::User { enrolling: true, .. }) => Err(AppError::MfaEnrollmentRequired),
            _ => self.enrolling_user(),
        }
    }

    /// The signed-in user, even one that `MFA_REQUIRED` limits to adding a second factor:
    /// for the MFA operations, `getMe` and logging out.
    pub fn enrolling_user(&self) -> AppResult<&AuthUser> {
        match &self.0 {
            Ok(Principal::User { auth, .. }) => Ok(auth),
            Ok(Principal::Scheduler) => Err(AppError::Unauthorized),
            Err(failure) => Err(failure.error()),
        }
    }

    /// Succeeds when the request carried the right `X-Cron-Secret`.
    pub fn scheduler(&self) -> AppResult<()> {
        match &self.0 {
            Ok(Principal::Scheduler) => Ok(()),
            Ok(Principal::User { .. }) => Err(AppError::Unauthorized),
            Err(failure) => Err(failure.error()),
        }
    }

    /// The signed-in user when they are staff; `forbidden` when they are not.
    pub fn staff(&self) -> AppResult<&AuthUser> {
        let auth = self.user()?;
        if auth.user.is_staff {
            Ok(auth)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl Api {
    async fn authenticate(&self, token: &str) -> Credentials {
        let outcome = self.state.sessions.authenticate(token).await;
        Credentials(
            outcome
                .map(|auth| Principal::User {
                    enrolling: self.state.mfa.enrollment_required(&auth.user),
                    auth: Box::new(auth),
                })
                .map_err(|e| match e {
                    AppError::TokenExpired => AuthFailure::TokenExpired,
                    AppError::SessionRevoked => AuthFailure::SessionRevoked,
                    AppError::Unauthorized => AuthFailure::Unauthorized,
                    other => {
                        tracing::error!(error = ?other, "authenticating a request failed");
                        AuthFailure::Unavailable
                    }
                }),
        )
    }
}

#[async_trait]
impl ApiAuthBasic for Api {
    type Claims = Credentials;

    async fn extract_claims_from_auth_header(
        &self,
        kind: BasicAuthKind,
        headers: &HeaderMap,
        key: &str,
    ) -> Option<Credentials> {
        let value = headers.get(key)?.to_str().ok();
        let token = value.and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")));
        match (kind, token) {
            (BasicAuthKind::Bearer, Some(token)) => Some(self.authenticate(token.trim()).await),
            // An Authorization header that is not a Bearer token is a bad credential.
            _ => Some(Credentials(Err(AuthFailure::Unauthorized))),
        }
    }
}

/// The header of the `cronSecret` security scheme.
const CRON_SECRET_HEADER: &str = "X-Cron-Secret";

#[async_trait]
impl ApiKeyAuthHeader for Api {
    type Claims = Credentials;

    /// The `X-Cron-Secret` header: compared with `CRON_SECRET_KEY` in constant time (as
    /// SHA-256 digests, so not even the length shows). The other header scheme, cookie mode's
    /// `X-CSRF-Token`, authenticates nothing alone (the CSRF layer checks it).
    async fn extract_claims_from_header(&self, headers: &HeaderMap, key: &str) -> Option<Credentials> {
        if !key.eq_ignore_ascii_case(CRON_SECRET_HEADER) {
            return None;
        }
        let Some(expected) = &self.state.settings.cron_secret_key else {
            return Some(Credentials(Err(AuthFailure::CronDisabled)));
        };
        let presented = headers.get(key)?.as_bytes();
        let matches = Sha256::digest(presented).ct_eq(&Sha256::digest(expected.0.as_bytes()));
        Some(Credentials(if bool::from(matches) {
            Ok(Principal::Scheduler)
        } else {
            Err(AuthFailure::Unauthorized)
        }))
    }
}

#[async_trait]
impl CookieAuthentication for Api {
    type Claims = Credentials;

    async fn extract_claims_from_cookie(&self, cookies: &CookieJar, key: &str) -> Option<Credentials> {
        // An Authorization header wins over cookies; cookies count only in cookie mode.
        if !self.state.settings.auth_cookies || context::current(|c| c.has_authorization).unwrap_or(false) {
            return None;
        }
        debug_assert_eq!(key, ACCESS_COOKIE);
        let token = cookies.get(key)?.value().to_string();
        Some(self.authenticate(&token).await)
    }
}

#[async_trait]
impl ErrorHandler<AppError> for Api {
    async fn handle_error(
        &self,
        _method: &Method,
        _host: &headers::Host,
        _cookies: &CookieJar,
        error: AppError,
    ) -> Result<Response, StatusCode> {
        Ok(error.into_response())
    }
}
