//! Work done after the request has been answered: looking an address up and, when it has an
//! account, writing the e-mail for it. Requests for addresses with and without an account then
//! take the same time, so their timing does not tell which addresses exist.
//!
//! One worker per instance runs the jobs in the order they were queued, one at a time: two
//! requests answered one after the other are handled in that order, as if inline (a cooldown
//! sees the first one's e-mail). The queue is bounded; when it is full, a request waits for a
//! free slot, whatever its address.

use std::{future::Future, pin::Pin};

use tokio::sync::mpsc;

use crate::{error::AppResult, services::platform::client};

/// How many jobs may wait; beyond that, requests wait for the worker.
const CAPACITY: usize = 1024;

type Job = Pin<Box<dyn Future<Output = ()> + Send>>;

/// The queue of deferred jobs; cheap to clone.
#[derive(Clone)]
pub struct Deferred {
    jobs: mpsc::Sender<Job>,
}

impl Deferred {
    /// The queue and its worker (spawned on the current Tokio runtime; it ends when the last
    /// clone of the queue is dropped).
    pub fn start() -> Self {
        let (jobs, mut queue) = mpsc::channel::<Job>(CAPACITY);
        tokio::spawn(async move {
            while let Some(job) = queue.recv().await {
                // Its own task, so that a panic ends the job, not the worker.
                if let Err(e) = tokio::spawn(job).await {
                    tracing::error!(error = %e, "a deferred job panicked");
                }
            }
        });
        Self { jobs }
    }

    /// Queues `job` to run after the answer, inside a copy of the current request's scope (its
    /// client IP and User-Agent go to the audit log). A failure is logged as `what`.
    pub async fn run<F>(&self, what: &'static str, job: F)
    where
        F: Future<Output = AppResult<()>> + Send + 'static,
    {
        let current = client::current().unwrap_or_default();
        let job = client::scope(current, async move {
            if let Err(e) = job.await {
                tracing::warn!(error = ?e, "{what} failed");
            }
        });
        if self.jobs.send(Box::pin(job)).await.is_err() {
            // Only when the worker is gone, i.e. the runtime is shutting down.
            tracing::warn!("{what} dropped: the service is stopping");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::{
        sync::{Arc, Mutex},
        time::Duration,
    };

    use super::Deferred;
    use crate::error::AppError;

    /// Waits until every job queued so far has run: a marker job queued last has run.
    async fn drain(deferred: &Deferred) {
        let (done, marker) = tokio::sync::oneshot::channel();
        deferred
            .run("marker", async move {
                let _ = done.send(());
                Ok(())
            })
            .await;
        marker.await.expect("the worker is still running");
    }

    #[tokio::test]
    async fn jobs_run_one_at_a_time_in_the_order_they_were_queued() {
        let deferred = Deferred::start();
        let log = Arc::new(Mutex::new(Vec::new()));
        for (n, pause) in [(1, 30), (2, 0), (3, 10)] {
            let log = log.clone();
            let job = async move {
                log.lock().expect("not poisoned").push(format!("start {n}"));
                tokio::time::sleep(Duration::from_millis(pause)).await;
                log.lock().expect("not poisoned").push(format!("end {n}"));
                Ok(())
            };
            deferred.run("test job", job).await;
        }
        drain(&deferred).await;
        let log = log.lock().expect("not poisoned").clone();
        assert_eq!(log, ["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
    }

    #[tokio::test]
    async fn a_failing_or_panicking_job_does_not_stop_the_worker() {
        let deferred = Deferred::start();
        deferred
            .run("failing job", async {
                Err(AppError::Internal(anyhow::anyhow!("boom")))
            })
            .await;
        let explode = true;
        deferred
            .run("panicking job", async move {
                if explode {
                    panic!("boom");
                }
                Ok(())
            })
            .await;
        drain(&deferred).await;
    }
}
