//! Rate limits on the one-time code operations: per client IP, and per address where the
//! request names one — alike for addresses with and without an account.

use gatehouse_tests::{Policy, app_limiting, assert_limited_per_ip_and_per_address, assert_rate_limited};
use serde_json::{Value, json};
use uuid::Uuid;

/// A code for an address nobody has.
fn stranger_code() -> Value {
    json!({ "email": format!("nobody-{}@example.com", Uuid::new_v4()), "code": "123456" })
}

/// A challenge nobody was given.
fn unknown_challenge() -> String {
    format!("unknown-challenge-{}", Uuid::new_v4().simple())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_requests_are_limited_per_ip_and_per_address() {
    assert_limited_per_ip_and_per_address(
        "/api/v1/auth/otp/request",
        Policy::OtpRequestIp,
        Policy::OtpRequestEmail,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_attempts_are_limited_per_client_ip() {
    let app = app_limiting(Policy::OtpVerifyIp, 2, 60).await;
    let path = "/api/v1/auth/otp/verify";
    for _ in 0..2 {
        assert_eq!(app.post_json(path, &stranger_code()).await.status(), 400);
    }

    assert_rate_limited(app.post_json(path, &stranger_code()).await, "otp-verify-ip", 2, 60).await;
    // The second step of a password login shares the per-IP attempts.
    let second_step = json!({ "challenge": unknown_challenge(), "code": "123456" });
    let refused = app.post_json("/api/v1/auth/login/otp", &second_step).await;
    assert_rate_limited(refused, "otp-verify-ip", 2, 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_attempts_are_limited_per_address_alike_with_and_without_an_account() {
    let app = app_limiting(Policy::OtpVerifyEmail, 2, 900).await;
    let user = app.registered_user().await;
    let unknown = format!("nobody-{}@example.com", Uuid::new_v4());
    let path = "/api/v1/auth/otp/verify";

    for email in [user.email.clone(), unknown] {
        for _ in 0..2 {
            let attempt = json!({ "email": email, "code": "123456" });
            assert_eq!(app.post_json(path, &attempt).await.status(), 400);
        }
        let refused = app
            .post_json(path, &json!({ "email": email.to_uppercase(), "code": "123456" }))
            .await;
        assert_rate_limited(refused, "otp-verify-email", 2, 900).await;
    }
    // Another address is not affected.
    assert_eq!(app.post_json(path, &stranger_code()).await.status(), 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resends_are_limited_per_client_ip() {
    let app = app_limiting(Policy::OtpResendIp, 2, 60).await;
    let path = "/api/v1/auth/otp/resend";
    for _ in 0..2 {
        let resend = json!({ "challenge": unknown_challenge() });
        assert_eq!(app.post_json(path, &resend).await.status(), 400);
    }

    let by_address = json!({ "email": format!("nobody-{}@example.com", Uuid::new_v4()) });
    assert_rate_limited(app.post_json(path, &by_address).await, "otp-resend-ip", 2, 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resends_are_limited_per_address_alike_with_and_without_an_account() {
    let app = app_limiting(Policy::OtpResendEmail, 1, 900).await;
    let user = app.registered_user().await;
    let unknown = format!("nobody-{}@example.com", Uuid::new_v4());
    let path = "/api/v1/auth/otp/resend";

    for email in [user.email.clone(), unknown] {
        assert_eq!(app.post_json(path, &json!({ "email": email })).await.status(), 202);
        let refused = app.post_json(path, &json!({ "email": email.to_uppercase() })).await;
        assert_rate_limited(refused, "otp-resend-email", 1, 900).await;
    }
}
