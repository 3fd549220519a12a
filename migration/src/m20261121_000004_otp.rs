//! E-mail one-time codes (passwordless login and the second step after the password), the
//! resend cooldown per address, and the per-account "two-step login" switch.
//!
//! Used when `REDIS_URL` is not set; with Redis the same records live there, expiring natively.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    OtpLoginEnabled,
}

#[derive(DeriveIden)]
enum OtpCodes {
    Table,
    Id,
    UserId,
    Purpose,
    CodeHash,
    ChallengeHash,
    Attempts,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum OtpSendWindows {
    Table,
    EmailHash,
    WindowStartedAt,
    Sends,
    LastSentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(boolean(Users::OtpLoginEnabled).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OtpCodes::Table)
                    .col(pk_uuid(OtpCodes::Id))
                    .col(uuid(OtpCodes::UserId))
                    // `login` (passwordless) or `two_step` (after the password).
                    .col(string_len(OtpCodes::Purpose, 16))
                    // HMAC-SHA256 of the code, hex; never the code.
                    .col(string_len(OtpCodes::CodeHash, 64))
                    // HMAC-SHA256 of the two-step challenge, hex.
                    .col(string_len_null(OtpCodes::ChallengeHash, 64))
                    .col(integer(OtpCodes::Attempts))
                    .col(timestamp_with_time_zone(OtpCodes::CreatedAt))
                    .col(timestamp_with_time_zone(OtpCodes::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OtpCodes::Table, OtpCodes::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One live code per account and purpose: a new code replaces the previous one.
        manager
            .create_index(
                Index::create()
                    .name("ux_otp_codes_user_purpose")
                    .table(OtpCodes::Table)
                    .col(OtpCodes::UserId)
                    .col(OtpCodes::Purpose)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_otp_codes_challenge_hash")
                    .table(OtpCodes::Table)
                    .col(OtpCodes::ChallengeHash)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_otp_codes_expires_at")
                    .table(OtpCodes::Table)
                    .col(OtpCodes::ExpiresAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OtpSendWindows::Table)
                    // HMAC-SHA256 of the normalised address, hex: known and unknown alike.
                    .col(string_len(OtpSendWindows::EmailHash, 64).primary_key())
                    .col(timestamp_with_time_zone(OtpSendWindows::WindowStartedAt))
                    .col(integer(OtpSendWindows::Sends))
                    .col(timestamp_with_time_zone(OtpSendWindows::LastSentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_otp_send_windows_last_sent_at")
                    .table(OtpSendWindows::Table)
                    .col(OtpSendWindows::LastSentAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OtpSendWindows::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(OtpCodes::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::OtpLoginEnabled)
                    .to_owned(),
            )
            .await
    }
}
