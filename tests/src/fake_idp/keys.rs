//! The fake's signing keys (fixtures) and its id_tokens, spoiled as the knobs say.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header, jwk::Jwk};
use serde_json::{Value, json};

use super::{CLIENT_ID, CLIENT_SECRET, EC, FakeUser, Inner, RSA1, RSA2, Tweak};
pub(super) fn rsa_kid(rotated: bool) -> &'static str {
    if rotated { "rsa-2" } else { "rsa-1" }
}

pub(super) fn jwk(der: &[u8], ec: bool, kid: &str) -> Value {
    let (key, alg) = if ec {
        (EncodingKey::from_ec_der(der), Algorithm::ES256)
    } else {
        (EncodingKey::from_rsa_der(der), Algorithm::RS256)
    };
    let mut jwk = Jwk::from_encoding_key(&key, alg).expect("a JWK from the fixture key");
    jwk.common.key_id = Some(kid.to_string());
    serde_json::to_value(jwk).expect("JWK as JSON")
}

pub(super) fn sign_id_token(inner: &Inner, user: &FakeUser, nonce: Option<&str>, from_code: bool) -> String {
    let knobs = &inner.knobs;
    let now = chrono::Utc::now().timestamp();
    let mut claims = json!({
        "iss": if knobs.tweak == Tweak::WrongIssuer { "https://evil.test" } else { inner.issuer.as_str() },
        "sub": user.sub,
        "aud": if knobs.tweak == Tweak::WrongAudience { "someone-else" } else { CLIENT_ID },
        "iat": if knobs.tweak == Tweak::IssuedInTheFuture { now + 3600 } else { now - 5 },
        "exp": if knobs.tweak == Tweak::Expired { now - 600 } else { now + 600 },
        "given_name": user.given_name,
        "family_name": user.family_name,
    });
    if let Some(nonce) = nonce {
        claims["nonce"] = json!(if knobs.tweak == Tweak::WrongNonce {
            "another-nonce"
        } else {
            nonce
        });
    }
    if knobs.tweak == Tweak::WrongAzp {
        claims["azp"] = json!("someone-else");
    }
    if !(knobs.email_only_in_userinfo && from_code) {
        if let Some(email) = &user.email {
            claims["email"] = json!(email);
        }
        if let Some(verified) = user.email_verified {
            claims["email_verified"] = json!(verified);
        }
    }
    let encode = |alg: Algorithm, kid: &str, key: &EncodingKey| {
        let mut header = Header::new(alg);
        header.kid = Some(kid.to_string());
        jsonwebtoken::encode(&header, &claims, key).expect("sign the id_token")
    };
    match knobs.tweak {
        Tweak::AlgNone => {
            let header = URL_SAFE_NO_PAD.encode(json!({"alg": "none", "typ": "JWT"}).to_string());
            let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
            format!("{header}.{payload}.")
        }
        Tweak::Hs256 => encode(
            Algorithm::HS256,
            rsa_kid(inner.rotated),
            &EncodingKey::from_secret(CLIENT_SECRET.as_bytes()),
        ),
        Tweak::UnknownKey => encode(Algorithm::RS256, "rsa-unpublished", &EncodingKey::from_rsa_der(RSA2)),
        _ if knobs.es256 => encode(Algorithm::ES256, "ec-1", &EncodingKey::from_ec_der(EC)),
        _ => {
            let der = if inner.rotated { RSA2 } else { RSA1 };
            encode(
                Algorithm::RS256,
                rsa_kid(inner.rotated),
                &EncodingKey::from_rsa_der(der),
            )
        }
    }
}
