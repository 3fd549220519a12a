//! `flow_grants`: the single-use values of flows (social sign-in, passkey ceremonies).

use sea_orm::entity::prelude::*;

/// A `state`, one-time `code`, spent `nonce` or passkey ceremony, stored as a keyed hash.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "flow_grants")]
pub struct Model {
    /// HMAC-SHA256 of the kind and the value under the instance secret, hex.
    #[sea_orm(primary_key, auto_increment = false)]
    pub hash: String,
    pub kind: String,
    /// JSON sealed under the instance secret.
    pub payload: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
