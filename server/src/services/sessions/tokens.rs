//! Access tokens: short-lived EdDSA JWTs that carry the session id.

use std::{sync::Arc, time::Duration};

use jsonwebtoken::{Algorithm, Header, Validation, errors::ErrorKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    authentication::{AuthMethod, Authentication},
    keys::KeyStore,
    verified_cache::{self, VerifiedTokens},
};
use crate::error::{AppError, AppResult};
use crate::services::runtime_settings::RuntimeSettings;

/// The claims of an access token.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccessClaims {
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// The user id.
    pub sub: Uuid,
    /// The session id; Gatehouse rejects the token once the session is revoked.
    pub sid: Uuid,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
    /// Unique token id.
    pub jti: Uuid,
    /// How the session was authenticated (`pwd`, `otp`, `totp`, `recovery`, `social`).
    #[serde(default)]
    pub amr: Vec<AuthMethod>,
    /// Authenticator assurance level: 2 after a strong second factor.
    #[serde(default = "level_one")]
    pub aal: u8,
    /// The latest authentication (seconds since the epoch).
    #[serde(default)]
    pub auth_time: i64,
}

fn level_one() -> u8 {
    1
}

/// Issues and verifies access tokens.
#[derive(Clone)]
pub struct AccessTokens {
    keys: KeyStore,
    issuer: String,
    audience: String,
    runtime: RuntimeSettings,
    leeway: Duration,
    verified: Arc<VerifiedTokens>,
}

impl AccessTokens {
    /// A token service signing with `keys`.
    pub fn new(keys: KeyStore, issuer: String, audience: String, runtime: RuntimeSettings, leeway: Duration) -> Self {
        super::jwt_crypto::install();
        Self {
            keys,
            issuer,
            audience,
            runtime,
            leeway,
            verified: Arc::default(),
        }
    }

    /// The lifetime of new tokens (a runtime setting).
    pub fn lifetime(&self) -> Duration {
        self.runtime.current().access_token_lifetime
    }

    /// The key store behind the tokens.
    pub fn keys(&self) -> &KeyStore {
        &self.keys
    }

    /// A signed token for this user and session, authenticated as `authentication` says.
    pub fn issue(&self, user_id: Uuid, session_id: Uuid, authentication: &Authentication) -> AppResult<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = AccessClaims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub: user_id,
            sid: session_id,
            iat: now,
            exp: now + self.lifetime().as_secs() as i64,
            jti: Uuid::now_v7(),
            amr: authentication.methods.clone(),
            aal: authentication.aal(),
            auth_time: authentication.time.timestamp(),
        };
        let (kid, key) = self
            .keys
            .signing()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no signing key loaded")))?;
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(kid);
        jsonwebtoken::encode(&header, &claims, &key)
            .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("signing an access token")))
    }

    /// Verifies signature, algorithm, `kid`, issuer, audience and expiry. Only EdDSA is
    /// accepted, whatever the header claims, so `none` and HS/EdDSA confusion fail.
    /// A token verified before is answered from memory (see [`verified_cache`]).
    pub async fn verify(&self, token: &str) -> AppResult<AccessClaims> {
        let digest = verified_cache::digest(token);
        let now = chrono::Utc::now().timestamp();
        let leeway = self.leeway.as_secs() as i64;
        if let Some(claims) = self.verified.get(&digest, now, leeway, |kid| self.keys.knows(kid)) {
            return Ok(claims);
        }
        let header = jsonwebtoken::decode_header(token).map_err(|_| AppError::Unauthorized)?;
        if header.alg != Algorithm::EdDSA {
            return Err(AppError::Unauthorized);
        }
        let kid = header.kid.ok_or(AppError::Unauthorized)?;
        let key = self.keys.verifying(&kid).await.ok_or(AppError::Unauthorized)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.leeway = self.leeway.as_secs();
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        match jsonwebtoken::decode::<AccessClaims>(token, &key, &validation) {
            Ok(data) => {
                self.verified.insert(digest, &data.claims, &kid, now, leeway);
                Ok(data.claims)
            }
            Err(e) if matches!(e.kind(), ErrorKind::ExpiredSignature) => Err(AppError::TokenExpired),
            Err(e) => {
                tracing::debug!(error = %e, "access token rejected");
                Err(AppError::Unauthorized)
            }
        }
    }
}
