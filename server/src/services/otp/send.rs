//! Sending codes: the per-address cooldown and cap, and the e-mail that carries a new code.

use serde_json::json;

use super::{
    Otp, Purpose,
    code::generate_code,
    stored::{NewCode, SendLimit, SendLimits, SendVerdict},
};
use crate::{
    entity::user,
    error::{AppError, AppResult, QuotaPolicy},
    services::{
        audit::{self, AuditEvent},
        identity::accounts::{self, Email},
        mail::{Extras, templates::TemplateKind},
        platform::metrics,
    },
};

/// The deferred job behind a passwordless code request.
const LOGIN_CODE_JOB: &str = "login_code";

impl Otp {
    pub(super) fn limits(&self) -> SendLimits {
        SendLimits {
            cooldown: self.runtime.current().otp_resend_cooldown,
            limit: self.settings.send_limit,
            window: self.settings.send_window,
        }
    }

    pub(super) async fn note_send(&self, email: &Email) -> AppResult<SendVerdict> {
        let key = self.hasher.email_hash(&email.key);
        self.store.note_send(&key, self.limits()).await
    }

    pub(super) async fn check_send(&self, email: &Email) -> AppResult<()> {
        match self.note_send(email).await? {
            SendVerdict::Allowed => Ok(()),
            SendVerdict::Refused { retry_after, limit } => Err(self.refusal(retry_after, limit)),
        }
    }

    /// The `429` of a send refused by the cooldown or the cap.
    pub(super) fn refusal(&self, retry_after: std::time::Duration, limit: SendLimit) -> AppError {
        let policy = match limit {
            SendLimit::Cooldown => QuotaPolicy {
                name: "otp-resend",
                quota: 1,
                window: self.runtime.current().otp_resend_cooldown,
            },
            SendLimit::Cap => QuotaPolicy {
                name: "otp-send",
                quota: self.settings.send_limit,
                window: self.settings.send_window,
            },
        };
        AppError::RateLimited {
            retry_after,
            policy: Some(policy),
        }
    }

    /// Writes the job that looks the address up and sends its login code after the request
    /// has been answered (see [`crate::services::mail::Mailer::deferred`]).
    pub(super) async fn send_login_code_after_answer(&self, email: Email) -> AppResult<()> {
        self.mailer.deferred().submit(LOGIN_CODE_JOB, &email).await
    }

    /// Registers what a login-code job does with the deferred queue (at start).
    pub fn handle_jobs(&self) {
        let run = |this: Self, email: Email| async move {
            match accounts::find_live(&this.db, &email.key).await? {
                Some(account) if account.is_active => this.send_code(&account, Purpose::Login, None).await,
                _ => Ok(()),
            }
        };
        self.mailer.deferred().handle(LOGIN_CODE_JOB, self.clone(), run);
    }

    /// Stores a new code for `account` (replacing its previous one for `purpose`) and queues
    /// the e-mail that carries it.
    pub(super) async fn send_code(
        &self,
        account: &user::Model,
        purpose: Purpose,
        challenge_hash: Option<String>,
    ) -> AppResult<()> {
        let code = generate_code();
        let ttl = self.runtime.current().otp_ttl;
        let code_hash = self
            .hasher
            .code_hash(purpose, account.id, &account.email_normalized, &code);
        self.store
            .put(&NewCode {
                user_id: account.id,
                purpose,
                code_hash,
                challenge_hash,
                ttl,
            })
            .await?;
        let kind = match purpose {
            Purpose::Login => TemplateKind::LoginCode,
            Purpose::TwoStep => TemplateKind::TwoStepCode,
        };
        let extras = Extras {
            code: Some(code),
            expires_in: Some(ttl),
            ..Extras::default()
        };
        // Recorded before the e-mail can arrive: whoever reads the code finds the event.
        let event = AuditEvent::new("otp_requested", Some(account.id)).detail(json!({ "purpose": purpose.as_str() }));
        audit::record(&self.db, event).await;
        if let Err(e) = self.mailer.queue(&self.db, kind, account, extras).await {
            metrics::one_time_code(purpose.as_str(), "failed");
            return Err(e);
        }
        metrics::one_time_code(purpose.as_str(), "sent");
        self.mailer.wake();
        Ok(())
    }
}
