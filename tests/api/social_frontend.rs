//! Social sign-in, the frontend-driven flow: a code the frontend got itself, or an id_token
//! with its nonce (One Tap, native SDKs).

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use reqwest::redirect::Policy;
use sha2::{Digest, Sha256};

use gatehouse_tests::{
    FRONTEND_URL, expect_problem,
    fake_idp::{CLIENT_ID, FakeIdp, FakeUser, Tweak},
    social_support::{accounts_with, location, me, social_app},
    types,
};

fn id_token_request(id_token: &str, nonce: &str) -> types::SocialTokenRequest {
    types::SocialTokenRequest {
        id_token: Some(id_token.try_into().unwrap()),
        nonce: Some(nonce.try_into().unwrap()),
        ..Default::default()
    }
}

/// Runs the provider's authorize step as a frontend would, for `redirect_uri`: the code.
async fn frontend_code(idp: &FakeIdp, redirect_uri: &str, verifier: &str, scope: &str) -> String {
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let mut url = url::Url::parse(&format!("{}/authorize", idp.url)).unwrap();
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", CLIENT_ID)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", "frontend-state")
        .append_pair("scope", scope)
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256");
    let http = reqwest::Client::builder().redirect(Policy::none()).build().unwrap();
    let response = http.get(url).send().await.unwrap();
    let back = url::Url::parse(&location(&response)).unwrap();
    back.query_pairs()
        .find(|(k, _)| k == "code")
        .expect("a code")
        .1
        .into_owned()
}

#[tokio::test]
async fn a_code_the_frontend_got_signs_in() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let redirect_uri = format!("{FRONTEND_URL}/auth/github");
    let verifier = "frontend-verifier-0123456789-0123456789-0123456789";
    idp.sign_in_as(&FakeUser::verified("front@example.com"));

    let code = frontend_code(&idp, &redirect_uri, verifier, "read:user user:email").await;
    let body = types::SocialTokenRequest {
        code: Some(code.as_str().try_into().unwrap()),
        redirect_uri: Some(redirect_uri.as_str().try_into().unwrap()),
        code_verifier: Some(verifier.try_into().unwrap()),
        ..Default::default()
    };
    let tokens = app
        .client
        .social_token_login(&"github".try_into().unwrap(), &body)
        .await
        .expect("signed in")
        .into_inner();
    assert_eq!(me(&app, &tokens).await.email, "front@example.com");
    // The provider spends its codes: the same body again is the provider's refusal.
    expect_problem(
        app.client
            .social_token_login(&"github".try_into().unwrap(), &body)
            .await,
        400,
        "social_login_failed",
    );

    let evil = types::SocialTokenRequest {
        redirect_uri: Some("https://evil.test/cb".try_into().unwrap()),
        ..body.clone()
    };
    expect_problem(
        app.client
            .social_token_login(&"github".try_into().unwrap(), &evil)
            .await,
        400,
        "redirect_not_allowed",
    );
    let neither = types::SocialTokenRequest::default();
    expect_problem(
        app.client
            .social_token_login(&"github".try_into().unwrap(), &neither)
            .await,
        422,
        "validation_failed",
    );
    let both = types::SocialTokenRequest {
        id_token: Some("x".try_into().unwrap()),
        nonce: Some("n".try_into().unwrap()),
        ..body
    };
    expect_problem(
        app.client
            .social_token_login(&"github".try_into().unwrap(), &both)
            .await,
        422,
        "validation_failed",
    );
}

#[tokio::test]
async fn an_id_token_with_its_nonce_signs_in_once() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let person = FakeUser::verified("onetap@example.com");
    let token = idp.id_token(&person, "nonce-1");

    let tokens = app
        .client
        .social_token_login(&"acme".try_into().unwrap(), &id_token_request(&token, "nonce-1"))
        .await
        .expect("signed in")
        .into_inner();
    assert!(me(&app, &tokens).await.email_verified);
    // Replayed: the nonce is spent.
    let replay = app
        .client
        .social_token_login(&"acme".try_into().unwrap(), &id_token_request(&token, "nonce-1"))
        .await;
    expect_problem(replay, 400, "social_login_failed");
    // Another nonce than the token's.
    let other = idp.id_token(&person, "nonce-2");
    let refused = app
        .client
        .social_token_login(&"acme".try_into().unwrap(), &id_token_request(&other, "nonce-3"))
        .await;
    expect_problem(refused, 400, "social_login_failed");
    // GitHub has no id_tokens.
    let refused = app
        .client
        .social_token_login(&"github".try_into().unwrap(), &id_token_request(&other, "nonce-2"))
        .await;
    expect_problem(refused, 400, "social_login_failed");

    for tweak in [Tweak::AlgNone, Tweak::Hs256, Tweak::WrongAudience, Tweak::Expired] {
        idp.set(|k| k.tweak = tweak);
        let stranger = FakeUser::verified("stranger@example.com");
        let nonce = format!("nonce-{tweak:?}");
        let forged = idp.id_token(&stranger, &nonce);
        let refused = app
            .client
            .social_token_login(&"acme".try_into().unwrap(), &id_token_request(&forged, &nonce))
            .await;
        expect_problem(refused, 400, "social_login_failed");
    }
    assert_eq!(accounts_with(&app, "stranger@example.com").await, 0);
}

#[tokio::test]
async fn a_provider_that_does_not_answer_is_a_fast_503() {
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    idp.set(|k| k.token_status = Some(502));
    let body = types::SocialTokenRequest {
        code: Some("any".try_into().unwrap()),
        redirect_uri: Some(format!("{FRONTEND_URL}/cb").as_str().try_into().unwrap()),
        ..Default::default()
    };
    let problem = expect_problem(
        app.client.social_token_login(&"acme".try_into().unwrap(), &body).await,
        503,
        "provider_unavailable",
    );
    assert_eq!(problem.status, 503);
    let raw = app
        .http
        .post(app.url("/api/v1/auth/social/acme/token"))
        .json(&serde_json::json!({ "code": "any", "redirect_uri": format!("{FRONTEND_URL}/cb") }))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 503);
    assert!(raw.headers().contains_key("retry-after"));
}
