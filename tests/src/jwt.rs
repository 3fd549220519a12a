//! Unverified JWT decoding, and forging tokens signed with a key Gatehouse does not know.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ed25519_dalek::{Signer, SigningKey};
use uuid::Uuid;

/// The decoded (unverified) header of a JWT.
pub fn jwt_header(token: &str) -> serde_json::Value {
    decode_segment(token.split('.').next().expect("a JWT has a header"))
}

/// The decoded (unverified) claims of a JWT.
pub fn jwt_claims(token: &str) -> serde_json::Value {
    decode_segment(token.split('.').nth(1).expect("a JWT has claims"))
}

fn decode_segment(segment: &str) -> serde_json::Value {
    let bytes = URL_SAFE_NO_PAD.decode(segment).expect("a JWT segment is base64url");
    serde_json::from_slice(&bytes).expect("a JWT segment is JSON")
}

/// base64url (no padding) of a JSON value, as in a JWT segment.
pub fn encode_segment(value: &serde_json::Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).expect("JSON serialises"))
}

/// A JWT with the given header and claims, signed with an Ed25519 key of our own.
pub fn sign_eddsa(header: &serde_json::Value, claims: &serde_json::Value, key: &SigningKey) -> String {
    let message = format!("{}.{}", encode_segment(header), encode_segment(claims));
    let signature = key.sign(message.as_bytes());
    format!("{message}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// A random Ed25519 key that Gatehouse has never seen.
pub fn foreign_signing_key() -> SigningKey {
    let mut seed = [0u8; 32];
    seed[..16].copy_from_slice(Uuid::new_v4().as_bytes());
    seed[16..].copy_from_slice(Uuid::new_v4().as_bytes());
    SigningKey::from_bytes(&seed)
}
