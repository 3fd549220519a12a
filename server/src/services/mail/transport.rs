//! Where e-mails go: an SMTP server (lettre), standard output, or `.eml` files.

use std::io::Write;

use anyhow::Context;
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    transport::smtp::authentication::Credentials,
};

use crate::config::{EmailBackend, SmtpSecurity, SmtpSettings};

/// A configured e-mail backend.
#[derive(Clone)]
pub enum Transport {
    /// Prints each message to standard output.
    Console,
    /// Writes `<uuid>.eml` files into a folder.
    File(AsyncFileTransport<Tokio1Executor>),
    /// Hands messages to an SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// A failed delivery.
#[derive(Debug)]
pub struct SendError {
    /// What went wrong, without credentials.
    pub message: String,
    /// The server refused for good (5xx): retrying would not help.
    pub permanent: bool,
}

impl Transport {
    /// The backend the settings name; SMTP connections are opened on first use.
    pub fn from_settings(backend: &EmailBackend) -> anyhow::Result<Self> {
        match backend {
            EmailBackend::Console => Ok(Self::Console),
            EmailBackend::File(folder) => {
                std::fs::create_dir_all(folder)
                    .with_context(|| format!("creating EMAIL_FILE_PATH {}", folder.display()))?;
                Ok(Self::File(AsyncFileTransport::new(folder)))
            }
            EmailBackend::Smtp(smtp) => Ok(Self::Smtp(smtp_transport(smtp)?)),
        }
    }

    /// Delivers one message. The console backend prints `readable` instead of the MIME
    /// message: the wire form is quoted-printable, which breaks links (`token=3D…`) over lines.
    pub async fn send(&self, message: Message, readable: impl FnOnce() -> String) -> Result<(), SendError> {
        match self {
            Self::Console => {
                let mut out = std::io::stdout().lock();
                let written = writeln!(out, "{}\n{}\n{}", "-".repeat(72), readable(), "-".repeat(72));
                written.map_err(|e| SendError {
                    message: format!("writing to standard output: {e}"),
                    permanent: false,
                })
            }
            Self::File(transport) => transport.send(message).await.map(drop).map_err(|e| SendError {
                message: format!("writing the .eml file: {e}"),
                permanent: false,
            }),
            Self::Smtp(transport) => transport.send(message).await.map(drop).map_err(|e| SendError {
                permanent: e.is_permanent(),
                message: e.to_string(),
            }),
        }
    }
}

fn smtp_transport(smtp: &SmtpSettings) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    let builder = match smtp.security {
        SmtpSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
        SmtpSecurity::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)
            .with_context(|| format!("setting up STARTTLS to {}", smtp.host))?,
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)
            .with_context(|| format!("setting up TLS to {}", smtp.host))?,
    };
    let mut builder = builder.port(smtp.port).timeout(Some(smtp.timeout));
    if let Some((user, password)) = &smtp.credentials {
        builder = builder.credentials(Credentials::new(user.clone(), password.0.clone()));
    }
    Ok(builder.build())
}
