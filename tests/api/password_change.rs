//! POST /api/v1/auth/password/change

use gatehouse_tests::{
    TestApp, TestUser, assert_logs_in_with, assert_password_is_refused, assert_problem, assert_session_live,
    assert_session_revoked, expect_problem, first_mail_to, fresh_password, has_field_error, post_password_change,
    refresh_token_of, send_marker_mail, spawn_app, types,
};
use serde_json::json;

/// Posts a password change raw, for bodies the generated client refuses to send itself (the
/// spec's length limits); expects a `422` and returns its problem.
async fn refused_change(app: &TestApp, tokens: &types::TokenResponse, body: serde_json::Value) -> types::Problem {
    let response = app
        .http
        .post(app.url("/api/v1/auth/password/change"))
        .bearer_auth(&tokens.access_token)
        .json(&body)
        .send()
        .await
        .expect("the POST is answered");
    assert_problem(response, 422, "validation_failed").await
}

/// Changes the password to a 7-character one.
async fn change_to_too_short(app: &TestApp, user: &TestUser, tokens: &types::TokenResponse) -> types::Problem {
    let body = json!({ "current_password": user.password, "new_password": "q7!Vz#2" });
    refused_change(app, tokens, body).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    // Arrange
    let app = spawn_app().await;
    let (user, this) = app.logged_in_user().await;
    let other = app.login(&user).await;
    let new_password = fresh_password();

    // Act
    let response = post_password_change(&app, &this.access_token, &user.password, &new_password)
        .await
        .expect("the password is changed");

    // Assert
    assert_eq!(response.status().as_u16(), 204);
    assert_session_live(&app, &this).await;
    app.refresh(refresh_token_of(&this))
        .await
        .expect("the session that changed the password still refreshes");
    assert_session_revoked(&app, &other).await;
    assert_logs_in_with(&app, &user, &new_password).await;
    assert_password_is_refused(&app, &user, &user.password).await;
    let notice = first_mail_to(&app, &user.email).await;
    assert!(!notice.subject.trim().is_empty());
    assert_eq!(notice.to, std::slice::from_ref(&user.email));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_current_password_is_refused_and_changes_nothing() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let new_password = fresh_password();

    // Act
    let result = post_password_change(&app, &tokens.access_token, "not the current passphrase", &new_password).await;
    send_marker_mail(&app).await;

    // Assert
    let problem = expect_problem(result, 422, "validation_failed");
    assert!(
        has_field_error(&problem, "current_password", "incorrect_password"),
        "{problem:?}"
    );
    assert_session_live(&app, &tokens).await;
    assert_logs_in_with(&app, &user, &user.password).await;
    assert_password_is_refused(&app, &user, &new_password).await;
    assert!(app.mail.mails_to(&user.email).is_empty(), "no notice is sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_weak_new_password_is_refused() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;

    // Act & Assert
    let problem = change_to_too_short(&app, &user, &tokens).await;
    assert!(problem.errors.iter().any(|e| e.field == "new_password"), "{problem:?}");
    for (weak, code) in [
        ("password123", "password_breached"),
        (user.email.as_str(), "password_equals_email"),
    ] {
        let result = post_password_change(&app, &tokens.access_token, &user.password, weak).await;
        let problem = expect_problem(result, 422, "validation_failed");
        assert!(has_field_error(&problem, "new_password", code), "{weak:?}: {problem:?}");
    }
    assert_logs_in_with(&app, &user, &user.password).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_too_short_new_password_has_the_same_error_code_as_at_registration() {
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;

    let problem = change_to_too_short(&app, &user, &tokens).await;

    // "Same policy as registration", where it is `password` / `password_too_short`.
    assert!(
        has_field_error(&problem, "new_password", "password_too_short"),
        "{problem:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_password_without_a_token_is_unauthorized() {
    let app = spawn_app().await;
    let body = types::PasswordChangeRequest {
        current_password: "correct horse battery staple"
            .try_into()
            .expect("the password fits the spec"),
        new_password: "a brand new passphrase".try_into().expect("the password fits the spec"),
    };

    let result = app.client.change_password(&body).await;

    expect_problem(result, 401, "unauthorized");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_current_password_has_the_same_error_code_as_at_login() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;

    let body = json!({ "current_password": "p".repeat(5000), "new_password": fresh_password() });

    let problem = refused_change(&app, &tokens, body).await;
    assert!(
        has_field_error(&problem, "current_password", "password_too_long"),
        "{problem:?}"
    );
}
