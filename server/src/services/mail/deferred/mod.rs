//! Work accepted with a `202` and done after the answer: looking an address up and, when it
//! has an account, writing the e-mail for it. Requests for addresses with and without an
//! account then take the same time — one small row written either way — so their timing does
//! not tell which addresses exist.
//!
//! The row is written before the answer (a `202` is a promise: it survives a crash), its
//! address and client sealed under the instance secret. One worker per instance takes the
//! rows in the order they were written, one at a time: two requests answered one after the
//! other are handled in that order, as if inline (a cooldown sees the first one's e-mail). A
//! worker holds a row under a short lease that it renews while it runs ([`super::lease`]); a
//! failed job is retried with backoff, and given up (logged) after [`MAX_ATTEMPTS`].

mod queue;

use std::{
    collections::HashMap,
    future::Future,
    pin::Pin,
    sync::{Arc, RwLock},
    time::Duration,
};

use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;

use self::queue::Queue;
use crate::services::platform::lease::{self, WorkerId};
use crate::{
    error::AppResult,
    services::platform::{
        client::{self, Client},
        email_address::Email,
        secrets::InstanceSecret,
    },
};

/// Runs of one job before it is given up.
pub const MAX_ATTEMPTS: i32 = 8;
/// The longest a job may run; a job still running then counts as failed.
const JOB_TIMEOUT: Duration = Duration::from_secs(60);

/// What a job does with the address it was given.
type Handler = Arc<dyn Fn(Email) -> Pin<Box<dyn Future<Output = AppResult<()>> + Send>> + Send + Sync>;

/// What a job row holds, sealed.
#[derive(Serialize, Deserialize)]
struct Payload {
    email: String,
    key: String,
    request_id: String,
    path: String,
    ip: Option<std::net::IpAddr>,
    user_agent: Option<String>,
}

/// The durable queue of deferred jobs; cheap to clone.
#[derive(Clone)]
pub struct Deferred {
    queue: Queue,
    secret: InstanceSecret,
    handlers: Arc<RwLock<HashMap<&'static str, Handler>>>,
    wake: Arc<Notify>,
}

impl Deferred {
    /// The queue on `db`; payloads are sealed under `secret`. Nothing runs until
    /// [`Deferred::work_forever`] is spawned.
    pub fn new(db: DatabaseConnection, secret: InstanceSecret) -> Self {
        Self {
            queue: Queue::new(db),
            secret,
            handlers: Arc::default(),
            wake: Arc::default(),
        }
    }

    /// Registers what jobs of `kind` do (at start, before serving): `run(service, address)`.
    pub fn handle<S, F, Fut>(&self, kind: &'static str, service: S, run: F)
    where
        S: Clone + Send + Sync + 'static,
        F: Fn(S, Email) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = AppResult<()>> + Send + 'static,
    {
        let handler: Handler = Arc::new(move |email| Box::pin(run(service.clone(), email)));
        let mut handlers = self.handlers.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        handlers.insert(kind, handler);
    }

    /// Writes a job of `kind` for `email` (and the current client, for the audit log), then
    /// wakes this instance's worker. Once this returns, the job will run, crash or not.
    pub async fn submit(&self, kind: &'static str, email: &Email) -> AppResult<()> {
        let client = client::current().unwrap_or_default();
        let payload = Payload {
            email: email.display.clone(),
            key: email.key.clone(),
            request_id: client.request_id.clone(),
            path: client.path.clone(),
            ip: client.ip,
            user_agent: client.user_agent.clone(),
        };
        let plain = serde_json::to_vec(&payload).map_err(anyhow::Error::from)?;
        self.queue
            .insert(kind, |id| self.secret.seal(id.as_bytes(), &plain))
            .await?;
        self.wake.notify_one();
        Ok(())
    }

    /// Runs jobs until the task is dropped: woken by each submission on this instance, and
    /// every `poll` for retries and rows that other instances left behind.
    pub async fn work_forever(self, worker: WorkerId, poll: Duration) {
        loop {
            match self.queue.claim(&worker).await {
                Ok(Some(job)) => {
                    self.run(&worker, job).await;
                    continue;
                }
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "claiming a deferred job failed"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(poll) => {}
            }
        }
    }

    async fn run(&self, worker: &WorkerId, job: crate::entity::deferred_job::Model) {
        let outcome = self.execute(&job).await;
        match outcome {
            Ok(()) => {
                lease::record_outcome("deferred job done", job.id, || self.queue.finish(worker, job.id)).await;
            }
            Err(e) if job.attempts >= MAX_ATTEMPTS => {
                tracing::error!(id = %job.id, kind = job.kind, attempts = job.attempts, error = %e, "deferred job given up");
                lease::record_outcome("deferred job given up", job.id, || self.queue.finish(worker, job.id)).await;
            }
            Err(e) => {
                tracing::warn!(id = %job.id, kind = job.kind, attempt = job.attempts, error = %e, "deferred job failed; it will be retried");
                let error = format!("{e:#}");
                let record = || self.queue.retry_later(worker, &job, &error);
                lease::record_outcome("deferred job to retry", job.id, record).await;
            }
        }
    }

    async fn execute(&self, job: &crate::entity::deferred_job::Model) -> anyhow::Result<()> {
        let handler = {
            let handlers = self.handlers.read().unwrap_or_else(|poisoned| poisoned.into_inner());
            handlers.get(job.kind.as_str()).cloned()
        };
        let handler = handler.ok_or_else(|| anyhow::anyhow!("no handler for jobs of kind {}", job.kind))?;
        let plain = self.secret.open(job.id.as_bytes(), &job.payload)?;
        let payload: Payload = serde_json::from_slice(&plain)?;
        let email = Email {
            display: payload.email,
            key: payload.key,
        };
        let client = Arc::new(Client {
            request_id: payload.request_id,
            path: payload.path,
            ip: payload.ip,
            user_agent: payload.user_agent,
        });
        // Its own task: a panicking job fails alone and cannot stop the worker.
        let task = tokio::spawn(client::scope(client, handler(email)));
        match tokio::time::timeout(JOB_TIMEOUT, task).await {
            Ok(Ok(Ok(()))) => Ok(()),
            Ok(Ok(Err(e))) => Err(e.into_cause()),
            Ok(Err(join)) => Err(anyhow::anyhow!("the job panicked: {join}")),
            Err(_) => Err(anyhow::anyhow!("the job ran for more than {} s", JOB_TIMEOUT.as_secs())),
        }
    }
}
