//! Changing an account's e-mail address: confirmed by a link sent to the new address, then
//! undoable for 7 days by a link sent to the old one ("this wasn't me"), which also ends every
//! session. Asking never tells whether the new address has an account: its owner gets a notice
//! instead of the link, and the answer is the same.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection, EntityTrait, IntoActiveModel, SqlErr};

use crate::{
    entity::user,
    error::{AppError, AppResult, FieldError},
    services::{
        audit::{self, AuditEvent},
        identity::{
            accounts::{self, Accounts, Email, normalize_email},
            email_tokens::{EmailTokens, Purpose},
        },
        mail::{Extras, Mailer, templates::TemplateKind},
        runtime_settings::RuntimeSettings,
        sessions::{AuthUser, RevokeReason, Sessions, session_cache::Invalidation},
    },
};

/// How long the old address can undo a change.
pub const REVERT_LIFETIME: Duration = Duration::from_secs(7 * 86_400);
const CONFIRM_PATH: &str = "/email-change/confirm";
const REVERT_PATH: &str = "/email-change/revert";

/// The e-mail change service.
#[derive(Clone)]
pub struct EmailChange {
    db: DatabaseConnection,
    accounts: Accounts,
    sessions: Sessions,
    mailer: Mailer,
    tokens: EmailTokens,
    runtime: RuntimeSettings,
}

impl EmailChange {
    /// The service.
    pub fn new(
        db: DatabaseConnection,
        accounts: Accounts,
        sessions: Sessions,
        mailer: Mailer,
        tokens: EmailTokens,
        runtime: RuntimeSettings,
    ) -> Self {
        Self {
            db,
            accounts,
            sessions,
            mailer,
            tokens,
            runtime,
        }
    }

    /// `changeEmail`: checks who is asking (the password, or a recent authentication for an
    /// account without one), then e-mails the confirmation link to `new_email` — or, when it
    /// has an account, a notice to its owner.
    pub async fn request(&self, auth: &AuthUser, new_email: &str, password: Option<&str>) -> AppResult<()> {
        let account = &auth.user;
        match password {
            Some(password) => {
                self.accounts.confirm_password(account, "password", password).await?;
                self.sessions.require_recent_second_factor(auth).await?;
            }
            None => {
                self.sessions.require_recent(auth).await?;
            }
        }
        let new = normalize_email(new_email).ok_or_else(|| {
            AppError::Validation(vec![FieldError::new(
                "new_email",
                "invalid_email",
                "Enter a valid e-mail address.",
            )])
        })?;
        if new.key == account.email_normalized {
            return Err(AppError::Validation(vec![FieldError::new(
                "new_email",
                "email_unchanged",
                "This is the account's current address.",
            )]));
        }
        let owner = accounts::find_live(&self.db, &new.key).await?;
        let lifetime = self.runtime.current().verification_token_lifetime;
        let (this, account) = (self.clone(), account.clone());
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                match owner {
                    Some(owner) => {
                        this.mailer
                            .queue(txn, TemplateKind::EmailChangeConflict, &owner, Extras::default())
                            .await
                    }
                    None => {
                        let token = this
                            .tokens
                            .issue_to(txn, &account, &new.display, Purpose::ChangeEmail, lifetime)
                            .await?;
                        let extras = Extras {
                            link: Some(this.mailer.link(CONFIRM_PATH, &token)),
                            expires_in: Some(lifetime),
                            ..Extras::default()
                        };
                        this.mailer
                            .queue_to(txn, TemplateKind::EmailChangeConfirm, &account, &new.display, extras)
                            .await
                    }
                }
            })
        })
        .await?;
        self.mailer.wake();
        audit::record(&self.db, AuditEvent::new("email_change_requested", Some(auth.user.id))).await;
        Ok(())
    }

    /// `confirmEmailChange`: the account takes the address the token was sent to, verified;
    /// the old address gets the undoing link. `email_taken` when another account took it since.
    pub async fn confirm(&self, token: &str) -> AppResult<user::Model> {
        let (this, token) = (self.clone(), token.to_string());
        let changed = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let (account, new) = spend(txn, &this.tokens, &token, Purpose::ChangeEmail).await?;
                if account.deletion_due_at.is_some() {
                    return Err(AppError::InvalidToken);
                }
                let changed = set_address(txn, &account, &new).await?;
                // Links sent to the old address (verification, reset) must not work any more.
                EmailTokens::void_all(txn, account.id).await?;
                let revert = this
                    .tokens
                    .issue_to(
                        txn,
                        &account,
                        &account.email,
                        Purpose::RevertEmailChange,
                        REVERT_LIFETIME,
                    )
                    .await?;
                let extras = Extras {
                    link: Some(this.mailer.link(REVERT_PATH, &revert)),
                    expires_in: Some(REVERT_LIFETIME),
                    new_email: Some(new.display.clone()),
                    ..Extras::default()
                };
                this.mailer
                    .queue_to(txn, TemplateKind::EmailChanged, &changed, &account.email, extras)
                    .await?;
                audit::record(txn, AuditEvent::new("email_changed", Some(changed.id))).await;
                Ok(changed)
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(changed.id)).await;
        self.mailer.wake();
        Ok(changed)
    }

    /// `revertEmailChange`: the account gets back the address the token was sent to, every
    /// session ends, and every outstanding e-mailed token but the undoing ones dies.
    pub async fn revert(&self, token: &str) -> AppResult<user::Model> {
        let (tokens, token) = (self.tokens.clone(), token.to_string());
        let reverted = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let (account, old) = spend(txn, &tokens, &token, Purpose::RevertEmailChange).await?;
                let reverted = set_address(txn, &account, &old).await?;
                EmailTokens::void_all(txn, account.id).await?;
                Sessions::revoke_all_in(txn, account.id, RevokeReason::EmailChangeReverted).await?;
                audit::record(txn, AuditEvent::new("email_change_reverted", Some(reverted.id))).await;
                Ok(reverted)
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(reverted.id)).await;
        Ok(reverted)
    }
}

/// Spends an e-mailed `token` of `purpose`: the live account it was issued for and the
/// address it carries; `invalid_token` for anything else.
async fn spend(
    txn: &sea_orm::DatabaseTransaction,
    tokens: &EmailTokens,
    token: &str,
    purpose: Purpose,
) -> AppResult<(user::Model, Email)> {
    let row = tokens.find(txn, token, purpose).await?.ok_or(AppError::InvalidToken)?;
    let account = user::Entity::find_by_id(row.user_id)
        .one(txn)
        .await?
        .filter(|a| a.deleted_at.is_none())
        .ok_or(AppError::InvalidToken)?;
    let email = normalize_email(&row.email).ok_or(AppError::InvalidToken)?;
    if !EmailTokens::spend(txn, &row).await? {
        return Err(AppError::InvalidToken);
    }
    Ok((account, email))
}

/// Gives `account` the address `email`, verified now (whoever holds the token read a mail sent
/// there); `email_taken` when another live account has it.
async fn set_address(
    txn: &sea_orm::DatabaseTransaction,
    account: &user::Model,
    email: &Email,
) -> AppResult<user::Model> {
    if let Some(other) = accounts::find_live(txn, &email.key).await?
        && other.id != account.id
    {
        return Err(AppError::EmailTaken);
    }
    let now = Utc::now();
    let mut row = account.clone().into_active_model();
    row.email = Set(email.display.clone());
    row.email_normalized = Set(email.key.clone());
    row.email_verified_at = Set(Some(now));
    row.updated_at = Set(now);
    match row.update(txn).await {
        Ok(updated) => Ok(updated),
        // Taken at this very moment.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(AppError::EmailTaken),
        Err(e) => Err(e.into()),
    }
}
