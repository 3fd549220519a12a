//! Domain services: what Gatehouse does, independent of HTTP.

pub mod accounts;
pub mod audit;
pub mod hash_pool;
pub mod jwt_crypto;
pub mod keys;
pub mod passwords;
pub mod refresh_store;
pub mod secrets;
pub mod session_cache;
pub mod sessions;
pub mod tokens;
