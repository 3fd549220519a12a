//! Calls to outside services (identity providers, the Pwned Passwords range API): TLS through
//! rustls with the ring provider (the system's CA certificates and Mozilla's), a time limit on
//! each call (10 s unless the caller sets one), a 1 MiB cap on what is read, and no redirects
//! followed.
//!
//! Its own small client rather than reqwest: giving reqwest a TLS backend would make every
//! reqwest client of the process (the healthcheck, the OTLP exporter) depend on a crypto
//! provider being installed first.

use std::{
    sync::{Arc, OnceLock},
    time::Duration,
};

use bytes::Bytes;
use http::{Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::{
    client::legacy::{Client, connect::HttpConnector},
    rt::TokioExecutor,
};
/// How long a call may take by default, body included.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The most read from one answer.
pub const MAX_BODY: usize = 1024 * 1024;

const USER_AGENT: &str = concat!("Gatehouse/", env!("CARGO_PKG_VERSION"));

/// Why an outside call failed.
#[derive(Debug, thiserror::Error)]
pub enum OutboundError {
    /// No answer: connection refused, TLS failure, broken connection.
    #[error("unreachable: {0}")]
    Unreachable(String),
    /// No complete answer within the time limit.
    #[error("no answer within the time limit")]
    Timeout,
    /// The answer was larger than [`MAX_BODY`].
    #[error("answer larger than 1 MiB")]
    TooLarge,
    /// A 5xx answer.
    #[error("answered {0}")]
    ServerError(StatusCode),
    /// The request could not be built.
    #[error("bad request: {0}")]
    Build(String),
}

impl OutboundError {
    /// The other side is down or slow (rather than refusing what was asked).
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Self::Unreachable(_) | Self::Timeout | Self::ServerError(_))
    }
}

type HttpsClient = Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// The HTTP client for outside calls; cheap to clone. Its TLS roots are loaded on the first
/// call, not at start: many deployments never make one.
#[derive(Clone)]
pub struct Outbound {
    client: Arc<OnceLock<HttpsClient>>,
    timeout: Duration,
}

impl Default for Outbound {
    fn default() -> Self {
        Self::with_timeout(TIMEOUT)
    }
}

impl Outbound {
    /// A client whose calls may take `timeout`, body included.
    pub fn with_timeout(timeout: Duration) -> Self {
        Self {
            client: Arc::default(),
            timeout,
        }
    }

    /// The client, built on first use.
    fn client(&self) -> Result<&HttpsClient, OutboundError> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let built = build_client().map_err(|e| OutboundError::Build(format!("{e:#}")))?;
        Ok(self.client.get_or_init(|| built))
    }

    /// Sends `request` and reads the answer (at most [`MAX_BODY`]), all within the time
    /// limit; 5xx is an error. Redirects are answers like any other: never followed.
    pub async fn execute(&self, request: Request<Full<Bytes>>) -> Result<Response<Vec<u8>>, OutboundError> {
        tokio::time::timeout(self.timeout, self.send(request))
            .await
            .map_err(|_| OutboundError::Timeout)?
    }

    async fn send(&self, mut request: Request<Full<Bytes>>) -> Result<Response<Vec<u8>>, OutboundError> {
        request
            .headers_mut()
            .insert(header::USER_AGENT, header::HeaderValue::from_static(USER_AGENT));
        let response = self
            .client()?
            .request(request)
            .await
            .map_err(|e| OutboundError::Unreachable(format!("{e:#}")))?;
        let status = response.status();
        if status.is_server_error() {
            return Err(OutboundError::ServerError(status));
        }
        let (parts, body) = response.into_parts();
        let body = Limited::new(body, MAX_BODY).collect().await.map_err(|e| {
            if e.is::<http_body_util::LengthLimitError>() {
                OutboundError::TooLarge
            } else {
                OutboundError::Unreachable(e.to_string())
            }
        })?;
        Ok(Response::from_parts(parts, body.to_bytes().to_vec()))
    }
}

/// The TLS settings of every outside call: rustls with ring, Mozilla's roots and the system's.
pub fn tls_config() -> anyhow::Result<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    // A private CA (an in-house Keycloak) is trusted when the system trusts it.
    let native = rustls_native_certs::load_native_certs();
    let (added, _) = roots.add_parsable_certificates(native.certs);
    tracing::debug!(system_roots = added, "outbound TLS roots loaded");
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tls)
}

/// The client: [`tls_config`], plain http allowed (the configuration refuses it except on
/// loopback or with DEBUG).
fn build_client() -> anyhow::Result<HttpsClient> {
    let tls = tls_config()?;
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_connect_timeout(Some(TIMEOUT));
    // Plain http is refused by the configuration except on loopback or with DEBUG.
    let https = HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http()
        .enable_http1()
        .wrap_connector(http);
    Ok(Client::builder(TokioExecutor::new()).build(https))
}
