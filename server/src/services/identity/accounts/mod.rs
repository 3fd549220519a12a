//! Accounts: registration, credential checks, profile changes.

mod input;

pub(crate) use self::input::name_errors;
pub use self::input::{
    MAX_NAME_LENGTH, NewAccount, ProfileChange, is_line_break_or_control, new_account_row, validate_new,
};
pub use crate::services::platform::email_address::{Email, normalize_email, parse_email};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    QueryFilter, SqlErr, TransactionTrait,
};
use serde_json::json;

use crate::{
    config::EmailVerification,
    entity::user,
    error::{AppError, AppResult, FieldError},
    services::{
        audit::{self, AuditEvent},
        identity::passwords::PasswordHasher,
        platform::metrics::{self, SignInMethod},
        protection::LoginProtection,
        runtime_settings::RuntimeSettings,
        sessions::{Sessions, session_cache::Invalidation},
    },
};

/// The live (not deleted) account with this normalised address.
pub async fn find_live(db: &impl ConnectionTrait, key: &str) -> AppResult<Option<user::Model>> {
    let read = || {
        user::Entity::find()
            .filter(user::Column::EmailNormalized.eq(key))
            .filter(user::Column::DeletedAt.is_null())
            .one(db)
    };
    Ok(crate::db::read_retrying(read).await?)
}

/// The account service.
#[derive(Clone)]
pub struct Accounts {
    db: DatabaseConnection,
    hasher: PasswordHasher,
    sessions: Sessions,
    runtime: RuntimeSettings,
    protection: LoginProtection,
}

impl Accounts {
    /// The service.
    pub fn new(
        db: DatabaseConnection,
        hasher: PasswordHasher,
        sessions: Sessions,
        runtime: RuntimeSettings,
        protection: LoginProtection,
    ) -> Self {
        Self {
            db,
            hasher,
            sessions,
            runtime,
            protection,
        }
    }

    /// Creates an account directly (createsuperuser): the address counts as verified, and an
    /// address already taken is an error, since the operator may know.
    pub async fn create(&self, new: NewAccount) -> AppResult<user::Model> {
        let email = validate_new(&new)?;
        if find_live(&self.db, &email.key).await?.is_some() {
            return Err(AppError::EmailTaken);
        }
        self.hasher.screen("password", &new.password).await?;
        let password_hash = self.hasher.hash(&new.password).await?;
        let row = new_account_row(&new, email, Some(password_hash), true);
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let created = match row.insert(txn).await {
                    Ok(created) => created,
                    Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                        return Err(AppError::EmailTaken);
                    }
                    Err(e) => return Err(e.into()),
                };
                audit::record(txn, AuditEvent::new("user_created", Some(created.id))).await;
                Ok(created)
            })
        })
        .await
    }

    /// Checks an e-mail and password. Unknown, inactive and deleted accounts take as long as
    /// a wrong password and get the same error. Rehashes when the parameters changed. Rate
    /// limits and the lock-out apply first (`429`), alike for every address.
    pub async fn check_credentials(&self, email: &str, password: &str) -> AppResult<user::Model> {
        self.protection.before_attempt(email).await?;
        let account = match normalize_email(email) {
            Some(email) => find_live(&self.db, &email.key).await?,
            None => None,
        };
        let stored = account.as_ref().and_then(|a| a.password_hash.as_deref());
        let verified = self.hasher.verify(password, stored).await?;
        let Some(account) = account.clone().filter(|a| verified.ok && a.is_active) else {
            let reason = match &account {
                None => "unknown_email",
                Some(a) if !a.is_active => "inactive",
                Some(_) => "wrong_password",
            };
            let event = AuditEvent::new("login_failed", account.as_ref().map(|a| a.id))
                .anonymous()
                .detail(serde_json::json!({ "reason": reason }));
            audit::record(&self.db, event).await;
            metrics::sign_in(SignInMethod::Password, reason);
            self.protection.failed(email, account.as_ref()).await;
            return Err(AppError::InvalidCredentials);
        };
        self.protection.succeeded(email).await;
        if verified.needs_rehash {
            self.rehash(&account, password).await;
        }
        // Said only to whoever knows the password, so it reveals nothing about the address.
        if self.runtime.current().email_verification == EmailVerification::Mandatory
            && account.email_verified_at.is_none()
        {
            let event = AuditEvent::new("login_failed", Some(account.id))
                .anonymous()
                .detail(serde_json::json!({ "reason": "email_not_verified" }));
            audit::record(&self.db, event).await;
            metrics::sign_in(SignInMethod::Password, "email_not_verified");
            return Err(AppError::EmailNotVerified);
        }
        Ok(account)
    }

    async fn rehash(&self, account: &user::Model, password: &str) {
        let result = async {
            let hash = self.hasher.hash(password).await?;
            let mut row = account.clone().into_active_model();
            row.password_hash = Set(Some(hash));
            row.update(&self.db).await?;
            anyhow::Ok(())
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = format!("{e:#}"), user_id = %account.id, "rehashing a password failed");
        }
    }

    /// Checks the signed-in user's password before a sensitive change; a wrong one is a
    /// field error on `field` (not a 401, which clients read as "signed out").
    pub async fn confirm_password(&self, account: &user::Model, field: &str, password: &str) -> AppResult<()> {
        let verified = self.hasher.verify(password, account.password_hash.as_deref()).await?;
        if verified.ok {
            return Ok(());
        }
        Err(AppError::Validation(vec![FieldError::new(
            field,
            "incorrect_password",
            "The password is incorrect.",
        )]))
    }

    /// Changes the names and preferences given; `None` leaves one unchanged.
    pub async fn update_profile(&self, account: &user::Model, change: ProfileChange) -> AppResult<user::Model> {
        let ProfileChange {
            first_name: first,
            last_name: last,
            otp_login_enabled,
        } = change;
        let errors = name_errors(&first, &last);
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let mut row = account.clone().into_active_model();
        if let Some(first) = first {
            row.first_name = Set(first.trim().to_string());
        }
        if let Some(last) = last {
            row.last_name = Set(last.trim().to_string());
        }
        if let Some(enabled) = otp_login_enabled {
            row.otp_login_enabled = Set(enabled);
        }
        row.updated_at = Set(Utc::now());
        // The change and its audit event (and so its `user.updated` webhook) commit together.
        let txn = self.db.begin().await?;
        let updated = row.update(&txn).await?;
        let changed: Vec<&str> = [
            ("first_name", updated.first_name != account.first_name),
            ("last_name", updated.last_name != account.last_name),
            (
                "otp_login_enabled",
                updated.otp_login_enabled != account.otp_login_enabled,
            ),
        ]
        .into_iter()
        .filter_map(|(field, differs)| differs.then_some(field))
        .collect();
        if !changed.is_empty() {
            let event = AuditEvent::new("profile_updated", Some(updated.id)).detail(json!({ "fields": changed }));
            audit::record(&txn, event).await;
        }
        txn.commit().await?;
        self.sessions.forget(Invalidation::User(updated.id)).await;
        Ok(updated)
    }
}
