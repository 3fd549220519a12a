//! Social sign-in: `social_accounts` (provider identities linked to accounts, keyed by issuer and
//! subject, never by e-mail) and `social_grants` (the short-lived, single-use values of a flow:
//! the `state` of a redirect sign-in, the one-time code handed to the frontend, the spent nonces
//! of id_token sign-ins), stored as keyed hashes with a sealed payload.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SocialAccounts {
    Table,
    Id,
    UserId,
    Provider,
    Issuer,
    Subject,
    Email,
    LinkedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum SocialGrants {
    Table,
    Hash,
    Kind,
    Payload,
    CreatedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SocialAccounts::Table)
                    .col(pk_uuid(SocialAccounts::Id))
                    .col(uuid(SocialAccounts::UserId))
                    // The provider's id in Gatehouse (`google`, `github`, an OIDC name).
                    .col(string_len(SocialAccounts::Provider, 64))
                    .col(string_len(SocialAccounts::Issuer, 512))
                    .col(string_len(SocialAccounts::Subject, 255))
                    .col(string_len_null(SocialAccounts::Email, 320))
                    .col(timestamp_with_time_zone(SocialAccounts::LinkedAt))
                    .col(timestamp_with_time_zone_null(SocialAccounts::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SocialAccounts::Table, SocialAccounts::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_social_accounts_issuer_subject")
                    .table(SocialAccounts::Table)
                    .col(SocialAccounts::Issuer)
                    .col(SocialAccounts::Subject)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // One identity per provider and account: unlinking names the provider.
        manager
            .create_index(
                Index::create()
                    .name("ux_social_accounts_user_provider")
                    .table(SocialAccounts::Table)
                    .col(SocialAccounts::UserId)
                    .col(SocialAccounts::Provider)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SocialGrants::Table)
                    // HMAC-SHA256 of the kind and the value under the instance secret, hex.
                    .col(string_len(SocialGrants::Hash, 64).primary_key())
                    // `state`, `code` or `nonce`.
                    .col(string_len(SocialGrants::Kind, 16))
                    // JSON sealed under the instance secret (PKCE verifier, nonce, account…).
                    .col(text(SocialGrants::Payload))
                    .col(timestamp_with_time_zone(SocialGrants::CreatedAt))
                    .col(timestamp_with_time_zone(SocialGrants::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_social_grants_expires_at")
                    .table(SocialGrants::Table)
                    .col(SocialGrants::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SocialGrants::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SocialAccounts::Table).to_owned())
            .await
    }
}
