//! Domain services: what Gatehouse does, independent of HTTP.

pub mod accounts;
pub mod audit;
pub mod email_tokens;
pub mod hash_pool;
pub mod jwt_crypto;
pub mod keys;
pub mod lockout;
pub mod mail;
pub mod maintenance;
pub mod otp;
pub mod pagination;
pub mod password_recovery;
pub mod passwords;
pub mod rate_limit;
pub mod redis;
pub mod refresh_store;
pub mod registration;
pub mod runtime_settings;
pub mod secrets;
pub mod session_cache;
pub mod sessions;
pub mod tokens;
pub mod user_admin;
pub mod user_sessions;
