//! E-mail settings: the Django names (`EMAIL_BACKEND`, `EMAIL_HOST`, `EMAIL_PORT`,
//! `EMAIL_HOST_USER`, `EMAIL_HOST_PASSWORD`, `EMAIL_USE_TLS`, `EMAIL_USE_SSL`,
//! `DEFAULT_FROM_EMAIL`, `EMAIL_FILE_PATH`) or one django-environ style `EMAIL_URL`.

use std::{path::PathBuf, time::Duration};

use anyhow::{Context, bail};

use super::env::Env;

/// Whether an address must be verified before its account can log in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailVerification {
    /// Verification e-mail sent; login refused until verified (default).
    Mandatory,
    /// Verification e-mail sent; login allowed before.
    Optional,
    /// No verification e-mail.
    None,
}

/// Where e-mails go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailBackend {
    /// Printed to standard output (development; the default).
    Console,
    /// One `.eml` file per message in this folder (development).
    File(PathBuf),
    /// An SMTP server.
    Smtp(SmtpSettings),
}

/// How the SMTP connection is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Plain text: only for a relay on localhost or a private network.
    None,
    /// STARTTLS, required (`EMAIL_USE_TLS`, usually port 587).
    StartTls,
    /// TLS from the first byte (`EMAIL_USE_SSL`, usually port 465).
    Tls,
}

/// A value that never shows up in logs or `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct Redacted(pub String);

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("\"***\"")
    }
}

/// An SMTP server and how to log in to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmtpSettings {
    /// `EMAIL_HOST`.
    pub host: String,
    /// `EMAIL_PORT` (default 25, or 587 with STARTTLS, 465 with TLS).
    pub port: u16,
    /// `EMAIL_HOST_USER` and `EMAIL_HOST_PASSWORD`; no login when unset.
    pub credentials: Option<(String, Redacted)>,
    /// `EMAIL_USE_TLS` / `EMAIL_USE_SSL`.
    pub security: SmtpSecurity,
    /// `EMAIL_TIMEOUT` in seconds (default 10).
    pub timeout: Duration,
}

/// Everything about sending e-mail.
#[derive(Clone, Debug)]
pub struct EmailSettings {
    /// `EMAIL_BACKEND`: `console` (default), `file` or `smtp`; implied `smtp` by `EMAIL_HOST`
    /// or `EMAIL_URL`.
    pub backend: EmailBackend,
    /// `DEFAULT_FROM_EMAIL` (default `webmaster@localhost`, as in Django).
    pub from: String,
    /// `EMAIL_TEMPLATES_DIR`: files here replace the built-in templates of the same name.
    pub templates_dir: Option<PathBuf>,
    /// `SITE_NAME`: shown in e-mails (default `Gatehouse`).
    pub site_name: String,
    /// `EMAIL_MAX_ATTEMPTS`: deliveries tried before a message is marked dead (default 10).
    pub max_attempts: u32,
    /// `EMAIL_RETRY_DELAY`: seconds before the first retry; doubles each time, at most 1 h
    /// (default 30).
    pub retry_delay: Duration,
    /// How often the outbox worker looks for due messages besides being woken up.
    pub poll_interval: Duration,
}

impl Default for EmailSettings {
    fn default() -> Self {
        Self {
            backend: EmailBackend::Console,
            from: "webmaster@localhost".into(),
            templates_dir: None,
            site_name: "Gatehouse".into(),
            max_attempts: 10,
            retry_delay: Duration::from_secs(30),
            poll_interval: Duration::from_secs(2),
        }
    }
}

impl EmailVerification {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        match env.get("EMAIL_VERIFICATION").map(|v| v.to_ascii_lowercase()).as_deref() {
            None | Some("mandatory") => Ok(Self::Mandatory),
            Some("optional") => Ok(Self::Optional),
            Some("none") => Ok(Self::None),
            Some(v) => bail!("EMAIL_VERIFICATION must be mandatory, optional or none, got {v:?}"),
        }
    }
}

impl EmailSettings {
    pub(super) fn from_env(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<Self> {
        let d = Self::default();
        let backend = match env.get("EMAIL_URL") {
            Some(url) => backend_from_url(&url, env)?,
            None => backend_from_parts(env)?,
        };
        let max_attempts = env.number("EMAIL_MAX_ATTEMPTS", d.max_attempts.into())?;
        if !(1..=100).contains(&max_attempts) {
            bail!("EMAIL_MAX_ATTEMPTS must be between 1 and 100, got {max_attempts}");
        }
        Ok(Self {
            backend,
            from: env.get("DEFAULT_FROM_EMAIL").unwrap_or(d.from),
            templates_dir: env.get("EMAIL_TEMPLATES_DIR").map(PathBuf::from),
            site_name: env.get("SITE_NAME").unwrap_or(d.site_name),
            max_attempts: max_attempts as u32,
            retry_delay: env.seconds("EMAIL_RETRY_DELAY", d.retry_delay, 1, 3600)?,
            poll_interval: d.poll_interval,
        })
    }
}

fn backend_from_parts(env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<EmailBackend> {
    let named = env.get("EMAIL_BACKEND").map(|v| v.to_ascii_lowercase());
    // Django's dotted paths work too: django.core.mail.backends.smtp.EmailBackend.
    let kind = match named.as_deref() {
        None if env.get("EMAIL_HOST").is_some() => "smtp",
        None => "console",
        Some(v) if v == "smtp" || v.contains(".smtp.") => "smtp",
        Some(v) if v == "console" || v.contains(".console.") => "console",
        Some(v) if v == "file" || v.contains(".filebased.") => "file",
        Some(v) => bail!("EMAIL_BACKEND must be console, file or smtp, got {v:?}"),
    };
    match kind {
        "console" => Ok(EmailBackend::Console),
        "file" => {
            let path = env
                .get("EMAIL_FILE_PATH")
                .context("EMAIL_BACKEND=file needs EMAIL_FILE_PATH (the folder for the .eml files)")?;
            Ok(EmailBackend::File(path.into()))
        }
        _ => {
            let use_tls = env.flag("EMAIL_USE_TLS", false)?;
            let use_ssl = env.flag("EMAIL_USE_SSL", false)?;
            let security = match (use_tls, use_ssl) {
                (true, true) => bail!("EMAIL_USE_TLS and EMAIL_USE_SSL are mutually exclusive: set one"),
                (true, false) => SmtpSecurity::StartTls,
                (false, true) => SmtpSecurity::Tls,
                (false, false) => SmtpSecurity::None,
            };
            let user = env.get("EMAIL_HOST_USER");
            let password = env.get("EMAIL_HOST_PASSWORD");
            Ok(EmailBackend::Smtp(SmtpSettings {
                host: env.get("EMAIL_HOST").unwrap_or_else(|| "localhost".into()),
                port: port(env, security)?,
                credentials: user.map(|u| (u, Redacted(password.unwrap_or_default()))),
                security,
                timeout: env.seconds("EMAIL_TIMEOUT", Duration::from_secs(10), 1, 300)?,
            }))
        }
    }
}

fn port(env: &Env<impl Fn(&str) -> Option<String>>, security: SmtpSecurity) -> anyhow::Result<u16> {
    let default = match security {
        SmtpSecurity::None => 25,
        SmtpSecurity::StartTls => 587,
        SmtpSecurity::Tls => 465,
    };
    env.number("EMAIL_PORT", default)?
        .try_into()
        .context("EMAIL_PORT must be at most 65535")
}

/// `EMAIL_URL` as django-environ reads it: `smtp://` (plain), `smtp+tls://` or
/// `submission://` (STARTTLS), `smtp+ssl://` or `smtps://` (TLS), `consolemail://`,
/// `filemail:///path/to/folder`; user and password percent-encoded in the URL.
fn backend_from_url(raw: &str, env: &Env<impl Fn(&str) -> Option<String>>) -> anyhow::Result<EmailBackend> {
    // Never echo the URL: it may hold the password.
    let url = url::Url::parse(raw).map_err(|e| anyhow::anyhow!("EMAIL_URL is not a valid URL ({e})"))?;
    let security = match url.scheme() {
        "consolemail" => return Ok(EmailBackend::Console),
        "filemail" => return Ok(EmailBackend::File(url.path().into())),
        "smtp" => SmtpSecurity::None,
        "smtp+tls" | "submission" => SmtpSecurity::StartTls,
        "smtp+ssl" | "smtps" => SmtpSecurity::Tls,
        other => bail!(
            "EMAIL_URL scheme must be smtp, smtp+tls, smtp+ssl, smtps, submission, consolemail or filemail, got {other:?}"
        ),
    };
    let host = url.host_str().context("EMAIL_URL has no host")?.to_string();
    let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
    let credentials = (!url.username().is_empty()).then(|| {
        (
            decode(url.username()),
            Redacted(url.password().map(decode).unwrap_or_default()),
        )
    });
    let default_port = match security {
        SmtpSecurity::None => 25,
        SmtpSecurity::StartTls => 587,
        SmtpSecurity::Tls => 465,
    };
    Ok(EmailBackend::Smtp(SmtpSettings {
        host,
        port: url.port().unwrap_or(default_port),
        credentials,
        security,
        timeout: env.seconds("EMAIL_TIMEOUT", Duration::from_secs(10), 1, 300)?,
    }))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<EmailSettings> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        EmailSettings::from_env(&Env::new(|name: &str| map.get(name).cloned()))
    }

    fn smtp(vars: &[(&str, &str)]) -> SmtpSettings {
        match settings(vars).map(|s| s.backend) {
            Ok(EmailBackend::Smtp(smtp)) => smtp,
            other => panic!("expected SMTP, got {other:?}"),
        }
    }

    #[test]
    fn console_is_the_default_and_a_host_implies_smtp() {
        assert_eq!(settings(&[]).map(|s| s.backend).ok(), Some(EmailBackend::Console));
        let relay = smtp(&[("EMAIL_HOST", "mail.example.com")]);
        assert_eq!((relay.port, relay.security), (25, SmtpSecurity::None));
        assert!(relay.credentials.is_none());
    }

    #[test]
    fn django_names_pick_security_port_and_login() {
        let relay = smtp(&[
            ("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
            ("EMAIL_HOST", "smtp.example.com"),
            ("EMAIL_USE_TLS", "True"),
            ("EMAIL_HOST_USER", "apikey"),
            ("EMAIL_HOST_PASSWORD", "s3cret"),
        ]);
        assert_eq!((relay.port, relay.security), (587, SmtpSecurity::StartTls));
        assert_eq!(relay.credentials, Some(("apikey".into(), Redacted("s3cret".into()))));
        assert!(
            !format!("{relay:?}").contains("s3cret"),
            "the password never shows in Debug"
        );
        let ssl = smtp(&[("EMAIL_HOST", "h"), ("EMAIL_USE_SSL", "1"), ("EMAIL_PORT", "2465")]);
        assert_eq!((ssl.port, ssl.security), (2465, SmtpSecurity::Tls));
        assert!(settings(&[("EMAIL_HOST", "h"), ("EMAIL_USE_TLS", "1"), ("EMAIL_USE_SSL", "1")]).is_err());
    }

    #[test]
    fn email_url_schemes() {
        let relay = smtp(&[("EMAIL_URL", "smtp+tls://user%40example.com:p%3Ass@smtp.example.com")]);
        assert_eq!((relay.host.as_str(), relay.port), ("smtp.example.com", 587));
        assert_eq!(
            relay.credentials,
            Some(("user@example.com".into(), Redacted("p:ss".into())))
        );
        assert_eq!(smtp(&[("EMAIL_URL", "smtps://h")]).security, SmtpSecurity::Tls);
        assert_eq!(smtp(&[("EMAIL_URL", "smtp://localhost:1025")]).port, 1025);
        assert_eq!(
            settings(&[("EMAIL_URL", "filemail:///tmp/mails")])
                .map(|s| s.backend)
                .ok(),
            Some(EmailBackend::File("/tmp/mails".into()))
        );
        let error = settings(&[("EMAIL_URL", "http://user:topsecret@h")])
            .err()
            .map(|e| e.to_string());
        assert!(error.is_some_and(|e| !e.contains("topsecret")));
    }

    #[test]
    fn file_backend_needs_a_folder() {
        assert!(settings(&[("EMAIL_BACKEND", "file")]).is_err());
        assert_eq!(
            settings(&[("EMAIL_BACKEND", "file"), ("EMAIL_FILE_PATH", "/tmp/x")])
                .map(|s| s.backend)
                .ok(),
            Some(EmailBackend::File("/tmp/x".into()))
        );
    }
}
