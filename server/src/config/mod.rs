//! Typed configuration, read once from the environment (and `.env`) with the names teams know
//! from Django projects. Every field has a safe default: no configuration runs the embedded
//! shape (SQLite file, console e-mail, 127.0.0.1:8000).

mod breach;
mod console;
mod edge;
mod email;
mod env;
mod limits;
mod mfa;
mod otp;
mod privacy;
mod process;
mod social;
mod webhooks;

use std::{
    net::{IpAddr, SocketAddr},
    time::Duration,
};

use anyhow::{Context, bail};
pub use breach::{BreachSettings, PUBLIC_PWNED_PASSWORDS_URL};
pub use console::ConsoleSettings;
pub use edge::EdgeSettings;
pub use email::{EmailBackend, EmailSettings, EmailVerification, Redacted, SmtpSecurity, SmtpSettings};
use env::Env;
use ipnet::IpNet;
pub use limits::{LimitSettings, LockoutSettings, Policy, Rate};
pub use mfa::{MfaRequired, MfaSettings, WebauthnSettings};
pub use otp::{LoginOtp, OtpSettings};
pub use privacy::PrivacySettings;
pub use process::{Argon2Settings, LogFormat};
pub use social::{ProviderKind, ProviderSettings, SocialSettings, is_loopback};
pub use webhooks::WebhookSettings;

/// Everything Gatehouse can be configured with.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `HOST`: the address to bind (default `127.0.0.1`).
    pub host: IpAddr,
    /// `PORT`: the port to bind; 0 picks a free one (default `8000`).
    pub port: u16,
    /// `DATABASE_URL`: `sqlite://…` or `postgres://…` (default `sqlite://gatehouse.sqlite3?mode=rwc`).
    pub database_url: String,
    /// `DATABASE_MAX_CONNECTIONS`: pool size (default 16 on PostgreSQL, 8 on SQLite).
    pub database_max_connections: Option<u32>,
    /// `SECRET_KEY`: keys the hashes of refresh tokens; generated and stored in the
    /// database on first start when unset.
    pub secret_key: Option<String>,
    /// `DEBUG`: development mode (no HSTS, `Secure` cookies off). Default off.
    pub debug: bool,
    /// `ALLOWED_HOSTS`: Host header values accepted; `*` accepts any, `.example.com` a domain
    /// and its subdomains (default `localhost,127.0.0.1,[::1]`).
    pub allowed_hosts: Vec<String>,
    /// `CORS_ALLOWED_ORIGINS`: origins allowed to call the API from a browser, with
    /// credentials (default none).
    pub cors_allowed_origins: Vec<String>,
    /// `CSRF_TRUSTED_ORIGINS`: origins whose cookie-authenticated unsafe requests are accepted
    /// besides the server's own (default: the CORS origins).
    pub csrf_trusted_origins: Vec<String>,
    /// `FRONTEND_URL`: where the frontend lives, for links in e-mails.
    pub frontend_url: String,
    /// `AUTH_COOKIES`: also deliver tokens as HttpOnly cookies (default off).
    pub auth_cookies: bool,
    /// `ACCESS_TOKEN_LIFETIME` in seconds (default 300).
    pub access_token_lifetime: Duration,
    /// `REFRESH_TOKEN_LIFETIME` in seconds (default 14 days).
    pub refresh_token_lifetime: Duration,
    /// `REFRESH_TOKEN_GRACE_PERIOD` in seconds: how long a just-rotated refresh token still
    /// returns the same new pair (default 10).
    pub refresh_grace_period: Duration,
    /// `JWT_ISSUER`: the `iss` of access tokens (default `gatehouse`).
    pub jwt_issuer: String,
    /// `JWT_AUDIENCE`: the `aud` of access tokens (default `gatehouse`).
    pub jwt_audience: String,
    /// `JWT_LEEWAY`: clock skew tolerated when verifying `exp`, in seconds (default 30).
    pub jwt_leeway: Duration,
    /// `KEY_ACTIVATION_DELAY` in seconds: how long after `gatehouse keys rotate` the new key
    /// starts signing, published meanwhile (default 420: the 60 s key reload, the 300 s JWKS
    /// cache and a minute of margin).
    pub key_activation_delay: Duration,
    /// `ARGON2_MEMORY_KIB`, `ARGON2_ITERATIONS`, `ARGON2_PARALLELISM` (OWASP: 19456, 2, 1).
    pub argon2: Argon2Settings,
    /// `PASSWORD_HASH_CONCURRENCY`: hashes running at once (default: the number of cores).
    pub password_hash_concurrency: usize,
    /// `MAX_BODY_BYTES`: largest accepted request body (default 64 KiB).
    pub max_body_bytes: usize,
    /// `REQUEST_TIMEOUT`: seconds before a request is answered 408 (default 30).
    pub request_timeout: Duration,
    /// `HEADER_READ_TIMEOUT`, `KEEP_ALIVE_TIMEOUT`, `MAX_CONNECTIONS`: the listener's limits.
    pub edge: EdgeSettings,
    /// `LOG_FORMAT`: `text` or `json` (default `text`).
    pub log_format: LogFormat,
    /// `AUTO_MIGRATE`: apply migrations when `serve` starts (default on).
    pub auto_migrate: bool,
    /// `EMAIL_VERIFICATION`: `mandatory` (default), `optional` or `none`.
    pub email_verification: EmailVerification,
    /// `EMAIL_VERIFICATION_TOKEN_LIFETIME` in seconds (default 24 h).
    pub verification_token_lifetime: Duration,
    /// `PASSWORD_RESET_TOKEN_LIFETIME` in seconds, 30 to 60 min (default 60 min).
    pub password_reset_token_lifetime: Duration,
    /// `EMAIL_RESEND_COOLDOWN` in seconds: at most one verification or reset e-mail per
    /// account in this time (default 60).
    pub email_resend_cooldown: Duration,
    /// How e-mail is sent.
    pub email: EmailSettings,
    /// `AUDIT_LOG_RETENTION_DAYS`: how long audit events are kept (default 365).
    pub audit_log_retention_days: u32,
    /// `SETTINGS_REFRESH_INTERVAL` in seconds: how often each instance reloads the runtime
    /// settings staff change through the API (default 5).
    pub settings_refresh_interval: Duration,
    /// `CRON_SECRET_KEY`: the `X-Cron-Secret` that authorises `POST /api/v1/cron/cleanup`;
    /// unset disables the endpoint (default).
    pub cron_secret_key: Option<Redacted>,
    /// `CLEANUP_INTERVAL` in seconds: how often the cleanup job runs inside `serve`, at most
    /// once per interval across all instances; 0 turns it off (default 3600).
    pub cleanup_interval: Option<Duration>,
    /// E-mailed one-time codes (`OTP_*`, `LOGIN_OTP`).
    pub otp: OtpSettings,
    /// Second factors and step-up (`MFA_REQUIRED`, `REAUTH_MAX_AGE`).
    pub mfa: MfaSettings,
    /// Breached-password checks (`PWNED_PASSWORDS_*`).
    pub breach: BreachSettings,
    /// Consents (`CONSENT_PURPOSES`).
    pub privacy: PrivacySettings,
    /// Webhook deliveries (`WEBHOOK_*`).
    pub webhooks: WebhookSettings,
    /// The staff console (`ADMIN_CONSOLE`, `ADMIN_*`).
    pub console: ConsoleSettings,
    /// `REDIS_URL`: shared state for many instances (rate limits, lock-outs, one-time codes);
    /// unset keeps it in process (default). Never logged.
    pub redis_url: Option<Redacted>,
    /// `REDIS_KEY_PREFIX`: prepended to every Redis key (default `gatehouse:`).
    pub redis_key_prefix: String,
    /// `RATE_LIMITS` and `RATE_LIMIT_*`: the rate-limit policies.
    pub limits: LimitSettings,
    /// `LOCKOUT_*`: progressive lock-out after failed logins.
    pub lockout: LockoutSettings,
    /// `TRUSTED_PROXIES`: peers whose `X-Forwarded-For` / `Forwarded` headers are believed
    /// (default none: the socket address is the client).
    pub trusted_proxies: Vec<IpNet>,
    /// `METRICS_ADDR` (`127.0.0.1:9100`): serve `/metrics` only on this separate listener,
    /// never on the main one. Unset, `/metrics` is on the main listener.
    pub metrics_addr: Option<SocketAddr>,
    /// Social sign-in: providers, redirects, linking.
    pub social: SocialSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            host: IpAddr::from([127, 0, 0, 1]),
            port: 8000,
            database_url: "sqlite://gatehouse.sqlite3?mode=rwc".into(),
            database_max_connections: None,
            secret_key: None,
            debug: false,
            allowed_hosts: vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()],
            cors_allowed_origins: Vec::new(),
            csrf_trusted_origins: Vec::new(),
            frontend_url: "http://localhost:3000".into(),
            auth_cookies: false,
            access_token_lifetime: Duration::from_secs(300),
            refresh_token_lifetime: Duration::from_secs(14 * 24 * 3600),
            refresh_grace_period: Duration::from_secs(10),
            jwt_issuer: "gatehouse".into(),
            jwt_audience: "gatehouse".into(),
            jwt_leeway: Duration::from_secs(30),
            key_activation_delay: Duration::from_secs(420),
            argon2: Argon2Settings::default(),
            password_hash_concurrency: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2),
            max_body_bytes: 64 * 1024,
            request_timeout: Duration::from_secs(30),
            edge: EdgeSettings::default(),
            log_format: LogFormat::Text,
            auto_migrate: true,
            email_verification: EmailVerification::Mandatory,
            verification_token_lifetime: Duration::from_secs(24 * 3600),
            password_reset_token_lifetime: Duration::from_secs(3600),
            email_resend_cooldown: Duration::from_secs(60),
            email: EmailSettings::default(),
            audit_log_retention_days: 365,
            settings_refresh_interval: Duration::from_secs(5),
            cron_secret_key: None,
            cleanup_interval: Some(Duration::from_secs(3600)),
            otp: OtpSettings::default(),
            mfa: MfaSettings::default(),
            breach: BreachSettings::default(),
            privacy: PrivacySettings::default(),
            webhooks: WebhookSettings::default(),
            console: ConsoleSettings::default(),
            redis_url: None,
            redis_key_prefix: "gatehouse:".into(),
            limits: LimitSettings::default(),
            lockout: LockoutSettings::default(),
            trusted_proxies: Vec::new(),
            metrics_addr: None,
            social: SocialSettings {
                callback: "http://localhost:3000/social/callback".into(),
                auto_link: true,
                ..SocialSettings::default()
            },
        }
    }
}

impl Settings {
    /// Reads `.env` (if present) and the environment.
    pub fn from_env() -> anyhow::Result<Self> {
        // A missing .env is normal; a malformed one is worth stopping for.
        match dotenvy::dotenv() {
            Ok(_) => {}
            Err(e) if e.not_found() => {}
            Err(e) => return Err(e).context("reading .env"),
        }
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds settings from any name → value lookup (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let d = Self::default();
        let env = Env::new(get);
        let cors_allowed_origins = env.list("CORS_ALLOWED_ORIGINS", &d.cors_allowed_origins);
        for origin in &cors_allowed_origins {
            if origin == "*" {
                bail!("CORS_ALLOWED_ORIGINS cannot be *: list the origins that may send credentials");
            }
        }
        let csrf_trusted_origins = env.list("CSRF_TRUSTED_ORIGINS", &cors_allowed_origins);
        let debug = env.flag("DEBUG", d.debug)?;
        let frontend_url = env
            .get("FRONTEND_URL")
            .unwrap_or(d.frontend_url)
            .trim_end_matches('/')
            .to_string();
        let social = SocialSettings::from_env(&env, debug, &frontend_url, &cors_allowed_origins)?;
        let email = EmailSettings::from_env(&env)?;
        let mfa = MfaSettings::from_env(&env, &frontend_url, &email.site_name)?;
        let settings = Self {
            host: match env.get("HOST") {
                None => d.host,
                Some(v) => v
                    .parse()
                    .with_context(|| format!("HOST must be an IP address, got {v:?}"))?,
            },
            port: env
                .number("PORT", d.port.into())?
                .try_into()
                .context("PORT must be at most 65535")?,
            database_url: env.get("DATABASE_URL").unwrap_or(d.database_url),
            database_max_connections: env
                .get("DATABASE_MAX_CONNECTIONS")
                .map(|v| v.parse().context("DATABASE_MAX_CONNECTIONS must be a whole number"))
                .transpose()?,
            secret_key: env.get("SECRET_KEY"),
            debug,
            allowed_hosts: env.list("ALLOWED_HOSTS", &d.allowed_hosts),
            cors_allowed_origins,
            csrf_trusted_origins,
            frontend_url,
            auth_cookies: env.flag("AUTH_COOKIES", d.auth_cookies)?,
            access_token_lifetime: env.seconds("ACCESS_TOKEN_LIFETIME", d.access_token_lifetime, 30, 86_400)?,
            refresh_token_lifetime: env.seconds(
                "REFRESH_TOKEN_LIFETIME",
                d.refresh_token_lifetime,
                300,
                366 * 86_400,
            )?,
            refresh_grace_period: env.seconds("REFRESH_TOKEN_GRACE_PERIOD", d.refresh_grace_period, 0, 120)?,
            jwt_issuer: env.get("JWT_ISSUER").unwrap_or(d.jwt_issuer),
            jwt_audience: env.get("JWT_AUDIENCE").unwrap_or(d.jwt_audience),
            jwt_leeway: env.seconds("JWT_LEEWAY", d.jwt_leeway, 0, 300)?,
            key_activation_delay: env.seconds("KEY_ACTIVATION_DELAY", d.key_activation_delay, 60, 86_400)?,
            argon2: Argon2Settings::from_env(&env)?,
            password_hash_concurrency: env
                .number("PASSWORD_HASH_CONCURRENCY", d.password_hash_concurrency as u64)?
                .max(1) as usize,
            max_body_bytes: env.number("MAX_BODY_BYTES", d.max_body_bytes as u64)? as usize,
            request_timeout: env.seconds("REQUEST_TIMEOUT", d.request_timeout, 1, 600)?,
            edge: EdgeSettings::from_env(&env)?,
            log_format: LogFormat::from_env(&env)?,
            auto_migrate: env.flag("AUTO_MIGRATE", d.auto_migrate)?,
            email_verification: EmailVerification::from_env(&env)?,
            verification_token_lifetime: env.seconds(
                "EMAIL_VERIFICATION_TOKEN_LIFETIME",
                d.verification_token_lifetime,
                3600,
                7 * 86_400,
            )?,
            password_reset_token_lifetime: env.seconds(
                "PASSWORD_RESET_TOKEN_LIFETIME",
                d.password_reset_token_lifetime,
                1800,
                3600,
            )?,
            email_resend_cooldown: env.seconds("EMAIL_RESEND_COOLDOWN", d.email_resend_cooldown, 0, 3600)?,
            email,
            audit_log_retention_days: env.bounded(
                "AUDIT_LOG_RETENTION_DAYS",
                d.audit_log_retention_days.into(),
                1,
                3650,
            )? as u32,
            settings_refresh_interval: env.seconds("SETTINGS_REFRESH_INTERVAL", d.settings_refresh_interval, 1, 300)?,
            cron_secret_key: match env.get("CRON_SECRET_KEY") {
                None => None,
                Some(key) if key.len() < 32 => {
                    bail!("CRON_SECRET_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)")
                }
                Some(key) => Some(Redacted(key)),
            },
            cleanup_interval: match env.number("CLEANUP_INTERVAL", 3600)? {
                0 => None,
                secs if secs < 60 => bail!("CLEANUP_INTERVAL must be 0 (off) or at least 60 seconds, got {secs}"),
                secs => Some(Duration::from_secs(secs)),
            },
            otp: OtpSettings::from_env(&env)?,
            mfa,
            breach: BreachSettings::from_env(&env, debug)?,
            privacy: PrivacySettings::from_env(&env)?,
            webhooks: WebhookSettings::from_env(&env)?,
            console: ConsoleSettings::from_env(&env)?,
            redis_url: env.get("REDIS_URL").map(Redacted),
            redis_key_prefix: env.get("REDIS_KEY_PREFIX").unwrap_or(d.redis_key_prefix),
            limits: LimitSettings::from_env(&env)?,
            lockout: LockoutSettings::from_env(&env)?,
            trusted_proxies: limits::trusted_proxies(&env)?,
            metrics_addr: env
                .get("METRICS_ADDR")
                .map(|v| {
                    v.parse().with_context(|| {
                        format!("METRICS_ADDR must be an address and port (127.0.0.1:9100), got {v:?}")
                    })
                })
                .transpose()?,
            social,
        };
        Ok(settings)
    }

    /// `HOST` as it goes in a URL: an IPv6 address in brackets.
    pub fn host_in_url(&self) -> String {
        match self.host {
            IpAddr::V6(v6) => format!("[{v6}]"),
            v4 => v4.to_string(),
        }
    }

    /// True when the database is SQLite.
    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}
