//! The audit log of security events. Recording never fails the request it describes.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use crate::{entity::audit_event, http::context::ClientInfo};

/// A security event about to be recorded.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    /// e.g. `login_succeeded`, `refresh_token_reused`.
    pub event_type: &'static str,
    /// Who did it, when not the user themself.
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
