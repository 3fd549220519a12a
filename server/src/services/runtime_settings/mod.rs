//! Runtime settings: the knobs staff change through the API without a restart. Defaults come
//! from the environment; overrides live in `runtime_settings`; every instance keeps the merged
//! values in memory and reloads them every `SETTINGS_REFRESH_INTERVAL`, so a change made
//! through one instance is in force on all of them within that interval.

mod knobs;

pub use self::knobs::{Key, Knobs};

use std::{
    collections::BTreeMap,
    sync::{Arc, RwLock},
    time::Duration,
};

use chrono::Utc;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, sea_query::OnConflict};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::services::audit::{self, AuditEvent};
use crate::{
    config::Settings,
    entity::runtime_setting,
    error::{AppError, AppResult},
};

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
