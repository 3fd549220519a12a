//! A fake identity provider, a real HTTP server on port 0: OpenID Connect (discovery,
//! authorize that approves at once, token with PKCE and client authentication, JWKS with an RS256
//! and an ES256 key and a key rotation, userinfo), GitHub (`/login/oauth/*`, `/api/user`,
//! `/api/user/emails`) and Facebook (`/fb/v19.0/dialog/oauth`, `/graph/v19.0/oauth/access_token`,
//! `/graph/v19.0/me` checking `appsecret_proof`), with a knob for each failure.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{
    Form, Json, Router,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, KeyInit, Mac};
use jsonwebtoken::{Algorithm, EncodingKey, Header, jwk::Jwk};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use gatehouse::config::{ProviderKind, ProviderSettings, Redacted};

/// The client id the fake knows Gatehouse by.
pub const CLIENT_ID: &str = "gatehouse-test-client";
/// Its client secret.
pub const CLIENT_SECRET: &str = "fake-idp-client-secret-0123456789";

const RSA1: &[u8] = include_bytes!("../fixtures/idp_rsa1.der");
const RSA2: &[u8] = include_bytes!("../fixtures/idp_rsa2.der");
const EC: &[u8] = include_bytes!("../fixtures/idp_ec.der");

/// Someone at the provider.
#[derive(Clone, Debug)]
pub struct FakeUser {
    pub sub: String,
    /// GitHub's numeric id.
    pub github_id: i64,
    pub email: Option<String>,
    /// `email_verified` (OIDC), GitHub's `verified`; `None` leaves the claim out.
    pub email_verified: Option<bool>,
    pub given_name: String,
    pub family_name: String,
}

impl FakeUser {
    /// A new person with a verified address.
    pub fn verified(email: &str) -> Self {
        let id = Uuid::new_v4();
        Self {
            sub: format!("sub-{}", id.simple()),
            github_id: (id.as_u128() % 1_000_000_000) as i64 + 1,
            email: Some(email.to_string()),
            email_verified: Some(true),
            given_name: "Ada".into(),
            family_name: "Lovelace".into(),
        }
    }

    /// The same, with an address the provider did not verify.
    pub fn unverified(email: &str) -> Self {
        Self {
            email_verified: Some(false),
            ..Self::verified(email)
        }
    }
}

/// How the next id_tokens are spoiled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tweak {
    #[default]
    None,
    WrongIssuer,
    WrongAudience,
    WrongAzp,
    WrongNonce,
    Expired,
    IssuedInTheFuture,
    /// Signed with a key the JWKS never publishes.
    UnknownKey,
    AlgNone,
    /// HS256 with the client secret as the key.
    Hs256,
}

/// What the fake does wrong, and how it signs.
#[derive(Clone, Debug, Default)]
pub struct Knobs {
    /// Authorize answers `error=access_denied`.
    pub deny: bool,
    /// The token endpoint answers this status (with an OAuth error body).
    pub token_status: Option<u16>,
    /// The token endpoint waits this long first.
    pub token_delay: Option<Duration>,
    /// The token endpoint answers a body this many bytes long.
    pub token_body_bytes: Option<usize>,
    /// The token endpoint answers `307` to itself at another path (that would work).
    pub token_redirect: bool,
    pub tweak: Tweak,
    /// Sign with the EC key (ES256) instead of RSA.
    pub es256: bool,
    /// Leave the address out of the id_token (userinfo has it).
    pub email_only_in_userinfo: bool,
}

struct Grant {
    redirect_uri: String,
    nonce: Option<String>,
    challenge: String,
    user: FakeUser,
    openid: bool,
}

struct Inner {
    issuer: String,
    knobs: Knobs,
    user: FakeUser,
    codes: HashMap<String, Grant>,
    access_tokens: HashMap<String, FakeUser>,
    rotated: bool,
    jwks_fetches: u32,
    token_calls: u32,
}

/// The running fake provider.
#[derive(Clone)]
pub struct FakeIdp {
    /// `http://127.0.0.1:PORT`: the OIDC issuer.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

type Shared = Arc<Mutex<Inner>>;

impl FakeIdp {
    /// Starts the provider; it serves until the test process ends.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake IdP");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let inner = Arc::new(Mutex::new(Inner {
            issuer: url.clone(),
            knobs: Knobs::default(),
            user: FakeUser::verified("nobody@idp.test"),
            codes: HashMap::new(),
            access_tokens: HashMap::new(),
            rotated: false,
            jwks_fetches: 0,
            token_calls: 0,
        }));
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/authorize", get(authorize))
            .route("/token", axum::routing::post(token))
            .route("/token-elsewhere", axum::routing::post(token_elsewhere))
            .route("/jwks", get(jwks))
            .route("/userinfo", get(userinfo))
            .route("/login/oauth/authorize", get(authorize))
            .route("/login/oauth/access_token", axum::routing::post(token))
            .route("/api/user", get(github_user))
            .route("/api/user/emails", get(github_emails))
            .route("/fb/v19.0/dialog/oauth", get(authorize))
            .route("/graph/v19.0/oauth/access_token", axum::routing::post(token))
            .route("/graph/v19.0/me", get(facebook_me))
            .with_state(inner.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        Self { url, inner }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Who the next authorize signs in.
    pub fn sign_in_as(&self, user: &FakeUser) {
        self.lock().user = user.clone();
    }

    /// Changes the knobs.
    pub fn set(&self, change: impl FnOnce(&mut Knobs)) {
        change(&mut self.lock().knobs);
    }

    /// Publishes the second RSA key instead of the first and signs with it.
    pub fn rotate_keys(&self) {
        self.lock().rotated = true;
    }

    /// How often the JWKS was fetched.
    pub fn jwks_fetches(&self) -> u32 {
        self.lock().jwks_fetches
    }

    /// How often the token endpoint was called.
    pub fn token_calls(&self) -> u32 {
        self.lock().token_calls
    }

    /// An id_token for `user` carrying `nonce`, as a frontend SDK would get it (knobs apply).
    pub fn id_token(&self, user: &FakeUser, nonce: &str) -> String {
        let inner = self.lock();
        sign_id_token(&inner, user, Some(nonce), false)
    }

    /// Gatehouse's settings for this fake as the OIDC provider `id`.
    pub fn oidc_provider(&self, id: &str) -> ProviderSettings {
        self.provider(
            id,
            ProviderKind::Oidc {
                issuer: self.url.parse().expect("issuer URL"),
                also_issued_by: Vec::new(),
            },
            &["openid", "email", "profile"],
        )
    }

    /// Gatehouse's settings for this fake as GitHub.
    pub fn github_provider(&self) -> ProviderSettings {
        let kind = ProviderKind::GitHub {
            web: self.url.parse().expect("URL"),
            api: format!("{}/api", self.url).parse().expect("URL"),
        };
        self.provider("github", kind, &["read:user", "user:email"])
    }

    /// Gatehouse's settings for this fake as Facebook.
    pub fn facebook_provider(&self, trust_email: bool) -> ProviderSettings {
        let kind = ProviderKind::Facebook {
            web: format!("{}/fb", self.url).parse().expect("URL"),
            graph: format!("{}/graph", self.url).parse().expect("URL"),
        };
        ProviderSettings {
            trust_email,
            ..self.provider("facebook", kind, &["email"])
        }
    }

    fn provider(&self, id: &str, kind: ProviderKind, scopes: &[&str]) -> ProviderSettings {
        ProviderSettings {
            id: id.to_string(),
            name: id.to_string(),
            kind,
            client_id: CLIENT_ID.into(),
            client_secret: Redacted(CLIENT_SECRET.into()),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            trust_email: false,
        }
    }
}

fn rsa_kid(rotated: bool) -> &'static str {
    if rotated { "rsa-2" } else { "rsa-1" }
}

fn jwk(der: &[u8], ec: bool, kid: &str) -> Value {
    let (key, alg) = if ec {
        (EncodingKey::from_ec_der(der), Algorithm::ES256)
    } else {
        (EncodingKey::from_rsa_der(der), Algorithm::RS256)
    };
    let mut jwk = Jwk::from_encoding_key(&key, alg).expect("a JWK from the fixture key");
    jwk.common.key_id = Some(kid.to_string());
    serde_json::to_value(jwk).expect("JWK as JSON")
}

fn sign_id_token(inner: &Inner, user: &FakeUser, nonce: Option<&str>, from_code: bool) -> String {
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

fn lock(state: &Shared) -> std::sync::MutexGuard<'_, Inner> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

async fn discovery(State(state): State<Shared>) -> Json<Value> {
    let issuer = lock(&state).issuer.clone();
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "userinfo_endpoint": format!("{issuer}/userinfo"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
    }))
}

#[derive(Deserialize)]
struct AuthorizeParams {
    response_type: String,
    client_id: String,
    redirect_uri: String,
    state: String,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(default)]
    code_challenge: Option<String>,
    #[serde(default)]
    code_challenge_method: Option<String>,
    #[serde(default)]
    scope: Option<String>,
}

async fn authorize(State(state): State<Shared>, Query(p): Query<AuthorizeParams>) -> Response {
    let mut inner = lock(&state);
    let mut back = url::Url::parse(&p.redirect_uri).expect("redirect_uri is a URL");
    let problem = if p.response_type != "code" || p.client_id != CLIENT_ID {
        Some("unauthorized_client")
    } else if p.code_challenge.is_none() || p.code_challenge_method.as_deref() != Some("S256") {
        Some("invalid_request")
    } else if inner.knobs.deny {
        Some("access_denied")
    } else {
        None
    };
    if let Some(error) = problem {
        back.query_pairs_mut()
            .append_pair("error", error)
            .append_pair("state", &p.state);
        return Redirect::to(back.as_str()).into_response();
    }
    let code = format!("code-{}", Uuid::new_v4().simple());
    let grant = Grant {
        redirect_uri: p.redirect_uri.clone(),
        nonce: p.nonce,
        challenge: p.code_challenge.unwrap_or_default(),
        user: inner.user.clone(),
        openid: p.scope.unwrap_or_default().split(' ').any(|s| s == "openid"),
    };
    inner.codes.insert(code.clone(), grant);
    back.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &p.state);
    Redirect::to(back.as_str()).into_response()
}

#[derive(Deserialize)]
struct TokenParams {
    grant_type: String,
    code: String,
    redirect_uri: String,
    #[serde(default)]
    code_verifier: Option<String>,
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default)]
    client_secret: Option<String>,
}

fn oauth_error(status: StatusCode, error: &str) -> Response {
    (status, Json(json!({ "error": error }))).into_response()
}

/// Client authentication: HTTP Basic or the form's `client_id` + `client_secret`.
fn client_authenticated(headers: &HeaderMap, p: &TokenParams) -> bool {
    let basic = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok());
    let expected = format!("{CLIENT_ID}:{CLIENT_SECRET}");
    basic.as_deref() == Some(expected.as_str())
        || (p.client_id.as_deref() == Some(CLIENT_ID) && p.client_secret.as_deref() == Some(CLIENT_SECRET))
}

async fn token(State(state): State<Shared>, headers: HeaderMap, Form(p): Form<TokenParams>) -> Response {
    let (delay, status, body_bytes, redirect) = {
        let mut inner = lock(&state);
        inner.token_calls += 1;
        let k = &inner.knobs;
        (k.token_delay, k.token_status, k.token_body_bytes, k.token_redirect)
    };
    if redirect {
        return Redirect::temporary("/token-elsewhere").into_response();
    }
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    if let Some(status) = status {
        let status = StatusCode::from_u16(status).expect("a status");
        return oauth_error(status, "server_error");
    }
    if let Some(n) = body_bytes {
        return (StatusCode::OK, "x".repeat(n)).into_response();
    }
    if !client_authenticated(&headers, &p) {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
    }
    let mut inner = lock(&state);
    let Some(grant) = inner.codes.remove(&p.code) else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    };
    let verifier = p.code_verifier.unwrap_or_default();
    let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    if p.grant_type != "authorization_code" || grant.redirect_uri != p.redirect_uri || computed != grant.challenge {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    }
    let access_token = format!("at-{}", Uuid::new_v4().simple());
    inner.access_tokens.insert(access_token.clone(), grant.user.clone());
    let mut body = json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": 3600,
    });
    if grant.openid {
        body["id_token"] = json!(sign_id_token(&inner, &grant.user, grant.nonce.as_deref(), true));
    }
    Json(body).into_response()
}

/// Where a redirected token request would land: the real token endpoint without the knob.
async fn token_elsewhere(State(state): State<Shared>, headers: HeaderMap, form: Form<TokenParams>) -> Response {
    lock(&state).knobs.token_redirect = false;
    token(State(state), headers, form).await
}

async fn jwks(State(state): State<Shared>) -> Json<Value> {
    let mut inner = lock(&state);
    inner.jwks_fetches += 1;
    let rsa = if inner.rotated { RSA2 } else { RSA1 };
    Json(json!({ "keys": [jwk(rsa, false, rsa_kid(inner.rotated)), jwk(EC, true, "ec-1")] }))
}

fn bearer_user(state: &Shared, headers: &HeaderMap) -> Option<FakeUser> {
    let token = headers.get("authorization")?.to_str().ok()?.strip_prefix("Bearer ")?;
    lock(state).access_tokens.get(token).cloned()
}

async fn userinfo(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let Some(user) = bearer_user(&state, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    Json(json!({
        "sub": user.sub,
        "email": user.email,
        "email_verified": user.email_verified,
        "given_name": user.given_name,
        "family_name": user.family_name,
    }))
    .into_response()
}

async fn github_user(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let Some(user) = bearer_user(&state, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let name = format!("{} {}", user.given_name, user.family_name);
    Json(json!({ "id": user.github_id, "login": user.sub, "name": name })).into_response()
}

async fn github_emails(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let Some(user) = bearer_user(&state, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let mut emails = vec![json!({ "email": "secondary@idp.test", "primary": false, "verified": true })];
    if let Some(email) = &user.email {
        emails.push(json!({ "email": email, "primary": true, "verified": user.email_verified.unwrap_or(false) }));
    }
    Json(Value::Array(emails)).into_response()
}

#[derive(Deserialize)]
struct MeParams {
    appsecret_proof: String,
}

async fn facebook_me(State(state): State<Shared>, headers: HeaderMap, Query(p): Query<MeParams>) -> Response {
    let Some(user) = bearer_user(&state, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(CLIENT_SECRET.as_bytes()).expect("HMAC key");
    mac.update(token.as_bytes());
    let proof: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    if proof != p.appsecret_proof {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid appsecret_proof");
    }
    Json(json!({
        "id": user.sub,
        "email": user.email,
        "first_name": user.given_name,
        "last_name": user.family_name,
    }))
    .into_response()
}
