//! Adding and removing factors while signed in, re-authentication (step-up), and staff
//! removing a user's factors. Every change is audited, counted, and e-mailed to the owner.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};
use serde_json::json;
use uuid::Uuid;

use super::{Mfa, recovery, totp::Enrollment};
use crate::{
    entity::user,
    error::{AppError, AppResult, FieldError, MfaState},
    services::{
        audit::{self, AuditEvent},
        mail::{Extras, templates::TemplateKind},
        platform::metrics,
        sessions::{AuthMethod, AuthUser, Authentication, session_cache::Invalidation},
    },
};

/// How the authenticator app is named in e-mails.
const TOTP_NAME: &str = "An authenticator app";

/// What a re-authentication proves.
#[derive(Clone, Debug)]
pub enum Proof {
    /// The password.
    Password(String),
    /// A current authenticator-app code.
    Code(String),
}

impl Mfa {
    /// `startTotpEnrollment`: a new pending secret (step-up required).
    pub async fn start_totp(&self, auth: &AuthUser) -> AppResult<Enrollment> {
        self.deps.sessions.require_recent(auth).await?;
        self.totp.start(auth.user.id, &self.deps.issuer, &auth.user.email).await
    }

    /// `confirmTotpEnrollment`: activates the pending secret with a code from the app, lifts
    /// this session to level 2 and answers the first recovery codes.
    pub async fn confirm_totp(&self, auth: &AuthUser, code: &str) -> AppResult<Vec<String>> {
        let db = &self.deps.db;
        let pending = self.totp.find(auth.user.id).await?;
        if pending.is_none_or(|row| row.confirmed_at.is_some()) {
            return Err(AppError::MfaState(MfaState::NoPendingEnrollment));
        }
        let user_id = auth.user.id;
        let secret = self.deps.secret.clone();
        let totp = self.totp.clone();
        let code = code.to_string();
        let codes = crate::db::write_transaction::<_, AppError, _>(db, |txn| {
            Box::pin(async move {
                if !totp.accept(txn, user_id, &code, true).await? {
                    return Err(AppError::InvalidCode);
                }
                set_mfa_enabled(txn, user_id, true).await?;
                recovery::replace(txn, &secret, user_id).await
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.deps.sessions.reauthenticated(auth, AuthMethod::Totp).await?;
        self.changed(&auth.user, "enabled", TemplateKind::MfaEnabled).await?;
        Ok(codes)
    }

    /// `removeTotp` (step-up required): with no other factor left, the recovery codes go too.
    pub async fn remove_totp(&self, auth: &AuthUser) -> AppResult<()> {
        self.deps.sessions.require_recent(auth).await?;
        if !self.remove_factors(auth.user.id).await? {
            return Err(AppError::MfaState(MfaState::TotpNotEnabled));
        }
        self.changed(&auth.user, "disabled", TemplateKind::MfaDisabled).await
    }

    /// `regenerateRecoveryCodes` (step-up required): a new set; the old one dies.
    pub async fn regenerate_recovery_codes(&self, auth: &AuthUser) -> AppResult<Vec<String>> {
        self.deps.sessions.require_recent(auth).await?;
        if !auth.user.mfa_enabled {
            return Err(AppError::MfaState(MfaState::MfaNotEnabled));
        }
        let (user_id, secret) = (auth.user.id, self.deps.secret.clone());
        let codes = crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move { recovery::replace(txn, &secret, user_id).await })
        })
        .await?;
        let event = AuditEvent::new("recovery_codes_regenerated", Some(user_id)).session(auth.session_id);
        audit::record(&self.deps.db, event).await;
        metrics::mfa_change("recovery_codes", "regenerated");
        Ok(codes)
    }

    /// `resetUserMfa`: staff remove every factor of `user_id` (step-up required of staff who
    /// have a factor themselves).
    pub async fn reset_by_staff(&self, staff: &AuthUser, user_id: Uuid) -> AppResult<()> {
        self.require_staff_step_up(staff).await?;
        let account = user::Entity::find_by_id(user_id)
            .one(&self.deps.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let removed = self.remove_factors(user_id).await?;
        let event = AuditEvent::new("mfa_reset", Some(user_id))
            .actor(staff.user.id)
            .detail(json!({ "removed": removed }));
        audit::record(&self.deps.db, event).await;
        metrics::mfa_change("totp", "reset");
        if removed && account.deleted_at.is_none() {
            let extras = Extras {
                factor: Some(TOTP_NAME.into()),
                by_staff: true,
                ..Extras::default()
            };
            self.deps
                .mailer
                .queue(&self.deps.db, TemplateKind::MfaDisabled, &account, extras)
                .await?;
            self.deps.mailer.wake();
        }
        Ok(())
    }

    /// Staff actions need a recent authentication when the staff member has a second factor.
    pub async fn require_staff_step_up(&self, staff: &AuthUser) -> AppResult<()> {
        if staff.user.mfa_enabled {
            self.deps.sessions.require_recent(staff).await?;
        }
        Ok(())
    }

    /// `reauthenticate`: a fresh proof at the session's level refreshes its `auth_time`. A
    /// session at level 2 needs the authenticator app again, not the password.
    pub async fn reauthenticate(&self, auth: &AuthUser, proof: Proof) -> AppResult<(String, Authentication)> {
        let level = self.deps.sessions.authentication(auth).await?.aal();
        let email = auth.user.email_normalized.clone();
        self.deps.protection.before_attempt(&email).await?;
        let (method, ok) = match &proof {
            Proof::Password(_) if level >= 2 => {
                metrics::step_up("failed");
                return Err(AppError::Validation(vec![FieldError::new(
                    "code",
                    "second_factor_required",
                    "This session was signed in with a second factor: confirm with it.",
                )]));
            }
            Proof::Password(password) => {
                let ok = match self
                    .deps
                    .accounts
                    .confirm_password(&auth.user, "password", password)
                    .await
                {
                    Ok(()) => true,
                    Err(AppError::Validation(_)) => false,
                    Err(e) => return Err(e),
                };
                (AuthMethod::Password, ok)
            }
            Proof::Code(code) => (
                AuthMethod::Totp,
                auth.user.mfa_enabled && self.totp.accept(&self.deps.db, auth.user.id, code, false).await?,
            ),
        };
        if !ok {
            self.deps.protection.failed(&email, Some(&auth.user)).await;
            let event = AuditEvent::new("reauthentication_failed", Some(auth.user.id))
                .session(auth.session_id)
                .detail(json!({ "method": method.as_str() }));
            audit::record(&self.deps.db, event).await;
            metrics::step_up("failed");
            let (field, code, message) = match method {
                AuthMethod::Password => ("password", "incorrect_password", "The password is incorrect."),
                _ => ("code", "invalid_code", "The code is wrong or was already used."),
            };
            return Err(AppError::Validation(vec![FieldError::new(field, code, message)]));
        }
        self.deps.protection.succeeded(&email).await;
        let result = self.deps.sessions.reauthenticated(auth, method).await?;
        let event = AuditEvent::new("reauthenticated", Some(auth.user.id))
            .session(auth.session_id)
            .detail(json!({ "method": method.as_str() }));
        audit::record(&self.deps.db, event).await;
        metrics::step_up("succeeded");
        Ok(result)
    }

    /// Removes the account's TOTP and recovery codes; `true` when a confirmed TOTP went.
    async fn remove_factors(&self, user_id: Uuid) -> AppResult<bool> {
        let totp = self.totp.clone();
        let removed = crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                let removed = totp.remove(txn, user_id).await?;
                recovery::remove_all(txn, user_id).await?;
                set_mfa_enabled(txn, user_id, false).await?;
                Ok(removed)
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        Ok(removed)
    }

    /// Audits, counts and e-mails the owner about their authenticator app being added or
    /// removed.
    async fn changed(&self, account: &user::Model, change: &'static str, template: TemplateKind) -> AppResult<()> {
        let event_type = if change == "enabled" {
            "mfa_enabled"
        } else {
            "mfa_disabled"
        };
        let event = AuditEvent::new(event_type, Some(account.id)).detail(json!({ "factor": "totp" }));
        audit::record(&self.deps.db, event).await;
        metrics::mfa_change("totp", change);
        let extras = Extras {
            factor: Some(TOTP_NAME.into()),
            ..Extras::default()
        };
        self.deps.mailer.queue(&self.deps.db, template, account, extras).await?;
        self.deps.mailer.wake();
        Ok(())
    }
}

/// Sets `users.mfa_enabled`.
async fn set_mfa_enabled(db: &impl ConnectionTrait, user_id: Uuid, enabled: bool) -> AppResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::MfaEnabled, Expr::value(enabled))
        .col_expr(user::Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
