//! Single-use tokens sent by e-mail: 256 random bits, stored as a keyed hash, bound to the
//! address they were sent to, expiring, and voided by a newer token or a password change —
//! except the tokens that undo something (a change of address, a scheduled deletion), which
//! must outlive whatever an intruder does next.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use crate::services::platform::secrets::{self, InstanceSecret};
use crate::{
    entity::{email_token, user},
    error::AppResult,
};

/// What a token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Proves the address of an account.
    VerifyEmail,
    /// Lets the owner of the address set a new password.
    PasswordReset,
    /// Confirms a new address (`email` holds the new address).
    ChangeEmail,
    /// Gives an account its old address back (`email` holds the old address).
    RevertEmailChange,
    /// Cancels a scheduled deletion.
    CancelDeletion,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::PasswordReset => "password_reset",
            Self::ChangeEmail => "change_email",
            Self::RevertEmailChange => "revert_email_change",
            Self::CancelDeletion => "cancel_deletion",
        }
    }

    /// Whether a token undoes something: it is never voided by a newer token or a password
    /// change, only by its use or its expiry.
    fn undoes(self) -> bool {
        Self::UNDOING.contains(&self)
    }

    const UNDOING: [Purpose; 2] = [Self::RevertEmailChange, Self::CancelDeletion];
}

/// Longest token accepted for a lookup; ours are 43 characters.
const MAX_TOKEN_LENGTH: usize = 512;

/// Issues, finds and spends e-mailed tokens.
#[derive(Clone)]
pub struct EmailTokens {
    secret: InstanceSecret,
}

impl EmailTokens {
    /// Tokens hashed under `secret`.
    pub fn new(secret: InstanceSecret) -> Self {
        Self { secret }
    }

    /// Issues a token for `account`, sent to its address, voiding its earlier unused tokens of
    /// the same purpose (unless the purpose undoes something). Returns the raw token, which
    /// only the e-mail will hold.
    pub async fn issue(
        &self,
        db: &impl ConnectionTrait,
        account: &user::Model,
        purpose: Purpose,
        lifetime: Duration,
    ) -> AppResult<String> {
        self.issue_to(db, account, &account.email_normalized, purpose, lifetime)
            .await
    }

    /// [`EmailTokens::issue`], for a token sent to `address` rather than the account's own.
    pub async fn issue_to(
        &self,
        db: &impl ConnectionTrait,
        account: &user::Model,
        address: &str,
        purpose: Purpose,
        lifetime: Duration,
    ) -> AppResult<String> {
        let now = Utc::now();
        if !purpose.undoes() {
            void_where(db, account.id, Some(purpose), now).await?;
        }
        let token = secrets::random_token();
        let row = email_token::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(account.id),
            purpose: Set(purpose.as_str().into()),
            token_hash: Set(self.secret.token_hash(&token)),
            email: Set(address.to_string()),
            created_at: Set(now),
            expires_at: Set(now + chrono::Duration::from_std(lifetime).unwrap_or_default()),
            used_at: Set(None),
        };
        email_token::Entity::insert(row).exec_without_returning(db).await?;
        Ok(token)
    }

    /// The live token row for `token`, if it is unused, unexpired and for `purpose`.
    pub async fn find(
        &self,
        db: &impl ConnectionTrait,
        token: &str,
        purpose: Purpose,
    ) -> AppResult<Option<email_token::Model>> {
        if token.is_empty() || token.len() > MAX_TOKEN_LENGTH {
            return Ok(None);
        }
        Ok(email_token::Entity::find()
            .filter(email_token::Column::TokenHash.eq(self.secret.token_hash(token)))
            .filter(email_token::Column::Purpose.eq(purpose.as_str()))
            .filter(email_token::Column::UsedAt.is_null())
            .filter(email_token::Column::ExpiresAt.gt(Utc::now()))
            .one(db)
            .await?)
    }

    /// Spends a token found by [`EmailTokens::find`]; false when someone spent it first.
    pub async fn spend(db: &impl ConnectionTrait, token: &email_token::Model) -> AppResult<bool> {
        let result = email_token::Entity::update_many()
            .col_expr(email_token::Column::UsedAt, Expr::value(Utc::now()))
            .filter(email_token::Column::Id.eq(token.id))
            .filter(email_token::Column::UsedAt.is_null())
            .exec(db)
            .await?;
        Ok(result.rows_affected == 1)
    }

    /// Voids every unused token of an account (its password changed), but those that undo
    /// something.
    pub async fn void_all(db: &impl ConnectionTrait, user_id: Uuid) -> AppResult<()> {
        void_where(db, user_id, None, Utc::now()).await
    }

    /// Whether a token for `purpose` was issued to the account after `since` (cooldowns).
    pub async fn issued_since(
        db: &impl ConnectionTrait,
        user_id: Uuid,
        purpose: Purpose,
        since: DateTime<Utc>,
    ) -> AppResult<bool> {
        let found = email_token::Entity::find()
            .filter(email_token::Column::UserId.eq(user_id))
            .filter(email_token::Column::Purpose.eq(purpose.as_str()))
            .filter(email_token::Column::CreatedAt.gt(since))
            .one(db)
            .await?;
        Ok(found.is_some())
    }
}

async fn void_where(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    purpose: Option<Purpose>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let mut update = email_token::Entity::update_many()
        .col_expr(email_token::Column::UsedAt, Expr::value(now))
        .filter(email_token::Column::UserId.eq(user_id))
        .filter(email_token::Column::UsedAt.is_null());
    match purpose {
        Some(purpose) => update = update.filter(email_token::Column::Purpose.eq(purpose.as_str())),
        None => {
            let undoing = Purpose::UNDOING.map(Purpose::as_str);
            update = update.filter(email_token::Column::Purpose.is_not_in(undoing));
        }
    }
    update.exec(db).await?;
    Ok(())
}
