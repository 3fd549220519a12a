//! `/metrics` (Prometheus text) and `/readyz`'s report of Redis: what an operator's scraper
//! and load balancer read. Each test runs in its own process under nextest, so counters start
//! at zero; the assertions still only ask for "at least", to hold under `cargo test` too.

use futures::StreamExt;
use gatehouse_tests::{PrivateRedis, assert_problem, header, login_request, spawn_app, spawn_app_with, unused_port};

async fn metrics_text(address: &str) -> String {
    let response = reqwest::get(format!("{address}/metrics"))
        .await
        .expect("/metrics answers");
    assert_eq!(response.status(), 200);
    response.text().await.expect("the metrics are text")
}

/// The value of the sample `name{labels}` (labels as Prometheus prints them, sorted), or `None`.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.trim().parse().ok())
}

fn expect_sample(text: &str, series: &str) -> f64 {
    sample(text, series).unwrap_or_else(|| panic!("no sample {series} in:\n{text}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_requests_sign_ins_refreshes_reuse_and_hashing_without_identifiers() {
    // Arrange: a user signs in, fails once, refreshes twice, reads their profile twice and
    // replays a spent token.
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let _ = app
        .client
        .login(&login_request(&user.email, "not the password at all"))
        .await;
    let second = app
        .refresh(tokens.refresh_token.as_deref().expect("a refresh token"))
        .await
        .expect("the first refresh works");
    app.refresh(second.refresh_token.as_deref().expect("a refresh token"))
        .await
        .expect("the second refresh works");
    let me = app.client_with_token(&second.access_token);
    for _ in 0..2 {
        me.get_me().await.expect("getMe answers");
    }
    let _ = app
        .refresh(tokens.refresh_token.as_deref().expect("a refresh token"))
        .await;

    // Act
    let response = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("/metrics answers");
    let content_type = header(response.headers(), "content-type");
    let text = response.text().await.expect("the metrics are text");
    let through_client = app.client.get_metrics().await.expect("the generated client reads them");
    let mut stream = through_client.into_inner().into_inner();
    let mut from_client = Vec::new();
    while let Some(chunk) = stream.next().await {
        from_client.extend_from_slice(&chunk.expect("a chunk"));
    }

    // Assert
    assert_eq!(content_type, "text/plain; version=0.0.4; charset=utf-8");
    assert!(String::from_utf8_lossy(&from_client).contains("gatehouse_build_info"));
    assert!(
        expect_sample(
            &text,
            r#"gatehouse_http_requests_total{operation="login",status="200"}"#
        ) >= 1.0
    );
    assert!(
        expect_sample(
            &text,
            r#"gatehouse_http_requests_total{operation="login",status="401"}"#
        ) >= 1.0
    );
    assert!(
        expect_sample(
            &text,
            r#"gatehouse_http_request_duration_seconds_count{operation="refreshToken",status="200"}"#
        ) >= 2.0
    );
    assert!(expect_sample(&text, r#"gatehouse_sign_ins_total{method="password",result="success"}"#) >= 1.0);
    assert!(
        expect_sample(
            &text,
            r#"gatehouse_sign_ins_total{method="password",result="wrong_password"}"#
        ) >= 1.0
    );
    assert!(expect_sample(&text, r#"gatehouse_token_refreshes_total{result="rotated"}"#) >= 2.0);
    assert!(expect_sample(&text, r#"gatehouse_token_refreshes_total{result="reused"}"#) >= 1.0);
    assert!(expect_sample(&text, "gatehouse_refresh_token_reuse_detected_total") >= 1.0);
    assert!(
        expect_sample(
            &text,
            r#"gatehouse_sessions_revoked_total{reason="refresh_token_reused"}"#
        ) >= 1.0
    );
    assert!(expect_sample(&text, r#"gatehouse_audit_events_total{event="login_failed"}"#) >= 1.0);
    // register + login + the failed login: three hashes at least, each timed and queued.
    assert!(expect_sample(&text, "gatehouse_password_hash_seconds_count") >= 3.0);
    assert!(expect_sample(&text, "gatehouse_password_hash_queue_wait_seconds_count") >= 3.0);
    assert!(
        text.contains(r#"gatehouse_password_hash_seconds_bucket{le="0.05"}"#),
        "{text}"
    );
    let lookups = sample(&text, r#"gatehouse_session_cache_lookups_total{result="hit"}"#).unwrap_or(0.0)
        + sample(&text, r#"gatehouse_session_cache_lookups_total{result="miss"}"#).unwrap_or(0.0);
    assert!(lookups >= 2.0, "session-cache lookups: {lookups}");
    assert_eq!(expect_sample(&text, "gatehouse_outbox_dead"), 0.0);
    assert!(expect_sample(&text, "gatehouse_outbox_pending") >= 0.0);
    assert!(expect_sample(&text, "gatehouse_outbox_oldest_pending_age_seconds") >= 0.0);
    assert!(expect_sample(&text, "gatehouse_db_pool_max_connections") >= 1.0);
    assert!(expect_sample(&text, r#"gatehouse_db_pool_connections{state="in_use"}"#) >= 0.0);
    // Labels name kinds and outcomes, never a person.
    assert!(!text.contains(&user.email), "an address leaked into the metrics");
    assert!(!text.contains('@'), "an address leaked into the metrics");
    assert!(!text.contains(tokens.refresh_token.as_deref().expect("a refresh token")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_that_match_no_route_share_one_label() {
    let app = spawn_app().await;
    for path in ["/nothing/here", "/api/v1/not-a-thing", "/wp-login.php"] {
        app.http.get(app.url(path)).send().await.expect("answered");
    }

    let text = metrics_text(&app.address).await;

    assert!(
        expect_sample(
            &text,
            r#"gatehouse_http_requests_total{operation="unmatched",status="404"}"#
        ) >= 3.0
    );
    assert!(!text.contains("wp-login"), "a raw path became a label:\n{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_metrics_addr_the_metrics_leave_the_main_listener() {
    // Arrange
    let port = unused_port();
    let app = spawn_app_with(|s| s.metrics_addr = Some(([127, 0, 0, 1], port).into())).await;
    app.client.healthz().await.expect("healthz answers");

    // Act
    let on_main = app.http.get(app.url("/metrics")).send().await.expect("answered");
    let on_own = app
        .http
        .get(format!("http://127.0.0.1:{port}/metrics"))
        .send()
        .await
        .expect("the metrics listener answers");

    // Assert
    assert_problem(on_main, 404, "not_found").await;
    assert_eq!(on_own.status(), 200);
    let text = on_own.text().await.expect("text");
    assert!(
        expect_sample(
            &text,
            r#"gatehouse_http_requests_total{operation="healthz",status="200"}"#
        ) >= 1.0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_reports_redis_and_stays_ready_while_it_is_down() {
    // Arrange: a private Redis this test may stop.
    let Some(mut redis) = PrivateRedis::start() else {
        return;
    };
    let app = spawn_app_with(|s| s.redis_url = Some(gatehouse::config::Redacted(redis.url()))).await;
    let up = app.client.readyz().await.expect("ready with Redis").into_inner();

    // Act
    redis.kill();
    let started = std::time::Instant::now();
    let down = app
        .client
        .readyz()
        .await
        .expect("still ready without Redis")
        .into_inner();
    let took = started.elapsed();
    let metrics = metrics_text(&app.address).await;

    // Assert
    assert_eq!(
        (up.status.to_string(), up.database.to_string(), up.redis.to_string()),
        ("ok".to_string(), "ok".to_string(), "ok".to_string())
    );
    assert_eq!(
        (down.status.to_string(), down.redis.to_string()),
        ("degraded".to_string(), "down".to_string())
    );
    assert!(took < std::time::Duration::from_millis(1500), "/readyz took {took:?}");
    assert!(metrics.contains("gatehouse_build_info"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_without_redis_says_so() {
    let app = spawn_app_with(|s| s.redis_url = None).await;

    let ready = app.client.readyz().await.expect("ready").into_inner();

    assert_eq!(
        (ready.status.to_string(), ready.redis.to_string()),
        ("ok".to_string(), "not_configured".to_string())
    );
}
