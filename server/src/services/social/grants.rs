//! The single-use values of a flow in the database, so that any instance can finish what
//! another started: stored under a keyed hash of the value, the payload sealed under
//! `SECRET_KEY`, and taken at most once (the row is deleted by whoever takes it).

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, SqlErr};
use serde::{Serialize, de::DeserializeOwned};

use crate::{entity::social_grant, error::AppResult, services::platform::secrets::InstanceSecret};

/// What a grant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GrantKind {
    /// The `state` of a redirect flow (10 minutes).
    State,
    /// The one-time code handed to the frontend (60 seconds).
    Code,
    /// The nonce of an id_token sign-in, spent (until the token expires).
    Nonce,
}

impl GrantKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::State => "state",
            Self::Code => "code",
            Self::Nonce => "nonce",
        }
    }
}

/// The grant store; cheap to clone.
#[derive(Clone)]
pub struct Grants {
    db: DatabaseConnection,
    secret: InstanceSecret,
}

impl Grants {
    /// The store.
    pub fn new(db: DatabaseConnection, secret: InstanceSecret) -> Self {
        Self { db, secret }
    }

    fn hash(&self, kind: GrantKind, value: &str) -> String {
        self.secret.token_hash(&format!("social-{}:{value}", kind.as_str()))
    }

    /// Stores `payload` under `value` for `ttl`. `false` when `value` is already stored (a
    /// nonce used before).
    pub async fn put<T: Serialize>(&self, kind: GrantKind, value: &str, payload: &T, ttl: Duration) -> AppResult<bool> {
        let hash = self.hash(kind, value);
        let json = serde_json::to_vec(payload).map_err(anyhow::Error::from)?;
        let sealed = self.secret.seal(hash.as_bytes(), &json)?;
        let now = Utc::now();
        let row = social_grant::ActiveModel {
            hash: Set(hash),
            kind: Set(kind.as_str().to_string()),
            payload: Set(sealed),
            created_at: Set(now),
            expires_at: Set(now + ttl),
        };
        match social_grant::Entity::insert(row).exec_without_returning(&self.db).await {
            Ok(_) => Ok(true),
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Takes the grant stored under `value`: `None` when unknown, expired, or taken already
    /// (by this or another instance, even at the same moment).
    pub async fn take<T: DeserializeOwned>(&self, kind: GrantKind, value: &str) -> AppResult<Option<T>> {
        let hash = self.hash(kind, value);
        let Some(row) = social_grant::Entity::find_by_id(hash.clone()).one(&self.db).await? else {
            return Ok(None);
        };
        let deleted = social_grant::Entity::delete_many()
            .filter(social_grant::Column::Hash.eq(hash.as_str()))
            .exec(&self.db)
            .await?;
        if deleted.rows_affected != 1 || row.kind != kind.as_str() || row.expires_at <= Utc::now() {
            return Ok(None);
        }
        let json = self.secret.open(hash.as_bytes(), &row.payload)?;
        Ok(Some(serde_json::from_slice(&json).map_err(anyhow::Error::from)?))
    }
}
