//! Calls to identity providers: TLS through rustls with the ring provider, a 10 s timeout, a
//! 1 MiB cap on what is read, and no redirects followed. A provider that does not answer, or
//! answers 5xx, is `provider_unavailable`; one that refuses is `provider_error`.

use std::time::Duration;

use http::StatusCode;
use serde::de::DeserializeOwned;

use super::Failure;

/// How long a provider may take to answer.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The most read from one answer.
pub const MAX_BODY: usize = 1024 * 1024;

/// Why a call to a provider failed.
#[derive(Debug, thiserror::Error)]
pub enum OutboundError {
    /// No answer: connection refused, timeout, TLS failure.
    #[error("provider unreachable: {0}")]
    Unreachable(#[source] reqwest::Error),
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
            Self::Unreachable(_) | Self::ServerError(_) => Failure::ProviderUnavailable,
            Self::TooLarge | Self::Build(_) => Failure::ProviderError,
        }
    }
}

/// The HTTP client for providers; cheap to clone.
#[derive(Clone)]
pub struct Outbound {
    client: reqwest::Client,
}

impl Outbound {
    /// The client.
    pub fn new() -> anyhow::Result<Self> {
        // Installing fails only when a provider is installed already, which is what we want.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Gatehouse/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Self { client })
    }

    /// Sends `request` and reads the answer (at most [`MAX_BODY`]); 5xx is an error.
    pub async fn execute(&self, request: reqwest::Request) -> Result<(StatusCode, http::HeaderMap, Vec<u8>), OutboundError> {
        let mut response = self.client.execute(request).await.map_err(OutboundError::Unreachable)?;
        let status = response.status();
        if status.is_server_error() {
            return Err(OutboundError::ServerError(status));
        }
        if response.content_length().is_some_and(|n| n > MAX_BODY as u64) {
            return Err(OutboundError::TooLarge);
        }
        let headers = std::mem::take(response.headers_mut());
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(OutboundError::Unreachable)? {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(OutboundError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, headers, body))
    }

    /// GETs JSON, with a bearer token when given. Anything but a 2xx JSON answer is a failure.
    pub async fn get_json<T: DeserializeOwned>(&self, url: &str, bearer: Option<&str>) -> Result<T, Failure> {
        let mut request = self.client.get(url).header(http::header::ACCEPT, "application/json");
        if let Some(token) = bearer {
            request = request.bearer_auth(token);
        }
        let request = request.build().map_err(|e| {
            tracing::warn!(error = %e, "building a provider request failed");
            Failure::ProviderError
        })?;
        let (status, _, body) = self.execute(request).await.map_err(|e| {
            tracing::warn!(error = %e, url, "provider call failed");
            e.failure()
        })?;
        if !status.is_success() {
            tracing::warn!(%status, url, "provider refused a call");
            return Err(Failure::ProviderError);
        }
        serde_json::from_slice(&body).map_err(|e| {
            tracing::warn!(error = %e, url, "provider answered something unexpected");
            Failure::ProviderError
        })
    }

    /// The HTTP client the `oauth2` crate calls for the token exchange.
    pub async fn oauth2(&self, request: oauth2::HttpRequest) -> Result<oauth2::HttpResponse, OutboundError> {
        let request = reqwest::Request::try_from(request).map_err(|e| OutboundError::Build(e.to_string()))?;
        let (status, headers, body) = self.execute(request).await?;
        let mut response = oauth2::HttpResponse::new(body);
        *response.status_mut() = status;
        *response.headers_mut() = headers;
        Ok(response)
    }
}

impl<'c> oauth2::AsyncHttpClient<'c> for Outbound {
    type Error = OutboundError;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<oauth2::HttpResponse, OutboundError>> + Send + 'c>,
    >;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        Box::pin(self.oauth2(request))
    }
}
