//! The cleanup job: removes rows that no longer serve any purpose, in bounded batches so no
//! statement holds a lock on a big table for long. Run by `gatehouse cleanup`, by
//! `POST /api/v1/cron/cleanup`, and on a schedule inside `serve` (at most once per interval
//! across every instance sharing the database).

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::{Expr, ExprTrait, OnConflict, Query},
};
use serde_json::json;

use crate::{
    entity::{
        audit_event, email_token, flow_grant, maintenance_job, mfa_challenge, mfa_totp, otp_code, otp_send_window,
        outbox_message, refresh_token, session, webhook_delivery,
    },
    error::AppResult,
    services::{
        audit::{self, AuditEvent},
        mail::outbox::Status,
        privacy::{anonymise, export::DataExports},
        runtime_settings::RuntimeSettings,
        webhooks,
    },
};

/// Rows deleted by one statement at most.
pub const DEFAULT_BATCH_SIZE: u64 = 1000;

/// The longest rest between two batches.
const MAX_PAUSE: std::time::Duration = std::time::Duration::from_secs(1);
/// Sent e-mails are kept this long (metadata only: bodies are erased once sent).
const SENT_MAIL_RETENTION: chrono::Duration = chrono::Duration::days(7);
/// E-mails given up on are kept this long, for staff to look at or retry.
const DEAD_MAIL_RETENTION: chrono::Duration = chrono::Duration::days(30);
/// Send counters of e-mailed codes are kept this long after the last send (longer than any
/// `OTP_SEND_WINDOW` and `OTP_RESEND_COOLDOWN`, so no limit is forgotten early).
const OTP_SEND_RETENTION: chrono::Duration = chrono::Duration::days(1);
/// The job's name in `maintenance_jobs`.
const CLEANUP_JOB: &str = "cleanup";

/// How many rows of each kind a cleanup removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CleanupReport {
    /// Expired refresh tokens, and those of removed sessions.
    pub refresh_tokens: u64,
    /// Sessions past their life, and revoked ones whose access tokens have expired.
    pub sessions: u64,
    /// Used or expired e-mailed tokens.
    pub email_tokens: u64,
    /// Audit events older than the retention.
    pub audit_events: u64,
    /// Sent e-mails older than 7 days, dead ones older than 30.
    pub outbox_messages: u64,
    /// Expired one-time codes and stale send counters (database store; Redis expires its own).
    pub otp_codes: u64,
    /// Expired social sign-in states, one-time codes and spent nonces.
    pub social_grants: u64,
    /// Expired second-factor challenges, and TOTP enrolments never confirmed within a day.
    pub mfa_challenges: u64,
    /// Accounts whose deletion grace period was over, anonymised.
    pub accounts_anonymised: u64,
    /// Export archives whose link expired unused.
    pub data_exports: u64,
    /// Webhook deliveries delivered more than 7 days ago or dead for more than 30.
    pub webhook_deliveries: u64,
}

impl CleanupReport {
    /// All rows removed.
    pub fn total(&self) -> u64 {
        self.refresh_tokens
            + self.sessions
            + self.email_tokens
            + self.audit_events
            + self.outbox_messages
            + self.otp_codes
            + self.social_grants
            + self.mfa_challenges
            + self.accounts_anonymised
            + self.data_exports
            + self.webhook_deliveries
    }
}

/// The maintenance service.
#[derive(Clone)]
pub struct Maintenance {
    db: DatabaseConnection,
    runtime: RuntimeSettings,
    jwt_leeway: Duration,
    batch_size: u64,
}

impl Maintenance {
    /// The service; `jwt_leeway` extends how long revoked sessions are kept (their access
    /// tokens are refused as `session_revoked` until they expire).
    pub fn new(db: DatabaseConnection, runtime: RuntimeSettings, jwt_leeway: Duration) -> Self {
        Self {
            db,
            runtime,
            jwt_leeway,
            batch_size: DEFAULT_BATCH_SIZE,
        }
    }

    /// The same service deleting at most `batch_size` rows per statement.
    pub fn with_batch_size(mut self, batch_size: u64) -> Self {
        self.batch_size = Ord::max(batch_size, 1);
        self
    }

    /// Runs every part of the cleanup and records what it removed in the audit log.
    pub async fn cleanup(&self) -> AppResult<CleanupReport> {
        let now = Utc::now();
        let knobs = self.runtime.current();
        let access_margin = chrono::Duration::from_std(knobs.access_token_lifetime + self.jwt_leeway)
            .unwrap_or(chrono::Duration::days(1));
        // A revoked session must outlive its access tokens, so they keep answering
        // `session_revoked`; an expired one has no live access token left either.
        let session_cutoff = now - access_margin;
        // First, so that the rows an anonymised account leaves go with the rest.
        let accounts_anonymised = self.anonymise_due(now).await?;
        let data_exports = DataExports::remove_expired(&self.db, now).await?;
        let doomed_sessions = Condition::any()
            .add(session::Column::ExpiresAt.lt(session_cutoff))
            .add(session::Column::RevokedAt.lt(session_cutoff));
        let doomed_session_ids = Query::select()
            .column(session::Column::Id)
            .from(session::Entity)
            .cond_where(doomed_sessions.clone())
            .to_owned();

        // Two passes, each with an index of its own (expires_at; session_id): one condition
        // joined by OR would scan the whole table for every batch.
        let expired_tokens = self
            .delete_in_batches(
                refresh_token::Entity,
                refresh_token::Column::Id,
                Condition::all().add(refresh_token::Column::ExpiresAt.lt(now)),
            )
            .await?;
        let tokens_of_doomed_sessions = self
            .delete_in_batches(
                refresh_token::Entity,
                refresh_token::Column::Id,
                Condition::all().add(refresh_token::Column::SessionId.in_subquery(doomed_session_ids)),
            )
            .await?;
        let refresh_tokens = expired_tokens + tokens_of_doomed_sessions;
        let sessions = self
            .delete_in_batches(session::Entity, session::Column::Id, doomed_sessions)
            .await?;
        let email_tokens = self
            .delete_in_batches(
                email_token::Entity,
                email_token::Column::Id,
                Condition::any()
                    .add(email_token::Column::UsedAt.is_not_null())
                    .add(email_token::Column::ExpiresAt.lt(now)),
            )
            .await?;
        let audit_cutoff = now - chrono::Duration::days(knobs.audit_log_retention_days.into());
        let audit_events = self
            .delete_in_batches(
                audit_event::Entity,
                audit_event::Column::Id,
                Condition::all().add(audit_event::Column::CreatedAt.lt(audit_cutoff)),
            )
            .await?;
        let outbox_messages = self
            .delete_in_batches(
                outbox_message::Entity,
                outbox_message::Column::Id,
                Condition::any()
                    .add(
                        Condition::all()
                            .add(outbox_message::Column::Status.eq(Status::Sent.as_str()))
                            .add(outbox_message::Column::SentAt.lt(now - SENT_MAIL_RETENTION)),
                    )
                    .add(
                        Condition::all()
                            .add(outbox_message::Column::Status.eq(Status::Dead.as_str()))
                            .add(outbox_message::Column::CreatedAt.lt(now - DEAD_MAIL_RETENTION)),
                    ),
            )
            .await?;
        let otp_codes = self
            .delete_in_batches(
                otp_code::Entity,
                otp_code::Column::Id,
                Condition::all().add(otp_code::Column::ExpiresAt.lt(now)),
            )
            .await?
            + self
                .delete_in_batches(
                    otp_send_window::Entity,
                    otp_send_window::Column::EmailHash,
                    Condition::all().add(otp_send_window::Column::LastSentAt.lt(now - OTP_SEND_RETENTION)),
                )
                .await?;
        let social_kinds = ["state", "code", "nonce"];
        let social_grants = self
            .delete_in_batches(
                flow_grant::Entity,
                flow_grant::Column::Hash,
                Condition::all()
                    .add(flow_grant::Column::ExpiresAt.lt(now))
                    .add(flow_grant::Column::Kind.is_in(social_kinds)),
            )
            .await?;
        let mfa_challenges = self
            .delete_in_batches(
                mfa_challenge::Entity,
                mfa_challenge::Column::Hash,
                Condition::all().add(mfa_challenge::Column::ExpiresAt.lt(now)),
            )
            .await?
            + self
                .delete_in_batches(
                    flow_grant::Entity,
                    flow_grant::Column::Hash,
                    Condition::all()
                        .add(flow_grant::Column::ExpiresAt.lt(now))
                        .add(flow_grant::Column::Kind.is_not_in(social_kinds)),
                )
                .await?
            + self
                .delete_in_batches(
                    mfa_totp::Entity,
                    mfa_totp::Column::UserId,
                    Condition::all()
                        .add(mfa_totp::Column::ConfirmedAt.is_null())
                        .add(mfa_totp::Column::CreatedAt.lt(now - chrono::Duration::days(1))),
                )
                .await?;
        let webhook_deliveries = self
            .delete_in_batches(
                webhook_delivery::Entity,
                webhook_delivery::Column::Id,
                webhooks::deliveries::expired(now),
            )
            .await?;
        let report = CleanupReport {
            refresh_tokens,
            sessions,
            email_tokens,
            audit_events,
            outbox_messages,
            otp_codes,
            social_grants,
            mfa_challenges,
            accounts_anonymised,
            data_exports,
            webhook_deliveries,
        };
        tracing::info!(
            refresh_tokens = report.refresh_tokens,
            sessions = report.sessions,
            email_tokens = report.email_tokens,
            audit_events = report.audit_events,
            outbox_messages = report.outbox_messages,
            otp_codes = report.otp_codes,
            social_grants = report.social_grants,
            mfa_challenges = report.mfa_challenges,
            accounts_anonymised = report.accounts_anonymised,
            data_exports = report.data_exports,
            webhook_deliveries = report.webhook_deliveries,
            "cleanup finished"
        );
        let detail = json!({
            "refresh_tokens": report.refresh_tokens,
            "sessions": report.sessions,
            "email_tokens": report.email_tokens,
            "audit_events": report.audit_events,
            "outbox_messages": report.outbox_messages,
            "otp_codes": report.otp_codes,
            "social_grants": report.social_grants,
            "mfa_challenges": report.mfa_challenges,
            "accounts_anonymised": report.accounts_anonymised,
            "data_exports": report.data_exports,
            "webhook_deliveries": report.webhook_deliveries,
        });
        audit::record(&self.db, AuditEvent::new("cleanup_ran", None).detail(detail)).await;
        Ok(report)
    }

    /// Anonymises the accounts whose deletion is due, a batch at a time.
    async fn anonymise_due(&self, now: DateTime<Utc>) -> AppResult<u64> {
        let mut total = 0;
        loop {
            let done = anonymise::anonymise_due(&self.db, now, self.batch_size).await?;
            total += done;
            if done < self.batch_size {
                return Ok(total);
            }
        }
    }

    /// Deletes the rows of `entity` matching `condition`, `batch_size` at a time, each batch
    /// its own short statement; returns how many.
    async fn delete_in_batches<E>(&self, entity: E, id: E::Column, condition: Condition) -> AppResult<u64>
    where
        E: EntityTrait,
    {
        let mut deleted = 0;
        loop {
            let started = std::time::Instant::now();
            let batch = Query::select()
                .column(id)
                .from(entity)
                .cond_where(condition.clone())
                .limit(self.batch_size)
                .to_owned();
            let result = E::delete_many().filter(id.in_subquery(batch)).exec(&self.db).await?;
            deleted += result.rows_affected;
            if result.rows_affected < self.batch_size {
                return Ok(deleted);
            }
            // Rest as long as the batch took: the cleanup holds at most half of the database's
            // write time (on SQLite, its only writer slot), so requests keep their latency.
            tokio::time::sleep(started.elapsed().min(MAX_PAUSE)).await;
        }
    }

    /// Claims the job for this run when nobody started it within `interval`: one atomic
    /// upsert, so among several instances exactly one wins each interval.
    async fn claim(&self, now: DateTime<Utc>, interval: Duration) -> AppResult<bool> {
        let threshold = now - chrono::Duration::from_std(interval).unwrap_or(chrono::Duration::hours(1));
        let row = maintenance_job::ActiveModel {
            name: Set(CLEANUP_JOB.to_string()),
            last_started_at: Set(now),
        };
        let claimed = maintenance_job::Entity::insert(row)
            .on_conflict(
                OnConflict::column(maintenance_job::Column::Name)
                    .update_column(maintenance_job::Column::LastStartedAt)
                    .action_and_where(
                        Expr::col((maintenance_job::Entity, maintenance_job::Column::LastStartedAt)).lte(threshold),
                    )
                    .to_owned(),
            )
            .exec_without_returning(&self.db)
            .await?;
        Ok(claimed == 1)
    }

    /// Runs the cleanup about once per `interval` across every instance, for ever: each
    /// instance looks every tenth of the interval (1 s to 1 min) and runs it only when it
    /// wins the claim.
    pub async fn run_on_schedule(self, interval: Duration) {
        let look_every = (interval / 10).clamp(Duration::from_secs(1), Duration::from_secs(60));
        let mut ticker = tokio::time::interval(look_every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            match self.claim(Utc::now(), interval).await {
                Ok(true) => {
                    if let Err(e) = self.cleanup().await {
                        tracing::warn!(error = ?e, "the scheduled cleanup failed");
                    }
                }
                Ok(false) => {}
                Err(e) => tracing::warn!(error = ?e, "claiming the scheduled cleanup failed"),
            }
        }
    }
}
