//! Passkeys (WebAuthn, through webauthn-rs): registering discoverable credentials with user
//! verification, listing, renaming and removing them; signing in with one and asserting one
//! are in [`super::passkey_assertions`]. Ceremony state lives in the database (single-use grants, five minutes), so any
//! instance finishes what another started. Options and credentials are the WebAuthn Level 3
//! JSON forms; synced passkeys reporting a zero counter are accepted.

use std::{sync::Arc, time::Duration};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, SqlErr,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use uuid::Uuid;
use webauthn_rs::prelude::{Passkey, PasskeyRegistration, RegisterPublicKeyCredential, Webauthn, WebauthnBuilder};

use crate::{
    config::WebauthnSettings,
    entity::{passkey, user},
    error::{AppError, AppResult, MfaState},
    services::platform::{
        grants::{GrantKind, Grants},
        secrets::InstanceSecret,
    },
};

/// How long a ceremony may take.
pub const CEREMONY_TTL: Duration = Duration::from_secs(300);
/// Longest name of a passkey.
pub const MAX_NAME: usize = 100;

const REGISTRATION: GrantKind = GrantKind::new("pk-register");

/// The relying party and the stored credentials; cheap to clone.
#[derive(Clone)]
pub struct Passkeys {
    /// `None`: no relying party is configured, passkeys are off.
    webauthn: Option<Arc<Webauthn>>,
    pub(super) db: DatabaseConnection,
    pub(super) grants: Grants,
    pub(super) secret: InstanceSecret,
}

pub(super) fn failed(reason: impl std::fmt::Display) -> AppError {
    tracing::debug!(reason = %reason, "passkey refused");
    AppError::PasskeyFailed
}

pub(super) fn to_json<T: Serialize>(value: &T) -> AppResult<Value> {
    serde_json::to_value(value).map_err(|e| AppError::Internal(e.into()))
}

pub(super) fn from_json<T: DeserializeOwned>(value: Value) -> AppResult<T> {
    serde_json::from_value(value).map_err(failed)
}

/// The id of a credential as stored: base64url.
pub(super) fn credential_id(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

impl Passkeys {
    /// The relying party `settings` describe; without one, passkeys are off.
    pub fn new(
        settings: Option<&WebauthnSettings>,
        db: DatabaseConnection,
        secret: InstanceSecret,
    ) -> anyhow::Result<Self> {
        let webauthn = match settings {
            Some(settings) => Some(Arc::new(relying_party(settings)?)),
            None => {
                tracing::warn!(
                    "passkeys are off: FRONTEND_URL cannot be a WebAuthn origin (an IP address, or http off localhost); set WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS"
                );
                None
            }
        };
        Ok(Self {
            webauthn,
            grants: Grants::new(db.clone(), secret.clone()),
            db,
            secret,
        })
    }

    /// The relying party, or `passkeys_unavailable` when none is configured.
    pub(super) fn rp(&self) -> AppResult<&Webauthn> {
        self.webauthn
            .as_deref()
            .ok_or(AppError::MfaState(MfaState::PasskeysUnavailable))
    }

    /// The account's passkeys, oldest first.
    pub async fn list(&self, user_id: Uuid) -> AppResult<Vec<passkey::Model>> {
        Ok(passkey::Entity::find()
            .filter(passkey::Column::UserId.eq(user_id))
            .order_by_asc(passkey::Column::CreatedAt)
            .all(&self.db)
            .await?)
    }

    pub(super) async fn credentials(&self, user_id: Uuid) -> AppResult<Vec<(passkey::Model, Passkey)>> {
        let rows = self.list(user_id).await?;
        rows.into_iter()
            .map(|row| {
                let key = serde_json::from_str(&row.credential).map_err(|e| AppError::Internal(e.into()))?;
                Ok((row, key))
            })
            .collect()
    }

    /// Creation options for a new discoverable passkey of `account` (resident key and user
    /// verification required; its existing passkeys excluded). A newer ceremony replaces an
    /// unfinished one.
    pub async fn registration_options(&self, account: &user::Model) -> AppResult<Value> {
        let exclude = self
            .credentials(account.id)
            .await?
            .into_iter()
            .map(|(_, key)| key.cred_id().clone())
            .collect();
        let display = format!("{} {}", account.first_name, account.last_name);
        let display = if display.trim().is_empty() {
            account.email.clone()
        } else {
            display.trim().to_string()
        };
        let (options, state) = self
            .rp()?
            .start_passkey_registration(account.id, &account.email, &display, Some(exclude))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("starting a passkey registration: {e}")))?;
        let key = account.id.to_string();
        self.grants.take::<Value>(REGISTRATION, &key).await?;
        self.grants.put(REGISTRATION, &key, &state, CEREMONY_TTL).await?;
        let mut options = to_json(&options.public_key)?;
        // A discoverable credential, so that it signs in without an address (webauthn-rs's
        // passkey default discourages one).
        options["authenticatorSelection"]["residentKey"] = Value::from("required");
        options["authenticatorSelection"]["requireResidentKey"] = Value::from(true);
        options["authenticatorSelection"]["userVerification"] = Value::from("required");
        Ok(options)
    }

    /// Checks the passkey `credential` answers to the account's pending ceremony; answers
    /// the row to store with [`insert`].
    pub async fn verify_registration(
        &self,
        account: &user::Model,
        credential: Value,
        name: Option<String>,
    ) -> AppResult<passkey::ActiveModel> {
        let state: PasskeyRegistration = self
            .grants
            .take(REGISTRATION, &account.id.to_string())
            .await?
            .ok_or(AppError::PasskeyFailed)?;
        let credential: RegisterPublicKeyCredential = from_json(credential)?;
        let key = self
            .rp()?
            .finish_passkey_registration(&credential, &state)
            .map_err(failed)?;
        let count = self.list(account.id).await?.len();
        Ok(passkey::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(account.id),
            credential_id: Set(credential_id(key.cred_id().as_ref())),
            name: Set(name.unwrap_or_else(|| format!("Passkey {}", count + 1))),
            credential: Set(serde_json::to_string(&key).map_err(|e| AppError::Internal(e.into()))?),
            created_at: Set(Utc::now()),
            last_used_at: Set(None),
        })
    }

    /// Renames passkey `id` of the account.
    pub async fn rename(&self, user_id: Uuid, id: Uuid, name: String) -> AppResult<passkey::Model> {
        let row = self.owned(user_id, id).await?;
        let mut row = row.into_active_model();
        row.name = Set(name);
        Ok(row.update(&self.db).await?)
    }

    /// Passkey `id` of the account, or `not_found`.
    pub async fn owned(&self, user_id: Uuid, id: Uuid) -> AppResult<passkey::Model> {
        passkey::Entity::find_by_id(id)
            .filter(passkey::Column::UserId.eq(user_id))
            .one(&self.db)
            .await?
            .ok_or(AppError::NotFound)
    }
}

/// Stores a passkey [`Passkeys::verify_registration`] accepted; one registered elsewhere
/// already is `passkey_failed`.
pub async fn insert(db: &impl ConnectionTrait, row: passkey::ActiveModel) -> AppResult<passkey::Model> {
    match row.insert(db).await {
        Ok(row) => Ok(row),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(AppError::PasskeyFailed),
        Err(e) => Err(e.into()),
    }
}

/// The webauthn-rs relying party of `settings`.
fn relying_party(settings: &WebauthnSettings) -> anyhow::Result<Webauthn> {
    let (first, others) = settings
        .origins
        .split_first()
        .ok_or_else(|| anyhow::anyhow!("WEBAUTHN_ORIGINS names no origin"))?;
    let mut builder = WebauthnBuilder::new(&settings.rp_id, first)
        .map_err(|e| anyhow::anyhow!("WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS do not fit: {e}"))?
        .rp_name(&settings.rp_name)
        .timeout(CEREMONY_TTL);
    for origin in others {
        builder = builder.append_allowed_origin(origin);
    }
    builder
        .build()
        .map_err(|e| anyhow::anyhow!("the WebAuthn relying party: {e}"))
}
