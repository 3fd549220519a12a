//! `refresh_tokens`: every refresh token ever issued, stored only as a keyed hash.

use sea_orm::entity::prelude::*;

/// One refresh token of a session.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refresh_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub session_id: Uuid,
    /// HMAC-SHA256 of the token under the instance secret, hex.
    pub token_hash: String,
    /// The token this one replaced.
    pub parent_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// When it was exchanged for its child; a spent token.
    pub rotated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
