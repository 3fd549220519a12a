//! The pending second step of a sign-in: one row per challenge, keyed by its HMAC, shared by
//! every instance. Each try is reserved (an atomic increment under the limit) before its proof
//! is checked, and the challenge is taken by deleting its row, so it completes at most once.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use crate::{entity::mfa_challenge, error::AppResult, services::sessions::AuthMethod};

/// A way to complete a challenge, as the API names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// A passkey assertion.
    Passkey,
    /// An authenticator-app code.
    Totp,
    /// A recovery code.
    RecoveryCode,
    /// A code e-mailed to the account.
    EmailOtp,
}

impl Method {
    /// As stored and in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Passkey => "passkey",
            Self::Totp => "totp",
            Self::RecoveryCode => "recovery_code",
            Self::EmailOtp => "email_otp",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        [Self::Passkey, Self::Totp, Self::RecoveryCode, Self::EmailOtp]
            .into_iter()
            .find(|m| m.as_str() == name)
    }
}

/// A challenge whose try was reserved.
#[derive(Clone, Debug)]
pub struct Reserved {
    /// The account signing in.
    pub user_id: Uuid,
    /// What may complete it.
    pub methods: Vec<Method>,
    /// How the first step was passed.
    pub first_factor: AuthMethod,
    /// The sealed passkey ceremony, when a passkey may complete it.
    pub passkey_state: Option<String>,
}

/// A challenge to store.
pub struct NewChallenge<'a> {
    /// Its keyed hash.
    pub hash: String,
    /// The account signing in.
    pub user_id: Uuid,
    /// What may complete it.
    pub methods: &'a [Method],
    /// How the first step was passed.
    pub first_factor: AuthMethod,
    /// Tries allowed.
    pub max_attempts: u32,
    /// How long it works.
    pub ttl: Duration,
    /// The sealed passkey ceremony, when a passkey may complete it.
    pub passkey_state: Option<String>,
}

/// Stores a new challenge.
pub async fn create(db: &DatabaseConnection, new: NewChallenge<'_>) -> AppResult<()> {
    let now = Utc::now();
    let names: Vec<&str> = new.methods.iter().map(|m| m.as_str()).collect();
    let row = mfa_challenge::ActiveModel {
        hash: Set(new.hash),
        user_id: Set(new.user_id),
        methods: Set(names.join(",")),
        first_factor: Set(new.first_factor.as_str().to_string()),
        attempts: Set(0),
        max_attempts: Set(i32::try_from(new.max_attempts).unwrap_or(i32::MAX)),
        created_at: Set(now),
        expires_at: Set(now + new.ttl),
        passkey_state: Set(new.passkey_state),
    };
    mfa_challenge::Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}

/// Reserves one try of the live challenge stored under `hash`: `None` when it is unknown,
/// expired, taken or out of tries.
pub async fn reserve(db: &DatabaseConnection, hash: &str) -> AppResult<Option<Reserved>> {
    let now = Utc::now();
    let reserved = mfa_challenge::Entity::update_many()
        .col_expr(
            mfa_challenge::Column::Attempts,
            Expr::col(mfa_challenge::Column::Attempts).add(1),
        )
        .filter(mfa_challenge::Column::Hash.eq(hash))
        .filter(mfa_challenge::Column::ExpiresAt.gt(now))
        .filter(Expr::col(mfa_challenge::Column::Attempts).lt(Expr::col(mfa_challenge::Column::MaxAttempts)))
        .exec(db)
        .await?;
    if reserved.rows_affected != 1 {
        return Ok(None);
    }
    let Some(row) = mfa_challenge::Entity::find_by_id(hash).one(db).await? else {
        return Ok(None);
    };
    Ok(Some(Reserved {
        user_id: row.user_id,
        methods: row.methods.split(',').filter_map(Method::from_name).collect(),
        first_factor: AuthMethod::from_name(&row.first_factor).unwrap_or(AuthMethod::Password),
        passkey_state: row.passkey_state,
    }))
}

/// Takes the challenge: `true` for the one caller that deletes it.
pub async fn take(db: &DatabaseConnection, hash: &str) -> AppResult<bool> {
    let deleted = mfa_challenge::Entity::delete_many()
        .filter(mfa_challenge::Column::Hash.eq(hash))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// Removes the account's other pending challenges (a newer sign-in replaces them).
pub async fn remove_for(db: &DatabaseConnection, user_id: Uuid) -> AppResult<()> {
    mfa_challenge::Entity::delete_many()
        .filter(mfa_challenge::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
