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
pub enum GetJwksResponse {
    /// The key set.
    Status200_TheKeySet {
        body: models::JwkSet,
        cache_control: Option<String>,
    },
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetMetricsResponse {
    /// The metrics.
    Status200_TheMetrics(String),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Nothing here (`not_found`), or a provider that is not configured (`unknown_provider`).
    Status404_NothingHere(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetRedocResponse {
    /// An HTML page.
    Status200_AnHTMLPage(String),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetSchemaResponse {
    /// The OpenAPI document.
    Status200_TheOpenAPIDocument(String),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetSwaggerUiResponse {
    /// An HTML page.
    Status200_AnHTMLPage(String),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum HealthzResponse {
    /// The process is alive.
    Status200_TheProcessIsAlive(models::HealthStatus),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_breached`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum ReadyzResponse {
    /// Ready to serve.
    Status200_ReadyToServe(models::Readiness),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
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
pub enum RunCleanupResponse {
    /// The job ran.
    Status200_TheJobRan(models::CleanupReport),
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

/// Ops
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Ops<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Public keys for access tokens.
    ///
    /// GetJwks - GET /.well-known/jwks.json
    async fn get_jwks(&self, method: &Method, host: &Host, cookies: &CookieJar) -> Result<GetJwksResponse, E>;

    /// Prometheus metrics.
    ///
    /// GetMetrics - GET /metrics
    async fn get_metrics(&self, method: &Method, host: &Host, cookies: &CookieJar) -> Result<GetMetricsResponse, E>;

    /// Redoc.
    ///
    /// GetRedoc - GET /api/redoc
    async fn get_redoc(&self, method: &Method, host: &Host, cookies: &CookieJar) -> Result<GetRedocResponse, E>;

    /// This OpenAPI document.
    ///
    /// GetSchema - GET /api/schema
    async fn get_schema(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        query_params: &models::GetSchemaQueryParams,
    ) -> Result<GetSchemaResponse, E>;

    /// Swagger UI.
    ///
    /// GetSwaggerUi - GET /api/docs
    async fn get_swagger_ui(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
    ) -> Result<GetSwaggerUiResponse, E>;

    /// Liveness.
    ///
    /// Healthz - GET /healthz
    async fn healthz(&self, method: &Method, host: &Host, cookies: &CookieJar) -> Result<HealthzResponse, E>;

    /// Readiness.
    ///
    /// Readyz - GET /readyz
    async fn readyz(&self, method: &Method, host: &Host, cookies: &CookieJar) -> Result<ReadyzResponse, E>;

    /// Run the cleanup job.
    ///
    /// RunCleanup - POST /api/v1/cron/cleanup
    async fn run_cleanup(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<RunCleanupResponse, E>;
}
