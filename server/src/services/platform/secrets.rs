//! The instance secret (`SECRET_KEY`) and the keyed hashes derived from it.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chacha20poly1305::{
    XChaCha20Poly1305, XNonce,
    aead::{Aead, Payload},
};
use chrono::Utc;
use hmac::{Hmac, KeyInit, Mac};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use sha2::Sha256;

use crate::entity::instance_secret;

const SECRET_KEY_NAME: &str = "secret_key";

/// The server secret that keys refresh-token hashes and derivations.
#[derive(Clone)]
pub struct InstanceSecret {
    key: Vec<u8>,
}

impl std::fmt::Debug for InstanceSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InstanceSecret(..)")
    }
}

impl InstanceSecret {
    /// `SECRET_KEY` when set; otherwise the one stored in the database, created on first
    /// start (and shared by every instance on that database).
    pub async fn load(db: &DatabaseConnection, configured: Option<&str>) -> anyhow::Result<Self> {
        if let Some(key) = configured {
            anyhow::ensure!(key.len() >= 32, "SECRET_KEY must be at least 32 characters");
            return Ok(Self {
                key: key.as_bytes().to_vec(),
            });
        }
        let candidate = random_token();
        // Two instances starting at once: the first insert wins and both read it back.
        instance_secret::Entity::insert(instance_secret::ActiveModel {
            name: Set(SECRET_KEY_NAME.into()),
            value: Set(candidate),
            created_at: Set(Utc::now()),
        })
        .on_conflict_do_nothing_on([instance_secret::Column::Name])
        .exec(db)
        .await?;
        let stored = instance_secret::Entity::find_by_id(SECRET_KEY_NAME)
            .one(db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the generated SECRET_KEY was not stored"))?;
        tracing::warn!("SECRET_KEY is not set: using the one generated and stored in the database");
        Ok(Self {
            key: stored.value.into_bytes(),
        })
    }

    /// A secret from a literal key, for unit tests.
    #[cfg(test)]
    pub(crate) fn for_tests(key: &str) -> Self {
        Self {
            key: key.as_bytes().to_vec(),
        }
    }

    /// HMAC-SHA256 of `data` under the secret, with a domain label, as raw bytes.
    pub fn mac(&self, label: &str, data: &[u8]) -> [u8; 32] {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!());
        mac.update(label.as_bytes());
        mac.update(b"\0");
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    /// [`InstanceSecret::mac`] as base64url text (43 characters): a token derived from
    /// `data` that only the holder of the secret can compute.
    pub fn mac_token(&self, label: &str, data: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(self.mac(label, data))
    }

    /// The hex keyed hash under which a token is stored.
    pub fn token_hash(&self, token: &str) -> String {
        hex(&self.mac("token-hash", token.as_bytes()))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.mac("seal-key", b"").into())
    }

    /// Encrypts `plaintext` under a key derived from the secret, bound to `context` (e.g. a
    /// row id) so a sealed value cannot be moved to another row. Base64url of nonce ‖ ciphertext.
    pub fn seal(&self, context: &[u8], plaintext: &[u8]) -> anyhow::Result<String> {
        let mut nonce = [0u8; 24];
        fill_random(&mut nonce);
        let nonce = XNonce::from(nonce);
        let sealed = self
            .cipher()
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad: context,
                },
            )
            .map_err(|_| anyhow::anyhow!("sealing failed"))?;
        Ok(URL_SAFE_NO_PAD.encode([nonce.as_slice(), &sealed].concat()))
    }

    /// Decrypts what [`InstanceSecret::seal`] produced with the same secret and context.
    pub fn open(&self, context: &[u8], sealed: &str) -> anyhow::Result<Vec<u8>> {
        let bytes = URL_SAFE_NO_PAD.decode(sealed)?;
        anyhow::ensure!(bytes.len() > 24, "sealed value too short");
        let (nonce, ciphertext) = bytes.split_at(24);
        let nonce = XNonce::try_from(nonce).map_err(|_| anyhow::anyhow!("bad nonce"))?;
        self.cipher()
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad: context,
                },
            )
            .map_err(|_| anyhow::anyhow!("cannot open a sealed value: another SECRET_KEY, or tampered"))
    }
}

/// 256 random bits from the OS, base64url (43 characters).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    fill_random(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Fills `buf` from the operating system's CSPRNG.
pub fn fill_random(buf: &mut [u8]) {
    // The OS generator failing means the machine cannot do cryptography at all.
    getrandom::fill(buf).unwrap_or_else(|e| panic!("the OS random generator failed: {e}"));
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(key: &str) -> InstanceSecret {
        InstanceSecret {
            key: key.as_bytes().to_vec(),
        }
    }

    #[test]
    fn sealed_values_open_only_with_the_same_secret_and_context() {
        let a = secret("a-secret-key-of-at-least-32-characters");
        let sealed = a.seal(b"row-1", b"the reset link").unwrap();
        assert!(!sealed.contains("reset"));
        assert_eq!(a.open(b"row-1", &sealed).unwrap(), b"the reset link");
        assert_ne!(
            sealed,
            a.seal(b"row-1", b"the reset link").unwrap(),
            "a fresh nonce each time"
        );
        assert!(a.open(b"row-2", &sealed).is_err());
        assert!(
            secret("another-secret-key-of-32-characters!!")
                .open(b"row-1", &sealed)
                .is_err()
        );
        let mut tampered = sealed.into_bytes();
        let last = tampered.len() - 2;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert!(a.open(b"row-1", &String::from_utf8(tampered).unwrap()).is_err());
    }
}
