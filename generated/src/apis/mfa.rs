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
pub enum CompleteMfaLoginResponse {
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
pub enum ConfirmTotpEnrollmentResponse {
    /// TOTP is on; the recovery codes, shown once.
    Status200_TOTPIsOn {
        body: models::RecoveryCodeSet,
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
pub enum DeletePasskeyResponse {
    /// The passkey is removed.
    Status204_ThePasskeyIsRemoved,
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
pub enum GetMfaResponse {
    /// The factors.
    Status200_TheFactors(models::MfaSummary),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
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
pub enum ListPasskeysResponse {
    /// The passkeys, oldest first.
    Status200_ThePasskeys(models::PasskeyList),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`, or `reauthentication_required` (a sensitive operation needs a recent authentication: call `reauthenticate`, then retry).
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
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
pub enum ReauthenticateResponse {
    /// Authenticated again.
    Status200_AuthenticatedAgain {
        body: models::Reauthenticated,
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
pub enum RegenerateRecoveryCodesResponse {
    /// The new recovery codes, shown once.
    Status200_TheNewRecoveryCodes {
        body: models::RecoveryCodeSet,
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RegisterPasskeyResponse {
    /// The passkey is stored.
    Status201_ThePasskeyIsStored {
        body: models::PasskeyRegistered,
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
    /// The resource is not in a state that allows this (e.g. `not_dead`), or a social sign-in or link conflicts with an existing account (`account_exists_link_required`, `identity_already_linked`, `provider_already_linked`, `last_sign_in_method`), or a second factor is not in the state the operation needs (`totp_already_enabled`, `totp_not_enabled`, `no_pending_enrollment`, `mfa_not_enabled`, `passkey_not_enabled`), or passkeys are off on this server (`passkeys_unavailable`: no `WEBAUTHN_RP_ID` and `WEBAUTHN_ORIGINS`, and `FRONTEND_URL` cannot be a WebAuthn origin), or a data request is not in the state the operation needs (`data_request_pending`, `data_request_not_pending`), or an address is taken (`email_taken`).
    Status409_TheResourceIsNotInAStateThatAllowsThis(models::Problem),
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
pub enum RemoveTotpResponse {
    /// TOTP is off.
    Status204_TOTPIsOff,
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RenamePasskeyResponse {
    /// The renamed passkey.
    Status200_TheRenamedPasskey(models::Passkey),
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
pub enum StartPasskeyReauthenticationResponse {
    /// The request options.
    Status200_TheRequestOptions {
        body: std::collections::HashMap<String, crate::types::Object>,
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum StartPasskeyRegistrationResponse {
    /// The creation options.
    Status200_TheCreationOptions {
        body: std::collections::HashMap<String, crate::types::Object>,
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum StartPasskeySignInResponse {
    /// The request options and their ceremony (five minutes, single use).
    Status200_TheRequestOptionsAndTheirCeremony {
        body: models::PasskeySignInOptions,
        cache_control: Option<String>,
    },
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), an e-mailed token that is unknown, used, expired or tampered (`invalid_token`), or an e-mailed code (or its login challenge) that is wrong, expired, used, replaced or out of attempts (`invalid_code`, the same for an address without an account), a social `redirect_to` outside `SOCIAL_ALLOWED_REDIRECTS` (`redirect_not_allowed`), a provider code or id_token that did not verify (`social_login_failed`), or a provider that shared no address (`email_required`), or a passkey credential that did not verify or whose ceremony expired or was used (`passkey_failed`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
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
pub enum StartTotpEnrollmentResponse {
    /// The secret to put in the authenticator app.
    Status200_TheSecretToPutInTheAuthenticatorApp {
        body: models::TotpEnrollment,
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

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum VerifyPasskeyResponse {
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

/// Mfa
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Mfa<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Finish a login with a second factor.
    ///
    /// CompleteMfaLogin - POST /api/v1/auth/login/mfa
    async fn complete_mfa_login(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::MfaLoginRequest,
    ) -> Result<CompleteMfaLoginResponse, E>;

    /// Activate the authenticator app with a code from it.
    ///
    /// ConfirmTotpEnrollment - POST /api/v1/users/me/mfa/totp/confirm
    async fn confirm_totp_enrollment(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        body: &models::TotpConfirmRequest,
    ) -> Result<ConfirmTotpEnrollmentResponse, E>;

    /// Remove a passkey.
    ///
    /// DeletePasskey - DELETE /api/v1/users/me/passkeys/{id}
    async fn delete_passkey(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        path_params: &models::DeletePasskeyPathParams,
    ) -> Result<DeletePasskeyResponse, E>;

    /// The signed-in user's second factors.
    ///
    /// GetMfa - GET /api/v1/users/me/mfa
    async fn get_mfa(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<GetMfaResponse, E>;

    /// The signed-in user's passkeys.
    ///
    /// ListPasskeys - GET /api/v1/users/me/passkeys
    async fn list_passkeys(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<ListPasskeysResponse, E>;

    /// Prove who you are again (step-up).
    ///
    /// Reauthenticate - POST /api/v1/auth/reauthenticate
    async fn reauthenticate(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        body: &models::ReauthenticateRequest,
    ) -> Result<ReauthenticateResponse, E>;

    /// Replace the recovery codes.
    ///
    /// RegenerateRecoveryCodes - POST /api/v1/users/me/mfa/recovery-codes
    async fn regenerate_recovery_codes(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<RegenerateRecoveryCodesResponse, E>;

    /// Store a new passkey.
    ///
    /// RegisterPasskey - POST /api/v1/users/me/passkeys
    async fn register_passkey(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        body: &models::PasskeyRegistrationRequest,
    ) -> Result<RegisterPasskeyResponse, E>;

    /// Remove the authenticator app.
    ///
    /// RemoveTotp - DELETE /api/v1/users/me/mfa/totp
    async fn remove_totp(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<RemoveTotpResponse, E>;

    /// Rename a passkey.
    ///
    /// RenamePasskey - PATCH /api/v1/users/me/passkeys/{id}
    async fn rename_passkey(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        path_params: &models::RenamePasskeyPathParams,
        body: &models::PasskeyRename,
    ) -> Result<RenamePasskeyResponse, E>;

    /// Request options for a step-up with a passkey.
    ///
    /// StartPasskeyReauthentication - POST /api/v1/auth/reauthenticate/options
    async fn start_passkey_reauthentication(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<StartPasskeyReauthenticationResponse, E>;

    /// Creation options for a new passkey.
    ///
    /// StartPasskeyRegistration - POST /api/v1/users/me/passkeys/options
    async fn start_passkey_registration(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<StartPasskeyRegistrationResponse, E>;

    /// Request options for signing in with a passkey.
    ///
    /// StartPasskeySignIn - POST /api/v1/auth/passkey/options
    async fn start_passkey_sign_in(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::PasskeyOptionsRequest,
    ) -> Result<StartPasskeySignInResponse, E>;

    /// Start adding an authenticator app (TOTP).
    ///
    /// StartTotpEnrollment - POST /api/v1/users/me/mfa/totp
    async fn start_totp_enrollment(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
    ) -> Result<StartTotpEnrollmentResponse, E>;

    /// Sign in with a passkey.
    ///
    /// VerifyPasskey - POST /api/v1/auth/passkey/verify
    async fn verify_passkey(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        body: &models::PasskeyVerifyRequest,
    ) -> Result<VerifyPasskeyResponse, E>;
}
