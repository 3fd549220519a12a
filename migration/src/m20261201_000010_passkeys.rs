//! Passkeys: `passkeys` (an account's WebAuthn credentials, as webauthn-rs serialises them,
//! with the credential id apart for lookups); `social_grants` becomes `flow_grants`, the
//! single-use values of every flow (passkey ceremonies too); `mfa_challenges.passkey_state`,
//! the ceremony of a challenge that a passkey can complete.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Passkeys {
    Table,
    Id,
    UserId,
    CredentialId,
    Name,
    Credential,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum MfaChallenges {
    Table,
    PasskeyState,
}

#[derive(DeriveIden)]
enum SocialGrants {
    Table,
}

#[derive(DeriveIden)]
enum FlowGrants {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Passkeys::Table)
                    .col(pk_uuid(Passkeys::Id))
                    .col(uuid(Passkeys::UserId))
                    // base64url of the credential id, as authenticators return it.
                    .col(string_len(Passkeys::CredentialId, 1400))
                    .col(string_len(Passkeys::Name, 100))
                    // webauthn-rs's Passkey as JSON: the public key, counter, flags.
                    .col(text(Passkeys::Credential))
                    .col(timestamp_with_time_zone(Passkeys::CreatedAt))
                    .col(timestamp_with_time_zone_null(Passkeys::LastUsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Passkeys::Table, Passkeys::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_passkeys_credential_id")
                    .table(Passkeys::Table)
                    .col(Passkeys::CredentialId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_passkeys_user_id")
                    .table(Passkeys::Table)
                    .col(Passkeys::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(MfaChallenges::Table)
                    .add_column(text_null(MfaChallenges::PasskeyState))
                    .to_owned(),
            )
            .await?;
        manager
            .rename_table(Table::rename().table(SocialGrants::Table, FlowGrants::Table).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .rename_table(Table::rename().table(FlowGrants::Table, SocialGrants::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(MfaChallenges::Table)
                    .drop_column(MfaChallenges::PasskeyState)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Passkeys::Table).to_owned())
            .await
    }
}
