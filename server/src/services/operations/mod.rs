//! What operators watch: readiness of the dependencies, and the metrics scrape with the gauges
//! measured at scrape time (outbox backlog, database pool).

use std::time::Duration;

use sea_orm::DatabaseConnection;

use crate::{
    db,
    services::{
        mail::backlog,
        platform::{metrics, redis::Redis},
    },
};

/// The longest a readiness check or a scrape waits on a dependency.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(1);

/// How Redis fares, for readiness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedisHealth {
    /// It answered its PING in time.
    Ok,
    /// It did not: rate limits and lock-outs fail open meanwhile.
    Down,
    /// `REDIS_URL` is not set.
    NotConfigured,
}

/// Whether the service can take traffic.
#[derive(Debug)]
pub enum Readiness {
    /// Ready; Redis as reported.
    Ready(RedisHealth),
    /// The database did not answer in time, or refused.
    DatabaseUnavailable(anyhow::Error),
}

/// Readiness checks and metrics; cheap to clone.
#[derive(Clone)]
pub struct Operations {
    db: DatabaseConnection,
    redis: Option<Redis>,
}

impl Operations {
    /// Readiness of `db` and `redis`; metrics from the recorder `serve` installs.
    pub fn new(db: DatabaseConnection, redis: Option<Redis>) -> Self {
        Self { db, redis }
    }

    /// Pings the database and Redis, each within [`CHECK_TIMEOUT`], at the same time.
    pub async fn readiness(&self) -> Readiness {
        let database = async {
            match tokio::time::timeout(CHECK_TIMEOUT, self.db.ping()).await {
                Ok(Ok(())) => Ok(()),
                Ok(Err(e)) => Err(anyhow::Error::new(e).context("database ping")),
                Err(_) => Err(anyhow::anyhow!("database ping took over {CHECK_TIMEOUT:?}")),
            }
        };
        let redis = async {
            let Some(redis) = &self.redis else {
                return RedisHealth::NotConfigured;
            };
            match tokio::time::timeout(CHECK_TIMEOUT, redis.ping()).await {
                Ok(Ok(())) => RedisHealth::Ok,
                _ => RedisHealth::Down,
            }
        };
        match tokio::join!(database, redis) {
            (Ok(()), redis) => Readiness::Ready(redis),
            (Err(e), _) => Readiness::DatabaseUnavailable(e),
        }
    }

    /// The metrics in the Prometheus text format. The outbox gauges need the database: when
    /// it does not answer within [`CHECK_TIMEOUT`] they keep their last values, and the rest
    /// is served anyway (an outage is when metrics matter most).
    pub async fn metrics_text(&self) -> String {
        let Some(recorder) = metrics::recorder() else {
            return String::new();
        };
        match tokio::time::timeout(CHECK_TIMEOUT, backlog::measure(&self.db)).await {
            Ok(Ok(backlog)) => metrics::outbox(backlog.pending, backlog.oldest_pending_age, backlog.dead),
            Ok(Err(e)) => tracing::debug!(error = %e, "outbox backlog not measured for this scrape"),
            Err(_) => tracing::debug!("outbox backlog not measured for this scrape: the database is slow"),
        }
        if let Some((in_use, idle, max)) = db::pool_usage(&self.db) {
            metrics::db_pool(in_use, idle, max);
        }
        recorder.run_upkeep();
        recorder.render()
    }

    /// Keeps the recorder's histograms bounded between scrapes: each latency sample waits in
    /// a buffer until upkeep folds it into its buckets, so at 15,000 requests/s a second's
    /// worth is about 120 KB.
    pub async fn upkeep_forever(self) {
        let Some(recorder) = metrics::recorder() else {
            return;
        };
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tick.tick().await;
            recorder.run_upkeep();
        }
    }
}
