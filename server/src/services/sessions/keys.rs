//! Ed25519 signing keys for access tokens: created on first start, persisted, published as a
//! JWKS, rotatable with an overlap.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use anyhow::Context;
use base64::{
    Engine,
    engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD},
};
use chrono::Utc;
use ed25519_dalek::{SigningKey, pkcs8::EncodePrivateKey};
use jsonwebtoken::{DecodingKey, EncodingKey};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::signing_key;

/// A public key as published in the JWKS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicJwk {
    /// The key id.
    pub kid: String,
    /// The raw public key, base64url.
    pub x: String,
}

struct Loaded {
    signing_kid: String,
    signing: EncodingKey,
    verifying: HashMap<String, DecodingKey>,
    published: Vec<PublicJwk>,
    loaded_at: Instant,
}

/// The keys in memory, reloaded from the database when a token names an unknown `kid`
/// (another instance rotated), at most once every few seconds.
#[derive(Clone)]
pub struct KeyStore {
    db: DatabaseConnection,
    /// How long retired keys keep verifying: the access-token lifetime in force plus leeway
    /// (asked each time, since staff may change the lifetime at run time).
    token_lifetime: TokenLifetime,
    inner: Arc<RwLock<Arc<Loaded>>>,
}

/// The longest an access token signed now can stay valid (lifetime plus leeway).
pub type TokenLifetime = Arc<dyn Fn() -> Duration + Send + Sync>;

const MIN_RELOAD_INTERVAL: Duration = Duration::from_secs(1);
/// How often every instance re-reads the keys, so a rotation made elsewhere (`gatehouse keys
/// rotate`) reaches its signer too. Retired keys keep verifying this much longer.
pub const RELOAD_INTERVAL: Duration = Duration::from_secs(60);

impl KeyStore {
    /// Loads the keys, creating the first one if the database has none. `token_lifetime`
    /// (access-token lifetime plus leeway) is how long retired keys must keep verifying.
    pub async fn load(db: DatabaseConnection, token_lifetime: TokenLifetime) -> anyhow::Result<Self> {
        if signing_key::Entity::find()
            .filter(signing_key::Column::RetiredAt.is_null())
            .one(&db)
            .await?
            .is_none()
        {
            insert_new_key(&db).await?;
        }
        let loaded = read_keys(&db, token_lifetime() + RELOAD_INTERVAL).await?;
        Ok(Self {
            db,
            token_lifetime,
            inner: Arc::new(RwLock::new(Arc::new(loaded))),
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

    /// The key id and key that sign new tokens.
    pub fn signing(&self) -> (String, EncodingKey) {
        let loaded = self.snapshot();
        (loaded.signing_kid.clone(), loaded.signing.clone())
    }

    /// The verification key for `kid`, reloading once if it is unknown.
    pub async fn verifying(&self, kid: &str) -> Option<DecodingKey> {
        let loaded = self.snapshot();
        if let Some(key) = loaded.verifying.get(kid) {
            return Some(key.clone());
        }
        if loaded.loaded_at.elapsed() < MIN_RELOAD_INTERVAL {
            return None;
        }
        match read_keys(&self.db, self.retired_overlap()).await {
            Ok(fresh) => {
                let key = fresh.verifying.get(kid).cloned();
                self.replace(fresh);
                key
            }
            Err(e) => {
                tracing::warn!(error = format!("{e:#}"), "reloading signing keys failed");
                None
            }
        }
    }

    /// Re-reads the keys every [`RELOAD_INTERVAL`], for ever (run it in a task).
    pub async fn reload_periodically(self) {
        let mut ticks = tokio::time::interval(RELOAD_INTERVAL);
        ticks.tick().await;
        loop {
            ticks.tick().await;
            match read_keys(&self.db, self.retired_overlap()).await {
                Ok(fresh) => self.replace(fresh),
                Err(e) => tracing::warn!(error = format!("{e:#}"), "reloading signing keys failed"),
            }
        }
    }

    /// The published public keys.
    pub fn published(&self) -> Vec<PublicJwk> {
        self.snapshot().published.clone()
    }

    fn replace(&self, loaded: Loaded) {
        match self.inner.write() {
            Ok(mut guard) => *guard = Arc::new(loaded),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(loaded),
        }
    }

    /// Creates a new signing key and retires the others; they keep verifying (and stay in
    /// the JWKS) for the overlap, so tokens they signed stay valid until they expire.
    pub async fn rotate(&self) -> anyhow::Result<String> {
        let now = Utc::now();
        let kid = insert_new_key(&self.db).await?;
        signing_key::Entity::update_many()
            .col_expr(signing_key::Column::RetiredAt, sea_orm::sea_query::Expr::value(now))
            .filter(signing_key::Column::RetiredAt.is_null())
            .filter(signing_key::Column::Kid.ne(kid.clone()))
            .exec(&self.db)
            .await?;
        self.replace(read_keys(&self.db, self.retired_overlap()).await?);
        Ok(kid)
    }
}

async fn insert_new_key(db: &DatabaseConnection) -> anyhow::Result<String> {
    let mut seed = [0u8; 32];
    crate::services::platform::secrets::fill_random(&mut seed);
    let key = SigningKey::from_bytes(&seed);
    let der = key.to_pkcs8_der().context("encoding the signing key")?;
    let now = Utc::now();
    let kid = format!(
        "{}-{}",
        now.format("%Y%m%d"),
        &crate::services::platform::secrets::random_token()[..12]
    );
    signing_key::Entity::insert(signing_key::ActiveModel {
        kid: Set(kid.clone()),
        algorithm: Set("EdDSA".into()),
        private_key: Set(STANDARD.encode(der.as_bytes())),
        public_key: Set(URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes())),
        created_at: Set(now),
        retired_at: Set(None),
    })
    .exec(db)
    .await?;
    tracing::info!(kid, "created a new signing key");
    Ok(kid)
}

async fn read_keys(db: &DatabaseConnection, retired_overlap: Duration) -> anyhow::Result<Loaded> {
    let cutoff = Utc::now() - chrono::Duration::from_std(retired_overlap).unwrap_or(chrono::Duration::MAX);
    let rows = signing_key::Entity::find()
        .filter(
            Condition::any()
                .add(signing_key::Column::RetiredAt.is_null())
                .add(signing_key::Column::RetiredAt.gt(cutoff)),
        )
        .order_by_desc(signing_key::Column::CreatedAt)
        .all(db)
        .await?;
    let active = rows
        .iter()
        .find(|k| k.retired_at.is_none())
        .context("no active signing key")?;
    let der = STANDARD
        .decode(&active.private_key)
        .context("stored signing key is not base64")?;
    let mut verifying = HashMap::new();
    let mut published = Vec::new();
    for row in &rows {
        verifying.insert(
            row.kid.clone(),
            DecodingKey::from_ed_components(&row.public_key).context("stored public key")?,
        );
        published.push(PublicJwk {
            kid: row.kid.clone(),
            x: row.public_key.clone(),
        });
    }
    Ok(Loaded {
        signing_kid: active.kid.clone(),
        signing: EncodingKey::from_ed_der(&der),
        verifying,
        published,
        loaded_at: Instant::now(),
    })
}
