//! `sessions`: one per login; the family of its refresh tokens.

use sea_orm::entity::prelude::*;

/// A login session.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub created_at: DateTimeUtc,
    pub last_used_at: DateTimeUtc,
    /// The session cannot be refreshed past this instant.
    pub expires_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    /// Why it was revoked: `logout`, `logout_all`, `refresh_token_reused`, `account_deleted`…
    pub revoked_reason: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// How the session was authenticated, comma-separated (`pwd`, `pwd,totp`…).
    pub amr: String,
    /// Authenticator assurance level: 2 once a second factor was used.
    pub aal: i16,
    /// The latest authentication at the session's level; `None`: its creation.
    pub auth_time: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::user::Entity",
        from = "Column::UserId",
        to = "super::user::Column::Id",
        on_delete = "Cascade"
    )]
    User,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
