//! An e-mail address as Gatehouse stores and compares it: the value type every domain shares.

use validator::ValidateEmail;

use crate::error::{AppError, AppResult, FieldError};

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

/// The field error for an address that is not valid.
pub fn invalid_email() -> FieldError {
    FieldError::new("email", "invalid_email", "Enter a valid e-mail address.")
}

/// An e-mail address from a request, normalised, or a field error.
pub fn parse_email(raw: &str) -> AppResult<Email> {
    normalize_email(raw).ok_or_else(|| AppError::Validation(vec![invalid_email()]))
}
