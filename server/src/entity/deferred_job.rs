//! `deferred_jobs`: work accepted with a `202` and not done yet (see `services::mail::deferred`).

use sea_orm::entity::prelude::*;

/// One accepted request whose account work is still to do.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "deferred_jobs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// What to do: `password_reset`, `verification_resend` or `login_code`.
    pub kind: String,
    /// The address and the requesting client, sealed under the instance secret.
    pub payload: String,
    /// Runs started so far.
    pub attempts: i32,
    /// Not to be run before.
    pub next_attempt_at: DateTimeUtc,
    /// The worker running it (`host:port#boot`), while it runs.
    pub locked_by: Option<String>,
    /// When that worker's claim lapses unless renewed.
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
