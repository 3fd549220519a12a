//! Data exports: a `data_requests` row of kind `export` is also the durable job that builds
//! the archive (claimed under a lease like the outbox, retried with backoff), then the
//! download link's hashed token and expiry; `data_export_chunks` holds the archive itself, in
//! pieces, per build (a build left by a dead worker is never mixed with the one that
//! replaces it).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DataRequests {
    Table,
    Id,
    Status,
    Attempts,
    NextAttemptAt,
    LockedBy,
    LockedUntil,
    LastError,
    TokenHash,
    ExpiresAt,
    ArchiveBuild,
    ArchiveSize,
}

#[derive(DeriveIden)]
enum DataExportChunks {
    Table,
    RequestId,
    Build,
    Seq,
    Data,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        let columns = [
            integer(DataRequests::Attempts).default(0).to_owned(),
            timestamp_with_time_zone_null(DataRequests::NextAttemptAt),
            string_len_null(DataRequests::LockedBy, 300),
            timestamp_with_time_zone_null(DataRequests::LockedUntil),
            text_null(DataRequests::LastError),
            string_len_null(DataRequests::TokenHash, 64),
            timestamp_with_time_zone_null(DataRequests::ExpiresAt),
            integer_null(DataRequests::ArchiveBuild),
            big_integer_null(DataRequests::ArchiveSize),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(DataRequests::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("ux_data_requests_token_hash")
                    .table(DataRequests::Table)
                    .col(DataRequests::TokenHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // One pending request of each kind per account: two exports asked for at once build
        // one archive. A partial index, which SQLite and PostgreSQL both have.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_data_requests_one_pending ON data_requests (user_id, kind) \
                 WHERE status = 'pending'",
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_data_requests_status")
                    .table(DataRequests::Table)
                    .col(DataRequests::Status)
                    .col(DataRequests::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DataExportChunks::Table)
                    .col(uuid(DataExportChunks::RequestId))
                    .col(integer(DataExportChunks::Build))
                    .col(integer(DataExportChunks::Seq))
                    .col(blob(DataExportChunks::Data))
                    .primary_key(
                        Index::create()
                            .col(DataExportChunks::RequestId)
                            .col(DataExportChunks::Build)
                            .col(DataExportChunks::Seq),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DataExportChunks::Table, DataExportChunks::RequestId)
                            .to(DataRequests::Table, DataRequests::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DataExportChunks::Table).to_owned())
            .await?;
        for index in [
            "ix_data_requests_status",
            "ux_data_requests_one_pending",
            "ux_data_requests_token_hash",
        ] {
            manager
                .drop_index(Index::drop().name(index).table(DataRequests::Table).to_owned())
                .await?;
        }
        let columns = [
            DataRequests::Attempts,
            DataRequests::NextAttemptAt,
            DataRequests::LockedBy,
            DataRequests::LockedUntil,
            DataRequests::LastError,
            DataRequests::TokenHash,
            DataRequests::ExpiresAt,
            DataRequests::ArchiveBuild,
            DataRequests::ArchiveSize,
        ];
        for column in columns {
            manager
                .alter_table(Table::alter().table(DataRequests::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
