//! The audit log of security events. Recording never fails the request it describes.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    entity::audit_event::{self, Column},
    error::AppResult,
    services::platform::{
        client::ClientInfo,
        pagination::{self, Page, PageRequest},
    },
};

/// A security event about to be recorded.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    /// e.g. `login_succeeded`, `refresh_token_reused`.
    pub event_type: &'static str,
    /// Who did it: the user themself (the default), a staff member, or nobody known.
    pub actor_id: Option<Uuid>,
    /// The account concerned.
    pub user_id: Option<Uuid>,
    /// The session concerned.
    pub session_id: Option<Uuid>,
    /// A small JSON object with the specifics.
    pub detail: serde_json::Value,
}

impl AuditEvent {
    /// An event of this type about `user_id`.
    pub fn new(event_type: &'static str, user_id: Option<Uuid>) -> Self {
        Self {
            event_type,
            actor_id: user_id,
            user_id,
            session_id: None,
            detail: serde_json::json!({}),
        }
    }

    /// Names who acted, when not the subject user.
    pub fn actor(mut self, actor_id: Uuid) -> Self {
        self.actor_id = Some(actor_id);
        self
    }

    /// Records that nobody known acted (e.g. someone trying a password).
    pub fn anonymous(mut self) -> Self {
        self.actor_id = None;
        self
    }

    /// Names the session concerned.
    pub fn session(mut self, session_id: Uuid) -> Self {
        self.session_id = Some(session_id);
        self
    }

    /// Adds specifics.
    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }
}

/// Records `event` with the current request's client; logs (and swallows) a failure.
pub async fn record(db: &impl ConnectionTrait, event: AuditEvent) {
    let client = ClientInfo::current();
    tracing::info!(event = event.event_type, user_id = ?event.user_id, session_id = ?event.session_id, "audit");
    let row = audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        created_at: Set(Utc::now()),
        event_type: Set(event.event_type.to_string()),
        actor_id: Set(event.actor_id),
        user_id: Set(event.user_id),
        session_id: Set(event.session_id),
        ip: Set(client.ip),
        user_agent: Set(client.user_agent),
        detail: Set(event.detail.to_string()),
    };
    if let Err(e) = audit_event::Entity::insert(row).exec_without_returning(db).await {
        tracing::error!(error = %e, event = event.event_type, "writing an audit event failed");
    }
}

/// Which events to read; a `None` matches everything.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    /// The account concerned.
    pub user_id: Option<Uuid>,
    /// Who acted.
    pub actor_id: Option<Uuid>,
    /// One event type.
    pub event_type: Option<String>,
    /// At or after this instant.
    pub since: Option<DateTime<Utc>>,
    /// Before this instant.
    pub until: Option<DateTime<Utc>>,
}

/// One page of the events matching `filter`, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &AuditFilter,
    page: PageRequest,
) -> AppResult<Page<audit_event::Model>> {
    let mut query = audit_event::Entity::find();
    if let Some(user_id) = filter.user_id {
        query = query.filter(Column::UserId.eq(user_id));
    }
    if let Some(actor_id) = filter.actor_id {
        query = query.filter(Column::ActorId.eq(actor_id));
    }
    if let Some(event_type) = &filter.event_type {
        if pagination::matches_no_stored_text(event_type) {
            return Ok((Vec::new(), None));
        }
        query = query.filter(Column::EventType.eq(event_type.as_str()));
    }
    if let Some(since) = filter.since {
        query = query.filter(Column::CreatedAt.gte(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(Column::CreatedAt.lt(until));
    }
    pagination::newest_first(db, query, Column::Id, |e| e.id, page).await
}
