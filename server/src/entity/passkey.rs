//! `passkeys`: an account's WebAuthn credentials.

use sea_orm::entity::prelude::*;

/// A registered passkey.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "passkeys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// base64url of the credential id.
    pub credential_id: String,
    /// The owner's name for it ("MacBook", "YubiKey").
    pub name: String,
    /// webauthn-rs's `Passkey` as JSON (public key, counter, flags).
    pub credential: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
