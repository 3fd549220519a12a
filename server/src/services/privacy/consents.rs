//! Consents: for each purpose in `CONSENT_PURPOSES`, the user's current answer (the latest
//! one; never answered is not granted), and every change appended to `consent_events` with its
//! time, source, IP address, user agent and policy version — never rewritten. The `marketing`
//! answer is also kept on the account (`users.marketing_consent`), so `getMe` reads nothing
//! more.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, sea_query::Expr,
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    entity::{consent_event, user},
    error::{AppError, AppResult, FieldError},
    services::{
        audit::{self, AuditEvent},
        platform::client::ClientInfo,
        sessions::{Sessions, session_cache::Invalidation},
    },
};

/// The purpose kept on the account too.
pub const MARKETING: &str = "marketing";
/// The most history entries staff read at once.
pub const HISTORY_LIMIT: u64 = 1000;

/// The current answer for one purpose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentState {
    /// The purpose.
    pub purpose: String,
    /// Granted now.
    pub granted: bool,
    /// The policy version of the latest answer.
    pub policy_version: Option<String>,
    /// When it was last answered.
    pub updated_at: Option<DateTime<Utc>>,
}

/// A new answer.
#[derive(Clone, Debug)]
pub struct Change {
    /// Granted or withdrawn.
    pub granted: bool,
    /// The policy version shown.
    pub policy_version: Option<String>,
}

/// Which operation recorded an answer.
#[derive(Clone, Copy, Debug)]
pub enum Source {
    /// `updateMyConsents`.
    Consents,
    /// `updateMe`'s `marketing_consent`.
    Profile,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Self::Consents => "consents",
            Self::Profile => "profile",
        }
    }
}

/// The consent service; cheap to clone.
#[derive(Clone)]
pub struct Consents {
    db: DatabaseConnection,
    sessions: Sessions,
    purposes: Arc<Vec<String>>,
}

impl Consents {
    /// The service for `purposes` (`CONSENT_PURPOSES`).
    pub fn new(db: DatabaseConnection, sessions: Sessions, purposes: Vec<String>) -> Self {
        Self {
            db,
            sessions,
            purposes: Arc::new(purposes),
        }
    }

    /// Whether `purpose` is one of `CONSENT_PURPOSES`.
    pub fn offers(&self, purpose: &str) -> bool {
        self.purposes.iter().any(|p| p == purpose)
    }

    /// The current answer for each purpose.
    pub async fn current(&self, user_id: Uuid) -> AppResult<Vec<ConsentState>> {
        let mut states = Vec::with_capacity(self.purposes.len());
        for purpose in self.purposes.iter() {
            let latest = latest(&self.db, user_id, purpose).await?;
            states.push(ConsentState {
                purpose: purpose.clone(),
                granted: latest.as_ref().is_some_and(|e| e.granted),
                policy_version: latest.as_ref().and_then(|e| e.policy_version.clone()),
                updated_at: latest.map(|e| e.created_at),
            });
        }
        Ok(states)
    }

    /// Records the answers that change something (in one transaction), audits them, and
    /// answers every purpose's state. An unknown purpose or a malformed policy version is a
    /// field error named after the purpose.
    pub async fn update(
        &self,
        account: &user::Model,
        changes: Vec<(String, Change)>,
        source: Source,
    ) -> AppResult<Vec<ConsentState>> {
        let errors: Vec<FieldError> = changes
            .iter()
            .filter_map(|(purpose, change)| {
                let field = purpose.clone();
                if !self.offers(purpose) {
                    return Some(FieldError::new(
                        field,
                        "unknown_purpose",
                        "Not one of CONSENT_PURPOSES.",
                    ));
                }
                let version_ok = change
                    .policy_version
                    .as_deref()
                    .is_none_or(|v| (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_graphic()));
                (!version_ok).then(|| {
                    FieldError::new(
                        format!("{field}.policy_version"),
                        "invalid_format",
                        "1 to 64 printable ASCII characters, no spaces.",
                    )
                })
            })
            .collect();
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let user_id = account.id;
        let client = ClientInfo::current();
        let recorded = crate::db::write_transaction::<_, AppError, _>(&self.db, |txn| {
            Box::pin(async move { record(txn, user_id, changes, source, client).await })
        })
        .await?;
        if !recorded.is_empty() {
            if recorded.iter().any(|(p, _)| p == MARKETING) {
                self.sessions.forget(Invalidation::User(user_id)).await;
            }
            let detail: Vec<_> = recorded
                .iter()
                .map(|(purpose, granted)| json!({ "purpose": purpose, "granted": granted }))
                .collect();
            let event = AuditEvent::new("consent_changed", Some(user_id)).detail(json!({ "changes": detail }));
            audit::record(&self.db, event).await;
        }
        self.current(user_id).await
    }

    /// The account's answers, newest first (at most [`HISTORY_LIMIT`]).
    pub async fn history(&self, user_id: Uuid) -> AppResult<Vec<consent_event::Model>> {
        Ok(consent_event::Entity::find()
            .filter(consent_event::Column::UserId.eq(user_id))
            .order_by_desc(consent_event::Column::CreatedAt)
            .order_by_desc(consent_event::Column::Id)
            .limit(HISTORY_LIMIT)
            .all(&self.db)
            .await?)
    }
}

/// The latest answer of `user_id` for `purpose`.
async fn latest(db: &impl ConnectionTrait, user_id: Uuid, purpose: &str) -> AppResult<Option<consent_event::Model>> {
    Ok(consent_event::Entity::find()
        .filter(consent_event::Column::UserId.eq(user_id))
        .filter(consent_event::Column::Purpose.eq(purpose))
        .order_by_desc(consent_event::Column::CreatedAt)
        .order_by_desc(consent_event::Column::Id)
        .one(db)
        .await?)
}

/// Appends the answers that differ from the current ones; answers `(purpose, granted)` of
/// those recorded.
async fn record(
    txn: &impl ConnectionTrait,
    user_id: Uuid,
    changes: Vec<(String, Change)>,
    source: Source,
    client: ClientInfo,
) -> AppResult<Vec<(String, bool)>> {
    let mut recorded = Vec::new();
    for (purpose, change) in changes {
        let current = latest(txn, user_id, &purpose).await?;
        let unchanged = current
            .as_ref()
            .is_some_and(|e| e.granted == change.granted && e.policy_version == change.policy_version)
            || (current.is_none() && !change.granted && change.policy_version.is_none());
        if unchanged {
            continue;
        }
        let row = consent_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            purpose: Set(purpose.clone()),
            granted: Set(change.granted),
            policy_version: Set(change.policy_version.clone()),
            source: Set(source.as_str().to_string()),
            ip: Set(client.ip.clone()),
            user_agent: Set(client.user_agent.as_deref().map(|ua| ua.chars().take(512).collect())),
            created_at: Set(Utc::now()),
        };
        consent_event::Entity::insert(row).exec_without_returning(txn).await?;
        if purpose == MARKETING {
            user::Entity::update_many()
                .col_expr(user::Column::MarketingConsent, Expr::value(change.granted))
                .filter(user::Column::Id.eq(user_id))
                .exec(txn)
                .await?;
        }
        recorded.push((purpose, change.granted));
    }
    Ok(recorded)
}
