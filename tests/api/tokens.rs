//! Access tokens (EdDSA JWTs) and the key set that verifies them.

use std::time::Duration;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use gatehouse_tests::{
    Client, TestApp, assert_problem, authorized_client, encode_segment, foreign_signing_key, header, jwt_claims,
    jwt_header, sign_eddsa, spawn_app, spawn_app_with, types::Jwk,
};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Validation};
use serde_json::{Value, json};
use uuid::Uuid;

/// An app, a logged-in user's access token, and the JWK that signed it.
async fn app_with_token() -> (TestApp, String, Jwk) {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let jwk = signing_jwk(&app.client, &tokens.access_token).await;
    (app, tokens.access_token, jwk)
}

async fn signing_jwk(client: &Client, token: &str) -> Jwk {
    let kid = jwt_header(token)["kid"]
        .as_str()
        .expect("the token names its key")
        .to_owned();
    let jwks = client.get_jwks().await.expect("the key set is served").into_inner();
    jwks.keys
        .into_iter()
        .find(|k| k.kid == kid)
        .expect("the token's kid is in the key set")
}

/// GET /users/me with `token` must be refused with `code` and a Bearer challenge.
async fn assert_refused(app: &TestApp, token: &str, code: &str) {
    let response = app.get_me_raw(Some(token)).await;
    assert!(
        header(response.headers(), "www-authenticate").starts_with("Bearer"),
        "no Bearer challenge"
    );
    assert_problem(response, 401, code).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_token_is_an_eddsa_jwt_with_the_documented_claims() {
    let app = spawn_app().await;
    let user = gatehouse_tests::TestUser::generate();
    app.register(&user).await;
    let tokens = app.login(&user).await;
    let account_id = app.user_id(&user.email).await;

    let (head, claims) = (jwt_header(&tokens.access_token), jwt_claims(&tokens.access_token));

    assert_eq!(head["alg"], "EdDSA");
    assert!(head["kid"].as_str().is_some_and(|k| !k.is_empty()), "{head}");
    assert_eq!(claims["iss"], "gatehouse");
    assert!(
        claims["aud"] == "gatehouse" || claims["aud"] == json!(["gatehouse"]),
        "{claims}"
    );
    assert_eq!(claims["sub"], account_id.to_string());
    for uuid_claim in ["sid", "jti"] {
        let value = claims[uuid_claim].as_str().unwrap_or_default();
        assert!(!value.is_empty(), "{uuid_claim} is missing: {claims}");
    }
    let (iat, exp) = (
        claims["iat"].as_i64().expect("iat"),
        claims["exp"].as_i64().expect("exp"),
    );
    assert_eq!(exp - iat, tokens.expires_in);
    assert!((chrono::Utc::now().timestamp() - iat).abs() < 60);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_tokens_verify_offline_against_the_published_key_set() {
    // Arrange
    let (app, token, jwk) = app_with_token().await;

    // Act: what any other service does with the token.
    let key = DecodingKey::from_ed_components(&jwk.x).expect("the JWK is an Ed25519 key");
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_audience(&["gatehouse"]);
    validation.set_issuer(&["gatehouse"]);
    let verified = jsonwebtoken::decode::<Value>(&token, &key, &validation).expect("the token verifies");

    // Assert
    assert_eq!((jwk.kty.as_str(), jwk.crv.as_str()), ("OKP", "Ed25519"));
    assert_eq!((jwk.alg.as_str(), jwk.use_.as_str()), ("EdDSA", "sig"));
    assert_eq!(URL_SAFE_NO_PAD.decode(&jwk.x).expect("x is base64url").len(), 32);
    assert_eq!(verified.claims["sub"], jwt_claims(&token)["sub"]);
    let response = app
        .http
        .get(app.url("/.well-known/jwks.json"))
        .send()
        .await
        .expect("answered");
    assert!(header(response.headers(), "content-type").starts_with("application/json"));
    let body: Value = response.json().await.expect("JSON");
    assert!(
        body["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .all(|k| k.get("d").is_none()),
        "private parts leak"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_keys_persist_and_are_shared_by_every_instance() {
    let (app, token, jwk) = app_with_token().await;

    let second = app.spawn_another_instance().await;
    let second_jwks = Client::new(&second)
        .get_jwks()
        .await
        .expect("the key set is served")
        .into_inner();

    assert!(
        second_jwks.keys.iter().any(|k| k.kid == jwk.kid && k.x == jwk.x),
        "{second_jwks:?}"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM signing_keys").await,
        1,
        "no second key was minted"
    );
    let me = authorized_client(&second, &token).get_me().await;
    me.expect("a token from one instance is accepted by the other");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_without_a_token_is_unauthorized() {
    let app = spawn_app().await;

    let response = app.get_me_raw(None).await;

    assert!(header(response.headers(), "www-authenticate").starts_with("Bearer"));
    assert_problem(response, 401, "unauthorized").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_tokens_are_unauthorized() {
    let app = spawn_app().await;

    for token in ["garbage", "a.b.c", "eyJhbGciOiJFZERTQSJ9.e30.", "Bearer"] {
        assert_refused(&app, token, "unauthorized").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_in_another_authorization_scheme_is_unauthorized() {
    let (app, token, _) = app_with_token().await;

    for authorization in [format!("Token {token}"), format!("Basic {token}"), token] {
        let response = app
            .http
            .get(app.url("/api/v1/users/me"))
            .header("authorization", authorization)
            .send()
            .await
            .expect("answered");
        assert_problem(response, 401, "unauthorized").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unsigned_alg_none_token_is_unauthorized() {
    let (app, token, _) = app_with_token().await;
    let claims = jwt_claims(&token);

    for alg in ["none", "None", "NONE"] {
        let forged = format!(
            "{}.{}.",
            encode_segment(&json!({ "alg": alg, "typ": "JWT" })),
            encode_segment(&claims)
        );
        assert_refused(&app, &forged, "unauthorized").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_hs256_token_keyed_with_the_public_key_is_unauthorized() {
    // The classic algorithm confusion: use the published public key as an HMAC secret.
    let (app, token, jwk) = app_with_token().await;
    let claims = jwt_claims(&token);
    let mut head = jsonwebtoken::Header::new(Algorithm::HS256);
    head.kid = Some(jwk.kid.clone());
    let raw_key = URL_SAFE_NO_PAD.decode(&jwk.x).expect("x is base64url");

    for secret in [raw_key.as_slice(), jwk.x.as_bytes()] {
        let forged = jsonwebtoken::encode(&head, &claims, &EncodingKey::from_secret(secret)).expect("HS256 signs");
        assert_refused(&app, &forged, "unauthorized").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_signed_by_an_unknown_key_is_unauthorized() {
    let (app, token, jwk) = app_with_token().await;
    let claims = jwt_claims(&token);
    let key = foreign_signing_key();

    let unknown_kid = json!({ "alg": "EdDSA", "typ": "JWT", "kid": Uuid::new_v4().to_string() });
    let no_kid = json!({ "alg": "EdDSA", "typ": "JWT" });
    let known_kid = json!({ "alg": "EdDSA", "typ": "JWT", "kid": jwk.kid });
    for head in [unknown_kid, no_kid, known_kid] {
        assert_refused(&app, &sign_eddsa(&head, &claims, &key), "unauthorized").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tampered_payload_is_unauthorized() {
    let (app, token, _) = app_with_token().await;
    let (_, other) = app.logged_in_user().await;
    let parts: Vec<&str> = token.split('.').collect();
    // The genuine token was verified (and so remembered) first.
    app.client_with_token(&token)
        .get_me()
        .await
        .expect("the genuine token works");

    // Claim to be the other user, keeping the original signature.
    let mut claims = jwt_claims(&token);
    claims["sub"] = jwt_claims(&other.access_token)["sub"].clone();
    let forged = format!("{}.{}.{}", parts[0], encode_segment(&claims), parts[2]);
    assert_refused(&app, &forged, "unauthorized").await;

    // Stretch the expiry, keeping the original signature.
    let mut claims = jwt_claims(&token);
    claims["exp"] = json!(claims["exp"].as_i64().expect("exp") + 86_400);
    let forged = format!("{}.{}.{}", parts[0], encode_segment(&claims), parts[2]);
    assert_refused(&app, &forged, "unauthorized").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_access_token_is_refused_as_expired() {
    // Arrange
    let app = spawn_app_with(|s| {
        s.access_token_lifetime = Duration::from_secs(1);
        s.jwt_leeway = Duration::ZERO;
    })
    .await;
    let (_, tokens) = app.logged_in_user().await;
    assert_eq!(tokens.expires_in, 1);

    // Act
    tokio::time::sleep(Duration::from_secs(2)).await;

    // Assert
    assert_refused(&app, &tokens.access_token, "token_expired").await;
    // The refresh token still gets a fresh access token.
    let refresh_token = tokens.refresh_token.as_deref().expect("a refresh token");
    let fresh = app
        .refresh(refresh_token)
        .await
        .expect("the refresh succeeds")
        .into_inner();
    app.client_with_token(&fresh.access_token)
        .get_me()
        .await
        .expect("the fresh token works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remembered_token_is_refused_once_expired_and_once_its_session_ends() {
    // Arrange: two tokens, each verified twice (the second time from memory). The short one
    // lives 3 s (whole seconds: at least 2 s left when issued), and is used at once: starting
    // the other app first keeps a slow database creation out of its life.
    let long_app = spawn_app().await;
    let (_, revoked) = long_app.logged_in_user().await;
    let app = spawn_app_with(|s| {
        s.access_token_lifetime = Duration::from_secs(3);
        s.jwt_leeway = Duration::ZERO;
    })
    .await;
    let (_, expiring) = app.logged_in_user().await;
    for _ in 0..2 {
        app.client_with_token(&expiring.access_token)
            .get_me()
            .await
            .expect("fresh");
        long_app
            .client_with_token(&revoked.access_token)
            .get_me()
            .await
            .expect("live");
    }

    // Act
    long_app
        .client_with_token(&revoked.access_token)
        .logout()
        .await
        .expect("logout");
    tokio::time::sleep(Duration::from_secs(4)).await;

    // Assert: memory saves the signature check, never the expiry or the session check.
    assert_refused(&app, &expiring.access_token, "token_expired").await;
    assert_refused(&long_app, &revoked.access_token, "session_revoked").await;
}
