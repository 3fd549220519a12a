//! The signed-in user's passkeys: creation options, registration, renaming and removal.
//! Adding one makes it a second factor (with recovery codes when it is the first); removing
//! the last factor turns MFA off.

use sea_orm::ModelTrait;
use uuid::Uuid;

use super::{Mfa, enrollment::FactorChange, passkeys, recovery, sync_mfa_enabled};
use crate::{
    entity::passkey,
    error::{AppError, AppResult},
    services::sessions::{AuthMethod, AuthUser, session_cache::Invalidation},
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
        let row = self.passkeys.verify_registration(&auth.user, credential, name).await?;
        let (user_id, secret) = (auth.user.id, self.deps.secret.clone());
        let (mailer, account) = (self.deps.mailer.clone(), auth.user.clone());
        let (stored, codes) = crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                let stored = passkeys::insert(txn, row).await?;
                sync_mfa_enabled(txn, user_id).await?;
                let codes = if recovery::remaining(txn, user_id).await? > 0 {
                    None
                } else {
                    Some(recovery::replace(txn, &secret, user_id).await?)
                };
                FactorChange::PASSKEY_ADDED.record(txn, &mailer, &account).await?;
                Ok((stored, codes))
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.changed(FactorChange::PASSKEY_ADDED);
        self.deps.sessions.reauthenticated(auth, AuthMethod::Passkey).await?;
        Ok((stored, codes))
    }

    /// `deletePasskey` (step-up required).
    pub async fn remove_passkey(&self, auth: &AuthUser, id: Uuid) -> AppResult<()> {
        self.deps.sessions.require_recent(auth).await?;
        let row = self.passkeys.owned(auth.user.id, id).await?;
        let user_id = auth.user.id;
        let (mailer, account) = (self.deps.mailer.clone(), auth.user.clone());
        crate::db::write_transaction::<_, AppError, _>(&self.deps.db, |txn| {
            Box::pin(async move {
                row.delete(txn).await?;
                sync_mfa_enabled(txn, user_id).await?;
                FactorChange::PASSKEY_REMOVED.record(txn, &mailer, &account).await
            })
        })
        .await?;
        self.deps.sessions.forget(Invalidation::User(user_id)).await;
        self.changed(FactorChange::PASSKEY_REMOVED);
        Ok(())
    }
}
