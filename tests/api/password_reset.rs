//! POST /api/v1/auth/password/reset and /api/v1/auth/password/reset/confirm

use std::time::Duration;

use gatehouse_tests::{
    EmailVerification, Error, FRONTEND_URL, Settings, TestApp, TestUser, assert_logs_in_with,
    assert_password_is_refused, assert_problem, assert_session_revoked, expect_problem, expire_email_tokens,
    first_mail_to, fresh_password, has_field_error, nth_mail_to, post_password_change, post_password_reset,
    post_password_reset_confirm, reset_token, send_marker_mail, spawn_app, spawn_app_with, tampered, types,
    unknown_token,
};
use serde_json::json;

fn without_cooldown(settings: &mut Settings) {
    settings.email_resend_cooldown = Duration::ZERO;
}

/// Asserts that confirming with `token` is refused as `invalid_token`; `what` names the case.
async fn assert_token_refused(app: &TestApp, what: &str, token: &str) {
    let result = post_password_reset_confirm(app, token, &fresh_password()).await;
    let refused = matches!(&result, Err(Error::ErrorResponse(r)) if r.status().as_u16() == 400);
    assert!(refused, "the {what} token: {result:?}");
    expect_problem(result, 400, "invalid_token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_sets_the_new_password_ends_every_session_and_sends_a_notice() {
    // Arrange
    let app = spawn_app().await;
    let (user, laptop) = app.logged_in_user().await;
    let phone = app.login(&user).await;
    let requested = post_password_reset(&app, &user.email)
        .await
        .expect("the request is accepted");
    let mail = first_mail_to(&app, &user.email).await;
    let token = mail.token_from_link("/reset-password");
    let new_password = fresh_password();

    // Act
    let confirmed = post_password_reset_confirm(&app, &token, &new_password)
        .await
        .expect("the reset is confirmed");

    // Assert
    assert_eq!(requested.status().as_u16(), 202);
    let link = mail.link_with("/reset-password");
    assert_eq!(link, format!("{FRONTEND_URL}/reset-password?token={token}"));
    assert!(mail.html.as_deref().expect("an HTML part").contains(&link));
    assert_eq!(confirmed.status().as_u16(), 204);
    assert_password_is_refused(&app, &user, &user.password).await;
    assert_logs_in_with(&app, &user, &new_password).await;
    assert_session_revoked(&app, &laptop).await;
    assert_session_revoked(&app, &phone).await;
    let notice = nth_mail_to(&app, &user.email, 2).await;
    assert!(!notice.subject.trim().is_empty());
    assert_ne!(notice.subject, mail.subject);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_address_gets_the_same_answer_and_no_email() {
    let app = spawn_app().await;
    let known = app.registered_user().await;
    let unknown = TestUser::generate();

    let for_unknown = post_password_reset(&app, &unknown.email)
        .await
        .expect("the request is accepted");
    // Queued after the unknown address's request: the ordering marker.
    let for_known = post_password_reset(&app, &known.email)
        .await
        .expect("the request is accepted");
    first_mail_to(&app, &known.email).await;

    assert_eq!(for_unknown.status(), for_known.status());
    assert_eq!(for_unknown.status().as_u16(), 202);
    assert_eq!(for_unknown.into_inner().detail, for_known.into_inner().detail);
    assert!(app.mail.mails_to(&unknown.email).is_empty());
    assert_eq!(app.mail.count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_token_works_only_once() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let token = reset_token(&app, &user.email).await;
    let first = fresh_password();
    post_password_reset_confirm(&app, &token, &first)
        .await
        .expect("the first use resets");

    assert_token_refused(&app, "spent", &token).await;
    assert_logs_in_with(&app, &user, &first).await;
}

/// Confirms `token` with a 7-character password, sent raw: the spec's minLength makes the
/// generated client refuse it itself.
async fn confirm_too_short(app: &TestApp, token: &str) -> types::Problem {
    let body = json!({ "token": token, "new_password": "q7!Vz#2" });
    let response = app.post_json("/api/v1/auth/password/reset/confirm", &body).await;
    assert_problem(response, 422, "validation_failed").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_new_password_is_a_field_error_and_leaves_the_token_usable() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let token = reset_token(&app, &user.email).await;

    // Act & Assert: too short (the generated client refuses it itself: sent raw), too common,
    // and the address itself.
    let problem = confirm_too_short(&app, &token).await;
    assert!(problem.errors.iter().any(|e| e.field == "new_password"), "{problem:?}");
    for (weak, code) in [
        ("password123", "password_breached"),
        (user.email.as_str(), "password_equals_email"),
    ] {
        let result = post_password_reset_confirm(&app, &token, weak).await;
        let problem = expect_problem(result, 422, "validation_failed");
        assert!(has_field_error(&problem, "new_password", code), "{weak:?}: {problem:?}");
    }

    let new_password = fresh_password();
    post_password_reset_confirm(&app, &token, &new_password)
        .await
        .expect("the token still works");
    assert_logs_in_with(&app, &user, &new_password).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_too_short_new_password_has_the_same_error_code_as_at_registration() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let token = reset_token(&app, &user.email).await;

    let problem = confirm_too_short(&app, &token).await;

    // "Same policy as registration", where it is `password` / `password_too_short`.
    assert!(
        has_field_error(&problem, "new_password", "password_too_short"),
        "{problem:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_tampered_unknown_and_foreign_tokens_are_invalid() {
    // Arrange
    let app = spawn_app_with(|s| s.email_verification = EmailVerification::Mandatory).await;
    let user = app.registered_user().await;
    let verification = first_mail_to(&app, &user.email).await;
    let token = reset_token(&app, &user.email).await;

    // Act & Assert
    assert_token_refused(&app, "tampered", &tampered(&token)).await;
    assert_token_refused(&app, "unknown", &unknown_token()).await;
    let foreign = verification.token_from_link("/verify-email");
    assert_token_refused(&app, "verify_email", &foreign).await;
    expire_email_tokens(&app, app.user_id(&user.email).await).await;
    assert_token_refused(&app, "expired", &token).await;

    // The password is unchanged: the right one still gets as far as the verification check.
    expect_problem(app.client.login(&user.login_request()).await, 403, "email_not_verified");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newer_reset_link_voids_the_older_one() {
    let app = spawn_app_with(without_cooldown).await;
    let user = app.registered_user().await;
    let older = reset_token(&app, &user.email).await;
    let newer = reset_token(&app, &user.email).await;

    assert_ne!(older, newer);
    assert_token_refused(&app, "older", &older).await;
    let new_password = fresh_password();
    post_password_reset_confirm(&app, &newer, &new_password)
        .await
        .expect("the newer link works");
    assert_logs_in_with(&app, &user, &new_password).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_password_voids_an_outstanding_reset_link() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let token = reset_token(&app, &user.email).await;
    let changed = fresh_password();

    // Act
    post_password_change(&app, &tokens.access_token, &user.password, &changed)
        .await
        .expect("the password is changed");

    // Assert
    assert_token_refused(&app, "outstanding", &token).await;
    assert_logs_in_with(&app, &user, &changed).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unverified_account_that_resets_its_password_can_log_in() {
    // Arrange
    let app = spawn_app_with(|s| s.email_verification = EmailVerification::Mandatory).await;
    let user = app.registered_user().await;
    expect_problem(app.client.login(&user.login_request()).await, 403, "email_not_verified");
    let token = reset_token(&app, &user.email).await;
    let new_password = fresh_password();

    // Act
    post_password_reset_confirm(&app, &token, &new_password)
        .await
        .expect("the reset is confirmed");

    // Assert: following the link proved the mailbox.
    let tokens = assert_logs_in_with(&app, &user, &new_password).await;
    let me = app.client_with_token(&tokens.access_token).get_me().await;
    assert!(me.expect("the account can be read").into_inner().email_verified);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_request_within_the_cooldown_sends_no_second_email() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let first = post_password_reset(&app, &user.email)
        .await
        .expect("the request is accepted");

    let second = post_password_reset(&app, &user.email)
        .await
        .expect("the request is accepted");
    send_marker_mail(&app).await;

    assert_eq!(second.status(), first.status());
    assert_eq!(second.into_inner().detail, first.into_inner().detail);
    assert_eq!(app.mail.mails_to(&user.email).len(), 1);
}

/// Requests that overlap must not fail: on SQLite the server's transactions read before they
/// write, and such a deferred transaction cannot take the write lock once another connection
/// has written since its read (`database is locked`, a 500).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_reset_requests_all_succeed() {
    // Arrange
    let app = spawn_app().await;
    let mut users = Vec::new();
    for _ in 0..8 {
        users.push(app.registered_user().await);
    }

    // Act
    let requests = users.iter().map(|user| post_password_reset(&app, &user.email));
    let answers = futures::future::join_all(requests).await;

    // Assert
    let statuses: Vec<Option<u16>> = answers
        .iter()
        .map(|answer| match answer {
            Ok(response) => Some(response.status().as_u16()),
            Err(error) => error.status().map(|status| status.as_u16()),
        })
        .collect();
    assert!(statuses.iter().all(|status| *status == Some(202)), "{statuses:?}");
    for user in &users {
        first_mail_to(&app, &user.email).await;
    }
}
