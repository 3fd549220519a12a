//! The signed-in user's view of their sessions: list, revoke one, revoke the others.

use chrono::Utc;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{AuthUser, RevokeReason, Revoked, Sessions};
use crate::{
    entity::session,
    error::{AppError, AppResult},
    services::audit::AuditEvent,
};

/// A live session as its owner sees it.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// The stored session.
    pub session: session::Model,
    /// The user agent in words, e.g. "Firefox 133.0 on Linux".
    pub device: String,
    /// Whether it is the session making the request.
    pub current: bool,
}

/// Lists and revokes the signed-in user's sessions.
#[derive(Clone)]
pub struct UserSessions {
    db: DatabaseConnection,
    sessions: Sessions,
}

fn live_of(user_id: Uuid) -> Condition {
    Condition::all()
        .add(session::Column::UserId.eq(user_id))
        .add(session::Column::RevokedAt.is_null())
        .add(session::Column::ExpiresAt.gt(Utc::now()))
}

impl UserSessions {
    /// The service.
    pub fn new(db: DatabaseConnection, sessions: Sessions) -> Self {
        Self { db, sessions }
    }

    /// Every live session of the user, newest first.
    pub async fn list(&self, auth: &AuthUser) -> AppResult<Vec<SessionView>> {
        self.list_of(auth.user.id, Some(auth.session_id)).await
    }

    /// Every live session of account `user_id`, newest first; `current` is the one asking.
    pub async fn list_of(&self, user_id: Uuid, current: Option<Uuid>) -> AppResult<Vec<SessionView>> {
        let rows = session::Entity::find()
            .filter(live_of(user_id))
            .order_by_desc(session::Column::CreatedAt)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|session| SessionView {
                device: device_label(session.user_agent.as_deref()),
                current: Some(session.id) == current,
                session,
            })
            .collect())
    }

    /// Revokes one of the user's live sessions; `not_found` for any other id.
    pub async fn revoke(&self, auth: &AuthUser, session_id: Uuid) -> AppResult<()> {
        let owned = session::Entity::find_by_id(session_id)
            .filter(live_of(auth.user.id))
            .one(&self.db)
            .await?;
        if owned.is_none() {
            return Err(AppError::NotFound);
        }
        let (user_id, by_session) = (auth.user.id, auth.session_id);
        self.sessions
            .revoke_recorded(Revoked::Session(session_id), RevokeReason::RevokedByUser, move |_| {
                AuditEvent::new("session_revoked", Some(user_id))
                    .session(session_id)
                    .detail(serde_json::json!({ "by_session": by_session }))
            })
            .await?;
        Ok(())
    }

    /// Staff member `actor` revokes live session `session_id` of account `user_id`;
    /// `not_found` for any other id.
    pub async fn revoke_by_staff(&self, actor: Uuid, user_id: Uuid, session_id: Uuid) -> AppResult<()> {
        let owned = session::Entity::find_by_id(session_id)
            .filter(live_of(user_id))
            .one(&self.db)
            .await?;
        if owned.is_none() {
            return Err(AppError::NotFound);
        }
        self.sessions
            .revoke_recorded(
                Revoked::Session(session_id),
                RevokeReason::LoggedOutByStaff,
                move |_| {
                    AuditEvent::new("staff_session_revoked", Some(user_id))
                        .actor(actor)
                        .session(session_id)
                },
            )
            .await?;
        Ok(())
    }

    /// Revokes every session of the user but the current one; returns how many.
    pub async fn revoke_others(&self, auth: &AuthUser) -> AppResult<u64> {
        let (user_id, keep) = (auth.user.id, auth.session_id);
        self.sessions
            .revoke_recorded(
                Revoked::AllOfBut { user_id, keep },
                RevokeReason::RevokedByUser,
                move |revoked| {
                    AuditEvent::new("other_sessions_revoked", Some(user_id))
                        .session(keep)
                        .detail(serde_json::json!({ "revoked": revoked }))
                },
            )
            .await
    }
}

/// "Firefox 133.0 on Linux", "Safari on iPhone", or "Unknown device".
pub fn device_label(user_agent: Option<&str>) -> String {
    let Some(parsed) = user_agent.and_then(|ua| woothee::parser::Parser::new().parse(ua)) else {
        return "Unknown device".into();
    };
    let known = |v: &str| !v.is_empty() && v != woothee::woothee::VALUE_UNKNOWN;
    let browser = match (known(parsed.name), known(parsed.version)) {
        (true, true) => Some(format!("{} {}", parsed.name, parsed.version)),
        (true, false) => Some(parsed.name.to_string()),
        _ => None,
    };
    match (browser, known(parsed.os).then_some(parsed.os)) {
        (Some(browser), Some(os)) => format!("{browser} on {os}"),
        (Some(browser), None) => browser,
        (None, Some(os)) => format!("Unknown browser on {os}"),
        (None, None) => "Unknown device".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::device_label;

    #[test]
    fn user_agents_read_as_devices() {
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(device_label(Some(firefox)), "Firefox 133.0 on Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                      (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert!(
            device_label(Some(iphone)).contains("iPhone"),
            "{}",
            device_label(Some(iphone))
        );
        assert_eq!(device_label(None), "Unknown device");
        assert_eq!(device_label(Some("")), "Unknown device");
        assert_eq!(device_label(Some("curl/8.5.0")), "HTTP Library curl");
        assert_eq!(device_label(Some("not a browser at all")), "Unknown device");
    }
}
