//! Runtime settings, the schedule of maintenance jobs, and an index for audit retention.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RuntimeSettings {
    Table,
    Key,
    Value,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum MaintenanceJobs {
    Table,
    Name,
    LastStartedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RuntimeSettings::Table)
                    .col(string_len(RuntimeSettings::Key, 64).primary_key())
                    // The value as JSON.
                    .col(text(RuntimeSettings::Value))
                    .col(timestamp_with_time_zone(RuntimeSettings::UpdatedAt))
                    .col(uuid_null(RuntimeSettings::UpdatedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MaintenanceJobs::Table)
                    .col(string_len(MaintenanceJobs::Name, 64).primary_key())
                    .col(timestamp_with_time_zone(MaintenanceJobs::LastStartedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_events_created_at")
                    .table(AuditEvents::Table)
                    .col(AuditEvents::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_audit_events_created_at")
                    .table(AuditEvents::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(MaintenanceJobs::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(RuntimeSettings::Table).to_owned())
            .await
    }
}
