//! Progressive lock-out after failed logins: 429 `too_many_attempts` even for the right
//! password, growing delays, reset by a success, one e-mail to the owner, and the same
//! behaviour for addresses without an account.

use std::time::Duration;

use gatehouse_tests::{
    LockoutSettings, TestApp, TestUser, assert_problem, audit_events, header, spawn_app_with, superuser,
    wait_until_outbox_is_idle,
};
use serde_json::json;
use uuid::Uuid;

const LOCKED_SUBJECT: &str = "[Gatehouse] Sign-in to your account was paused";

/// Locks after 3 failures: 1 s, then 2 s, then 4 s at most.
async fn app_with_lockout() -> TestApp {
    spawn_app_with(|s| {
        s.lockout = LockoutSettings {
            threshold: 3,
            base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(4),
            reset_after: Duration::from_secs(3600),
        };
    })
    .await
}

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/login", &json!({ "email": email, "password": password }))
        .await
}

async fn fail(app: &TestApp, email: &str, times: usize) {
    for _ in 0..times {
        assert_eq!(login(app, email, "not the password 123").await.status(), 401);
    }
}

/// What a locked login answers, minus the request-specific parts: status, code, detail,
/// Retry-After, RateLimit, RateLimit-Policy.
async fn assert_locked(response: reqwest::Response, seconds: u64) -> (String, String, String) {
    let headers = response.headers().clone();
    let problem = assert_problem(response, 429, "too_many_attempts").await;
    assert_eq!(header(&headers, "retry-after"), seconds.to_string());
    assert_eq!(
        header(&headers, "ratelimit"),
        format!("\"login-lockout\";r=0;t={seconds}")
    );
    assert_eq!(header(&headers, "ratelimit-policy"), "\"login-lockout\";q=3;w=3600");
    (
        problem.detail.unwrap_or_default(),
        header(&headers, "retry-after"),
        header(&headers, "ratelimit"),
    )
}

async fn wait(seconds: u64) {
    tokio::time::sleep(Duration::from_secs(seconds) + Duration::from_millis(150)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_lock_the_address_even_for_the_right_password_until_the_delay_ends() {
    // Arrange
    let app = app_with_lockout().await;
    let user = app.registered_user().await;
    fail(&app, &user.email, 3).await;

    // Act / Assert
    assert_locked(login(&app, &user.email, &user.password).await, 1).await;
    wait(1).await;
    assert_eq!(login(&app, &user.email, &user.password).await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_further_failure_doubles_the_lock_up_to_the_maximum() {
    let app = app_with_lockout().await;
    let user = app.registered_user().await;
    fail(&app, &user.email, 3).await;
    for seconds in [1, 2, 4, 4] {
        assert_locked(login(&app, &user.email, &user.password).await, seconds).await;
        wait(seconds).await;
        fail(&app, &user.email, 1).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_successful_login_clears_the_failures() {
    let app = app_with_lockout().await;
    let user = app.registered_user().await;
    fail(&app, &user.email, 2).await;
    app.login(&user).await;
    fail(&app, &user.email, 2).await;
    assert_eq!(
        login(&app, &user.email, &user.password).await.status(),
        200,
        "not locked"
    );
    fail(&app, &user.email, 3).await;
    assert_locked(login(&app, &user.email, &user.password).await, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_without_an_account_locks_exactly_like_one_with() {
    let app = app_with_lockout().await;
    let user = app.registered_user().await;
    let unknown = format!("nobody-{}@example.com", Uuid::new_v4());

    let mut answers = Vec::new();
    for email in [&user.email, &unknown] {
        fail(&app, email, 3).await;
        // Other spellings of the address are the same address.
        answers.push(assert_locked(login(&app, &email.to_uppercase(), &user.password).await, 1).await);
    }

    assert_eq!(answers[0], answers[1]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_is_told_once_per_lock_out_and_each_lock_is_audited() {
    // Arrange
    let app = app_with_lockout().await;
    let user = app.registered_user().await;
    let id = app.user_id(&user.email).await;

    // Act: locked, then locked again by a further failure.
    fail(&app, &user.email, 3).await;
    wait(1).await;
    fail(&app, &user.email, 1).await;
    wait_until_outbox_is_idle(&app).await;

    // Assert: one e-mail, two audited locks.
    let mails = app.mail.mails_to(&user.email);
    let locked: Vec<_> = mails.iter().filter(|m| m.subject == LOCKED_SUBJECT).collect();
    assert_eq!(locked.len(), 1, "{mails:?}");
    assert!(locked[0].text.contains("paused sign-in"), "{}", locked[0].text);
    assert!(locked[0].text.contains("/forgot-password"), "{}", locked[0].text);
    let (_, staff) = superuser(&app).await;
    let events = audit_events(&app.client_with_token(&staff.access_token), id, "login_locked").await;
    assert_eq!(events.len(), 2, "{events:?}");

    // A success clears the lock-out; the next one is told again.
    wait(2).await;
    app.login(&user).await;
    fail(&app, &user.email, 3).await;
    wait_until_outbox_is_idle(&app).await;
    let told = app.mail.mails_to(&user.email);
    assert_eq!(told.iter().filter(|m| m.subject == LOCKED_SUBJECT).count(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lock_out_threshold_of_zero_turns_it_off() {
    let app = spawn_app_with(|s| s.lockout.threshold = 0).await;
    let user: TestUser = app.registered_user().await;
    fail(&app, &user.email, 12).await;
    app.login(&user).await;
}
