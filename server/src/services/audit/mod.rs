//! The audit log of security events. Recording never fails the request it describes; it also
//! queues the event's webhooks, on the same connection.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::{
    entity::audit_event::{self, Column},
    error::AppResult,
    services::{
        platform::{
            client::ClientInfo,
            metrics,
            pagination::{self, Page, PageRequest},
        },
        webhooks::{self, events::Occurrence},
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

/// The log line of an event: ids as plain strings; an absent id is left out (never `None`).
fn log_line(event: &AuditEvent) {
    tracing::info!(
        event = event.event_type,
        user_id = event.user_id.map(tracing::field::display),
        session_id = event.session_id.map(tracing::field::display),
        "audit"
    );
}

/// Records `event` with the current request's client; logs (and swallows) a failure.
pub async fn record(db: &impl ConnectionTrait, event: AuditEvent) {
    let client = ClientInfo::current();
    log_line(&event);
    metrics::audit_event(event.event_type);
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
    let occurrence = Occurrence {
        kind: event.event_type,
        user_id: event.user_id,
        actor_id: event.actor_id,
        session_id: event.session_id,
        detail: &event.detail,
    };
    if let Err(e) = webhooks::events::fan_out(db, &occurrence).await {
        tracing::error!(error = %e, event = event.event_type, "queueing the event's webhooks failed");
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

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use uuid::Uuid;

    use super::{AuditEvent, log_line};

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("not poisoned").extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn json_line(event: &AuditEvent) -> serde_json::Value {
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, || log_line(event));
        let text = String::from_utf8(buffer.0.lock().expect("not poisoned").clone()).expect("UTF-8");
        serde_json::from_str(text.trim()).expect("one JSON line")
    }

    #[test]
    fn json_log_lines_carry_ids_as_plain_strings_and_leave_absent_ones_out() {
        let user = Uuid::now_v7();
        let line = json_line(&AuditEvent::new("login_succeeded", Some(user)));
        assert_eq!(line["fields"]["user_id"], user.to_string(), "{line}");
        assert!(line["fields"].get("session_id").is_none(), "{line}");
        let anonymous = json_line(&AuditEvent::new("login_failed", None));
        assert!(anonymous["fields"].get("user_id").is_none(), "{anonymous}");
        assert!(!anonymous.to_string().contains("None"), "{anonymous}");
    }
}
