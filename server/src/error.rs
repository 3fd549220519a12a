//! The one error type of the service and its single mapping to HTTP problems.

use axum::response::{IntoResponse, Response};
use http::StatusCode;

use crate::{http::problem::Problem, services::platform::log_throttle::LogThrottle};

mod mfa_state;

pub use self::mfa_state::MfaState;

/// A dependency that is down fails every request that needs it: one warning per 10 s, with
/// the count, rather than one per request.
static UNAVAILABLE_LOG: LogThrottle = LogThrottle::new(std::time::Duration::from_secs(10));

/// One invalid field of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name in the request body.
    pub field: String,
    /// A stable code, e.g. `password_too_short`.
    pub code: &'static str,
    /// A sentence for humans.
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

/// Everything a request can fail with. Each variant names the status it answers with;
/// internal causes are logged with their chain and never shown to the client.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 422 `validation_failed`, with per-field errors.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 409 `email_taken`.
    #[error("e-mail already registered")]
    EmailTaken,
    /// 401 `invalid_credentials`: wrong password, unknown or inactive account alike.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// 401 `unauthorized`: no usable access token.
    #[error("unauthorized")]
    Unauthorized,
    /// 401 `token_expired`.
    #[error("access token expired")]
    TokenExpired,
    /// 401 `session_revoked`: the token's session was logged out or revoked.
    #[error("session revoked")]
    SessionRevoked,
    /// 401 `invalid_refresh_token`.
    #[error("invalid refresh token")]
    InvalidRefreshToken,
    /// 401 `refresh_token_reused`: a spent refresh token came back; its session is revoked.
    #[error("refresh token reused")]
    RefreshTokenReused,
    /// 401 `reauthentication_required`: a sensitive operation needs a recent authentication.
    #[error("reauthentication required")]
    ReauthenticationRequired,
    /// 403 `mfa_enrollment_required`: `MFA_REQUIRED` covers the account and it has no second
    /// factor; only the MFA operations and `getMe` work.
    #[error("mfa enrollment required")]
    MfaEnrollmentRequired,
    /// 400 `passkey_failed`: a passkey credential that did not verify (wrong origin or RP ID,
    /// no user verification, unknown, replayed), or a ceremony that is unknown or spent.
    #[error("passkey failed")]
    PasskeyFailed,
    /// 409: a second factor is not in the state the operation needs.
    #[error("second factor conflict: {0:?}")]
    MfaState(MfaState),
    /// 403 `email_not_verified`: the right password, but the address is not verified yet.
    #[error("e-mail not verified")]
    EmailNotVerified,
    /// 403 `account_pending_deletion`: the right credentials, but the account's deletion is
    /// scheduled; the e-mailed link cancels it.
    #[error("account pending deletion")]
    AccountPendingDeletion,
    /// 409 `data_request_pending`: a request of that type is already pending.
    #[error("data request pending")]
    DataRequestPending,
    /// 409 `data_request_not_pending`: the request is done or cancelled already.
    #[error("data request not pending")]
    DataRequestNotPending,
    /// 403 `forbidden`: signed in, but not allowed (e.g. not staff).
    #[error("forbidden")]
    Forbidden,
    /// 400 `invalid_token`: an e-mailed token that is unknown, used, expired or tampered.
    #[error("invalid token")]
    InvalidToken,
    /// 404 `not_found`.
    #[error("not found")]
    NotFound,
    /// 409 `not_dead`: only a dead outbox message can be retried.
    #[error("outbox message not dead")]
    OutboxMessageNotDead,
    /// 409 `not_dead`: only a dead webhook delivery can be retried.
    #[error("webhook delivery not dead")]
    WebhookDeliveryNotDead,
    /// 409 `own_account`: staff cannot deactivate, demote or delete their own account.
    #[error("own account")]
    OwnAccount,
    /// 409 `user_deleted`: the account is soft-deleted; restore it first.
    #[error("account deleted")]
    UserDeleted,
    /// 409 `not_deleted`: only a soft-deleted account can be restored.
    #[error("account not deleted")]
    UserNotDeleted,
    /// 403 `cron_disabled`: `CRON_SECRET_KEY` is not set.
    #[error("cron endpoint disabled")]
    CronDisabled,
    /// 400 `invalid_code`: an e-mailed one-time code (or its login challenge) that is wrong,
    /// expired, used, replaced, out of attempts, or for an unknown address — all alike.
    #[error("invalid code")]
    InvalidCode,
    /// 429 `rate_limited`, with `Retry-After`, and the IETF `RateLimit` / `RateLimit-Policy`
    /// headers when a named quota refused the request.
    #[error("rate limited")]
    RateLimited {
        /// How long until trying again can succeed.
        retry_after: std::time::Duration,
        /// The quota that was exhausted, if the refusal came from one.
        policy: Option<QuotaPolicy>,
    },
    /// 429 `too_many_attempts`: the address is locked out after repeated failed logins (the
    /// same for addresses without an account), with `Retry-After` and `RateLimit` headers.
    #[error("too many failed attempts")]
    TooManyAttempts {
        /// How long until the lock ends.
        retry_after: std::time::Duration,
        /// The lock-out described as a quota (failures before a lock, over how long).
        policy: QuotaPolicy,
    },
    /// A social sign-in or link that did not happen; the status depends on why (see
    /// [`Failure`](crate::services::social::Failure)).
    #[error("social sign-in failed: {}", .0.code())]
    Social(crate::services::social::Failure),
    /// 503 `service_unavailable`, with `Retry-After`.
    #[error("service unavailable")]
    Unavailable(#[source] anyhow::Error),
    /// 500 `internal_error`.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        if crate::db::is_unavailable(&e) {
            Self::Unavailable(anyhow::Error::new(e).context("database unavailable"))
        } else {
            Self::Internal(anyhow::Error::new(e).context("database"))
        }
    }
}

/// Result of the service layer.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// The error as a cause to log, for work done outside a request (a background job).
    pub fn into_cause(self) -> anyhow::Error {
        match self {
            Self::Internal(cause) | Self::Unavailable(cause) => cause,
            other => anyhow::anyhow!("{other}"),
        }
    }

    /// The problem document this error answers with.
    pub fn to_problem(&self) -> Problem {
        use StatusCode as S;
        match self {
            Self::Validation(errors) => Problem::new(S::UNPROCESSABLE_ENTITY, "validation_failed", "Validation failed")
                .detail("One or more fields are invalid.")
                .errors(errors.clone()),
            Self::EmailTaken => Problem::new(S::CONFLICT, "email_taken", "E-mail already registered")
                .detail("An account with this e-mail address already exists."),
            Self::InvalidCredentials => Problem::new(S::UNAUTHORIZED, "invalid_credentials", "Invalid credentials")
                .detail("The e-mail address or password is incorrect."),
            Self::Unauthorized => Problem::new(S::UNAUTHORIZED, "unauthorized", "Authentication required")
                .detail("Send a valid access token as `Authorization: Bearer <token>`."),
            Self::TokenExpired => Problem::new(S::UNAUTHORIZED, "token_expired", "Access token expired")
                .detail("Get a new access token with your refresh token."),
            Self::SessionRevoked => Problem::new(S::UNAUTHORIZED, "session_revoked", "Session revoked")
                .detail("This session was logged out; log in again."),
            Self::InvalidRefreshToken => {
                Problem::new(S::UNAUTHORIZED, "invalid_refresh_token", "Invalid refresh token")
                    .detail("The refresh token is unknown, expired or revoked; log in again.")
            }
            Self::RefreshTokenReused => Problem::new(S::UNAUTHORIZED, "refresh_token_reused", "Refresh token reused")
                .detail("This refresh token was already used; the session has been revoked for safety."),
            Self::ReauthenticationRequired => Problem::new(
                S::UNAUTHORIZED,
                "reauthentication_required",
                "Reauthentication required",
            )
            .detail("This needs a recent sign-in: confirm who you are with `reauthenticate`, then retry."),
            Self::MfaEnrollmentRequired => {
                Problem::new(S::FORBIDDEN, "mfa_enrollment_required", "Second factor required")
                    .detail("This account must add a second factor (an authenticator app) before anything else.")
            }
            Self::MfaState(state) => state.problem(),
            Self::PasskeyFailed => Problem::new(S::BAD_REQUEST, "passkey_failed", "Passkey not accepted")
                .detail("The passkey did not verify, or its ceremony expired or was used; start again."),
            Self::EmailNotVerified => Problem::new(S::FORBIDDEN, "email_not_verified", "E-mail not verified")
                .detail("Confirm your e-mail address with the link we sent, or ask for a new one."),
            Self::AccountPendingDeletion => {
                Problem::new(S::FORBIDDEN, "account_pending_deletion", "Account deletion scheduled")
                    .detail("This account is scheduled for deletion; the link in the e-mail we sent cancels it.")
            }
            Self::DataRequestPending => Problem::new(S::CONFLICT, "data_request_pending", "Request already pending")
                .detail("A request of this type is already pending."),
            Self::DataRequestNotPending => Problem::new(S::CONFLICT, "data_request_not_pending", "Request not pending")
                .detail("This request is done or cancelled already."),
            Self::Forbidden => {
                Problem::new(S::FORBIDDEN, "forbidden", "Forbidden").detail("Your account is not allowed to do this.")
            }
            Self::InvalidToken => Problem::new(S::BAD_REQUEST, "invalid_token", "Invalid or expired link")
                .detail("This link is invalid, has expired or was already used; ask for a new one."),
            Self::NotFound => Problem::new(S::NOT_FOUND, "not_found", "Not found").detail("Nothing here."),
            Self::OutboxMessageNotDead => Problem::new(S::CONFLICT, "not_dead", "Message not dead")
                .detail("Only a message whose delivery was given up on can be retried."),
            Self::WebhookDeliveryNotDead => Problem::new(S::CONFLICT, "not_dead", "Delivery not dead")
                .detail("Only a delivery that was given up on can be retried."),
            Self::OwnAccount => Problem::new(S::CONFLICT, "own_account", "Own account")
                .detail("Staff cannot deactivate, demote or delete their own account."),
            Self::UserDeleted => Problem::new(S::CONFLICT, "user_deleted", "Account deleted")
                .detail("The account is deleted; restore it first."),
            Self::UserNotDeleted => Problem::new(S::CONFLICT, "not_deleted", "Account not deleted")
                .detail("Only a deleted account can be restored."),
            Self::CronDisabled => Problem::new(S::FORBIDDEN, "cron_disabled", "Cron endpoint disabled")
                .detail("Set CRON_SECRET_KEY to enable scheduled calls to this endpoint."),
            Self::InvalidCode => Problem::new(S::BAD_REQUEST, "invalid_code", "Invalid or expired code")
                .detail("This code is wrong, has expired or was already used; ask for a new one."),
            Self::RateLimited { retry_after, .. } => {
                Problem::new(S::TOO_MANY_REQUESTS, "rate_limited", "Too many requests").detail(format!(
                    "Too many requests; try again in {} seconds.",
                    retry_after_secs(*retry_after)
                ))
            }
            Self::TooManyAttempts { retry_after, .. } => {
                Problem::new(S::TOO_MANY_REQUESTS, "too_many_attempts", "Too many failed attempts").detail(format!(
                    "Too many failed sign-in attempts for this address; try again in {} seconds.",
                    retry_after_secs(*retry_after)
                ))
            }
            Self::Social(failure) => social_problem(*failure),
            Self::Unavailable(_) => Problem::new(S::SERVICE_UNAVAILABLE, "service_unavailable", "Service unavailable")
                .detail("A dependency is not answering; try again shortly."),
            Self::Internal(_) => Problem::new(S::INTERNAL_SERVER_ERROR, "internal_error", "Internal server error")
                .detail("Something went wrong on our side; it has been logged."),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            Self::Internal(cause) => tracing::error!(error = format!("{cause:#}"), "request failed"),
            Self::Unavailable(cause) => {
                crate::services::platform::metrics::dependency_unavailable();
                if let Some(total) = UNAVAILABLE_LOG.note() {
                    tracing::warn!(
                        error = format!("{cause:#}"),
                        unavailable_total = total,
                        "dependency unavailable: answering 503 (logged at most every 10 s)"
                    );
                }
            }
            other => tracing::debug!(error = %other, "request refused"),
        }
        let (retry_after, policy) = match &self {
            Self::RateLimited { retry_after, policy } => (Some(retry_after_secs(*retry_after)), *policy),
            Self::TooManyAttempts { retry_after, policy } => (Some(retry_after_secs(*retry_after)), Some(*policy)),
            // Dependencies come back on their own (the Redis breaker retries after a second).
            Self::Unavailable(_) => (Some(UNAVAILABLE_RETRY_AFTER_SECS), None),
            Self::Social(crate::services::social::Failure::ProviderUnavailable) => {
                (Some(PROVIDER_RETRY_AFTER_SECS), None)
            }
            _ => (None, None),
        };
        let mut response = self.to_problem().into_response();
        let headers = response.headers_mut();
        if let Some(secs) = retry_after {
            headers.insert(http::header::RETRY_AFTER, secs.into());
            if let Some(policy) = policy {
                policy.insert_headers(headers, secs);
            }
        }
        response
    }
}

/// A named quota, as the IETF `RateLimit` headers describe it
/// (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy: "login-ip";q=30;w=60`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaPolicy {
    /// The policy's name (`login-ip`).
    pub name: &'static str,
    /// Requests allowed per window.
    pub quota: u32,
    /// The window.
    pub window: std::time::Duration,
}

impl QuotaPolicy {
    /// `RateLimit: "name";r=0;t=SECS` and `RateLimit-Policy: "name";q=Q;w=W` on a refusal.
    fn insert_headers(&self, headers: &mut http::HeaderMap, retry_after_secs: u64) {
        let limit = format!("\"{}\";r=0;t={retry_after_secs}", self.name);
        let policy = format!("\"{}\";q={};w={}", self.name, self.quota, self.window.as_secs().max(1));
        for (name, value) in [("ratelimit", limit), ("ratelimit-policy", policy)] {
            if let Ok(value) = http::HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
    }
}

/// `Retry-After` when an identity provider did not answer: seconds.
const PROVIDER_RETRY_AFTER_SECS: u64 = 30;

/// The problem of a social sign-in failure.
fn social_problem(failure: crate::services::social::Failure) -> Problem {
    use crate::services::social::Failure as F;
    use StatusCode as S;
    let (status, code, title, detail) = match failure {
        F::UnknownProvider => (
            S::NOT_FOUND,
            "unknown_provider",
            "Unknown provider",
            "This identity provider is not configured.",
        ),
        F::RedirectNotAllowed => (
            S::BAD_REQUEST,
            "redirect_not_allowed",
            "Redirect not allowed",
            "The redirect URL is not under one of SOCIAL_ALLOWED_REDIRECTS.",
        ),
        F::InvalidState | F::AccessDenied | F::ProviderError | F::InvalidIdToken => (
            S::BAD_REQUEST,
            "social_login_failed",
            "Social sign-in failed",
            "The provider did not confirm who you are; start the sign-in again.",
        ),
        F::EmailRequired => (
            S::BAD_REQUEST,
            "email_required",
            "E-mail address required",
            "The provider did not share an e-mail address; allow it, or sign up with a password.",
        ),
        F::ProviderUnavailable => (
            S::SERVICE_UNAVAILABLE,
            "provider_unavailable",
            "Provider unavailable",
            "The identity provider did not answer; try again shortly.",
        ),
        F::AccountInactive => (
            S::FORBIDDEN,
            "account_inactive",
            "Account inactive",
            "This account is deactivated.",
        ),
        F::AccountExistsLinkRequired => (
            S::CONFLICT,
            "account_exists_link_required",
            "Account exists",
            "An account uses this e-mail address: sign in to it, then link the provider in your settings.",
        ),
        F::IdentityAlreadyLinked => (
            S::CONFLICT,
            "identity_already_linked",
            "Provider account already linked",
            "This provider account is linked to another account.",
        ),
        F::ProviderAlreadyLinked => (
            S::CONFLICT,
            "provider_already_linked",
            "Provider already linked",
            "Your account already has this provider linked; unlink it first.",
        ),
        F::LastSignInMethod => (
            S::CONFLICT,
            "last_sign_in_method",
            "Last way to sign in",
            "This is the only way left to sign in to the account: set a password first.",
        ),
    };
    Problem::new(status, code, title).detail(detail)
}

/// `Retry-After` of a `503`: seconds.
const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 2;

/// Whole seconds to wait, rounded up and at least 1.
fn retry_after_secs(wait: std::time::Duration) -> u64 {
    wait.as_millis().div_ceil(1000).max(1) as u64
}
