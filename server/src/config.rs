//! Typed configuration, read once from the environment (and `.env`) with the names teams know
//! from Django projects. Every field has a safe default: no configuration runs the embedded
//! shape (SQLite file, console e-mail, 127.0.0.1:8000).

use std::{net::IpAddr, time::Duration};

use anyhow::{Context, bail};

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
    /// `ARGON2_MEMORY_KIB`, `ARGON2_ITERATIONS`, `ARGON2_PARALLELISM` (OWASP: 19456, 2, 1).
    pub argon2: Argon2Settings,
    /// `PASSWORD_HASH_CONCURRENCY`: hashes running at once (default: the number of cores).
    pub password_hash_concurrency: usize,
    /// `MAX_BODY_BYTES`: largest accepted request body (default 64 KiB).
    pub max_body_bytes: usize,
    /// `REQUEST_TIMEOUT`: seconds before a request is answered 408 (default 30).
    pub request_timeout: Duration,
    /// `LOG_FORMAT`: `text` or `json` (default `text`).
    pub log_format: LogFormat,
    /// `AUTO_MIGRATE`: apply migrations when `serve` starts (default on).
    pub auto_migrate: bool,
}

/// Argon2id cost parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argon2Settings {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl Default for Argon2Settings {
    fn default() -> Self {
        // OWASP Password Storage Cheat Sheet, argon2id: m=19 MiB, t=2, p=1.
        Self {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
        }
    }
}

/// How logs are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
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
            argon2: Argon2Settings::default(),
            password_hash_concurrency: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2),
            max_body_bytes: 64 * 1024,
            request_timeout: Duration::from_secs(30),
            log_format: LogFormat::Text,
            auto_migrate: true,
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
        let get = |name: &str| get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let parse = |name: &str, default: u64| -> anyhow::Result<u64> {
            match get(name) {
                None => Ok(default),
                Some(v) => v
                    .parse()
                    .with_context(|| format!("{name} must be a whole number, got {v:?}")),
            }
        };
        let seconds = |name: &str, default: Duration, min: u64, max: u64| -> anyhow::Result<Duration> {
            let v = parse(name, default.as_secs())?;
            if !(min..=max).contains(&v) {
                bail!("{name} must be between {min} and {max} seconds, got {v}");
            }
            Ok(Duration::from_secs(v))
        };
        let flag = |name: &str, default: bool| -> anyhow::Result<bool> {
            match get(name).map(|v| v.to_ascii_lowercase()) {
                None => Ok(default),
                Some(v) if ["1", "true", "yes", "on"].contains(&v.as_str()) => Ok(true),
                Some(v) if ["0", "false", "no", "off"].contains(&v.as_str()) => Ok(false),
                Some(v) => bail!("{name} must be on or off, got {v:?}"),
            }
        };
        let list = |name: &str, default: &[String]| -> Vec<String> {
            match get(name) {
                None => default.to_vec(),
                Some(v) => v
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
            }
        };

        let cors_allowed_origins = list("CORS_ALLOWED_ORIGINS", &d.cors_allowed_origins);
        for origin in &cors_allowed_origins {
            if origin == "*" {
                bail!("CORS_ALLOWED_ORIGINS cannot be *: list the origins that may send credentials");
            }
        }
        let csrf_trusted_origins = list("CSRF_TRUSTED_ORIGINS", &cors_allowed_origins);
        let argon2 = Argon2Settings {
            memory_kib: parse("ARGON2_MEMORY_KIB", d.argon2.memory_kib.into())? as u32,
            iterations: parse("ARGON2_ITERATIONS", d.argon2.iterations.into())? as u32,
            parallelism: parse("ARGON2_PARALLELISM", d.argon2.parallelism.into())? as u32,
        };
        let floor = Argon2Settings::default();
        if argon2.memory_kib < floor.memory_kib || argon2.iterations < floor.iterations || argon2.parallelism < 1 {
            bail!("Argon2 parameters below OWASP's minimum (m=19456 KiB, t=2, p=1) are refused");
        }
        let log_format = match get("LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(v) => bail!("LOG_FORMAT must be text or json, got {v:?}"),
        };
        let settings = Self {
            host: match get("HOST") {
                None => d.host,
                Some(v) => v
                    .parse()
                    .with_context(|| format!("HOST must be an IP address, got {v:?}"))?,
            },
            port: parse("PORT", d.port.into())?
                .try_into()
                .context("PORT must be at most 65535")?,
            database_url: get("DATABASE_URL").unwrap_or(d.database_url),
            database_max_connections: get("DATABASE_MAX_CONNECTIONS")
                .map(|v| v.parse().context("DATABASE_MAX_CONNECTIONS must be a whole number"))
                .transpose()?,
            secret_key: get("SECRET_KEY"),
            debug: flag("DEBUG", d.debug)?,
            allowed_hosts: list("ALLOWED_HOSTS", &d.allowed_hosts),
            cors_allowed_origins,
            csrf_trusted_origins,
            frontend_url: get("FRONTEND_URL").unwrap_or(d.frontend_url),
            auth_cookies: flag("AUTH_COOKIES", d.auth_cookies)?,
            access_token_lifetime: seconds("ACCESS_TOKEN_LIFETIME", d.access_token_lifetime, 30, 86_400)?,
            refresh_token_lifetime: seconds("REFRESH_TOKEN_LIFETIME", d.refresh_token_lifetime, 300, 366 * 86_400)?,
            refresh_grace_period: seconds("REFRESH_TOKEN_GRACE_PERIOD", d.refresh_grace_period, 0, 120)?,
            jwt_issuer: get("JWT_ISSUER").unwrap_or(d.jwt_issuer),
            jwt_audience: get("JWT_AUDIENCE").unwrap_or(d.jwt_audience),
            jwt_leeway: seconds("JWT_LEEWAY", d.jwt_leeway, 0, 300)?,
            argon2,
            password_hash_concurrency: parse("PASSWORD_HASH_CONCURRENCY", d.password_hash_concurrency as u64)?.max(1)
                as usize,
            max_body_bytes: parse("MAX_BODY_BYTES", d.max_body_bytes as u64)? as usize,
            request_timeout: seconds("REQUEST_TIMEOUT", d.request_timeout, 1, 600)?,
            log_format,
            auto_migrate: flag("AUTO_MIGRATE", d.auto_migrate)?,
        };
        Ok(settings)
    }

    /// True when the database is SQLite.
    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }
}
