//! Posting a signed event to an endpoint, safely: `https` only (plain `http` where private
//! addresses are allowed), no user name or password in the URL, no redirects followed, a time
//! limit on the whole attempt, at most [`MAX_ANSWER`] read back — and, unless
//! `WEBHOOK_ALLOW_PRIVATE`, never a private, loopback, link-local or otherwise non-public
//! address: neither written in the URL nor resolved from its host name at connection time
//! (so a name that resolves elsewhere after the check — DNS rebinding — is refused too).

use std::{
    future::Future,
    io,
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    pin::Pin,
    sync::{Arc, OnceLock},
    task::{Context, Poll},
    time::Duration,
};

use bytes::Bytes;
use http::{Request, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::{
    client::legacy::{
        Client,
        connect::{HttpConnector, dns::Name},
    },
    rt::TokioExecutor,
};
use url::{Host, Url};

use crate::services::platform::outbound;

/// The most read of an endpoint's answer (kept for the delivery's `last_error`).
pub const MAX_ANSWER: usize = 64 * 1024;
const USER_AGENT: &str = concat!("Gatehouse-Webhooks/", env!("CARGO_PKG_VERSION"));

/// Why a URL cannot be an endpoint.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UrlRefused {
    /// Not an absolute `http(s)` URL with a host.
    #[error("not an absolute https URL")]
    Invalid,
    /// `http` where only `https` is allowed.
    #[error("the URL must use https")]
    NotHttps,
    /// A user name or password in the URL.
    #[error("the URL must not hold credentials")]
    Credentials,
    /// A private, loopback, link-local or otherwise non-public address.
    #[error("the URL's host is not a public address")]
    NotPublic,
}

/// Checks `url` as an endpoint: the parsed URL, or why it is refused.
pub fn check_url(url: &str, allow_private: bool) -> Result<Url, UrlRefused> {
    let parsed = Url::parse(url.trim()).map_err(|_| UrlRefused::Invalid)?;
    match parsed.scheme() {
        "https" => {}
        "http" if allow_private => {}
        "http" => return Err(UrlRefused::NotHttps),
        _ => return Err(UrlRefused::Invalid),
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(UrlRefused::Credentials);
    }
    let public = match parsed.host() {
        None => return Err(UrlRefused::Invalid),
        Some(Host::Ipv4(ip)) => is_public(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => is_public(IpAddr::V6(ip)),
        Some(Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            !(name == "localhost"
                || name.ends_with(".localhost")
                || name.ends_with(".local")
                || name.ends_with(".internal"))
        }
    };
    if !public && !allow_private {
        return Err(UrlRefused::NotPublic);
    }
    Ok(parsed)
}

/// Whether `ip` is a public unicast address: not private, loopback, link-local, shared
/// (CGNAT), unspecified, broadcast, multicast, documentation, benchmarking or reserved; an
/// IPv4 address embedded in IPv6 (mapped, NAT64) is judged as itself.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let segments = v6.segments();
            if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                let [a, b] = segments[6].to_be_bytes();
                let [c, d] = segments[7].to_be_bytes();
                return is_public_v4(Ipv4Addr::new(a, b, c, d));
            }
            !(v6.is_unspecified()
                || v6.is_loopback()
                || v6.is_multicast()
                || (segments[0] & 0xfe00) == 0xfc00 // unique local
                || (segments[0] & 0xffc0) == 0xfe80 // link-local
                || (segments[0] == 0x2001 && segments[1] == 0x0db8) // documentation
                || v6 == Ipv6Addr::from([0u16, 0, 0, 0, 0, 0, 0, 1]))
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240) // reserved
}

/// Resolves host names with the system resolver, keeping only the addresses an endpoint may
/// have: a name left with none fails to connect.
#[derive(Clone)]
struct GuardedResolver {
    allow_private: bool,
}

impl tower::Service<Name> for GuardedResolver {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = io::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, name: Name) -> Self::Future {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let resolved = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let allowed: Vec<SocketAddr> = resolved
                .filter(|address| allow_private || is_public(address.ip()))
                .collect();
            if allowed.is_empty() {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "the host resolves to no public address",
                ));
            }
            Ok(allowed.into_iter())
        })
    }
}

type GuardedClient = Client<HttpsConnector<HttpConnector<GuardedResolver>>, Full<Bytes>>;

/// What an attempt got back.
#[derive(Debug)]
pub enum Outcome {
    /// A 2xx answer.
    Delivered(StatusCode),
    /// Another answer (a redirect is one: never followed), with the start of its body.
    Refused(StatusCode, String),
    /// No answer: refused connection, TLS failure, time limit, a non-public address.
    Failed(String),
}

/// The HTTP client for webhook deliveries; cheap to clone, built on first use.
#[derive(Clone)]
pub struct Sender {
    client: Arc<OnceLock<GuardedClient>>,
    timeout: Duration,
    allow_private: bool,
}

impl Sender {
    /// A sender whose attempts may take `timeout`, refusing non-public addresses unless
    /// `allow_private`.
    pub fn new(timeout: Duration, allow_private: bool) -> Self {
        Self {
            client: Arc::default(),
            timeout,
            allow_private,
        }
    }

    fn client(&self) -> anyhow::Result<&GuardedClient> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let mut http = HttpConnector::new_with_resolver(GuardedResolver {
            allow_private: self.allow_private,
        });
        http.enforce_http(false);
        http.set_connect_timeout(Some(self.timeout));
        let https = HttpsConnectorBuilder::new()
            .with_tls_config(outbound::tls_config()?)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let built = Client::builder(TokioExecutor::new()).build(https);
        Ok(self.client.get_or_init(|| built))
    }

    /// Posts `body` to `url` with the Standard Webhooks headers.
    pub async fn post(&self, url: &str, id: &str, timestamp: i64, signature: &str, body: Bytes) -> Outcome {
        // Checked again at each attempt: the rule may have changed since the URL was saved,
        // and an address written in the URL never reaches the resolver.
        let url = match check_url(url, self.allow_private) {
            Ok(url) => url,
            Err(refused) => return Outcome::Failed(refused.to_string()),
        };
        let request = Request::post(url.as_str())
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::USER_AGENT, USER_AGENT)
            .header("webhook-id", id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(Full::new(body));
        let request = match request {
            Ok(request) => request,
            Err(e) => return Outcome::Failed(format!("the request could not be built: {e}")),
        };
        let client = match self.client() {
            Ok(client) => client,
            Err(e) => return Outcome::Failed(format!("{e:#}")),
        };
        let attempt = async {
            let response = client.request(request).await.map_err(|e| describe(&e))?;
            let status = response.status();
            if status.is_success() {
                return Ok(Outcome::Delivered(status));
            }
            // The start of the answer says why; the rest is not read.
            let body = Limited::new(response.into_body(), MAX_ANSWER)
                .collect()
                .await
                .map(|b| b.to_bytes())
                .unwrap_or_default();
            let text: String = String::from_utf8_lossy(&body).chars().take(300).collect();
            Ok(Outcome::Refused(status, text))
        };
        match tokio::time::timeout(self.timeout, attempt).await {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(error)) => Outcome::Failed(error),
            Err(_) => Outcome::Failed(format!("no answer within {} s", self.timeout.as_secs())),
        }
    }
}

/// The cause chain of a client error, outermost first.
fn describe(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_https_urls_without_credentials_pass() {
        assert!(check_url("https://hooks.example.com/in", false).is_ok());
        assert_eq!(
            check_url("http://hooks.example.com/in", false),
            Err(UrlRefused::NotHttps)
        );
        assert_eq!(
            check_url("https://u:p@hooks.example.com/", false),
            Err(UrlRefused::Credentials)
        );
        assert_eq!(check_url("ftp://hooks.example.com/", false), Err(UrlRefused::Invalid));
        assert_eq!(check_url("/relative", false), Err(UrlRefused::Invalid));
        for private in [
            "https://127.0.0.1/",
            "https://10.1.2.3/",
            "https://192.168.0.1/",
            "https://172.16.5.4/",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://[::1]/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[64:ff9b::a00:1]/",
            "https://localhost:8080/",
            "https://api.localhost/",
        ] {
            assert_eq!(check_url(private, false), Err(UrlRefused::NotPublic), "{private}");
            assert!(
                check_url(private, true).is_ok(),
                "{private} with private addresses allowed"
            );
        }
        assert!(check_url("http://127.0.0.1:9/", true).is_ok());
    }

    #[test]
    fn public_addresses_are_public() {
        for ip in ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"] {
            assert!(is_public(ip.parse().unwrap()), "{ip}");
        }
    }

    #[tokio::test]
    async fn a_name_that_resolves_only_to_loopback_is_refused_at_connection() {
        let mut resolver = GuardedResolver { allow_private: false };
        let refused = tower::Service::call(&mut resolver, "localhost".parse().unwrap()).await;
        assert_eq!(refused.unwrap_err().kind(), io::ErrorKind::PermissionDenied);
        let mut open = GuardedResolver { allow_private: true };
        assert!(
            tower::Service::call(&mut open, "localhost".parse().unwrap())
                .await
                .is_ok()
        );
    }
}
