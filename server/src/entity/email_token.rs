//! `email_tokens`: single-use tokens sent by e-mail, stored only as a keyed hash.

use sea_orm::entity::prelude::*;

/// One e-mailed token.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// `verify_email` or `password_reset`.
    pub purpose: String,
    /// HMAC-SHA256 of the token under the instance secret, hex.
    pub token_hash: String,
    /// The normalised address it was sent to: the token dies if the account's address changes.
    pub email: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// Set when used, or when a password change invalidated it.
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
