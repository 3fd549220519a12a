//! The runtime knobs: their values in force, their names and their bounds.

use std::time::Duration;

use chrono::{DateTime, Utc};

use serde_json::{Value, json};

use crate::{
    config::{EmailVerification, LoginOtp, Settings},
    error::FieldError,
};

/// The values in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Knobs {
    /// Lifetime of new access tokens.
    pub access_token_lifetime: Duration,
    /// Lifetime of a session from its latest refresh.
    pub refresh_token_lifetime: Duration,
    /// How long a just-rotated refresh token still returns the same new pair.
    pub refresh_grace_period: Duration,
    /// Whether login waits for a verified address.
    pub email_verification: EmailVerification,
    /// Lifetime of verification links.
    pub verification_token_lifetime: Duration,
    /// Lifetime of password-reset links.
    pub password_reset_token_lifetime: Duration,
    /// At most one e-mail of a kind per account in this time.
    pub email_resend_cooldown: Duration,
    /// Audit events older than this many days are removed by the cleanup job.
    pub audit_log_retention_days: u32,
    /// How long an e-mailed one-time code works.
    pub otp_ttl: Duration,
    /// Tries with one code before it is dead.
    pub otp_max_attempts: u32,
    /// Least time between two codes to one address.
    pub otp_resend_cooldown: Duration,
    /// Whether every password login needs an e-mailed code, or only opted-in accounts.
    pub login_otp: LoginOtp,
    /// How recent an authentication sensitive operations need.
    pub reauth_max_age: Duration,
    /// How long a requested deletion waits before the account is anonymised.
    pub account_deletion_grace_period: Duration,
}

impl Knobs {
    /// The environment's values.
    pub fn from_settings(settings: &Settings) -> Self {
        Self {
            access_token_lifetime: settings.access_token_lifetime,
            refresh_token_lifetime: settings.refresh_token_lifetime,
            refresh_grace_period: settings.refresh_grace_period,
            email_verification: settings.email_verification,
            verification_token_lifetime: settings.verification_token_lifetime,
            password_reset_token_lifetime: settings.password_reset_token_lifetime,
            email_resend_cooldown: settings.email_resend_cooldown,
            audit_log_retention_days: settings.audit_log_retention_days,
            otp_ttl: settings.otp.ttl,
            otp_max_attempts: settings.otp.max_attempts,
            otp_resend_cooldown: settings.otp.resend_cooldown,
            login_otp: settings.otp.login,
            reauth_max_age: settings.mfa.reauth_max_age,
            account_deletion_grace_period: settings.privacy.account_deletion_grace_period,
        }
    }

    /// The start of the current e-mail cooldown window: an e-mail of a kind queued for an
    /// account after this instant means no other of that kind is sent yet.
    pub fn email_cooldown_start(&self) -> DateTime<Utc> {
        Utc::now() - chrono::Duration::from_std(self.email_resend_cooldown).unwrap_or_default()
    }

    /// The value of one knob, as the API spells it.
    pub fn get(&self, key: Key) -> Value {
        let secs = |d: Duration| json!(d.as_secs());
        match key {
            Key::AccessTokenLifetime => secs(self.access_token_lifetime),
            Key::RefreshTokenLifetime => secs(self.refresh_token_lifetime),
            Key::RefreshTokenGracePeriod => secs(self.refresh_grace_period),
            Key::EmailVerification => json!(mode_name(self.email_verification)),
            Key::EmailVerificationTokenLifetime => secs(self.verification_token_lifetime),
            Key::PasswordResetTokenLifetime => secs(self.password_reset_token_lifetime),
            Key::EmailResendCooldown => secs(self.email_resend_cooldown),
            Key::AuditLogRetentionDays => json!(self.audit_log_retention_days),
            Key::OtpTtl => secs(self.otp_ttl),
            Key::OtpMaxAttempts => json!(self.otp_max_attempts),
            Key::OtpResendCooldown => secs(self.otp_resend_cooldown),
            Key::LoginOtp => json!(self.login_otp.as_str()),
            Key::ReauthMaxAge => secs(self.reauth_max_age),
            Key::AccountDeletionGracePeriod => secs(self.account_deletion_grace_period),
        }
    }

    /// Sets one knob from a JSON value, checked against its bounds.
    pub(super) fn set(&mut self, key: Key, value: &Value) -> Result<(), FieldError> {
        if key == Key::EmailVerification {
            self.email_verification = value
                .as_str()
                .and_then(mode_from_name)
                .ok_or_else(|| FieldError::new(key.name(), "invalid_choice", "Must be mandatory, optional or none."))?;
            return Ok(());
        }
        if key == Key::LoginOtp {
            self.login_otp = value
                .as_str()
                .and_then(LoginOtp::from_name)
                .ok_or_else(|| FieldError::new(key.name(), "invalid_choice", "Must be optional or required."))?;
            return Ok(());
        }
        let (min, max) = key.bounds();
        let n = value
            .as_u64()
            .filter(|n| (min..=max).contains(n))
            .ok_or_else(|| FieldError::new(key.name(), "out_of_range", format!("Must be between {min} and {max}.")))?;
        let secs = Duration::from_secs(n);
        match key {
            Key::AccessTokenLifetime => self.access_token_lifetime = secs,
            Key::RefreshTokenLifetime => self.refresh_token_lifetime = secs,
            Key::RefreshTokenGracePeriod => self.refresh_grace_period = secs,
            Key::EmailVerificationTokenLifetime => self.verification_token_lifetime = secs,
            Key::PasswordResetTokenLifetime => self.password_reset_token_lifetime = secs,
            Key::EmailResendCooldown => self.email_resend_cooldown = secs,
            Key::AuditLogRetentionDays => self.audit_log_retention_days = n as u32,
            Key::OtpTtl => self.otp_ttl = secs,
            Key::OtpMaxAttempts => self.otp_max_attempts = n as u32,
            Key::OtpResendCooldown => self.otp_resend_cooldown = secs,
            Key::ReauthMaxAge => self.reauth_max_age = secs,
            Key::AccountDeletionGracePeriod => self.account_deletion_grace_period = secs,
            Key::EmailVerification | Key::LoginOtp => unreachable!("handled above"),
        }
        Ok(())
    }

    pub(super) fn check(&self) -> Result<(), FieldError> {
        if self.refresh_token_lifetime < self.access_token_lifetime {
            return Err(FieldError::new(
                Key::RefreshTokenLifetime.name(),
                "shorter_than_access_token",
                "The refresh token must live at least as long as the access token.",
            ));
        }
        Ok(())
    }
}

pub(super) fn mode_name(mode: EmailVerification) -> &'static str {
    match mode {
        EmailVerification::Mandatory => "mandatory",
        EmailVerification::Optional => "optional",
        EmailVerification::None => "none",
    }
}

pub(super) fn mode_from_name(name: &str) -> Option<EmailVerification> {
    match name {
        "mandatory" => Some(EmailVerification::Mandatory),
        "optional" => Some(EmailVerification::Optional),
        "none" => Some(EmailVerification::None),
        _ => None,
    }
}

/// The name of each knob, as stored and as spelled in the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    AccessTokenLifetime,
    RefreshTokenLifetime,
    RefreshTokenGracePeriod,
    EmailVerification,
    EmailVerificationTokenLifetime,
    PasswordResetTokenLifetime,
    EmailResendCooldown,
    AuditLogRetentionDays,
    OtpTtl,
    OtpMaxAttempts,
    OtpResendCooldown,
    LoginOtp,
    ReauthMaxAge,
    AccountDeletionGracePeriod,
}

impl Key {
    /// Every knob.
    pub const ALL: [Key; 14] = [
        Key::AccessTokenLifetime,
        Key::RefreshTokenLifetime,
        Key::RefreshTokenGracePeriod,
        Key::EmailVerification,
        Key::EmailVerificationTokenLifetime,
        Key::PasswordResetTokenLifetime,
        Key::EmailResendCooldown,
        Key::AuditLogRetentionDays,
        Key::OtpTtl,
        Key::OtpMaxAttempts,
        Key::OtpResendCooldown,
        Key::LoginOtp,
        Key::ReauthMaxAge,
        Key::AccountDeletionGracePeriod,
    ];

    /// The knob's name.
    pub fn name(self) -> &'static str {
        match self {
            Key::AccessTokenLifetime => "access_token_lifetime",
            Key::RefreshTokenLifetime => "refresh_token_lifetime",
            Key::RefreshTokenGracePeriod => "refresh_token_grace_period",
            Key::EmailVerification => "email_verification",
            Key::EmailVerificationTokenLifetime => "email_verification_token_lifetime",
            Key::PasswordResetTokenLifetime => "password_reset_token_lifetime",
            Key::EmailResendCooldown => "email_resend_cooldown",
            Key::AuditLogRetentionDays => "audit_log_retention_days",
            Key::OtpTtl => "otp_ttl",
            Key::OtpMaxAttempts => "otp_max_attempts",
            Key::OtpResendCooldown => "otp_resend_cooldown",
            Key::LoginOtp => "login_otp",
            Key::ReauthMaxAge => "reauth_max_age",
            Key::AccountDeletionGracePeriod => "account_deletion_grace_period",
        }
    }

    pub(super) fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The values a knob that is a choice takes; `None` for a number.
    pub fn choices(self) -> Option<&'static [&'static str]> {
        match self {
            Key::EmailVerification => Some(&["mandatory", "optional", "none"]),
            Key::LoginOtp => Some(&["optional", "required"]),
            _ => None,
        }
    }

    /// Inclusive bounds of a numeric knob: the same as the environment variable's.
    pub(super) fn bounds(self) -> (u64, u64) {
        match self {
            Key::AccessTokenLifetime => (30, 86_400),
            Key::RefreshTokenLifetime => (300, 366 * 86_400),
            Key::RefreshTokenGracePeriod => (0, 120),
            Key::EmailVerificationTokenLifetime => (3600, 7 * 86_400),
            Key::PasswordResetTokenLifetime => (1800, 3600),
            Key::EmailResendCooldown => (0, 3600),
            Key::AuditLogRetentionDays => (1, 3650),
            Key::OtpTtl => (30, 3600),
            Key::OtpMaxAttempts => (1, 20),
            Key::OtpResendCooldown => (0, 3600),
            Key::ReauthMaxAge => (60, 86_400),
            Key::AccountDeletionGracePeriod => (0, 90 * 86_400),
            Key::EmailVerification | Key::LoginOtp => (0, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knobs_refuse_values_out_of_bounds_and_unknown_modes() {
        let mut knobs = Knobs::from_settings(&Settings::default());
        assert!(knobs.set(Key::AccessTokenLifetime, &json!(29)).is_err());
        assert!(knobs.set(Key::AccessTokenLifetime, &json!(-5)).is_err());
        assert!(knobs.set(Key::AccessTokenLifetime, &json!("600")).is_err());
        assert!(knobs.set(Key::AccessTokenLifetime, &json!(600)).is_ok());
        assert_eq!(knobs.access_token_lifetime, Duration::from_secs(600));
        assert!(knobs.set(Key::EmailVerification, &json!("sometimes")).is_err());
        assert!(knobs.set(Key::EmailVerification, &json!("none")).is_ok());
        assert_eq!(knobs.email_verification, EmailVerification::None);
        knobs.set(Key::RefreshTokenLifetime, &json!(300)).unwrap();
        assert_eq!(knobs.check().unwrap_err().code, "shorter_than_access_token");
    }

    #[test]
    fn every_key_round_trips_its_name_and_default() {
        let knobs = Knobs::from_settings(&Settings::default());
        for key in Key::ALL {
            assert_eq!(Key::from_name(key.name()), Some(key));
            let mut copy = knobs.clone();
            copy.set(key, &knobs.get(key)).unwrap();
            assert_eq!(copy, knobs);
        }
    }
}
