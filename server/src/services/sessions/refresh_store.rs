//! Storage for refresh-token rotation: the lookup of a presented token with its session and
//! user in one query, and the atomic "spend the parent, insert the child, touch the session".

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, FromQueryResult, QueryFilter,
    Statement,
    sea_query::{Alias, Expr, ExprTrait, Query},
};
use uuid::Uuid;

use crate::entity::{refresh_token, session, user};

/// A presented refresh token with what decides whether it may be used.
#[derive(Debug, Clone, FromQueryResult)]
pub struct RefreshLookup {
    /// The token's row.
    pub token_id: Uuid,
    /// When the token itself expires.
    pub token_expires_at: DateTime<Utc>,
    /// Its session.
    pub session_id: Uuid,
    /// The session's owner.
    pub user_id: Uuid,
    /// Set once the session was revoked.
    pub session_revoked_at: Option<DateTime<Utc>>,
    /// When the session ends.
    pub session_expires_at: DateTime<Utc>,
    /// The owner can sign in.
    pub user_is_active: bool,
    /// Set once the owner was deleted.
    pub user_deleted_at: Option<DateTime<Utc>>,
}

impl RefreshLookup {
    /// The token, its session and its user are all usable at `now`.
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        self.token_expires_at > now
            && self.session_revoked_at.is_none()
            && self.session_expires_at > now
            && self.user_is_active
            && self.user_deleted_at.is_none()
    }
}

/// Finds a token by its keyed hash, joined with its session and user.
pub async fn find(db: &DatabaseConnection, token_hash: &str) -> Result<Option<RefreshLookup>, DbErr> {
    use refresh_token::Column as T;
    use session::Column as S;
    use user::Column as U;
    let (tokens, sessions, users) = (refresh_token::Entity, session::Entity, user::Entity);
    let query = Query::select()
        .expr_as(Expr::col((tokens, T::Id)), Alias::new("token_id"))
        .expr_as(Expr::col((tokens, T::ExpiresAt)), Alias::new("token_expires_at"))
        .expr_as(Expr::col((sessions, S::Id)), Alias::new("session_id"))
        .expr_as(Expr::col((sessions, S::UserId)), Alias::new("user_id"))
        .expr_as(Expr::col((sessions, S::RevokedAt)), Alias::new("session_revoked_at"))
        .expr_as(Expr::col((sessions, S::ExpiresAt)), Alias::new("session_expires_at"))
        .expr_as(Expr::col((users, U::IsActive)), Alias::new("user_is_active"))
        .expr_as(Expr::col((users, U::DeletedAt)), Alias::new("user_deleted_at"))
        .from(tokens)
        .inner_join(sessions, Expr::col((sessions, S::Id)).equals((tokens, T::SessionId)))
        .inner_join(users, Expr::col((users, U::Id)).equals((sessions, S::UserId)))
        .and_where(Expr::col((tokens, T::TokenHash)).eq(token_hash))
        .to_owned();
    RefreshLookup::find_by_statement(db.get_database_backend().build(&query))
        .one(db)
        .await
}

/// A new, unspent token's row.
pub fn token_row(
    id: Uuid,
    session_id: Uuid,
    token_hash: String,
    parent_id: Option<Uuid>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> refresh_token::ActiveModel {
    refresh_token::ActiveModel {
        id: Set(id),
        session_id: Set(session_id),
        token_hash: Set(token_hash),
        parent_id: Set(parent_id),
        created_at: Set(created_at),
        expires_at: Set(expires_at),
        rotated_at: Set(None),
    }
}

/// A rotation to apply.
#[derive(Debug, Clone)]
pub struct Rotation {
    /// The token being spent.
    pub parent_id: Uuid,
    /// Its session.
    pub session_id: Uuid,
    /// The new token's row id.
    pub child_id: Uuid,
    /// The new token's keyed hash.
    pub child_hash: String,
    /// When the new token (and so the session) expires.
    pub expires_at: DateTime<Utc>,
    /// Now.
    pub now: DateTime<Utc>,
    /// The client's address, recorded on the session.
    pub ip: Option<String>,
}

/// Spends the parent and inserts the child atomically; false when the parent was already
/// spent (by an earlier request or a concurrent one: exactly one rotation wins).
pub async fn rotate(db: &DatabaseConnection, rotation: Rotation) -> Result<bool, DbErr> {
    match db.get_database_backend() {
        DbBackend::Postgres => rotate_in_one_statement(db, rotation).await,
        _ => rotate_in_a_transaction(db, rotation).await,
    }
}

// One round trip and one commit: the UPDATE's row lock serialises concurrent rotations of
// one token, and a loser's re-checked `rotated_at IS NULL` makes it insert nothing. Every
// data-modifying CTE runs to completion whether or not the final SELECT reads it.
const ROTATE_POSTGRES: &str = "\
WITH spent AS (
    UPDATE refresh_tokens SET rotated_at = $1 WHERE id = $2 AND rotated_at IS NULL RETURNING session_id
), child AS (
    INSERT INTO refresh_tokens (id, session_id, token_hash, parent_id, created_at, expires_at, rotated_at)
    SELECT $3, session_id, $4, $2, $1, $5, NULL FROM spent RETURNING id
), touched AS (
    UPDATE sessions SET last_used_at = $1, expires_at = $5, ip = $6
    WHERE id = $7 AND EXISTS (SELECT 1 FROM spent)
)
SELECT count(*) AS rotated FROM child";

async fn rotate_in_one_statement(db: &DatabaseConnection, r: Rotation) -> Result<bool, DbErr> {
    let statement = Statement::from_sql_and_values(
        DbBackend::Postgres,
        ROTATE_POSTGRES,
        [
            r.now.into(),
            r.parent_id.into(),
            r.child_id.into(),
            r.child_hash.into(),
            r.expires_at.into(),
            r.ip.into(),
            r.session_id.into(),
        ],
    );
    let row = db.query_one_raw(statement).await?;
    let rotated: i64 = match row {
        Some(row) => row.try_get("", "rotated")?,
        None => 0,
    };
    Ok(rotated == 1)
}

// SQLite: the conditional UPDATE decides which of several concurrent refreshes wins.
async fn rotate_in_a_transaction(db: &DatabaseConnection, r: Rotation) -> Result<bool, DbErr> {
    crate::db::write_transaction::<_, DbErr, _>(db, |txn| {
        Box::pin(async move {
            let spent = refresh_token::Entity::update_many()
                .col_expr(refresh_token::Column::RotatedAt, Expr::value(r.now))
                .filter(refresh_token::Column::Id.eq(r.parent_id))
                .filter(refresh_token::Column::RotatedAt.is_null())
                .exec(txn)
                .await?;
            if spent.rows_affected != 1 {
                return Ok(false);
            }
            let child = token_row(
                r.child_id,
                r.session_id,
                r.child_hash,
                Some(r.parent_id),
                r.now,
                r.expires_at,
            );
            refresh_token::Entity::insert(child).exec_without_returning(txn).await?;
            session::Entity::update_many()
                .col_expr(session::Column::LastUsedAt, Expr::value(r.now))
                .col_expr(session::Column::ExpiresAt, Expr::value(r.expires_at))
                .col_expr(session::Column::Ip, Expr::value(r.ip))
                .filter(session::Column::Id.eq(r.session_id))
                .exec(txn)
                .await?;
            Ok(true)
        })
    })
    .await
}
