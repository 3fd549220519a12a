//! `webhook_deliveries`: one event on its way to one endpoint, delivered, or given up on.

use sea_orm::entity::prelude::*;

/// One delivery; its id is the message's `webhook-id`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "webhook_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub endpoint_id: Uuid,
    /// The account the event is about, when there is one.
    pub user_id: Option<Uuid>,
    pub event_type: String,
    /// The JSON body sent, exactly as signed.
    pub payload: String,
    /// `pending`, `sending`, `delivered` or `dead`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    /// While `sending`: the worker holding it (`host:port#boot`).
    pub locked_by: Option<String>,
    /// While `sending`: when the worker's claim lapses.
    pub locked_until: Option<DateTimeUtc>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub delivered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
