//! `mfa_challenges`: the pending second step of a sign-in.

use sea_orm::entity::prelude::*;

/// A challenge handed out after the first factor, stored as a keyed hash.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mfa_challenges")]
pub struct Model {
    /// HMAC-SHA256 of the challenge under the instance secret, hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub hash: String,
    pub user_id: Uuid,
    /// What completes it, comma-separated (`totp,recovery_code`, `email_otp`).
    pub methods: String,
    /// How the first step was passed (`pwd`, `otp`, `social`).
    pub first_factor: String,
    /// Tries so far, each reserved before its proof is checked.
    pub attempts: i32,
    pub max_attempts: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// The passkey ceremony that may complete it, sealed under the instance secret.
    pub passkey_state: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
