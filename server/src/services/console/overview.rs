//! The figures of the console's overview page.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    entity::{audit_event, outbox_message, session, user},
    error::AppResult,
};

/// Security events the overview lists.
const SECURITY_EVENTS: [&str; 4] = [
    "refresh_token_reused",
    "login_locked",
    "social_login_failed",
    "reauthentication_failed",
];

/// What the overview shows.
#[derive(Debug)]
pub struct Overview {
    /// Accounts not deleted.
    pub accounts: u64,
    /// Of them, joined in the last 7 days.
    pub new_in_7_days: u64,
    /// Of them, deactivated.
    pub inactive: u64,
    /// Of them, waiting for their deletion.
    pub pending_deletion: u64,
    /// Sessions neither revoked nor expired.
    pub live_sessions: u64,
    /// Accounts locked out within the longest lock (`LOCKOUT_MAX_DELAY`): those locked now,
    /// and some whose lock has already run out.
    pub locked_accounts: u64,
    /// Lock-outs in the last 24 hours.
    pub lockouts_24h: u64,
    /// E-mails waiting to be sent.
    pub outbox_pending: u64,
    /// E-mails that failed every attempt.
    pub outbox_dead: u64,
    /// The latest security events, newest first.
    pub security_events: Vec<audit_event::Model>,
}

/// Counts what the overview shows; `longest_lock` is `LOCKOUT_MAX_DELAY`.
pub async fn overview(db: &impl ConnectionTrait, longest_lock: std::time::Duration) -> AppResult<Overview> {
    let now = Utc::now();
    let locked_since = now - Duration::from_std(longest_lock).unwrap_or(Duration::minutes(15));
    let live = || user::Entity::find().filter(user::Column::DeletedAt.is_null());
    let outbox = |status: &str| outbox_message::Entity::find().filter(outbox_message::Column::Status.eq(status));
    Ok(Overview {
        accounts: live().count(db).await?,
        new_in_7_days: live()
            .filter(user::Column::DateJoined.gte(now - Duration::days(7)))
            .count(db)
            .await?,
        inactive: live().filter(user::Column::IsActive.eq(false)).count(db).await?,
        pending_deletion: live()
            .filter(user::Column::DeletionDueAt.is_not_null())
            .count(db)
            .await?,
        live_sessions: session::Entity::find()
            .filter(session::Column::RevokedAt.is_null())
            .filter(session::Column::ExpiresAt.gt(now))
            .count(db)
            .await?,
        locked_accounts: audit_event::Entity::find()
            .select_only()
            .column(audit_event::Column::UserId)
            .distinct()
            .filter(audit_event::Column::EventType.eq("login_locked"))
            .filter(audit_event::Column::UserId.is_not_null())
            .filter(audit_event::Column::CreatedAt.gte(locked_since))
            .count(db)
            .await?,
        lockouts_24h: audit_event::Entity::find()
            .filter(audit_event::Column::EventType.eq("login_locked"))
            .filter(audit_event::Column::CreatedAt.gte(now - Duration::hours(24)))
            .count(db)
            .await?,
        outbox_pending: outbox("pending").count(db).await?,
        outbox_dead: outbox("dead").count(db).await?,
        security_events: audit_event::Entity::find()
            .filter(audit_event::Column::EventType.is_in(SECURITY_EVENTS))
            .order_by_desc(audit_event::Column::Id)
            .limit(10)
            .all(db)
            .await?,
    })
}
