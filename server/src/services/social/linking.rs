//! The linking rules: an identity is found by (issuer, subject), never by address. A new
//! identity creates an account when its address is unknown, is linked automatically to the
//! account with its address only when both addresses are verified (never into an unverified
//! account: the pre-account-takeover trick), and otherwise ends with
//! `account_exists_link_required`.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, SqlErr, sea_query::Expr,
};
use serde_json::json;
use uuid::Uuid;

use super::{Failure, Identity, Social};
use crate::{
    config::EmailVerification,
    entity::{social_account, user},
    error::{AppError, AppResult},
    services::{
        audit::{self, AuditEvent},
        identity::accounts::{self, MAX_NAME_LENGTH, NewAccount},
        mail::{Extras, templates::TemplateKind},
    },
};

/// What a verified identity is used for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Signing in (or up).
    SignIn,
    /// Linking to this signed-in account.
    Link(Uuid),
}

/// How an identity was resolved.
pub enum Resolved {
    /// The account to sign in to.
    SignIn(Box<user::Model>),
    /// The identity is now linked to this account.
    Linked,
}

/// A provider's name as a profile field: no control characters, at most the name length.
fn clean_name(value: Option<String>) -> Option<String> {
    let cleaned: String = value?
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_LENGTH)
        .collect();
    Some(cleaned.trim().to_string())
}

impl Social {
    /// Applies the linking rules to a verified `identity` of `provider`.
    pub(super) async fn resolve(&self, provider: &str, identity: Identity, purpose: Purpose) -> AppResult<Resolved> {
        let existing = social_account::Entity::find()
            .filter(social_account::Column::Issuer.eq(identity.issuer.as_str()))
            .filter(social_account::Column::Subject.eq(identity.subject.as_str()))
            .one(&self.db)
            .await?;
        if let Some(link) = existing {
            return self.known_identity(link, &identity, purpose).await;
        }
        if let Purpose::Link(user_id) = purpose {
            let account = user::Entity::find_by_id(user_id)
                .one(&self.db)
                .await?
                .filter(|a| a.deleted_at.is_none() && a.is_active)
                .ok_or(AppError::Social(Failure::AccountInactive))?;
            self.link(provider, &identity, &account, false).await?;
            return Ok(Resolved::Linked);
        }
        let email = identity.email.clone().ok_or(AppError::Social(Failure::EmailRequired))?;
        let email = accounts::parse_email(&email).map_err(|_| AppError::Social(Failure::EmailRequired))?;
        if let Some(account) = accounts::find_live(&self.db, &email.key).await? {
            let auto = self.settings.auto_link && identity.email_verified && account.email_verified_at.is_some();
            if !auto {
                self.failed(provider, Some(account.id), Failure::AccountExistsLinkRequired)
                    .await;
                return Err(AppError::Social(Failure::AccountExistsLinkRequired));
            }
            if !account.is_active {
                self.failed(provider, Some(account.id), Failure::AccountInactive).await;
                return Err(AppError::Social(Failure::AccountInactive));
            }
            self.link(provider, &identity, &account, true).await?;
            return Ok(Resolved::SignIn(Box::new(account)));
        }
        self.create(provider, &identity, email)
            .await
            .map(|account| Resolved::SignIn(Box::new(account)))
    }

    /// An identity seen before: signs in to its account, or confirms a link.
    async fn known_identity(
        &self,
        link: social_account::Model,
        identity: &Identity,
        purpose: Purpose,
    ) -> AppResult<Resolved> {
        if let Purpose::Link(user_id) = purpose {
            return if link.user_id == user_id {
                Ok(Resolved::Linked)
            } else {
                Err(AppError::Social(Failure::IdentityAlreadyLinked))
            };
        }
        let account = user::Entity::find_by_id(link.user_id)
            .one(&self.db)
            .await?
            .filter(|a| a.deleted_at.is_none() && a.is_active);
        let Some(account) = account else {
            self.failed(&link.provider, Some(link.user_id), Failure::AccountInactive)
                .await;
            return Err(AppError::Social(Failure::AccountInactive));
        };
        social_account::Entity::update_many()
            .col_expr(social_account::Column::LastUsedAt, Expr::value(Utc::now()))
            .col_expr(social_account::Column::Email, Expr::value(identity.email.clone()))
            .filter(social_account::Column::Id.eq(link.id))
            .exec(&self.db)
            .await?;
        Ok(Resolved::SignIn(Box::new(account)))
    }

    /// Links `identity` to `account` and tells the owner.
    async fn link(&self, provider: &str, identity: &Identity, account: &user::Model, automatic: bool) -> AppResult<()> {
        let this = self.clone();
        let row = self.link_row(provider, identity, account.id);
        let account_for_mail = account.clone();
        let provider_name = self.display_name(provider);
        let event = AuditEvent::new("social_linked", Some(account.id))
            .detail(json!({ "provider": provider, "automatic": automatic }));
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                insert_link(txn, row).await?;
                this.tell_owner(txn, TemplateKind::SocialLinked, &account_for_mail, provider_name)
                    .await?;
                audit::record(txn, event).await;
                Ok(())
            })
        })
        .await?;
        self.mailer.wake();
        Ok(())
    }

    /// Creates an account for a new identity whose address has none; verified when the
    /// provider says so, otherwise the verification e-mail goes out as for anyone.
    async fn create(&self, provider: &str, identity: &Identity, email: accounts::Email) -> AppResult<user::Model> {
        let new = NewAccount {
            email: email.display.clone(),
            password: String::new(),
            first_name: clean_name(identity.first_name.clone()),
            last_name: clean_name(identity.last_name.clone()),
            staff: false,
        };
        let row = accounts::new_account_row(&new, email, None, identity.email_verified);
        let this = self.clone();
        let mut link = self.link_row(provider, identity, Uuid::nil());
        let verified = identity.email_verified;
        let detail = json!({ "method": "social", "provider": provider, "email_verified": verified });
        let created = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                let created = match row.insert(txn).await {
                    Ok(created) => created,
                    Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                        // The address registered at this very moment: link from the settings.
                        return Err(AppError::Social(Failure::AccountExistsLinkRequired));
                    }
                    Err(e) => return Err(e.into()),
                };
                link.user_id = Set(created.id);
                insert_link(txn, link).await?;
                if !verified && this.runtime.current().email_verification != EmailVerification::None {
                    this.registration.send_verification(txn, &created).await?;
                }
                audit::record(txn, AuditEvent::new("user_registered", Some(created.id)).detail(detail)).await;
                Ok(created)
            })
        })
        .await?;
        self.mailer.wake();
        Ok(created)
    }

    fn link_row(&self, provider: &str, identity: &Identity, user_id: Uuid) -> social_account::ActiveModel {
        let now = Utc::now();
        social_account::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            provider: Set(provider.to_string()),
            issuer: Set(identity.issuer.clone()),
            subject: Set(identity.subject.clone()),
            email: Set(identity.email.clone()),
            linked_at: Set(now),
            last_used_at: Set(Some(now)),
        }
    }

    /// The linked identities of `user_id`, oldest first.
    pub async fn linked(&self, user_id: Uuid) -> AppResult<Vec<social_account::Model>> {
        Ok(social_account::Entity::find()
            .filter(social_account::Column::UserId.eq(user_id))
            .order_by_asc(social_account::Column::LinkedAt)
            .all(&self.db)
            .await?)
    }

    /// `unlinkSocialAccount`: refused while it is the only way left to sign in.
    pub async fn unlink(&self, user_id: Uuid, provider: &str) -> AppResult<()> {
        let provider_id = provider.to_string();
        let event = AuditEvent::new("social_unlinked", Some(user_id)).detail(json!({ "provider": provider }));
        let this = self.clone();
        let provider_name = self.display_name(provider);
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                // Locks the account row (PostgreSQL; SQLite's write lock is already held), so two
                // unlinks at once cannot both leave the account with nothing.
                let account = lock_account(txn, user_id).await?.ok_or(AppError::NotFound)?;
                let links = social_account::Entity::find()
                    .filter(social_account::Column::UserId.eq(user_id))
                    .all(txn)
                    .await?;
                let target = links
                    .iter()
                    .find(|l| l.provider == provider_id)
                    .ok_or(AppError::NotFound)?;
                if account.password_hash.is_none() && links.len() == 1 {
                    return Err(AppError::Social(Failure::LastSignInMethod));
                }
                social_account::Entity::delete_by_id(target.id).exec(txn).await?;
                this.tell_owner(txn, TemplateKind::SocialUnlinked, &account, provider_name)
                    .await?;
                audit::record(txn, event).await;
                Ok(())
            })
        })
        .await?;
        self.mailer.wake();
        Ok(())
    }

    /// Queues the e-mail telling the owner that `provider` was linked or unlinked.
    async fn tell_owner(
        &self,
        txn: &DatabaseTransaction,
        kind: TemplateKind,
        account: &user::Model,
        provider: String,
    ) -> AppResult<()> {
        let extras = Extras {
            provider: Some(provider),
            ..Extras::default()
        };
        self.mailer.queue(txn, kind, account, extras).await
    }

    /// Audits a failed social sign-in.
    pub(super) async fn failed(&self, provider: &str, user_id: Option<Uuid>, failure: Failure) {
        let event = AuditEvent::new("social_login_failed", user_id)
            .anonymous()
            .detail(json!({ "provider": provider, "reason": failure.code() }));
        audit::record(&self.db, event).await;
        crate::services::platform::metrics::sign_in(
            crate::services::platform::metrics::SignInMethod::Social,
            failure.code(),
        );
    }
}

async fn insert_link(txn: &DatabaseTransaction, row: social_account::ActiveModel) -> AppResult<()> {
    match social_account::Entity::insert(row).exec_without_returning(txn).await {
        Ok(_) => Ok(()),
        Err(e) => match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(detail))
                if detail.contains("user_provider") || detail.contains("user_id") =>
            {
                Err(AppError::Social(Failure::ProviderAlreadyLinked))
            }
            Some(SqlErr::UniqueConstraintViolation(_)) => Err(AppError::Social(Failure::IdentityAlreadyLinked)),
            _ => Err(e.into()),
        },
    }
}

/// The account row, locked for the rest of the transaction on PostgreSQL.
async fn lock_account(txn: &DatabaseTransaction, user_id: Uuid) -> AppResult<Option<user::Model>> {
    let query = user::Entity::find_by_id(user_id);
    let query = if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        sea_orm::QuerySelect::lock_exclusive(query)
    } else {
        query
    };
    Ok(query.one(txn).await?.filter(|a| a.deleted_at.is_none()))
}
