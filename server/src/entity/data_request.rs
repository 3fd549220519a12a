//! `data_requests`: each account's export and deletion requests and their status; an export's
//! row is also the job that builds its archive.

use sea_orm::entity::prelude::*;

/// One request.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "data_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// `export` or `delete`.
    pub kind: String,
    /// `pending`, `ready`, `downloaded`, `expired`, `failed`, `completed` or `cancelled`.
    pub status: String,
    pub created_at: DateTimeUtc,
    /// When a pending deletion happens.
    pub due_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
    /// Builds of an export started so far.
    pub attempts: i32,
    /// A pending export is not built before.
    pub next_attempt_at: Option<DateTimeUtc>,
    /// The worker building it (`host:port#boot`), while it does.
    pub locked_by: Option<String>,
    /// When that worker's claim lapses unless renewed.
    pub locked_until: Option<DateTimeUtc>,
    /// Why the last build failed.
    pub last_error: Option<String>,
    /// SHA-256 (hex) of the download link's token, while the export is `ready`.
    pub token_hash: Option<String>,
    /// Until when the download link works.
    pub expires_at: Option<DateTimeUtc>,
    /// The build whose chunks are the archive.
    pub archive_build: Option<i32>,
    /// The archive's size in bytes.
    pub archive_size: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
