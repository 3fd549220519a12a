//! OpenID Connect relying party: discovery (cached an hour), the issuer's JWKS (cached, fetched
//! again on an unknown `kid` at most once a minute) and id_token verification — signature,
//! `iss`, `aud`, `azp`, `exp`, `iat`, `nonce`, and an algorithm allow-list (never `none`, never
//! an HMAC, whose key would be the client secret).

use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, Instant},
};

use jsonwebtoken::{Algorithm, DecodingKey, Validation, jwk::JwkSet};
use serde::Deserialize;
use subtle::ConstantTimeEq;
use tokio::sync::Mutex;

use super::{
    Failure, Identity,
    outbound::{self, Outbound},
};

/// How long discovery is trusted.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// How long the keys are trusted without an unknown `kid` turning up.
const JWKS_TTL: Duration = Duration::from_secs(3600);
/// The least time between two fetches of the keys.
const JWKS_REFETCH_INTERVAL: Duration = Duration::from_secs(60);
/// Clock skew tolerated on `exp` and `iat`.
const LEEWAY_SECS: u64 = 60;

/// The only signature algorithms accepted.
const ALLOWED: [Algorithm; 7] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

/// What discovery says (the parts used).
#[derive(Clone, Debug, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    #[serde(default)]
    pub token_endpoint_auth_methods_supported: Option<Vec<String>>,
}

impl Discovery {
    /// Whether the token endpoint wants the client secret in the body rather than Basic auth.
    pub fn wants_secret_in_body(&self) -> bool {
        self.token_endpoint_auth_methods_supported
            .as_ref()
            .is_some_and(|methods| {
                methods.iter().any(|m| m == "client_secret_post") && !methods.iter().any(|m| m == "client_secret_basic")
            })
    }
}

/// The claims read from an id_token (or the userinfo answer).
#[derive(Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub email_verified: Option<serde_json::Value>,
    #[serde(default)]
    pub given_name: Option<String>,
    #[serde(default)]
    pub family_name: Option<String>,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub azp: Option<String>,
    #[serde(default)]
    pub iat: Option<i64>,
}

impl Claims {
    /// `email_verified` as a bool: `true` or `"true"`; absent is `None`.
    pub fn verified(&self) -> Option<bool> {
        match &self.email_verified {
            Some(serde_json::Value::Bool(b)) => Some(*b),
            Some(serde_json::Value::String(s)) => Some(s.eq_ignore_ascii_case("true")),
            Some(_) => Some(false),
            None => None,
        }
    }
}

struct Keys {
    by_kid: HashMap<String, DecodingKey>,
    anonymous: Vec<DecodingKey>,
    fetched_at: Instant,
    /// When an unknown `kid` last made us fetch them.
    refetched_at: Option<Instant>,
}

/// One OIDC issuer's discovery and keys, shared by every request.
pub struct OidcIssuer {
    issuer: String,
    also_issued_by: Vec<String>,
    client_id: String,
    discovery: Mutex<Option<(Arc<Discovery>, Instant)>>,
    keys: Mutex<Option<Keys>>,
}

impl OidcIssuer {
    /// An issuer nothing has been fetched from yet.
    pub fn new(issuer: &str, also_issued_by: Vec<String>, client_id: String) -> Self {
        Self {
            issuer: issuer.trim_end_matches('/').to_string(),
            also_issued_by,
            client_id,
            discovery: Mutex::new(None),
            keys: Mutex::new(None),
        }
    }

    /// The discovery document, fetched when missing or older than an hour. Its `issuer` must
    /// be the configured one (OpenID Connect Discovery §4.3).
    pub async fn discovery(&self, out: &Outbound) -> Result<Arc<Discovery>, Failure> {
        let mut cached = self.discovery.lock().await;
        if let Some((doc, at)) = cached.as_ref()
            && at.elapsed() < DISCOVERY_TTL
        {
            return Ok(doc.clone());
        }
        let url = format!("{}/.well-known/openid-configuration", self.issuer);
        let doc: Discovery = outbound::get_json(out, &url, None).await?;
        if doc.issuer.trim_end_matches('/') != self.issuer {
            tracing::warn!(configured = %self.issuer, discovered = %doc.issuer, "OIDC discovery names another issuer");
            return Err(Failure::ProviderError);
        }
        let doc = Arc::new(doc);
        *cached = Some((doc.clone(), Instant::now()));
        Ok(doc)
    }

    /// Verifies `id_token` and returns its claims. `nonce`: the value the token must carry.
    pub async fn verify(&self, out: &Outbound, id_token: &str, nonce: Option<&str>) -> Result<Claims, Failure> {
        let header = jsonwebtoken::decode_header(id_token).map_err(|_| Failure::InvalidIdToken)?;
        if !ALLOWED.contains(&header.alg) {
            tracing::info!(alg = ?header.alg, "id_token with a refused algorithm");
            return Err(Failure::InvalidIdToken);
        }
        let key = self.key(out, header.kid.as_deref()).await?;
        let mut validation = Validation::new(header.alg);
        let mut issuers = vec![self.issuer.clone()];
        issuers.extend(self.also_issued_by.iter().cloned());
        validation.set_issuer(&issuers);
        validation.set_audience(&[&self.client_id]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECS;
        let claims = jsonwebtoken::decode::<Claims>(id_token, &key, &validation)
            .map_err(|e| {
                tracing::info!(error = %e, "id_token refused");
                Failure::InvalidIdToken
            })?
            .claims;
        if claims.azp.as_deref().is_some_and(|azp| azp != self.client_id) {
            return Err(Failure::InvalidIdToken);
        }
        let now = chrono::Utc::now().timestamp();
        if claims.iat.is_some_and(|iat| iat > now + LEEWAY_SECS as i64) {
            return Err(Failure::InvalidIdToken);
        }
        if let Some(expected) = nonce {
            let carried = claims.nonce.as_deref().unwrap_or_default();
            if !bool::from(carried.as_bytes().ct_eq(expected.as_bytes())) {
                return Err(Failure::InvalidIdToken);
            }
        }
        Ok(claims)
    }

    /// The key for `kid`. The keys are fetched when missing or an hour old, and again when a
    /// `kid` is unknown (the issuer rotated) — that at most once a minute, so tokens with made-up
    /// key ids cannot turn Gatehouse against the issuer.
    async fn key(&self, out: &Outbound, kid: Option<&str>) -> Result<DecodingKey, Failure> {
        let mut keys = self.keys.lock().await;
        let stale = keys.as_ref().is_none_or(|k| k.fetched_at.elapsed() > JWKS_TTL);
        if !stale && let Some(key) = keys.as_ref().and_then(|k| pick(k, kid)) {
            return Ok(key);
        }
        let refetch_allowed = |k: &Keys| k.refetched_at.is_none_or(|at| at.elapsed() >= JWKS_REFETCH_INTERVAL);
        let may_fetch = keys.as_ref().is_none_or(|k| stale || refetch_allowed(k));
        if may_fetch {
            let refetched_at = match keys.as_ref() {
                Some(_) if !stale => Some(Instant::now()),
                Some(k) => k.refetched_at,
                None => None,
            };
            let discovery = self.discovery(out).await?;
            let set: JwkSet = outbound::get_json(out, &discovery.jwks_uri, None).await?;
            *keys = Some(parse_keys(&set, refetched_at));
        }
        keys.as_ref().and_then(|k| pick(k, kid)).ok_or_else(|| {
            tracing::info!(kid, "id_token signed with an unknown key");
            Failure::InvalidIdToken
        })
    }
}

fn pick(keys: &Keys, kid: Option<&str>) -> Option<DecodingKey> {
    match kid {
        Some(kid) => keys.by_kid.get(kid).cloned(),
        // Without a `kid` only an unambiguous key set will do.
        None if keys.by_kid.len() + keys.anonymous.len() == 1 => {
            keys.by_kid.values().chain(keys.anonymous.iter()).next().cloned()
        }
        None => None,
    }
}

fn parse_keys(set: &JwkSet, refetched_at: Option<Instant>) -> Keys {
    let mut by_kid = HashMap::new();
    let mut anonymous = Vec::new();
    for jwk in &set.keys {
        // Encryption keys and symmetric keys never verify a signature here.
        if jwk
            .common
            .public_key_use
            .as_ref()
            .is_some_and(|u| *u != jsonwebtoken::jwk::PublicKeyUse::Signature)
        {
            continue;
        }
        if matches!(jwk.algorithm, jsonwebtoken::jwk::AlgorithmParameters::OctetKey(_)) {
            continue;
        }
        let Ok(key) = DecodingKey::from_jwk(jwk) else {
            continue;
        };
        match &jwk.common.key_id {
            Some(kid) => {
                by_kid.insert(kid.clone(), key);
            }
            None => anonymous.push(key),
        }
    }
    Keys {
        by_kid,
        anonymous,
        fetched_at: Instant::now(),
        refetched_at,
    }
}

/// The identity an OIDC issuer vouches for.
pub fn identity(issuer: &str, claims: Claims, trust_email: bool) -> Identity {
    let email_verified = claims.verified().unwrap_or(trust_email);
    Identity {
        issuer: issuer.to_string(),
        subject: claims.sub,
        email: claims.email,
        email_verified,
        first_name: claims.given_name,
        last_name: claims.family_name,
    }
}
