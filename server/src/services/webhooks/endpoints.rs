//! The endpoints staff register: URL checked against the address rules, signing secret
//! generated here, shown once, and stored sealed under the instance secret; rotation keeps the
//! previous secret signing for an overlap.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DbBackend, EntityTrait, IntoActiveModel, QueryOrder,
    QuerySelect,
};
use serde_json::Map;
use uuid::Uuid;

use super::{
    Webhooks, deliveries,
    events::{self, EventType},
    sender, signing,
};
use crate::{
    entity::{webhook_delivery, webhook_endpoint},
    error::{AppError, AppResult, FieldError},
    services::platform::pagination::{Page, PageRequest},
};

/// An endpoint as staff see it (never its secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub id: Uuid,
    pub url: String,
    pub description: String,
    pub events: Vec<EventType>,
    pub enabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Until when the secret before the last rotation still signs.
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
}

impl From<webhook_endpoint::Model> for Endpoint {
    fn from(row: webhook_endpoint::Model) -> Self {
        let now = Utc::now();
        Self {
            id: row.id,
            url: row.url,
            description: row.description,
            events: events::decode(&row.events),
            enabled: row.enabled,
            created_at: row.created_at,
            updated_at: row.updated_at,
            previous_secret_expires_at: row.previous_secret_expires_at.filter(|at| *at > now),
        }
    }
}

/// A new endpoint.
#[derive(Clone, Debug)]
pub struct NewEndpoint {
    pub url: String,
    pub events: Vec<EventType>,
    pub description: String,
    pub enabled: bool,
}

/// The fields of an endpoint to change; `None` keeps one as it is.
#[derive(Clone, Debug, Default)]
pub struct EndpointChange {
    pub url: Option<String>,
    pub events: Option<Vec<EventType>>,
    pub description: Option<String>,
    pub enabled: Option<bool>,
}

/// The longest URL stored (the column's size).
const MAX_URL_CHARS: usize = 2000;

/// The sealing context of an endpoint's secret: a sealed secret opens only as its own.
fn context(id: Uuid) -> Vec<u8> {
    [b"webhook-secret:".as_slice(), id.as_bytes()].concat()
}

impl Webhooks {
    /// Every endpoint, oldest first.
    pub async fn endpoints(&self) -> AppResult<Vec<Endpoint>> {
        let rows = webhook_endpoint::Entity::find()
            .order_by_asc(webhook_endpoint::Column::CreatedAt)
            .order_by_asc(webhook_endpoint::Column::Id)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(Endpoint::from).collect())
    }

    /// One endpoint.
    pub async fn endpoint(&self, id: Uuid) -> AppResult<Endpoint> {
        Ok(self.row(id).await?.into())
    }

    async fn row(&self, id: Uuid) -> AppResult<webhook_endpoint::Model> {
        webhook_endpoint::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// `url` checked as an endpoint's, as stored (normalised: percent-encoded, so it may grow).
    fn checked_url(&self, url: &str) -> AppResult<String> {
        let refused =
            |message: String| AppError::Validation(vec![FieldError::new("url", "webhook_url_not_allowed", message)]);
        let url = sender::check_url(url, self.allow_private)
            .map(|parsed| parsed.to_string())
            .map_err(|e| refused(format!("{e}.")))?;
        if url.chars().count() > MAX_URL_CHARS {
            return Err(refused(format!(
                "the URL is longer than {MAX_URL_CHARS} characters once encoded."
            )));
        }
        Ok(url)
    }

    /// Adds an endpoint; answers it with its secret (the only time it is shown).
    pub async fn create(&self, new: NewEndpoint) -> AppResult<(Endpoint, String)> {
        let url = self.checked_url(&new.url)?;
        let id = Uuid::now_v7();
        let secret = signing::new_secret();
        let now = Utc::now();
        let row = webhook_endpoint::Model {
            id,
            url,
            description: new.description.trim().to_string(),
            events: events::encode(&new.events),
            enabled: new.enabled,
            secret_sealed: self.secret.seal(&context(id), secret.as_bytes())?,
            previous_secret_sealed: None,
            previous_secret_expires_at: None,
            created_at: now,
            updated_at: now,
        };
        webhook_endpoint::Entity::insert(row.clone().into_active_model())
            .exec_without_returning(&self.db)
            .await?;
        Ok((row.into(), secret))
    }

    /// Changes the fields given.
    pub async fn update(&self, id: Uuid, change: EndpointChange) -> AppResult<Endpoint> {
        let url = change.url.as_deref().map(|url| self.checked_url(url)).transpose()?;
        let mut row = self.row(id).await?.into_active_model();
        if let Some(url) = url {
            row.url = Set(url);
        }
        if let Some(events) = change.events {
            row.events = Set(events::encode(&events));
        }
        if let Some(description) = change.description {
            row.description = Set(description.trim().to_string());
        }
        if let Some(enabled) = change.enabled {
            row.enabled = Set(enabled);
        }
        row.updated_at = Set(Utc::now());
        Ok(row.update(&self.db).await?.into())
    }

    /// Removes an endpoint and its deliveries.
    pub async fn delete(&self, id: Uuid) -> AppResult<()> {
        let removed = webhook_endpoint::Entity::delete_by_id(id).exec(&self.db).await?;
        if removed.rows_affected == 0 {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// Gives an endpoint a new secret; the current one keeps signing for `overlap`.
    pub async fn rotate(&self, id: Uuid, overlap: Duration) -> AppResult<(Endpoint, String)> {
        let secret = signing::new_secret();
        let sealed = self.secret.seal(&context(id), secret.as_bytes())?;
        let now = Utc::now();
        // Read and written under the row's write lock (IMMEDIATE on SQLite, FOR UPDATE on
        // PostgreSQL): of two rotations at once, the second sees the first's secret as the
        // previous one, so no issued secret is skipped.
        let updated = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let query = webhook_endpoint::Entity::find_by_id(id);
                let query = if txn.get_database_backend() == DbBackend::Postgres {
                    query.lock_exclusive()
                } else {
                    query
                };
                let current = query.one(txn).await?.ok_or(AppError::NotFound)?;
                let previous = current.secret_sealed.clone();
                let mut row = current.into_active_model();
                row.secret_sealed = Set(sealed);
                if overlap.is_zero() {
                    row.previous_secret_sealed = Set(None);
                    row.previous_secret_expires_at = Set(None);
                } else {
                    let until = now + chrono::Duration::from_std(overlap).unwrap_or_default();
                    row.previous_secret_sealed = Set(Some(previous));
                    row.previous_secret_expires_at = Set(Some(until));
                }
                row.updated_at = Set(now);
                Ok(row.update(txn).await?)
            })
        })
        .await?;
        Ok((updated.into(), secret))
    }

    /// The secrets deliveries to `endpoint` are signed with now: the current one, and the
    /// previous one during a rotation's overlap.
    pub(super) fn signing_secrets(&self, endpoint: &webhook_endpoint::Model) -> anyhow::Result<Vec<String>> {
        let mut secrets = vec![open(
            &self.secret.open(&context(endpoint.id), &endpoint.secret_sealed)?,
        )?];
        let overlapping = endpoint.previous_secret_expires_at.is_some_and(|at| at > Utc::now());
        if let (Some(previous), true) = (&endpoint.previous_secret_sealed, overlapping) {
            secrets.push(open(&self.secret.open(&context(endpoint.id), previous)?)?);
        }
        Ok(secrets)
    }

    /// Queues a `webhook.test` event to an endpoint, whatever it subscribes to.
    pub async fn send_test(&self, id: Uuid, actor: Uuid) -> AppResult<webhook_delivery::Model> {
        let endpoint = self.row(id).await?;
        let mut data = Map::new();
        data.insert("endpoint_id".into(), serde_json::json!(endpoint.id));
        data.insert("actor_id".into(), serde_json::json!(actor));
        let body = events::payload(EventType::Test, data);
        let delivery = events::queue(&self.db, endpoint.id, None, EventType::Test, &body).await?;
        deliveries::wake();
        Ok(delivery)
    }

    /// A page of an endpoint's deliveries, newest first.
    pub async fn deliveries(
        &self,
        id: Uuid,
        status: Option<&str>,
        page: PageRequest,
    ) -> AppResult<Page<webhook_delivery::Model>> {
        self.row(id).await?;
        deliveries::list(&self.db, id, status, page).await
    }

    /// Queues a dead delivery again.
    pub async fn retry(&self, id: Uuid, delivery_id: Uuid) -> AppResult<webhook_delivery::Model> {
        self.row(id).await?;
        deliveries::retry(&self.db, id, delivery_id).await
    }
}

fn open(bytes: &[u8]) -> anyhow::Result<String> {
    Ok(String::from_utf8(bytes.to_vec())?)
}
