//! Passkeys (WebAuthn, through webauthn-rs): registering discoverable credentials with user
//! verification, signing in with one alone, and asserting one as a second factor or for a
//! step-up. Ceremony state lives in the database (single-use grants, five minutes), so any
//! instance finishes what another started. Options and credentials are the WebAuthn Level 3
//! JSON forms; synced passkeys reporting a zero counter are accepted.

use std::{sync::Arc, time::Duration};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, SqlErr,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use uuid::Uuid;
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Webauthn, WebauthnBuilder,
};

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
const SIGN_IN: GrantKind = GrantKind::new("pk-sign-in");
const STEP_UP: GrantKind = GrantKind::new("pk-step-up");

/// The relying party and the stored credentials; cheap to clone.
#[derive(Clone)]
pub struct Passkeys {
    /// `None`: no relying party is configured, passkeys are off.
    webauthn: Option<Arc<Webauthn>>,
    db: DatabaseConnection,
    grants: Grants,
    secret: InstanceSecret,
}

fn failed(reason: impl std::fmt::Display) -> AppError {
    tracing::debug!(reason = %reason, "passkey refused");
    AppError::PasskeyFailed
}

fn to_json<T: Serialize>(value: &T) -> AppResult<Value> {
    serde_json::to_value(value).map_err(|e| AppError::Internal(e.into()))
}

fn from_json<T: DeserializeOwned>(value: Value) -> AppResult<T> {
    serde_json::from_value(value).map_err(failed)
}

/// The id of a credential as stored: base64url.
fn credential_id(bytes: &[u8]) -> String {
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
    fn rp(&self) -> AppResult<&Webauthn> {
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

    async fn credentials(&self, user_id: Uuid) -> AppResult<Vec<(passkey::Model, Passkey)>> {
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

    /// Stores the passkey `credential` answers to the account's pending ceremony.
    pub async fn register(
        &self,
        account: &user::Model,
        credential: Value,
        name: Option<String>,
    ) -> AppResult<passkey::Model> {
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
        let row = passkey::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(account.id),
            credential_id: Set(credential_id(key.cred_id().as_ref())),
            name: Set(name.unwrap_or_else(|| format!("Passkey {}", count + 1))),
            credential: Set(serde_json::to_string(&key).map_err(|e| AppError::Internal(e.into()))?),
            created_at: Set(Utc::now()),
            last_used_at: Set(None),
        };
        match row.insert(&self.db).await {
            Ok(row) => Ok(row),
            Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(AppError::PasskeyFailed),
            Err(e) => Err(e.into()),
        }
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

    /// Request options for signing in with any discoverable passkey, and the ceremony they
    /// belong to. The same for every caller: nothing says whether an account or a passkey
    /// exists.
    pub async fn sign_in_options(&self) -> AppResult<(String, Value)> {
        let (options, state) = self
            .rp()?
            .start_discoverable_authentication()
            .map_err(|e| AppError::Internal(anyhow::anyhow!("starting a passkey sign-in: {e}")))?;
        let ceremony = crate::services::platform::secrets::random_token();
        self.grants.put(SIGN_IN, &ceremony, &state, CEREMONY_TTL).await?;
        Ok((ceremony, to_json(&options.public_key)?))
    }

    /// The account a discoverable sign-in `credential` proves, for `ceremony` (spent).
    pub async fn verify_sign_in(&self, ceremony: &str, credential: Value) -> AppResult<Uuid> {
        let state: DiscoverableAuthentication = self
            .grants
            .take(SIGN_IN, ceremony)
            .await?
            .ok_or(AppError::PasskeyFailed)?;
        let credential: PublicKeyCredential = from_json(credential)?;
        let (user_id, raw_id) = self
            .rp()?
            .identify_discoverable_authentication(&credential)
            .map_err(failed)?;
        let row = passkey::Entity::find()
            .filter(passkey::Column::CredentialId.eq(credential_id(raw_id)))
            .filter(passkey::Column::UserId.eq(user_id))
            .one(&self.db)
            .await?
            .ok_or(AppError::PasskeyFailed)?;
        let mut key: Passkey = serde_json::from_str(&row.credential).map_err(|e| AppError::Internal(e.into()))?;
        let result = self
            .rp()?
            .finish_discoverable_authentication_v2(&credential, state, &key)
            .map_err(failed)?;
        self.used(row, &mut key, &result).await?;
        Ok(user_id)
    }

    /// Request options for the account's passkeys (a second factor, or a step-up) with their
    /// ceremony state sealed, or `None` when it has none.
    pub async fn assertion_options(&self, user_id: Uuid, context: &str) -> AppResult<Option<(Value, String)>> {
        let keys: Vec<Passkey> = self
            .credentials(user_id)
            .await?
            .into_iter()
            .map(|(_, key)| key)
            .collect();
        if keys.is_empty() {
            return Ok(None);
        }
        let Ok(rp) = self.rp() else {
            return Ok(None);
        };
        let (options, state) = rp
            .start_passkey_authentication(&keys)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("starting a passkey assertion: {e}")))?;
        let json = serde_json::to_vec(&state).map_err(|e| AppError::Internal(e.into()))?;
        let sealed = self.secret.seal(context.as_bytes(), &json)?;
        Ok(Some((to_json(&options.public_key)?, sealed)))
    }

    /// Whether `credential` answers the sealed ceremony `sealed` for one of the account's passkeys.
    pub async fn verify_assertion(
        &self,
        user_id: Uuid,
        context: &str,
        sealed: &str,
        credential: Value,
    ) -> AppResult<bool> {
        let json = self.secret.open(context.as_bytes(), sealed)?;
        let state: PasskeyAuthentication = serde_json::from_slice(&json).map_err(|e| AppError::Internal(e.into()))?;
        let Ok(credential) = serde_json::from_value::<PublicKeyCredential>(credential) else {
            return Ok(false);
        };
        let Ok(rp) = self.rp() else {
            return Ok(false);
        };
        let Ok(result) = rp.finish_passkey_authentication(&credential, &state) else {
            return Ok(false);
        };
        let id = credential_id(result.cred_id().as_ref());
        for (row, mut key) in self.credentials(user_id).await? {
            if row.credential_id == id {
                self.used(row, &mut key, &result).await?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Step-up options for the session `session_id`, its ceremony kept until used.
    pub async fn step_up_options(&self, user_id: Uuid, session_id: Uuid) -> AppResult<Option<Value>> {
        let context = format!("step-up:{session_id}");
        let Some((options, sealed)) = self.assertion_options(user_id, &context).await? else {
            return Ok(None);
        };
        let key = session_id.to_string();
        self.grants.take::<Value>(STEP_UP, &key).await?;
        self.grants.put(STEP_UP, &key, &sealed, CEREMONY_TTL).await?;
        Ok(Some(options))
    }

    /// Whether `credential` answers the session's pending step-up ceremony (spent).
    pub async fn verify_step_up(&self, user_id: Uuid, session_id: Uuid, credential: Value) -> AppResult<bool> {
        let Some(sealed) = self.grants.take::<String>(STEP_UP, &session_id.to_string()).await? else {
            return Ok(false);
        };
        self.verify_assertion(user_id, &format!("step-up:{session_id}"), &sealed, credential)
            .await
    }

    /// Records a use: the counter and flags the authenticator reported, and when.
    async fn used(
        &self,
        row: passkey::Model,
        key: &mut Passkey,
        result: &webauthn_rs::prelude::AuthenticationResult,
    ) -> AppResult<()> {
        let changed = key.update_credential(result).unwrap_or(false);
        let mut row = row.into_active_model();
        if changed {
            row.credential = Set(serde_json::to_string(key).map_err(|e| AppError::Internal(e.into()))?);
        }
        row.last_used_at = Set(Some(Utc::now()));
        row.update(&self.db).await?;
        Ok(())
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
