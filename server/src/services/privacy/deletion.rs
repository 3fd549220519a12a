//! Account deletion with a grace period: the owner asks (`createDataRequest`, `deleteMe`),
//! every session ends, sign-in is refused (`Sessions::start` checks `users.deletion_due_at`)
//! and an e-mail carries a link that cancels it; once `ACCOUNT_DELETION_GRACE_PERIOD` is over
//! the cleanup job anonymises the account ([`anonymise`](super::anonymise)).

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    sea_query::Expr,
};
use uuid::Uuid;

use super::{
    anonymise, export,
    requests::{self, CANCELLED, DELETE, PENDING},
};
use crate::{
    entity::{data_request, user},
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        identity::email_tokens::{EmailTokens, Purpose},
        mail::{Extras, Mailer, templates::TemplateKind},
        runtime_settings::RuntimeSettings,
        sessions::{RevokeReason, Sessions, session_cache::Invalidation},
    },
};

/// The page of the frontend the cancelling link opens.
const CANCEL_PATH: &str = "/account-deletion/cancel";

/// Schedules, cancels and carries out account deletions.
#[derive(Clone)]
pub struct AccountDeletion {
    db: DatabaseConnection,
    sessions: Sessions,
    mailer: Mailer,
    tokens: EmailTokens,
    runtime: RuntimeSettings,
}

impl AccountDeletion {
    /// The service.
    pub fn new(
        db: DatabaseConnection,
        sessions: Sessions,
        mailer: Mailer,
        tokens: EmailTokens,
        runtime: RuntimeSettings,
    ) -> Self {
        Self {
            db,
            sessions,
            mailer,
            tokens,
            runtime,
        }
    }

    /// Schedules the deletion of `account` (whose owner proved who they are): every session
    /// ends and, with a grace period, the owner gets the cancelling link; without one the
    /// account is anonymised before this returns. `data_request_pending` when one is
    /// scheduled already.
    pub async fn request(&self, account: &user::Model) -> AppResult<data_request::Model> {
        let grace = self.runtime.current().account_deletion_grace_period;
        let now = Utc::now();
        let due = now + chrono::Duration::from_std(grace).unwrap_or_default();
        let user_id = account.id;
        let request = data_request::Model {
            due_at: Some(due),
            ..requests::new_pending(user_id, DELETE, now)
        };
        let (row, account, this) = (request.clone(), account.clone(), self.clone());
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let scheduled = user::Entity::update_many()
                    .col_expr(user::Column::DeletionDueAt, Expr::value(due))
                    .col_expr(user::Column::UpdatedAt, Expr::value(now))
                    .filter(user::Column::Id.eq(user_id))
                    .filter(user::Column::DeletionDueAt.is_null())
                    .filter(user::Column::DeletedAt.is_null())
                    .exec(txn)
                    .await?;
                if scheduled.rows_affected == 0 {
                    return Err(AppError::DataRequestPending);
                }
                data_request::Entity::insert(row.clone().into_active_model())
                    .exec_without_returning(txn)
                    .await?;
                Sessions::revoke_all_in(txn, user_id, RevokeReason::AccountDeleted).await?;
                if !grace.is_zero() {
                    let token = this.tokens.issue(txn, &account, Purpose::CancelDeletion, grace).await?;
                    let extras = Extras {
                        link: Some(this.mailer.link(CANCEL_PATH, &token)),
                        expires_in: Some(grace),
                        ..Extras::default()
                    };
                    this.mailer
                        .queue(txn, TemplateKind::DeletionScheduled, &account, extras)
                        .await?;
                }
                let event = AuditEvent::new("deletion_requested", Some(user_id))
                    .detail(serde_json::json!({ "due_at": due, "request_id": row.id }));
                audit::record(txn, event).await;
                Ok(())
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(user_id)).await;
        self.mailer.wake();
        if grace.is_zero() {
            anonymise::anonymise(&self.db, user_id, now).await?;
            return self.find(user_id, request.id).await;
        }
        Ok(request)
    }

    /// The account's requests, newest first.
    pub async fn list(&self, user_id: Uuid) -> AppResult<Vec<data_request::Model>> {
        Ok(data_request::Entity::find()
            .filter(data_request::Column::UserId.eq(user_id))
            .order_by_desc(data_request::Column::CreatedAt)
            .order_by_desc(data_request::Column::Id)
            .all(&self.db)
            .await?)
    }

    /// Cancels request `id` of `user_id` (an export or a deletion): `not_found` for another
    /// account's,
    /// `data_request_not_pending` when it is over.
    pub async fn cancel(&self, user_id: Uuid, id: Uuid, actor: Option<Uuid>) -> AppResult<data_request::Model> {
        let request = self.find(user_id, id).await?;
        if request.status != PENDING {
            return Err(AppError::DataRequestNotPending);
        }
        if request.kind == export::EXPORT {
            if !export::cancel(&self.db, &request).await? {
                return Err(AppError::DataRequestNotPending);
            }
            return self.find(user_id, id).await;
        }
        self.cancel_pending(&request, actor).await
    }

    /// Cancels the pending deletion the e-mailed `token` was issued for.
    pub async fn cancel_with_token(&self, token: &str) -> AppResult<data_request::Model> {
        let found = self.tokens.find(&self.db, token, Purpose::CancelDeletion).await?;
        let Some(found) = found else {
            return Err(AppError::InvalidToken);
        };
        let pending = self.pending_for(found.user_id).await?.ok_or(AppError::InvalidToken)?;
        if !EmailTokens::spend(&self.db, &found).await? {
            return Err(AppError::InvalidToken);
        }
        match self.cancel_pending(&pending, None).await {
            // The deletion was carried out meanwhile: the link is as dead as an expired one.
            Err(AppError::DataRequestNotPending) => Err(AppError::InvalidToken),
            other => other,
        }
    }

    /// The pending deletion of `user_id`, if any.
    pub async fn pending_for(&self, user_id: Uuid) -> AppResult<Option<data_request::Model>> {
        Ok(data_request::Entity::find()
            .filter(data_request::Column::UserId.eq(user_id))
            .filter(data_request::Column::Kind.eq(DELETE))
            .filter(data_request::Column::Status.eq(PENDING))
            .one(&self.db)
            .await?)
    }

    /// Cancels a pending deletion, unless the cleanup job got there first
    /// (`data_request_not_pending`). `actor` is the staff member who did it, if one did.
    pub async fn cancel_pending(
        &self,
        request: &data_request::Model,
        actor: Option<Uuid>,
    ) -> AppResult<data_request::Model> {
        let (user_id, id, now) = (request.user_id, request.id, Utc::now());
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                if !mark_cancelled(txn, id, now).await? {
                    return Err(AppError::DataRequestNotPending);
                }
                user::Entity::update_many()
                    .col_expr(user::Column::DeletionDueAt, Expr::value(Option::<DateTime<Utc>>::None))
                    .col_expr(user::Column::UpdatedAt, Expr::value(now))
                    .filter(user::Column::Id.eq(user_id))
                    .exec(txn)
                    .await?;
                Ok(())
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(user_id)).await;
        let mut event =
            AuditEvent::new("deletion_cancelled", Some(user_id)).detail(serde_json::json!({ "request_id": id }));
        if let Some(actor) = actor {
            event = event.actor(actor);
        }
        audit::record(&self.db, event).await;
        self.find(user_id, id).await
    }

    async fn find(&self, user_id: Uuid, id: Uuid) -> AppResult<data_request::Model> {
        data_request::Entity::find_by_id(id)
            .filter(data_request::Column::UserId.eq(user_id))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// Cancels pending request `id`; false when it was not pending any more.
async fn mark_cancelled(db: &impl ConnectionTrait, id: Uuid, now: DateTime<Utc>) -> AppResult<bool> {
    let result = data_request::Entity::update_many()
        .col_expr(data_request::Column::Status, Expr::value(CANCELLED))
        .col_expr(data_request::Column::CancelledAt, Expr::value(now))
        .filter(data_request::Column::Id.eq(id))
        .filter(data_request::Column::Status.eq(PENDING))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
