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
pub enum ListOutboxResponse {
    /// A page of messages.
    Status200_APageOfMessages(models::OutboxPage),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), or an e-mailed token that is unknown, used, expired or tampered (`invalid_token`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`.
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), or a staff operation called by an account that is not staff (`forbidden`).
    Status403_Refused(models::Problem),
    /// One or more fields are invalid (`validation_failed`); `errors` names each field with its own `code` (e.g. `invalid_email`, `password_too_short`, `password_too_common`, `incorrect_password`).
    Status422_OneOrMoreFieldsAreInvalid(models::Problem),
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RetryOutboxMessageResponse {
    /// The message, queued again.
    Status200_TheMessage(models::OutboxMessage),
    /// The request could not be read: malformed JSON or parameters (`malformed_request`), a Host header not in ALLOWED_HOSTS (`disallowed_host`), or an e-mailed token that is unknown, used, expired or tampered (`invalid_token`).
    Status400_TheRequestCouldNotBeRead(models::Problem),
    /// Missing, invalid or expired credentials. `code` is one of `unauthorized` (no or bad access token), `token_expired`, `session_revoked`, `invalid_credentials`, `invalid_refresh_token`, `refresh_token_reused`.
    Status401_Missing {
        body: models::Problem,
        www_authenticate: Option<String>,
    },
    /// Refused: a cookie-authenticated request without a valid CSRF token (`csrf_failed`), a login whose address is not verified yet (`email_not_verified`), or a staff operation called by an account that is not staff (`forbidden`).
    Status403_Refused(models::Problem),
    /// Nothing here (`not_found`).
    Status404_NothingHere(models::Problem),
    /// The resource is not in a state that allows this (e.g. `not_dead`).
    Status409_TheResourceIsNotInAStateThatAllowsThis(models::Problem),
}

/// Admin
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Admin<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// E-mails waiting, sent, or given up on.
    ///
    /// ListOutbox - GET /api/v1/admin/outbox
    async fn list_outbox(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        query_params: &models::ListOutboxQueryParams,
    ) -> Result<ListOutboxResponse, E>;

    /// Deliver a dead e-mail again.
    ///
    /// RetryOutboxMessage - POST /api/v1/admin/outbox/{id}/retry
    async fn retry_outbox_message(
        &self,

        method: &Method,
        host: &Host,
        cookies: &CookieJar,
        claims: &Self::Claims,
        path_params: &models::RetryOutboxMessagePathParams,
    ) -> Result<RetryOutboxMessageResponse, E>;
}
