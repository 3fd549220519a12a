//! E-mail: templates rendered into a durable outbox, delivered by a background worker.

pub mod backlog;
pub mod deferred;
pub mod links;
pub mod outbox;
pub mod templates;
pub mod transport;

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use lettre::{
    Message,
    message::{Mailbox, MultiPart},
};
use sea_orm::ConnectionTrait;
use tokio::sync::Notify;
use tracing::Instrument;

use self::{
    deferred::Deferred,
    outbox::Outbox,
    templates::{EmailContext, TemplateKind, Templates},
    transport::Transport,
};
use crate::services::platform::lease::{self, WorkerId};
use crate::{
    config::Settings,
    entity::{outbox_message, user},
    error::AppResult,
    services::platform::metrics,
};

/// What a message says beyond the recipient: its link and how long the link lasts.
#[derive(Debug, Default)]
pub struct Extras {
    /// The link (with its token) the e-mail is about.
    pub link: Option<String>,
    /// The raw token, for templates that show it.
    pub token: Option<String>,
    /// How long the link (or code) works.
    pub expires_in: Option<Duration>,
    /// A one-time code to type in.
    pub code: Option<String>,
    /// The provider an e-mail is about (linked, unlinked).
    pub provider: Option<String>,
    /// The second factor an e-mail is about (added, removed).
    pub factor: Option<String>,
    /// Staff did it.
    pub by_staff: bool,
    /// Recovery codes left.
    pub remaining: Option<u32>,
    /// The account's new address.
    pub new_email: Option<String>,
}

/// Renders e-mails into the outbox and wakes the worker that delivers them.
#[derive(Clone)]
pub struct Mailer {
    templates: Templates,
    outbox: Outbox,
    wake: Arc<Notify>,
    deferred: Deferred,
    site_name: String,
    frontend_url: String,
}

impl Mailer {
    /// Loads (and checks) the templates. Nothing is delivered or run until
    /// [`Mailer::deliver_forever`] and [`Deferred::work_forever`] are spawned.
    pub fn new(settings: &Settings, outbox: Outbox, deferred: Deferred) -> anyhow::Result<Self> {
        Ok(Self {
            templates: Templates::new(settings.email.templates_dir.as_deref())?,
            outbox,
            wake: Arc::new(Notify::new()),
            deferred,
            site_name: settings.email.site_name.clone(),
            frontend_url: settings.frontend_url.clone(),
        })
    }

    /// The outbox.
    pub fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// Work accepted now and done after the answer, durably and in order (see [`Deferred`]):
    /// deciding whether an address gets an e-mail and writing it, so that the answer's timing
    /// does not depend on it.
    pub fn deferred(&self) -> &Deferred {
        &self.deferred
    }

    /// A link into the frontend: `FRONTEND_URL` + `path` + `?token=…`.
    pub fn link(&self, path: &str, token: &str) -> String {
        format!("{}{path}?token={token}", self.frontend_url)
    }

    /// Renders a message for `to` and queues it inside the caller's transaction; call
    /// [`Mailer::wake`] once that transaction has committed.
    pub async fn queue(
        &self,
        db: &impl ConnectionTrait,
        kind: TemplateKind,
        to: &user::Model,
        extras: Extras,
    ) -> AppResult<()> {
        self.queue_to(db, kind, to, &to.email, extras).await
    }

    /// [`Mailer::queue`], to `address` rather than the account's own (a new address to
    /// confirm, the old one after a change).
    pub async fn queue_to(
        &self,
        db: &impl ConnectionTrait,
        kind: TemplateKind,
        to: &user::Model,
        address: &str,
        extras: Extras,
    ) -> AppResult<()> {
        let context = EmailContext {
            site_name: self.site_name.clone(),
            frontend_url: self.frontend_url.clone(),
            email: address.to_string(),
            first_name: to.first_name.clone(),
            link: extras.link,
            token: extras.token,
            code: extras.code,
            provider: extras.provider,
            factor: extras.factor,
            by_staff: extras.by_staff,
            remaining: extras.remaining,
            new_email: extras.new_email,
            expires_in_minutes: extras.expires_in.map(|d| d.as_secs().div_ceil(60)),
        };
        let rendered = self.templates.render(kind, &context)?;
        self.outbox.enqueue(db, kind, Some(to.id), address, rendered).await
    }

    /// Tells this instance's worker there is mail to deliver.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Delivers queued mail until the task is dropped: woken after each commit that queued
    /// something, and every `poll` for retries and other instances' messages.
    pub async fn deliver_forever(self, transport: Transport, from: Mailbox, poll: Duration, worker: WorkerId) {
        loop {
            let claimed = match self.outbox.claim(&worker).await {
                Ok(claimed) => claimed,
                Err(e) => {
                    tracing::warn!(error = %e, "claiming outbox messages failed");
                    Vec::new()
                }
            };
            let full_batch = claimed.len() >= outbox::BATCH;
            for message in claimed {
                self.deliver(&transport, &from, message).await;
            }
            if !full_batch {
                tokio::select! {
                    _ = self.wake.notified() => {}
                    _ = tokio::time::sleep(poll) => {}
                }
            }
        }
    }

    async fn deliver(&self, transport: &Transport, from: &Mailbox, message: outbox_message::Model) {
        let result = match self.build(from, &message) {
            Ok((email, text)) => {
                let readable = || readable(from, &message, &text);
                let span = tracing::info_span!("email_send", kind = %message.kind, attempt = message.attempts);
                transport.send(email, readable).instrument(span).await
            }
            Err(e) => Err(transport::SendError {
                message: format!("{e:#}"),
                permanent: true,
            }),
        };
        match result {
            Ok(()) => {
                tracing::info!(id = %message.id, kind = %message.kind, attempt = message.attempts, "e-mail sent");
                metrics::email("sent");
                lease::record_outcome("e-mail sent", message.id, || self.outbox.mark_sent(message.id)).await;
            }
            Err(failure) => {
                let record = || self.outbox.mark_failed(&message, &failure.message, failure.permanent);
                if let Some(status) = lease::record_outcome("e-mail delivery failed", message.id, record).await {
                    metrics::email(if status == outbox::Status::Dead {
                        "dead"
                    } else {
                        "retry"
                    });
                    tracing::warn!(
                        id = %message.id, kind = %message.kind, attempt = message.attempts,
                        status = status.as_str(), error = %failure.message, "e-mail delivery failed"
                    );
                }
            }
        }
    }

    /// The message to send, and its plain-text part.
    fn build(&self, from: &Mailbox, message: &outbox_message::Model) -> anyhow::Result<(Message, String)> {
        let bodies = self.outbox.bodies(message)?;
        let domain = from.email.domain();
        let email = Message::builder()
            .from(from.clone())
            .to(message.recipient.parse().context("the recipient address")?)
            .subject(&message.subject)
            .message_id(Some(format!("<{}@{domain}>", message.id)))
            .multipart(MultiPart::alternative_plain_html(bodies.text.clone(), bodies.html))
            .context("building the message")?;
        Ok((email, bodies.text))
    }
}

/// A message as a developer reads it on the console: the headers that matter and the text
/// part as written (not quoted-printable), so that each link stays whole on its own line.
fn readable(from: &Mailbox, message: &outbox_message::Model, text: &str) -> String {
    format!(
        "From: {from}\nTo: {}\nSubject: {}\n\n{}",
        message.recipient,
        message.subject,
        text.trim_end()
    )
}

/// Parses `DEFAULT_FROM_EMAIL` (`addr@example.com` or `Name <addr@example.com>`).
pub fn sender(settings: &Settings) -> anyhow::Result<Mailbox> {
    settings
        .email
        .from
        .parse()
        .with_context(|| format!("DEFAULT_FROM_EMAIL {:?} is not an e-mail address", settings.email.from))
}
