//! `mfa_totp`: an account's authenticator-app secret.

use sea_orm::entity::prelude::*;

/// A TOTP secret, pending until its first code confirms it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mfa_totp")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// The secret sealed under the instance secret.
    pub secret: String,
    pub created_at: DateTimeUtc,
    /// `None` while the enrolment waits for its first code.
    pub confirmed_at: Option<DateTimeUtc>,
    /// The last time step accepted; codes of this step and older ones are refused.
    pub last_used_step: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
