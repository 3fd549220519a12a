//! Rotating the signing key while instances are running: the new key is published first,
//! signs from its activation on every instance at once, and the old key keeps verifying.

use std::time::Duration;

use chrono::Utc;
use gatehouse_tests::{Client, TestUser, authorized_client, jwt_header, spawn_app_with};

use crate::key_reload::made_up_kid_token;

fn kid_of(token: &str) -> String {
    jwt_header(token)["kid"].as_str().expect("a kid").to_string()
}

async fn published_kids(address: &str) -> Vec<String> {
    Client::new(address)
        .get_jwks()
        .await
        .expect("the key set")
        .into_inner()
        .keys
        .into_iter()
        .map(|k| k.kid)
        .collect()
}

async fn access_token(address: &str, user: &TestUser) -> String {
    Client::new(address)
        .login(&user.login_request())
        .await
        .expect("login")
        .into_inner()
        .access_token
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_key_is_published_first_then_signs_from_its_activation_and_the_old_key_keeps_verifying() {
    // Arrange: two instances, a token signed with the first key, a short activation delay.
    let app = spawn_app_with(|s| s.key_activation_delay = Duration::from_secs(6)).await;
    let other = app.spawn_another_instance().await;
    let (user, before) = app.logged_in_user().await;
    let old_kid = kid_of(&before.access_token);
    let state = gatehouse::startup::build_state(app.settings.clone())
        .await
        .expect("the CLI's state builds");

    // Act: rotate as `gatehouse keys rotate` does; both instances re-read their keys (as their
    // periodic reload does within a minute; a made-up kid makes it happen now).
    let rotated = state.sessions.tokens().keys().rotate().await.expect("the key rotates");
    for address in [&app.address, &other] {
        let refused = app
            .http
            .get(format!("{address}/api/v1/users/me"))
            .bearer_auth(made_up_kid_token())
            .send()
            .await
            .expect("answered");
        assert_eq!(refused.status(), 401);
    }

    // Assert: before its activation, both publish the new key and still sign with the old one.
    assert_ne!(rotated.kid, old_kid);
    for address in [&app.address, &other] {
        let kids = published_kids(address).await;
        assert!(kids.contains(&old_kid) && kids.contains(&rotated.kid), "{kids:?}");
        assert_eq!(kid_of(&access_token(address, &user).await), old_kid);
    }
    assert!(
        Utc::now() < rotated.activates_at,
        "the test ran past the activation before checking what came before it"
    );

    // Act: the activation moment passes (no reload: each instance goes by the clock).
    let wait = (rotated.activates_at - Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(200)).await;

    // Assert: both sign with the new key, each accepts the other's tokens, and the old key's
    // token still verifies everywhere and stays published.
    for address in [&app.address, &other] {
        let token = access_token(address, &user).await;
        assert_eq!(kid_of(&token), rotated.kid);
        for verifier in [&app.address, &other] {
            authorized_client(verifier, &token)
                .get_me()
                .await
                .expect("the new key's token verifies");
            authorized_client(verifier, &before.access_token)
                .get_me()
                .await
                .expect("the old key's token still verifies");
        }
        assert!(published_kids(address).await.contains(&old_kid));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotating_now_signs_with_the_new_key_at_once_and_the_old_key_keeps_verifying() {
    // Arrange
    let app = spawn_app_with(|_| {}).await;
    let (user, before) = app.logged_in_user().await;
    let state = gatehouse::startup::build_state(app.settings.clone())
        .await
        .expect("the CLI's state builds");

    // Act: `gatehouse keys rotate --now`, then a new instance starts.
    let rotated = state
        .sessions
        .tokens()
        .keys()
        .rotate_now()
        .await
        .expect("the key rotates");
    let other = app.spawn_another_instance().await;

    // Assert: it signs with the new key, which the first instance accepts; the old key's
    // token still verifies on the new instance.
    let token = access_token(&other, &user).await;
    assert_eq!(kid_of(&token), rotated.kid);
    assert_ne!(kid_of(&before.access_token), rotated.kid);
    authorized_client(&app.address, &token)
        .get_me()
        .await
        .expect("the new key's token verifies on the first instance");
    authorized_client(&other, &before.access_token)
        .get_me()
        .await
        .expect("the old key's token verifies on the new instance");
}
