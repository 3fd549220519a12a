//! Who holds a claimed outbox message, deferred job, data export or webhook delivery, and for
//! how long.
//!
//! A worker claims rows under a short [`LEASE`] and renews every claim it holds every
//! [`RENEW_EVERY`] while its process lives, so a row whose worker died is taken over by
//! another within [`LEASE`]. A worker is named `host:port#boot`: an instance restarted with
//! the same host name and port takes the claims of its previous life back at start, at once.

use std::{future::Future, time::Duration};

use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::services::platform::secrets;

/// How long a claim holds without renewal.
pub const LEASE: Duration = Duration::from_secs(30);
/// How often a live worker renews its claims.
pub const RENEW_EVERY: Duration = Duration::from_secs(10);

/// The name of this instance's workers in `locked_by`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkerId {
    instance: String,
    id: String,
}

impl WorkerId {
    /// This process, serving on `port`: `host:port#boot`, with a random boot id.
    pub fn for_port(port: u16) -> Self {
        let instance = format!("{}:{port}", host_name());
        let id = format!("{instance}#{}", &secrets::random_token()[..10]);
        Self { instance, id }
    }

    /// As stored in `locked_by`.
    pub fn as_str(&self) -> &str {
        &self.id
    }

    /// `host:port#`: what every life of this instance's names start with.
    fn instance_prefix(&self) -> String {
        format!("{}#", self.instance)
    }
}

fn host_name() -> String {
    let mut buffer = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at most that much.
    let result = unsafe { libc::gethostname(buffer.as_mut_ptr().cast(), buffer.len()) };
    let name = if result == 0 {
        let end = buffer.iter().position(|&b| b == 0).unwrap_or(buffer.len());
        String::from_utf8_lossy(&buffer[..end]).into_owned()
    } else {
        String::new()
    };
    if name.is_empty() { "localhost".into() } else { name }
}

/// The claims of outbox messages, deferred jobs, data exports and webhook deliveries held by
/// one worker.
#[derive(Clone)]
pub struct Leases {
    db: DatabaseConnection,
    worker: WorkerId,
}

impl Leases {
    /// The claims of `worker` on `db`.
    pub fn new(db: DatabaseConnection, worker: WorkerId) -> Self {
        Self { db, worker }
    }

    /// Releases what an earlier life of this instance (same host and port) still holds: it
    /// died holding them, so they are due again now.
    pub async fn reclaim_previous_life(&self) -> Result<u64, sea_orm::DbErr> {
        let pattern = format!("{}%", escape_like(&self.worker.instance_prefix()));
        let now = Utc::now();
        let released_mail = self
            .execute(
                "UPDATE email_outbox SET status = 'pending', locked_by = NULL, locked_until = NULL, \
                 next_attempt_at = $1 WHERE status = 'sending' AND locked_by LIKE $2 ESCAPE '\\' AND locked_by <> $3",
                vec![now.into(), pattern.clone().into(), self.worker.as_str().into()],
            )
            .await?;
        let released_jobs = self
            .execute(
                "UPDATE deferred_jobs SET locked_by = NULL, locked_until = NULL \
                 WHERE locked_by LIKE $1 ESCAPE '\\' AND locked_by <> $2",
                vec![pattern.clone().into(), self.worker.as_str().into()],
            )
            .await?;
        let released_exports = self
            .execute(
                "UPDATE data_requests SET locked_by = NULL, locked_until = NULL \
                 WHERE status = 'pending' AND locked_by LIKE $1 ESCAPE '\\' AND locked_by <> $2",
                vec![pattern.clone().into(), self.worker.as_str().into()],
            )
            .await?;
        let released_webhooks = self
            .execute(
                "UPDATE webhook_deliveries SET status = 'pending', locked_by = NULL, locked_until = NULL, \
                 next_attempt_at = $1 WHERE status = 'sending' AND locked_by LIKE $2 ESCAPE '\\' AND locked_by <> $3",
                vec![now.into(), pattern.into(), self.worker.as_str().into()],
            )
            .await?;
        Ok(released_mail + released_jobs + released_exports + released_webhooks)
    }

    /// Extends every claim this worker holds by [`LEASE`].
    pub async fn renew(&self) -> Result<(), sea_orm::DbErr> {
        let until = Utc::now() + chrono::Duration::from_std(LEASE).unwrap_or_default();
        self.execute(
            "UPDATE email_outbox SET locked_until = $1 WHERE status = 'sending' AND locked_by = $2",
            vec![until.into(), self.worker.as_str().into()],
        )
        .await?;
        self.execute(
            "UPDATE deferred_jobs SET locked_until = $1 WHERE locked_by = $2",
            vec![until.into(), self.worker.as_str().into()],
        )
        .await?;
        self.execute(
            "UPDATE data_requests SET locked_until = $1 WHERE status = 'pending' AND locked_by = $2",
            vec![until.into(), self.worker.as_str().into()],
        )
        .await?;
        self.execute(
            "UPDATE webhook_deliveries SET locked_until = $1 WHERE status = 'sending' AND locked_by = $2",
            vec![until.into(), self.worker.as_str().into()],
        )
        .await?;
        Ok(())
    }

    /// Takes back the previous life's claims (call it before the workers start, so that they
    /// find those rows due), logging what it did.
    pub async fn take_back_previous_claims(&self) {
        match self.reclaim_previous_life().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                rows = n,
                worker = self.worker.as_str(),
                "took back the claims of this instance's previous run"
            ),
            Err(e) => tracing::warn!(error = %e, "taking back this instance's previous claims failed"),
        }
    }

    /// Renews this worker's claims every [`RENEW_EVERY`] until the task is dropped.
    pub async fn keep_forever(self) {
        let mut ticks = tokio::time::interval(RENEW_EVERY);
        ticks.tick().await;
        loop {
            ticks.tick().await;
            if let Err(e) = self.renew().await {
                tracing::warn!(error = %e, "renewing the worker's claims failed");
            }
        }
    }

    async fn execute(&self, sql: &str, values: Vec<sea_orm::Value>) -> Result<u64, sea_orm::DbErr> {
        let backend = self.db.get_database_backend();
        let sql = match backend {
            DbBackend::Postgres => sql.to_string(),
            _ => sqlite_placeholders(sql),
        };
        let result = self
            .db
            .execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
        Ok(result.rows_affected())
    }
}

/// A claiming statement written for PostgreSQL (`$1`, `$2`… placeholders), run on `backend`:
/// `{skip_locked}` in `sql` becomes `FOR UPDATE SKIP LOCKED` on PostgreSQL (rows another
/// worker is claiming are passed over, not waited for) and nothing on SQLite, whose writers
/// are serialised and whose placeholders are `?1`, `?2`…
pub fn claim_statement(backend: DbBackend, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    let sql = match backend {
        DbBackend::Postgres => sql.replace("{skip_locked}", " FOR UPDATE SKIP LOCKED"),
        _ => sqlite_placeholders(&sql.replace("{skip_locked}", "")),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// `$1`, `$2`… as SQLite's numbered `?1`, `?2`…
fn sqlite_placeholders(sql: &str) -> String {
    sql.replace('$', "?")
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The longest a worker keeps trying to record a claimed row's outcome.
pub const RECORD_PATIENCE: Duration = Duration::from_secs(600);

/// Records the outcome of work done under a claim, trying again (every 0.25 s, doubling to
/// 5 s) while the database does not take it, for up to [`RECORD_PATIENCE`]. The claim must
/// not simply be dropped: this live worker keeps renewing it, so an unrecorded row would stay
/// claimed until the process restarts (the soak caught a delivered e-mail left `sending`
/// across a PostgreSQL restart). Returns what the recording returned, or `None` when it never
/// went through.
pub async fn record_outcome<T, F, Fut>(what: &str, id: uuid::Uuid, record: F) -> Option<T>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, sea_orm::DbErr>>,
{
    let started = std::time::Instant::now();
    let mut pause = Duration::from_millis(250);
    let mut failures = 0u32;
    loop {
        match record().await {
            Ok(recorded) => {
                if failures > 0 {
                    tracing::info!(%id, what, failures, "outcome recorded once the database answered again");
                }
                return Some(recorded);
            }
            Err(e) if started.elapsed() >= RECORD_PATIENCE => {
                tracing::error!(%id, what, error = %e, "recording the outcome failed for 10 min: the row stays claimed until this process restarts");
                return None;
            }
            Err(e) => {
                if failures == 0 {
                    tracing::warn!(%id, what, error = %e, "recording the outcome failed; trying again");
                }
                failures += 1;
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
        }
    }
}
