//! `social_accounts`: identities at outside providers linked to accounts.

use sea_orm::entity::prelude::*;

/// One provider identity, keyed by (issuer, subject).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "social_accounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// The provider's id in Gatehouse (`google`, `github`, `facebook`, an OIDC name).
    pub provider: String,
    /// Who vouches for the subject: the OIDC `iss`, or the provider's base URL.
    pub issuer: String,
    /// The account's id at the provider.
    pub subject: String,
    /// The address the provider reported last.
    pub email: Option<String>,
    pub linked_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
