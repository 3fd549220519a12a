//! `users`: accounts, identified by e-mail.

use sea_orm::entity::prelude::*;

/// An account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The address as the user typed it (trimmed, domain lower-cased).
    pub email: String,
    /// The address fully lower-cased: the unique lookup key.
    pub email_normalized: String,
    /// PHC string (argon2id); `None` for accounts without a password.
    pub password_hash: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub is_active: bool,
    pub is_staff: bool,
    pub is_superuser: bool,
    pub email_verified_at: Option<DateTimeUtc>,
    pub date_joined: DateTimeUtc,
    pub last_login: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    /// Set when the account was soft-deleted.
    pub deleted_at: Option<DateTimeUtc>,
    /// The user asked for an e-mailed code after the password at every login.
    pub otp_login_enabled: bool,
    /// The account has a second factor (an authenticator app); sign-ins ask for it.
    pub mfa_enabled: bool,
    /// The current state of the `marketing` consent (its history is in `consent_events`).
    pub marketing_consent: bool,
    /// Set while a requested deletion waits out its grace period: sign-in is refused, and the
    /// cleanup job anonymises the account once it has passed.
    pub deletion_due_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::session::Entity")]
    Session,
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Session.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
