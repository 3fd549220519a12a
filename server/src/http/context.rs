//! Per-request facts the generated handlers don't pass along (client IP, User-Agent, request
//! id, how the caller authenticated), and cookies a handler wants to set. They live in a
//! task-local scope opened by the outermost middleware around each request.

use std::{
    net::IpAddr,
    sync::{Arc, Mutex},
};

use axum_extra::extract::cookie::Cookie;

tokio::task_local! {
    static SCOPE: Arc<RequestScope>;
}

/// What the middleware learned about the request.
#[derive(Debug, Default)]
pub struct RequestScope {
    /// The id logged with the request and echoed in `X-Request-Id`.
    pub request_id: String,
    /// The request path.
    pub path: String,
    /// The client's address: the socket peer, or what a trusted proxy reports
    /// (`TRUSTED_PROXIES`); the one rate limits, sessions and the audit log use.
    pub ip: Option<IpAddr>,
    /// The `User-Agent` header, truncated.
    pub user_agent: Option<String>,
    /// Whether an `Authorization` header was sent (it wins over cookies).
    pub has_authorization: bool,
    /// Whether the `Accept` header prefers JSON.
    pub accepts_json: bool,
    /// Cookies to add to the response.
    set_cookies: Mutex<Vec<Cookie<'static>>>,
    /// A Content-Type to put on the response instead of the generated one.
    content_type: Mutex<Option<&'static str>>,
}

impl RequestScope {
    /// A scope for one request.
    pub fn new(request_id: String, path: String, ip: Option<IpAddr>, user_agent: Option<String>) -> Self {
        Self {
            request_id,
            path,
            ip,
            user_agent,
            ..Self::default()
        }
    }

    /// The cookies queued by the handler.
    pub fn take_cookies(&self) -> Vec<Cookie<'static>> {
        self.set_cookies
            .lock()
            .map(|mut c| std::mem::take(&mut *c))
            .unwrap_or_default()
    }

    /// The Content-Type the handler asked for, if any.
    pub fn content_type(&self) -> Option<&'static str> {
        self.content_type.lock().ok().and_then(|c| *c)
    }
}

/// Runs `fut` with `scope` as the current request scope; the caller keeps its own handle to
/// read the queued cookies afterwards.
pub async fn scope<F: Future>(scope: Arc<RequestScope>, fut: F) -> F::Output {
    SCOPE.scope(scope, fut).await
}

/// Reads the current request scope, if inside one.
pub fn current<R>(f: impl FnOnce(&RequestScope) -> R) -> Option<R> {
    SCOPE.try_with(|s| f(s)).ok()
}

/// Queues a cookie for the current response.
pub fn set_cookie(cookie: Cookie<'static>) {
    let _ = SCOPE.try_with(|s| {
        if let Ok(mut cookies) = s.set_cookies.lock() {
            cookies.push(cookie);
        }
    });
}

/// The client's IP and User-Agent, for sessions and the audit log.
#[derive(Clone, Debug, Default)]
pub struct ClientInfo {
    /// The client's address.
    pub ip: Option<String>,
    /// Its User-Agent.
    pub user_agent: Option<String>,
}

impl ClientInfo {
    /// The current request's client.
    pub fn current() -> Self {
        current(|s| Self {
            ip: s.ip.map(|ip| ip.to_string()),
            user_agent: s.user_agent.clone(),
        })
        .unwrap_or_default()
    }
}

/// Replaces the generated Content-Type of the current response (content negotiation the
/// generated code cannot express).
pub fn set_content_type(media_type: &'static str) {
    let _ = SCOPE.try_with(|s| {
        if let Ok(mut slot) = s.content_type.lock() {
            *slot = Some(media_type);
        }
    });
}
