//! `ix_refresh_tokens_expires_at`: the cleanup finds expired refresh tokens through it instead
//! of scanning the whole table once per batch (minutes with millions of rows). Rows are never
//! updated on this column (a rotation sets `rotated_at`), so rotations stay HOT updates.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    ExpiresAt,
}

const INDEX: &str = "ix_refresh_tokens_expires_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(RefreshTokens::Table)
                    .col(RefreshTokens::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(INDEX).table(RefreshTokens::Table).to_owned())
            .await
    }
}
