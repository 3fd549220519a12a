//! The second step of a sign-in: which factors a right first factor leads to, the challenge
//! that waits for one of them, and its completion; and signing in with a passkey alone.

use std::time::Duration;

use sea_orm::EntityTrait;
use serde_json::json;

use super::{
    CHALLENGE_TTL, Challenge, FirstFactor, MAX_ATTEMPTS, Mfa, SecondProof, SignIn,
    challenge::{self, Method, NewChallenge},
    passkey_count, recovery,
};
use crate::{
    config::EmailVerification,
    entity::user,
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        mail::{Extras, templates::TemplateKind},
        otp::generate_challenge,
        platform::metrics::{self, SignInMethod},
        sessions::{AuthMethod, Authentication, IssuedTokens},
    },
};

impl Mfa {
    /// After a right first factor: signs in, or answers the challenge of the second step.
    pub async fn sign_in(&self, account: &user::Model, first: FirstFactor) -> AppResult<SignIn> {
        match self.second_step(account, first.method).await? {
            Some(challenge) => {
                metrics::sign_in(first.metric, "second_factor_required");
                Ok(SignIn::Challenge(challenge))
            }
            None => Ok(SignIn::Tokens(self.signed_in(account, first).await?)),
        }
    }

    /// The challenge a sign-in of `account` needs after `first`, if any. An account with a
    /// passkey or an authenticator app must use one (or a recovery code); otherwise two-step
    /// login (`LOGIN_OTP`) asks for an e-mailed code after a password. A passkey alone needs
    /// nothing more. A newer challenge replaces the account's previous one.
    pub async fn second_step(&self, account: &user::Model, first: AuthMethod) -> AppResult<Option<Challenge>> {
        let db = &self.deps.db;
        if first == AuthMethod::Passkey {
            return Ok(None);
        }
        let mut methods = Vec::new();
        if account.mfa_enabled {
            if passkey_count(db, account.id).await? > 0 {
                methods.push(Method::Passkey);
            }
            if self
                .totp
                .find(account.id)
                .await?
                .is_some_and(|t| t.confirmed_at.is_some())
            {
                methods.push(Method::Totp);
            }
            if recovery::remaining(db, account.id).await? > 0 {
                methods.push(Method::RecoveryCode);
            }
        } else if first == AuthMethod::Password && self.deps.otp.two_step_required(account) {
            methods.push(Method::EmailOtp);
        }
        if methods.is_empty() {
            return Ok(None);
        }
        let value = generate_challenge();
        let hash = self.deps.otp.challenge_hash(&value);
        challenge::remove_for(db, account.id).await?;
        let by_email = methods == [Method::EmailOtp];
        let (max_attempts, ttl) = if by_email {
            let runtime = self.deps.runtime.current();
            // The row outlives a resent code; the code's own lifetime is what the client sees.
            (runtime.otp_max_attempts, runtime.otp_ttl.max(Duration::from_secs(900)))
        } else {
            (MAX_ATTEMPTS, CHALLENGE_TTL)
        };
        let (passkey_options, passkey_state) = if methods.contains(&Method::Passkey) {
            match self.passkeys.assertion_options(account.id, &hash).await? {
                Some((options, sealed)) => (Some(options), Some(sealed)),
                None => (None, None),
            }
        } else {
            (None, None)
        };
        let new = NewChallenge {
            hash: hash.clone(),
            user_id: account.id,
            methods: &methods,
            first_factor: first,
            max_attempts,
            ttl,
            passkey_state,
        };
        challenge::create(db, new).await?;
        let expires_in = if by_email {
            self.deps.otp.start_two_step(account, &hash).await?
        } else {
            CHALLENGE_TTL
        };
        Ok(Some(Challenge {
            challenge: value,
            expires_in,
            methods,
            passkey_options,
        }))
    }

    /// Starts the session of a sign-in that needs nothing more, audited and counted.
    pub async fn signed_in(&self, account: &user::Model, first: FirstFactor) -> AppResult<IssuedTokens> {
        let tokens = self.start_session(account, Authentication::now(first.method)).await?;
        let mut event = AuditEvent::new(first.event, Some(account.id)).session(tokens.session_id);
        if !first.detail.is_null() {
            event = event.detail(first.detail);
        }
        audit::record(&self.deps.db, event).await;
        metrics::sign_in(first.metric, "success");
        Ok(tokens)
    }

    /// `completeMfaLogin`: the second step. Any failure is `invalid_code` (`passkey_failed`
    /// for a passkey), counted towards the address's lock-out.
    pub async fn complete(&self, challenge_value: &str, proof: SecondProof) -> AppResult<IssuedTokens> {
        let db = &self.deps.db;
        let hash = self.deps.otp.challenge_hash(challenge_value);
        let refusal = match proof {
            SecondProof::Code(_) => AppError::InvalidCode,
            SecondProof::Credential(_) => AppError::PasskeyFailed,
        };
        let Some(reserved) = challenge::reserve(db, &hash).await? else {
            return Err(refusal);
        };
        let account = user::Entity::find_by_id(reserved.user_id)
            .one(db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active)
            .ok_or(AppError::InvalidCode)?;
        let email = account.email_normalized.clone();
        // E-mailed codes keep their own limits (`OTP_MAX_ATTEMPTS`, send caps); a wrong
        // passkey, authenticator-app or recovery code counts like a wrong password.
        let strong = reserved.methods != [Method::EmailOtp];
        if strong {
            self.deps.protection.before_attempt(&email).await?;
        }
        let proven = self.prove(&account, &reserved, &hash, proof).await?;
        let Some(method) = proven else {
            if strong {
                self.deps.protection.failed(&email, Some(&account)).await;
                let methods: Vec<&str> = reserved.methods.iter().map(|m| m.as_str()).collect();
                let event = AuditEvent::new("mfa_failed", Some(account.id))
                    .anonymous()
                    .detail(json!({ "methods": methods }));
                audit::record(db, event).await;
                metrics::sign_in(SignInMethod::Totp, "wrong_code");
            }
            return Err(refusal);
        };
        if !challenge::take(db, &hash).await? {
            return Err(refusal);
        }
        if strong {
            self.deps.protection.succeeded(&email).await;
        }
        let (second, event, metric) = match method {
            Method::Passkey => (AuthMethod::Passkey, "login_succeeded", SignInMethod::Passkey),
            Method::Totp => (AuthMethod::Totp, "login_succeeded", SignInMethod::Totp),
            Method::RecoveryCode => (AuthMethod::RecoveryCode, "login_succeeded", SignInMethod::RecoveryCode),
            Method::EmailOtp => (AuthMethod::EmailCode, "otp_login_succeeded", SignInMethod::TwoStep),
        };
        let detail = match method {
            Method::EmailOtp => json!({ "purpose": "two_step" }),
            other => json!({ "second_factor": other.as_str() }),
        };
        let authentication = Authentication::now(reserved.first_factor).and(second);
        let tokens = self.start_session(&account, authentication).await?;
        let event = AuditEvent::new(event, Some(account.id))
            .session(tokens.session_id)
            .detail(detail);
        audit::record(db, event).await;
        metrics::sign_in(metric, "success");
        if method == Method::RecoveryCode {
            self.recovery_code_used(&account).await?;
        }
        Ok(tokens)
    }

    /// Which of the challenge's methods `proof` proves, spending it.
    async fn prove(
        &self,
        account: &user::Model,
        reserved: &challenge::Reserved,
        challenge_hash: &str,
        proof: SecondProof,
    ) -> AppResult<Option<Method>> {
        let db = &self.deps.db;
        let code = match proof {
            SecondProof::Credential(credential) => {
                let Some(sealed) = reserved.passkey_state.as_deref() else {
                    return Ok(None);
                };
                let ok = self
                    .passkeys
                    .verify_assertion(account.id, challenge_hash, sealed, credential)
                    .await?;
                return Ok(ok.then_some(Method::Passkey));
            }
            SecondProof::Code(code) => code,
        };
        for method in &reserved.methods {
            let proven = match method {
                Method::Passkey => false,
                Method::Totp => self.totp.accept(db, account.id, &code, false).await?,
                Method::RecoveryCode => recovery::consume(db, &self.deps.secret, account.id, &code).await?,
                Method::EmailOtp => {
                    match self
                        .deps
                        .otp
                        .verify_two_step(account.clone(), challenge_hash, &code)
                        .await
                    {
                        Ok(_) => true,
                        Err(AppError::InvalidCode) => false,
                        Err(e) => return Err(e),
                    }
                }
            };
            if proven {
                return Ok(Some(*method));
            }
        }
        Ok(None)
    }

    /// `verifyPasskey`: signs in the account whose discoverable passkey answered `ceremony`.
    pub async fn passkey_sign_in(&self, ceremony: &str, credential: serde_json::Value) -> AppResult<IssuedTokens> {
        let verified = self.passkeys.verify_sign_in(ceremony, credential).await;
        let user_id = match verified {
            Ok(user_id) => user_id,
            Err(e) => {
                if matches!(e, AppError::PasskeyFailed) {
                    let event = AuditEvent::new("passkey_login_failed", None).anonymous();
                    audit::record(&self.deps.db, event).await;
                    metrics::sign_in(SignInMethod::Passkey, "passkey_failed");
                }
                return Err(e);
            }
        };
        let account = user::Entity::find_by_id(user_id)
            .one(&self.deps.db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active)
            .ok_or(AppError::PasskeyFailed)?;
        if self.deps.runtime.current().email_verification == EmailVerification::Mandatory
            && account.email_verified_at.is_none()
        {
            return Err(AppError::EmailNotVerified);
        }
        self.signed_in(&account, FirstFactor::passkey()).await
    }

    pub(super) async fn start_session(
        &self,
        account: &user::Model,
        authentication: Authentication,
    ) -> AppResult<IssuedTokens> {
        self.deps.sessions.start(account.id, &authentication).await
    }

    /// Audits a recovery code's use, and tells the owner how many are left.
    async fn recovery_code_used(&self, account: &user::Model) -> AppResult<()> {
        let remaining = recovery::remaining(&self.deps.db, account.id).await?;
        let event = AuditEvent::new("recovery_code_used", Some(account.id)).detail(json!({ "remaining": remaining }));
        audit::record(&self.deps.db, event).await;
        let extras = Extras {
            remaining: Some(remaining),
            ..Extras::default()
        };
        self.tell_owner(account, TemplateKind::RecoveryCodeUsed, extras).await
    }
}
