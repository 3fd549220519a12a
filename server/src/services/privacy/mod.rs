//! Privacy: exports of an account's data, consents per purpose with their append-only history, account deletion with a
//! grace period and then anonymisation, and the change of an account's e-mail address.

pub mod anonymise;
pub mod consents;
pub mod deletion;
pub mod email_change;
pub mod export;
pub mod requests;
