//! Step-up: `reauthenticate` refreshes the session's `auth_time` with a proof at its level —
//! the password for a session signed in without a second factor; an authenticator-app code or
//! a passkey for any session of an account that has one.

use serde_json::{Value, json};

use super::Mfa;
use crate::{
    error::{AppError, AppResult, FieldError, MfaState},
    services::{
        audit::{self, AuditEvent},
        platform::metrics,
        sessions::{AuthMethod, AuthUser, Authentication},
    },
};

/// What a re-authentication proves.
#[derive(Clone, Debug)]
pub enum Proof {
    /// The password.
    Password(String),
    /// A current authenticator-app code.
    Code(String),
    /// A passkey assertion answering the session's step-up options.
    Credential(Value),
}

impl Mfa {
    /// `startPasskeyReauthentication`: request options for the account's passkeys.
    pub async fn step_up_options(&self, auth: &AuthUser) -> AppResult<Value> {
        self.passkeys
            .step_up_options(auth.user.id, auth.session_id)
            .await?
            .ok_or(AppError::MfaState(MfaState::PasskeyNotEnabled))
    }

    /// `reauthenticate`: a fresh proof at the session's level refreshes its `auth_time`. A
    /// session at level 2 needs a second factor again, not the password.
    pub async fn reauthenticate(&self, auth: &AuthUser, proof: Proof) -> AppResult<(String, Authentication)> {
        let level = self.deps.sessions.authentication(auth).await?.aal();
        let email = auth.user.email_normalized.clone();
        self.deps.protection.before_attempt(&email).await?;
        let (method, ok) = match proof {
            Proof::Password(_) if level >= 2 => {
                metrics::step_up("failed");
                return Err(AppError::Validation(vec![FieldError::new(
                    "code",
                    "second_factor_required",
                    "This session was signed in with a second factor: confirm with it.",
                )]));
            }
            Proof::Password(password) => {
                let checked = self
                    .deps
                    .accounts
                    .confirm_password(&auth.user, "password", &password)
                    .await;
                let ok = match checked {
                    Ok(()) => true,
                    Err(AppError::Validation(_)) => false,
                    Err(e) => return Err(e),
                };
                (AuthMethod::Password, ok)
            }
            Proof::Code(code) => {
                let ok = auth.user.mfa_enabled && self.totp.accept(&self.deps.db, auth.user.id, &code, false).await?;
                (AuthMethod::Totp, ok)
            }
            Proof::Credential(credential) => {
                let ok = self
                    .passkeys
                    .verify_step_up(auth.user.id, auth.session_id, credential)
                    .await?;
                (AuthMethod::Passkey, ok)
            }
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
                AuthMethod::Passkey => (
                    "credential",
                    "passkey_failed",
                    "The passkey was not accepted; ask for new options.",
                ),
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
}
