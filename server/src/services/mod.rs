//! Domain services: what Gatehouse does, independent of HTTP.
//!
//! One folder per capability; each folder's `mod.rs` says what it owns. Arrows point down
//! only: no service imports from `crate::http`, and no two domains import each other,
//! directly or round about (`server/tests/layering.rs` checks both). From the bottom up:
//!
//! | domain | owns | uses |
//! |---|---|---|
//! | [`platform`] | Redis, instance secrets, pagination, the e-mail address type, the current client, metric names, worker leases | — |
//! | [`webhooks`] | endpoints, the deliveries of account events (queued where the audit log records them), signing, the guarded sender | platform |
//! | [`audit`] | the audit log | platform, webhooks |
//! | [`runtime_settings`] | settings changed at run time | audit |
//! | [`mail`] | templates, the durable outbox, delivery, work deferred past the answer | platform |
//! | [`sessions`] | sessions, refresh tokens, access tokens and signing keys | platform, audit, runtime_settings |
//! | [`protection`] | rate limits and the login lock-out | platform, audit, mail |
//! | [`breach`] | breached passwords: the offline list and the Pwned Passwords range API | platform |
//! | [`identity`] | accounts, registration, passwords, verification and reset | everything above |
//! | [`otp`] | e-mailed one-time codes | identity and below |
//! | [`mfa`] | second factors (TOTP, recovery codes), the second step of every sign-in, step-up | otp and below |
//! | [`social`] | sign-in with outside identity providers, linked provider accounts | mfa and below |
//! | [`privacy`] | consents and their history, account deletion, e-mail change, data export | sessions and below |
//! | [`admin`] | staff administration of users, maintenance (cleanup) | identity, webhooks and below |
//! | [`operations`] | readiness of the dependencies, the metrics scrape | mail, platform |
//!
//! A new capability gets its own folder here, placed in this order so that it only uses
//! the domains above it.

pub mod admin;
pub mod audit;
pub mod breach;
pub mod console;
pub mod identity;
pub mod mail;
pub mod mfa;
pub mod operations;
pub mod otp;
pub mod platform;
pub mod privacy;
pub mod protection;
pub mod runtime_settings;
pub mod sessions;
pub mod social;
pub mod webhooks;
