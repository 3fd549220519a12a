//! The single-use values of a flow in the database (the `state` of a social sign-in, a
//! passkey ceremony…), so that any instance can finish what another started: stored under a
//! keyed hash of the kind and the value, the payload sealed under `SECRET_KEY`, and taken at
//! most once (the row is deleted by whoever takes it).

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, SqlErr};
use serde::{Serialize, de::DeserializeOwned};

use crate::{entity::flow_grant, error::AppResult, services::platform::secrets::InstanceSecret};

/// What a grant is: a short name, stored with it (at most 16 characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GrantKind(&'static str);

impl GrantKind {
    /// A kind named `name`.
    pub const fn new(name: &'static str) -> Self {
        assert!(name.len() <= 16, "a grant kind has at most 16 characters");
        Self(name)
    }

    /// Its name, as stored.
    pub fn as_str(self) -> &'static str {
        self.0
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
        self.secret.token_hash(&format!("grant-{}:{value}", kind.as_str()))
    }

    /// Stores `payload` under `value` for `ttl`. `false` when `value` is already stored (a
    /// nonce used before).
    pub async fn put<T: Serialize>(&self, kind: GrantKind, value: &str, payload: &T, ttl: Duration) -> AppResult<bool> {
        let hash = self.hash(kind, value);
        let json = serde_json::to_vec(payload).map_err(anyhow::Error::from)?;
        let sealed = self.secret.seal(hash.as_bytes(), &json)?;
        let now = Utc::now();
        let row = flow_grant::ActiveModel {
            hash: Set(hash),
            kind: Set(kind.as_str().to_string()),
            payload: Set(sealed),
            created_at: Set(now),
            expires_at: Set(now + ttl),
        };
        match flow_grant::Entity::insert(row).exec_without_returning(&self.db).await {
            Ok(_) => Ok(true),
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Takes the grant stored under `value`: `None` when unknown, expired, or taken already
    /// (by this or another instance, even at the same moment).
    pub async fn take<T: DeserializeOwned>(&self, kind: GrantKind, value: &str) -> AppResult<Option<T>> {
        let hash = self.hash(kind, value);
        let Some(row) = flow_grant::Entity::find_by_id(hash.clone()).one(&self.db).await? else {
            return Ok(None);
        };
        let deleted = flow_grant::Entity::delete_many()
            .filter(flow_grant::Column::Hash.eq(hash.as_str()))
            .exec(&self.db)
            .await?;
        if deleted.rows_affected != 1 || row.kind != kind.as_str() || row.expires_at <= Utc::now() {
            return Ok(None);
        }
        let json = self.secret.open(hash.as_bytes(), &row.payload)?;
        Ok(Some(serde_json::from_slice(&json).map_err(anyhow::Error::from)?))
    }
}
