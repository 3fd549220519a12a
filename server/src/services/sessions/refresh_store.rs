//! Storage for refresh-token rotation: the lookup of a presented token with its session and
//! user in one query, and the atomic "spend the parent, insert the child, touch the session".

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, FromQueryResult, QueryFilter, Statement,
    sea_query::{Alias, Expr, ExprTrait, Func, Query},
};
use uuid::Uuid;

use super::authentication::Authentication;
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
    /// How the session was authenticated (`amr` column).
    pub session_amr: String,
    /// Its latest authentication.
    pub session_auth_time: DateTime<Utc>,
}

impl RefreshLookup {
    /// How the session was authenticated, for the tokens it is issued.
    pub fn authentication(&self) -> Authentication {
        Authentication::from_row(&self.session_amr, Some(self.session_auth_time), self.session_auth_time)
    }

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
        .expr_as(Expr::col((sessions, S::Amr)), Alias::new("session_amr"))
        .expr_as(
            Func::coalesce([Expr::col((sessions, S::AuthTime)), Expr::col((sessions, S::CreatedAt))]),
            Alias::new("session_auth_time"),
        )
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

/// A rotation to apply to the token presented.
#[derive(Debug, Clone)]
pub struct Rotation {
    /// The presented token's keyed hash.
    pub presented_hash: String,
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

/// What became of a presented token.
#[derive(Debug, Clone)]
pub enum Rotated {
    /// No such token, or it, its session or its user is no longer usable.
    Unusable,
    /// The token was live and unspent: it is spent now and its child stored.
    Done(RefreshLookup),
    /// The token was live but already spent (by an earlier request or a concurrent one:
    /// exactly one rotation wins): a replay, within the grace window or not.
    AlreadySpent(RefreshLookup),
}

/// Finds the presented token and, when it is live, spends it and inserts its child
/// atomically.
pub async fn rotate(db: &DatabaseConnection, rotation: Rotation) -> Result<Rotated, DbErr> {
    match db.get_database_backend() {
        DbBackend::Postgres => rotate_in_one_statement(db, rotation).await,
        _ => rotate_in_a_transaction(db, rotation).await,
    }
}

// One round trip and one commit for the whole refresh: the lookup, its liveness check, and the
// rotation. The UPDATE's row lock serialises concurrent rotations of one token, and a loser's
// re-checked `rotated_at IS NULL` makes it insert nothing. Every data-modifying CTE runs to
// completion whether or not the final SELECT reads it. The bench runs this very file through
// pgbench (scripts/bench/ceilings.sh) as the ceiling of refresh.
const ROTATE_POSTGRES: &str = include_str!("rotate_postgres.sql");

#[derive(FromQueryResult)]
struct RotatedRow {
    token_id: Uuid,
    token_expires_at: DateTime<Utc>,
    session_id: Uuid,
    user_id: Uuid,
    session_revoked_at: Option<DateTime<Utc>>,
    session_expires_at: DateTime<Utc>,
    user_is_active: bool,
    user_deleted_at: Option<DateTime<Utc>>,
    session_amr: String,
    session_auth_time: DateTime<Utc>,
    rotated: i64,
}

async fn rotate_in_one_statement(db: &DatabaseConnection, r: Rotation) -> Result<Rotated, DbErr> {
    let statement = Statement::from_sql_and_values(
        DbBackend::Postgres,
        ROTATE_POSTGRES,
        [
            r.presented_hash.into(),
            r.now.into(),
            r.child_id.into(),
            r.child_hash.into(),
            r.expires_at.into(),
            r.ip.into(),
        ],
    );
    let Some(row) = RotatedRow::find_by_statement(statement).one(db).await? else {
        return Ok(Rotated::Unusable);
    };
    let lookup = RefreshLookup {
        token_id: row.token_id,
        token_expires_at: row.token_expires_at,
        session_id: row.session_id,
        user_id: row.user_id,
        session_revoked_at: row.session_revoked_at,
        session_expires_at: row.session_expires_at,
        user_is_active: row.user_is_active,
        user_deleted_at: row.user_deleted_at,
        session_amr: row.session_amr,
        session_auth_time: row.session_auth_time,
    };
    Ok(if row.rotated == 1 {
        Rotated::Done(lookup)
    } else if lookup.is_live(r.now) {
        Rotated::AlreadySpent(lookup)
    } else {
        Rotated::Unusable
    })
}

// SQLite: the lookup, then a transaction whose conditional UPDATE decides which of several
// concurrent refreshes wins.
async fn rotate_in_a_transaction(db: &DatabaseConnection, r: Rotation) -> Result<Rotated, DbErr> {
    let Some(current) = find(db, &r.presented_hash).await?.filter(|c| c.is_live(r.now)) else {
        return Ok(Rotated::Unusable);
    };
    let (parent_id, session_id) = (current.token_id, current.session_id);
    let rotated = crate::db::write_transaction::<_, DbErr, _>(db, |txn| {
        Box::pin(async move {
            let spent = refresh_token::Entity::update_many()
                .col_expr(refresh_token::Column::RotatedAt, Expr::value(r.now))
                .filter(refresh_token::Column::Id.eq(parent_id))
                .filter(refresh_token::Column::RotatedAt.is_null())
                .exec(txn)
                .await?;
            if spent.rows_affected != 1 {
                return Ok(false);
            }
            let child = token_row(
                r.child_id,
                session_id,
                r.child_hash,
                Some(parent_id),
                r.now,
                r.expires_at,
            );
            refresh_token::Entity::insert(child).exec_without_returning(txn).await?;
            session::Entity::update_many()
                .col_expr(session::Column::LastUsedAt, Expr::value(r.now))
                .col_expr(session::Column::ExpiresAt, Expr::value(r.expires_at))
                .col_expr(session::Column::Ip, Expr::value(r.ip))
                .filter(session::Column::Id.eq(session_id))
                .exec(txn)
                .await?;
            Ok(true)
        })
    })
    .await?;
    Ok(if rotated {
        Rotated::Done(current)
    } else {
        Rotated::AlreadySpent(current)
    })
}
