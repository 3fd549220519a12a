//! What the code stores keep and answer, whichever backend holds them.

use std::time::Duration;

use uuid::Uuid;

use super::code::Purpose;

/// A code about to be stored (only its hash).
#[derive(Clone, Debug)]
pub struct NewCode {
    /// The account it logs in.
    pub user_id: Uuid,
    /// What it is for.
    pub purpose: Purpose,
    /// Its keyed hash.
    pub code_hash: String,
    /// The keyed hash of its two-step challenge.
    pub challenge_hash: Option<String>,
    /// How long it works.
    pub ttl: Duration,
}

/// An attempt reserved on a live code: the caller may now compare one candidate with it.
#[derive(Clone, Debug)]
pub struct Reserved {
    /// Identifies this very code (a newer code for the same account has another).
    pub id: String,
    /// Its keyed hash.
    pub code_hash: String,
}

/// How often codes may go to one address.
#[derive(Clone, Copy, Debug)]
pub struct SendLimits {
    /// Least time between two codes.
    pub cooldown: Duration,
    /// Most codes per window.
    pub limit: u32,
    /// The window.
    pub window: Duration,
}

/// Whether a code may be sent now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendVerdict {
    /// Yes; it has been counted.
    Allowed,
    /// Not before this long.
    Refused {
        /// Time until a send is allowed again.
        retry_after: Duration,
        /// Which limit refused it.
        limit: SendLimit,
    },
}

/// The limit that refused a send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendLimit {
    /// The cooldown since the previous code.
    Cooldown,
    /// The cap per window.
    Cap,
}
