//! Consents: `consent_events`, the append-only history of each account's answers per purpose
//! (the current state is the latest answer), and `users.marketing_consent`, the current state
//! of the `marketing` purpose kept on the account so that `getMe` reads no other table.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    MarketingConsent,
}

#[derive(DeriveIden)]
enum ConsentEvents {
    Table,
    Id,
    UserId,
    Purpose,
    Granted,
    PolicyVersion,
    Source,
    Ip,
    UserAgent,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(boolean(Users::MarketingConsent).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConsentEvents::Table)
                    .col(pk_uuid(ConsentEvents::Id))
                    .col(uuid(ConsentEvents::UserId))
                    .col(string_len(ConsentEvents::Purpose, 64))
                    .col(boolean(ConsentEvents::Granted))
                    .col(string_len_null(ConsentEvents::PolicyVersion, 64))
                    // `consents` or `profile`: which operation recorded it.
                    .col(string_len(ConsentEvents::Source, 16))
                    .col(string_len_null(ConsentEvents::Ip, 64))
                    .col(string_len_null(ConsentEvents::UserAgent, 512))
                    .col(timestamp_with_time_zone(ConsentEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ConsentEvents::Table, ConsentEvents::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_consent_events_user_purpose")
                    .table(ConsentEvents::Table)
                    .col(ConsentEvents::UserId)
                    .col(ConsentEvents::Purpose)
                    .col(ConsentEvents::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ConsentEvents::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::MarketingConsent)
                    .to_owned(),
            )
            .await
    }
}
