//! A software passkey authenticator, written from the WebAuthn Level 3 and CTAP2 formats so
//! the tests control every field: it answers creation options with a "none" attestation of a
//! fresh P-256 key, and request options with an ES256 assertion, both in the JSON that
//! `credential.toJSON()` gives. It stores discoverable credentials (with their user handle),
//! reports user verification, and keeps a zero counter like the synced passkeys of iCloud,
//! Google and 1Password. Knobs make it misbehave: another origin, another RP ID, no user
//! verification.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use p256::ecdsa::{DerSignature, SigningKey, signature::Signer};
use serde_cbor_2::Value as Cbor;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const UP: u8 = 0x01;
const UV: u8 = 0x04;
const BE: u8 = 0x08;
const BS: u8 = 0x10;
const AT: u8 = 0x40;

/// One stored credential.
#[derive(Clone)]
pub struct StoredCredential {
    /// The credential id.
    pub id: Vec<u8>,
    key: SigningKey,
    /// The user handle it was created for.
    pub user_handle: Vec<u8>,
    rp_id: String,
}

/// The authenticator and the browser in front of it.
#[derive(Clone)]
pub struct SoftPasskey {
    /// The page's origin the "browser" reports.
    pub origin: String,
    /// Overrides the RP ID the authenticator signs for (normally the options' `rp.id`).
    pub rp_id_override: Option<String>,
    /// Whether it reports user verification.
    pub user_verified: bool,
    /// The credentials it holds.
    pub credentials: Vec<StoredCredential>,
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD.decode(text).expect("base64url in the options")
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    for chunk in bytes.chunks_mut(16) {
        let random = uuid::Uuid::new_v4().into_bytes();
        chunk.copy_from_slice(&random[..chunk.len()]);
    }
    bytes
}

impl SoftPasskey {
    /// An authenticator used from pages of `origin` (`http://localhost:3000`).
    pub fn new(origin: &str) -> Self {
        Self {
            origin: origin.to_string(),
            rp_id_override: None,
            user_verified: true,
            credentials: Vec::new(),
        }
    }

    fn client_data(&self, kind: &str, challenge: &str) -> Vec<u8> {
        json!({ "type": kind, "challenge": challenge, "origin": self.origin, "crossOrigin": false })
            .to_string()
            .into_bytes()
    }

    fn flags(&self) -> u8 {
        UP | BE | BS | if self.user_verified { UV } else { 0 }
    }

    /// Answers creation options (`PublicKeyCredentialCreationOptionsJSON`) with a new credential.
    pub fn register(&mut self, options: &Value) -> Value {
        let rp_id = self
            .rp_id_override
            .clone()
            .unwrap_or_else(|| options["rp"]["id"].as_str().expect("rp.id").to_string());
        let challenge = options["challenge"].as_str().expect("a challenge");
        let user_handle = unb64(options["user"]["id"].as_str().expect("user.id"));
        let id = random_bytes::<32>().to_vec();
        let key = SigningKey::from_slice(&random_bytes::<32>()).expect("a P-256 scalar");
        let point = key.verifying_key().to_encoded_point(false);
        let cose_key = Cbor::Map(
            [
                (Cbor::Integer(1), Cbor::Integer(2)),
                (Cbor::Integer(3), Cbor::Integer(-7)),
                (Cbor::Integer(-1), Cbor::Integer(1)),
                (Cbor::Integer(-2), Cbor::Bytes(point.x().expect("x").to_vec())),
                (Cbor::Integer(-3), Cbor::Bytes(point.y().expect("y").to_vec())),
            ]
            .into_iter()
            .collect(),
        );
        let mut auth_data = Sha256::digest(rp_id.as_bytes()).to_vec();
        auth_data.push(self.flags() | AT);
        auth_data.extend_from_slice(&0u32.to_be_bytes());
        auth_data.extend_from_slice(&[0u8; 16]);
        auth_data.extend_from_slice(&(id.len() as u16).to_be_bytes());
        auth_data.extend_from_slice(&id);
        auth_data.extend(serde_cbor_2::to_vec(&cose_key).expect("COSE key"));
        let attestation = Cbor::Map(
            [
                (Cbor::Text("fmt".into()), Cbor::Text("none".into())),
                (Cbor::Text("attStmt".into()), Cbor::Map(Default::default())),
                (Cbor::Text("authData".into()), Cbor::Bytes(auth_data)),
            ]
            .into_iter()
            .collect(),
        );
        let client_data = self.client_data("webauthn.create", challenge);
        self.credentials.push(StoredCredential {
            id: id.clone(),
            key,
            user_handle,
            rp_id,
        });
        json!({
            "id": b64(&id),
            "rawId": b64(&id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": b64(&client_data),
                "attestationObject": b64(&serde_cbor_2::to_vec(&attestation).expect("attestation")),
                "transports": ["internal", "hybrid"],
            },
            "clientExtensionResults": {},
        })
    }

    /// Answers request options (`PublicKeyCredentialRequestOptionsJSON`) with an assertion of
    /// the first credential they allow (any for the RP ID when they list none: discoverable).
    pub fn assert(&self, options: &Value) -> Value {
        let rp_id = options["rpId"].as_str().expect("rpId").to_string();
        let allowed: Vec<Vec<u8>> = options["allowCredentials"]
            .as_array()
            .map(|list| list.iter().map(|c| unb64(c["id"].as_str().expect("id"))).collect())
            .unwrap_or_default();
        let credential = self
            .credentials
            .iter()
            .find(|c| c.rp_id == rp_id && (allowed.is_empty() || allowed.contains(&c.id)))
            .expect("a credential for these options");
        self.assert_with(credential, options["challenge"].as_str().expect("a challenge"))
    }

    /// An assertion by `credential` for `challenge`.
    pub fn assert_with(&self, credential: &StoredCredential, challenge: &str) -> Value {
        let rp_id = self.rp_id_override.clone().unwrap_or_else(|| credential.rp_id.clone());
        let client_data = self.client_data("webauthn.get", challenge);
        let mut auth_data = Sha256::digest(rp_id.as_bytes()).to_vec();
        auth_data.push(self.flags());
        auth_data.extend_from_slice(&0u32.to_be_bytes());
        let mut signed = auth_data.clone();
        signed.extend_from_slice(&Sha256::digest(&client_data));
        let signature: DerSignature = credential.key.sign(&signed);
        json!({
            "id": b64(&credential.id),
            "rawId": b64(&credential.id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": b64(&client_data),
                "authenticatorData": b64(&auth_data),
                "signature": b64(signature.as_bytes()),
                "userHandle": b64(&credential.user_handle),
            },
            "clientExtensionResults": {},
        })
    }
}
