//! The `deferred_jobs` table: insert, claim the oldest due row, finish, retry later.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::{
    entity::deferred_job::{self, Column},
    error::AppResult,
    services::platform::lease::{LEASE, WorkerId, claim_statement},
};

/// The first retry's delay; it doubles with each further failure.
const RETRY_DELAY: Duration = Duration::from_secs(1);
/// The longest wait between two runs.
const MAX_RETRY_DELAY: Duration = Duration::from_secs(300);

#[derive(Clone)]
pub(super) struct Queue {
    db: DatabaseConnection,
}

impl Queue {
    pub(super) fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// Inserts a due job whose payload `seal` makes from the new row's id.
    pub(super) async fn insert(
        &self,
        kind: &'static str,
        seal: impl FnOnce(Uuid) -> anyhow::Result<String>,
    ) -> AppResult<()> {
        let id = Uuid::now_v7();
        let now = Utc::now();
        let row = deferred_job::ActiveModel {
            id: Set(id),
            kind: Set(kind.into()),
            payload: Set(seal(id)?),
            attempts: Set(0),
            next_attempt_at: Set(now),
            locked_by: Set(None),
            locked_until: Set(None),
            last_error: Set(None),
            created_at: Set(now),
        };
        deferred_job::Entity::insert(row)
            .exec_without_returning(&self.db)
            .await?;
        Ok(())
    }

    /// Claims the oldest due job that nobody holds (or whose holder's lease lapsed), counting
    /// the run.
    pub(super) async fn claim(&self, worker: &WorkerId) -> Result<Option<deferred_job::Model>, sea_orm::DbErr> {
        let now = Utc::now();
        let until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
        let sql = "UPDATE deferred_jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM deferred_jobs WHERE next_attempt_at <= $3 \
               AND (locked_until IS NULL OR locked_until < $3) ORDER BY id LIMIT 1{skip_locked}) \
             RETURNING *";
        let values: Vec<sea_orm::Value> = vec![worker.as_str().into(), until.into(), now.into()];
        let statement = claim_statement(self.db.get_database_backend(), sql, values);
        deferred_job::Entity::find().from_raw_sql(statement).one(&self.db).await
    }

    /// Removes a job that ran (or was given up).
    pub(super) async fn finish(&self, worker: &WorkerId, id: Uuid) -> Result<(), sea_orm::DbErr> {
        deferred_job::Entity::delete_many()
            .filter(Column::Id.eq(id))
            .filter(Column::LockedBy.eq(worker.as_str()))
            .exec(&self.db)
            .await
            .map(drop)
    }

    /// Releases a failed job until its backoff has passed.
    pub(super) async fn retry_later(
        &self,
        worker: &WorkerId,
        job: &deferred_job::Model,
        error: &str,
    ) -> Result<(), sea_orm::DbErr> {
        let failures = u32::try_from(job.attempts.max(1) - 1).unwrap_or(0).min(16);
        let delay = RETRY_DELAY.saturating_mul(1 << failures).min(MAX_RETRY_DELAY);
        let next = Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default();
        let error: String = error.chars().take(1000).collect();
        deferred_job::Entity::update_many()
            .col_expr(Column::LockedBy, Expr::value(Option::<String>::None))
            .col_expr(Column::LockedUntil, Expr::value(Option::<chrono::DateTime<Utc>>::None))
            .col_expr(Column::NextAttemptAt, Expr::value(next))
            .col_expr(Column::LastError, Expr::value(error))
            .filter(Column::Id.eq(job.id))
            .filter(Column::LockedBy.eq(worker.as_str()))
            .exec(&self.db)
            .await
            .map(drop)
    }
}
