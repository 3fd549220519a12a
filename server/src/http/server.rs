//! The accept loop: HTTP/1.1 on hyper (as `axum::serve` did: axum's `http2` feature was
//! never on, so no HTTP/2), with a cap on open connections, a
//! header-read timeout, an idle keep-alive timeout and a graceful shutdown.
//!
//! hyper's own HTTP/1 `header_read_timeout` is left off on purpose: in hyper 1.x its timer
//! also runs while a keep-alive connection waits for its next request (`conn.rs`,
//! `State::idle` sets `notify_read` so the timer restarts at once), which would close every
//! idle HTTP/1 connection after `HEADER_READ_TIMEOUT` — before a load balancer's own idle
//! timeout, the race that turns into 502s. Our watchdog ([`super::conn`]) times the two
//! waits apart.

use std::{future::Future, net::SocketAddr, sync::Arc, time::Duration};

use axum::{Router, extract::ConnectInfo};
use hyper::{Request, body::Incoming, server::conn::http1::Builder};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::{
    net::{TcpListener, TcpStream},
    sync::{OwnedSemaphorePermit, Semaphore, watch},
};
use tower::ServiceExt;

use super::conn::{Activity, Tracked, Verdict};
use crate::{
    config::{EdgeSettings, Settings},
    services::platform::log_throttle::LogThrottle,
};

const WARN_EVERY: Duration = Duration::from_secs(10);
// Descriptors kept for everything but clients: stdio, the epoll and signal descriptors, Redis,
// SMTP, templates, key and e-mail files, DNS.
const RESERVED_DESCRIPTORS: u64 = 64;
// Each open connection holds buffers; beyond this, raise MAX_CONNECTIONS knowingly.
const DEFAULT_CAP: u64 = 10_000;

/// Raises the open-file soft limit to the hard limit and returns the connection cap:
/// `MAX_CONNECTIONS`, or the descriptor limit less the database pool and a reserve.
pub fn connection_limit(settings: &Settings) -> usize {
    let descriptors = raise_descriptor_limit();
    let pool = settings
        .database_max_connections
        .unwrap_or(if settings.is_sqlite() { 8 } else { 16 });
    let derived = descriptors
        .map(|n| {
            n.saturating_sub(u64::from(pool) + RESERVED_DESCRIPTORS)
                .clamp(16, DEFAULT_CAP)
        })
        .unwrap_or(1024) as usize;
    let cap = settings.edge.max_connections.unwrap_or(derived);
    tracing::info!(
        descriptor_limit = descriptors,
        max_connections = cap,
        "serving at most max_connections connections at once"
    );
    cap
}

#[cfg(unix)]
fn raise_descriptor_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct we pass.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            // Refused (e.g. macOS above OPEN_MAX): the current limit stands.
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    #[allow(clippy::unnecessary_cast)] // rlim_t is not u64 everywhere
    Some(limit.rlim_cur as u64)
}

#[cfg(not(unix))]
fn raise_descriptor_limit() -> Option<u64> {
    None
}

/// Serves `router` on `listener` until `shutdown` completes, then stops accepting and waits
/// for the open connections to finish their requests.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    edge: EdgeSettings,
    max_connections: usize,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let local = listener.local_addr()?;
    let mut builder = Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(None);
    let builder = Arc::new(builder);
    let slots = Arc::new(Semaphore::new(max_connections));
    let (stop, stopped) = watch::channel(false);
    let limit_warning = LogThrottle::new(WARN_EVERY);
    let accept_warning = LogThrottle::new(WARN_EVERY);
    tokio::pin!(shutdown);
    loop {
        let permit = match slots.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                if let Some(times) = limit_warning.note() {
                    tracing::warn!(
                        %local,
                        open_connections = max_connections,
                        times_reached = times,
                        "connection limit reached (MAX_CONNECTIONS): not accepting until a connection closes"
                    );
                }
                tokio::select! {
                    permit = slots.clone().acquire_owned() => permit?,
                    () = &mut shutdown => break,
                }
            }
        };
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    if let Some(times) = accept_warning.note() {
                        tracing::warn!(%local, error = %e, times, "accept failed");
                    }
                    // Out of descriptors, typically: give closing connections a moment.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let connection = Connection {
            builder: builder.clone(),
            router: router.clone(),
            edge,
            stopped: stopped.clone(),
            _permit: permit,
        };
        tokio::spawn(connection.run(stream, remote));
    }
    drop(listener);
    let _ = stop.send(true);
    // Every connection holds a slot: all slots back means every connection has finished.
    let _ = slots.acquire_many(max_connections as u32).await;
    Ok(())
}

/// One accepted connection and what it needs to be served.
struct Connection {
    builder: Arc<Builder>,
    router: Router,
    edge: EdgeSettings,
    stopped: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
}

impl Connection {
    async fn run(mut self, stream: TcpStream, remote: SocketAddr) {
        let _ = stream.set_nodelay(true);
        let activity = Activity::new();
        let io = TokioIo::new(Tracked::new(stream, activity.clone()));
        let router = self.router.clone();
        let requests = activity.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(remote));
            let in_flight = requests.request();
            let router = router.clone();
            async move {
                let response = router.oneshot(request).await;
                drop(in_flight);
                response
            }
        });
        let conn = self.builder.serve_connection(io, service);
        tokio::pin!(conn);
        let (header_read, keep_alive) = (self.edge.header_read_timeout, self.edge.keep_alive_timeout);
        let mut closing = false;
        let mut wait = Duration::ZERO;
        loop {
            tokio::select! {
                result = conn.as_mut() => {
                    if let Err(e) = result {
                        tracing::debug!(%remote, error = %e, "connection ended with an error");
                    }
                    return;
                }
                () = tokio::time::sleep(wait) => match activity.verdict(header_read, keep_alive) {
                    Verdict::Wait(next) => wait = next,
                    Verdict::SlowHead => {
                        tracing::debug!(%remote, "closing: no complete request head within HEADER_READ_TIMEOUT");
                        return;
                    }
                    Verdict::Idle if closing => return,
                    Verdict::Idle => {
                        conn.as_mut().graceful_shutdown();
                        closing = true;
                        wait = header_read;
                    }
                },
                _ = self.stopped.wait_for(|stop| *stop), if !closing => {
                    conn.as_mut().graceful_shutdown();
                    closing = true;
                }
            }
        }
    }
}
