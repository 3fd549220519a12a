//! Second factors: `mfa_totp` (an authenticator-app secret, sealed, with the last time step
//! accepted so no code works twice), `mfa_recovery_codes` (keyed hashes, each spent once),
//! `mfa_challenges` (the pending second step of a sign-in, shared by every instance);
//! `users.mfa_enabled`, and how each session was authenticated (`amr`, `aal`, `auth_time`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    MfaEnabled,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Amr,
    Aal,
    AuthTime,
}

#[derive(DeriveIden)]
enum MfaTotp {
    Table,
    UserId,
    Secret,
    CreatedAt,
    ConfirmedAt,
    LastUsedStep,
}

#[derive(DeriveIden)]
enum MfaRecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum MfaChallenges {
    Table,
    Hash,
    UserId,
    Methods,
    FirstFactor,
    Attempts,
    MaxAttempts,
    CreatedAt,
    ExpiresAt,
}

fn owned_by_user<T: IntoIden + 'static>(table: T, column: T) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        let add_columns: [(DynIden, ColumnDef); 4] = [
            (
                Users::Table.into_iden(),
                boolean(Users::MfaEnabled).default(false).to_owned(),
            ),
            // The methods used, comma-separated (`pwd`, `pwd,totp`…).
            (
                Sessions::Table.into_iden(),
                string_len(Sessions::Amr, 64).default("").to_owned(),
            ),
            (
                Sessions::Table.into_iden(),
                small_integer(Sessions::Aal).default(1).to_owned(),
            ),
            // The latest authentication at the session's level; NULL: when it was created.
            (
                Sessions::Table.into_iden(),
                timestamp_with_time_zone_null(Sessions::AuthTime).to_owned(),
            ),
        ];
        for (table, mut column) in add_columns {
            manager
                .alter_table(Table::alter().table(table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MfaTotp::Table)
                    .col(pk_uuid(MfaTotp::UserId))
                    // The secret sealed under the instance secret.
                    .col(text(MfaTotp::Secret))
                    .col(timestamp_with_time_zone(MfaTotp::CreatedAt))
                    // NULL while the enrolment waits for its first code.
                    .col(timestamp_with_time_zone_null(MfaTotp::ConfirmedAt))
                    // The last time step accepted: a code of this step or an older one is refused.
                    .col(big_integer_null(MfaTotp::LastUsedStep))
                    .foreign_key(&mut owned_by_user(MfaTotp::Table, MfaTotp::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MfaRecoveryCodes::Table)
                    .col(pk_uuid(MfaRecoveryCodes::Id))
                    .col(uuid(MfaRecoveryCodes::UserId))
                    // HMAC-SHA256 of the normalised code under the instance secret, hex.
                    .col(string_len(MfaRecoveryCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone(MfaRecoveryCodes::CreatedAt))
                    .col(timestamp_with_time_zone_null(MfaRecoveryCodes::UsedAt))
                    .foreign_key(&mut owned_by_user(MfaRecoveryCodes::Table, MfaRecoveryCodes::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_mfa_recovery_codes_user_hash")
                    .table(MfaRecoveryCodes::Table)
                    .col(MfaRecoveryCodes::UserId)
                    .col(MfaRecoveryCodes::CodeHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MfaChallenges::Table)
                    // HMAC-SHA256 of the challenge under the instance secret, hex.
                    .col(string_len(MfaChallenges::Hash, 64).primary_key())
                    .col(uuid(MfaChallenges::UserId))
                    // What completes it, comma-separated (`totp,recovery_code`, `email_otp`).
                    .col(string_len(MfaChallenges::Methods, 64))
                    // How the first step was passed (`pwd`, `otp`, `social`).
                    .col(string_len(MfaChallenges::FirstFactor, 16))
                    .col(integer(MfaChallenges::Attempts).default(0))
                    .col(integer(MfaChallenges::MaxAttempts))
                    .col(timestamp_with_time_zone(MfaChallenges::CreatedAt))
                    .col(timestamp_with_time_zone(MfaChallenges::ExpiresAt))
                    .foreign_key(&mut owned_by_user(MfaChallenges::Table, MfaChallenges::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mfa_challenges_expires_at")
                    .table(MfaChallenges::Table)
                    .col(MfaChallenges::ExpiresAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MfaChallenges::Table.into_iden(),
            MfaRecoveryCodes::Table.into_iden(),
            MfaTotp::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        let drop_columns: [(DynIden, DynIden); 4] = [
            (Sessions::Table.into_iden(), Sessions::AuthTime.into_iden()),
            (Sessions::Table.into_iden(), Sessions::Aal.into_iden()),
            (Sessions::Table.into_iden(), Sessions::Amr.into_iden()),
            (Users::Table.into_iden(), Users::MfaEnabled.into_iden()),
        ];
        for (table, column) in drop_columns {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
