//! The fake's HTTP endpoints.

use axum::{
    Form, Json,
    extract::{Query, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{
    CLIENT_ID, CLIENT_SECRET, EC, FakeUser, Grant, Inner, RSA1, RSA2, Shared,
    keys::{jwk, rsa_kid, sign_id_token},
};

fn lock(state: &Shared) -> std::sync::MutexGuard<'_, Inner> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

pub(super) async fn discovery(State(state): State<Shared>) -> Json<Value> {
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
pub(super) struct AuthorizeParams {
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

pub(super) async fn authorize(State(state): State<Shared>, Query(p): Query<AuthorizeParams>) -> Response {
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
pub(super) struct TokenParams {
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

pub(super) async fn token(State(state): State<Shared>, headers: HeaderMap, Form(p): Form<TokenParams>) -> Response {
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
pub(super) async fn token_elsewhere(
    State(state): State<Shared>,
    headers: HeaderMap,
    form: Form<TokenParams>,
) -> Response {
    lock(&state).knobs.token_redirect = false;
    token(State(state), headers, form).await
}

pub(super) async fn jwks(State(state): State<Shared>) -> Json<Value> {
    let mut inner = lock(&state);
    inner.jwks_fetches += 1;
    let rsa = if inner.rotated { RSA2 } else { RSA1 };
    Json(json!({ "keys": [jwk(rsa, false, rsa_kid(inner.rotated)), jwk(EC, true, "ec-1")] }))
}

fn bearer_user(state: &Shared, headers: &HeaderMap) -> Option<FakeUser> {
    let token = headers.get("authorization")?.to_str().ok()?.strip_prefix("Bearer ")?;
    lock(state).access_tokens.get(token).cloned()
}

pub(super) async fn userinfo(State(state): State<Shared>, headers: HeaderMap) -> Response {
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

pub(super) async fn github_user(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let Some(user) = bearer_user(&state, &headers) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let name = format!("{} {}", user.given_name, user.family_name);
    Json(json!({ "id": user.github_id, "login": user.sub, "name": name })).into_response()
}

pub(super) async fn github_emails(State(state): State<Shared>, headers: HeaderMap) -> Response {
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
pub(super) struct MeParams {
    appsecret_proof: String,
}

pub(super) async fn facebook_me(
    State(state): State<Shared>,
    headers: HeaderMap,
    Query(p): Query<MeParams>,
) -> Response {
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
