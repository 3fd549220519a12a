//! The frontend pages that e-mails link to, under `FRONTEND_URL`.

/// Where the frontend shows the verification result (`?token=` is appended).
pub const VERIFY_EMAIL_PATH: &str = "/verify-email";
/// The frontend page where a user asks for a password-reset e-mail.
pub const FORGOT_PASSWORD_PATH: &str = "/forgot-password";
/// Where the frontend takes the new password (`?token=` is appended).
pub const RESET_PASSWORD_PATH: &str = "/reset-password";
