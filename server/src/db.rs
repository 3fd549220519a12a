//! Database connection and migrations.

use std::{future::Future, pin::Pin, time::Duration};

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

use crate::config::Settings;

/// Connects with pool settings suited to the backend: WAL and a busy timeout on SQLite so
/// readers never block the writer and concurrent writers wait instead of failing.
pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let mut options = ConnectOptions::new(settings.database_url.clone());
    let sqlite = settings.is_sqlite();
    options
        .max_connections(settings.database_max_connections.unwrap_or(if sqlite { 8 } else { 16 }))
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if sqlite {
        options.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
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
