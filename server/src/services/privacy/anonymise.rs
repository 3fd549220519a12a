//! Anonymising an account whose deletion grace period is over: the row stays (so audit events
//! and data requests keep pointing at an id), but nothing in it or around it says who it was.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, Query},
};
use uuid::Uuid;

use super::requests::{CANCELLED, COMPLETED, DELETE, EXPORT, PENDING, READY};
use crate::{
    entity::{
        audit_event, consent_event, data_export_chunk, data_request, email_token, mfa_challenge, mfa_recovery_code,
        mfa_totp, otp_code, outbox_message, passkey, refresh_token, session, social_account, user,
    },
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        webhooks,
    },
};

/// The address an anonymised account gets: under `.invalid` (RFC 2606), so it can never
/// receive mail, and unique, so the original address is free to register again.
pub fn placeholder_address(user_id: Uuid) -> String {
    format!("deleted-{}@deleted.invalid", user_id.simple())
}

/// Anonymises every account whose deletion was due by `now`, at most `limit` of them; the
/// number anonymised.
pub async fn anonymise_due(db: &DatabaseConnection, now: DateTime<Utc>, limit: u64) -> AppResult<u64> {
    let due: Vec<Uuid> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::DeletionDueAt.lte(now))
        .order_by_asc(user::Column::DeletionDueAt)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    let mut done = 0;
    for user_id in due {
        if anonymise(db, user_id, now).await? {
            done += 1;
        }
    }
    Ok(done)
}

/// Anonymises account `user_id` if its deletion is due by `now` (false when it was cancelled
/// or done meanwhile), all in one transaction: the address becomes
/// [`placeholder_address`], names, password and flags are erased, its linked providers,
/// factors, passkeys, sessions, refresh tokens, e-mailed tokens and codes, consents, e-mails
/// and export archives are deleted (its exports cancelled), its audit events lose their IP address and user agent, and its deletion
/// request is completed.
pub async fn anonymise(db: &DatabaseConnection, user_id: Uuid, now: DateTime<Utc>) -> AppResult<bool> {
    crate::db::write_transaction::<_, AppError, _>(db, |txn| {
        Box::pin(async move {
            let placeholder = placeholder_address(user_id);
            let erased = user::Entity::update_many()
                .col_expr(user::Column::Email, Expr::value(placeholder.clone()))
                .col_expr(user::Column::EmailNormalized, Expr::value(placeholder))
                .col_expr(user::Column::PasswordHash, Expr::value(Option::<String>::None))
                .col_expr(user::Column::FirstName, Expr::value(""))
                .col_expr(user::Column::LastName, Expr::value(""))
                .col_expr(user::Column::IsActive, Expr::value(false))
                .col_expr(user::Column::IsStaff, Expr::value(false))
                .col_expr(user::Column::IsSuperuser, Expr::value(false))
                .col_expr(
                    user::Column::EmailVerifiedAt,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .col_expr(user::Column::LastLogin, Expr::value(Option::<DateTime<Utc>>::None))
                .col_expr(user::Column::DeletedAt, Expr::value(now))
                .col_expr(user::Column::DeletionDueAt, Expr::value(Option::<DateTime<Utc>>::None))
                .col_expr(user::Column::OtpLoginEnabled, Expr::value(false))
                .col_expr(user::Column::MfaEnabled, Expr::value(false))
                .col_expr(user::Column::MarketingConsent, Expr::value(false))
                .col_expr(user::Column::UpdatedAt, Expr::value(now))
                .filter(user::Column::Id.eq(user_id))
                .filter(user::Column::DeletionDueAt.lte(now))
                .exec(txn)
                .await?;
            if erased.rows_affected == 0 {
                return Ok(false);
            }
            delete_belongings(txn, user_id).await?;
            // Recorded before the erasure below, which takes its IP address too when a
            // request (a deletion without grace period) did this.
            audit::record(txn, AuditEvent::new("account_anonymised", Some(user_id)).anonymous()).await;
            audit_event::Entity::update_many()
                .col_expr(audit_event::Column::Ip, Expr::value(Option::<String>::None))
                .col_expr(audit_event::Column::UserAgent, Expr::value(Option::<String>::None))
                .filter(
                    Condition::any()
                        .add(audit_event::Column::UserId.eq(user_id))
                        .add(audit_event::Column::ActorId.eq(user_id)),
                )
                .exec(txn)
                .await?;
            data_request::Entity::update_many()
                .col_expr(data_request::Column::Status, Expr::value(COMPLETED))
                .col_expr(data_request::Column::CompletedAt, Expr::value(now))
                .filter(data_request::Column::UserId.eq(user_id))
                .filter(data_request::Column::Kind.eq(DELETE))
                .filter(data_request::Column::Status.eq(PENDING))
                .exec(txn)
                .await?;
            // Its archives were deleted with its belongings: no export is built or served.
            data_request::Entity::update_many()
                .col_expr(data_request::Column::Status, Expr::value(CANCELLED))
                .col_expr(data_request::Column::CancelledAt, Expr::value(now))
                .col_expr(data_request::Column::TokenHash, Expr::value(Option::<String>::None))
                .filter(data_request::Column::UserId.eq(user_id))
                .filter(data_request::Column::Kind.eq(EXPORT))
                .filter(data_request::Column::Status.is_in([PENDING, READY]))
                .exec(txn)
                .await?;
            Ok(true)
        })
    })
    .await
}

/// Deletes every row that belongs to the account and could say who it was.
async fn delete_belongings(txn: &impl ConnectionTrait, user_id: Uuid) -> AppResult<()> {
    let sessions = Query::select()
        .column(session::Column::Id)
        .from(session::Entity)
        .and_where(session::Column::UserId.eq(user_id))
        .to_owned();
    refresh_token::Entity::delete_many()
        .filter(refresh_token::Column::SessionId.in_subquery(sessions))
        .exec(txn)
        .await?;
    let requests = Query::select()
        .column(data_request::Column::Id)
        .from(data_request::Entity)
        .and_where(data_request::Column::UserId.eq(user_id))
        .to_owned();
    data_export_chunk::Entity::delete_many()
        .filter(data_export_chunk::Column::RequestId.in_subquery(requests))
        .exec(txn)
        .await?;
    // Sent and dead deliveries hold the old address; pending ones still go out.
    webhooks::deliveries::forget_user(txn, user_id).await?;
    macro_rules! delete_owned {
        ($($entity:ident),*) => {$(
            $entity::Entity::delete_many()
                .filter($entity::Column::UserId.eq(user_id))
                .exec(txn)
                .await?;
        )*};
    }
    delete_owned!(
        session,
        social_account,
        mfa_totp,
        mfa_recovery_code,
        passkey,
        mfa_challenge,
        otp_code,
        email_token,
        consent_event,
        outbox_message
    );
    Ok(())
}
