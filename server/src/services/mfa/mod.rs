//! Second factors: authenticator apps (TOTP) with recovery codes, the second step of every
//! sign-in (one challenge mechanism for every factor, the e-mailed code included), step-up
//! re-authentication, `MFA_REQUIRED`, and staff removing a user's factors.

mod challenge;
mod enrollment;
pub mod recovery;
pub mod totp;

use std::{sync::Arc, time::Duration};

use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::{Value, json};

pub use self::{challenge::Method, enrollment::Proof, totp::Enrollment};
use crate::{
    config::MfaSettings,
    entity::user,
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        identity::accounts::Accounts,
        mail::{Extras, Mailer, templates::TemplateKind},
        otp::{Otp, generate_challenge},
        platform::{
            metrics::{self, SignInMethod},
            secrets::InstanceSecret,
        },
        protection::LoginProtection,
        runtime_settings::RuntimeSettings,
        sessions::{AuthMethod, Authentication, IssuedTokens, Sessions},
    },
};

/// Tries per challenge for an authenticator-app or recovery code.
const MAX_ATTEMPTS: u32 = 5;
/// How long a challenge for an authenticator-app or recovery code works.
const CHALLENGE_TTL: Duration = Duration::from_secs(300);

/// How the first step of a sign-in was passed, and how to record its success.
#[derive(Clone, Debug)]
pub struct FirstFactor {
    /// The method (`pwd`, `otp`, `social`).
    pub method: AuthMethod,
    /// The audit event of a sign-in that needs nothing more.
    pub event: &'static str,
    /// Its detail.
    pub detail: Value,
    /// Its metric label.
    pub metric: SignInMethod,
}

impl FirstFactor {
    /// E-mail and password.
    pub fn password() -> Self {
        Self {
            method: AuthMethod::Password,
            event: "login_succeeded",
            detail: Value::Null,
            metric: SignInMethod::Password,
        }
    }

    /// An e-mailed code instead of a password.
    pub fn email_code() -> Self {
        Self {
            method: AuthMethod::EmailCode,
            event: "otp_login_succeeded",
            detail: json!({ "purpose": "login" }),
            metric: SignInMethod::EmailOtp,
        }
    }

    /// An outside identity provider.
    pub fn social(provider: &str) -> Self {
        Self {
            method: AuthMethod::Social,
            event: "social_login_succeeded",
            detail: json!({ "provider": provider }),
            metric: SignInMethod::Social,
        }
    }
}

/// The second step a sign-in waits for.
#[derive(Clone, Debug)]
pub struct Challenge {
    /// Opaque, 256 random bits; sent back with the proof.
    pub challenge: String,
    /// How long it (and an e-mailed code) works.
    pub expires_in: Duration,
    /// What completes it, strongest first.
    pub methods: Vec<Method>,
}

/// Where a right first factor leads.
#[derive(Clone, Debug)]
pub enum SignIn {
    /// Signed in.
    Tokens(IssuedTokens),
    /// A second factor must follow.
    Challenge(Challenge),
}

/// What the MFA service needs.
pub struct MfaDeps {
    /// The database.
    pub db: DatabaseConnection,
    /// The instance secret (sealed TOTP secrets, hashed recovery codes).
    pub secret: InstanceSecret,
    /// E-mailed codes (the `email_otp` method).
    pub otp: Otp,
    /// Sessions.
    pub sessions: Sessions,
    /// Password checks (re-authentication).
    pub accounts: Accounts,
    /// The lock-out wrong second factors count towards.
    pub protection: LoginProtection,
    /// Notices to the owner.
    pub mailer: Mailer,
    /// `LOGIN_OTP`, `OTP_*`, `REAUTH_MAX_AGE`.
    pub runtime: RuntimeSettings,
    /// The issuer shown in authenticator apps (`SITE_NAME`).
    pub issuer: String,
}

/// The MFA service; cheap to clone.
#[derive(Clone)]
pub struct Mfa {
    deps: Arc<MfaDeps>,
    totp: totp::TotpStore,
    settings: Arc<MfaSettings>,
}

/// The signed-in user's factors, without secrets.
#[derive(Clone, Debug)]
pub struct Summary {
    /// An authenticator app is active since then.
    pub totp_enabled_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Unused recovery codes.
    pub recovery_codes_remaining: u32,
    /// `MFA_REQUIRED` covers the account and it has no second factor.
    pub enrollment_required: bool,
}

impl Mfa {
    /// The service.
    pub fn new(deps: MfaDeps, settings: MfaSettings) -> Self {
        let totp = totp::TotpStore::new(deps.db.clone(), deps.secret.clone());
        Self {
            deps: Arc::new(deps),
            totp,
            settings: Arc::new(settings),
        }
    }

    /// `MFA_REQUIRED` covers `account` and it has no second factor yet: its sessions may only
    /// enrol one.
    pub fn enrollment_required(&self, account: &user::Model) -> bool {
        !account.mfa_enabled && self.settings.required.applies_to(account.is_staff)
    }

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

    /// The challenge a sign-in of `account` needs after `first`, if any. An account with an
    /// authenticator app must use it (or a recovery code); otherwise two-step login
    /// (`LOGIN_OTP`) asks for an e-mailed code after a password. A newer challenge replaces
    /// the account's previous one.
    pub async fn second_step(&self, account: &user::Model, first: AuthMethod) -> AppResult<Option<Challenge>> {
        let db = &self.deps.db;
        let mut methods = Vec::new();
        if account.mfa_enabled {
            methods.push(Method::Totp);
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
        challenge::create(db, hash.clone(), account.id, &methods, first, max_attempts, ttl).await?;
        let expires_in = if by_email {
            self.deps.otp.start_two_step(account, &hash).await?
        } else {
            CHALLENGE_TTL
        };
        Ok(Some(Challenge {
            challenge: value,
            expires_in,
            methods,
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

    /// `completeMfaLogin`: the second step. Any failure is `invalid_code`, counted towards the
    /// address's lock-out.
    pub async fn complete(&self, challenge_value: &str, code: &str) -> AppResult<IssuedTokens> {
        let db = &self.deps.db;
        let hash = self.deps.otp.challenge_hash(challenge_value);
        let Some(reserved) = challenge::reserve(db, &hash).await? else {
            return Err(AppError::InvalidCode);
        };
        let account = user::Entity::find_by_id(reserved.user_id)
            .one(db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active)
            .ok_or(AppError::InvalidCode)?;
        let email = account.email_normalized.clone();
        // E-mailed codes keep their own limits (`OTP_MAX_ATTEMPTS`, send caps); a wrong
        // authenticator-app or recovery code counts like a wrong password.
        let strong = reserved.methods != [Method::EmailOtp];
        if strong {
            self.deps.protection.before_attempt(&email).await?;
        }
        let proven = self.prove(&account, &reserved.methods, &hash, code).await?;
        let Some(method) = proven else {
            if strong {
                self.deps.protection.failed(&email, Some(&account)).await;
                let event = AuditEvent::new("mfa_failed", Some(account.id))
                    .anonymous()
                    .detail(json!({ "methods": names(&reserved.methods) }));
                audit::record(db, event).await;
                metrics::sign_in(SignInMethod::Totp, "wrong_code");
            }
            return Err(AppError::InvalidCode);
        };
        if !challenge::take(db, &hash).await? {
            return Err(AppError::InvalidCode);
        }
        if strong {
            self.deps.protection.succeeded(&email).await;
        }
        let second = match method {
            Method::Totp => AuthMethod::Totp,
            Method::RecoveryCode => AuthMethod::RecoveryCode,
            Method::EmailOtp => AuthMethod::EmailCode,
        };
        let authentication = Authentication::now(reserved.first_factor).and(second);
        let tokens = self.start_session(&account, authentication).await?;
        let (event, detail, metric) = match method {
            Method::EmailOtp => (
                "otp_login_succeeded",
                json!({ "purpose": "two_step" }),
                SignInMethod::TwoStep,
            ),
            Method::Totp => (
                "login_succeeded",
                json!({ "second_factor": "totp" }),
                SignInMethod::Totp,
            ),
            Method::RecoveryCode => (
                "login_succeeded",
                json!({ "second_factor": "recovery_code" }),
                SignInMethod::RecoveryCode,
            ),
        };
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

    /// Which of `methods` `code` proves, spending it.
    async fn prove(
        &self,
        account: &user::Model,
        methods: &[Method],
        challenge_hash: &str,
        code: &str,
    ) -> AppResult<Option<Method>> {
        let db = &self.deps.db;
        for method in methods {
            let proven = match method {
                Method::Totp => self.totp.accept(db, account.id, code, false).await?,
                Method::RecoveryCode => recovery::consume(db, &self.deps.secret, account.id, code).await?,
                Method::EmailOtp => {
                    match self
                        .deps
                        .otp
                        .verify_two_step(account.clone(), challenge_hash, code)
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

    async fn start_session(&self, account: &user::Model, authentication: Authentication) -> AppResult<IssuedTokens> {
        self.deps.sessions.start(account.id, &authentication).await
    }

    /// Tells the owner a recovery code was used, and how many are left.
    async fn recovery_code_used(&self, account: &user::Model) -> AppResult<()> {
        let db = &self.deps.db;
        let remaining = recovery::remaining(db, account.id).await?;
        let extras = Extras {
            remaining: Some(remaining),
            ..Extras::default()
        };
        self.deps
            .mailer
            .queue(db, TemplateKind::RecoveryCodeUsed, account, extras)
            .await?;
        self.deps.mailer.wake();
        Ok(())
    }

    /// `getMfa`.
    pub async fn summary(&self, account: &user::Model) -> AppResult<Summary> {
        let totp = self.totp.find(account.id).await?;
        Ok(Summary {
            totp_enabled_at: totp.and_then(|row| row.confirmed_at),
            recovery_codes_remaining: recovery::remaining(&self.deps.db, account.id).await?,
            enrollment_required: self.enrollment_required(account),
        })
    }
}

fn names(methods: &[Method]) -> Vec<&'static str> {
    methods.iter().map(|m| m.as_str()).collect()
}
