//! Registration and e-mail verification. Registration answers the same way whether or not
//! the address has an account: a new account gets a verification e-mail, the owner of an
//! existing one a notice instead.

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait, IntoActiveModel, SqlErr};

use super::{
    accounts::{self, Email, NewAccount},
    email_tokens::{EmailTokens, Purpose},
    passwords::PasswordHasher,
};
use crate::{
    config::{EmailVerification, Settings},
    entity::user,
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        mail::{
            Extras, Mailer,
            links::{FORGOT_PASSWORD_PATH, VERIFY_EMAIL_PATH},
            templates::TemplateKind,
        },
        runtime_settings::RuntimeSettings,
        sessions::{Sessions, session_cache::Invalidation},
    },
};

/// The deferred job behind a verification resend.
const RESEND_JOB: &str = "verification_resend";

/// Registration, verification and resending the verification e-mail.
#[derive(Clone)]
pub struct Registration {
    db: DatabaseConnection,
    hasher: PasswordHasher,
    mailer: Mailer,
    tokens: EmailTokens,
    sessions: Sessions,
    settings: Arc<Settings>,
    runtime: RuntimeSettings,
}

impl Registration {
    /// The service.
    pub fn new(
        db: DatabaseConnection,
        hasher: PasswordHasher,
        mailer: Mailer,
        tokens: EmailTokens,
        sessions: Sessions,
        settings: Arc<Settings>,
        runtime: RuntimeSettings,
    ) -> Self {
        Self {
            db,
            hasher,
            mailer,
            tokens,
            sessions,
            settings,
            runtime,
        }
    }

    /// Registers `new`, or notifies the owner when the address is taken. Only invalid input
    /// is an error; both other outcomes look the same to the caller.
    pub async fn register(&self, new: NewAccount) -> AppResult<()> {
        let email = accounts::validate_new(&new)?;
        self.hasher.screen("password", &new.password).await?;
        // Hashed whatever happens next, so that both outcomes take as long.
        let password_hash = self.hasher.hash(&new.password).await?;
        let this = self.clone();
        let outcome = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                if let Some(existing) = accounts::find_live(txn, &email.key).await? {
                    if !this
                        .mailer
                        .outbox()
                        .queued_since(
                            txn,
                            existing.id,
                            TemplateKind::AccountExists,
                            this.runtime.current().email_cooldown_start(),
                        )
                        .await?
                    {
                        let link = format!("{}{FORGOT_PASSWORD_PATH}", this.settings.frontend_url);
                        let extras = Extras {
                            link: Some(link),
                            ..Extras::default()
                        };
                        this.mailer
                            .queue(txn, TemplateKind::AccountExists, &existing, extras)
                            .await?;
                    }
                    let event = AuditEvent::new("registration_with_existing_email", Some(existing.id));
                    audit::record(txn, event).await;
                    return Ok(());
                }
                let row = accounts::new_account_row(&new, email, Some(password_hash), false);
                let created = match row.insert(txn).await {
                    Ok(created) => created,
                    // The same address registered at this very moment: the other one won.
                    Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                        return Err(AppError::EmailTaken);
                    }
                    Err(e) => return Err(e.into()),
                };
                if this.runtime.current().email_verification != EmailVerification::None {
                    this.send_verification(txn, &created).await?;
                }
                // With the account: its `user.created` webhook commits with it.
                audit::record(txn, AuditEvent::new("user_registered", Some(created.id))).await;
                Ok(())
            })
        })
        .await;
        // What happened is for the audit log only (recorded with the change): the client
        // never learns it.
        match outcome {
            Ok(()) | Err(AppError::EmailTaken) => {}
            Err(e) => return Err(e),
        }
        self.mailer.wake();
        Ok(())
    }

    /// Queues a verification e-mail for `account` inside the caller's transaction (call
    /// [`Mailer::wake`] after the commit).
    pub async fn send_verification(&self, db: &impl sea_orm::ConnectionTrait, account: &user::Model) -> AppResult<()> {
        let lifetime: Duration = self.runtime.current().verification_token_lifetime;
        let token = self.tokens.issue(db, account, Purpose::VerifyEmail, lifetime).await?;
        let extras = Extras {
            link: Some(self.mailer.link(VERIFY_EMAIL_PATH, &token)),
            token: Some(token),
            expires_in: Some(lifetime),
            ..Extras::default()
        };
        self.mailer.queue(db, TemplateKind::VerifyEmail, account, extras).await
    }

    /// Marks the address of the token's account verified, spending the token.
    pub async fn verify_email(&self, token: &str) -> AppResult<user::Model> {
        let tokens = self.tokens.clone();
        let token = token.to_string();
        let verified = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let row = tokens
                    .find(txn, &token, Purpose::VerifyEmail)
                    .await?
                    .ok_or(AppError::InvalidToken)?;
                let account = user::Entity::find_by_id(row.user_id)
                    .one(txn)
                    .await?
                    .filter(|a| a.deleted_at.is_none() && a.email_normalized == row.email)
                    .ok_or(AppError::InvalidToken)?;
                if !EmailTokens::spend(txn, &row).await? {
                    return Err(AppError::InvalidToken);
                }
                if account.email_verified_at.is_some() {
                    return Ok(account);
                }
                let mut update = account.into_active_model();
                update.email_verified_at = Set(Some(Utc::now()));
                update.updated_at = Set(Utc::now());
                let verified = update.update(txn).await?;
                // With the change, and only for a change: one `user.email_verified` webhook.
                audit::record(txn, AuditEvent::new("email_verified", Some(verified.id))).await;
                Ok(verified)
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(verified.id)).await;
        Ok(verified)
    }

    /// Sends a fresh verification e-mail to an unverified account, at most once per cooldown.
    /// Says nothing about whether it did: only the address's form is checked before the
    /// answer, and a job is written durably; the rest happens after it (see
    /// [`Mailer::deferred`]).
    pub async fn resend(&self, email: &str) -> AppResult<()> {
        let email = accounts::parse_email(email)?;
        if self.runtime.current().email_verification == EmailVerification::None {
            return Ok(());
        }
        self.mailer.deferred().submit(RESEND_JOB, &email).await
    }

    /// Registers what a resend job does with the deferred queue (at start).
    pub fn handle_jobs(&self) {
        let run = |this: Self, email| async move { this.resend_to(email).await };
        self.mailer.deferred().handle(RESEND_JOB, self.clone(), run);
    }

    async fn resend_to(&self, email: Email) -> AppResult<()> {
        let Some(account) = accounts::find_live(&self.db, &email.key).await? else {
            return Ok(());
        };
        if account.email_verified_at.is_some() || !account.is_active {
            return Ok(());
        }
        let this = self.clone();
        let sent = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                if EmailTokens::issued_since(
                    txn,
                    account.id,
                    Purpose::VerifyEmail,
                    this.runtime.current().email_cooldown_start(),
                )
                .await?
                {
                    return Ok(false);
                }
                this.send_verification(txn, &account).await?;
                Ok(true)
            })
        })
        .await?;
        if sent {
            self.mailer.wake();
        }
        Ok(())
    }
}
