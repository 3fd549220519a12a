//! The signed-in user's passkeys: creation options, registration, renaming and removal.
//! Adding one makes it a second factor (with recovery codes when it is the first); removing
//! the last factor turns MFA off.

use sea_orm::ModelTrait;
use uuid::Uuid;

use super::{Mfa, recovery, sync_mfa_enabled};
use crate::{
    entity::passkey,
    error::{AppError, AppResult},
    services::{
        mail::templates::TemplateKind,
        sessions::{AuthMethod, AuthUser, session_cache::Invalidation},
    },
};

impl Mfa {
    /// `startPasskeyRegistration` (step-up required).
    pub async fn passkey_options(&self, auth: &AuthUser) -> AppResult<serde_json::Value> {
        self.deps.sessions.require_recent(auth).await?;
        self.passkeys.registration_options(&auth.user).await
    }

    /// `registerPasskey`: stores the passkey, lifts this session to level 2, and answers the
    /// first recovery codes when the account had no second factor before.
    pub async fn add_passkey(
        &self,
        auth: &AuthUser,
        credential: serde_json::Value,
        name: Option<String>,
    ) -> AppResult<(passkey::Model, Option<Vec<String>>)> {
        let stored = self.passkeys.register(&auth.user, credential, name).await?;
        let (user_id, secret) = (auth.user.id, self.deps.secret.clone());
        let codes = crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                sync_mfa_enabled(txn, user_id).await?;
                if recovery::remaining(txn, user_id).await? > 0 {
                    return Ok(None);
                }
                recovery::replace(txn, &secret, user_id).await.map(Some)
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.deps.sessions.reauthenticated(auth, AuthMethod::Passkey).await?;
        self.changed(&auth.user, "passkey", "enabled", TemplateKind::MfaEnabled)
            .await?;
        Ok((stored, codes))
    }

    /// `deletePasskey` (step-up required).
    pub async fn remove_passkey(&self, auth: &AuthUser, id: Uuid) -> AppResult<()> {
        self.deps.sessions.require_recent(auth).await?;
        let row = self.passkeys.owned(auth.user.id, id).await?;
        let user_id = auth.user.id;
        crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                row.delete(txn).await?;
                sync_mfa_enabled(txn, user_id).await?;
                Ok(())
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.changed(&auth.user, "passkey", "disabled", TemplateKind::MfaDisabled)
            .await
    }
}
