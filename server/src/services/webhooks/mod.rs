//! Webhooks: account events sent to the endpoints staff register, durably and at least once.
//!
//! An event is queued where the audit log records it ([`events::fan_out`], called by
//! [`crate::services::audit::record`] on the same connection — inside the change's transaction
//! where the change records its event there), as one delivery per subscribed endpoint; a
//! worker claims deliveries under a lease, posts them signed per Standard Webhooks
//! ([`signing`]) through a client that refuses non-public addresses ([`sender`]), and retries
//! with backoff until `WEBHOOK_MAX_ATTEMPTS`, after which a delivery is dead and staff may
//! retry it. This domain uses only the platform: the audit log sits above it.

pub mod deliveries;
pub mod endpoints;
pub mod events;
pub mod sender;
pub mod signing;

use std::time::Duration;

use bytes::Bytes;
use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait};

use self::{
    deliveries::{Backoff, DEAD},
    sender::{Outcome, Sender},
};
use crate::{
    config::WebhookSettings,
    entity::{webhook_delivery, webhook_endpoint},
    services::platform::{
        lease::{self, WorkerId},
        metrics,
        secrets::InstanceSecret,
    },
};

/// The webhooks service: endpoints and their deliveries.
#[derive(Clone)]
pub struct Webhooks {
    db: DatabaseConnection,
    secret: InstanceSecret,
    sender: Sender,
    backoff: Backoff,
    allow_private: bool,
}

impl Webhooks {
    /// The service on `db`; secrets are sealed under `secret`.
    pub fn new(db: DatabaseConnection, secret: InstanceSecret, settings: &WebhookSettings) -> Self {
        Self {
            db,
            secret,
            sender: Sender::new(settings.timeout, settings.allow_private),
            backoff: Backoff {
                first_delay: settings.retry_delay,
                max_attempts: settings.max_attempts,
            },
            allow_private: settings.allow_private,
        }
    }

    /// Delivers until the task is dropped: woken when this process queues a delivery, and
    /// every `poll` for retries and deliveries other instances queued.
    pub async fn work_forever(self, worker: WorkerId, poll: Duration) {
        loop {
            match deliveries::claim(&self.db, &worker).await {
                Ok(batch) if !batch.is_empty() => {
                    let attempts = batch.into_iter().map(|delivery| self.attempt(&worker, delivery));
                    futures_util::future::join_all(attempts).await;
                    continue;
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "claiming webhook deliveries failed"),
            }
            tokio::select! {
                _ = deliveries::woken() => {}
                _ = tokio::time::sleep(poll) => {}
            }
        }
    }

    /// One attempt of a claimed delivery, and its outcome recorded.
    async fn attempt(&self, worker: &WorkerId, delivery: webhook_delivery::Model) {
        let event = events::EventType::parse(&delivery.event_type).map_or("unknown", |e| e.as_str());
        let endpoint = match webhook_endpoint::Entity::find_by_id(delivery.endpoint_id)
            .one(&self.db)
            .await
        {
            Ok(Some(endpoint)) => endpoint,
            // Removed meanwhile: its deliveries went with it.
            Ok(None) => return,
            Err(e) => {
                self.record_failure(worker, &delivery, event, None, &format!("reading the endpoint: {e}"))
                    .await;
                return;
            }
        };
        let outcome = match self.signing_secrets(&endpoint) {
            Ok(secrets) => {
                let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
                let id = signing::message_id(delivery.id);
                let timestamp = Utc::now().timestamp();
                match signing::signature_header(&secrets, &id, timestamp, delivery.payload.as_bytes()) {
                    Ok(signature) => {
                        let body = Bytes::from(delivery.payload.clone());
                        self.sender.post(&endpoint.url, &id, timestamp, &signature, body).await
                    }
                    Err(e) => Outcome::Failed(format!("signing failed: {e:#}")),
                }
            }
            // A secret that does not open: sealed under another instance secret.
            Err(e) => Outcome::Failed(format!("the endpoint's secret cannot be opened: {e:#}")),
        };
        match outcome {
            Outcome::Delivered(status) => {
                metrics::webhook(event, "delivered");
                tracing::debug!(id = %delivery.id, event, attempt = delivery.attempts, "webhook delivered");
                lease::record_outcome("webhook delivered", delivery.id, || {
                    deliveries::mark_delivered(&self.db, worker, &delivery, status.as_u16())
                })
                .await;
            }
            Outcome::Refused(status, body) => {
                let error = format!("answered {status}: {body}");
                self.record_failure(worker, &delivery, event, Some(status.as_u16()), &error)
                    .await;
            }
            Outcome::Failed(error) => self.record_failure(worker, &delivery, event, None, &error).await,
        }
    }

    async fn record_failure(
        &self,
        worker: &WorkerId,
        delivery: &webhook_delivery::Model,
        event: &'static str,
        status: Option<u16>,
        error: &str,
    ) {
        let record = || deliveries::mark_failed(&self.db, worker, delivery, status, error, self.backoff);
        if let Some(outcome) = lease::record_outcome("webhook delivery failed", delivery.id, record).await {
            if outcome == DEAD {
                metrics::webhook(event, "dead");
                tracing::warn!(id = %delivery.id, event, attempts = delivery.attempts, error, "webhook delivery dead");
            } else {
                metrics::webhook(event, "retry");
                tracing::info!(id = %delivery.id, event, attempt = delivery.attempts, error, "webhook delivery failed; it will be retried");
            }
        }
    }
}
