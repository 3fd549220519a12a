//! Rate limits: 429 problems with Retry-After and the IETF RateLimit headers, per client IP
//! and per address, the client IP behind trusted proxies, and switching limits off.

use std::time::Duration;

use gatehouse_tests::{
    LimitSettings, Policy, Rate, Settings, TestApp, TestUser, app_limiting, assert_limited_per_ip_and_per_address,
    assert_rate_limited, spawn_app_with,
};
use serde_json::{Value, json};
use uuid::Uuid;

/// A login with a password nobody has, for an address nobody has.
fn stranger_login() -> Value {
    json!({ "email": format!("nobody-{}@example.com", Uuid::new_v4()), "password": "not the password 123" })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_are_limited_per_client_ip_until_the_window_moves_on() {
    // Arrange: 3 per 3 s, so one more every second.
    let app = app_limiting(Policy::LoginIp, 3, 3).await;
    for _ in 0..3 {
        assert_eq!(
            app.post_json("/api/v1/auth/login", &stranger_login()).await.status(),
            401
        );
    }

    // Act
    let refused = app.post_json("/api/v1/auth/login", &stranger_login()).await;

    // Assert
    let retry_after = assert_rate_limited(refused, "login-ip", 3, 3).await;
    tokio::time::sleep(Duration::from_secs(retry_after) + Duration::from_millis(100)).await;
    let user = app.registered_user().await;
    assert_eq!(
        app.post_json(
            "/api/v1/auth/login",
            &json!({ "email": user.email, "password": user.password })
        )
        .await
        .status(),
        200,
        "after Retry-After the next login goes through"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_failed_logins_count_per_address_and_alike_for_unknown_addresses() {
    // Arrange
    let app = app_limiting(Policy::LoginFailuresEmail, 2, 60).await;
    let user = app.registered_user().await;
    for _ in 0..4 {
        app.login(&user).await; // successes do not count
    }
    let unknown = format!("nobody-{}@example.com", Uuid::new_v4());

    // Act: two failures each, then a third attempt.
    let mut answers = Vec::new();
    for email in [user.email.as_str(), unknown.as_str()] {
        for _ in 0..2 {
            let wrong = json!({ "email": email, "password": "not the password 123" });
            assert_eq!(app.post_json("/api/v1/auth/login", &wrong).await.status(), 401);
        }
        // Even the right password is refused while the address is exhausted, and the address
        // is the same in any case.
        let third = json!({ "email": email.to_uppercase(), "password": user.password });
        answers.push(app.post_json("/api/v1/auth/login", &third).await);
    }

    // Assert: the same answer for the account and for the address without one.
    for answer in answers {
        assert_rate_limited(answer, "login-email", 2, 60).await;
    }
    let other = app.registered_user().await;
    app.login(&other).await; // other addresses are not affected
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_is_limited_per_client_ip() {
    let app = app_limiting(Policy::RegisterIp, 2, 60).await;
    let register = || async {
        let user = TestUser::generate();
        app.post_json(
            "/api/v1/auth/register",
            &json!({ "email": user.email, "password": user.password }),
        )
        .await
    };
    for _ in 0..2 {
        assert_eq!(register().await.status(), 202);
    }
    assert_rate_limited(register().await, "register-ip", 2, 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_refresh_is_limited_per_client_ip() {
    let app = app_limiting(Policy::RefreshIp, 2, 60).await;
    let (_, tokens) = app.logged_in_user().await;
    let refreshed = app
        .refresh(tokens.refresh_token.as_deref().expect("bearer mode"))
        .await
        .expect("the first refresh works")
        .into_inner();
    let bogus = json!({ "refresh_token": "ght_not-a-real-refresh-token-at-all-000000" });
    assert_eq!(app.post_json("/api/v1/auth/token/refresh", &bogus).await.status(), 401);
    let refused = app
        .post_json(
            "/api/v1/auth/token/refresh",
            &json!({ "refresh_token": refreshed.refresh_token }),
        )
        .await;
    assert_rate_limited(refused, "refresh-ip", 2, 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_verification_is_limited_per_client_ip() {
    let app = app_limiting(Policy::VerifyEmailIp, 2, 60).await;
    let body = json!({ "token": "unknown-token-0123456789abcdefghijklmnopqrstuv" });
    for _ in 0..2 {
        assert_eq!(app.post_json("/api/v1/auth/email/verify", &body).await.status(), 400);
    }
    assert_rate_limited(
        app.post_json("/api/v1/auth/email/verify", &body).await,
        "verify-email-ip",
        2,
        60,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_reset_confirmation_is_limited_per_client_ip() {
    let app = app_limiting(Policy::PasswordResetIp, 2, 60).await;
    let body =
        json!({ "token": "unknown-token-0123456789abcdefghijklmnopqrstuv", "new_password": "a brand new passphrase" });
    let path = "/api/v1/auth/password/reset/confirm";
    for _ in 0..2 {
        assert_eq!(app.post_json(path, &body).await.status(), 400);
    }
    assert_rate_limited(app.post_json(path, &body).await, "password-reset-ip", 2, 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn password_reset_requests_are_limited_per_ip_and_per_address() {
    assert_limited_per_ip_and_per_address(
        "/api/v1/auth/password/reset",
        Policy::PasswordResetIp,
        Policy::PasswordResetEmail,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verification_resends_are_limited_per_ip_and_per_address() {
    assert_limited_per_ip_and_per_address("/api/v1/auth/email/resend", Policy::ResendIp, Policy::ResendEmail).await;
}

/// A login for a stranger, claiming to come from `forwarded_for`.
async fn login_via(app: &TestApp, forwarded_for: &str) -> reqwest::Response {
    app.http
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", forwarded_for)
        .json(&stranger_login())
        .send()
        .await
        .expect("the login is answered")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spoofed_x_forwarded_for_is_ignored_without_trusted_proxies() {
    let app = app_limiting(Policy::LoginIp, 2, 60).await;
    assert_eq!(login_via(&app, "203.0.113.1").await.status(), 401);
    assert_eq!(login_via(&app, "203.0.113.2").await.status(), 401);
    // A third "different client" is still 127.0.0.1 to the limiter.
    assert_rate_limited(login_via(&app, "203.0.113.3").await, "login-ip", 2, 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn x_forwarded_for_from_a_trusted_proxy_names_the_client_for_limits_and_sessions() {
    // Arrange: the test client plays the proxy on 127.0.0.1.
    let app = spawn_app_with(|s: &mut Settings| {
        s.limits.set(Policy::LoginIp, Some(Rate::per_secs(2, 60)));
        s.trusted_proxies = vec!["127.0.0.1/32".parse().expect("a network")];
    })
    .await;

    // Act / Assert: each client has its own quota; what they claim on the left is ignored.
    assert_eq!(login_via(&app, "203.0.113.1").await.status(), 401);
    assert_eq!(login_via(&app, "6.6.6.6, 203.0.113.1").await.status(), 401);
    assert_rate_limited(login_via(&app, "7.7.7.7, 203.0.113.1").await, "login-ip", 2, 60).await;
    assert_eq!(login_via(&app, "203.0.113.2").await.status(), 401);

    // The session records the same client address.
    let user = app.registered_user().await;
    let tokens: Value = app
        .http
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", "198.51.100.77")
        .json(&json!({ "email": user.email, "password": user.password }))
        .send()
        .await
        .expect("answered")
        .json()
        .await
        .expect("tokens");
    let sessions: Value = app
        .http
        .get(app.url("/api/v1/users/me/sessions"))
        .bearer_auth(tokens["access_token"].as_str().expect("an access token"))
        .send()
        .await
        .expect("answered")
        .json()
        .await
        .expect("sessions");
    assert_eq!(sessions["items"][0]["ip"], "198.51.100.77", "{sessions}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_can_be_switched_off() {
    let app = spawn_app_with(|s| {
        s.limits = LimitSettings::all(Rate::per_secs(1, 60));
        s.limits.enabled = false;
    })
    .await;
    for _ in 0..5 {
        assert_eq!(
            app.post_json("/api/v1/auth/login", &stranger_login()).await.status(),
            401
        );
    }
}
