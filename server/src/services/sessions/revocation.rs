//! Revoking sessions: one, all of an account's, or all but one, with the reason stored,
//! counted and dropped from every instance's session cache.

use chrono::Utc;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    sea_query::{Expr, IntoCondition},
};
use uuid::Uuid;

use super::{Sessions, session_cache::Invalidation};
use crate::{entity::session, error::AppResult, services::platform::metrics};

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
        }
    }
}

impl Sessions {
    /// Revokes one session, here and in every instance's session cache.
    pub async fn revoke_session(&self, session_id: Uuid, reason: RevokeReason) -> AppResult<()> {
        revoke_where(&self.db, session::Column::Id.eq(session_id), reason).await?;
        self.forget(Invalidation::Session(session_id)).await;
        Ok(())
    }

    /// Revokes every session of a user; returns how many were live.
    pub async fn revoke_all(&self, user_id: Uuid, reason: RevokeReason) -> AppResult<u64> {
        let revoked = revoke_where(&self.db, session::Column::UserId.eq(user_id), reason).await?;
        self.forget(Invalidation::User(user_id)).await;
        Ok(revoked)
    }

    /// Revokes every session of a user inside a transaction; call [`Sessions::forget`]
    /// with [`Invalidation::User`] once it has committed.
    pub async fn revoke_all_in(db: &impl ConnectionTrait, user_id: Uuid, reason: RevokeReason) -> AppResult<()> {
        revoke_where(db, session::Column::UserId.eq(user_id), reason).await?;
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
        let condition = Condition::all()
            .add(session::Column::UserId.eq(user_id))
            .add(session::Column::Id.ne(keep));
        revoke_where(db, condition, reason).await
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
