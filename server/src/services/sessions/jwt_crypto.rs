//! The crypto provider behind `jsonwebtoken`: its own Ed25519 code, except that parsed keys
//! are kept. The stock provider re-parses the PKCS#8 signing key (deriving the public key)
//! on every signature and decompresses the public point on every verification, which was
//! about a fifth of the CPU of an authenticated request. Other algorithms go to the stock
//! provider untouched (and Gatehouse refuses them anyway).

use std::{
    collections::HashMap,
    sync::{LazyLock, RwLock},
};

use ed25519_dalek::{Signature, SigningKey, VerifyingKey, pkcs8::DecodePrivateKey};
use jsonwebtoken::{
    Algorithm, DecodingKey, EncodingKey,
    crypto::{CryptoProvider, JwtSigner, JwtVerifier, rust_crypto::DEFAULT_PROVIDER},
    errors::{ErrorKind, Result},
    signature,
};

static PROVIDER: LazyLock<CryptoProvider> = LazyLock::new(|| CryptoProvider {
    signer_factory: signer,
    verifier_factory: verifier,
    key_utils: DEFAULT_PROVIDER.key_utils.clone(),
});

static SIGNING_KEYS: LazyLock<RwLock<HashMap<Vec<u8>, SigningKey>>> = LazyLock::new(RwLock::default);
static VERIFYING_KEYS: LazyLock<RwLock<HashMap<[u8; 32], VerifyingKey>>> = LazyLock::new(RwLock::default);

/// Makes this provider the process default (once; later calls are no-ops).
pub fn install() {
    if CryptoProvider::install_default(LazyLock::force(&PROVIDER)).is_err() {
        tracing::debug!("a jsonwebtoken crypto provider was already installed");
    }
}

fn cached<K: Eq + std::hash::Hash + Clone, V: Clone>(
    cache: &RwLock<HashMap<K, V>>,
    key: &K,
    parse: impl FnOnce() -> Result<V>,
) -> Result<V> {
    if let Some(value) = cache.read().ok().and_then(|c| c.get(key).cloned()) {
        return Ok(value);
    }
    let value = parse()?;
    if let Ok(mut cache) = cache.write() {
        // Keys only change on rotation; a handful ever live in one process.
        if cache.len() > 64 {
            cache.clear();
        }
        cache.insert(key.clone(), value.clone());
    }
    Ok(value)
}

fn signer(algorithm: &Algorithm, key: &EncodingKey) -> Result<Box<dyn JwtSigner>> {
    if *algorithm != Algorithm::EdDSA {
        return (DEFAULT_PROVIDER.signer_factory)(algorithm, key);
    }
    let der = key.as_bytes().to_vec();
    let signing = cached(&SIGNING_KEYS, &der, || {
        SigningKey::from_pkcs8_der(&der).map_err(|_| ErrorKind::InvalidEddsaKey.into())
    })?;
    Ok(Box::new(Ed25519Signer(signing)))
}

fn verifier(algorithm: &Algorithm, key: &DecodingKey) -> Result<Box<dyn JwtVerifier>> {
    if *algorithm != Algorithm::EdDSA {
        return (DEFAULT_PROVIDER.verifier_factory)(algorithm, key);
    }
    let raw: [u8; 32] = key
        .try_get_as_bytes()?
        .try_into()
        .map_err(|_| ErrorKind::InvalidEddsaKey)?;
    let verifying = cached(&VERIFYING_KEYS, &raw, || {
        VerifyingKey::from_bytes(&raw).map_err(|_| ErrorKind::InvalidEddsaKey.into())
    })?;
    Ok(Box::new(Ed25519Verifier(verifying)))
}

struct Ed25519Signer(SigningKey);

impl signature::Signer<Vec<u8>> for Ed25519Signer {
    fn try_sign(&self, message: &[u8]) -> std::result::Result<Vec<u8>, signature::Error> {
        Ok(ed25519_dalek::Signer::sign(&self.0, message).to_bytes().to_vec())
    }
}

impl JwtSigner for Ed25519Signer {
    fn algorithm(&self) -> Algorithm {
        Algorithm::EdDSA
    }
}

struct Ed25519Verifier(VerifyingKey);

impl signature::Verifier<Vec<u8>> for Ed25519Verifier {
    fn verify(&self, message: &[u8], signature: &Vec<u8>) -> std::result::Result<(), signature::Error> {
        let signature = Signature::from_slice(signature)?;
        // Strict: also refuses small-order keys and non-canonical (malleable) signatures.
        self.0.verify_strict(message, &signature)
    }
}

impl JwtVerifier for Ed25519Verifier {
    fn algorithm(&self) -> Algorithm {
        Algorithm::EdDSA
    }
}
