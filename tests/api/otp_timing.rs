//! Anti-enumeration by timing: requesting and verifying a code take as long for an address
//! without an account as for one with an account (see `assert_alike`).

use std::time::Duration;

use gatehouse_tests::{
    Settings, TestUser, assert_alike, expect_invalid_code, other_code, request_otp, requested_code, spawn_app_with,
    verify_otp,
};

/// Every request really sends (no cooldown, no cap in reach) and codes never run out of
/// attempts, so each round of the known address does the full work.
fn unlimited(settings: &mut Settings) {
    settings.otp.resend_cooldown = Duration::ZERO;
    settings.otp.send_limit = 10_000;
    settings.otp.max_attempts = 10_000;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requesting_a_code_takes_as_long_for_an_unknown_address() {
    // Arrange
    let app = spawn_app_with(unlimited).await;
    let known = app.registered_user().await;
    let unknown = TestUser::generate();
    for email in [&known.email, &unknown.email] {
        request_otp(&app.client, email).await.expect("accepted");
    }

    // Act
    let accepted = |email: String| {
        let client = &app.client;
        async move {
            let answer = request_otp(client, &email).await.expect("accepted");
            assert_eq!(answer.status().as_u16(), 202);
        }
    };
    // Assert: the lookup, the code and the e-mail happen after the answer for both.
    assert_alike(
        "request",
        || accepted(known.email.clone()),
        || accepted(unknown.email.clone()),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verifying_a_code_takes_as_long_for_an_unknown_address() {
    // Arrange: the known address has a live code, tried with a wrong one.
    let app = spawn_app_with(unlimited).await;
    let known = app.registered_user().await;
    let unknown = TestUser::generate();
    let wrong = other_code(&requested_code(&app, &known.email).await);
    for email in [&known.email, &unknown.email] {
        expect_invalid_code(verify_otp(&app.client, email, &wrong).await);
    }

    // Act
    let refused = |email: String| {
        let (client, wrong) = (&app.client, &wrong);
        async move {
            expect_invalid_code(verify_otp(client, &email, wrong).await);
        }
    };
    // Assert: both look the account up, reserve an attempt (on a code, or on nothing),
    // compare hashes and write an `otp_failed` audit event.
    assert_alike(
        "verify",
        || refused(known.email.clone()),
        || refused(unknown.email.clone()),
    )
    .await;
}
