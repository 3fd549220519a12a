//! SeaORM entities, one module per table (see `migration/`).

pub mod audit_event;
pub mod consent_event;
pub mod data_export_chunk;
pub mod data_request;
pub mod deferred_job;
pub mod email_token;
pub mod flow_grant;
pub mod instance_secret;
pub mod maintenance_job;
pub mod mfa_challenge;
pub mod mfa_recovery_code;
pub mod mfa_totp;
pub mod otp_code;
pub mod otp_send_window;
pub mod outbox_message;
pub mod passkey;
pub mod refresh_token;
pub mod runtime_setting;
pub mod session;
pub mod signing_key;
pub mod social_account;
pub mod user;
pub mod webhook_delivery;
pub mod webhook_endpoint;
