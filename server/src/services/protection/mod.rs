//! Abuse protection: rate limits per client IP and per address, the progressive lock-out after
//! failed logins, and [`LoginProtection`], which applies both to a password check.

pub mod lockout;
mod login;
pub mod rate_limit;

pub use login::LoginProtection;
