//! Who a user is and how they prove it: accounts, registration, passwords (policy, argon2id
//! on the hash pool), e-mail verification and password recovery, and their e-mailed tokens.

pub mod accounts;
pub mod email_tokens;
pub mod hash_pool;
pub mod password_recovery;
pub mod passwords;
pub mod registration;
