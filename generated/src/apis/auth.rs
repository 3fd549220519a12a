use async_trait::async_trait;
use axum::extract::*;
use axum_extra::extract::CookieJar;
use bytes::Bytes;
use headers::Host;
use http::Method;
use serde::{Deserialize, Serialize};

use crate::{models, types::*};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum LoginResponse {
    /// Logged in.
    Status200_LoggedIn {
        body: models::TokenResponse,
        cache_control: Option<String>,
    },
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), or a Host header not in ALLOWED_HOSTS (`disallowed_host`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`.
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_too_common`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum LogoutResponse {
    /// Logged out.
    Status204_LoggedOut,
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`.
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused, e.g. a cookie-authenticated request without a valid CSRF token (`csrf_failed`).
    Status403_Refused(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum LogoutAllResponse {
    /// Every session was revoked.
    Status204_EverySessionWasRevoked,
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`.
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused, e.g. a cookie-authenticated request without a valid CSRF token (`csrf_failed`).
    Status403_Refused(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RefreshTokenResponse {
    /// New tokens.
    Status200_NewTokens {
        body: models::TokenResponse,
        cache_control: Option<String>,
    },
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), or a Host header not in ALLOWED_HOSTS (`disallowed_host`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`.
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused, e.g. a cookie-authenticated request without a valid CSRF token (`csrf_failed`).
    Status403_Refused(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_too_common`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RegisterResponse {
    /// The account was created.
    Status201_TheAccountWasCreated(models::User),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), or a Host header not in ALLOWED_HOSTS (`disallowed_host`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The e-mail address is already registered (`email_taken`).
    Status409_TheE(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_too_common`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

/// Auth
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Auth<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Log in with e-mail and password.
    ///
    /// Login - POST /api/v1/auth/login
    async fn login(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::LoginRequest,
    ) -> Result<LoginResponse, E>;

    /// Log out of this session.
    ///
    /// Logout - POST /api/v1/auth/logout
    async fn logout(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<LogoutResponse, E>;

    /// Log out of every session.
    ///
    /// LogoutAll - POST /api/v1/auth/logout-all
    async fn logout_all(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<LogoutAllResponse, E>;

    /// Exchange a refresh token for new tokens.
    ///
    /// RefreshToken - POST /api/v1/auth/token/refresh
    async fn refresh_token(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::RefreshRequest,
    ) -> Result<RefreshTokenResponse, E>;

    /// Create an account.
    ///
    /// Register - POST /api/v1/auth/register
    async fn register(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::RegisterRequest,
    ) -> Result<RegisterResponse, E>;
}
