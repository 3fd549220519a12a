//! The one clonable application state.

use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::{
    config::Settings,
    http::console::templates::ConsoleTemplates,
    services::{
        admin::{maintenance::Maintenance, user_admin::UserAdmin, webhook_admin::WebhookAdmin},
        console::ConsoleSessions,
        identity::{accounts::Accounts, password_recovery::PasswordRecovery, registration::Registration},
        mail::Mailer,
        mfa::Mfa,
        operations::Operations,
        otp::Otp,
        platform::redis::Redis,
        privacy::{consents::Consents, deletion::AccountDeletion, email_change::EmailChange, export::DataExports},
        protection::rate_limit::RateLimiter,
        runtime_settings::RuntimeSettings,
        sessions::{Sessions, user_sessions::UserSessions},
        social::Social,
        webhooks::Webhooks,
    },
};

/// Everything a request may need; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The configuration.
    pub settings: Arc<Settings>,
    /// The database pool.
    pub db: DatabaseConnection,
    /// Accounts and credentials.
    pub accounts: Accounts,
    /// Sessions, refresh and access tokens.
    pub sessions: Sessions,
    /// Registration and e-mail verification.
    pub registration: Registration,
    /// Password reset and change.
    pub passwords: PasswordRecovery,
    /// E-mail rendering and the outbox.
    pub mailer: Mailer,
    /// The signed-in user's sessions.
    pub user_sessions: UserSessions,
    /// The knobs staff change at run time.
    pub runtime: RuntimeSettings,
    /// Staff administration of accounts.
    pub user_admin: UserAdmin,
    /// The cleanup job.
    pub maintenance: Maintenance,
    /// The shared Redis, when `REDIS_URL` is set.
    pub redis: Option<Redis>,
    /// E-mailed one-time codes (passwordless and two-step login).
    pub otp: Otp,
    /// Rate limits per client IP and per address: `state.limits.check(Action::…, email)`.
    pub limits: RateLimiter,
    /// Readiness and metrics.
    pub operations: Operations,
    /// Sign-in with outside identity providers.
    pub social: Social,
    /// Second factors, the second step of sign-ins, step-up.
    pub mfa: Mfa,
    /// Consents and their history.
    pub consents: Consents,
    /// Account deletion with a grace period.
    pub deletion: AccountDeletion,
    /// Changing an account's address.
    pub email_change: EmailChange,
    /// Exports of account data.
    pub exports: DataExports,
    /// Webhook endpoints and deliveries.
    pub webhooks: Webhooks,
    /// Staff changes to webhook endpoints, audited.
    pub webhook_admin: WebhookAdmin,
    /// The staff console's sign-ins.
    pub console: ConsoleSessions,
    /// The staff console's templates; `None` when `ADMIN_CONSOLE` is off.
    pub console_templates: Option<ConsoleTemplates>,
}
