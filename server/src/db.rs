//! Database connection and migrations.

use std::{future::Future, pin::Pin, time::Duration};

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnAcquireErr, ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, RuntimeErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait, sqlx,
};

use crate::config::Settings;

/// How long a request waits for a database connection before it is answered `503`: an
/// unreachable database is told within a couple of seconds, not after a long hang.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(2);

/// A pooled connection idle at least this long is pinged before it is handed out.
const PING_IF_IDLE_FOR: Duration = Duration::from_secs(1);

/// Connects with pool settings suited to the backend: WAL and a busy timeout on SQLite so
/// readers never block the writer and concurrent writers wait instead of failing.
pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let mut options = ConnectOptions::new(settings.database_url.clone());
    let sqlite = settings.is_sqlite();
    options
        .max_connections(settings.database_max_connections.unwrap_or(if sqlite { 8 } else { 16 }))
        .min_connections(1)
        .connect_timeout(ACQUIRE_TIMEOUT)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .sqlx_logging(false);
    // SQLx pings a connection on every checkout by default: a second round trip for each
    // statement (and on SQLite a hop to the connection's worker thread). A connection in use
    // within the last second is taken as live; one broken meanwhile (a restarted server)
    // fails its statement with a 503, and SQLx drops it when the ping it sends on release
    // fails. A SQLite file cannot hang up.
    if sqlite {
        options.test_before_acquire(false);
        options.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
    } else {
        options.test_before_acquire_if_idle_for(PING_IF_IDLE_FOR);
    }
    Database::connect(options).await.context("connecting to DATABASE_URL")
}

/// Applies pending migrations.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None).await.context("applying migrations")
}

/// Runs `work` in a transaction that will write. On SQLite it begins `IMMEDIATE`, taking the
/// write lock up front: a deferred transaction that reads and then writes fails at once with
/// "database is locked" when another connection wrote in between, instead of waiting on the
/// busy timeout. Commits on `Ok`, rolls back on `Err`.
pub async fn write_transaction<T, E, F>(db: &DatabaseConnection, work: F) -> Result<T, E>
where
    F: for<'c> FnOnce(&'c DatabaseTransaction) -> Pin<Box<dyn Future<Output = Result<T, E>> + Send + 'c>> + Send,
    T: Send,
    E: From<DbErr>,
{
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    let txn = db.begin_with_options(options).await?;
    match work(&txn).await {
        Ok(value) => {
            txn.commit().await?;
            Ok(value)
        }
        Err(e) => {
            // Dropping an uncommitted transaction rolls it back too; this just does it now.
            let _ = txn.rollback().await;
            Err(e)
        }
    }
}

/// Whether `e` says the database could not be reached, or went away under a statement (a
/// stopped or restarting server, a broken connection, no free connection in time), rather than
/// refusing the statement itself. Such failures answer `503` with `Retry-After`, not `500`.
pub fn is_unavailable(e: &DbErr) -> bool {
    match e {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => sqlx_unavailable(e),
        DbErr::Conn(_) => true,
        _ => false,
    }
}

/// Whether `e` says the connection died under a statement (as opposed to no connection at
/// all): a read that failed so may be run again at once on a fresh connection.
pub fn lost_connection(e: &DbErr) -> bool {
    match e {
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            matches!(&**e, sqlx::Error::Io(_) | sqlx::Error::Protocol(_)) || postgres_shutting_down(e)
        }
        DbErr::ConnectionAcquire(ConnAcquireErr::ConnectionClosed) => true,
        _ => false,
    }
}

fn sqlx_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            // 08: connection exceptions; 53300: too many connections; SQLITE_BUSY (5) after
            // the busy timeout: the database is there but cannot take the work now.
            let code = db.code();
            let code = code.as_deref().unwrap_or_default();
            code.starts_with("08") || code == "53300" || code == "5" || postgres_shutting_down(e)
        }
        _ => false,
    }
}

/// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up).
fn postgres_shutting_down(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => matches!(db.code().as_deref(), Some("57P01" | "57P02" | "57P03")),
        _ => false,
    }
}

/// Runs `read` again, once, when the connection died under it (e.g. the database restarted
/// since the pooled connection was opened). Only for statements that change nothing.
pub async fn read_retrying<T, F, Fut>(read: F) -> Result<T, DbErr>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, DbErr>>,
{
    match read().await {
        Err(e) if lost_connection(&e) => {
            tracing::debug!(error = %e, "a read lost its connection; running it once more");
            read().await
        }
        other => other,
    }
}

/// The pool's connections at this moment: (in use, idle, maximum).
pub fn pool_usage(db: &DatabaseConnection) -> Option<(u32, u32, u32)> {
    fn usage<DB: sqlx::Database>(pool: &sqlx::Pool<DB>) -> (u32, u32, u32) {
        let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
        (
            pool.size().saturating_sub(idle),
            idle,
            pool.options().get_max_connections(),
        )
    }
    match db.get_database_backend() {
        DbBackend::Postgres => Some(usage(db.get_postgres_connection_pool())),
        DbBackend::Sqlite => Some(usage(db.get_sqlite_connection_pool())),
        _ => None,
    }
}
