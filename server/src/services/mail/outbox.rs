//! The durable e-mail outbox: messages are written in the transaction of the change that
//! causes them, then claimed and delivered by a worker, retried with backoff, and marked
//! dead after the last attempt. Claims are one atomic statement (with `SKIP LOCKED` on
//! PostgreSQL), so several workers never deliver the same message twice.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
    sea_query::Expr,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::templates::{RenderedEmail, TemplateKind};
use crate::{
    entity::outbox_message::{self, Column},
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        platform::{
            lease::{LEASE, WorkerId, claim_statement},
            pagination::{self, Page, PageRequest},
            secrets::InstanceSecret,
        },
    },
};

/// Where a message is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Waiting for its (next) attempt.
    Pending,
    /// Claimed by a worker.
    Sending,
    /// Accepted by the mail server.
    Sent,
    /// Every attempt failed.
    Dead,
}

impl Status {
    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Dead => "dead",
        }
    }
}

/// The sealed part of a message: its bodies, which hold single-use links.
#[derive(Serialize, Deserialize)]
pub struct Bodies {
    /// The plain-text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
}

/// Messages claimed at once by a worker.
pub const BATCH: usize = 10;
/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);

/// The outbox table.
#[derive(Clone)]
pub struct Outbox {
    db: DatabaseConnection,
    secret: InstanceSecret,
    max_attempts: u32,
    retry_delay: Duration,
}

impl Outbox {
    /// The outbox on `db`; bodies are sealed under `secret`.
    pub fn new(db: DatabaseConnection, secret: InstanceSecret, max_attempts: u32, retry_delay: Duration) -> Self {
        Self {
            db,
            secret,
            max_attempts,
            retry_delay,
        }
    }

    /// Queues a message inside the caller's transaction: it exists if and only if the change
    /// that caused it commits.
    pub async fn enqueue(
        &self,
        db: &impl ConnectionTrait,
        kind: TemplateKind,
        user_id: Option<Uuid>,
        recipient: &str,
        email: RenderedEmail,
    ) -> AppResult<()> {
        let id = Uuid::now_v7();
        let bodies = serde_json::to_vec(&Bodies {
            text: email.text,
            html: email.html,
        })
        .map_err(anyhow::Error::from)?;
        let now = Utc::now();
        let row = outbox_message::ActiveModel {
            id: Set(id),
            kind: Set(kind.name().into()),
            user_id: Set(user_id),
            recipient: Set(recipient.into()),
            subject: Set(email.subject),
            payload: Set(Some(self.secret.seal(id.as_bytes(), &bodies)?)),
            status: Set(Status::Pending.as_str().into()),
            attempts: Set(0),
            next_attempt_at: Set(Some(now)),
            locked_until: Set(None),
            locked_by: Set(None),
            last_error: Set(None),
            created_at: Set(now),
            sent_at: Set(None),
        };
        outbox_message::Entity::insert(row).exec_without_returning(db).await?;
        Ok(())
    }

    /// Whether a message of `kind` was queued for `user_id` after `since` (cooldowns).
    pub async fn queued_since(
        &self,
        db: &impl ConnectionTrait,
        user_id: Uuid,
        kind: TemplateKind,
        since: DateTime<Utc>,
    ) -> AppResult<bool> {
        let found = outbox_message::Entity::find()
            .select_only()
            .column(Column::Id)
            .filter(Column::UserId.eq(user_id))
            .filter(Column::Kind.eq(kind.name()))
            .filter(Column::CreatedAt.gt(since))
            .into_tuple::<Uuid>()
            .one(db)
            .await?;
        Ok(found.is_some())
    }

    /// Claims up to a batch of due messages (and those whose worker's claim lapsed) for
    /// `worker`, counting the attempt. The claim holds for the lease, renewed while the worker
    /// lives (see [`super::lease`]).
    pub async fn claim(&self, worker: &WorkerId) -> Result<Vec<outbox_message::Model>, sea_orm::DbErr> {
        let now = Utc::now();
        let lease_until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
        let sql = "UPDATE email_outbox SET status = 'sending', locked_until = $1, locked_by = $4, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM email_outbox \
               WHERE (status = 'pending' AND next_attempt_at <= $2) OR (status = 'sending' AND locked_until < $2) \
               ORDER BY next_attempt_at LIMIT $3{skip_locked}) \
             RETURNING *";
        let values: Vec<sea_orm::Value> = vec![
            lease_until.into(),
            now.into(),
            (BATCH as i64).into(),
            worker.as_str().into(),
        ];
        let statement = claim_statement(self.db.get_database_backend(), sql, values);
        outbox_message::Entity::find()
            .from_raw_sql(statement)
            .all(&self.db)
            .await
    }

    /// Opens the sealed bodies of a claimed message.
    pub fn bodies(&self, message: &outbox_message::Model) -> anyhow::Result<Bodies> {
        let sealed = message
            .payload
            .as_deref()
            .ok_or_else(|| anyhow::anyhow!("the message has no body"))?;
        let plain = self.secret.open(message.id.as_bytes(), sealed)?;
        Ok(serde_json::from_slice(&plain)?)
    }

    /// Records a delivery; the bodies (and their links) are erased.
    pub async fn mark_sent(&self, id: Uuid) -> Result<(), sea_orm::DbErr> {
        outbox_message::Entity::update_many()
            .col_expr(Column::Status, Expr::value(Status::Sent.as_str()))
            .col_expr(Column::SentAt, Expr::value(Utc::now()))
            .col_expr(Column::Payload, Expr::value(Option::<String>::None))
            .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
            .col_expr(Column::NextAttemptAt, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(Column::LastError, Expr::value(Option::<String>::None))
            .filter(Column::Id.eq(id))
            .exec(&self.db)
            .await
            .map(drop)
    }

    /// Records a failed attempt: retried later with backoff, or dead when it was the last
    /// attempt or the failure is permanent. Returns the new status.
    pub async fn mark_failed(
        &self,
        message: &outbox_message::Model,
        error: &str,
        permanent: bool,
    ) -> Result<Status, sea_orm::DbErr> {
        let attempts = u32::try_from(message.attempts).unwrap_or(u32::MAX);
        let dead = permanent || attempts >= self.max_attempts;
        let (status, next) = if dead {
            (Status::Dead, None)
        } else {
            let delay = self
                .retry_delay
                .saturating_mul(1 << attempts.saturating_sub(1).min(16))
                .min(MAX_BACKOFF);
            (
                Status::Pending,
                Some(Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default()),
            )
        };
        let error: String = error.chars().take(1000).collect();
        outbox_message::Entity::update_many()
            .col_expr(Column::Status, Expr::value(status.as_str()))
            .col_expr(Column::NextAttemptAt, Expr::value(next))
            .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
            .col_expr(Column::LastError, Expr::value(error))
            .filter(Column::Id.eq(message.id))
            .exec(&self.db)
            .await?;
        Ok(status)
    }

    /// A page of messages, newest first, and the id to pass for the next page.
    pub async fn list(&self, status: Option<Status>, page: PageRequest) -> AppResult<Page<outbox_message::Model>> {
        let mut query = outbox_message::Entity::find();
        if let Some(status) = status {
            query = query.filter(Column::Status.eq(status.as_str()));
        }
        pagination::newest_first(&self.db, query, Column::Id, |m| m.id, page).await
    }

    /// Puts a dead message back in the queue with a fresh set of attempts, audited with staff
    /// member `actor`.
    pub async fn retry(&self, id: Uuid, actor: Uuid) -> AppResult<outbox_message::Model> {
        // Returned by the UPDATE itself: a worker may claim the message right after.
        let requeued = outbox_message::Entity::update_many()
            .col_expr(Column::Status, Expr::value(Status::Pending.as_str()))
            .col_expr(Column::Attempts, Expr::value(0))
            .col_expr(Column::NextAttemptAt, Expr::value(Utc::now()))
            .filter(Column::Id.eq(id))
            .filter(Column::Status.eq(Status::Dead.as_str()))
            .exec_with_returning(&self.db)
            .await?;
        if let Some(message) = requeued.into_iter().next() {
            let event = AuditEvent::new("outbox_message_retried", None)
                .actor(actor)
                .detail(serde_json::json!({ "message_id": message.id }));
            audit::record(&self.db, event).await;
            return Ok(message);
        }
        match outbox_message::Entity::find_by_id(id).one(&self.db).await? {
            Some(_) => Err(AppError::OutboxMessageNotDead),
            None => Err(AppError::NotFound),
        }
    }
}
