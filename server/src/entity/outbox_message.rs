//! `email_outbox`: e-mails waiting for delivery, delivered, or given up on.

use sea_orm::entity::prelude::*;

/// One e-mail.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The template it was rendered from.
    pub kind: String,
    pub user_id: Option<Uuid>,
    pub recipient: String,
    pub subject: String,
    /// The rendered bodies, sealed under the instance secret; cleared once sent.
    pub payload: Option<String>,
    /// `pending`, `sending`, `sent` or `dead`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    /// While `sending`: when the worker's claim lapses (a crashed worker's messages are retried).
    pub locked_until: Option<DateTimeUtc>,
    /// While `sending`: the worker holding it (`host:port#boot`).
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
