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
pub enum LoginWithOtpResponse {
    /// Logged in.
    Status200_LoggedIn {
        body: models::TokenResponse,
        cache_control: Option<String>,
    },
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
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
pub enum RequestOtpResponse {
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
pub enum ResendOtpResponse {
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
pub enum VerifyOtpResponse {
    /// Logged in.
    Status200_LoggedIn {
        body: models::TokenResponse,
        cache_control: Option<String>,
    },
    /// The account has a second factor: complete the sign-in with `completeMfaLogin`.
    Status202_TheAccountHasASecondFactor {
        body: models::LoginChallenge,
        cache_control: Option<String>,
    },
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
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

/// Otp
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Otp<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    /// Finish a two-step login with the e-mailed code.
    ///
    /// LoginWithOtp - POST /api/v1/auth/login/otp
    async fn login_with_otp(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::LoginOtpRequest,
    ) -> Result<LoginWithOtpResponse, E>;

    /// E-mail a sign-in code (passwordless login).
    ///
    /// RequestOtp - POST /api/v1/auth/otp/request
    async fn request_otp(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::EmailRequest,
    ) -> Result<RequestOtpResponse, E>;

    /// Send a new code.
    ///
    /// ResendOtp - POST /api/v1/auth/otp/resend
    async fn resend_otp(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::OtpResendRequest,
    ) -> Result<ResendOtpResponse, E>;

    /// Log in with an e-mailed code.
    ///
    /// VerifyOtp - POST /api/v1/auth/otp/verify
    async fn verify_otp(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::OtpVerifyRequest,
    ) -> Result<VerifyOtpResponse, E>;
}
