//! A token names a key (`kid`) this instance has not loaded: it re-reads the keys at once,
//! once for many concurrent misses, and a flood of made-up kids costs the database few reads.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use gatehouse::services::sessions::{
    AuthMethod, Authentication,
    keys::{KeyStore, MISS_RELOAD_INTERVAL},
};
use gatehouse_tests::{TestApp, foreign_signing_key, jwt_claims, jwt_header, sign_eddsa, spawn_app};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

/// A token naming a key nobody has, which makes an instance re-read its keys.
pub fn made_up_kid_token() -> String {
    let header = json!({ "alg": "EdDSA", "typ": "JWT", "kid": format!("made-up-{}", Uuid::new_v4().simple()) });
    sign_eddsa(&header, &json!({ "sub": "nobody" }), &foreign_signing_key())
}

/// A key store on the app's database, as another instance holds.
async fn key_store(app: &TestApp) -> KeyStore {
    KeyStore::load(
        app.db.clone(),
        Arc::new(|| Duration::from_secs(330)),
        Duration::from_secs(420),
    )
    .await
    .expect("the keys load")
}

fn uuid_claim(token: &str, claim: &str) -> Uuid {
    jwt_claims(token)[claim]
        .as_str()
        .and_then(|v| v.parse().ok())
        .expect("a UUID claim")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_signed_with_a_key_another_instance_just_created_is_accepted_at_once() {
    // Arrange: an instance that has just re-read its keys, a signed-in user, another instance.
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let other = gatehouse::startup::build_state(app.settings.clone())
        .await
        .expect("another instance's state builds");
    assert_eq!(app.get_me_raw(Some(&made_up_kid_token())).await.status(), 401);

    // Act: the other instance creates a key that signs at once (`keys rotate --now`), and signs.
    let rotated = other
        .sessions
        .tokens()
        .keys()
        .rotate_now()
        .await
        .expect("the key rotates");
    let token = other
        .sessions
        .tokens()
        .issue(
            uuid_claim(&tokens.access_token, "sub"),
            uuid_claim(&tokens.access_token, "sid"),
            &Authentication::now(AuthMethod::Password),
        )
        .expect("a token");

    // Assert: the first instance accepts it, well within a second of its last read.
    assert_eq!(jwt_header(&token)["kid"], rotated.kid.as_str());
    assert_eq!(app.get_me_raw(Some(&token)).await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_made_up_kids_neither_hides_a_new_key_nor_hammers_the_database() {
    // Arrange: two instances' key stores on one database.
    let app = spawn_app().await;
    let keys = key_store(&app).await;
    let rotating = key_store(&app).await;
    let reloads_before = keys.reload_count();

    // Act: 1.5 s of made-up kids, 50 at a time; meanwhile the other rotates and a token with
    // the new kid arrives.
    let started = Instant::now();
    let flood = {
        let keys = keys.clone();
        tokio::spawn(async move {
            let mut refused = 0;
            while started.elapsed() < Duration::from_millis(1500) {
                let batch = (0..50).map(|i| {
                    let keys = keys.clone();
                    async move { keys.verifying(&format!("made-up-{i}")).await.is_none() }
                });
                refused += futures::future::join_all(batch)
                    .await
                    .into_iter()
                    .filter(|r| *r)
                    .count();
            }
            refused
        })
    };
    tokio::time::sleep(Duration::from_millis(700)).await;
    let rotated = rotating.rotate_now().await.expect("the key rotates");
    let found = keys.verifying(&rotated.kid).await.is_some();
    let refused = flood.await.expect("the flood ends");
    let elapsed = started.elapsed();
    let reloads = keys.reload_count() - reloads_before;

    // Assert: the real kid verifies; the made-up ones cost one read per window at most.
    assert!(found, "the new key is found despite the flood");
    assert!(refused >= 100, "only {refused} made-up kids were tried");
    let allowed = (elapsed.as_millis() / MISS_RELOAD_INTERVAL.as_millis()) as u64 + 2;
    assert!(
        reloads <= allowed,
        "{reloads} reads of the keys in {elapsed:?} for {refused} made-up kids (at most {allowed})"
    );
    eprintln!("{refused} made-up kids in {elapsed:?}: {reloads} reads of the keys");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_starting_together_on_an_empty_database_accept_each_others_tokens() {
    // Arrange: a database without keys.
    let app = spawn_app().await;
    app.db
        .execute_unprepared("DELETE FROM signing_keys")
        .await
        .expect("the keys are removed");

    // Act: two instances start at once; each may create a first key.
    let (a, b) = tokio::join!(key_store(&app), key_store(&app));
    let (a_kid, _) = a.signing().expect("a signs");
    let (b_kid, _) = b.signing().expect("b signs");

    // Assert: each verifies the other's key at once, and after a re-read both sign alike.
    assert!(a.verifying(&b_kid).await.is_some(), "a verifies b's key");
    assert!(b.verifying(&a_kid).await.is_some(), "b verifies a's key");
    a.verifying("made-up").await;
    b.verifying("made-up").await;
    assert_eq!(a.signing().map(|s| s.0), b.signing().map(|s| s.0));
}
