//! Rotating the signing key while instances are running.

use std::time::Duration;

use gatehouse_tests::{Client, authorized_client, jwt_header, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_rotation_the_new_key_signs_and_both_keys_verify_everywhere() {
    // Arrange: a running instance and a token signed with the first key.
    let app = spawn_app().await;
    let (user, before) = app.logged_in_user().await;
    let old_kid = jwt_header(&before.access_token)["kid"]
        .as_str()
        .expect("a kid")
        .to_string();

    // Act: rotate as `gatehouse keys rotate` does, then start another instance.
    let state = gatehouse::startup::build_state(app.settings.clone())
        .await
        .expect("the CLI's state builds");
    let new_kid = state.sessions.tokens().keys().rotate().await.expect("the key rotates");
    let other = app.spawn_another_instance().await;
    let other_client = Client::new(&other);
    let after = other_client
        .login(&user.login_request())
        .await
        .expect("login on the new instance")
        .into_inner();
    // An instance re-reads its keys on an unknown kid at most once a second.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    // Assert: the new instance signs with the new key...
    assert_ne!(new_kid, old_kid);
    assert_eq!(jwt_header(&after.access_token)["kid"], new_kid.as_str());
    // ...the first instance accepts it (it reloads on the unknown kid)...
    authorized_client(&app.address, &after.access_token)
        .get_me()
        .await
        .expect("the new key's token verifies on the first instance");
    // ...and the retired key keeps verifying until its tokens expire, and stays published.
    authorized_client(&other, &before.access_token)
        .get_me()
        .await
        .expect("the old key's token verifies on the new instance");
    let kids: Vec<String> = other_client
        .get_jwks()
        .await
        .expect("the key set")
        .into_inner()
        .keys
        .into_iter()
        .map(|k| k.kid)
        .collect();
    assert!(kids.contains(&old_kid) && kids.contains(&new_kid), "{kids:?}");
}
