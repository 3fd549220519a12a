//! Accounts, sessions (token families), refresh tokens, signing keys, instance secrets and
//! the audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    EmailNormalized,
    PasswordHash,
    FirstName,
    LastName,
    IsActive,
    IsStaff,
    IsSuperuser,
    EmailVerifiedAt,
    DateJoined,
    LastLogin,
    UpdatedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    CreatedAt,
    LastUsedAt,
    ExpiresAt,
    RevokedAt,
    RevokedReason,
    Ip,
    UserAgent,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    SessionId,
    TokenHash,
    ParentId,
    CreatedAt,
    ExpiresAt,
    RotatedAt,
}

#[derive(DeriveIden)]
enum SigningKeys {
    Table,
    Kid,
    Algorithm,
    PrivateKey,
    PublicKey,
    CreatedAt,
    RetiredAt,
}

#[derive(DeriveIden)]
enum InstanceSecrets {
    Table,
    Name,
    Value,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    CreatedAt,
    EventType,
    ActorId,
    UserId,
    SessionId,
    Ip,
    UserAgent,
    Detail,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_uuid(Users::Id))
                    .col(string_len(Users::Email, 254))
                    .col(string_len(Users::EmailNormalized, 254))
                    .col(string_null(Users::PasswordHash))
                    .col(string_len(Users::FirstName, 150))
                    .col(string_len(Users::LastName, 150))
                    .col(boolean(Users::IsActive))
                    .col(boolean(Users::IsStaff))
                    .col(boolean(Users::IsSuperuser))
                    .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                    .col(timestamp_with_time_zone(Users::DateJoined))
                    .col(timestamp_with_time_zone_null(Users::LastLogin))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Users::DeletedAt))
                    .to_owned(),
            )
            .await?;
        // One live account per address; a soft-deleted account frees its address. Partial
        // indexes are spelled the same way on SQLite and PostgreSQL.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_users_email_live ON users (email_normalized) \
                 WHERE deleted_at IS NULL",
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(pk_uuid(Sessions::Id))
                    .col(uuid(Sessions::UserId))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastUsedAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                    .col(string_len_null(Sessions::RevokedReason, 64))
                    .col(string_len_null(Sessions::Ip, 64))
                    .col(string_len_null(Sessions::UserAgent, 512))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Sessions::Table, Sessions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sessions_user")
                    .table(Sessions::Table)
                    .col(Sessions::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(RefreshTokens::Table)
                    .col(pk_uuid(RefreshTokens::Id))
                    .col(uuid(RefreshTokens::SessionId))
                    .col(string_len_uniq(RefreshTokens::TokenHash, 64))
                    .col(uuid_null(RefreshTokens::ParentId))
                    .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                    .col(timestamp_with_time_zone(RefreshTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(RefreshTokens::RotatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RefreshTokens::Table, RefreshTokens::SessionId)
                            .to(Sessions::Table, Sessions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_refresh_tokens_session")
                    .table(RefreshTokens::Table)
                    .col(RefreshTokens::SessionId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SigningKeys::Table)
                    .col(string_len(SigningKeys::Kid, 64).primary_key())
                    .col(string_len(SigningKeys::Algorithm, 16))
                    .col(text(SigningKeys::PrivateKey))
                    .col(string_len(SigningKeys::PublicKey, 128))
                    .col(timestamp_with_time_zone(SigningKeys::CreatedAt))
                    .col(timestamp_with_time_zone_null(SigningKeys::RetiredAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(InstanceSecrets::Table)
                    .col(string_len(InstanceSecrets::Name, 64).primary_key())
                    .col(text(InstanceSecrets::Value))
                    .col(timestamp_with_time_zone(InstanceSecrets::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(pk_uuid(AuditEvents::Id))
                    .col(timestamp_with_time_zone(AuditEvents::CreatedAt))
                    .col(string_len(AuditEvents::EventType, 64))
                    .col(uuid_null(AuditEvents::ActorId))
                    .col(uuid_null(AuditEvents::UserId))
                    .col(uuid_null(AuditEvents::SessionId))
                    .col(string_len_null(AuditEvents::Ip, 64))
                    .col(string_len_null(AuditEvents::UserAgent, 512))
                    .col(text(AuditEvents::Detail))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_events_user_time")
                    .table(AuditEvents::Table)
                    .col(AuditEvents::UserId)
                    .col(AuditEvents::CreatedAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvents::Table.into_iden(),
            InstanceSecrets::Table.into_iden(),
            SigningKeys::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
            Users::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
