//! Per-request HTTP facts the generated handlers don't pass along (how the caller
//! authenticated, what it accepts), and cookies a handler wants to set. They live in a
//! task-local scope opened by the outermost middleware around each request, next to the
//! domain's client scope ([`crate::services::platform::client`]: address, User-Agent, request id).

use std::sync::{Arc, Mutex};

use axum_extra::extract::cookie::Cookie;

tokio::task_local! {
    static SCOPE: Arc<RequestScope>;
}

/// What the middleware learned about the request.
#[derive(Debug, Default)]
pub struct RequestScope {
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

/// Replaces the generated Content-Type of the current response (content negotiation the
/// generated code cannot express).
pub fn set_content_type(media_type: &'static str) {
    let _ = SCOPE.try_with(|s| {
        if let Ok(mut slot) = s.content_type.lock() {
            *slot = Some(media_type);
        }
    });
}
