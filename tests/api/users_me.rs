//! GET, PATCH and DELETE /api/v1/users/me

use gatehouse_tests::{
    TestUser, assert_problem, expect_problem, has_field_error, spawn_app, spawn_app_with,
    types::{DeleteMeRequest, UpdateMeRequest},
};
use serde_json::json;

fn delete_request(password: &str) -> DeleteMeRequest {
    DeleteMeRequest {
        password: password.try_into().expect("the password fits the spec"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn me_returns_the_signed_in_account() {
    let app = spawn_app().await;
    let user = TestUser::generate();
    app.register(&user).await;
    let tokens = app.login(&user).await;

    let me = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the account is returned");

    assert_eq!(me.status().as_u16(), 200);
    assert_eq!(me.id, app.user_id(&user.email).await);
    assert_eq!(me.email, user.email);
    assert_eq!(me.first_name, "Ada");
    assert_eq!(me.last_name, "Lovelace");
    assert!((chrono::Utc::now() - me.date_joined).num_seconds().abs() < 60);
    assert!(me.is_active);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updating_a_name_changes_only_that_name() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);
    let update = UpdateMeRequest {
        first_name: Some("Augusta".try_into().expect("a short name")),
        last_name: None,
        otp_login_enabled: None,
        marketing_consent: None,
    };

    // Act
    let updated = client.update_me(&update).await.expect("the update succeeds");

    // Assert
    assert_eq!(updated.status().as_u16(), 200);
    assert_eq!(updated.first_name, "Augusta");
    assert_eq!(updated.last_name, "Lovelace");
    let me = client.get_me().await.expect("the account is returned");
    assert_eq!((me.first_name.as_str(), me.last_name.as_str()), ("Augusta", "Lovelace"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_string_clears_a_name_and_an_empty_update_changes_nothing() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);

    let cleared = UpdateMeRequest {
        first_name: None,
        last_name: Some("".try_into().expect("an empty name")),
        otp_login_enabled: None,
        marketing_consent: None,
    };
    let updated = client.update_me(&cleared).await.expect("the update succeeds");
    assert_eq!((updated.first_name.as_str(), updated.last_name.as_str()), ("Ada", ""));

    let unchanged = client
        .update_me(&UpdateMeRequest::default())
        .await
        .expect("an empty update succeeds");
    assert_eq!(
        (unchanged.first_name.as_str(), unchanged.last_name.as_str()),
        ("Ada", "")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_null_name_is_the_same_as_leaving_it_out() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;

    let response = app
        .http
        .patch(app.url("/api/v1/users/me"))
        .bearer_auth(&tokens.access_token)
        .json(&json!({ "first_name": null, "last_name": "Byron" }))
        .send()
        .await
        .expect("the request is sent");

    assert_eq!(response.status().as_u16(), 200);
    let account: serde_json::Value = response.json().await.expect("a JSON account");
    assert_eq!(
        (account["first_name"].as_str(), account["last_name"].as_str()),
        (Some("Ada"), Some("Byron"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_longer_than_150_characters_is_rejected() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;

    let response = app
        .http
        .patch(app.url("/api/v1/users/me"))
        .bearer_auth(&tokens.access_token)
        .json(&json!({ "first_name": "n".repeat(151) }))
        .send()
        .await
        .expect("the PATCH is answered");

    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(has_field_error(&problem, "first_name", "too_long"), "{problem:?}");
    let me = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the account is returned");
    assert_eq!(me.first_name, "Ada");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_the_account_needs_the_right_password() {
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);

    let result = client.delete_me(&delete_request("not the password at all")).await;

    let problem = expect_problem(result, 422, "validation_failed");
    assert!(
        has_field_error(&problem, "password", "incorrect_password"),
        "{problem:?}"
    );
    client.get_me().await.expect("the account and its session survive");
    app.login(&user).await;
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM users WHERE deleted_at IS NULL")
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_account_can_no_longer_log_in_or_use_its_tokens() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let other_session = app.login(&user).await;
    let client = app.client_with_token(&tokens.access_token);

    // Act
    let response = client
        .delete_me(&delete_request(&user.password))
        .await
        .expect("the deletion succeeds");

    // Assert: scheduled (the grace period is on by default); sign-in refused meanwhile.
    assert_eq!(response.status().as_u16(), 202);
    expect_problem(
        app.client.login(&user.login_request()).await,
        403,
        "account_pending_deletion",
    );
    for session in [&tokens, &other_session] {
        let me = app.client_with_token(&session.access_token).get_me().await;
        assert_eq!(
            me.expect_err("the token is dead").status().map(|s| s.as_u16()),
            Some(401)
        );
        let refresh_token = session.refresh_token.as_deref().expect("a refresh token");
        let refresh = app.refresh(refresh_token).await;
        assert_eq!(
            refresh
                .expect_err("the refresh token is dead")
                .status()
                .map(|s| s.as_u16()),
            Some(401)
        );
    }
    // The row stays whole until the grace period is over; its sessions are revoked.
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM users WHERE deletion_due_at IS NOT NULL AND deleted_at IS NULL")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL")
            .await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_address_of_a_deleted_account_can_register_again() {
    let app = spawn_app_with(|s| s.privacy.account_deletion_grace_period = std::time::Duration::ZERO).await;
    let user = TestUser::generate();
    app.register(&user).await;
    let old = app.user_id(&user.email).await;
    let tokens = app.login(&user).await;
    app.client_with_token(&tokens.access_token)
        .delete_me(&delete_request(&user.password))
        .await
        .expect("the deletion succeeds");

    let new = app
        .client
        .register(&user.register_request())
        .await
        .expect("the address is free again");

    assert_eq!(new.status().as_u16(), 202);
    let new_id = app.user_id(&user.email).await;
    assert_ne!(new_id, old);
    let fresh = app.login(&user).await;
    let me = app
        .client_with_token(&fresh.access_token)
        .get_me()
        .await
        .expect("the new account works");
    assert_eq!(me.id, new_id);
}
