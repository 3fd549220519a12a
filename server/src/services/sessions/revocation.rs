//! Revoking sessions: one, all of an account's, or all but one, with the reason stored,
//! counted and dropped from every instance's session cache.

use chrono::Utc;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    sea_query::{Expr, IntoCondition},
};
use uuid::Uuid;

use super::{Sessions, session_cache::Invalidation};
use crate::{
    entity::session,
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        platform::metrics,
    },
};

/// Why sessions get revoked, as stored and audited.
#[derive(Clone, Copy, Debug)]
pub enum RevokeReason {
    /// The user logged out of this session.
    Logout,
    /// The user logged out everywhere.
    LogoutAll,
    /// A spent refresh token was replayed.
    RefreshTokenReused,
    /// The account was deleted.
    AccountDeleted,
    /// The password was changed or reset.
    PasswordChanged,
    /// The user revoked it from their list of sessions.
    RevokedByUser,
    /// Staff deactivated the account.
    Deactivated,
    /// Staff ended every session of the account.
    LoggedOutByStaff,
    /// The owner undid a change of the account's address ("this wasn't me").
    EmailChangeReverted,
    /// A staff console session sat idle past `ADMIN_SESSION_IDLE_TIMEOUT`.
    ConsoleIdle,
}

impl RevokeReason {
    fn as_str(self) -> &'static str {
        match self {
            Self::Logout => "logout",
            Self::LogoutAll => "logout_all",
            Self::RefreshTokenReused => "refresh_token_reused",
            Self::AccountDeleted => "account_deleted",
            Self::PasswordChanged => "password_changed",
            Self::RevokedByUser => "revoked_by_user",
            Self::Deactivated => "deactivated",
            Self::LoggedOutByStaff => "logged_out_by_staff",
            Self::EmailChangeReverted => "email_change_reverted",
            Self::ConsoleIdle => "console_idle",
        }
    }
}

/// Which sessions a revocation ends.
#[derive(Clone, Copy, Debug)]
pub enum Revoked {
    /// One session.
    Session(Uuid),
    /// Every session of an account.
    AllOf(Uuid),
    /// Every session of an account but one.
    AllOfBut {
        /// The account.
        user_id: Uuid,
        /// The session kept.
        keep: Uuid,
    },
}

impl Revoked {
    fn condition(self) -> Condition {
        match self {
            Self::Session(id) => Condition::all().add(session::Column::Id.eq(id)),
            Self::AllOf(user_id) => Condition::all().add(session::Column::UserId.eq(user_id)),
            Self::AllOfBut { user_id, keep } => Condition::all()
                .add(session::Column::UserId.eq(user_id))
                .add(session::Column::Id.ne(keep)),
        }
    }

    fn invalidation(self) -> Invalidation {
        match self {
            Self::Session(id) => Invalidation::Session(id),
            Self::AllOf(user_id) | Self::AllOfBut { user_id, .. } => Invalidation::User(user_id),
        }
    }
}

impl Sessions {
    /// Revokes the sessions `which` names and records the audit event `event` makes of how
    /// many were live, in one transaction (so the event's webhook deliveries are queued with
    /// the change, or not at all); then drops them from every instance's session cache.
    /// Returns how many were live.
    pub async fn revoke_recorded(
        &self,
        which: Revoked,
        reason: RevokeReason,
        event: impl FnOnce(u64) -> AuditEvent + Send + 'static,
    ) -> AppResult<u64> {
        let revoked = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let revoked = revoke_where(txn, which.condition(), reason).await?;
                audit::record(txn, event(revoked)).await;
                Ok(revoked)
            })
        })
        .await?;
        self.forget(which.invalidation()).await;
        Ok(revoked)
    }

    /// Revokes every session of a user inside a transaction; call [`Sessions::forget`]
    /// with [`Invalidation::User`] once it has committed.
    pub async fn revoke_all_in(db: &impl ConnectionTrait, user_id: Uuid, reason: RevokeReason) -> AppResult<()> {
        revoke_where(db, Revoked::AllOf(user_id).condition(), reason).await?;
        Ok(())
    }

    /// Revokes every session of a user but `keep`, inside a transaction; call
    /// [`Sessions::forget`] with [`Invalidation::User`] once it has committed.
    pub async fn revoke_others_in(
        db: &impl ConnectionTrait,
        user_id: Uuid,
        keep: Uuid,
        reason: RevokeReason,
    ) -> AppResult<u64> {
        revoke_where(db, Revoked::AllOfBut { user_id, keep }.condition(), reason).await
    }
}

/// Revokes the live sessions matching `condition`; returns how many.
async fn revoke_where(
    db: &impl ConnectionTrait,
    condition: impl IntoCondition,
    reason: RevokeReason,
) -> AppResult<u64> {
    let result = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(Utc::now()))
        .col_expr(session::Column::RevokedReason, Expr::value(reason.as_str()))
        .filter(condition)
        .filter(session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    metrics::sessions_revoked(reason.as_str(), result.rows_affected);
    Ok(result.rows_affected)
}
