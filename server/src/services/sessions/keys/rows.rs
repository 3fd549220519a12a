//! The stored keys, read into what an instance signs and verifies with, and the choice of the
//! signer by the clock.

use std::{collections::HashMap, time::Duration, time::Instant};

use anyhow::Context;
use base64::{
    Engine,
    engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD},
};
use chrono::{DateTime, Utc};
use ed25519_dalek::{SigningKey, pkcs8::EncodePrivateKey};
use jsonwebtoken::{DecodingKey, EncodingKey};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::PublicJwk;
use crate::entity::signing_key;

/// A key that signs, or will sign, or signed until a moment still ahead at the last read.
pub(super) struct Signer {
    pub(super) kid: String,
    pub(super) key: EncodingKey,
    activates: DateTime<Utc>,
    retires: Option<DateTime<Utc>>,
}

/// One read of the keys.
pub(super) struct Loaded {
    signers: Vec<Signer>,
    pub(super) verifying: HashMap<String, DecodingKey>,
    pub(super) published: Vec<PublicJwk>,
    /// When the read began: a read begun after a miss saw every key created before it.
    pub(super) read_started: Instant,
}

impl Loaded {
    /// The key that signs at `now`: the latest activated one not yet retired. Both moments are
    /// in the rows, so every instance switches at the same time without reloading. Ties (two
    /// instances creating a first key together) go to the greater kid, the same everywhere.
    pub(super) fn signer_at(&self, now: DateTime<Utc>) -> Option<&Signer> {
        let order = |s: &&Signer| (s.activates, s.kid.clone());
        self.signers
            .iter()
            .filter(|s| s.activates <= now && s.retires.is_none_or(|r| r > now))
            .max_by_key(order)
            // All retired since the read (a rotation with `--now` elsewhere): the newest
            // until the next read; a clock behind the rotating host's: the oldest.
            .or_else(|| self.signers.iter().filter(|s| s.activates <= now).max_by_key(order))
            .or_else(|| self.signers.iter().min_by_key(order))
    }
}

/// Creates a key that signs from `activates_at` (`None`: at once).
pub(super) async fn insert_new_key(
    db: &impl ConnectionTrait,
    activates_at: Option<DateTime<Utc>>,
) -> anyhow::Result<String> {
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
        activates_at: Set(activates_at),
    })
    .exec(db)
    .await?;
    tracing::info!(kid, activates_at = ?activates_at, "created a new signing key");
    Ok(kid)
}

/// Reads the keys retired less than `retired_overlap` ago, or not (yet) retired.
pub(super) async fn read_keys(db: &impl ConnectionTrait, retired_overlap: Duration) -> anyhow::Result<Loaded> {
    let read_started = Instant::now();
    let now = Utc::now();
    let cutoff = now - chrono::Duration::from_std(retired_overlap).unwrap_or(chrono::Duration::MAX);
    let rows = signing_key::Entity::find()
        .filter(
            Condition::any()
                .add(signing_key::Column::RetiredAt.is_null())
                .add(signing_key::Column::RetiredAt.gt(cutoff)),
        )
        .order_by_desc(signing_key::Column::CreatedAt)
        .all(db)
        .await?;
    let mut signers = Vec::new();
    let mut verifying = HashMap::new();
    let mut published = Vec::new();
    for row in &rows {
        if row.retired_at.is_none_or(|r| r > now) {
            let der = STANDARD
                .decode(&row.private_key)
                .context("stored signing key is not base64")?;
            signers.push(Signer {
                kid: row.kid.clone(),
                key: EncodingKey::from_ed_der(&der),
                activates: row.activates_at.unwrap_or(row.created_at),
                retires: row.retired_at,
            });
        }
        verifying.insert(
            row.kid.clone(),
            DecodingKey::from_ed_components(&row.public_key).context("stored public key")?,
        );
        published.push(PublicJwk {
            kid: row.kid.clone(),
            x: row.public_key.clone(),
        });
    }
    if signers.is_empty() {
        anyhow::bail!("no active signing key");
    }
    Ok(Loaded {
        signers,
        verifying,
        published,
        read_started,
    })
}
