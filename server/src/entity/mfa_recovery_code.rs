//! `mfa_recovery_codes`: single-use codes for when the second factor is lost.

use sea_orm::entity::prelude::*;

/// One recovery code, stored only as a keyed hash.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mfa_recovery_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// HMAC-SHA256 of the normalised code under the instance secret, hex.
    pub code_hash: String,
    pub created_at: DateTimeUtc,
    /// Set when it was used.
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
