//! Social sign-in of an account with a second factor: the redirect flow lands with a
//! challenge instead of the one-time code, the frontend-driven flow answers `202` with it,
//! and either is completed like any other second step.

use gatehouse_tests::{
    Error, complete_mfa, enable_totp, expect_invalid_code,
    fake_idp::{FakeIdp, FakeUser},
    jwt_claims,
    social_support::{Browser, exchange, social_app},
    types,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_social_sign_in_of_an_account_with_totp_stops_at_its_challenge() {
    // Arrange: an account made by a social sign-in, which then adds an authenticator app.
    let idp = FakeIdp::start().await;
    let app = social_app(&idp, |_| {}).await;
    let person = FakeUser::verified("mfa.social@example.com");
    idp.sign_in_as(&person);
    let first = Browser::new().sign_in(&app, "acme").await;
    let tokens = exchange(&app, &first.code(), None).await.unwrap().into_inner();
    let (authenticator, _) = enable_totp(&app, &tokens.access_token).await;

    // Act
    let landing = Browser::new().sign_in(&app, "acme").await;
    let challenge = landing
        .params
        .get("challenge")
        .cloned()
        .expect("a challenge on the landing");
    let completed = complete_mfa(&app.client, &challenge, &authenticator.code(0))
        .await
        .expect("the app's code completes it")
        .into_inner();
    let token = idp.id_token(&person, "nonce-mfa");
    let body = types::SocialTokenRequest {
        id_token: Some(token.as_str().try_into().unwrap()),
        nonce: Some("nonce-mfa".try_into().unwrap()),
        ..Default::default()
    };
    let frontend = app.client.social_token_login(&"acme".try_into().unwrap(), &body).await;

    // Assert
    assert!(
        !landing.params.contains_key("code"),
        "no one-time code: {:?}",
        landing.url
    );
    assert_eq!(landing.params["methods"], "totp,recovery_code");
    let claims = jwt_claims(&completed.access_token);
    assert_eq!(claims["amr"], serde_json::json!(["social", "totp"]));
    assert_eq!(claims["aal"], 2);
    let frontend_challenge: types::LoginChallenge = match frontend {
        Err(Error::UnexpectedResponse(response)) => {
            assert_eq!(response.status().as_u16(), 202);
            response.json().await.expect("a LoginChallenge")
        }
        other => panic!("expected a 202 challenge, got {other:?}"),
    };
    assert_eq!(frontend_challenge.methods[0], types::SecondFactor::Totp);
    expect_invalid_code(complete_mfa(&app.client, &frontend_challenge.challenge, "000000").await);
}
