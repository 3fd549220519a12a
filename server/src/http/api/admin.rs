//! `admin` tag: staff-only operations.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::admin::*, models, types::Nullable};
use headers::Host;
use http::Method;

use super::{
    Api, Credentials, given, nullable,
    views::{audit_page, user_page},
    webhooks,
};
use crate::{
    entity::outbox_message,
    error::{AppError, AppResult},
    services::{
        admin::user_admin::{UserChanges, UserFilter},
        audit::{self, AuditFilter},
        mail::outbox::Status,
        platform::pagination::PageRequest,
        runtime_settings::{Change, Key},
    },
};

fn status_from_api(status: models::OutboxStatus) -> Status {
    match status {
        models::OutboxStatus::Pending => Status::Pending,
        models::OutboxStatus::Sending => Status::Sending,
        models::OutboxStatus::Sent => Status::Sent,
        models::OutboxStatus::Dead => Status::Dead,
    }
}

impl TryFrom<outbox_message::Model> for models::OutboxMessage {
    type Error = AppError;

    fn try_from(m: outbox_message::Model) -> AppResult<Self> {
        let status = match m.status.as_str() {
            "pending" => models::OutboxStatus::Pending,
            "sending" => models::OutboxStatus::Sending,
            "sent" => models::OutboxStatus::Sent,
            "dead" => models::OutboxStatus::Dead,
            other => return Err(anyhow::anyhow!("unknown outbox status {other:?}").into()),
        };
        Ok(Self {
            id: m.id,
            kind: m.kind,
            recipient: m.recipient,
            subject: m.subject,
            status,
            attempts: m.attempts,
            last_error: nullable(m.last_error),
            created_at: m.created_at,
            next_attempt_at: nullable(m.next_attempt_at),
            sent_at: nullable(m.sent_at),
        })
    }
}

#[async_trait]
impl Admin<AppError> for Api {
    type Claims = Credentials;

    async fn list_outbox(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        query: &models::ListOutboxQueryParams,
    ) -> AppResult<ListOutboxResponse> {
        claims.staff()?;
        let page = PageRequest::new(query.limit, query.before);
        let (rows, next) = self
            .state
            .mailer
            .outbox()
            .list(query.status.map(status_from_api), page)
            .await?;
        let items = rows.into_iter().map(TryInto::try_into).collect::<AppResult<_>>()?;
        Ok(ListOutboxResponse::Status200_APageOfMessages(models::OutboxPage {
            items,
            next_before: nullable(next),
        }))
    }

    async fn retry_outbox_message(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::RetryOutboxMessagePathParams,
    ) -> AppResult<RetryOutboxMessageResponse> {
        let staff = claims.staff()?;
        self.state.mfa.require_staff_step_up(staff).await?;
        let message = self.state.mailer.outbox().retry(path.id, staff.user.id).await?;
        self.state.mailer.wake();
        Ok(RetryOutboxMessageResponse::Status200_TheMessage(message.try_into()?))
    }

    async fn list_users(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        query: &models::ListUsersQueryParams,
    ) -> AppResult<ListUsersResponse> {
        claims.staff()?;
        let filter = UserFilter {
            search: query.q.clone(),
            is_active: query.is_active,
            is_staff: query.is_staff,
            email_verified: query.email_verified,
            deleted: query.deleted,
        };
        let page = PageRequest::new(query.limit, query.before);
        let users = self.state.user_admin.list(&filter, page).await?;
        Ok(ListUsersResponse::Status200_APageOfAccounts(user_page(users)))
    }

    async fn get_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::GetUserPathParams,
    ) -> AppResult<GetUserResponse> {
        claims.staff()?;
        let user = self.state.user_admin.get(path.id).await?;
        Ok(GetUserResponse::Status200_TheAccount(user.into()))
    }

    async fn update_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::UpdateUserPathParams,
        body: &models::AdminUserUpdate,
    ) -> AppResult<UpdateUserResponse> {
        let staff = claims.staff()?;
        self.state.mfa.require_staff_step_up(staff).await?;
        let changes = UserChanges {
            is_active: given(&body.is_active),
            is_staff: given(&body.is_staff),
            first_name: given(&body.first_name),
            last_name: given(&body.last_name),
        };
        let user = self.state.user_admin.update(&staff.user, path.id, changes).await?;
        Ok(UpdateUserResponse::Status200_TheUpdatedAccount(user.into()))
    }

    async fn delete_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::DeleteUserPathParams,
    ) -> AppResult<DeleteUserResponse> {
        let staff = claims.staff()?;
        self.state.mfa.require_staff_step_up(staff).await?;
        self.state.user_admin.delete(&staff.user, path.id).await?;
        Ok(DeleteUserResponse::Status204_TheAccountWasDeleted)
    }

    async fn restore_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::RestoreUserPathParams,
    ) -> AppResult<RestoreUserResponse> {
        let staff = claims.staff()?;
        self.state.mfa.require_staff_step_up(staff).await?;
        let user = self.state.user_admin.restore(&staff.user, path.id).await?;
        Ok(RestoreUserResponse::Status200_TheRestoredAccount(user.into()))
    }

    async fn logout_user(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::LogoutUserPathParams,
    ) -> AppResult<LogoutUserResponse> {
        let staff = claims.staff()?;
        self.state.mfa.require_staff_step_up(staff).await?;
        let revoked = self.state.user_admin.logout_all(&staff.user, path.id).await?;
        Ok(LogoutUserResponse::Status200_TheSessionsWereRevoked(
            models::RevokedSessions {
                revoked: i64::try_from(revoked).unwrap_or(i64::MAX),
            },
        ))
    }

    async fn reset_user_mfa(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::ResetUserMfaPathParams,
    ) -> AppResult<ResetUserMfaResponse> {
        let staff = claims.staff()?;
        self.state.mfa.reset_by_staff(staff, path.id).await?;
        Ok(ResetUserMfaResponse::Status204_TheFactorsWereRemoved)
    }

    async fn get_user_consents(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::GetUserConsentsPathParams,
    ) -> AppResult<GetUserConsentsResponse> {
        claims.staff()?;
        self.state.user_admin.get(path.id).await?;
        let consents = &self.state.consents;
        let items = super::privacy::consent_list(consents.current(path.id).await?);
        let history = consents
            .history(path.id)
            .await?
            .into_iter()
            .map(|e| models::ConsentEvent {
                purpose: e.purpose,
                granted: e.granted,
                policy_version: super::present_or_null(e.policy_version),
                source: e.source,
                ip: super::present_or_null(e.ip),
                user_agent: super::present_or_null(e.user_agent),
                created_at: e.created_at,
            })
            .collect();
        Ok(GetUserConsentsResponse::Status200_TheConsentsAndTheirHistory(
            models::ConsentRecord { items, history },
        ))
    }

    async fn list_user_data_requests(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::ListUserDataRequestsPathParams,
    ) -> AppResult<ListUserDataRequestsResponse> {
        claims.staff()?;
        self.state.user_admin.get(path.id).await?;
        let requests = self.state.deletion.list(path.id).await?;
        Ok(ListUserDataRequestsResponse::Status200_TheRequests(
            super::views::data_request_list(requests),
        ))
    }

    async fn list_audit_log(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        query: &models::ListAuditLogQueryParams,
    ) -> AppResult<ListAuditLogResponse> {
        claims.staff()?;
        let filter = AuditFilter {
            user_id: query.user_id,
            actor_id: query.actor_id,
            event_type: query.event_type.clone(),
            since: query.since,
            until: query.until,
        };
        let page = audit::list(&self.state.db, &filter, PageRequest::new(query.limit, query.before)).await?;
        Ok(ListAuditLogResponse::Status200_APageOfEvents(audit_page(page)))
    }

    async fn get_runtime_settings(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<GetRuntimeSettingsResponse> {
        claims.staff()?;
        let snapshot = self.state.runtime.reload().await?;
        Ok(GetRuntimeSettingsResponse::Status200_TheSettingsInForce(
            snapshot.into(),
        ))
    }

    async fn update_runtime_settings(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::RuntimeSettingsUpdate,
    ) -> AppResult<UpdateRuntimeSettingsResponse> {
        let staff = claims.staff()?;
        self.state.mfa.require_staff_step_up(staff).await?;
        let changes = [
            change(Key::AccessTokenLifetime, &body.access_token_lifetime),
            change(Key::RefreshTokenLifetime, &body.refresh_token_lifetime),
            change(Key::RefreshTokenGracePeriod, &body.refresh_token_grace_period),
            change(Key::EmailVerification, &body.email_verification),
            change(
                Key::EmailVerificationTokenLifetime,
                &body.email_verification_token_lifetime,
            ),
            change(Key::PasswordResetTokenLifetime, &body.password_reset_token_lifetime),
            change(Key::EmailResendCooldown, &body.email_resend_cooldown),
            change(Key::AuditLogRetentionDays, &body.audit_log_retention_days),
            change(Key::OtpTtl, &body.otp_ttl),
            change(Key::OtpMaxAttempts, &body.otp_max_attempts),
            change(Key::OtpResendCooldown, &body.otp_resend_cooldown),
            change(Key::LoginOtp, &body.login_otp),
            change(Key::ReauthMaxAge, &body.reauth_max_age),
            change(Key::AccountDeletionGracePeriod, &body.account_deletion_grace_period),
        ];
        let changes = changes.into_iter().flatten().collect();
        let snapshot = self.state.runtime.update(changes, staff.user.id).await?;
        Ok(UpdateRuntimeSettingsResponse::Status200_TheSettingsNowInForce(
            snapshot.into(),
        ))
    }

    async fn list_webhooks(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<ListWebhooksResponse> {
        claims.staff()?;
        webhooks::list(&self.state).await
    }

    async fn create_webhook(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        body: &models::WebhookEndpointCreate,
    ) -> AppResult<CreateWebhookResponse> {
        let staff = self.stepped_up_staff(claims).await?;
        webhooks::create(&self.state, staff, body).await
    }

    async fn get_webhook(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::GetWebhookPathParams,
    ) -> AppResult<GetWebhookResponse> {
        claims.staff()?;
        webhooks::get(&self.state, path.id).await
    }

    async fn update_webhook(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::UpdateWebhookPathParams,
        body: &models::WebhookEndpointUpdate,
    ) -> AppResult<UpdateWebhookResponse> {
        let staff = self.stepped_up_staff(claims).await?;
        webhooks::update(&self.state, staff, path.id, body).await
    }

    async fn delete_webhook(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::DeleteWebhookPathParams,
    ) -> AppResult<DeleteWebhookResponse> {
        let staff = self.stepped_up_staff(claims).await?;
        webhooks::delete(&self.state, staff, path.id).await
    }

    async fn rotate_webhook_secret(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::RotateWebhookSecretPathParams,
        body: &models::WebhookRotation,
    ) -> AppResult<RotateWebhookSecretResponse> {
        let staff = self.stepped_up_staff(claims).await?;
        webhooks::rotate(&self.state, staff, path.id, body).await
    }

    async fn send_test_webhook(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::SendTestWebhookPathParams,
    ) -> AppResult<SendTestWebhookResponse> {
        let staff = self.stepped_up_staff(claims).await?;
        webhooks::send_test(&self.state, staff, path.id).await
    }

    async fn list_webhook_deliveries(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::ListWebhookDeliveriesPathParams,
        query: &models::ListWebhookDeliveriesQueryParams,
    ) -> AppResult<ListWebhookDeliveriesResponse> {
        claims.staff()?;
        webhooks::deliveries(&self.state, path.id, query).await
    }

    async fn retry_webhook_delivery(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
        path: &models::RetryWebhookDeliveryPathParams,
    ) -> AppResult<RetryWebhookDeliveryResponse> {
        let staff = self.stepped_up_staff(claims).await?;
        webhooks::retry(&self.state, staff, path.id, path.delivery_id).await
    }
}

impl Api {
    /// The staff member behind `claims`, with the recent step-up staff changes need.
    async fn stepped_up_staff<'a>(
        &self,
        claims: &'a Credentials,
    ) -> AppResult<&'a crate::services::sessions::AuthUser> {
        let staff = claims.staff()?;
        self.state.mfa.require_staff_step_up(staff).await?;
        Ok(staff)
    }
}

/// One field of a settings update: left out (`None`), `null` (back to the default), or a value.
fn change<T: serde::Serialize>(key: Key, field: &Option<Nullable<T>>) -> Option<Change> {
    match field {
        None => None,
        Some(Nullable::Null) => Some((key, None)),
        Some(Nullable::Present(value)) => Some((key, Some(serde_json::json!(value)))),
    }
}
