//! `gatehouse healthcheck`: one GET of `/readyz` with a short timeout, for a container's
//! `HEALTHCHECK` in an image that has no curl.

use std::{net::IpAddr, time::Duration};

use anyhow::{Context, bail};

use crate::config::Settings;

/// How long the whole check may take.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// The default URL: the server's own port on loopback, or on `HOST` when it names one
/// address.
pub fn default_url(settings: &Settings) -> String {
    let host = match settings.host {
        IpAddr::V4(v4) if v4.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(v6) if v6.is_unspecified() => "[::1]".to_string(),
        _ => settings.host_in_url(),
    };
    format!("http://{host}:{}/readyz", settings.port)
}

/// The `Host` to send to the default URL: one that ALLOWED_HOSTS accepts (the server
/// refuses others), since the loopback address may not be among them.
pub fn default_host(settings: &Settings) -> Option<String> {
    settings.allowed_hosts.iter().find_map(|entry| match entry.as_str() {
        "*" => None,
        domain if domain.starts_with('.') => Some(domain.trim_start_matches('.').to_string()),
        name => Some(name.to_string()),
    })
}

/// Succeeds when `url` (or the default) answers 200 within [`TIMEOUT`].
pub fn check(url: Option<&str>, settings: &Settings) -> anyhow::Result<()> {
    let host = url.is_none().then(|| default_host(settings)).flatten();
    let url = url.map_or_else(|| default_url(settings), str::to_owned);
    let client = reqwest::blocking::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .context("building the HTTP client")?;
    let mut request = client.get(&url);
    if let Some(host) = host {
        request = request.header(reqwest::header::HOST, host);
    }
    let response = request.send().with_context(|| format!("GET {url}"))?;
    let status = response.status();
    let body = response.text().unwrap_or_default();
    if !status.is_success() {
        bail!(
            "GET {url} answered {status}: {}",
            body.chars().take(300).collect::<String>()
        );
    }
    println!("{body}");
    Ok(())
}
