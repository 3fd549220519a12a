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
pub enum ExchangeSocialCodeResponse {
    /// Signed in.
    Status200_SignedIn {
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
pub enum FinishSocialLoginResponse {
    /// To the provider, or back to the frontend (`redirect_to` with `code`, `linked` or `error`).
    Status302_ToTheProvider { location: Option<String> },
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
pub enum LinkSocialAccountResponse {
    /// Where to send the browser.
    Status200_WhereToSendTheBrowser {
        body: models::SocialLinkStart,
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
    /// Nothing here (`not_found`), or a provider that is not configured (`unknown_provider`).
    Status404_NothingHere(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The resource is not in a state that allows this (e.g. `not_dead`), or a social sign-in or link conflicts with an existing account (`account_exists_link_required`, `identity_already_linked`, `provider_already_linked`, `last_sign_in_method`), or a second factor is not in the state the operation needs (`totp_already_enabled`, `totp_not_enabled`, `no_pending_enrollment`, `mfa_not_enabled`, `passkey_not_enabled`), or passkeys are off on this server (`passkeys_unavailable`: no `WEBAUTHN_RP_ID` and `WEBAUTHN_ORIGINS`, and `FRONTEND_URL` cannot be a WebAuthn origin), or a data request is not in the state the operation needs (`data_request_pending`, `data_request_not_pending`), or an address is taken (`email_taken`).
    Status409_TheResourceIsNotInAStateThatAllowsThis(models::Problem),
    /// The request body is larger than the server accepts (`payload_too_large`).
    Status413_TheRequestBodyIsLargerThanTheServerAccepts(models::Problem),
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
pub enum ListSocialAccountsResponse {
    /// The linked provider accounts, oldest link first.
    Status200_TheLinkedProviderAccounts(Vec<models::SocialAccount>),
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
pub enum ListSocialProvidersResponse {
    /// The configured providers.
    Status200_TheConfiguredProviders(Vec<models::SocialProvider>),
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
pub enum SocialTokenLoginResponse {
    /// Signed in.
    Status200_SignedIn {
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
    /// Nothing here (`not_found`), or a provider that is not configured (`unknown_provider`).
    Status404_NothingHere(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The resource is not in a state that allows this (e.g. `not_dead`), or a social sign-in or link conflicts with an existing account (`account_exists_link_required`, `identity_already_linked`, `provider_already_linked`, `last_sign_in_method`), or a second factor is not in the state the operation needs (`totp_already_enabled`, `totp_not_enabled`, `no_pending_enrollment`, `mfa_not_enabled`, `passkey_not_enabled`), or passkeys are off on this server (`passkeys_unavailable`: no `WEBAUTHN_RP_ID` and `WEBAUTHN_ORIGINS`, and `FRONTEND_URL` cannot be a WebAuthn origin), or a data request is not in the state the operation needs (`data_request_pending`, `data_request_not_pending`), or an address is taken (`email_taken`).
    Status409_TheResourceIsNotInAStateThatAllowsThis(models::Problem),
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
pub enum StartSocialLoginResponse {
    /// To the provider, or back to the frontend (`redirect_to` with `code`, `linked` or `error`).
    Status302_ToTheProvider { location: Option<String> },
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
pub enum UnlinkSocialAccountResponse {
    /// Unlinked.
    Status204_Unlinked,
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), a social sign-in into a deactivated account (`account_inactive`), a staff operation called by an account that is not staff (`forbidden`), or an account that `MFA_REQUIRED` obliges to add a second factor and has none (`mfa_enrollment_required`: only the MFA operations and `getMe` work until it does), or a sign-in with the right credentials into an account whose deletion is scheduled (`account_pending_deletion`: the e-mailed link cancels it).
    Status403_Refused(models::Problem),
    /// Nothing here (`not_found`), or a provider that is not configured (`unknown_provider`).
    Status404_NothingHere(models::Problem),
    /// The request took longer than `REQUEST_TIMEOUT` (`request_timeout`).
    Status408_TheRequestTookLongerThan(models::Problem),
    /// The resource is not in a state that allows this (e.g. `not_dead`), or a social sign-in or link conflicts with an existing account (`account_exists_link_required`, `identity_already_linked`, `provider_already_linked`, `last_sign_in_method`), or a second factor is not in the state the operation needs (`totp_already_enabled`, `totp_not_enabled`, `no_pending_enrollment`, `mfa_not_enabled`, `passkey_not_enabled`), or passkeys are off on this server (`passkeys_unavailable`: no `WEBAUTHN_RP_ID` and `WEBAUTHN_ORIGINS`, and `FRONTEND_URL` cannot be a WebAuthn origin), or a data request is not in the state the operation needs (`data_request_pending`, `data_request_not_pending`), or an address is taken (`email_taken`).
    Status409_TheResourceIsNotInAStateThatAllowsThis(models::Problem),
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

/// Social
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Social<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Exchange the one-time code of a redirect sign-in for tokens.
    ///
    /// ExchangeSocialCode - POST /api/v1/auth/social/exchange
    async fn exchange_social_code(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::SocialExchangeRequest,
    ) -> Result<ExchangeSocialCodeResponse, E>;

    /// Where the provider sends the browser back.
    ///
    /// FinishSocialLogin - GET /api/v1/auth/social/{provider}/callback
    async fn finish_social_login(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        path_params: &models::FinishSocialLoginPathParams,
        query_params: &models::FinishSocialLoginQueryParams,
    ) -> Result<FinishSocialLoginResponse, E>;

    /// Start linking a provider to the signed-in account.
    ///
    /// LinkSocialAccount - POST /api/v1/users/me/social-accounts/{provider}
    async fn link_social_account(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        path_params: &models::LinkSocialAccountPathParams,
        query_params: &models::LinkSocialAccountQueryParams,
    ) -> Result<LinkSocialAccountResponse, E>;

    /// The providers linked to the signed-in account.
    ///
    /// ListSocialAccounts - GET /api/v1/users/me/social-accounts
    async fn list_social_accounts(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<ListSocialAccountsResponse, E>;

    /// The identity providers one can sign in with.
    ///
    /// ListSocialProviders - GET /api/v1/auth/social/providers
    async fn list_social_providers(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
    ) -> Result<ListSocialProvidersResponse, E>;

    /// Sign in with what the frontend got from the provider.
    ///
    /// SocialTokenLogin - POST /api/v1/auth/social/{provider}/token
    async fn social_token_login(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        path_params: &models::SocialTokenLoginPathParams,
        body: &models::SocialTokenRequest,
    ) -> Result<SocialTokenLoginResponse, E>;

    /// Start a redirect sign-in with a provider.
    ///
    /// StartSocialLogin - GET /api/v1/auth/social/{provider}/authorize
    async fn start_social_login(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        path_params: &models::StartSocialLoginPathParams,
        query_params: &models::StartSocialLoginQueryParams,
    ) -> Result<StartSocialLoginResponse, E>;

    /// Unlink a provider from the signed-in account.
    ///
    /// UnlinkSocialAccount - DELETE /api/v1/users/me/social-accounts/{provider}
    async fn unlink_social_account(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        path_params: &models::UnlinkSocialAccountPathParams,
    ) -> Result<UnlinkSocialAccountResponse, E>;
}
