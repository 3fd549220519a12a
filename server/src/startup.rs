//! Building and running the application: shared by `gatehouse serve` and the tests.

use std::{net::SocketAddr, sync::Arc};

use anyhow::Context;
use axum::{Router, extract::DefaultBodyLimit, middleware::from_fn, middleware::from_fn_with_state};
use http::StatusCode;
use sea_orm::DbBackend;
use tokio::net::TcpListener;
use tower_http::timeout::TimeoutLayer;

use crate::{
    config::Settings,
    db,
    http::{api::Api, docs, middleware, rejections},
    services::{
        accounts::Accounts,
        keys::KeyStore,
        passwords::PasswordHasher,
        secrets::InstanceSecret,
        session_cache::{self, SessionCache},
        sessions::Sessions,
        tokens::AccessTokens,
    },
    state::AppState,
};

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    router: Router,
    port: u16,
}

impl Application {
    /// Connects to the database, migrates it (unless AUTO_MIGRATE is off), loads or creates
    /// the secrets and keys, and binds the listener (port 0 picks a free port).
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let state = build_state(settings).await?;
        let address = SocketAddr::new(state.settings.host, state.settings.port);
        let listener = TcpListener::bind(address)
            .await
            .with_context(|| format!("binding {address}"))?;
        let port = listener.local_addr()?.port();
        Ok(Self {
            router: router(state),
            listener,
            port,
        })
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        axum::serve(
            self.listener,
            self.router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
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
    let keys = KeyStore::load(db.clone(), settings.access_token_lifetime + settings.jwt_leeway).await?;
    tokio::spawn(keys.clone().reload_periodically());
    let tokens = AccessTokens::new(
        keys,
        settings.jwt_issuer.clone(),
        settings.jwt_audience.clone(),
        settings.access_token_lifetime,
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
    if postgres {
        tokio::spawn(session_cache::listen(cache.clone(), settings.database_url.clone()));
    }
    let sessions = Sessions::new(
        db.clone(),
        cache,
        secret,
        tokens,
        settings.refresh_token_lifetime,
        settings.refresh_grace_period,
    );
    Ok(AppState {
        accounts: Accounts::new(db.clone(), hasher, sessions.clone()),
        sessions,
        db,
        settings: Arc::new(settings),
    })
}

/// The whole HTTP application: generated routes, docs assets, and the middleware stack.
pub fn router(state: AppState) -> Router {
    let settings = state.settings.clone();
    let api = gatehouse_api::server::new(Arc::new(Api::new(state)));
    api.merge(docs::asset_routes())
        .fallback(rejections::fallback)
        // Innermost first: each layer wraps everything above it.
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(from_fn_with_state(
            settings.max_body_bytes,
            rejections::require_json_objects,
        ))
        .layer(from_fn_with_state(settings.clone(), middleware::check_csrf))
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
