//! Calls to identity providers: TLS through rustls with the ring provider (the system's CA
//! certificates and Mozilla's), a 10 s limit on each call, a 1 MiB cap on what is read, and no
//! redirects followed. A provider that does not answer, or answers 5xx, is
//! `provider_unavailable`; one that refuses is `provider_error`.
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
use serde::de::DeserializeOwned;

use super::Failure;

/// How long a provider may take to answer, body included.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The most read from one answer.
pub const MAX_BODY: usize = 1024 * 1024;

const USER_AGENT: &str = concat!("Gatehouse/", env!("CARGO_PKG_VERSION"));

/// Why a call to a provider failed.
#[derive(Debug, thiserror::Error)]
pub enum OutboundError {
    /// No answer: connection refused, TLS failure, broken connection.
    #[error("provider unreachable: {0}")]
    Unreachable(String),
    /// No complete answer within [`TIMEOUT`].
    #[error("provider did not answer within 10 s")]
    Timeout,
    /// The answer was larger than [`MAX_BODY`].
    #[error("provider answer larger than 1 MiB")]
    TooLarge,
    /// A 5xx answer.
    #[error("provider answered {0}")]
    ServerError(StatusCode),
    /// The request could not be built.
    #[error("bad request to provider: {0}")]
    Build(String),
}

impl OutboundError {
    /// The failure a sign-in ends with.
    pub fn failure(&self) -> Failure {
        match self {
            Self::Unreachable(_) | Self::Timeout | Self::ServerError(_) => Failure::ProviderUnavailable,
            Self::TooLarge | Self::Build(_) => Failure::ProviderError,
        }
    }
}

type HttpsClient = Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// The HTTP client for providers; cheap to clone. Its TLS roots are loaded on the first call,
/// not at start: most deployments configure no provider.
#[derive(Clone, Default)]
pub struct Outbound {
    client: Arc<OnceLock<HttpsClient>>,
}

impl Outbound {
    /// The client, built on first use.
    fn client(&self) -> Result<&HttpsClient, OutboundError> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let built = build_client().map_err(|e| OutboundError::Build(format!("{e:#}")))?;
        Ok(self.client.get_or_init(|| built))
    }

    /// Sends `request` and reads the answer (at most [`MAX_BODY`]), all within [`TIMEOUT`];
    /// 5xx is an error. Redirects are answers like any other: never followed.
    pub async fn execute(&self, request: Request<Full<Bytes>>) -> Result<Response<Vec<u8>>, OutboundError> {
        tokio::time::timeout(TIMEOUT, self.send(request))
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

    /// GETs JSON, with a bearer token when given. Anything but a 2xx JSON answer is a failure.
    pub async fn get_json<T: DeserializeOwned>(&self, url: &str, bearer: Option<&str>) -> Result<T, Failure> {
        let mut request = Request::get(url).header(header::ACCEPT, "application/json");
        if let Some(token) = bearer {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = request.body(Full::default()).map_err(|e| {
            tracing::warn!(error = %e, "building a provider request failed");
            Failure::ProviderError
        })?;
        let response = self.execute(request).await.map_err(|e| {
            tracing::warn!(error = %e, url, "provider call failed");
            e.failure()
        })?;
        if !response.status().is_success() {
            tracing::warn!(status = %response.status(), url, "provider refused a call");
            return Err(Failure::ProviderError);
        }
        serde_json::from_slice(response.body()).map_err(|e| {
            tracing::warn!(error = %e, url, "provider answered something unexpected");
            Failure::ProviderError
        })
    }
}

impl<'c> oauth2::AsyncHttpClient<'c> for Outbound {
    type Error = OutboundError;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<oauth2::HttpResponse, OutboundError>> + Send + 'c>>;

    /// The token exchange of the `oauth2` crate goes through this client too.
    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        let request = request.map(|body| Full::new(Bytes::from(body)));
        Box::pin(self.execute(request))
    }
}

/// The client: rustls with ring, Mozilla's roots and the system's, plain http allowed (the
/// configuration refuses it except on loopback or with DEBUG).
fn build_client() -> anyhow::Result<HttpsClient> {
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
