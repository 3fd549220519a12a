//! Ed25519 signing keys for access tokens: created on first start, persisted, published as a
//! JWKS, rotatable with an overlap. A rotated-in key is published at once and signs only after
//! the activation delay, once every instance and every JWKS cache can know it.

mod rows;

use std::{
    sync::{
        Arc, RwLock,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use jsonwebtoken::{DecodingKey, EncodingKey};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use self::rows::{Loaded, insert_new_key, read_keys};
use crate::entity::signing_key;

/// A public key as published in the JWKS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicJwk {
    /// The key id.
    pub kid: String,
    /// The raw public key, base64url.
    pub x: String,
}

/// A key created by a rotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rotated {
    /// The new key's id.
    pub kid: String,
    /// When it starts signing (and the previous signer retires).
    pub activates_at: DateTime<Utc>,
}

/// The keys in memory: re-read every [`RELOAD_INTERVAL`], and at once when a token names an
/// unknown `kid` (another instance created a key), at most once per [`MISS_RELOAD_INTERVAL`].
#[derive(Clone)]
pub struct KeyStore {
    db: DatabaseConnection,
    /// How long retired keys keep verifying: the access-token lifetime in force plus leeway
    /// (asked each time, since staff may change the lifetime at run time).
    token_lifetime: TokenLifetime,
    activation_delay: Duration,
    inner: Arc<RwLock<Arc<Loaded>>>,
    /// Held by the one reload a miss triggers; holds when the last such reload began.
    miss_reload: Arc<tokio::sync::Mutex<Option<Instant>>>,
    reloads: Arc<AtomicU64>,
}

/// The longest an access token signed now can stay valid (lifetime plus leeway).
pub type TokenLifetime = Arc<dyn Fn() -> Duration + Send + Sync>;

/// Reloads triggered by unknown `kid`s begin at least this far apart, so a flood of made-up
/// kids costs the database at most four reads a second; a miss inside the window waits for it.
pub const MISS_RELOAD_INTERVAL: Duration = Duration::from_millis(250);
/// How often every instance re-reads the keys, so a rotation made elsewhere (`gatehouse keys
/// rotate`) reaches it too. Retired keys keep verifying this much longer.
pub const RELOAD_INTERVAL: Duration = Duration::from_secs(60);
/// How long clients may cache the JWKS (its `Cache-Control: max-age`).
pub const JWKS_MAX_AGE: Duration = Duration::from_secs(300);

impl KeyStore {
    /// Loads the keys, creating the first one if the database has none. `token_lifetime`
    /// (access-token lifetime plus leeway) is how long retired keys must keep verifying;
    /// `activation_delay` how long after a rotation the new key starts signing.
    ///
    /// Two instances starting together on an empty database may both create a first key:
    /// both keys are valid, each instance verifies the other's (an unknown kid reloads), and
    /// after their next reload both sign with the same one.
    pub async fn load(
        db: DatabaseConnection,
        token_lifetime: TokenLifetime,
        activation_delay: Duration,
    ) -> anyhow::Result<Self> {
        if signing_key::Entity::find()
            .filter(signing_key::Column::RetiredAt.is_null())
            .one(&db)
            .await?
            .is_none()
        {
            insert_new_key(&db, None).await?;
        }
        let loaded = read_keys(&db, token_lifetime() + RELOAD_INTERVAL).await?;
        Ok(Self {
            db,
            token_lifetime,
            activation_delay,
            inner: Arc::new(RwLock::new(Arc::new(loaded))),
            miss_reload: Arc::new(tokio::sync::Mutex::new(None)),
            reloads: Arc::new(AtomicU64::new(0)),
        })
    }

    fn retired_overlap(&self) -> Duration {
        (self.token_lifetime)() + RELOAD_INTERVAL
    }

    fn snapshot(&self) -> Arc<Loaded> {
        match self.inner.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// The key id and key that sign a token now, chosen by the clock among the loaded keys.
    pub fn signing(&self) -> Option<(String, EncodingKey)> {
        let loaded = self.snapshot();
        let signer = loaded.signer_at(Utc::now())?;
        Some((signer.kid.clone(), signer.key.clone()))
    }

    /// The verification key for `kid`. An unknown kid reloads the keys before it is refused:
    /// concurrent misses share one reload, and reloads begin at least
    /// [`MISS_RELOAD_INTERVAL`] apart (a miss inside the window waits for it to end).
    pub async fn verifying(&self, kid: &str) -> Option<DecodingKey> {
        let missed_at = Instant::now();
        if let Some(key) = self.snapshot().verifying.get(kid) {
            return Some(key.clone());
        }
        let mut last_reload = self.miss_reload.lock().await;
        let current = self.snapshot();
        if current.read_started >= missed_at {
            // A read begun after this miss already saw every key that existed then.
            return current.verifying.get(kid).cloned();
        }
        if let Some(last) = *last_reload {
            tokio::time::sleep_until((last + MISS_RELOAD_INTERVAL).into()).await;
        }
        *last_reload = Some(Instant::now());
        match self.reload().await {
            Ok(fresh) => fresh.verifying.get(kid).cloned(),
            Err(e) => {
                tracing::warn!(error = format!("{e:#}"), "reloading signing keys failed");
                None
            }
        }
    }

    /// Whether `kid` verifies now, among the keys in memory (no reload).
    pub fn knows(&self, kid: &str) -> bool {
        self.snapshot().verifying.contains_key(kid)
    }

    /// How many times the keys were re-read since start (periodic, on a miss, after a
    /// rotation): lets tests see that a flood of unknown kids does not hammer the database.
    pub fn reload_count(&self) -> u64 {
        self.reloads.load(Ordering::Relaxed)
    }

    async fn reload(&self) -> anyhow::Result<Arc<Loaded>> {
        self.reloads.fetch_add(1, Ordering::Relaxed);
        let fresh = Arc::new(read_keys(&self.db, self.retired_overlap()).await?);
        let mut guard = match self.inner.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        // A slower read begun earlier must not replace a newer one.
        if fresh.read_started >= guard.read_started {
            *guard = fresh.clone();
        }
        Ok(fresh)
    }

    /// Re-reads the keys every [`RELOAD_INTERVAL`], for ever (run it in a task).
    pub async fn reload_periodically(self) {
        let mut ticks = tokio::time::interval(RELOAD_INTERVAL);
        ticks.tick().await;
        loop {
            ticks.tick().await;
            if let Err(e) = self.reload().await {
                tracing::warn!(error = format!("{e:#}"), "reloading signing keys failed");
            }
        }
    }

    /// The published public keys: the signer, keys waiting for their activation, and retired
    /// keys whose tokens may still be valid.
    pub fn published(&self) -> Vec<PublicJwk> {
        self.snapshot().published.clone()
    }

    /// Creates a new signing key, published at once, that starts signing after the activation
    /// delay; the current signer signs until then and retires at that moment. Retired keys
    /// keep verifying (and stay in the JWKS) until the tokens they signed have expired.
    pub async fn rotate(&self) -> anyhow::Result<Rotated> {
        let delay = chrono::Duration::from_std(self.activation_delay).unwrap_or(chrono::Duration::MAX);
        self.rotate_at(Utc::now() + delay).await
    }

    /// Creates a new signing key that signs at once and retires the others now: for a key
    /// that may be compromised. Instances that have not reloaded yet keep signing with the old
    /// key until their next reload (at most [`RELOAD_INTERVAL`]), and verifiers holding a
    /// cached JWKS refuse the new key's tokens until they refetch it.
    pub async fn rotate_now(&self) -> anyhow::Result<Rotated> {
        self.rotate_at(Utc::now()).await
    }

    async fn rotate_at(&self, activates_at: DateTime<Utc>) -> anyhow::Result<Rotated> {
        let txn = self.db.begin().await?;
        let kid = insert_new_key(&txn, Some(activates_at)).await?;
        signing_key::Entity::update_many()
            .col_expr(
                signing_key::Column::RetiredAt,
                sea_orm::sea_query::Expr::value(activates_at),
            )
            .filter(
                Condition::any()
                    .add(signing_key::Column::RetiredAt.is_null())
                    .add(signing_key::Column::RetiredAt.gt(activates_at)),
            )
            .filter(signing_key::Column::Kid.ne(kid.clone()))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        self.reload().await?;
        Ok(Rotated { kid, activates_at })
    }
}
