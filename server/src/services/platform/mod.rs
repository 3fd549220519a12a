//! Shared plumbing every domain may use, and which uses no domain: the Redis connection, the
//! instance secrets, keyset pagination, the e-mail address value type, the current client and overridable template files.

pub mod client;
pub mod email_address;
pub mod grants;
pub mod lease;
pub mod log_throttle;
pub mod metrics;
pub mod outbound;
pub mod pagination;
pub mod redis;
pub mod secrets;
pub mod template_files;
