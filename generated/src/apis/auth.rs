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
pub enum ChangePasswordResponse {
    /// The password was changed.
    Status204_ThePasswordWasChanged,
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), a social sign-in into a deactivated account (`account_inactive`), a staff operation called by an account that is not staff (`forbidden`), or an account that `MFA_REQUIRED` obliges to add a second factor and has none (`mfa_enrollment_required`: only the MFA operations and `getMe` work until it does), or a sign-in with the right credentials into an account whose deletion is scheduled (`account_pending_deletion`: the e-mailed link cancels it).
    Status403_Refused(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum ConfirmPasswordResetResponse {
    /// The password was changed; log in with it.
    Status204_ThePasswordWasChanged,
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// Too many requests: a rate limit (`rate_limited`) or a login lock-out after repeated failures (`too_many_attempts`). Wait `Retry-After` seconds. The answer is the same whether or not an account exists for the e-mail address concerned.
    Status429_TooManyRequests {
        body: models::Problem,
        retry_after: Option<u32>,
        rate_limit: Option<String>,
        rate_limit_policy: Option<String>,
    },
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum LoginResponse {
    /// Logged in.
    Status200_LoggedIn {
        body: models::TokenResponse,
        cache_control: Option<String>,
    },
    /// The password is right, and the login must be completed with a second factor: send the challenge with a proof of one of its `methods` to `completeMfaLogin`.
    Status202_ThePasswordIsRight {
        body: models::LoginChallenge,
        cache_control: Option<String>,
    },
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), a social sign-in into a deactivated account (`account_inactive`), a staff operation called by an account that is not staff (`forbidden`), or an account that `MFA_REQUIRED` obliges to add a second factor and has none (`mfa_enrollment_required`: only the MFA operations and `getMe` work until it does), or a sign-in with the right credentials into an account whose deletion is scheduled (`account_pending_deletion`: the e-mailed link cancels it).
    Status403_Refused(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// Too many requests: a rate limit (`rate_limited`) or a login lock-out after repeated failures (`too_many_attempts`). Wait `Retry-After` seconds. The answer is the same whether or not an account exists for the e-mail address concerned.
    Status429_TooManyRequests {
        body: models::Problem,
        retry_after: Option<u32>,
        rate_limit: Option<String>,
        rate_limit_policy: Option<String>,
    },
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum LogoutResponse {
    /// Logged out.
    Status204_LoggedOut,
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), a social sign-in into a deactivated account (`account_inactive`), a staff operation called by an account that is not staff (`forbidden`), or an account that `MFA_REQUIRED` obliges to add a second factor and has none (`mfa_enrollment_required`: only the MFA operations and `getMe` work until it does), or a sign-in with the right credentials into an account whose deletion is scheduled (`account_pending_deletion`: the e-mailed link cancels it).
    Status403_Refused(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum LogoutAllResponse {
    /// Every session was revoked.
    Status204_EverySessionWasRevoked,
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), a social sign-in into a deactivated account (`account_inactive`), a staff operation called by an account that is not staff (`forbidden`), or an account that `MFA_REQUIRED` obliges to add a second factor and has none (`mfa_enrollment_required`: only the MFA operations and `getMe` work until it does), or a sign-in with the right credentials into an account whose deletion is scheduled (`account_pending_deletion`: the e-mailed link cancels it).
    Status403_Refused(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
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
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), a social sign-in into a deactivated account (`account_inactive`), a staff operation called by an account that is not staff (`forbidden`), or an account that `MFA_REQUIRED` obliges to add a second factor and has none (`mfa_enrollment_required`: only the MFA operations and `getMe` work until it does), or a sign-in with the right credentials into an account whose deletion is scheduled (`account_pending_deletion`: the e-mailed link cancels it).
    Status403_Refused(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// Too many requests: a rate limit (`rate_limited`) or a login lock-out after repeated failures (`too_many_attempts`). Wait `Retry-After` seconds. The answer is the same whether or not an account exists for the e-mail address concerned.
    Status429_TooManyRequests {
        body: models::Problem,
        retry_after: Option<u32>,
        rate_limit: Option<String>,
        rate_limit_policy: Option<String>,
    },
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RegisterResponse {
    /// Accepted. The answer is the same whether or not an account exists for the address; any e-mail is sent in the background.
    Status202_Accepted(models::Accepted),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// Too many requests: a rate limit (`rate_limited`) or a login lock-out after repeated failures (`too_many_attempts`). Wait `Retry-After` seconds. The answer is the same whether or not an account exists for the e-mail address concerned.
    Status429_TooManyRequests {
        body: models::Problem,
        retry_after: Option<u32>,
        rate_limit: Option<String>,
        rate_limit_policy: Option<String>,
    },
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RequestPasswordResetResponse {
    /// Accepted. The answer is the same whether or not an account exists for the address; any e-mail is sent in the background.
    Status202_Accepted(models::Accepted),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// Too many requests: a rate limit (`rate_limited`) or a login lock-out after repeated failures (`too_many_attempts`). Wait `Retry-After` seconds. The answer is the same whether or not an account exists for the e-mail address concerned.
    Status429_TooManyRequests {
        body: models::Problem,
        retry_after: Option<u32>,
        rate_limit: Option<String>,
        rate_limit_policy: Option<String>,
    },
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum ResendVerificationResponse {
    /// Accepted. The answer is the same whether or not an account exists for the address; any e-mail is sent in the background.
    Status202_Accepted(models::Accepted),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// Too many requests: a rate limit (`rate_limited`) or a login lock-out after repeated failures (`too_many_attempts`). Wait `Retry-After` seconds. The answer is the same whether or not an account exists for the e-mail address concerned.
    Status429_TooManyRequests {
        body: models::Problem,
        retry_after: Option<u32>,
        rate_limit: Option<String>,
        rate_limit_policy: Option<String>,
    },
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum VerifyEmailResponse {
    /// The address is verified.
    Status200_TheAddressIsVerified(models::EmailVerified),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// The body is not sent as `application/json` (`unsupported_media_type`).
    Status415_TheBodyIsNotSentAs(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
    /// Too many requests: a rate limit (`rate_limited`) or a login lock-out after repeated failures (`too_many_attempts`). Wait `Retry-After` seconds. The answer is the same whether or not an account exists for the e-mail address concerned.
    Status429_TooManyRequests {
        body: models::Problem,
        retry_after: Option<u32>,
        rate_limit: Option<String>,
        rate_limit_policy: Option<String>,
    },
    /// A dependency (the database, or Redis for one-time codes) does not answer (`service_unavailable`); try again after `Retry-After` seconds.
    Status503_ADependency {
        body: models::Problem,
        retry_after: Option<u32>,
    },
}

/// Auth
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Auth<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Change the password.
    ///
    /// ChangePassword - POST /api/v1/auth/password/change
    async fn change_password(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        body: &models::PasswordChangeRequest,
    ) -> Result<ChangePasswordResponse, E>;

    /// Set a new password with a reset token.
    ///
    /// ConfirmPasswordReset - POST /api/v1/auth/password/reset/confirm
    async fn confirm_password_reset(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::PasswordResetConfirmRequest,
    ) -> Result<ConfirmPasswordResetResponse, E>;

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

    /// Ask for a password-reset e-mail.
    ///
    /// RequestPasswordReset - POST /api/v1/auth/password/reset
    async fn request_password_reset(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::EmailRequest,
    ) -> Result<RequestPasswordResetResponse, E>;

    /// Send the verification e-mail again.
    ///
    /// ResendVerification - POST /api/v1/auth/email/resend
    async fn resend_verification(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::EmailRequest,
    ) -> Result<ResendVerificationResponse, E>;

    /// Verify an e-mail address.
    ///
    /// VerifyEmail - POST /api/v1/auth/email/verify
    async fn verify_email(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::TokenRequest,
    ) -> Result<VerifyEmailResponse, E>;
}
