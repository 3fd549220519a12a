//! How far behind delivery is: what the outbox holds, measured for the metrics.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

use super::outbox::Status;
use crate::entity::outbox_message::{self, Column};

/// The outbox's backlog at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Backlog {
    /// Messages not delivered yet (waiting or being sent).
    pub pending: u64,
    /// How long the oldest of them has waited; zero when none waits.
    pub oldest_pending_age: Duration,
    /// Messages whose every attempt failed.
    pub dead: u64,
}

/// Measures the backlog: three small indexed reads.
pub async fn measure(db: &impl ConnectionTrait) -> Result<Backlog, DbErr> {
    let waiting = [Status::Pending.as_str(), Status::Sending.as_str()];
    let pending = outbox_message::Entity::find()
        .filter(Column::Status.is_in(waiting))
        .count(db)
        .await?;
    let oldest: Option<DateTime<Utc>> = outbox_message::Entity::find()
        .select_only()
        .column_as(Column::CreatedAt.min(), "oldest")
        .filter(Column::Status.is_in(waiting))
        .into_tuple::<Option<DateTime<Utc>>>()
        .one(db)
        .await?
        .flatten();
    let dead = outbox_message::Entity::find()
        .filter(Column::Status.eq(Status::Dead.as_str()))
        .count(db)
        .await?;
    Ok(Backlog {
        pending,
        oldest_pending_age: oldest
            .and_then(|at| (Utc::now() - at).to_std().ok())
            .unwrap_or_default(),
        dead,
    })
}
