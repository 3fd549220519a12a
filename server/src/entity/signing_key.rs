//! `signing_keys`: Ed25519 keys that sign access tokens.

use sea_orm::entity::prelude::*;

/// A signing key; the newest activated, unretired one signs, all unretired-or-recent ones
/// verify and are published.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signing_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub kid: String,
    pub algorithm: String,
    /// PKCS#8 DER, base64.
    pub private_key: String,
    /// Raw public key, base64url without padding (the JWK `x`).
    pub public_key: String,
    pub created_at: DateTimeUtc,
    pub retired_at: Option<DateTimeUtc>,
    /// When it starts signing; `None`: from creation.
    pub activates_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
