//! The database store (no `REDIS_URL`): tables `otp_codes` and `otp_send_windows`, the same
//! statements on SQLite and PostgreSQL. Every check-and-change is one conditional statement.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::{Expr, ExprTrait, OnConflict, Query},
};
use uuid::Uuid;

use super::{
    code::Purpose,
    stored::{NewCode, Reserved, SendLimit, SendLimits, SendVerdict},
};
use crate::{
    entity::{
        otp_code::{self, Column as Code},
        otp_send_window::{self, Column as Window},
    },
    error::AppResult,
};

/// Codes and send counters in the database.
#[derive(Clone)]
pub struct DbStore {
    db: DatabaseConnection,
}

fn after(now: DateTime<Utc>, wait: std::time::Duration) -> DateTime<Utc> {
    now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::days(1))
}

fn before(now: DateTime<Utc>, wait: std::time::Duration) -> DateTime<Utc> {
    now - chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::days(1))
}

impl DbStore {
    /// The store on `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    pub(super) async fn put(&self, code: &NewCode) -> AppResult<()> {
        let now = Utc::now();
        let row = otp_code::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(code.user_id),
            purpose: Set(code.purpose.as_str().into()),
            code_hash: Set(code.code_hash.clone()),
            challenge_hash: Set(code.challenge_hash.clone()),
            attempts: Set(0),
            created_at: Set(now),
            expires_at: Set(after(now, code.ttl)),
        };
        // One row per account and purpose: the new code (with a new id) takes the old one's place.
        otp_code::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([Code::UserId, Code::Purpose])
                    .update_columns([
                        Code::Id,
                        Code::CodeHash,
                        Code::ChallengeHash,
                        Code::Attempts,
                        Code::CreatedAt,
                        Code::ExpiresAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&self.db)
            .await?;
        Ok(())
    }

    pub(super) async fn challenge_owner(&self, challenge_hash: &str) -> AppResult<Option<Uuid>> {
        let row = otp_code::Entity::find()
            .filter(Code::ChallengeHash.eq(challenge_hash))
            .filter(Code::Purpose.eq(Purpose::TwoStep.as_str()))
            .filter(Code::ExpiresAt.gt(Utc::now()))
            .one(&self.db)
            .await?;
        Ok(row.map(|r| r.user_id))
    }

    pub(super) async fn reserve(
        &self,
        user_id: Uuid,
        purpose: Purpose,
        challenge_hash: Option<&str>,
        max_attempts: u32,
    ) -> AppResult<Option<Reserved>> {
        let mut update = Query::update();
        update
            .table(otp_code::Entity)
            .value(Code::Attempts, Expr::col(Code::Attempts).add(1))
            .and_where(Code::UserId.eq(user_id))
            .and_where(Code::Purpose.eq(purpose.as_str()))
            .and_where(Code::Attempts.lt(i64::from(max_attempts)))
            .and_where(Code::ExpiresAt.gt(Utc::now()))
            .returning(Query::returning().columns([Code::Id, Code::CodeHash]));
        if let Some(challenge_hash) = challenge_hash {
            update.and_where(Code::ChallengeHash.eq(challenge_hash));
        }
        let Some(row) = self.db.query_one(&update).await? else {
            return Ok(None);
        };
        let id: Uuid = row.try_get("", "id")?;
        Ok(Some(Reserved {
            id: id.to_string(),
            code_hash: row.try_get("", "code_hash")?,
        }))
    }

    /// Points the account's live two-step code at a new challenge (the old one dies); its
    /// expiry, when there is such a code.
    pub(super) async fn rebind_challenge(
        &self,
        user_id: Uuid,
        challenge_hash: &str,
    ) -> AppResult<Option<chrono::DateTime<Utc>>> {
        let mut update = Query::update();
        update
            .table(otp_code::Entity)
            .value(Code::ChallengeHash, challenge_hash)
            .and_where(Code::UserId.eq(user_id))
            .and_where(Code::Purpose.eq(Purpose::TwoStep.as_str()))
            .and_where(Code::ExpiresAt.gt(Utc::now()))
            .returning(Query::returning().columns([Code::ExpiresAt]));
        let Some(row) = self.db.query_one(&update).await? else {
            return Ok(None);
        };
        Ok(Some(row.try_get("", "expires_at")?))
    }

    pub(super) async fn consume(&self, reserved: &Reserved) -> AppResult<bool> {
        let Ok(id) = Uuid::parse_str(&reserved.id) else {
            return Ok(false);
        };
        let result = otp_code::Entity::delete_many()
            .filter(Code::Id.eq(id))
            .exec(&self.db)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// One upsert that counts the send only when the cooldown has passed and the window has
    /// room (a window that is over starts again).
    pub(super) async fn note_send(&self, email_hash: &str, limits: SendLimits) -> AppResult<SendVerdict> {
        let now = Utc::now();
        let window_over = before(now, limits.window);
        let cooled_down = before(now, limits.cooldown);
        let existing = |column: Window| Expr::col((otp_send_window::Entity, column));
        let stale = existing(Window::WindowStartedAt).lte(window_over);
        let row = otp_send_window::ActiveModel {
            email_hash: Set(email_hash.to_string()),
            window_started_at: Set(now),
            sends: Set(1),
            last_sent_at: Set(now),
        };
        let counted = otp_send_window::Entity::insert(row)
            .on_conflict(
                OnConflict::column(Window::EmailHash)
                    .value(
                        Window::Sends,
                        Expr::case(stale.clone(), 1).finally(existing(Window::Sends).add(1)),
                    )
                    .value(
                        Window::WindowStartedAt,
                        Expr::case(stale.clone(), now).finally(existing(Window::WindowStartedAt)),
                    )
                    .value(Window::LastSentAt, Expr::val(now))
                    .action_and_where(
                        existing(Window::LastSentAt)
                            .lte(cooled_down)
                            .and(stale.or(existing(Window::Sends).lt(i64::from(limits.limit)))),
                    )
                    .to_owned(),
            )
            .exec_without_returning(&self.db)
            .await?;
        if counted == 1 {
            return Ok(SendVerdict::Allowed);
        }
        let (retry_after, limit) = otp_send_window::Entity::find_by_id(email_hash)
            .one(&self.db)
            .await?
            .map(|w| {
                let cooldown_ends = after(w.last_sent_at, limits.cooldown);
                let window_ends = after(w.window_started_at, limits.window);
                let full = w.sends >= i32::try_from(limits.limit).unwrap_or(i32::MAX);
                let (until, limit) = if full && window_ends > cooldown_ends {
                    (window_ends, SendLimit::Cap)
                } else {
                    (cooldown_ends, SendLimit::Cooldown)
                };
                ((until - now).to_std().unwrap_or_default(), limit)
            })
            .unwrap_or((std::time::Duration::ZERO, SendLimit::Cooldown));
        Ok(SendVerdict::Refused { retry_after, limit })
    }
}
