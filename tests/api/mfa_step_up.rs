//! Step-up: sensitive operations need an authentication within `REAUTH_MAX_AGE` at the
//! session's level, refreshed by `reauthenticate`; and `MFA_REQUIRED`, which lets an account
//! without a second factor do nothing but add one.

use std::time::Duration;

use gatehouse::config::MfaRequired;
use gatehouse_tests::{
    Authenticator, age_authentications, complete_mfa, confirm_totp, enable_totp, expect_problem, has_field_error,
    jwt_claims, login_challenge, mfa_summary, post_password_change, reauthenticate, spawn_app, spawn_app_with,
    start_totp,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_session_must_reauthenticate_before_changing_its_factors() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    age_authentications(&app, Duration::from_secs(601)).await;

    // Act
    let stale = start_totp(&app, &tokens.access_token).await;
    let wrong = reauthenticate(&app, &tokens.access_token, Some("not the password"), None).await;
    let both = reauthenticate(&app, &tokens.access_token, Some(&user.password), Some("123456")).await;
    let fresh = reauthenticate(&app, &tokens.access_token, Some(&user.password), None)
        .await
        .expect("the password re-authenticates")
        .into_inner();
    let after = start_totp(&app, &tokens.access_token).await;

    // Assert
    let problem = expect_problem(stale, 401, "reauthentication_required");
    assert!(problem.detail.unwrap_or_default().contains("reauthenticate"));
    let problem = expect_problem(wrong, 422, "validation_failed");
    assert!(has_field_error(&problem, "password", "incorrect_password"));
    expect_problem(both, 422, "validation_failed");
    assert_eq!(after.expect("fresh enough now").status().as_u16(), 200);
    assert_eq!(fresh.aal.get(), 1);
    assert!((chrono::Utc::now() - fresh.auth_time).num_seconds() < 30);
    let claims = jwt_claims(&fresh.access_token);
    assert_eq!(
        claims["sid"],
        jwt_claims(&tokens.access_token)["sid"],
        "the same session"
    );
    assert_eq!(claims["auth_time"], fresh.auth_time.timestamp());
    let events = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'reauthenticated'";
    assert_eq!(app.count(events).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_with_a_second_factor_steps_up_with_it_not_the_password() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (authenticator, _) = enable_totp(&app, &tokens.access_token).await;
    let challenge = login_challenge(&app, &user).await;
    let session = complete_mfa(&app.client, &challenge.challenge, &authenticator.code(0))
        .await
        .unwrap()
        .into_inner();
    age_authentications(&app, Duration::from_secs(3600)).await;
    let client = app.client_with_token(&session.access_token);

    // Act
    let stale_change =
        post_password_change(&app, &session.access_token, &user.password, "a brand new passphrase").await;
    let stale_codes = client.regenerate_recovery_codes().await;
    let with_password = reauthenticate(&app, &session.access_token, Some(&user.password), None).await;
    let replayed = reauthenticate(&app, &session.access_token, None, Some(&authenticator.code(0))).await;
    let with_code = reauthenticate(&app, &session.access_token, None, Some(&authenticator.code(1)))
        .await
        .expect("a fresh code re-authenticates")
        .into_inner();
    let codes = client.regenerate_recovery_codes().await;

    // Assert
    expect_problem(stale_change, 401, "reauthentication_required");
    expect_problem(stale_codes, 401, "reauthentication_required");
    let problem = expect_problem(with_password, 422, "validation_failed");
    assert!(has_field_error(&problem, "code", "second_factor_required"));
    let problem = expect_problem(replayed, 422, "validation_failed");
    assert!(has_field_error(&problem, "code", "invalid_code"));
    assert_eq!(with_code.aal.get(), 2);
    assert_eq!(codes.expect("fresh again").status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_max_age_is_a_runtime_setting() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let (_, staff) = gatehouse_tests::superuser(&app).await;
    let update = gatehouse_tests::types::RuntimeSettingsUpdate {
        reauth_max_age: Some(3600),
        ..Default::default()
    };

    // Act
    let too_short = app
        .client_with_token(&staff.access_token)
        .update_runtime_settings(&gatehouse_tests::types::RuntimeSettingsUpdate {
            reauth_max_age: Some(59),
            ..Default::default()
        })
        .await;
    let settings = app
        .client_with_token(&staff.access_token)
        .update_runtime_settings(&update)
        .await
        .expect("staff change it")
        .into_inner();
    tokio::time::sleep(Duration::from_millis(600)).await;
    age_authentications(&app, Duration::from_secs(1800)).await;
    let within = start_totp(&app, &tokens.access_token).await;

    // Assert
    expect_problem(too_short, 422, "validation_failed");
    assert_eq!(settings.reauth_max_age, 3600);
    assert_eq!(within.expect("30 minutes is within an hour").status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mfa_required_lets_an_account_without_a_factor_only_enrol() {
    // Arrange
    let app = spawn_app_with(|s| s.mfa.required = MfaRequired::All).await;
    let (_, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);

    // Act
    let me = client.get_me().await;
    let sessions = client.list_sessions().await;
    let summary = mfa_summary(&app, &tokens.access_token).await;
    let enrollment = start_totp(&app, &tokens.access_token)
        .await
        .expect("enrolling works")
        .into_inner();
    let authenticator = Authenticator::new(&enrollment.secret).await;
    confirm_totp(&app, &tokens.access_token, &authenticator.code(0))
        .await
        .expect("the code confirms");
    let sessions_after = client.list_sessions().await;

    // Assert
    assert_eq!(me.expect("getMe works").status().as_u16(), 200);
    expect_problem(sessions, 403, "mfa_enrollment_required");
    assert!(summary.enrollment_required);
    assert_eq!(
        sessions_after
            .expect("everything works once enrolled")
            .status()
            .as_u16(),
        200
    );
    assert!(!mfa_summary(&app, &tokens.access_token).await.enrollment_required);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mfa_required_for_staff_spares_other_accounts() {
    let app = spawn_app_with(|s| s.mfa.required = MfaRequired::Staff).await;
    let (_, tokens) = app.logged_in_user().await;
    let (_, staff) = gatehouse_tests::superuser(&app).await;

    let user_sessions = app.client_with_token(&tokens.access_token).list_sessions().await;
    let staff_users = app
        .client_with_token(&staff.access_token)
        .get_user(&uuid::Uuid::now_v7())
        .await;

    assert_eq!(user_sessions.expect("a user is not covered").status().as_u16(), 200);
    expect_problem(staff_users, 403, "mfa_enrollment_required");
}
