//! Calls to identity providers through the shared outbound client: a provider that does not
//! answer, or answers 5xx, is `provider_unavailable`; one that refuses is `provider_error`.

use bytes::Bytes;
use http::{Request, header};
use http_body_util::Full;
use serde::de::DeserializeOwned;

use super::Failure;
pub use crate::services::platform::outbound::{Outbound, OutboundError};

/// The failure a sign-in ends with when a provider call failed.
pub fn failure(error: &OutboundError) -> Failure {
    if error.is_unavailable() {
        Failure::ProviderUnavailable
    } else {
        Failure::ProviderError
    }
}

/// GETs JSON, with a bearer token when given. Anything but a 2xx JSON answer is a failure.
pub async fn get_json<T: DeserializeOwned>(out: &Outbound, url: &str, bearer: Option<&str>) -> Result<T, Failure> {
    let mut request = Request::get(url).header(header::ACCEPT, "application/json");
    if let Some(token) = bearer {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = request.body(Full::default()).map_err(|e| {
        tracing::warn!(error = %e, "building a provider request failed");
        Failure::ProviderError
    })?;
    let response = out.execute(request).await.map_err(|e| {
        tracing::warn!(error = %e, url, "provider call failed");
        failure(&e)
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

/// The `oauth2` crate's token exchange goes through the shared client too.
pub struct OauthClient<'a>(pub &'a Outbound);

impl<'c> oauth2::AsyncHttpClient<'c> for OauthClient<'_> {
    type Error = OutboundError;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<oauth2::HttpResponse, OutboundError>> + Send + 'c>>;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        let request = request.map(|body| Full::new(Bytes::from(body)));
        Box::pin(self.0.execute(request))
    }
}
