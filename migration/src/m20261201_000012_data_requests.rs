//! Data requests: `data_requests`, each account's deletion (and, later, export) requests with
//! their status, and `users.deletion_due_at`, set while a requested deletion waits out its
//! grace period (sign-in is refused meanwhile; the cleanup job anonymises the account after).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    DeletionDueAt,
}

#[derive(DeriveIden)]
enum DataRequests {
    Table,
    Id,
    UserId,
    Kind,
    Status,
    CreatedAt,
    DueAt,
    CompletedAt,
    CancelledAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(timestamp_with_time_zone_null(Users::DeletionDueAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_users_deletion_due_at")
                    .table(Users::Table)
                    .col(Users::DeletionDueAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DataRequests::Table)
                    .col(pk_uuid(DataRequests::Id))
                    .col(uuid(DataRequests::UserId))
                    // `delete`.
                    .col(string_len(DataRequests::Kind, 16))
                    // `pending`, `completed` or `cancelled`.
                    .col(string_len(DataRequests::Status, 16))
                    .col(timestamp_with_time_zone(DataRequests::CreatedAt))
                    .col(timestamp_with_time_zone_null(DataRequests::DueAt))
                    .col(timestamp_with_time_zone_null(DataRequests::CompletedAt))
                    .col(timestamp_with_time_zone_null(DataRequests::CancelledAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DataRequests::Table, DataRequests::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_data_requests_user")
                    .table(DataRequests::Table)
                    .col(DataRequests::UserId)
                    .col(DataRequests::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DataRequests::Table).to_owned())
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("ix_users_deletion_due_at")
                    .table(Users::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::DeletionDueAt)
                    .to_owned(),
            )
            .await
    }
}
