//! Limits in Redis: shared by every instance, failing open while Redis is down, enforced again
//! by themselves once it is back. Outages use a private `redis-server` the test starts on its
//! own port and kills; the machine's shared Redis is never stopped.

use std::time::{Duration, Instant};

use gatehouse_tests::{Policy, PrivateRedis, Rate, TestApp, TestUser, shared_redis_url, spawn_app_with, unused_port};
use serde_json::json;

async fn register(address: &str, http: &reqwest::Client) -> u16 {
    let user = TestUser::generate();
    http.post(format!("{address}/api/v1/auth/register"))
        .json(&json!({ "email": user.email, "password": user.password }))
        .send()
        .await
        .expect("registration is answered")
        .status()
        .as_u16()
}

async fn app_on_redis(url: &str, register_limit: u32) -> TestApp {
    spawn_app_with(move |s| {
        s.redis_url = Some(gatehouse::config::Redacted(url.to_string()));
        s.limits
            .set(Policy::RegisterIp, Some(Rate::per_secs(register_limit, 60)));
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_limit_reached_through_one_instance_holds_on_the_other() {
    // Arrange: TEST_REDIS_URL (PostgreSQL + Redis runs), else a private redis-server.
    let Some((url, _private)) = shared_redis_url() else {
        eprintln!("skipping: neither TEST_REDIS_URL nor redis-server is available");
        return;
    };
    let app = app_on_redis(&url, 2).await;
    let other = app.spawn_another_instance().await;

    // Act: the quota is spent on the first instance.
    for _ in 0..2 {
        assert_eq!(register(&app.address, &app.http).await, 202);
    }

    // Assert: the second instance refuses, and so does the first.
    assert_eq!(register(&other, &app.http).await, 429);
    assert_eq!(register(&app.address, &app.http).await, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lock_out_reached_through_one_instance_holds_on_the_other() {
    let Some((url, _private)) = shared_redis_url() else {
        eprintln!("skipping: neither TEST_REDIS_URL nor redis-server is available");
        return;
    };
    let app = spawn_app_with(move |s| {
        s.redis_url = Some(gatehouse::config::Redacted(url));
        s.lockout.threshold = 2;
    })
    .await;
    let other = app.spawn_another_instance().await;
    let user = app.registered_user().await;
    let login = |address: String, password: String| {
        let http = app.http.clone();
        let email = user.email.clone();
        async move {
            http.post(format!("{address}/api/v1/auth/login"))
                .json(&json!({ "email": email, "password": password }))
                .send()
                .await
                .expect("the login is answered")
                .status()
                .as_u16()
        }
    };

    assert_eq!(login(app.address.clone(), "not the password 123".into()).await, 401);
    assert_eq!(login(other.clone(), "not the password 123".into()).await, 401);

    assert_eq!(login(app.address.clone(), user.password.clone()).await, 429);
    assert_eq!(login(other, user.password.clone()).await, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_fail_open_while_redis_is_down_and_hold_again_once_it_is_back() {
    // Arrange
    let Some(mut redis) = PrivateRedis::start() else {
        return;
    };
    let app = app_on_redis(&redis.url(), 2).await;
    let user = app.registered_user().await;
    assert_eq!(register(&app.address, &app.http).await, 202);
    assert_eq!(
        register(&app.address, &app.http).await,
        429,
        "enforced while Redis is up"
    );

    // Act: Redis dies.
    redis.kill();

    // Assert: requests keep being answered, without 5xx, past the limit (fail open).
    let started = Instant::now();
    for _ in 0..6 {
        assert_eq!(register(&app.address, &app.http).await, 202, "fails open");
        app.login(&user).await;
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "an unreachable Redis does not slow requests down: {:?}",
        started.elapsed()
    );

    // Act: Redis comes back, empty, on the same port.
    redis.restart();

    // Assert: within a bounded time the limit holds again, by itself.
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut statuses = Vec::new();
    loop {
        let status = register(&app.address, &app.http).await;
        assert!(status == 202 || status == 429, "no errors while reconnecting: {status}");
        statuses.push(status);
        if statuses.ends_with(&[429]) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "limits enforced again within 15 s: {statuses:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.login(&user).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_redis_url_does_not_stop_the_service() {
    // Nothing listens on this port.
    let app = app_on_redis(&format!("redis://127.0.0.1:{}", unused_port()), 1).await;

    let user = app.registered_user().await;
    app.login(&user).await;
    for _ in 0..3 {
        assert_eq!(register(&app.address, &app.http).await, 202, "limits fail open");
    }
    let health = app.http.get(app.url("/healthz")).send().await.expect("answered");
    assert_eq!(health.status(), 200);
}
