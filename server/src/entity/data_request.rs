//! `data_requests`: each account's deletion requests and their status.

use sea_orm::entity::prelude::*;

/// One request.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "data_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// `delete`.
    pub kind: String,
    /// `pending`, `completed` or `cancelled`.
    pub status: String,
    pub created_at: DateTimeUtc,
    /// When a pending deletion happens.
    pub due_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
    pub cancelled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
