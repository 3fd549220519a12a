//! Asserting a passkey: signing in with a discoverable one alone, and proving one as a second
//! factor or for a step-up. Ceremony state lives in the database (single-use grants) or sealed
//! in the challenge, so any instance finishes what another started.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::Value;
use uuid::Uuid;
use webauthn_rs::prelude::{DiscoverableAuthentication, Passkey, PasskeyAuthentication, PublicKeyCredential};

use super::passkeys::{CEREMONY_TTL, Passkeys, credential_id, failed, from_json, to_json};
use crate::{
    entity::passkey,
    error::{AppError, AppResult},
    services::platform::grants::GrantKind,
};

const SIGN_IN: GrantKind = GrantKind::new("pk-sign-in");
const STEP_UP: GrantKind = GrantKind::new("pk-step-up");

impl Passkeys {
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
