//! Building and running the application: shared by `gatehouse serve` and the tests.

use std::{net::SocketAddr, sync::Arc};

use anyhow::Context;
use axum::{Router, extract::DefaultBodyLimit, middleware::from_fn_with_state};
use sea_orm::DbBackend;
use tokio::{net::TcpListener, task::JoinSet};

mod state;

pub use state::build_state;

use crate::{
    config::{EdgeSettings, EmailBackend, Settings},
    http::{api::Api, console, docs, guard, metrics_listener, middleware, rejections, server},
    services::{
        mail::{self, transport::Transport},
        platform::{
            lease::{Leases, WorkerId},
            metrics,
        },
        sessions::session_cache,
    },
    state::AppState,
};

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    router: Router,
    port: u16,
    metrics_port: Option<u16>,
    edge: EdgeSettings,
    max_connections: usize,
    // Key reloads, the LISTEN feed, the outbox worker: stopped when the application is dropped.
    _background: JoinSet<()>,
}

impl Application {
    /// Connects to the database, migrates it (unless AUTO_MIGRATE is off), loads or creates
    /// the secrets and keys, and binds the listener (port 0 picks a free port).
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        metrics::install();
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
        background.spawn(
            state
                .exports
                .clone()
                .work_forever(worker.clone(), state.settings.email.poll_interval),
        );
        background.spawn(
            state
                .webhooks
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
        background.spawn(state.operations.clone().upkeep_forever());
        let metrics_port = match state.settings.metrics_addr {
            Some(address) => {
                let listener = TcpListener::bind(address)
                    .await
                    .with_context(|| format!("binding METRICS_ADDR {address}"))?;
                let bound = listener.local_addr()?;
                tracing::info!(%bound, "metrics served on their own listener (METRICS_ADDR), not on the main one");
                let metrics = metrics_listener::router(state.operations.clone());
                background.spawn(async move {
                    if let Err(e) = axum::serve(listener, metrics).await {
                        tracing::error!(error = %e, "the metrics listener stopped");
                    }
                });
                Some(bound.port())
            }
            None => None,
        };
        if let Some(interval) = state.settings.cleanup_interval {
            background.spawn(state.maintenance.clone().run_on_schedule(interval));
        }
        Ok(Self {
            router: router(state),
            listener,
            port,
            metrics_port,
            edge,
            max_connections,
            _background: background,
        })
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port of the metrics listener, when `METRICS_ADDR` is set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
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

/// The whole HTTP application: generated routes, docs assets, and the middleware stack.
pub fn router(state: AppState) -> Router {
    let settings = state.settings.clone();
    let guard = Arc::new(guard::Guard::new(settings.clone(), state.sessions.clone()));
    let console = console::router(state.clone());
    let api = gatehouse_api::server::new(Arc::new(Api::new(state)));
    let app = api
        .merge(docs::asset_routes())
        .fallback(rejections::fallback)
        // Innermost first: each layer wraps everything above it.
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(from_fn_with_state(guard, guard::guard));
    // The console answers pages, not problems: merged after the API's guard, with its own.
    let app = match console {
        Some(console) => app.merge(console),
        None => app,
    };
    app.layer(from_fn_with_state(settings, middleware::request_scope))
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
