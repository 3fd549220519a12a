//! Password reset by e-mailed token, and password change by the signed-in user. Both
//! revoke sessions, void every e-mailed link and send a "your password was changed" notice,
//! all in the transaction that sets the new password.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait, IntoActiveModel};
use uuid::Uuid;

use super::{
    accounts::{self, Accounts, Email},
    email_tokens::{EmailTokens, Purpose},
    passwords::{self, PasswordHasher},
};
use crate::{
    entity::user,
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        mail::{Extras, Mailer, links::RESET_PASSWORD_PATH, templates::TemplateKind},
        runtime_settings::RuntimeSettings,
        sessions::{AuthUser, RevokeReason, Sessions, session_cache::Invalidation},
    },
};

/// The deferred job behind a reset request.
const RESET_JOB: &str = "password_reset";

/// Password reset and change.
#[derive(Clone)]
pub struct PasswordRecovery {
    db: DatabaseConnection,
    hasher: PasswordHasher,
    accounts: Accounts,
    mailer: Mailer,
    tokens: EmailTokens,
    sessions: Sessions,
    runtime: RuntimeSettings,
}

/// Which sessions a new password ends.
#[derive(Clone, Copy)]
enum Ends {
    /// Every one (a reset: whoever knew the old password is out).
    All,
    /// All but the one that changed it.
    AllBut(Uuid),
}

impl PasswordRecovery {
    /// The service.
    pub fn new(
        db: DatabaseConnection,
        hasher: PasswordHasher,
        accounts: Accounts,
        mailer: Mailer,
        tokens: EmailTokens,
        sessions: Sessions,
        runtime: RuntimeSettings,
    ) -> Self {
        Self {
            db,
            hasher,
            accounts,
            mailer,
            tokens,
            sessions,
            runtime,
        }
    }

    /// E-mails a reset link when the address belongs to an active account, at most once per
    /// cooldown. Says nothing about whether it did: only the address's form is checked before
    /// the answer, and a job is written durably; the rest happens after it (see
    /// [`Mailer::deferred`]).
    pub async fn request_reset(&self, email: &str) -> AppResult<()> {
        let email = accounts::parse_email(email)?;
        self.mailer.deferred().submit(RESET_JOB, &email).await
    }

    /// Registers what a reset job does with the deferred queue (at start).
    pub fn handle_jobs(&self) {
        let run = |this: Self, email| async move { this.send_reset(email).await };
        self.mailer.deferred().handle(RESET_JOB, self.clone(), run);
    }

    async fn send_reset(&self, email: Email) -> AppResult<()> {
        let Some(account) = accounts::find_live(&self.db, &email.key).await?.filter(|a| a.is_active) else {
            return Ok(());
        };
        let this = self.clone();
        let user_id = account.id;
        let sent = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                if EmailTokens::issued_since(
                    txn,
                    account.id,
                    Purpose::PasswordReset,
                    this.runtime.current().email_cooldown_start(),
                )
                .await?
                {
                    return Ok(false);
                }
                let lifetime = this.runtime.current().password_reset_token_lifetime;
                let token = this
                    .tokens
                    .issue(txn, &account, Purpose::PasswordReset, lifetime)
                    .await?;
                let extras = Extras {
                    link: Some(this.mailer.link(RESET_PASSWORD_PATH, &token)),
                    token: Some(token),
                    expires_in: Some(lifetime),
                    ..Extras::default()
                };
                this.mailer
                    .queue(txn, TemplateKind::PasswordReset, &account, extras)
                    .await?;
                Ok(true)
            })
        })
        .await?;
        if sent {
            self.mailer.wake();
            audit::record(&self.db, AuditEvent::new("password_reset_requested", Some(user_id))).await;
        }
        Ok(())
    }

    /// Sets a new password with a reset token. A refused password leaves the token usable.
    pub async fn confirm_reset(&self, token: &str, new_password: &str) -> AppResult<()> {
        let row = self
            .tokens
            .find(&self.db, token, Purpose::PasswordReset)
            .await?
            .ok_or(AppError::InvalidToken)?;
        let account = user::Entity::find_by_id(row.user_id)
            .one(&self.db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active && a.email_normalized == row.email)
            .ok_or(AppError::InvalidToken)?;
        passwords::check_policy("new_password", new_password, &account.email)
            .map_err(|e| AppError::Validation(vec![e]))?;
        self.hasher.screen("new_password", new_password).await?;
        let hash = self.hasher.hash(new_password).await?;
        let this = self.clone();
        let user_id = account.id;
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                if !EmailTokens::spend(txn, &row).await? {
                    return Err(AppError::InvalidToken);
                }
                // Following the link proved the mailbox.
                this.set_password(txn, account, hash, Ends::All, true).await
            })
        })
        .await?;
        self.finish(user_id, "password_reset").await;
        Ok(())
    }

    /// Changes the signed-in user's password after checking the current one; the session
    /// making the change stays signed in.
    pub async fn change(&self, auth: &AuthUser, current: &str, new_password: &str) -> AppResult<()> {
        self.accounts
            .confirm_password(&auth.user, "current_password", current)
            .await?;
        passwords::check_policy("new_password", new_password, &auth.user.email)
            .map_err(|e| AppError::Validation(vec![e]))?;
        self.hasher.screen("new_password", new_password).await?;
        let hash = self.hasher.hash(new_password).await?;
        let this = self.clone();
        let account = auth.user.clone();
        let keep = auth.session_id;
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move { this.set_password(txn, account, hash, Ends::AllBut(keep), false).await })
        })
        .await?;
        self.finish(auth.user.id, "password_changed").await;
        Ok(())
    }

    async fn set_password(
        &self,
        txn: &sea_orm::DatabaseTransaction,
        account: user::Model,
        hash: String,
        ends: Ends,
        mark_verified: bool,
    ) -> AppResult<()> {
        let now = Utc::now();
        let mut row = account.clone().into_active_model();
        row.password_hash = Set(Some(hash));
        row.updated_at = Set(now);
        let verifies = mark_verified && account.email_verified_at.is_none();
        if verifies {
            row.email_verified_at = Set(Some(now));
        }
        let account = row.update(txn).await?;
        if verifies {
            // The reset link reached the address: verified, with its event in this transaction.
            let event = AuditEvent::new("email_verified", Some(account.id))
                .detail(serde_json::json!({ "method": "password_reset" }));
            audit::record(txn, event).await;
        }
        EmailTokens::void_all(txn, account.id).await?;
        match ends {
            Ends::All => Sessions::revoke_all_in(txn, account.id, RevokeReason::PasswordChanged).await?,
            Ends::AllBut(keep) => {
                Sessions::revoke_others_in(txn, account.id, keep, RevokeReason::PasswordChanged).await?;
            }
        }
        self.mailer
            .queue(txn, TemplateKind::PasswordChanged, &account, Extras::default())
            .await
    }

    async fn finish(&self, user_id: Uuid, event: &'static str) {
        self.sessions.forget(Invalidation::User(user_id)).await;
        self.mailer.wake();
        audit::record(&self.db, AuditEvent::new(event, Some(user_id))).await;
    }
}
