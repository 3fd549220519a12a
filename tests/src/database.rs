//! Per-test databases: a temporary SQLite file, or a fresh PostgreSQL database.

use std::path::PathBuf;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use uuid::Uuid;

pub(crate) async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options.max_connections(2).sqlx_logging(false);
    Database::connect(options)
        .await
        .expect("the test connects to its database")
}

/// A database of the test's own: a temporary SQLite file (removed on drop), or a PostgreSQL
/// database `gh_test_<uuid>` created on the server named by `TEST_DATABASE_URL`.
///
/// PostgreSQL test databases are left behind, as in zero2prod: `DROP DATABASE` forces a
/// checkpoint and would nearly triple the suite's time. Clean up when convenient with
/// `psql "$TEST_DATABASE_URL" -tAc "SELECT format('DROP DATABASE %I;', datname) FROM pg_database
/// WHERE datname LIKE 'gh\_test\_%'" | psql "$TEST_DATABASE_URL"`.
pub(crate) struct TestDatabase {
    pub(crate) url: String,
    directory: Option<PathBuf>,
}

impl TestDatabase {
    pub(crate) async fn create() -> Self {
        match std::env::var("TEST_DATABASE_URL").ok().filter(|v| !v.trim().is_empty()) {
            Some(admin_url) => Self::postgres(&admin_url).await,
            None => Self::sqlite(),
        }
    }

    fn sqlite() -> Self {
        let dir = std::env::temp_dir().join(format!("gatehouse-test-{}", Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("the temporary directory is created");
        Self {
            url: format!("sqlite://{}/gatehouse.sqlite3?mode=rwc", dir.display()),
            directory: Some(dir),
        }
    }

    async fn postgres(admin_url: &str) -> Self {
        let name = format!("gh_test_{}", Uuid::new_v4().simple());
        let admin = connect(admin_url).await;
        admin
            .execute_unprepared(&format!(r#"CREATE DATABASE "{name}""#))
            .await
            .expect("the test database is created");
        let _ = admin.close().await;
        Self {
            url: with_database_name(admin_url, &name),
            directory: None,
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(dir) = &self.directory {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// `postgres://user@host:port/db?opts` with `db` replaced by `name`.
fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{host_part}/{name}?{query}"),
        None => format!("{host_part}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::with_database_name;

    #[test]
    fn the_database_name_is_replaced_in_postgres_urls() {
        assert_eq!(
            with_database_name("postgres://postgres@127.0.0.1:5432/test", "gh_x"),
            "postgres://postgres@127.0.0.1:5432/gh_x"
        );
        assert_eq!(
            with_database_name("postgres://u:p@h/test?sslmode=disable", "gh_x"),
            "postgres://u:p@h/gh_x?sslmode=disable"
        );
        assert_eq!(
            with_database_name("postgres://h:5432", "gh_x"),
            "postgres://h:5432/gh_x"
        );
    }
}
