//! Second factors: passkeys (WebAuthn) and authenticator apps (TOTP) with recovery codes, the
//! second step of every sign-in (one challenge mechanism for every factor, the e-mailed code
//! included), passkey sign-in, step-up re-authentication, `MFA_REQUIRED`, and staff removing
//! a user's factors.

mod challenge;
mod enrollment;
mod passkey_assertions;
mod passkey_enrollment;
pub mod passkeys;
mod reauthentication;
pub mod recovery;
mod sign_in;
pub mod totp;

use std::{sync::Arc, time::Duration};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr,
};
use serde_json::{Value, json};
use uuid::Uuid;

pub use self::{challenge::Method, reauthentication::Proof, totp::Enrollment};
use crate::{
    config::MfaSettings,
    entity::{mfa_totp, passkey, user},
    error::AppResult,
    services::{
        identity::accounts::Accounts,
        mail::{Extras, Mailer, templates::TemplateKind},
        otp::Otp,
        platform::{metrics::SignInMethod, secrets::InstanceSecret},
        protection::LoginProtection,
        runtime_settings::RuntimeSettings,
        sessions::{AuthMethod, IssuedTokens, Sessions},
    },
};

/// Tries per challenge for an authenticator-app code, a recovery code or a passkey.
const MAX_ATTEMPTS: u32 = 5;
/// How long a challenge for them works.
const CHALLENGE_TTL: Duration = Duration::from_secs(300);

/// How the first step of a sign-in was passed, and how to record its success.
#[derive(Clone, Debug)]
pub struct FirstFactor {
    /// The method (`pwd`, `otp`, `social`, `webauthn`).
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

    /// A passkey alone (user verification makes it two factors).
    pub fn passkey() -> Self {
        Self {
            method: AuthMethod::Passkey,
            event: "passkey_login_succeeded",
            detail: Value::Null,
            metric: SignInMethod::Passkey,
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
    /// The request options of a passkey assertion, when `methods` has `passkey`.
    pub passkey_options: Option<Value>,
}

/// Where a right first factor leads.
#[derive(Clone, Debug)]
pub enum SignIn {
    /// Signed in.
    Tokens(IssuedTokens),
    /// A second factor must follow.
    Challenge(Challenge),
}

/// A proof that completes a challenge.
#[derive(Clone, Debug)]
pub enum SecondProof {
    /// A TOTP code, a recovery code or an e-mailed code.
    Code(String),
    /// A passkey assertion (`credential.toJSON()`).
    Credential(Value),
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
    passkeys: passkeys::Passkeys,
    settings: Arc<MfaSettings>,
}

/// The signed-in user's factors, without secrets.
#[derive(Clone, Debug)]
pub struct Summary {
    /// An authenticator app is active since then.
    pub totp_enabled_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Unused recovery codes.
    pub recovery_codes_remaining: u32,
    /// Registered passkeys.
    pub passkeys: u32,
    /// `MFA_REQUIRED` covers the account and it has no second factor.
    pub enrollment_required: bool,
}

impl Mfa {
    /// The service; fails when the WebAuthn relying party is misconfigured.
    pub fn new(deps: MfaDeps, settings: MfaSettings) -> anyhow::Result<Self> {
        let totp = totp::TotpStore::new(deps.db.clone(), deps.secret.clone());
        let passkeys = passkeys::Passkeys::new(settings.webauthn.as_ref(), deps.db.clone(), deps.secret.clone())?;
        Ok(Self {
            deps: Arc::new(deps),
            totp,
            passkeys,
            settings: Arc::new(settings),
        })
    }

    /// The passkeys of the accounts.
    pub fn passkeys(&self) -> &passkeys::Passkeys {
        &self.passkeys
    }

    /// `MFA_REQUIRED` covers `account` and it has no second factor yet: its sessions may only
    /// enrol one.
    pub fn enrollment_required(&self, account: &user::Model) -> bool {
        !account.mfa_enabled && self.settings.required.applies_to(account.is_staff)
    }

    /// `getMfa`.
    pub async fn summary(&self, account: &user::Model) -> AppResult<Summary> {
        let totp = self.totp.find(account.id).await?;
        Ok(Summary {
            totp_enabled_at: totp.and_then(|row| row.confirmed_at),
            recovery_codes_remaining: recovery::remaining(&self.deps.db, account.id).await?,
            passkeys: passkey_count(&self.deps.db, account.id).await?,
            enrollment_required: self.enrollment_required(account),
        })
    }

    /// Queues an e-mail to the owner about their factors.
    async fn tell_owner(&self, account: &user::Model, template: TemplateKind, extras: Extras) -> AppResult<()> {
        self.deps.mailer.queue(&self.deps.db, template, account, extras).await?;
        self.deps.mailer.wake();
        Ok(())
    }
}

/// Passkeys of the account.
async fn passkey_count(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<u32> {
    let count = passkey::Entity::find()
        .filter(passkey::Column::UserId.eq(user_id))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Sets `users.mfa_enabled` from the factors the account has (a confirmed TOTP or a passkey);
/// without any, its recovery codes go too. Answers the new value.
async fn sync_mfa_enabled(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<bool> {
    let totp = mfa_totp::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .is_some_and(|row| row.confirmed_at.is_some());
    let enabled = totp || passkey_count(db, user_id).await? > 0;
    user::Entity::update_many()
        .col_expr(user::Column::MfaEnabled, Expr::value(enabled))
        .col_expr(user::Column::UpdatedAt, Expr::value(chrono::Utc::now()))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    if !enabled {
        recovery::remove_all(db, user_id).await?;
    }
    Ok(enabled)
}
