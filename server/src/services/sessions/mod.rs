//! Sessions and their refresh tokens: creation at login, rotation with reuse detection and a
//! grace window, revocation, and the per-request session check behind access tokens; the
//! access tokens themselves, their signing keys, and the user's own session list.

pub mod authentication;
mod csrf;
pub mod jwt_crypto;
pub mod keys;
pub mod refresh_store;
mod revocation;
pub mod session_cache;
pub mod tokens;
pub mod user_sessions;
pub mod verified_cache;

use std::{sync::Arc, time::Duration};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

pub use self::authentication::{AuthMethod, Authentication};
pub use self::revocation::{RevokeReason, Revoked};
use self::{
    refresh_store::{Rotated, Rotation},
    session_cache::{Invalidation, SessionCache},
    tokens::AccessTokens,
};
use crate::{
    entity::{refresh_token, session, user},
    error::{AppError, AppResult},
    services::{
        audit::AuditEvent,
        platform::{
            client::ClientInfo,
            metrics,
            secrets::{self, InstanceSecret},
        },
        runtime_settings::RuntimeSettings,
    },
};

/// A freshly issued token pair.
#[derive(Clone, Debug)]
pub struct IssuedTokens {
    /// The access token (JWT).
    pub access_token: String,
    /// Its lifetime.
    pub access_expires_in: Duration,
    /// The opaque refresh token.
    pub refresh_token: String,
    /// Its lifetime from now.
    pub refresh_expires_in: Duration,
    /// The session both belong to.
    pub session_id: Uuid,
}

/// The signed-in user behind a verified access token whose session is live.
#[derive(Clone, Debug)]
pub struct AuthUser {
    /// The account, as loaded with the session check.
    pub user: user::Model,
    /// The session the token belongs to.
    pub session_id: Uuid,
}

/// The session service: starts sessions, rotates and revokes their refresh tokens, and
/// checks the session behind each access token.
#[derive(Clone)]
pub struct Sessions {
    db: DatabaseConnection,
    cache: Arc<SessionCache>,
    secret: InstanceSecret,
    tokens: AccessTokens,
    runtime: RuntimeSettings,
}

impl Sessions {
    /// The session service.
    pub fn new(
        db: DatabaseConnection,
        cache: Arc<SessionCache>,
        secret: InstanceSecret,
        tokens: AccessTokens,
        runtime: RuntimeSettings,
    ) -> Self {
        Self {
            db,
            cache,
            secret,
            tokens,
            runtime,
        }
    }

    /// The access-token service.
    pub fn tokens(&self) -> &AccessTokens {
        &self.tokens
    }

    /// The session cache (fed by the LISTEN task on PostgreSQL).
    pub fn cache(&self) -> &Arc<SessionCache> {
        &self.cache
    }

    fn refresh_expiry(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let lifetime = self.runtime.current().refresh_token_lifetime;
        now + chrono::Duration::from_std(lifetime).unwrap_or(chrono::Duration::days(14))
    }

    /// The child of a refresh token: derived from it under the instance secret, so a
    /// replay inside the grace window hands back the very same child without storing it.
    fn child_of(&self, token: &str) -> String {
        URL_SAFE_NO_PAD.encode(self.secret.mac("refresh-child", token.as_bytes()))
    }

    /// Starts a session for `user_id`, authenticated as `authentication` says, and issues its
    /// first tokens.
    pub async fn start(&self, user_id: Uuid, authentication: &Authentication) -> AppResult<IssuedTokens> {
        let now = Utc::now();
        let client = ClientInfo::current();
        let session_id = Uuid::now_v7();
        let refresh_token = secrets::random_token();
        let expires_at = self.refresh_expiry(now);
        let row = session::ActiveModel {
            id: Set(session_id),
            user_id: Set(user_id),
            created_at: Set(now),
            last_used_at: Set(now),
            expires_at: Set(expires_at),
            revoked_at: Set(None),
            revoked_reason: Set(None),
            ip: Set(client.ip),
            user_agent: Set(client.user_agent),
            amr: Set(authentication.amr_column()),
            aal: Set(authentication.aal() as i16),
            auth_time: Set(Some(authentication.time)),
        };
        let token_row = refresh_store::token_row(
            Uuid::now_v7(),
            session_id,
            self.secret.token_hash(&refresh_token),
            None,
            now,
            expires_at,
        );
        crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move {
                session::Entity::insert(row).exec_without_returning(txn).await?;
                refresh_token::Entity::insert(token_row)
                    .exec_without_returning(txn)
                    .await?;
                // Also the last word on a deletion requested meanwhile: no session starts for
                // an account whose deletion is scheduled, whichever way it signed in.
                let signed_in = user::Entity::update_many()
                    .col_expr(user::Column::LastLogin, Expr::value(now))
                    .filter(user::Column::Id.eq(user_id))
                    .filter(user::Column::DeletionDueAt.is_null())
                    .exec(txn)
                    .await?;
                if signed_in.rows_affected == 0 {
                    return Err(AppError::AccountPendingDeletion);
                }
                Ok(())
            })
        })
        .await?;
        // Cached copies of this user carry the previous last_login.
        self.forget(Invalidation::User(user_id)).await;
        self.issue(user_id, session_id, authentication, refresh_token, expires_at)
    }

    fn issue(
        &self,
        user_id: Uuid,
        session_id: Uuid,
        authentication: &Authentication,
        refresh_token: String,
        expires_at: DateTime<Utc>,
    ) -> AppResult<IssuedTokens> {
        Ok(IssuedTokens {
            access_token: self.tokens.issue(user_id, session_id, authentication)?,
            access_expires_in: self.tokens.lifetime(),
            refresh_token,
            refresh_expires_in: (expires_at - Utc::now()).to_std().unwrap_or_default(),
            session_id,
        })
    }

    /// Exchanges a refresh token for a new pair. A spent token revokes its session, except
    /// for the immediate parent of a still-unused child within the grace window.
    pub async fn refresh(&self, presented: &str) -> AppResult<IssuedTokens> {
        if presented.is_empty() || presented.len() > 512 {
            return Err(AppError::InvalidRefreshToken);
        }
        let now = Utc::now();
        let child = self.child_of(presented);
        let expires_at = self.refresh_expiry(now);
        let rotation = Rotation {
            presented_hash: self.secret.token_hash(presented),
            child_id: Uuid::now_v7(),
            child_hash: self.secret.token_hash(&child),
            expires_at,
            now,
            ip: ClientInfo::current().ip,
        };
        match refresh_store::rotate(&self.db, rotation).await? {
            Rotated::Done(current) => {
                metrics::refresh("rotated");
                let authentication = current.authentication();
                self.issue(current.user_id, current.session_id, &authentication, child, expires_at)
            }
            Rotated::AlreadySpent(current) => self.replayed(&current, &child).await,
            Rotated::Unusable => {
                metrics::refresh("invalid");
                Err(AppError::InvalidRefreshToken)
            }
        }
    }

    /// A spent token came back: the grace window, or reuse.
    async fn replayed(&self, current: &refresh_store::RefreshLookup, child: &str) -> AppResult<IssuedTokens> {
        let (token_id, session_id, owner) = (current.token_id, current.session_id, current.user_id);
        let now = Utc::now();
        let spent = refresh_token::Entity::find_by_id(token_id).one(&self.db).await?;
        let child_row = refresh_token::Entity::find()
            .filter(refresh_token::Column::TokenHash.eq(self.secret.token_hash(child)))
            .filter(refresh_token::Column::ParentId.eq(token_id))
            .one(&self.db)
            .await?;
        let grace = chrono::Duration::from_std(self.runtime.current().refresh_grace_period).unwrap_or_default();
        if let (Some(spent), Some(child_row)) = (spent, child_row)
            && let Some(rotated_at) = spent.rotated_at
            && now - rotated_at <= grace
            && child_row.rotated_at.is_none()
        {
            metrics::refresh("grace");
            let authentication = current.authentication();
            return self.issue(
                owner,
                session_id,
                &authentication,
                child.to_string(),
                child_row.expires_at,
            );
        }
        metrics::refresh("reused");
        self.revoke_recorded(
            Revoked::Session(session_id),
            RevokeReason::RefreshTokenReused,
            move |_| {
                AuditEvent::new("refresh_token_reused", Some(owner))
                    .anonymous()
                    .session(session_id)
                    .detail(serde_json::json!({ "token_id": token_id }))
            },
        )
        .await?;
        Err(AppError::RefreshTokenReused)
    }

    /// Drops cached session checks here and on every other instance: after a revocation,
    /// or when an account changed.
    pub async fn forget(&self, invalidation: Invalidation) {
        session_cache::broadcast(&self.cache, &self.db, invalidation).await;
    }

    /// Verifies an access token, then checks that its session is live and its user active:
    /// from the session cache when it holds the answer, else in one query.
    pub async fn authenticate(&self, access_token: &str) -> AppResult<AuthUser> {
        let claims = self.tokens.verify(access_token).await?;
        let cached = self.cache.get(claims.sid, claims.sub);
        metrics::session_cache(cached.is_some());
        if let Some(user) = cached {
            return Ok(AuthUser {
                user,
                session_id: claims.sid,
            });
        }
        let generation = self.cache.generation();
        let now = Utc::now();
        let found = crate::db::read_retrying(|| {
            session::Entity::find_by_id(claims.sid)
                .find_also_related(user::Entity)
                .one(&self.db)
        })
        .await?;
        match found {
            Some((session, Some(user)))
                if session.revoked_at.is_none()
                    && session.expires_at > now
                    && user.id == claims.sub
                    && user.is_active
                    && user.deleted_at.is_none() =>
            {
                self.cache
                    .insert(generation, session.id, session.expires_at, user.clone());
                Ok(AuthUser {
                    user,
                    session_id: claims.sid,
                })
            }
            _ => Err(AppError::SessionRevoked),
        }
    }
}
