//! Where codes live (the database, or Redis with `TEST_REDIS_URL`): only as keyed hashes, shared
//! by every instance, removed when expired, and what happens when Redis does not answer.

use std::time::{Duration, Instant};

use gatehouse::config::Redacted;
use gatehouse_tests::{
    Client, PrivateRedis, assert_problem, header, nth_code, redis_query, request_otp, requested_code, shared_redis_url,
    spawn_app, spawn_app_with, stored_code, unused_port, uses_redis, verify_otp,
};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stored_code_is_a_keyed_hash_never_the_code() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let id = app.user_id(&user.email).await;

    // Act
    let code = requested_code(&app, &user.email).await;

    // Assert
    let stored = stored_code(&app, id, "login").await.expect("a code is stored");
    let hash = &stored["code"];
    assert_eq!(hash.len(), 64, "HMAC-SHA256, hex: {stored:?}");
    assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(!stored.values().any(|value| value.contains(&code)), "{stored:?}");
    assert_eq!(stored["attempts"], "0");
    if let Some(url) = &app.settings.redis_url {
        let key = format!("{}otp:code:login:{id}", app.settings.redis_key_prefix);
        let ttl_ms: i64 = redis_query(&url.0, redis::cmd("PTTL").arg(&key)).await;
        assert!(
            (1..=300_000).contains(&ttl_ms),
            "Redis expires the code itself: {ttl_ms} ms"
        );
    }
    verify_otp(&app.client, &user.email, &code)
        .await
        .expect("the code works");
    assert!(stored_code(&app, id, "login").await.is_none(), "a spent code is gone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_requested_through_one_instance_verifies_through_another() {
    // Two instances on one database, and with TEST_REDIS_URL on one Redis (same key prefix):
    // the code is in the shared store, not in either process.
    let app = spawn_app().await;
    let other = Client::new_with_client(&app.spawn_another_instance().await, app.http.clone());
    let user = app.registered_user().await;

    let code = requested_code(&app, &user.email).await;
    let tokens = verify_otp(&other, &user.email, &code)
        .await
        .expect("the other instance knows the code")
        .into_inner();

    app.client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("valid on the first instance");
    let wrong_then_right = verify_otp(&app.client, &user.email, &code).await;
    assert!(wrong_then_right.is_err(), "spent through the other instance");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_sharing_a_redis_share_codes_even_on_sqlite() {
    // The Redis store, whatever the database: TEST_REDIS_URL, else a private redis-server.
    let Some((url, _private)) = shared_redis_url() else {
        return;
    };
    let app = spawn_app_with(move |s| s.redis_url = Some(Redacted(url))).await;
    let other = Client::new_with_client(&app.spawn_another_instance().await, app.http.clone());
    let user = app.registered_user().await;
    let id = app.user_id(&user.email).await;

    let code = requested_code(&app, &user.email).await;

    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM otp_codes").await,
        0,
        "not in the database"
    );
    assert!(stored_code(&app, id, "login").await.is_some(), "in Redis");
    verify_otp(&other, &user.email, &code)
        .await
        .expect("the other instance knows the code");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cooldown_is_shared_by_the_instances() {
    let app = spawn_app().await;
    let other = app.spawn_another_instance().await;
    let user = app.registered_user().await;
    requested_code(&app, &user.email).await;

    let response = app
        .http
        .post(format!("{other}/api/v1/auth/otp/resend"))
        .json(&json!({ "email": user.email }))
        .send()
        .await
        .expect("answered");

    assert_problem(response, 429, "rate_limited").await;
}

const CRON_SECRET: &str = "0123456789abcdef0123456789abcdef-cron";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cleanup_removes_expired_codes_and_redis_expires_its_own() {
    // Arrange
    let app = spawn_app_with(|s| {
        s.otp.ttl = Duration::from_secs(1);
        s.cron_secret_key = Some(Redacted(CRON_SECRET.into()));
    })
    .await;
    let user = app.registered_user().await;
    let id = app.user_id(&user.email).await;
    requested_code(&app, &user.email).await;
    let stored_before = app.count("SELECT COUNT(*) AS n FROM otp_codes").await;
    tokio::time::sleep(Duration::from_millis(1200)).await;

    // Act
    let report = app
        .http
        .post(app.url("/api/v1/cron/cleanup"))
        .header("x-cron-secret", CRON_SECRET)
        .send()
        .await
        .expect("answered");
    let report: serde_json::Value = report.json().await.expect("a cleanup report");

    // Assert
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM otp_codes").await, 0);
    assert!(stored_code(&app, id, "login").await.is_none());
    if uses_redis(&app) {
        assert_eq!(
            (stored_before, report["otp_codes"].as_i64()),
            (0, Some(0)),
            "Redis expires its own"
        );
    } else {
        assert_eq!((stored_before, report["otp_codes"].as_i64()), (1, Some(1)), "{report}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_redis_makes_codes_unavailable_not_an_internal_error() {
    // Arrange: a Redis URL where nothing listens.
    let dead = format!("redis://127.0.0.1:{}", unused_port());
    let app = spawn_app_with(|s| s.redis_url = Some(Redacted(dead))).await;
    let user = app.registered_user().await;

    // Act
    let request = app
        .post_json("/api/v1/auth/otp/request", &json!({ "email": user.email }))
        .await;
    let retry_after = header(request.headers(), "retry-after");
    let verify = app
        .post_json(
            "/api/v1/auth/otp/verify",
            &json!({ "email": user.email, "code": "123456" }),
        )
        .await;

    // Assert
    assert_problem(request, 503, "service_unavailable").await;
    assert!(
        retry_after.parse::<u64>().is_ok_and(|s| s >= 1),
        "Retry-After: {retry_after:?}"
    );
    assert_problem(verify, 503, "service_unavailable").await;
    app.login(&user).await;
    let answer = request_otp(&app.client, "not-an-address").await;
    assert!(answer.is_err(), "bad input is still refused first");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_are_unavailable_while_redis_is_down_and_work_again_once_it_is_back() {
    // Arrange: a private redis-server this test may kill (the machine's Redis is never stopped).
    let Some(mut redis) = PrivateRedis::start() else {
        return;
    };
    let url = redis.url();
    let app = spawn_app_with(move |s| s.redis_url = Some(Redacted(url))).await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;

    // Act: Redis dies.
    redis.kill();
    let started = Instant::now();
    let verify = app
        .post_json("/api/v1/auth/otp/verify", &json!({ "email": user.email, "code": code }))
        .await;
    let resend = app
        .post_json("/api/v1/auth/otp/resend", &json!({ "email": user.email }))
        .await;

    // Assert: 503 with Retry-After, fast, and password login is not affected.
    assert!(header(verify.headers(), "retry-after").parse::<u64>().is_ok());
    assert_problem(verify, 503, "service_unavailable").await;
    assert_problem(resend, 503, "service_unavailable").await;
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    app.login(&user).await;

    // Act: Redis comes back, empty, on the same port.
    redis.restart();

    // Assert: within a bounded time a new code is sent and works, by itself.
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let status = app
            .post_json("/api/v1/auth/otp/request", &json!({ "email": user.email }))
            .await
            .status()
            .as_u16();
        assert!(
            status == 202 || status == 503,
            "no other answer while reconnecting: {status}"
        );
        if status == 202 {
            break;
        }
        assert!(Instant::now() < deadline, "codes work again within 15 s");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let code = nth_code(&app, &user.email, 2).await;
    verify_otp(&app.client, &user.email, &code)
        .await
        .expect("the new code works");
}
