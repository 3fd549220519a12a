//! `admin` tag: staff-only operations.

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::admin::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials, nullable};
use crate::{
    entity::outbox_message,
    error::{AppError, AppResult},
    services::mail::outbox::Status,
};

/// Page size when the client names none.
const DEFAULT_PAGE: u64 = 50;

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
        let limit = query.limit.map_or(DEFAULT_PAGE, u64::from);
        let (rows, next) = self
            .state
            .mailer
            .outbox()
            .list(query.status.map(status_from_api), limit, query.before)
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
        let message = self.state.mailer.outbox().retry(path.id).await?;
        self.state.mailer.wake();
        crate::services::audit::record(
            &self.state.db,
            crate::services::audit::AuditEvent::new("outbox_message_retried", None)
                .actor(staff.user.id)
                .detail(serde_json::json!({ "message_id": message.id })),
        )
        .await;
        Ok(RetryOutboxMessageResponse::Status200_TheMessage(message.try_into()?))
    }
}
