//! Adding and removing the authenticator app, regenerating recovery codes, and staff removing
//! a user's factors. Every change is audited, counted, and e-mailed to the owner.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::{Mfa, recovery, sync_mfa_enabled, totp::Enrollment};
use crate::{
    entity::{passkey, user},
    error::{AppError, AppResult, MfaState},
    services::{
        audit::{self, AuditEvent},
        mail::{Extras, Mailer, templates::TemplateKind},
        platform::metrics,
        sessions::{AuthMethod, AuthUser, session_cache::Invalidation},
    },
};

/// How the authenticator app is named in e-mails.
const TOTP_NAME: &str = "An authenticator app";
/// How a passkey is named in e-mails.
const PASSKEY_NAME: &str = "A passkey";

impl Mfa {
    /// `startTotpEnrollment`: a new pending secret (step-up required).
    pub async fn start_totp(&self, auth: &AuthUser) -> AppResult<Enrollment> {
        self.deps.sessions.require_recent(auth).await?;
        self.totp.start(auth.user.id, &self.deps.issuer, &auth.user.email).await
    }

    /// `confirmTotpEnrollment`: activates the pending secret with a code from the app, lifts
    /// this session to level 2 and answers a new set of recovery codes.
    pub async fn confirm_totp(&self, auth: &AuthUser, code: &str) -> AppResult<Vec<String>> {
        let pending = self.totp.find(auth.user.id).await?;
        if pending.is_none_or(|row| row.confirmed_at.is_some()) {
            return Err(AppError::MfaState(MfaState::NoPendingEnrollment));
        }
        let user_id = auth.user.id;
        let secret = self.deps.secret.clone();
        let totp = self.totp.clone();
        let code = code.to_string();
        let (mailer, account) = (self.deps.mailer.clone(), auth.user.clone());
        let codes = crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                if !totp.accept(txn, user_id, &code, true).await? {
                    return Err(AppError::InvalidCode);
                }
                sync_mfa_enabled(txn, user_id).await?;
                let codes = recovery::replace(txn, &secret, user_id).await?;
                FactorChange::TOTP_ADDED.record(txn, &mailer, &account).await?;
                Ok(codes)
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.changed(FactorChange::TOTP_ADDED);
        self.deps.sessions.reauthenticated(auth, AuthMethod::Totp).await?;
        Ok(codes)
    }

    /// `removeTotp` (step-up required): with no other factor left, the recovery codes go too.
    pub async fn remove_totp(&self, auth: &AuthUser) -> AppResult<()> {
        self.deps.sessions.require_recent(auth).await?;
        let (totp, user_id) = (self.totp.clone(), auth.user.id);
        let (mailer, account) = (self.deps.mailer.clone(), auth.user.clone());
        crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                if !totp.remove(txn, user_id).await? {
                    return Err(AppError::MfaState(MfaState::TotpNotEnabled));
                }
                sync_mfa_enabled(txn, user_id).await?;
                FactorChange::TOTP_REMOVED.record(txn, &mailer, &account).await
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.changed(FactorChange::TOTP_REMOVED);
        Ok(())
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
        let (totp, mailer, actor) = (self.totp.clone(), self.deps.mailer.clone(), staff.user.id);
        crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                let totp_removed = totp.remove(txn, user_id).await?;
                let passkeys_removed = passkey::Entity::delete_many()
                    .filter(passkey::Column::UserId.eq(user_id))
                    .exec(txn)
                    .await?
                    .rows_affected;
                sync_mfa_enabled(txn, user_id).await?;
                let removed = totp_removed || passkeys_removed > 0;
                let event = AuditEvent::new("mfa_reset", Some(user_id))
                    .actor(actor)
                    .detail(json!({ "removed": removed }));
                audit::record(txn, event).await;
                if removed && account.deleted_at.is_none() {
                    let extras = Extras {
                        factor: Some("Every second factor".into()),
                        by_staff: true,
                        ..Extras::default()
                    };
                    mailer.queue(txn, TemplateKind::MfaDisabled, &account, extras).await?;
                }
                Ok(())
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.deps.mailer.wake();
        metrics::mfa_change("all", "reset");
        Ok(())
    }

    /// Staff actions need a recent authentication when the staff member has a second factor.
    pub async fn require_staff_step_up(&self, staff: &AuthUser) -> AppResult<()> {
        if staff.user.mfa_enabled {
            self.deps.sessions.require_recent(staff).await?;
        }
        Ok(())
    }

    /// Counts a committed factor change and wakes the mailer for its e-mail.
    pub(super) fn changed(&self, change: FactorChange) {
        metrics::mfa_change(change.factor, if change.added { "enabled" } else { "disabled" });
        self.deps.mailer.wake();
    }
}

/// A factor added to or removed from an account.
#[derive(Clone, Copy, Debug)]
pub(super) struct FactorChange {
    /// `totp` or `passkey`.
    factor: &'static str,
    /// Added, or removed.
    added: bool,
}

impl FactorChange {
    pub(super) const TOTP_ADDED: Self = Self {
        factor: "totp",
        added: true,
    };
    pub(super) const TOTP_REMOVED: Self = Self {
        factor: "totp",
        added: false,
    };
    pub(super) const PASSKEY_ADDED: Self = Self {
        factor: "passkey",
        added: true,
    };
    pub(super) const PASSKEY_REMOVED: Self = Self {
        factor: "passkey",
        added: false,
    };

    /// Audits the change and queues the owner's e-mail about it, inside the change's
    /// transaction (so its webhook delivery and the e-mail go with it, or not at all).
    pub(super) async fn record(
        self,
        txn: &impl ConnectionTrait,
        mailer: &Mailer,
        account: &user::Model,
    ) -> AppResult<()> {
        let (event_type, template) = if self.added {
            ("mfa_enabled", TemplateKind::MfaEnabled)
        } else {
            ("mfa_disabled", TemplateKind::MfaDisabled)
        };
        let event = AuditEvent::new(event_type, Some(account.id)).detail(json!({ "factor": self.factor }));
        audit::record(txn, event).await;
        let name = if self.factor == "passkey" {
            PASSKEY_NAME
        } else {
            TOTP_NAME
        };
        let extras = Extras {
            factor: Some(name.into()),
            ..Extras::default()
        };
        mailer.queue(txn, template, account, extras).await
    }
}
