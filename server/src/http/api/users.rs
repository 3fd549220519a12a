//! `users` tag: the signed-in user's own account.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::users::*, models, types::Nullable};
use headers::Host;
use http::Method;

use super::{Api, Credentials, given, present_or_null, views::audit_page};
use crate::{
    entity::user,
    error::{AppError, AppResult, FieldError},
    http::cookies,
    services::{
        audit::{self, AuditFilter},
        identity::accounts::ProfileChange,
        platform::pagination::PageRequest,
        privacy::consents::{Change, MARKETING, Source},
    },
};

impl From<user::Model> for models::User {
    fn from(u: user::Model) -> Self {
        Self {
            id: u.id,
            email: u.email,
            first_name: u.first_name,
            last_name: u.last_name,
            is_active: u.is_active,
            is_staff: u.is_staff,
            email_verified: u.email_verified_at.is_some(),
            date_joined: u.date_joined,
            last_login: present_or_null(u.last_login),
            otp_login_enabled: u.otp_login_enabled,
            mfa_enabled: u.mfa_enabled,
            marketing_consent: u.marketing_consent,
        }
    }
}

#[async_trait]
impl Users<AppError> for Api {
    type Claims = Credentials;

    async fn get_me(&self, _: &Method, _: &Host, _: &CookieJar, claims: &Credentials) -> AppResult<GetMeResponse> {
        let auth = claims.enrolling_user()?;
        Ok(GetMeResponse::Status200_TheAccount(auth.user.clone().into()))
    }

    async fn update_me(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::UpdateMeRequest,
    ) -> AppResult<UpdateMeResponse> {
        let auth = claims.user()?;
        let mut account = auth.user.clone();
        if let Some(granted) = given(&body.marketing_consent) {
            let change = Change {
                granted,
                policy_version: None,
            };
            if !self.state.consents.offers(MARKETING) {
                return Err(AppError::Validation(vec![FieldError::new(
                    "marketing_consent",
                    "unknown_purpose",
                    "`marketing` is not among CONSENT_PURPOSES.",
                )]));
            }
            let changes = vec![(MARKETING.to_string(), change)];
            self.state.consents.update(&auth.user, changes, Source::Profile).await?;
            account = self.state.user_admin.get(auth.user.id).await?;
        }
        let updated = self
            .state
            .accounts
            .update_profile(
                &account,
                ProfileChange {
                    first_name: given(&body.first_name),
                    last_name: given(&body.last_name),
                    otp_login_enabled: match body.otp_login_enabled {
                        Some(Nullable::Present(enabled)) => Some(enabled),
                        Some(Nullable::Null) | None => None,
                    },
                },
            )
            .await?;
        Ok(UpdateMeResponse::Status200_TheUpdatedAccount(updated.into()))
    }

    async fn delete_me(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::DeleteMeRequest,
    ) -> AppResult<DeleteMeResponse> {
        let auth = claims.user()?;
        self.state.sessions.require_recent_second_factor(auth).await?;
        self.state
            .accounts
            .confirm_password(&auth.user, "password", &body.password)
            .await?;
        let request = self.state.deletion.request(&auth.user).await?;
        cookies::clear_session_cookies(&self.state.settings);
        Ok(DeleteMeResponse::Status202_TheDeletionIsScheduled(request.into()))
    }

    async fn list_my_audit_log(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        query: &models::ListMyAuditLogQueryParams,
    ) -> AppResult<ListMyAuditLogResponse> {
        let auth = claims.user()?;
        let filter = AuditFilter {
            user_id: Some(auth.user.id),
            ..AuditFilter::default()
        };
        let page = audit::list(&self.state.db, &filter, PageRequest::new(query.limit, query.before)).await?;
        Ok(ListMyAuditLogResponse::Status200_APageOfEvents(audit_page(page)))
    }
}
