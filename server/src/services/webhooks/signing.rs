//! Standard Webhooks signatures (<https://www.standardwebhooks.com>): the secret is `whsec_`
//! and the base64 of its bytes; a message is signed as HMAC-SHA256 over
//! `{webhook-id}.{webhook-timestamp}.{body}`, sent as `v1,<base64>` — several, space-separated,
//! while a rotated secret still overlaps.

use base64::{Engine, engine::general_purpose::STANDARD};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::services::platform::secrets;

/// What a secret's text starts with.
const PREFIX: &str = "whsec_";
/// Random bytes in a new secret.
const SECRET_BYTES: usize = 32;

/// A new signing secret, as the receiver configures it: `whsec_…`.
pub fn new_secret() -> String {
    let mut bytes = [0u8; SECRET_BYTES];
    secrets::fill_random(&mut bytes);
    format!("{PREFIX}{}", STANDARD.encode(bytes))
}

/// The key bytes of a `whsec_…` secret.
fn key_of(secret: &str) -> anyhow::Result<Vec<u8>> {
    let encoded = secret.strip_prefix(PREFIX).unwrap_or(secret);
    Ok(STANDARD.decode(encoded)?)
}

/// The `webhook-signature` value for `body`, sent as message `id` at unix second
/// `timestamp`, under each of `secrets` (the current one first).
pub fn signature_header(secrets: &[&str], id: &str, timestamp: i64, body: &[u8]) -> anyhow::Result<String> {
    let mut signatures = Vec::with_capacity(secrets.len());
    for secret in secrets {
        // HMAC accepts keys of any length.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&key_of(secret)?)
            .map_err(|_| anyhow::anyhow!("an unusable webhook key"))?;
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        signatures.push(format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes())));
    }
    Ok(signatures.join(" "))
}

/// The `webhook-id` of delivery `id`: the same on every attempt.
pub fn message_id(id: uuid::Uuid) -> String {
    format!("msg_{}", id.simple())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_the_standard_webhooks_example() {
        // The example of the Standard Webhooks specification.
        let header = signature_header(
            &["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            br#"{"test": 2432232314}"#,
        )
        .unwrap();
        assert_eq!(header, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn an_overlap_signs_with_both_secrets_and_new_secrets_differ() {
        let (new, old) = (new_secret(), new_secret());
        assert_ne!(new, old);
        assert!(new.starts_with("whsec_") && key_of(&new).unwrap().len() == 32);
        let both = signature_header(&[&new, &old], "msg_1", 1, b"{}").unwrap();
        let parts: Vec<&str> = both.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], signature_header(&[&new], "msg_1", 1, b"{}").unwrap());
        assert_eq!(parts[1], signature_header(&[&old], "msg_1", 1, b"{}").unwrap());
    }
}
