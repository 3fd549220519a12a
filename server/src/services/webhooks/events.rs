//! The account events webhooks carry, and their fan-out: one delivery per enabled endpoint
//! that subscribes, written on the connection the event is recorded on — inside the
//! transaction of the change where the change records its event there.

use chrono::{SecondsFormat, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::deliveries::{self, PENDING};
use crate::entity::{user, webhook_delivery, webhook_endpoint};

/// An event type, as sent in `type` and subscribed to by endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventType {
    UserCreated,
    UserEmailVerified,
    UserUpdated,
    UserEmailChanged,
    UserDeletionRequested,
    UserDeleted,
    SessionRevoked,
    RefreshTokenReused,
    LoginLocked,
    MfaEnabled,
    MfaDisabled,
    IdentityLinked,
    IdentityUnlinked,
    DataExportReady,
    /// Sent only by a staff member's test.
    Test,
}

impl EventType {
    /// Every type, in the spec's order.
    pub const ALL: [EventType; 15] = [
        Self::UserCreated,
        Self::UserEmailVerified,
        Self::UserUpdated,
        Self::UserEmailChanged,
        Self::UserDeletionRequested,
        Self::UserDeleted,
        Self::SessionRevoked,
        Self::RefreshTokenReused,
        Self::LoginLocked,
        Self::MfaEnabled,
        Self::MfaDisabled,
        Self::IdentityLinked,
        Self::IdentityUnlinked,
        Self::DataExportReady,
        Self::Test,
    ];

    /// As sent and stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UserCreated => "user.created",
            Self::UserEmailVerified => "user.email_verified",
            Self::UserUpdated => "user.updated",
            Self::UserEmailChanged => "user.email_changed",
            Self::UserDeletionRequested => "user.deletion_requested",
            Self::UserDeleted => "user.deleted",
            Self::SessionRevoked => "session.revoked",
            Self::RefreshTokenReused => "refresh_token.reused",
            Self::LoginLocked => "login.locked",
            Self::MfaEnabled => "mfa.enabled",
            Self::MfaDisabled => "mfa.disabled",
            Self::IdentityLinked => "identity.linked",
            Self::IdentityUnlinked => "identity.unlinked",
            Self::DataExportReady => "data_export.ready",
            Self::Test => "webhook.test",
        }
    }

    /// The type named `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// The webhook event an audit event is, if any.
    pub fn of_audit(kind: &str) -> Option<Self> {
        Some(match kind {
            "user_registered" | "user_created" => Self::UserCreated,
            "email_verified" => Self::UserEmailVerified,
            "profile_updated" | "staff_user_updated" | "staff_user_deleted" | "staff_user_restored" => {
                Self::UserUpdated
            }
            "email_changed" | "email_change_reverted" => Self::UserEmailChanged,
            "deletion_requested" => Self::UserDeletionRequested,
            "account_anonymised" => Self::UserDeleted,
            "logout"
            | "logout_all"
            | "session_revoked"
            | "other_sessions_revoked"
            | "staff_user_logged_out"
            | "staff_session_revoked"
            | "console_session_timed_out" => Self::SessionRevoked,
            "refresh_token_reused" => Self::RefreshTokenReused,
            "login_locked" => Self::LoginLocked,
            "mfa_enabled" => Self::MfaEnabled,
            "mfa_disabled" | "mfa_reset" => Self::MfaDisabled,
            "social_linked" => Self::IdentityLinked,
            "social_unlinked" => Self::IdentityUnlinked,
            "data_export_ready" => Self::DataExportReady,
            _ => return None,
        })
    }
}

/// The endpoint's subscriptions as stored: comma-separated names.
pub fn encode(types: &[EventType]) -> String {
    types.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(",")
}

/// The stored subscriptions, skipping names this version does not know.
pub fn decode(stored: &str) -> Vec<EventType> {
    stored.split(',').filter_map(EventType::parse).collect()
}

/// An event about to be sent: what the audit log recorded.
pub struct Occurrence<'a> {
    /// The audit event's type.
    pub kind: &'a str,
    /// The account concerned.
    pub user_id: Option<Uuid>,
    /// Who acted, when not the account itself.
    pub actor_id: Option<Uuid>,
    /// The session concerned.
    pub session_id: Option<Uuid>,
    /// The audit event's specifics; only the names in [`SHARED_DETAILS`] are passed on.
    pub detail: &'a Value,
}

/// The specifics of an audit event a receiver may see: ids, kinds, dates — never a secret, an
/// IP address or a user agent.
const SHARED_DETAILS: [&str; 8] = [
    "factor",
    "provider",
    "request_id",
    "expires_at",
    "due_at",
    "method",
    "reason",
    "sessions",
];

/// Queues the webhook deliveries of `occurrence` on `db` (the caller's transaction when it has
/// one): one per enabled endpoint subscribed to its type. Returns how many.
pub async fn fan_out(db: &impl ConnectionTrait, occurrence: &Occurrence<'_>) -> Result<usize, sea_orm::DbErr> {
    let Some(event) = EventType::of_audit(occurrence.kind) else {
        return Ok(0);
    };
    let endpoints: Vec<(Uuid, String)> = webhook_endpoint::Entity::find()
        .select_only()
        .column(webhook_endpoint::Column::Id)
        .column(webhook_endpoint::Column::Events)
        .filter(webhook_endpoint::Column::Enabled.eq(true))
        .into_tuple()
        .all(db)
        .await?;
    let subscribed: Vec<Uuid> = endpoints
        .into_iter()
        .filter(|(_, events)| decode(events).contains(&event))
        .map(|(id, _)| id)
        .collect();
    if subscribed.is_empty() {
        return Ok(0);
    }
    let data = data_of(db, event, occurrence).await?;
    let body = payload(event, data);
    for endpoint_id in &subscribed {
        queue(db, *endpoint_id, occurrence.user_id, event, &body).await?;
    }
    deliveries::wake();
    Ok(subscribed.len())
}

/// `data`: the account's id and current address (none once anonymised), the actor and session
/// where known, and the shared specifics.
async fn data_of(
    db: &impl ConnectionTrait,
    event: EventType,
    occurrence: &Occurrence<'_>,
) -> Result<Map<String, Value>, sea_orm::DbErr> {
    let mut data = Map::new();
    if let Some(user_id) = occurrence.user_id {
        let email = if event == EventType::UserDeleted {
            None
        } else {
            user::Entity::find_by_id(user_id)
                .select_only()
                .column(user::Column::Email)
                .into_tuple::<String>()
                .one(db)
                .await?
        };
        data.insert("user_id".into(), json!(user_id));
        data.insert("email".into(), json!(email));
    }
    if let Some(actor) = occurrence.actor_id.filter(|a| Some(*a) != occurrence.user_id) {
        data.insert("actor_id".into(), json!(actor));
    }
    if let Some(session) = occurrence.session_id {
        data.insert("session_id".into(), json!(session));
    }
    if let Some(detail) = occurrence.detail.as_object() {
        for name in SHARED_DETAILS {
            if let Some(value) = detail.get(name) {
                data.insert(name.into(), value.clone());
            }
        }
    }
    Ok(data)
}

/// The body of an event: `{"type", "timestamp", "data"}` as Standard Webhooks suggests.
pub fn payload(event: EventType, data: Map<String, Value>) -> String {
    json!({
        "type": event.as_str(),
        "timestamp": Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true),
        "data": data,
    })
    .to_string()
}

/// Writes one pending delivery of `body` to `endpoint_id`.
pub async fn queue(
    db: &impl ConnectionTrait,
    endpoint_id: Uuid,
    user_id: Option<Uuid>,
    event: EventType,
    body: &str,
) -> Result<webhook_delivery::Model, sea_orm::DbErr> {
    let now = Utc::now();
    let row = webhook_delivery::Model {
        id: Uuid::now_v7(),
        endpoint_id,
        user_id,
        event_type: event.as_str().into(),
        payload: body.into(),
        status: PENDING.into(),
        attempts: 0,
        next_attempt_at: Some(now),
        locked_by: None,
        locked_until: None,
        last_status_code: None,
        last_error: None,
        created_at: now,
        delivered_at: None,
    };
    // Every field set from the model: the row is exactly what is answered.
    let active = row.clone().into_active_model();
    webhook_delivery::Entity::insert(active)
        .exec_without_returning(db)
        .await?;
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_ones_are_skipped() {
        for event in EventType::ALL {
            assert_eq!(EventType::parse(event.as_str()), Some(event));
        }
        assert_eq!(
            decode("user.created,no.such,mfa.enabled"),
            [EventType::UserCreated, EventType::MfaEnabled]
        );
        assert_eq!(
            encode(&[EventType::LoginLocked, EventType::Test]),
            "login.locked,webhook.test"
        );
    }

    #[test]
    fn security_events_map_and_routine_ones_do_not() {
        assert_eq!(EventType::of_audit("account_anonymised"), Some(EventType::UserDeleted));
        assert_eq!(
            EventType::of_audit("refresh_token_reused"),
            Some(EventType::RefreshTokenReused)
        );
        assert_eq!(EventType::of_audit("login_succeeded"), None);
        assert_eq!(EventType::of_audit("login_failed"), None);
    }
}
