//! GET and PATCH /api/v1/admin/settings: knobs in the database over environment defaults,
//! validated, audited, and in force on every instance within seconds.

use std::time::{Duration, Instant};

use gatehouse_tests::{
    Client, TestApp, TestUser, assert_problem, expect_problem, has_field_error, login_request, spawn_app, staff_user,
    types::{self, EmailVerificationMode, RuntimeSettingsUpdate},
};
use serde_json::json;

/// How long a change may take to reach another instance in these tests (it reloads every 200 ms).
const PROPAGATION: Duration = Duration::from_secs(5);

async fn staff_client(app: &TestApp) -> (Client, String) {
    let (_, tokens) = staff_user(app).await;
    (app.client_with_token(&tokens.access_token), tokens.access_token)
}

async fn patch_raw(app: &TestApp, token: &str, body: serde_json::Value) -> reqwest::Response {
    app.http
        .patch(app.url("/api/v1/admin/settings"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("the server answers")
}

/// The access-token lifetime a login through `address` is given.
async fn login_expires_in(address: &str, user: &TestUser) -> i64 {
    Client::new(address)
        .login(&user.login_request())
        .await
        .expect("login succeeds")
        .into_inner()
        .expires_in
}

async fn settings_changed_events(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'settings_changed'")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_read_the_environment_defaults_before_anything_is_changed() {
    // Arrange
    let app = spawn_app().await;
    let (admin, _) = staff_client(&app).await;

    // Act
    let settings = admin
        .get_runtime_settings()
        .await
        .expect("settings are returned")
        .into_inner();

    // Assert
    assert_eq!(settings.access_token_lifetime, 300);
    assert_eq!(settings.refresh_token_lifetime, 14 * 86_400);
    assert_eq!(settings.refresh_token_grace_period, 10);
    assert_eq!(settings.email_verification, types::EmailVerificationMode::None);
    assert_eq!(settings.email_verification_token_lifetime, 86_400);
    assert_eq!(settings.password_reset_token_lifetime, 3600);
    assert_eq!(settings.email_resend_cooldown, 60);
    assert_eq!(settings.audit_log_retention_days.get(), 365);
    assert!(settings.overridden.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_is_in_force_at_once_and_audited_with_old_and_new_values() {
    // Arrange
    let app = spawn_app().await;
    let (staff, staff_tokens) = staff_user(&app).await;
    let admin = app.client_with_token(&staff_tokens.access_token);
    let user = app.registered_user().await;
    let change = RuntimeSettingsUpdate {
        access_token_lifetime: Some(120),
        refresh_token_grace_period: Some(5),
        ..RuntimeSettingsUpdate::default()
    };

    // Act
    let settings = admin
        .update_runtime_settings(&change)
        .await
        .expect("the change is accepted")
        .into_inner();

    // Assert
    assert_eq!(settings.access_token_lifetime, 120);
    assert_eq!(settings.refresh_token_grace_period, 5);
    assert_eq!(
        settings.overridden,
        ["access_token_lifetime", "refresh_token_grace_period"]
    );
    assert_eq!(login_expires_in(&app.address, &user).await, 120);
    let staff_id = app.user_id(&staff.email).await;
    let log = admin
        .list_audit_log(Some(&staff_id), None, None, None, None, None, None)
        .await
        .expect("the log is returned")
        .into_inner();
    let event = log
        .items
        .iter()
        .find(|e| e.event_type == "settings_changed")
        .expect("the change is audited");
    assert_eq!(
        json!(event.detail),
        json!({ "changes": {
            "access_token_lifetime": { "old": 300, "new": 120 },
            "refresh_token_grace_period": { "old": 10, "new": 5 },
        }})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_made_on_one_instance_reaches_another_without_a_restart() {
    // Arrange
    let app = spawn_app().await;
    let other = app.spawn_another_instance().await;
    let (admin, _) = staff_client(&app).await;
    let user = app.registered_user().await;
    assert_eq!(login_expires_in(&other, &user).await, 300);
    let shorter_tokens = RuntimeSettingsUpdate {
        access_token_lifetime: Some(90),
        ..RuntimeSettingsUpdate::default()
    };
    let mandatory = RuntimeSettingsUpdate {
        email_verification: Some(EmailVerificationMode::Mandatory),
        ..RuntimeSettingsUpdate::default()
    };
    let newcomer = TestUser::generate();
    Client::new(&other)
        .register(&newcomer.register_request())
        .await
        .expect("registration is accepted");

    // Act + Assert: the other instance issues 90-second tokens...
    admin
        .update_runtime_settings(&shorter_tokens)
        .await
        .expect("the change is accepted");
    let started = Instant::now();
    while login_expires_in(&other, &user).await != 90 {
        assert!(
            started.elapsed() < PROPAGATION,
            "the other instance never saw the change"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // ...and then waits for a verified address before letting the newcomer in.
    admin
        .update_runtime_settings(&mandatory)
        .await
        .expect("the change is accepted");
    let started = Instant::now();
    loop {
        match Client::new(&other).login(&newcomer.login_request()).await {
            Ok(_) => assert!(
                started.elapsed() < PROPAGATION,
                "the other instance never saw the change"
            ),
            refused => {
                expect_problem(refused, 403, "email_not_verified");
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn null_puts_a_knob_back_to_its_environment_default() {
    // Arrange
    let app = spawn_app().await;
    let (admin, token) = staff_client(&app).await;
    let change = RuntimeSettingsUpdate {
        access_token_lifetime: Some(600),
        email_resend_cooldown: Some(0),
        ..RuntimeSettingsUpdate::default()
    };
    admin
        .update_runtime_settings(&change)
        .await
        .expect("the change is accepted");

    // Act
    let response = patch_raw(&app, &token, json!({ "access_token_lifetime": null })).await;

    // Assert
    assert_eq!(response.status(), 200);
    let settings: serde_json::Value = response.json().await.expect("a JSON body");
    assert_eq!(settings["access_token_lifetime"], 300);
    assert_eq!(settings["email_resend_cooldown"], 0);
    assert_eq!(settings["overridden"], json!(["email_resend_cooldown"]));
    let user = app.registered_user().await;
    assert_eq!(login_expires_in(&app.address, &user).await, 300);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_out_of_bounds_are_refused_and_change_nothing() {
    // Arrange
    let app = spawn_app().await;
    let (admin, token) = staff_client(&app).await;
    let before = admin
        .get_runtime_settings()
        .await
        .expect("settings are returned")
        .into_inner();
    let refused = [
        (json!({ "access_token_lifetime": 10 }), "access_token_lifetime"),
        (json!({ "access_token_lifetime": -300 }), "access_token_lifetime"),
        (json!({ "access_token_lifetime": "600" }), "access_token_lifetime"),
        (
            json!({ "refresh_token_grace_period": 121 }),
            "refresh_token_grace_period",
        ),
        (
            json!({ "password_reset_token_lifetime": 600 }),
            "password_reset_token_lifetime",
        ),
        (json!({ "audit_log_retention_days": 0 }), "audit_log_retention_days"),
        (json!({ "email_verification": "sometimes" }), "email_verification"),
        // Valid on its own, but shorter than the access token.
        (
            json!({ "access_token_lifetime": 3600, "refresh_token_lifetime": 600 }),
            "refresh_token_lifetime",
        ),
    ];

    // Act + Assert
    for (body, field) in refused {
        let problem = assert_problem(patch_raw(&app, &token, body.clone()).await, 422, "validation_failed").await;
        let named = problem.errors.iter().any(|e| e.field == field);
        assert!(named, "{body} names {field}: {problem:?}");
    }
    let problem = assert_problem(
        patch_raw(
            &app,
            &token,
            json!({ "access_token_lifetime": 3600, "refresh_token_lifetime": 600 }),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert!(has_field_error(
        &problem,
        "refresh_token_lifetime",
        "shorter_than_access_token"
    ));
    let after = admin
        .get_runtime_settings()
        .await
        .expect("settings are returned")
        .into_inner();
    assert_eq!(json!(after), json!(before));
    assert_eq!(settings_changed_events(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_to_the_current_values_is_not_audited() {
    // Arrange
    let app = spawn_app().await;
    let (admin, _) = staff_client(&app).await;
    let same = RuntimeSettingsUpdate {
        access_token_lifetime: Some(300),
        ..RuntimeSettingsUpdate::default()
    };

    // Act
    let settings = admin
        .update_runtime_settings(&same)
        .await
        .expect("accepted")
        .into_inner();

    // Assert: stored (it stays 300 if the environment changes), but nothing changed.
    assert_eq!(settings.overridden, ["access_token_lifetime"]);
    assert_eq!(settings_changed_events(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_staff_read_or_change_the_settings() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let outsider = app.client_with_token(&tokens.access_token);
    let change = RuntimeSettingsUpdate {
        access_token_lifetime: Some(86_400),
        ..RuntimeSettingsUpdate::default()
    };

    // Act + Assert
    expect_problem(outsider.get_runtime_settings().await, 403, "forbidden");
    expect_problem(outsider.update_runtime_settings(&change).await, 403, "forbidden");
    expect_problem(app.client.get_runtime_settings().await, 401, "unauthorized");
    expect_problem(app.client.update_runtime_settings(&change).await, 401, "unauthorized");
    outsider.logout().await.expect("logout succeeds");
    expect_problem(outsider.update_runtime_settings(&change).await, 401, "session_revoked");
    let login = app
        .client
        .login(&login_request(&user.email, &user.password))
        .await
        .expect("login succeeds")
        .into_inner();
    assert_eq!(login.expires_in, 300, "nothing changed");
}
