//! Work accepted before it is done survives a crash: the `deferred_jobs` queue (password
//! reset, verification resend and login-code requests, answered `202` before their account
//! work runs), and the claimant of an outbox message (`locked_by`), so that a restarted
//! instance takes its own claims back at once instead of waiting for their lease to lapse.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DeferredJobs {
    Table,
    Id,
    Kind,
    Payload,
    Attempts,
    NextAttemptAt,
    LockedBy,
    LockedUntil,
    LastError,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EmailOutbox {
    Table,
    LockedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DeferredJobs::Table)
                    // UUIDv7: ordered by creation, the order the worker takes them in.
                    .col(pk_uuid(DeferredJobs::Id))
                    // `password_reset`, `verification_resend` or `login_code`.
                    .col(string_len(DeferredJobs::Kind, 32))
                    // The address and the requesting client, sealed under the instance secret:
                    // addresses without an account are never stored in clear.
                    .col(text(DeferredJobs::Payload))
                    .col(integer(DeferredJobs::Attempts).default(0))
                    .col(timestamp_with_time_zone(DeferredJobs::NextAttemptAt))
                    // `host:port#boot` of the worker holding it, while it runs.
                    .col(string_len_null(DeferredJobs::LockedBy, 200))
                    .col(timestamp_with_time_zone_null(DeferredJobs::LockedUntil))
                    .col(text_null(DeferredJobs::LastError))
                    .col(timestamp_with_time_zone(DeferredJobs::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_deferred_jobs_next_attempt_at")
                    .table(DeferredJobs::Table)
                    .col(DeferredJobs::NextAttemptAt)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(EmailOutbox::Table)
                    .add_column(string_len_null(EmailOutbox::LockedBy, 200))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(EmailOutbox::Table)
                    .drop_column(EmailOutbox::LockedBy)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(DeferredJobs::Table).to_owned())
            .await
    }
}
