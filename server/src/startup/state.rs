//! The application state, built from the settings: every service wired to the database,
//! Redis, the secrets and each other.

use std::sync::Arc;

use sea_orm::DbBackend;

use crate::{
    config::Settings,
    db,
    http::console::templates::ConsoleTemplates,
    services::{
        admin::{maintenance::Maintenance, user_admin::UserAdmin, webhook_admin::WebhookAdmin},
        breach::Breach,
        console::ConsoleSessions,
        identity::{
            accounts::Accounts, email_tokens::EmailTokens, password_recovery::PasswordRecovery,
            passwords::PasswordHasher, registration::Registration,
        },
        mail::{Mailer, deferred::Deferred, outbox::Outbox},
        mfa::{Mfa, MfaDeps},
        operations::Operations,
        otp::Otp,
        platform::{
            redis::{self, Redis},
            secrets::InstanceSecret,
        },
        privacy::{consents::Consents, deletion::AccountDeletion, email_change::EmailChange, export::DataExports},
        protection::{LoginProtection, lockout::Lockout, rate_limit::RateLimiter},
        runtime_settings::RuntimeSettings,
        sessions::{
            Sessions, keys::KeyStore, session_cache::SessionCache, tokens::AccessTokens, user_sessions::UserSessions,
        },
        social::{Social, SocialDeps},
        webhooks::Webhooks,
    },
    state::AppState,
};

/// Everything the handlers share, built from the settings.
pub async fn build_state(settings: Settings) -> anyhow::Result<AppState> {
    let db = db::connect(&settings).await?;
    if settings.auto_migrate {
        db::migrate(&db).await?;
    }
    let secret = InstanceSecret::load(&db, settings.secret_key.as_deref()).await?;
    let redis = connect_redis(&settings).await?;
    let runtime = RuntimeSettings::load(db.clone(), &settings).await?;
    let leeway = settings.jwt_leeway;
    let lifetime_source = runtime.clone();
    let keys = KeyStore::load(
        db.clone(),
        Arc::new(move || lifetime_source.current().access_token_lifetime + leeway),
        settings.key_activation_delay,
    )
    .await?;
    let tokens = AccessTokens::new(
        keys,
        settings.jwt_issuer.clone(),
        settings.jwt_audience.clone(),
        runtime.clone(),
        settings.jwt_leeway,
    );
    let started = std::time::Instant::now();
    let hasher = PasswordHasher::new(settings.argon2, settings.password_hash_concurrency)
        .await?
        .screening(Breach::new(&settings.breach));
    tracing::info!(
        hash_ms = started.elapsed().as_millis() as u64,
        permits = settings.password_hash_concurrency,
        memory_kib = settings.argon2.memory_kib,
        iterations = settings.argon2.iterations,
        "password hasher ready (time of one argon2id hash)"
    );
    // On PostgreSQL other instances may revoke sessions: the cache waits for the LISTEN feed.
    let postgres = db.get_database_backend() == DbBackend::Postgres;
    let cache = SessionCache::new(!postgres);
    let sessions = Sessions::new(db.clone(), cache, secret.clone(), tokens, runtime.clone());
    let settings = Arc::new(settings);
    let outbox = Outbox::new(
        db.clone(),
        secret.clone(),
        settings.email.max_attempts,
        settings.email.retry_delay,
    );
    let mailer = Mailer::new(&settings, outbox, Deferred::new(db.clone(), secret.clone()))?;
    let otp = Otp::new(
        db.clone(),
        redis.clone(),
        secret.clone(),
        mailer.clone(),
        runtime.clone(),
        settings.otp.clone(),
    );
    let limits = RateLimiter::new(settings.limits.clone(), secret.clone(), redis.clone());
    let lockout = Lockout::new(
        settings.lockout,
        limits.clone(),
        db.clone(),
        mailer.clone(),
        settings.frontend_url.clone(),
    );
    let email_tokens = EmailTokens::new(secret.clone());
    let protection = LoginProtection::new(limits.clone(), lockout);
    let accounts = Accounts::new(
        db.clone(),
        hasher.clone(),
        sessions.clone(),
        runtime.clone(),
        protection.clone(),
    );
    let registration = Registration::new(
        db.clone(),
        hasher.clone(),
        mailer.clone(),
        email_tokens.clone(),
        sessions.clone(),
        settings.clone(),
        runtime.clone(),
    );
    let passwords = PasswordRecovery::new(
        db.clone(),
        hasher,
        accounts.clone(),
        mailer.clone(),
        email_tokens.clone(),
        sessions.clone(),
        runtime.clone(),
    );
    let deletion = AccountDeletion::new(
        db.clone(),
        sessions.clone(),
        mailer.clone(),
        email_tokens.clone(),
        runtime.clone(),
    );
    let email_change = EmailChange::new(
        db.clone(),
        accounts.clone(),
        sessions.clone(),
        mailer.clone(),
        email_tokens,
        runtime.clone(),
    );
    let mfa = Mfa::new(
        MfaDeps {
            db: db.clone(),
            secret: secret.clone(),
            otp: otp.clone(),
            sessions: sessions.clone(),
            accounts: accounts.clone(),
            protection,
            mailer: mailer.clone(),
            runtime: runtime.clone(),
            issuer: settings.email.site_name.clone(),
        },
        settings.mfa.clone(),
    )?;
    let social = Social::new(
        settings.social.clone(),
        SocialDeps {
            db: db.clone(),
            secret: secret.clone(),
            mfa: mfa.clone(),
            registration: registration.clone(),
            mailer: mailer.clone(),
            runtime: runtime.clone(),
            cookie_mode: settings.auth_cookies,
        },
    );
    let consents = Consents::new(db.clone(), sessions.clone(), settings.privacy.consent_purposes.clone());
    // The link goes to the API itself: at PUBLIC_URL when it is set, else on the frontend's
    // origin (the usual shape proxies /api there).
    let download_base = settings.social.public_url.as_deref().unwrap_or(&settings.frontend_url);
    let exports = DataExports::new(
        db.clone(),
        secret.clone(),
        mailer.clone(),
        consents.clone(),
        settings.privacy.data_export_link_lifetime,
        download_base,
    );
    let webhooks = Webhooks::new(db.clone(), secret.clone(), &settings.webhooks);
    let console_templates = match settings.console.enabled {
        true => Some(ConsoleTemplates::new(settings.console.templates_dir.as_deref())?),
        false => None,
    };
    let webhook_admin = WebhookAdmin::new(db.clone(), webhooks.clone());
    let console = ConsoleSessions::new(
        db.clone(),
        sessions.clone(),
        secret.clone(),
        settings.console.idle_timeout,
    );
    registration.handle_jobs();
    passwords.handle_jobs();
    otp.handle_jobs();
    Ok(AppState {
        registration,
        passwords,
        accounts,
        mailer,
        user_sessions: UserSessions::new(db.clone(), sessions.clone()),
        user_admin: UserAdmin::new(db.clone(), sessions.clone(), deletion.clone()),
        maintenance: Maintenance::new(db.clone(), runtime.clone(), settings.jwt_leeway),
        operations: Operations::new(db.clone(), redis.clone()),
        runtime,
        sessions,
        db,
        settings,
        redis,
        otp,
        limits,
        social,
        mfa,
        consents,
        deletion,
        email_change,
        exports,
        webhooks,
        webhook_admin,
        console,
        console_templates,
    })
}

/// The shared Redis when `REDIS_URL` is set. A Redis that does not answer yet does not stop
/// the start: it is logged, and used as soon as it answers.
async fn connect_redis(settings: &Settings) -> anyhow::Result<Option<Redis>> {
    let Some(url) = &settings.redis_url else {
        return Ok(None);
    };
    let redis = Redis::connect(
        &url.0,
        settings.redis_key_prefix.clone(),
        redis::DEFAULT_COMMAND_TIMEOUT,
    )?;
    match redis.ping().await {
        Ok(()) => tracing::info!(prefix = settings.redis_key_prefix, "Redis connected"),
        Err(e) => tracing::warn!(
            error = %e,
            "Redis is not answering; starting anyway and reconnecting in the background (rate limits fail open meanwhile)"
        ),
    }
    Ok(Some(redis))
}
