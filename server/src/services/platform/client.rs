//! Who is asking: the current request's client (address, User-Agent, request id), carried in a
//! task-local scope that the HTTP layer opens around each request. Domain services read it to
//! key rate limits and to record sessions and audit events without knowing about HTTP.

use std::{future::Future, net::IpAddr, sync::Arc};

tokio::task_local! {
    static CURRENT: Arc<Client>;
}

/// The client of the request being served.
#[derive(Clone, Debug, Default)]
pub struct Client {
    /// The id logged with the request and echoed in `X-Request-Id`.
    pub request_id: String,
    /// The request path.
    pub path: String,
    /// The client's address: the socket peer, or what a trusted proxy reports
    /// (`TRUSTED_PROXIES`); the one rate limits, sessions and the audit log use.
    pub ip: Option<IpAddr>,
    /// The `User-Agent` header, truncated.
    pub user_agent: Option<String>,
}

/// Runs `fut` with `client` as the current client.
pub async fn scope<F: Future>(client: Arc<Client>, fut: F) -> F::Output {
    CURRENT.scope(client, fut).await
}

/// The current client, if inside a client scope.
pub fn current() -> Option<Arc<Client>> {
    CURRENT.try_with(Arc::clone).ok()
}

/// The current client's address, if known.
pub fn current_ip() -> Option<IpAddr> {
    CURRENT.try_with(|c| c.ip).ok().flatten()
}

/// The client's IP and User-Agent as stored with sessions and audit events.
#[derive(Clone, Debug, Default)]
pub struct ClientInfo {
    /// The client's address.
    pub ip: Option<String>,
    /// Its User-Agent.
    pub user_agent: Option<String>,
}

impl ClientInfo {
    /// The current request's client; empty outside a request.
    pub fn current() -> Self {
        CURRENT
            .try_with(|c| Self {
                ip: c.ip.map(|ip| ip.to_string()),
                user_agent: c.user_agent.clone(),
            })
            .unwrap_or_default()
    }
}
