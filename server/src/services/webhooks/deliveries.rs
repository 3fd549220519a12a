//! The deliveries table: an outbox of events per endpoint. Claimed in batches by one atomic
//! statement (`SKIP LOCKED` on PostgreSQL) under a lease renewed while the worker lives
//! ([`crate::services::platform::lease`]), retried with backoff, dead after the last attempt.

use std::{sync::LazyLock, time::Duration};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};
use tokio::sync::Notify;
use uuid::Uuid;

use crate::{
    entity::webhook_delivery::{self, Column},
    error::{AppError, AppResult},
    services::platform::{
        lease::{LEASE, WorkerId, claim_statement},
        pagination::{self, Page, PageRequest},
    },
};

/// Waiting for its (next) attempt.
pub const PENDING: &str = "pending";
/// Claimed by a worker.
pub const SENDING: &str = "sending";
/// Answered 2xx.
pub const DELIVERED: &str = "delivered";
/// Every attempt failed.
pub const DEAD: &str = "dead";

/// Deliveries claimed at once by a worker (and attempted side by side).
pub const BATCH: usize = 10;
/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);
/// How long delivered deliveries are kept (for `listWebhookDeliveries`).
pub const DELIVERED_RETENTION: chrono::Duration = chrono::Duration::days(7);
/// How long dead deliveries are kept (for a retry).
pub const DEAD_RETENTION: chrono::Duration = chrono::Duration::days(30);

static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

/// Wakes this process's delivery worker: a delivery was just queued.
pub fn wake() {
    WAKE.notify_one();
}

/// Waits for [`wake`].
pub async fn woken() {
    WAKE.notified().await;
}

/// Claims up to a batch of due deliveries (and those whose worker's claim lapsed) for
/// `worker`, counting the attempt.
pub async fn claim(db: &DatabaseConnection, worker: &WorkerId) -> Result<Vec<webhook_delivery::Model>, sea_orm::DbErr> {
    let now = Utc::now();
    let lease_until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
    let sql = "UPDATE webhook_deliveries SET status = 'sending', locked_until = $1, locked_by = $2, \
         attempts = attempts + 1 WHERE id IN (SELECT id FROM webhook_deliveries \
           WHERE (status = 'pending' AND next_attempt_at <= $3) OR (status = 'sending' AND locked_until < $3) \
           ORDER BY next_attempt_at LIMIT $4{skip_locked}) \
         RETURNING *";
    let values: Vec<sea_orm::Value> = vec![
        lease_until.into(),
        worker.as_str().into(),
        now.into(),
        (BATCH as i64).into(),
    ];
    let statement = claim_statement(db.get_database_backend(), sql, values);
    webhook_delivery::Entity::find().from_raw_sql(statement).all(db).await
}

/// Records a 2xx answer, if `worker` still holds the delivery.
pub async fn mark_delivered(
    db: &DatabaseConnection,
    worker: &WorkerId,
    delivery: &webhook_delivery::Model,
    status_code: u16,
) -> Result<(), sea_orm::DbErr> {
    webhook_delivery::Entity::update_many()
        .col_expr(Column::Status, Expr::value(DELIVERED))
        .col_expr(Column::DeliveredAt, Expr::value(Utc::now()))
        .col_expr(Column::LastStatusCode, Expr::value(i32::from(status_code)))
        .col_expr(Column::LastError, Expr::value(Option::<String>::None))
        .col_expr(Column::NextAttemptAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(Column::Id.eq(delivery.id))
        .filter(Column::Status.eq(SENDING))
        .filter(Column::LockedBy.eq(worker.as_str()))
        .exec(db)
        .await
        .map(drop)
}

/// How a failed attempt is retried.
#[derive(Clone, Copy, Debug)]
pub struct Backoff {
    /// The first retry's delay; it doubles with each further failure, up to an hour.
    pub first_delay: Duration,
    /// Attempts before the delivery is dead.
    pub max_attempts: u32,
}

/// Records a failed attempt: retried later with backoff, or dead after the last attempt.
/// Returns the new status.
pub async fn mark_failed(
    db: &DatabaseConnection,
    worker: &WorkerId,
    delivery: &webhook_delivery::Model,
    status_code: Option<u16>,
    error: &str,
    backoff: Backoff,
) -> Result<&'static str, sea_orm::DbErr> {
    let attempts = u32::try_from(delivery.attempts).unwrap_or(u32::MAX);
    let (status, next) = if attempts >= backoff.max_attempts {
        (DEAD, None)
    } else {
        let delay = backoff
            .first_delay
            .saturating_mul(1 << attempts.saturating_sub(1).min(16))
            .min(MAX_BACKOFF);
        (
            PENDING,
            Some(Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default()),
        )
    };
    let error: String = error.chars().take(1000).collect();
    webhook_delivery::Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(Column::LastStatusCode, Expr::value(status_code.map(i32::from)))
        .col_expr(Column::LastError, Expr::value(error))
        .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
        .col_expr(Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(Column::Id.eq(delivery.id))
        .filter(Column::Status.eq(SENDING))
        .filter(Column::LockedBy.eq(worker.as_str()))
        .exec(db)
        .await?;
    Ok(status)
}

/// A page of an endpoint's deliveries, newest first.
pub async fn list(
    db: &DatabaseConnection,
    endpoint_id: Uuid,
    status: Option<&str>,
    page: PageRequest,
) -> AppResult<Page<webhook_delivery::Model>> {
    let mut query = webhook_delivery::Entity::find().filter(Column::EndpointId.eq(endpoint_id));
    if let Some(status) = status {
        query = query.filter(Column::Status.eq(status));
    }
    pagination::newest_first(db, query, Column::Id, |d| d.id, page).await
}

/// Puts a dead delivery of `endpoint_id` back in the queue with a fresh set of attempts.
pub async fn retry(db: &DatabaseConnection, endpoint_id: Uuid, id: Uuid) -> AppResult<webhook_delivery::Model> {
    // Returned by the UPDATE itself: a worker may claim the delivery right after.
    let requeued = webhook_delivery::Entity::update_many()
        .col_expr(Column::Status, Expr::value(PENDING))
        .col_expr(Column::Attempts, Expr::value(0))
        .col_expr(Column::NextAttemptAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(id))
        .filter(Column::EndpointId.eq(endpoint_id))
        .filter(Column::Status.eq(DEAD))
        .exec_with_returning(db)
        .await?;
    if let Some(delivery) = requeued.into_iter().next() {
        wake();
        return Ok(delivery);
    }
    let found = webhook_delivery::Entity::find_by_id(id)
        .filter(Column::EndpointId.eq(endpoint_id))
        .one(db)
        .await?;
    match found {
        Some(_) => Err(AppError::WebhookDeliveryNotDead),
        None => Err(AppError::NotFound),
    }
}

/// What the cleanup removes: delivered more than [`DELIVERED_RETENTION`] ago, dead for more
/// than [`DEAD_RETENTION`].
pub fn expired(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(
            Condition::all()
                .add(Column::Status.eq(DELIVERED))
                .add(Column::DeliveredAt.lt(now - DELIVERED_RETENTION)),
        )
        .add(
            Condition::all()
                .add(Column::Status.eq(DEAD))
                .add(Column::CreatedAt.lt(now - DEAD_RETENTION)),
        )
}

/// Removes the delivered and dead deliveries about `user_id` (their bodies hold its address);
/// pending ones still go out.
pub async fn forget_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<u64, sea_orm::DbErr> {
    let removed = webhook_delivery::Entity::delete_many()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Status.is_in([DELIVERED, DEAD]))
        .exec(db)
        .await?;
    Ok(removed.rows_affected)
}
