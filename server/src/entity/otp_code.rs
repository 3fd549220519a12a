//! `otp_codes`: e-mailed one-time codes, stored only as a keyed hash (database store; with
//! `REDIS_URL` they live in Redis instead).

use sea_orm::entity::prelude::*;

/// The live code of one account for one purpose.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "otp_codes")]
pub struct Model {
    /// New for every code: conditions on it make attempts and use apply to this code only.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// `login` (passwordless) or `two_step` (after the password).
    pub purpose: String,
    /// HMAC-SHA256 of the code under the instance secret, bound to purpose and account; hex.
    pub code_hash: String,
    /// HMAC-SHA256 of the two-step challenge, hex; `None` for passwordless codes.
    pub challenge_hash: Option<String>,
    /// Verifications tried with this code (each reserved before comparing).
    pub attempts: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
