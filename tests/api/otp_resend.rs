//! POST /api/v1/auth/otp/resend, and the cooldown and cap it shares with /otp/request: counted
//! per address (known or not), answered `429 rate_limited` with `Retry-After` by resend.

use std::time::Duration;

use gatehouse_tests::{
    Settings, TestApp, TestUser, assert_problem, code_mails, expect_invalid_code, header, nth_code, request_otp,
    requested_code, resend_otp, send_marker_mail, spawn_app, spawn_app_with, verify_otp,
};
use serde_json::{Value, json};

/// `POST /auth/otp/resend` over the raw client, to read the headers of a `429`.
async fn resend_raw(app: &TestApp, email: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/otp/resend", &json!({ "email": email }))
        .await
}

/// The `429` problem without the fields that differ per request, with its `RateLimit-Policy`,
/// and its `Retry-After`.
async fn rate_limited(response: reqwest::Response) -> (Value, u64) {
    let retry_after: u64 = header(response.headers(), "retry-after")
        .parse()
        .expect("Retry-After is a number of seconds");
    let policy = header(response.headers(), "ratelimit-policy");
    let problem = assert_problem(response, 429, "rate_limited").await;
    let mut problem = serde_json::to_value(problem).expect("a problem serialises");
    let object = problem.as_object_mut().expect("a problem is an object");
    object.remove("request_id");
    object.remove("instance");
    object.insert("ratelimit-policy".into(), policy.into());
    (problem, retry_after)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resend_within_the_cooldown_is_429_with_retry_after_for_known_and_unknown_alike() {
    // Arrange
    let app = spawn_app().await;
    let known = app.registered_user().await;
    let unknown = TestUser::generate();
    requested_code(&app, &known.email).await;
    request_otp(&app.client, &unknown.email).await.expect("accepted");

    // Act
    let for_known = resend_raw(&app, &known.email).await;
    let for_unknown = resend_raw(&app, &unknown.email).await;

    // Assert
    let (known_problem, known_wait) = rate_limited(for_known).await;
    let (unknown_problem, unknown_wait) = rate_limited(for_unknown).await;
    assert!((1..=60).contains(&known_wait), "Retry-After {known_wait}");
    assert!((1..=60).contains(&unknown_wait), "Retry-After {unknown_wait}");
    assert_eq!(known_problem, unknown_problem);
    assert_eq!(known_problem["ratelimit-policy"], "\"otp-resend\";q=1;w=60");
    send_marker_mail(&app).await;
    assert_eq!(
        code_mails(&app, &known.email).len(),
        1,
        "no second code within the cooldown"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resend_after_the_cooldown_sends_a_new_code_and_kills_the_old_one() {
    let app = spawn_app_with(|s| s.otp.resend_cooldown = Duration::from_secs(1)).await;
    let user = app.registered_user().await;
    let first = requested_code(&app, &user.email).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;

    let answer = resend_otp(&app.client, &user.email).await.expect("accepted");
    let second = nth_code(&app, &user.email, 2).await;

    assert_eq!(answer.status().as_u16(), 202);
    expect_invalid_code(verify_otp(&app.client, &user.email, &first).await);
    verify_otp(&app.client, &user.email, &second)
        .await
        .expect("the new code works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_within_the_cooldown_sends_nothing_and_keeps_the_code() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;

    let again = request_otp(&app.client, &user.email).await.expect("accepted");
    send_marker_mail(&app).await;

    assert_eq!(again.status().as_u16(), 202);
    assert_eq!(code_mails(&app, &user.email).len(), 1);
    verify_otp(&app.client, &user.email, &code)
        .await
        .expect("the first code still works");
}

fn capped(settings: &mut Settings) {
    settings.otp.resend_cooldown = Duration::ZERO;
    settings.otp.send_limit = 3;
    settings.otp.send_window = Duration::from_secs(600);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cap_per_window_stops_codes_to_an_address_known_or_not() {
    // Arrange
    let app = spawn_app_with(capped).await;
    let known = app.registered_user().await;
    let unknown = TestUser::generate();
    for n in 1..=3 {
        resend_otp(&app.client, &known.email).await.expect("within the cap");
        nth_code(&app, &known.email, n).await;
        resend_otp(&app.client, &unknown.email).await.expect("within the cap");
    }

    // Act
    let known_over = resend_raw(&app, &known.email).await;
    let unknown_over = resend_raw(&app, &unknown.email).await;
    let silent = request_otp(&app.client, &known.email).await.expect("accepted");
    send_marker_mail(&app).await;

    // Assert
    let (known_problem, known_wait) = rate_limited(known_over).await;
    let (unknown_problem, unknown_wait) = rate_limited(unknown_over).await;
    assert_eq!(known_problem, unknown_problem);
    assert_eq!(known_problem["ratelimit-policy"], "\"otp-send\";q=3;w=600");
    assert!((590..=600).contains(&known_wait), "the window's end: {known_wait}");
    assert!((590..=600).contains(&unknown_wait), "the window's end: {unknown_wait}");
    assert_eq!(silent.status().as_u16(), 202);
    assert_eq!(code_mails(&app, &known.email).len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resend_needs_exactly_one_of_email_and_challenge() {
    let app = spawn_app().await;

    let neither = app.post_json("/api/v1/auth/otp/resend", &json!({})).await;
    let both = json!({ "email": "ada@example.com", "challenge": "abc" });
    let both = app.post_json("/api/v1/auth/otp/resend", &both).await;

    for response in [neither, both] {
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert!(
            problem.errors.iter().any(|e| e.code == "email_or_challenge"),
            "{problem:?}"
        );
    }
}
