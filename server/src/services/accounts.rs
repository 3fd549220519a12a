//! Accounts: registration, credential checks, profile changes, soft deletion.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    QueryFilter, SqlErr,
};
use uuid::Uuid;
use validator::ValidateEmail;

use super::{
    audit::{self, AuditEvent},
    passwords::{self, PasswordHasher},
    runtime_settings::RuntimeSettings,
    session_cache::Invalidation,
    sessions::{RevokeReason, Sessions},
};
use crate::{
    config::EmailVerification,
    entity::user,
    error::{AppError, AppResult},
    http::problem::FieldError,
};

/// Longest first or last name, in characters.
pub const MAX_NAME_LENGTH: usize = 150;

/// Field errors for first and last names longer than [`MAX_NAME_LENGTH`].
pub(crate) fn name_errors(first: &Option<String>, last: &Option<String>) -> Vec<FieldError> {
    [("first_name", first), ("last_name", last)]
        .into_iter()
        .filter(|(_, value)| value.as_ref().is_some_and(|v| v.chars().count() > MAX_NAME_LENGTH))
        .map(|(field, _)| FieldError::new(field, "too_long", format!("At most {MAX_NAME_LENGTH} characters.")))
        .collect()
}

/// A registration request, already parsed.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// As typed.
    pub email: String,
    /// As typed.
    pub password: String,
    /// Optional.
    pub first_name: Option<String>,
    /// Optional.
    pub last_name: Option<String>,
    /// Grants staff (createsuperuser).
    pub staff: bool,
}

/// An e-mail address in its stored form and its lookup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// Trimmed, domain lower-cased, local part as typed.
    pub display: String,
    /// Fully lower-cased: unique across live accounts.
    pub key: String,
}

/// Normalises an address; `None` when it is not a valid address.
pub fn normalize_email(raw: &str) -> Option<Email> {
    let trimmed = raw.trim();
    let (local, domain) = trimmed.rsplit_once('@')?;
    let display = format!("{local}@{}", domain.to_lowercase());
    (display.len() <= 254 && display.validate_email()).then(|| Email {
        key: display.to_lowercase(),
        display,
    })
}

/// Checks a registration's address, names and password; the address normalised.
pub fn validate_new(new: &NewAccount) -> AppResult<Email> {
    let mut errors = Vec::new();
    let email = normalize_email(&new.email);
    if email.is_none() {
        errors.push(invalid_email());
    }
    if let Err(e) = passwords::check_policy("password", &new.password, &new.email) {
        errors.push(e);
    }
    errors.extend(name_errors(&new.first_name, &new.last_name));
    match email {
        Some(email) if errors.is_empty() => Ok(email),
        _ => Err(AppError::Validation(errors)),
    }
}

/// The row of a new account.
pub fn new_account_row(new: &NewAccount, email: Email, password_hash: String, verified: bool) -> user::ActiveModel {
    let now = Utc::now();
    user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.display),
        email_normalized: Set(email.key),
        password_hash: Set(Some(password_hash)),
        first_name: Set(new.first_name.clone().unwrap_or_default().trim().to_string()),
        last_name: Set(new.last_name.clone().unwrap_or_default().trim().to_string()),
        is_active: Set(true),
        is_staff: Set(new.staff),
        is_superuser: Set(new.staff),
        email_verified_at: Set(verified.then_some(now)),
        date_joined: Set(now),
        last_login: Set(None),
        updated_at: Set(now),
        deleted_at: Set(None),
    }
}

/// The live (not deleted) account with this normalised address.
pub async fn find_live(db: &impl ConnectionTrait, key: &str) -> AppResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(key))
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?)
}

fn invalid_email() -> FieldError {
    FieldError::new("email", "invalid_email", "Enter a valid e-mail address.")
}

/// An e-mail address from a request, normalised, or a field error.
pub fn parse_email(raw: &str) -> AppResult<Email> {
    normalize_email(raw).ok_or_else(|| AppError::Validation(vec![invalid_email()]))
}

/// The account service.
#[derive(Clone)]
pub struct Accounts {
    db: DatabaseConnection,
    hasher: PasswordHasher,
    sessions: Sessions,
    runtime: RuntimeSettings,
}

impl Accounts {
    /// The service.
    pub fn new(db: DatabaseConnection, hasher: PasswordHasher, sessions: Sessions, runtime: RuntimeSettings) -> Self {
        Self {
            db,
            hasher,
            sessions,
            runtime,
        }
    }

    /// Creates an account directly (createsuperuser): the address counts as verified, and an
    /// address already taken is an error, since the operator may know.
    pub async fn create(&self, new: NewAccount) -> AppResult<user::Model> {
        let email = validate_new(&new)?;
        if find_live(&self.db, &email.key).await?.is_some() {
            return Err(AppError::EmailTaken);
        }
        let password_hash = self.hasher.hash(&new.password).await?;
        let row = new_account_row(&new, email, password_hash, true);
        let created = match row.insert(&self.db).await {
            Ok(created) => created,
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                return Err(AppError::EmailTaken);
            }
            Err(e) => return Err(e.into()),
        };
        audit::record(&self.db, AuditEvent::new("user_created", Some(created.id))).await;
        Ok(created)
    }

    /// Checks an e-mail and password. Unknown, inactive and deleted accounts take as long as
    /// a wrong password and get the same error. Rehashes when the parameters changed.
    pub async fn check_credentials(&self, email: &str, password: &str) -> AppResult<user::Model> {
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
            let event = AuditEvent::new("login_failed", account.map(|a| a.id))
                .anonymous()
                .detail(serde_json::json!({ "reason": reason }));
            audit::record(&self.db, event).await;
            return Err(AppError::InvalidCredentials);
        };
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

    /// Changes the names given; `None` leaves one unchanged.
    pub async fn update_names(
        &self,
        account: &user::Model,
        first: Option<String>,
        last: Option<String>,
    ) -> AppResult<user::Model> {
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
        row.updated_at = Set(Utc::now());
        let updated = row.update(&self.db).await?;
        self.sessions.forget(Invalidation::User(updated.id)).await;
        Ok(updated)
    }

    /// Soft-deletes the account once the password is confirmed, revoking every session in
    /// the same transaction.
    pub async fn delete(&self, account: &user::Model, password: &str) -> AppResult<()> {
        self.confirm_password(account, "password", password).await?;
        let account = account.clone();
        let user_id = account.id;
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let now = Utc::now();
                let mut row = account.into_active_model();
                row.deleted_at = Set(Some(now));
                row.is_active = Set(false);
                row.updated_at = Set(now);
                row.update(txn).await?;
                Sessions::revoke_all_in(txn, user_id, RevokeReason::AccountDeleted).await
            })
        })
        .await?;
        self.sessions.forget(Invalidation::User(user_id)).await;
        audit::record(&self.db, AuditEvent::new("account_deleted", Some(user_id))).await;
        Ok(())
    }
}
