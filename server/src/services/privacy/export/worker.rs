//! The durable job that builds exports. A pending export's row is the job: a worker claims it
//! under a lease (renewed with the outbox's, [`crate::services::platform::lease`]), so one
//! instance builds it, and a worker that dies leaves it to another within the lease (or to
//! its own next life at once). Each run is a new build whose pieces never mix with an earlier
//! one's; a failed run is retried with backoff and the request is `failed` after
//! [`MAX_ATTEMPTS`].

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use super::{DataExports, archive::ArchiveWriter, parts};
use crate::{
    entity::{data_export_chunk, data_request, user},
    error::AppError,
    services::{
        audit::{self, AuditEvent},
        mail::{Extras, templates::TemplateKind},
        platform::{
            lease::{self, LEASE, WorkerId, claim_statement},
            secrets,
        },
        privacy::requests::{EXPORT, FAILED, PENDING, READY},
    },
};

/// Runs of one export before it is `failed`.
pub const MAX_ATTEMPTS: i32 = 5;
/// The first retry's delay; it doubles with each further failure.
const RETRY_DELAY: Duration = Duration::from_secs(30);
/// The longest wait between two runs.
const MAX_RETRY_DELAY: Duration = Duration::from_secs(3600);
/// The longest a build may take; a build still running then counts as failed.
const BUILD_TIMEOUT: Duration = Duration::from_secs(1800);

impl DataExports {
    /// Builds exports until the task is dropped: woken by each request on this instance, and
    /// every `poll` for retries and requests other instances took.
    pub async fn work_forever(self, worker: WorkerId, poll: Duration) {
        loop {
            match self.claim(&worker).await {
                Ok(Some(job)) => {
                    self.run(&worker, job).await;
                    continue;
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "claiming a data export failed"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(poll) => {}
            }
        }
    }

    /// Claims the oldest due export that nobody holds (or whose holder's lease lapsed),
    /// counting the run.
    async fn claim(&self, worker: &WorkerId) -> Result<Option<data_request::Model>, sea_orm::DbErr> {
        let now = Utc::now();
        let until = now + chrono::Duration::from_std(LEASE).unwrap_or_default();
        let sql = "UPDATE data_requests SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM data_requests WHERE status = $3 AND kind = $4 \
               AND next_attempt_at <= $5 AND (locked_until IS NULL OR locked_until < $5) \
               ORDER BY next_attempt_at, id LIMIT 1{skip_locked}) \
             RETURNING *";
        let values: Vec<sea_orm::Value> = vec![
            worker.as_str().into(),
            until.into(),
            PENDING.into(),
            EXPORT.into(),
            now.into(),
        ];
        let statement = claim_statement(self.db.get_database_backend(), sql, values);
        data_request::Entity::find().from_raw_sql(statement).one(&self.db).await
    }

    async fn run(&self, worker: &WorkerId, job: data_request::Model) {
        if job.attempts > MAX_ATTEMPTS {
            // Every run so far died with its worker (the lease lapsed each time): a build that
            // takes its process down must not do so forever.
            tracing::error!(id = %job.id, attempts = job.attempts, "data export abandoned: its builds kept dying");
            let error = "every build ended with its worker";
            lease::record_outcome("data export failed", job.id, || self.mark_failed(worker, &job, error)).await;
            return;
        }
        let started = std::time::Instant::now();
        let built = match tokio::time::timeout(BUILD_TIMEOUT, self.build(&job)).await {
            Ok(built) => built,
            Err(_) => Err(anyhow::anyhow!(
                "the build ran for more than {} s",
                BUILD_TIMEOUT.as_secs()
            )),
        };
        let outcome = match built {
            Ok(size) => self.publish(worker, &job, size).await,
            Err(e) => Err(e),
        };
        match outcome {
            Ok(true) => {
                let elapsed_ms = started.elapsed().as_millis() as u64;
                tracing::info!(id = %job.id, build = job.attempts, elapsed_ms, "data export ready");
            }
            Ok(false) => {
                tracing::info!(id = %job.id, "data export cancelled or taken over while it was built; build discarded");
                self.discard_build(&job).await;
            }
            Err(e) if job.attempts >= MAX_ATTEMPTS => {
                tracing::error!(id = %job.id, attempts = job.attempts, error = %format!("{e:#}"), "data export failed for good");
                self.discard_build(&job).await;
                let error = format!("{e:#}");
                lease::record_outcome("data export failed", job.id, || self.mark_failed(worker, &job, &error)).await;
            }
            Err(e) => {
                tracing::warn!(id = %job.id, attempt = job.attempts, error = %format!("{e:#}"), "data export failed; it will be retried");
                self.discard_build(&job).await;
                let error = format!("{e:#}");
                lease::record_outcome("data export to retry", job.id, || {
                    self.retry_later(worker, &job, &error)
                })
                .await;
            }
        }
    }

    /// Writes build `job.attempts` of the archive; answers its size.
    async fn build(&self, job: &data_request::Model) -> anyhow::Result<u64> {
        // What earlier runs left (a dead worker's half-written build) is of no use now.
        data_export_chunk::Entity::delete_many()
            .filter(data_export_chunk::Column::RequestId.eq(job.id))
            .filter(data_export_chunk::Column::Build.ne(job.attempts))
            .exec(&self.db)
            .await?;
        let account = user::Entity::find_by_id(job.user_id)
            .one(&self.db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the account is gone"))?;
        let consents = self.consents.current(account.id).await.map_err(AppError::into_cause)?;
        let mut archive = ArchiveWriter::new(self.db.clone(), job.id, job.attempts, account.id, Utc::now());
        parts::write_all(&self.db, &mut archive, &account, consents).await?;
        archive.finish().await
    }

    /// Makes the build the request's archive and e-mails the link, if this worker still
    /// holds the request and it is still pending; false otherwise.
    async fn publish(&self, worker: &WorkerId, job: &data_request::Model, size: u64) -> anyhow::Result<bool> {
        let token = secrets::random_token();
        let token_hash = self.secret.token_hash(&token);
        let now = Utc::now();
        let expires = now + chrono::Duration::from_std(self.link_lifetime).unwrap_or_default();
        let link = format!("{}/api/v1/data-exports/{token}", self.download_base);
        let (this, job_id, user_id, build) = (self.clone(), job.id, job.user_id, job.attempts);
        let worker = worker.as_str().to_string();
        let published = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            let (this, worker, token_hash, link) = (this.clone(), worker.clone(), token_hash.clone(), link.clone());
            Box::pin(async move {
                let updated = data_request::Entity::update_many()
                    .col_expr(data_request::Column::Status, Expr::value(READY))
                    .col_expr(data_request::Column::CompletedAt, Expr::value(now))
                    .col_expr(data_request::Column::TokenHash, Expr::value(token_hash))
                    .col_expr(data_request::Column::ExpiresAt, Expr::value(expires))
                    .col_expr(data_request::Column::ArchiveBuild, Expr::value(build))
                    .col_expr(data_request::Column::ArchiveSize, Expr::value(size as i64))
                    .col_expr(data_request::Column::LockedBy, Expr::value(Option::<String>::None))
                    .col_expr(
                        data_request::Column::LockedUntil,
                        Expr::value(Option::<chrono::DateTime<Utc>>::None),
                    )
                    .col_expr(data_request::Column::LastError, Expr::value(Option::<String>::None))
                    .filter(data_request::Column::Id.eq(job_id))
                    .filter(data_request::Column::Status.eq(PENDING))
                    .filter(data_request::Column::LockedBy.eq(worker))
                    .exec(txn)
                    .await?;
                if updated.rows_affected == 0 {
                    return Ok(false);
                }
                let Some(account) = user::Entity::find_by_id(user_id).one(txn).await? else {
                    return Ok(false);
                };
                let extras = Extras {
                    link: Some(link),
                    expires_in: Some(this.link_lifetime),
                    ..Extras::default()
                };
                this.mailer
                    .queue(txn, TemplateKind::DataExportReady, &account, extras)
                    .await?;
                // With the change: its `data_export.ready` webhook commits with it.
                let event = AuditEvent::new("data_export_ready", Some(user_id))
                    .detail(serde_json::json!({ "request_id": job_id, "size": size, "expires_at": expires }));
                audit::record(txn, event).await;
                Ok(true)
            })
        })
        .await
        .map_err(AppError::into_cause)?;
        if published {
            self.mailer.wake();
        }
        Ok(published)
    }

    /// Removes this run's pieces (the next run writes its own).
    async fn discard_build(&self, job: &data_request::Model) {
        let removed = data_export_chunk::Entity::delete_many()
            .filter(data_export_chunk::Column::RequestId.eq(job.id))
            .filter(data_export_chunk::Column::Build.eq(job.attempts))
            .exec(&self.db)
            .await;
        if let Err(e) = removed {
            // The cleanup job removes pieces that belong to no ready archive.
            tracing::warn!(id = %job.id, error = %e, "removing a discarded export build failed");
        }
    }

    /// Releases a failed build's request until its backoff has passed.
    async fn retry_later(
        &self,
        worker: &WorkerId,
        job: &data_request::Model,
        error: &str,
    ) -> Result<(), sea_orm::DbErr> {
        let failures = u32::try_from(job.attempts.max(1) - 1).unwrap_or(0).min(16);
        let delay = RETRY_DELAY.saturating_mul(1 << failures).min(MAX_RETRY_DELAY);
        let next = Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default();
        self.release(worker, job.id, error, |update| {
            update.col_expr(data_request::Column::NextAttemptAt, Expr::value(next))
        })
        .await
    }

    /// Gives a request up after its last run failed.
    async fn mark_failed(
        &self,
        worker: &WorkerId,
        job: &data_request::Model,
        error: &str,
    ) -> Result<(), sea_orm::DbErr> {
        let now = Utc::now();
        self.release(worker, job.id, error, |update| {
            update
                .col_expr(data_request::Column::Status, Expr::value(FAILED))
                .col_expr(data_request::Column::CompletedAt, Expr::value(now))
        })
        .await?;
        let event = AuditEvent::new("data_export_failed", Some(job.user_id))
            .detail(serde_json::json!({ "request_id": job.id, "attempts": job.attempts }));
        audit::record(&self.db, event).await;
        Ok(())
    }

    async fn release(
        &self,
        worker: &WorkerId,
        id: Uuid,
        error: &str,
        change: impl FnOnce(sea_orm::UpdateMany<data_request::Entity>) -> sea_orm::UpdateMany<data_request::Entity>,
    ) -> Result<(), sea_orm::DbErr> {
        let error: String = error.chars().take(1000).collect();
        let update = data_request::Entity::update_many()
            .col_expr(data_request::Column::LockedBy, Expr::value(Option::<String>::None))
            .col_expr(
                data_request::Column::LockedUntil,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(data_request::Column::LastError, Expr::value(error));
        change(update)
            .filter(data_request::Column::Id.eq(id))
            .filter(data_request::Column::Status.eq(PENDING))
            .filter(data_request::Column::LockedBy.eq(worker.as_str()))
            .exec(&self.db)
            .await
            .map(drop)
    }
}
