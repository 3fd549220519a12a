//! Staff changes to webhook endpoints: made by the webhooks service and audited here, with the
//! staff member as actor (the audit log queues webhooks, so the webhooks service cannot write
//! to it). The staff API and the console both go through here.

use std::time::Duration;

use sea_orm::DatabaseConnection;
use serde_json::json;
use uuid::Uuid;

use crate::{
    entity::webhook_delivery,
    error::AppResult,
    services::{
        audit::{self, AuditEvent},
        webhooks::{
            Webhooks,
            endpoints::{Endpoint, EndpointChange, NewEndpoint},
        },
    },
};

/// Staff changes to webhook endpoints, each audited.
#[derive(Clone)]
pub struct WebhookAdmin {
    db: DatabaseConnection,
    webhooks: Webhooks,
}

impl WebhookAdmin {
    /// The service over the webhooks service.
    pub fn new(db: DatabaseConnection, webhooks: Webhooks) -> Self {
        Self { db, webhooks }
    }

    /// Adds an endpoint; answers it with its secret (shown this once).
    pub async fn create(&self, new: NewEndpoint, actor: Uuid) -> AppResult<(Endpoint, String)> {
        let created = self.webhooks.create(new).await?;
        self.audited("webhook_created", actor, created.0.id, None).await;
        Ok(created)
    }

    /// Changes the fields given.
    pub async fn update(&self, id: Uuid, change: EndpointChange, actor: Uuid) -> AppResult<Endpoint> {
        let updated = self.webhooks.update(id, change).await?;
        self.audited("webhook_updated", actor, id, None).await;
        Ok(updated)
    }

    /// Removes an endpoint and its deliveries.
    pub async fn delete(&self, id: Uuid, actor: Uuid) -> AppResult<()> {
        self.webhooks.delete(id).await?;
        self.audited("webhook_deleted", actor, id, None).await;
        Ok(())
    }

    /// Gives an endpoint a new secret; the current one keeps signing for `overlap`.
    pub async fn rotate(&self, id: Uuid, overlap: Duration, actor: Uuid) -> AppResult<(Endpoint, String)> {
        let rotated = self.webhooks.rotate(id, overlap).await?;
        self.audited("webhook_secret_rotated", actor, id, None).await;
        Ok(rotated)
    }

    /// Queues a `webhook.test` event to an endpoint.
    pub async fn send_test(&self, id: Uuid, actor: Uuid) -> AppResult<webhook_delivery::Model> {
        let delivery = self.webhooks.send_test(id, actor).await?;
        self.audited("webhook_test_sent", actor, id, None).await;
        Ok(delivery)
    }

    /// Queues a dead delivery again.
    pub async fn retry(&self, id: Uuid, delivery_id: Uuid, actor: Uuid) -> AppResult<webhook_delivery::Model> {
        let delivery = self.webhooks.retry(id, delivery_id).await?;
        self.audited("webhook_delivery_retried", actor, id, Some(delivery_id))
            .await;
        Ok(delivery)
    }

    async fn audited(&self, kind: &'static str, actor: Uuid, endpoint: Uuid, delivery: Option<Uuid>) {
        let detail = match delivery {
            Some(delivery) => json!({ "endpoint_id": endpoint, "delivery_id": delivery }),
            None => json!({ "endpoint_id": endpoint }),
        };
        audit::record(&self.db, AuditEvent::new(kind, None).actor(actor).detail(detail)).await;
    }
}
