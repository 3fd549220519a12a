//! The HTTP edge: how long a client may take to send a request head, how long an idle
//! connection stays open, and how many connections are served at once.

use std::time::Duration;

use super::env::Env;

/// Timeouts and limits of the listener, against slow and hostile clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeSettings {
    /// `HEADER_READ_TIMEOUT`: seconds from the connection opening (or from the first byte of a
    /// later request on it) until the request head is complete (default 10).
    pub header_read_timeout: Duration,
    /// `KEEP_ALIVE_TIMEOUT`: seconds a connection with no request in flight and no byte read
    /// or written stays open (default 75).
    pub keep_alive_timeout: Duration,
    /// `MAX_CONNECTIONS`: connections served at once; `None` derives it from the descriptor
    /// limit (see `http::server`).
    pub max_connections: Option<usize>,
}

impl Default for EdgeSettings {
    fn default() -> Self {
        Self {
            header_read_timeout: Duration::from_secs(10),
            // Longer than the 60 s idle timeout of common load balancers (AWS ALB, nginx
            // upstream keepalive), so the proxy, not us, closes an idle upstream connection:
            // otherwise it may send a request just as we close it, and answer 502.
            keep_alive_timeout: Duration::from_secs(75),
            max_connections: None,
        }
    }
}

impl EdgeSettings {
    /// `HEADER_READ_TIMEOUT` (1 – 300), `KEEP_ALIVE_TIMEOUT` (1 – 3600), `MAX_CONNECTIONS` (≥ 1).
    pub(super) fn from_env<F: Fn(&str) -> Option<String>>(env: &Env<F>) -> anyhow::Result<Self> {
        let d = Self::default();
        Ok(Self {
            header_read_timeout: env.seconds("HEADER_READ_TIMEOUT", d.header_read_timeout, 1, 300)?,
            keep_alive_timeout: env.seconds("KEEP_ALIVE_TIMEOUT", d.keep_alive_timeout, 1, 3600)?,
            max_connections: match env.get("MAX_CONNECTIONS") {
                None => None,
                Some(_) => Some(env.bounded("MAX_CONNECTIONS", 0, 1, 1_000_000)? as usize),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(vars: &[(&str, &str)]) -> anyhow::Result<EdgeSettings> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        EdgeSettings::from_env(&Env::new(|name: &str| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        }))
    }

    #[test]
    fn defaults_and_bounds() {
        assert_eq!(parse(&[]).unwrap(), EdgeSettings::default());
        let edge = parse(&[
            ("HEADER_READ_TIMEOUT", "5"),
            ("KEEP_ALIVE_TIMEOUT", "30"),
            ("MAX_CONNECTIONS", "100"),
        ])
        .unwrap();
        assert_eq!(edge.header_read_timeout, Duration::from_secs(5));
        assert_eq!(edge.keep_alive_timeout, Duration::from_secs(30));
        assert_eq!(edge.max_connections, Some(100));
        assert!(parse(&[("HEADER_READ_TIMEOUT", "0")]).is_err());
        assert!(parse(&[("KEEP_ALIVE_TIMEOUT", "0")]).is_err());
        assert!(parse(&[("MAX_CONNECTIONS", "0")]).is_err());
    }
}
