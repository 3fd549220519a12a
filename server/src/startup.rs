//! Building and running the application: shared by `gatehouse serve` and the tests.

use std::{net::SocketAddr, sync::Arc};

use anyhow::Context;
use axum::{Router, extract::DefaultBodyLimit, middleware::from_fn, middleware::from_fn_with_state};
use http::StatusCode;
use sea_orm::DbBackend;
use tokio::{net::TcpListener, task::JoinSet};
use tower_http::timeout::TimeoutLayer;

use crate::{
    config::{EdgeSettings, EmailBackend, Settings},
    db,
    http::{api::Api, csrf, docs, middleware, rejections, server},
    services::{
        admin::{maintenance::Maintenance, user_admin::UserAdmin},
        identity::{
            accounts::Accounts, email_tokens::EmailTokens, password_recovery::PasswordRecovery,
            passwords::PasswordHasher, registration::Registration,
        },
        mail::{
            self, Mailer,
            deferred::Deferred,
            lease::{Leases, WorkerId},
            outbox::Outbox,
            transport::Transport,
        },
        otp::Otp,
        platform::{
            redis::{self, Redis},
            secrets::InstanceSecret,
        },
        protection::{LoginProtection, lockout::Lockout, rate_limit::RateLimiter},
        runtime_settings::RuntimeSettings,
        sessions::{
            Sessions,
            keys::KeyStore,
            session_cache::{self, SessionCache},
            tokens::AccessTokens,
            user_sessions::UserSessions,
        },
    },
    state::AppState,
};

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    router: Router,
    port: u16,
    edge: EdgeSettings,
    max_connections: usize,
    // Key reloads, the LISTEN feed, the outbox worker: stopped when the application is dropped.
    _background: JoinSet<()>,
}

impl Application {
    /// Connects to the database, migrates it (unless AUTO_MIGRATE is off), loads or creates
    /// the secrets and keys, and binds the listener (port 0 picks a free port).
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let state = build_state(settings).await?;
        let transport = Transport::from_settings(&state.settings.email.backend)?;
        let from = mail::sender(&state.settings)?;
        if state.settings.email.backend == EmailBackend::Console {
            tracing::warn!("EMAIL_BACKEND is console: e-mails, with their links, are printed to standard output");
        }
        let address = SocketAddr::new(state.settings.host, state.settings.port);
        let listener = TcpListener::bind(address)
            .await
            .with_context(|| format!("binding {address}"))?;
        let port = listener.local_addr()?.port();
        let worker = WorkerId::for_port(port);
        let max_connections = server::connection_limit(&state.settings);
        let edge = state.settings.edge;
        let mut background = JoinSet::new();
        // Claims are renewed while this process lives; those of its previous run are taken back
        // before the workers look for due rows.
        let leases = Leases::new(state.db.clone(), worker.clone());
        leases.take_back_previous_claims().await;
        background.spawn(leases.keep_forever());
        background.spawn(
            state
                .mailer
                .deferred()
                .clone()
                .work_forever(worker.clone(), state.settings.email.poll_interval),
        );
        background.spawn(state.sessions.tokens().keys().clone().reload_periodically());
        if state.db.get_database_backend() == DbBackend::Postgres {
            background.spawn(session_cache::listen(
                state.sessions.cache().clone(),
                state.settings.database_url.clone(),
            ));
        }
        background.spawn(state.mailer.clone().deliver_forever(
            transport,
            from,
            state.settings.email.poll_interval,
            worker,
        ));
        background.spawn(
            state
                .runtime
                .clone()
                .refresh_periodically(state.settings.settings_refresh_interval),
        );
        if let Some(interval) = state.settings.cleanup_interval {
            background.spawn(state.maintenance.clone().run_on_schedule(interval));
        }
        Ok(Self {
            router: router(state),
            listener,
            port,
            edge,
            max_connections,
            _background: background,
        })
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        server::serve(
            self.listener,
            self.router,
            self.edge,
            self.max_connections,
            shutdown_signal(),
        )
        .await
        .context("serving")
    }
}

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
    let hasher = PasswordHasher::new(settings.argon2, settings.password_hash_concurrency).await?;
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
        sessions.clone(),
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
    let email_tokens = EmailTokens::new(secret);
    let accounts = Accounts::new(
        db.clone(),
        hasher.clone(),
        sessions.clone(),
        runtime.clone(),
        LoginProtection::new(limits.clone(), lockout),
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
        email_tokens,
        sessions.clone(),
        runtime.clone(),
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
        user_admin: UserAdmin::new(db.clone(), sessions.clone()),
        maintenance: Maintenance::new(db.clone(), runtime.clone(), settings.jwt_leeway),
        runtime,
        sessions,
        db,
        settings,
        redis,
        otp,
        limits,
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

/// The whole HTTP application: generated routes, docs assets, and the middleware stack.
pub fn router(state: AppState) -> Router {
    let settings = state.settings.clone();
    let csrf_guard = csrf::CsrfGuard::new(settings.clone(), state.sessions.clone());
    let api = gatehouse_api::server::new(Arc::new(Api::new(state)));
    api.merge(docs::asset_routes())
        .fallback(rejections::fallback)
        // Innermost first: each layer wraps everything above it.
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(from_fn_with_state(
            settings.max_body_bytes,
            rejections::require_json_objects,
        ))
        .layer(from_fn_with_state(csrf_guard, csrf::check_csrf))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ))
        .layer(from_fn(rejections::problem_for_rejections))
        .layer(from_fn_with_state(settings.clone(), middleware::check_host))
        .layer(middleware::cors(&settings))
        .layer(from_fn_with_state(settings, middleware::request_scope))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
