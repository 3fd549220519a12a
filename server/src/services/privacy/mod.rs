//! Privacy: consents per purpose with their append-only history. (Data export, deletion
//! with a grace period, and e-mail change will live here too.)

pub mod consents;
