//! What `data_requests` rows say: their kinds and statuses.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::entity::data_request;

/// An export of the account's data.
pub const EXPORT: &str = "export";
/// The account's deletion.
pub const DELETE: &str = "delete";
/// Waiting: an export being built, a deletion whose grace period is running.
pub const PENDING: &str = "pending";
/// An export whose archive is built and whose link works.
pub const READY: &str = "ready";
/// An export whose link was used.
pub const DOWNLOADED: &str = "downloaded";
/// An export whose link expired unused.
pub const EXPIRED: &str = "expired";
/// An export that could not be built.
pub const FAILED: &str = "failed";
/// A deletion done.
pub const COMPLETED: &str = "completed";
/// A request cancelled by the owner or staff.
pub const CANCELLED: &str = "cancelled";

/// A new `kind` request of `user_id`, `pending` since `now`, with nothing else set.
pub fn new_pending(user_id: Uuid, kind: &str, now: DateTime<Utc>) -> data_request::Model {
    data_request::Model {
        id: Uuid::now_v7(),
        user_id,
        kind: kind.into(),
        status: PENDING.into(),
        created_at: now,
        due_at: None,
        completed_at: None,
        cancelled_at: None,
        attempts: 0,
        next_attempt_at: None,
        locked_by: None,
        locked_until: None,
        last_error: None,
        token_hash: None,
        expires_at: None,
        archive_build: None,
        archive_size: None,
    }
}
