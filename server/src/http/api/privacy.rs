//! `privacy` tag: consents, deletion requests, the change of the e-mail address.

use std::collections::HashMap;

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::privacy::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials, auth::accepted, given, present_or_null, views::data_request_list};
use crate::{
    entity::user,
    error::{AppError, AppResult},
    services::{
        privacy::consents::{Change, ConsentState, Source},
        protection::rate_limit::Action,
    },
};

/// An account's address and when it was verified.
pub(super) fn email_verified(account: user::Model) -> models::EmailVerified {
    models::EmailVerified {
        email: account.email,
        email_verified_at: account.email_verified_at.unwrap_or_else(chrono::Utc::now),
    }
}

/// The states as the API shows them.
pub(super) fn consent_list(states: Vec<ConsentState>) -> Vec<models::ConsentState> {
    states
        .into_iter()
        .map(|s| models::ConsentState {
            purpose: s.purpose,
            granted: s.granted,
            policy_version: present_or_null(s.policy_version),
            updated_at: present_or_null(s.updated_at),
        })
        .collect()
}

#[async_trait]
impl Privacy<AppError> for Api {
    type Claims = Credentials;

    async fn get_my_consents(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<GetMyConsentsResponse> {
        let auth = claims.user()?;
        let states = self.state.consents.current(auth.user.id).await?;
        Ok(GetMyConsentsResponse::Status200_OneEntryPerPurpose(
            models::ConsentList {
                items: consent_list(states),
            },
        ))
    }

    async fn update_my_consents(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &HashMap<String, models::ConsentChange>,
    ) -> AppResult<UpdateMyConsentsResponse> {
        let auth = claims.user()?;
        let mut changes: Vec<(String, Change)> = body
            .iter()
            .map(|(purpose, change)| {
                let change = Change {
                    granted: change.granted,
                    policy_version: given(&change.policy_version),
                };
                (purpose.clone(), change)
            })
            .collect();
        changes.sort_by(|a, b| a.0.cmp(&b.0));
        let states = self
            .state
            .consents
            .update(&auth.user, changes, Source::Consents)
            .await?;
        Ok(UpdateMyConsentsResponse::Status200_EveryPurpose(models::ConsentList {
            items: consent_list(states),
        }))
    }

    async fn list_my_data_requests(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<ListMyDataRequestsResponse> {
        let auth = claims.user()?;
        let requests = self.state.deletion.list(auth.user.id).await?;
        Ok(ListMyDataRequestsResponse::Status200_TheRequests(data_request_list(
            requests,
        )))
    }

    async fn create_data_request(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::DataRequestCreate,
    ) -> AppResult<CreateDataRequestResponse> {
        let auth = claims.user()?;
        self.state.sessions.require_recent(auth).await?;
        let request = match body.r_type {
            models::DataRequestType::Export => self.state.exports.request(&auth.user).await?,
            models::DataRequestType::Delete => self.state.deletion.request(&auth.user).await?,
        };
        Ok(CreateDataRequestResponse::Status202_Accepted(request.into()))
    }

    async fn cancel_my_data_request(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::CancelMyDataRequestPathParams,
    ) -> AppResult<CancelMyDataRequestResponse> {
        let auth = claims.user()?;
        let request = self.state.deletion.cancel(auth.user.id, path.id, None).await?;
        Ok(CancelMyDataRequestResponse::Status200_TheCancelledRequest(
            request.into(),
        ))
    }

    async fn cancel_account_deletion(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::TokenRequest,
    ) -> AppResult<CancelAccountDeletionResponse> {
        self.state.limits.check(Action::VerifyEmail, None).await?;
        let request = self.state.deletion.cancel_with_token(&body.token).await?;
        Ok(CancelAccountDeletionResponse::Status200_TheDeletionIsCancelled(
            request.into(),
        ))
    }

    async fn download_data_export(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        path: &models::DownloadDataExportPathParams,
    ) -> AppResult<DownloadDataExportResponse> {
        self.state.limits.check(Action::VerifyEmail, None).await?;
        let download = self.state.exports.download(&path.token).await?;
        // Built from the database a piece at a time, never held whole.
        let body = axum::body::Body::from_stream(download.bytes);
        Ok(DownloadDataExportResponse::Status200_TheArchive {
            body: models::ByteStream(body),
            content_disposition: Some(format!("attachment; filename=\"{}\"", download.file_name)),
            cache_control: Some("no-store".into()),
        })
    }

    async fn change_email(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::EmailChangeRequest,
    ) -> AppResult<ChangeEmailResponse> {
        let auth = claims.user()?;
        let password = given(&body.password);
        self.state
            .email_change
            .request(auth, &body.new_email, password.as_deref())
            .await?;
        Ok(ChangeEmailResponse::Status202_Accepted(accepted()))
    }

    async fn confirm_email_change(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::TokenRequest,
    ) -> AppResult<ConfirmEmailChangeResponse> {
        self.state.limits.check(Action::VerifyEmail, None).await?;
        let account = self.state.email_change.confirm(&body.token).await?;
        Ok(ConfirmEmailChangeResponse::Status200_TheAddressIsChangedAndVerified(
            email_verified(account),
        ))
    }

    async fn revert_email_change(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        body: &models::TokenRequest,
    ) -> AppResult<RevertEmailChangeResponse> {
        self.state.limits.check(Action::VerifyEmail, None).await?;
        let account = self.state.email_change.revert(&body.token).await?;
        Ok(RevertEmailChangeResponse::Status200_TheOldAddressIsBackAndEverySessionHasEnded(email_verified(account)))
    }
}
