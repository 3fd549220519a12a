//! Anti-enumeration: registration, login, password reset and the verification resend answer
//! alike — status, body and timing — for an address with an account and one without (the
//! one-time code operations are covered in `otp_timing`).

use std::time::Duration;

use gatehouse_tests::{EmailVerification, Settings, TestApp, TestUser, assert_alike, spawn_app_with};
use serde_json::{Value, json};

/// Every known-address request does its full work: no cooldown skips the e-mail.
fn without_cooldown(settings: &mut Settings) {
    settings.email_resend_cooldown = Duration::ZERO;
    settings.email_verification = EmailVerification::Mandatory;
}

/// Posts `body` to `path` and returns the status and the body without the fields that differ
/// per request (`request_id`, `instance`).
async fn answer(app: &TestApp, path: &str, body: Value) -> (u16, Value) {
    let response = app.post_json(path, &body).await;
    let status = response.status().as_u16();
    let mut body: Value = response.json().await.expect("a JSON answer");
    if let Some(object) = body.as_object_mut() {
        object.remove("request_id");
        object.remove("instance");
    }
    (status, body)
}

/// Asserts that `path` answers `status` with the same body for `known` and `unknown` bodies,
/// then that both take alike times.
async fn assert_indistinguishable(
    app: &TestApp,
    path: &str,
    status: u16,
    known: impl Fn() -> Value,
    unknown: impl Fn() -> Value,
) {
    let for_known = answer(app, path, known()).await;
    let for_unknown = answer(app, path, unknown()).await;
    assert_eq!(for_known.0, status, "{for_known:?}");
    assert_eq!(for_known, for_unknown);

    let expected = &for_known;
    let expect = |body: Value| async move {
        assert_eq!(answer(app, path, body).await, *expected);
    };
    assert_alike(path, || expect(known()), || expect(unknown())).await;
}

fn stranger() -> String {
    TestUser::generate().email
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_a_taken_address_is_indistinguishable_from_a_new_one() {
    let app = spawn_app_with(without_cooldown).await;
    let taken = app.registered_user().await;
    let body = |email: String| json!({ "email": email, "password": "a new passphrase 4 me" });

    // The taken address's owner gets an "account exists" notice; the new one an account.
    assert_indistinguishable(
        &app,
        "/api/v1/auth/register",
        202,
        || body(taken.email.clone()),
        || body(stranger()),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_is_indistinguishable_from_an_unknown_address() {
    let app = spawn_app_with(|_| {}).await;
    let user = app.registered_user().await;
    let unknown = stranger();
    let body = |email: &str| json!({ "email": email, "password": "not the password at all" });

    assert_indistinguishable(&app, "/api/v1/auth/login", 401, || body(&user.email), || body(&unknown)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_request_is_indistinguishable_for_an_unknown_address() {
    let app = spawn_app_with(without_cooldown).await;
    let user = app.registered_user().await;
    let unknown = stranger();

    assert_indistinguishable(
        &app,
        "/api/v1/auth/password/reset",
        202,
        || json!({ "email": user.email }),
        || json!({ "email": unknown }),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verification_resend_is_indistinguishable_for_an_unknown_address() {
    let app = spawn_app_with(without_cooldown).await;
    let unverified = app.registered_user().await;
    let unknown = stranger();

    assert_indistinguishable(
        &app,
        "/api/v1/auth/email/resend",
        202,
        || json!({ "email": unverified.email }),
        || json!({ "email": unknown }),
    )
    .await;
}
