//! Runtime settings: the knobs staff change through the API without a restart. Defaults come
//! from the environment; overrides live in `runtime_settings`; every instance keeps the merged
//! values in memory and reloads them every `SETTINGS_REFRESH_INTERVAL`, so a change made
//! through one instance is in force on all of them within that interval.

use std::{
    collections::BTreeMap,
    sync::{Arc, RwLock},
    time::Duration,
};

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, sea_query::OnConflict};
use serde_json::{Value, json};
use uuid::Uuid;

use super::audit::{self, AuditEvent};
use crate::{
    config::{EmailVerification, Settings},
    entity::runtime_setting,
    error::{AppError, AppResult},
    http::problem::FieldError,
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
        }
    }

    /// The start of the current e-mail cooldown window: an e-mail of a kind queued for an
    /// account after this instant means no other of that kind is sent yet.
    pub fn email_cooldown_start(&self) -> DateTime<Utc> {
        Utc::now() - chrono::Duration::from_std(self.email_resend_cooldown).unwrap_or_default()
    }

    fn get(&self, key: Key) -> Value {
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
        }
    }

    /// Sets one knob from a JSON value, checked against its bounds.
    fn set(&mut self, key: Key, value: &Value) -> Result<(), FieldError> {
        if key == Key::EmailVerification {
            self.email_verification = value
                .as_str()
                .and_then(mode_from_name)
                .ok_or_else(|| FieldError::new(key.name(), "invalid_choice", "Must be mandatory, optional or none."))?;
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
            Key::EmailVerification => unreachable!("handled above"),
        }
        Ok(())
    }

    fn check(&self) -> Result<(), FieldError> {
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

fn mode_name(mode: EmailVerification) -> &'static str {
    match mode {
        EmailVerification::Mandatory => "mandatory",
        EmailVerification::Optional => "optional",
        EmailVerification::None => "none",
    }
}

fn mode_from_name(name: &str) -> Option<EmailVerification> {
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
}

impl Key {
    /// Every knob.
    pub const ALL: [Key; 8] = [
        Key::AccessTokenLifetime,
        Key::RefreshTokenLifetime,
        Key::RefreshTokenGracePeriod,
        Key::EmailVerification,
        Key::EmailVerificationTokenLifetime,
        Key::PasswordResetTokenLifetime,
        Key::EmailResendCooldown,
        Key::AuditLogRetentionDays,
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
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Inclusive bounds of a numeric knob: the same as the environment variable's.
    fn bounds(self) -> (u64, u64) {
        match self {
            Key::AccessTokenLifetime => (30, 86_400),
            Key::RefreshTokenLifetime => (300, 366 * 86_400),
            Key::RefreshTokenGracePeriod => (0, 120),
            Key::EmailVerificationTokenLifetime => (3600, 7 * 86_400),
            Key::PasswordResetTokenLifetime => (1800, 3600),
            Key::EmailResendCooldown => (0, 3600),
            Key::AuditLogRetentionDays => (1, 3650),
            Key::EmailVerification => (0, 0),
        }
    }
}

/// The knobs in force and which of them staff set.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The merged values.
    pub knobs: Arc<Knobs>,
    /// The knobs stored in the database.
    pub overridden: Vec<Key>,
}

/// One change asked for: a new value, or `None` to go back to the environment's.
pub type Change = (Key, Option<Value>);

/// The shared handle to the runtime settings.
#[derive(Clone)]
pub struct RuntimeSettings {
    db: DatabaseConnection,
    defaults: Arc<Knobs>,
    current: Arc<RwLock<Snapshot>>,
}

impl RuntimeSettings {
    /// Loads the overrides over the environment's values.
    pub async fn load(db: DatabaseConnection, settings: &Settings) -> anyhow::Result<Self> {
        let defaults = Arc::new(Knobs::from_settings(settings));
        let snapshot = Snapshot {
            knobs: defaults.clone(),
            overridden: Vec::new(),
        };
        let this = Self {
            db,
            defaults,
            current: Arc::new(RwLock::new(snapshot)),
        };
        this.reload().await?;
        Ok(this)
    }

    /// The values in force.
    pub fn current(&self) -> Arc<Knobs> {
        self.snapshot().knobs
    }

    /// The values in force and which were set by staff.
    pub fn snapshot(&self) -> Snapshot {
        match self.current.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Reads the overrides again. A stored value that no longer fits (bounds changed in an
    /// upgrade) is ignored with a warning, leaving the environment's value.
    pub async fn reload(&self) -> AppResult<Snapshot> {
        let rows = runtime_setting::Entity::find().all(&self.db).await?;
        let mut knobs = (*self.defaults).clone();
        let mut overridden = Vec::new();
        for row in rows {
            let Some(key) = Key::from_name(&row.key) else {
                tracing::warn!(key = row.key, "ignoring an unknown runtime setting");
                continue;
            };
            let value: Value = serde_json::from_str(&row.value).unwrap_or(Value::Null);
            match knobs.set(key, &value) {
                Ok(()) => overridden.push(key),
                Err(e) => tracing::warn!(key = row.key, error = e.message, "ignoring a stored runtime setting"),
            }
        }
        overridden.sort();
        let snapshot = Snapshot {
            knobs: Arc::new(knobs),
            overridden,
        };
        match self.current.write() {
            Ok(mut guard) => *guard = snapshot.clone(),
            Err(poisoned) => *poisoned.into_inner() = snapshot.clone(),
        }
        Ok(snapshot)
    }

    /// Reloads every `interval`, forever.
    pub async fn refresh_periodically(self, interval: Duration) {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        ticker.tick().await;
        loop {
            ticker.tick().await;
            if let Err(e) = self.reload().await {
                tracing::warn!(error = ?e, "reloading runtime settings failed; keeping the previous values");
            }
        }
    }

    /// Applies `changes` made by staff member `actor`: all or nothing, validated together,
    /// audited with the old and new value of each knob that changed.
    pub async fn update(&self, changes: Vec<Change>, actor: Uuid) -> AppResult<Snapshot> {
        let before = self.reload().await?;
        let mut after = (*before.knobs).clone();
        let mut errors = Vec::new();
        for (key, value) in &changes {
            let value = value.clone().unwrap_or_else(|| self.defaults.get(*key));
            if let Err(e) = after.set(*key, &value) {
                errors.push(e);
            }
        }
        if errors.is_empty()
            && let Err(e) = after.check()
        {
            errors.push(e);
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let now = Utc::now();
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                for (key, value) in changes {
                    match value {
                        None => {
                            runtime_setting::Entity::delete_by_id(key.name().to_string())
                                .exec(txn)
                                .await?;
                        }
                        Some(value) => {
                            let row = runtime_setting::ActiveModel {
                                key: Set(key.name().to_string()),
                                value: Set(value.to_string()),
                                updated_at: Set(now),
                                updated_by: Set(Some(actor)),
                            };
                            runtime_setting::Entity::insert(row)
                                .on_conflict(
                                    OnConflict::column(runtime_setting::Column::Key)
                                        .update_columns([
                                            runtime_setting::Column::Value,
                                            runtime_setting::Column::UpdatedAt,
                                            runtime_setting::Column::UpdatedBy,
                                        ])
                                        .to_owned(),
                                )
                                .exec_without_returning(txn)
                                .await?;
                        }
                    }
                }
                Ok(())
            })
        })
        .await?;
        let snapshot = self.reload().await?;
        let diff: BTreeMap<&str, Value> = Key::ALL
            .into_iter()
            .filter(|key| before.knobs.get(*key) != snapshot.knobs.get(*key))
            .map(|key| {
                let change = json!({ "old": before.knobs.get(key), "new": snapshot.knobs.get(key) });
                (key.name(), change)
            })
            .collect();
        if !diff.is_empty() {
            let event = AuditEvent::new("settings_changed", None)
                .actor(actor)
                .detail(json!({ "changes": diff }));
            audit::record(&self.db, event).await;
        }
        Ok(snapshot)
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
