//! What a request says about an account (address, names, password), checked and normalised.

use crate::{
    entity::user,
    error::{AppError, AppResult, FieldError},
    services::{
        identity::passwords,
        platform::email_address::{Email, invalid_email, normalize_email},
    },
};
use chrono::Utc;
use sea_orm::ActiveValue::Set;
use uuid::Uuid;

/// Longest first or last name, in characters.
pub const MAX_NAME_LENGTH: usize = 150;

/// Field errors for first and last names longer than [`MAX_NAME_LENGTH`], or holding a line
/// break or another control character once surrounding whitespace is trimmed (names are
/// printed in e-mails, one per line).
pub(crate) fn name_errors(first: &Option<String>, last: &Option<String>) -> Vec<FieldError> {
    [("first_name", first), ("last_name", last)]
        .into_iter()
        .filter_map(|(field, value)| {
            let value = value.as_deref()?;
            if value.chars().count() > MAX_NAME_LENGTH {
                Some(FieldError::new(
                    field,
                    "too_long",
                    format!("At most {MAX_NAME_LENGTH} characters."),
                ))
            } else if value.trim().chars().any(is_line_break_or_control) {
                Some(FieldError::new(
                    field,
                    "invalid_format",
                    "No line breaks or other control characters.",
                ))
            } else {
                None
            }
        })
        .collect()
}

/// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
pub fn is_line_break_or_control(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Changes to the signed-in user's own account; `None` leaves a field unchanged.
#[derive(Debug, Clone, Default)]
pub struct ProfileChange {
    /// The first name.
    pub first_name: Option<String>,
    /// The last name.
    pub last_name: Option<String>,
    /// Two-step login (a code e-mailed after the password).
    pub otp_login_enabled: Option<bool>,
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
pub fn new_account_row(
    new: &NewAccount,
    email: Email,
    password_hash: Option<String>,
    verified: bool,
) -> user::ActiveModel {
    let now = Utc::now();
    user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.display),
        email_normalized: Set(email.key),
        password_hash: Set(password_hash),
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
        otp_login_enabled: Set(false),
        mfa_enabled: Set(false),
        marketing_consent: Set(false),
        deletion_due_at: Set(None),
    }
}
