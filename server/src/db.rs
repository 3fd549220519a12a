//! Database connection and migrations.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

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
