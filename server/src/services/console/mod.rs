//! The staff console's own state: its sign-ins and the overview's figures. A console sign-in
//! is a normal Gatehouse session (listed and revocable like any other) whose first refresh
//! token is the console cookie; it ends after `ADMIN_SESSION_IDLE_TIMEOUT` without a request.
//! Every action of the console goes through the same services as the staff API.

pub mod overview;

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};
use subtle::ConstantTimeEq;

use crate::{
    entity::{session, user},
    error::AppResult,
    services::{
        audit::AuditEvent,
        platform::secrets::InstanceSecret,
        sessions::{AuthUser, RevokeReason, Revoked, Sessions},
    },
};

/// How often a console request moves its session's last use forward (one write per 30 s
/// at most, not one per page).
const TOUCH_EVERY: chrono::Duration = chrono::Duration::seconds(30);

/// What a console cookie leads to.
#[derive(Debug)]
pub enum Resumed {
    /// A live session of an active staff account.
    Active(Box<AuthUser>),
    /// The session sat idle too long and has just been ended.
    TimedOut,
    /// Nothing usable: unknown, spent, revoked, expired, or no longer staff.
    Gone,
}

/// Console sign-ins: resumed from their cookie, timed out when idle, ended on sign-out.
#[derive(Clone)]
pub struct ConsoleSessions {
    db: DatabaseConnection,
    sessions: Sessions,
    secret: InstanceSecret,
    idle_timeout: Duration,
}

impl ConsoleSessions {
    /// The console's sessions over the shared session service.
    pub fn new(db: DatabaseConnection, sessions: Sessions, secret: InstanceSecret, idle_timeout: Duration) -> Self {
        Self {
            db,
            sessions,
            secret,
            idle_timeout,
        }
    }

    /// The staff member behind a console cookie, moving the session's last use forward; a
    /// session idle for longer than the timeout is revoked here.
    pub async fn resume(&self, cookie: &str) -> AppResult<Resumed> {
        let Some(session_id) = self.sessions.refresh_token_session(cookie).await? else {
            return Ok(Resumed::Gone);
        };
        let found = session::Entity::find_by_id(session_id)
            .find_also_related(user::Entity)
            .one(&self.db)
            .await?;
        let now = Utc::now();
        let Some((session, Some(user))) = found else {
            return Ok(Resumed::Gone);
        };
        let usable = session.revoked_at.is_none()
            && session.expires_at > now
            && user.is_active
            && user.is_staff
            && user.deleted_at.is_none();
        if !usable {
            return Ok(Resumed::Gone);
        }
        let idle = chrono::Duration::from_std(self.idle_timeout).unwrap_or(chrono::Duration::minutes(30));
        if now - session.last_used_at > idle {
            let user_id = user.id;
            self.sessions
                .revoke_recorded(Revoked::Session(session_id), RevokeReason::ConsoleIdle, move |_| {
                    AuditEvent::new("console_session_timed_out", Some(user_id)).session(session_id)
                })
                .await?;
            return Ok(Resumed::TimedOut);
        }
        if now - session.last_used_at > TOUCH_EVERY {
            session::Entity::update_many()
                .col_expr(session::Column::LastUsedAt, Expr::value(now))
                .filter(session::Column::Id.eq(session_id))
                .exec(&self.db)
                .await?;
        }
        Ok(Resumed::Active(Box::new(AuthUser { user, session_id })))
    }

    /// Ends the console session of `staff`.
    pub async fn sign_out(&self, staff: &AuthUser) -> AppResult<()> {
        let (user_id, session_id) = (staff.user.id, staff.session_id);
        self.sessions
            .revoke_recorded(Revoked::Session(session_id), RevokeReason::Logout, move |_| {
                AuditEvent::new("logout", Some(user_id))
                    .session(session_id)
                    .detail(serde_json::json!({ "console": true }))
            })
            .await?;
        Ok(())
    }

    /// The CSRF token of the forms of the session behind `cookie` (or of a sign-in form, for
    /// the value of its pre-sign-in cookie): derived under the instance secret, never stored.
    pub fn csrf_token(&self, cookie: &str) -> String {
        self.secret.mac_token("console-csrf", cookie.as_bytes())
    }

    /// Whether `sent` is the CSRF token of `cookie`, compared in constant time.
    pub fn csrf_matches(&self, cookie: &str, sent: &str) -> bool {
        bool::from(self.csrf_token(cookie).as_bytes().ct_eq(sent.as_bytes()))
    }
}
