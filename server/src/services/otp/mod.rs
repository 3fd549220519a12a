//! E-mailed one-time codes: passwordless login (e-mail, then code) and the `email_otp` second
//! step of a sign-in (the challenge itself belongs to the MFA service, which calls in here).
//!
//! Codes are 6 digits drawn uniformly from the OS CSPRNG, live `OTP_TTL`, are stored only as an
//! HMAC under `SECRET_KEY` bound to purpose, account and address, allow `OTP_MAX_ATTEMPTS`
//! comparisons (each reserved atomically before comparing in constant time), are spent
//! atomically, and a new code replaces the previous one. Sends to an address are limited by a
//! cooldown and a cap per window, counted by a keyed hash of the address so that unknown
//! addresses are treated exactly like known ones.

mod code;
mod db_store;
mod redis_store;
mod send;
mod store;
mod stored;

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};
use serde_json::json;
use uuid::Uuid;

pub use self::code::{Purpose, generate_challenge};
use self::{
    code::{CodeHasher, normalize_code, same_hash},
    store::OtpStore,
    stored::SendVerdict,
};
use crate::{
    config::{LoginOtp, OtpSettings},
    entity::user,
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        identity::accounts,
        mail::Mailer,
        platform::{metrics, redis::Redis, secrets::InstanceSecret},
        runtime_settings::RuntimeSettings,
    },
};

/// Whose new code `resend` sends.
#[derive(Clone, Debug)]
pub enum ResendTarget {
    /// A passwordless login code for this address.
    Email(String),
    /// A new code for this two-step challenge.
    Challenge(String),
}

/// The one-time code service.
#[derive(Clone)]
pub struct Otp {
    db: DatabaseConnection,
    store: OtpStore,
    hasher: CodeHasher,
    mailer: Mailer,
    runtime: RuntimeSettings,
    settings: Arc<OtpSettings>,
}

impl Otp {
    /// The service; codes live in Redis when there is one, else in the database. Lifetime,
    /// attempts, cooldown and `LOGIN_OTP` follow the runtime settings; the cap the environment.
    pub fn new(
        db: DatabaseConnection,
        redis: Option<Redis>,
        secret: InstanceSecret,
        mailer: Mailer,
        runtime: RuntimeSettings,
        settings: OtpSettings,
    ) -> Self {
        let store = OtpStore::new(db.clone(), redis);
        tracing::info!(store = store.kind(), "one-time codes ready");
        Self {
            db,
            store,
            hasher: CodeHasher::new(secret),
            mailer,
            runtime,
            settings: Arc::new(settings),
        }
    }

    /// The keyed hash a sign-in challenge is stored under (here and by the MFA service).
    pub fn challenge_hash(&self, challenge: &str) -> String {
        self.hasher.challenge_hash(challenge)
    }

    /// Whether a password login of `account` must be completed with an e-mailed code.
    pub fn two_step_required(&self, account: &user::Model) -> bool {
        self.runtime.current().login_otp == LoginOtp::Required || account.otp_login_enabled
    }

    /// `requestOtp`: e-mails a login code when the address belongs to an active account. The
    /// caller learns nothing: within the cooldown or over the cap nothing is sent, and the
    /// lookup and sending happen after the answer, so even its timing says nothing.
    pub async fn request(&self, email: &str) -> AppResult<()> {
        let email = accounts::parse_email(email)?;
        if self.note_send(&email).await? == SendVerdict::Allowed {
            self.send_login_code_after_answer(email).await?;
        }
        Ok(())
    }

    /// `resendOtp`: a new code (the previous one dies), or `rate_limited` within the cooldown
    /// or over the cap — for unknown addresses exactly as for known ones.
    pub async fn resend(&self, target: ResendTarget) -> AppResult<()> {
        match target {
            ResendTarget::Email(email) => {
                let email = accounts::parse_email(&email)?;
                self.check_send(&email).await?;
                self.send_login_code_after_answer(email).await?;
            }
            ResendTarget::Challenge(challenge) => {
                let challenge_hash = self.hasher.challenge_hash(&challenge);
                let owner = self.store.challenge_owner(&challenge_hash).await?;
                let account = self.live_account(owner).await?.ok_or(AppError::InvalidCode)?;
                let email = accounts::parse_email(&account.email_normalized)?;
                self.check_send(&email).await?;
                self.send_code(&account, Purpose::TwoStep, Some(challenge_hash)).await?;
            }
        }
        Ok(())
    }

    /// E-mails the code of an `email_otp` second step, bound to the challenge stored under
    /// `challenge_hash` (a previous two-step code of the account dies); returns how long the
    /// code works. The code obeys the address's send cooldown and cap like every other code:
    /// within them no new code is sent, and the challenge is bound to the two-step code already
    /// sent — or, when there is none, the sign-in is refused `429` until a code may be sent.
    pub async fn start_two_step(&self, account: &user::Model, challenge_hash: &str) -> AppResult<Duration> {
        let email = accounts::parse_email(&account.email_normalized)?;
        match self.note_send(&email).await? {
            SendVerdict::Allowed => {
                self.send_code(account, Purpose::TwoStep, Some(challenge_hash.to_string()))
                    .await?;
                Ok(self.runtime.current().otp_ttl)
            }
            SendVerdict::Refused { retry_after, limit } => self
                .store
                .rebind_challenge(account.id, challenge_hash)
                .await?
                .ok_or_else(|| self.refusal(retry_after, limit)),
        }
    }

    /// `verifyOtp`: the code of a passwordless login; answers the account it signs in to
    /// (the caller starts the session, or asks for a second factor).
    pub async fn verify_login(&self, email: &str, code: &str) -> AppResult<user::Model> {
        let email = accounts::parse_email(email)?;
        let account = accounts::find_live(&self.db, &email.key).await?.filter(|a| a.is_active);
        // Unknown addresses go through the same lookups, against an account id nobody has.
        let user_id = account
            .as_ref()
            .map_or_else(|| self.hasher.dummy_user(&email.key), |a| a.id);
        let outcome = self.check(user_id, &email.key, Purpose::Login, None, code).await?;
        self.finish(account, Purpose::Login, outcome).await
    }

    /// The code of an `email_otp` second step, for the challenge stored under
    /// `challenge_hash`: the account when it is right (and spent now).
    pub async fn verify_two_step(
        &self,
        account: user::Model,
        challenge_hash: &str,
        code: &str,
    ) -> AppResult<user::Model> {
        let outcome = self
            .check(
                account.id,
                &account.email_normalized,
                Purpose::TwoStep,
                Some(challenge_hash),
                code,
            )
            .await?;
        self.finish(Some(account), Purpose::TwoStep, outcome).await
    }

    /// Reserves an attempt on the account's code, compares, and spends it when right.
    async fn check(
        &self,
        user_id: Uuid,
        email_key: &str,
        purpose: Purpose,
        challenge_hash: Option<&str>,
        code: &str,
    ) -> AppResult<Result<(), &'static str>> {
        // A malformed code is compared too (as a string that matches nothing): same work, same answer.
        let candidate = normalize_code(code).unwrap_or_default();
        let candidate = self.hasher.code_hash(purpose, user_id, email_key, &candidate);
        let max_attempts = self.runtime.current().otp_max_attempts;
        let Some(reserved) = self
            .store
            .reserve(user_id, purpose, challenge_hash, max_attempts)
            .await?
        else {
            return Ok(Err("no_live_code"));
        };
        if !same_hash(&reserved.code_hash, &candidate) {
            return Ok(Err("wrong_code"));
        }
        if !self.store.consume(user_id, purpose, &reserved).await? {
            return Ok(Err("already_used"));
        }
        Ok(Ok(()))
    }

    /// Audits a failure; on success marks the address verified (the code proved the mailbox)
    /// and answers the account.
    async fn finish(
        &self,
        account: Option<user::Model>,
        purpose: Purpose,
        outcome: Result<(), &'static str>,
    ) -> AppResult<user::Model> {
        let account = match (account, outcome) {
            (Some(account), Ok(())) => account,
            (account, outcome) => {
                let reason = match (&account, outcome) {
                    (Some(_), Err(reason)) => reason,
                    _ => "unknown_account",
                };
                let event = AuditEvent::new("otp_failed", account.map(|a| a.id))
                    .anonymous()
                    .detail(json!({ "purpose": purpose.as_str(), "reason": reason }));
                audit::record(&self.db, event).await;
                metrics::one_time_code_failure(purpose.as_str());
                metrics::sign_in(purpose.sign_in_method(), reason);
                return Err(AppError::InvalidCode);
            }
        };
        if account.email_verified_at.is_none() {
            // A code that reached the address proves it: verified, with its event (and so its
            // `user.email_verified` webhook) in the same transaction, only when it changed.
            let (user_id, purpose_name) = (account.id, purpose.as_str());
            crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
                Box::pin(async move {
                    let verified = user::Entity::update_many()
                        .col_expr(user::Column::EmailVerifiedAt, Expr::value(Utc::now()))
                        .filter(user::Column::Id.eq(user_id))
                        .filter(user::Column::EmailVerifiedAt.is_null())
                        .exec(txn)
                        .await?;
                    if verified.rows_affected == 1 {
                        let event = AuditEvent::new("email_verified", Some(user_id))
                            .detail(json!({ "method": "otp", "purpose": purpose_name }));
                        audit::record(txn, event).await;
                    }
                    Ok(())
                })
            })
            .await?;
        }
        Ok(account)
    }

    /// The live, active account `user_id`, if any.
    async fn live_account(&self, user_id: Option<Uuid>) -> AppResult<Option<user::Model>> {
        let Some(user_id) = user_id else {
            return Ok(None);
        };
        Ok(user::Entity::find_by_id(user_id)
            .one(&self.db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active))
    }
}
