//! Authenticator apps (TOTP): enrolment, sign-in with the code as the second step, replay
//! refusal (the same code, an older one, the confirmation code, two instances at once), and
//! the factor's removal.

use gatehouse_tests::{
    Authenticator, audit_events, complete_mfa, confirm_totp, enable_totp, expect_invalid_code, expect_problem,
    first_mail_to, jwt_claims, login_challenge, mfa_summary, nth_mail_to, spawn_app, start_totp, superuser, types,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_enrolled_app_is_asked_for_after_the_password_and_its_code_signs_in() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let enrollment = start_totp(&app, &tokens.access_token)
        .await
        .expect("the enrolment starts");
    let cache_control = enrollment.headers().get("cache-control").cloned();
    let enrollment = enrollment.into_inner();
    let before = mfa_summary(&app, &tokens.access_token).await;
    let authenticator = Authenticator::new(&enrollment.secret).await;

    // Act
    let recovery = confirm_totp(&app, &tokens.access_token, &authenticator.code(0))
        .await
        .expect("a current code confirms")
        .into_inner()
        .recovery_codes;
    let after = mfa_summary(&app, &tokens.access_token).await;
    let challenge = login_challenge(&app, &user).await;
    let signed_in = complete_mfa(&app.client, &challenge.challenge, &authenticator.code(1))
        .await
        .expect("the next step's code completes the login")
        .into_inner();

    // Assert
    assert_eq!(cache_control.unwrap(), "no-store");
    assert_eq!(enrollment.secret.len(), 32, "160 bits in base32: {}", enrollment.secret);
    assert!(
        enrollment.otpauth_uri.starts_with("otpauth://totp/Gatehouse:"),
        "{}",
        enrollment.otpauth_uri
    );
    assert!(
        enrollment
            .otpauth_uri
            .contains(&format!("secret={}", enrollment.secret))
    );
    assert!(enrollment.otpauth_uri.contains("algorithm=SHA1&digits=6&period=30"));
    assert!(enrollment.qr_svg.starts_with("<?xml") && enrollment.qr_svg.contains("<svg"));
    assert!(
        !before.totp_enabled && !before.mfa_enabled,
        "nothing is active before the code"
    );
    assert!(after.totp_enabled && after.mfa_enabled && after.totp_enabled_at.is_some());
    assert_eq!(after.recovery_codes_remaining, 10);
    assert_eq!(recovery.len(), 10);
    assert!(
        recovery.iter().all(|c| c.len() == 29 && c.split('-').count() == 6),
        "{recovery:?}"
    );
    assert_eq!(
        challenge.methods,
        [types::SecondFactor::Totp, types::SecondFactor::RecoveryCode]
    );
    assert_eq!(challenge.method, types::SecondFactor::Totp);
    assert_eq!(challenge.expires_in, 300);
    let claims = jwt_claims(&signed_in.access_token);
    assert_eq!(claims["amr"], serde_json::json!(["pwd", "totp"]));
    assert_eq!(claims["aal"], 2);
    let auth_time = claims["auth_time"].as_i64().unwrap();
    assert!((chrono::Utc::now().timestamp() - auth_time).abs() < 30);
    let added = first_mail_to(&app, &user.email).await;
    assert!(
        added.subject.contains("An authenticator app was added"),
        "{}",
        added.subject
    );
    let (_, staff) = superuser(&app).await;
    let user_id = app.user_id(&user.email).await;
    let staff = app.client_with_token(&staff.access_token);
    assert_eq!(audit_events(&staff, user_id, "mfa_enabled").await.len(), 1);
    let logins = audit_events(&staff, user_id, "login_succeeded").await;
    assert_eq!(logins[0].detail["second_factor"], "totp");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_works_once_and_older_codes_never_again() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (authenticator, _) = enable_totp(&app, &tokens.access_token).await;
    let first = login_challenge(&app, &user).await;
    complete_mfa(&app.client, &first.challenge, &authenticator.code(0))
        .await
        .expect("the base step's code signs in");

    // Act: the same code, the confirmation code (one step older), on fresh challenges.
    let again = login_challenge(&app, &user).await;
    let same = complete_mfa(&app.client, &again.challenge, &authenticator.code(0)).await;
    let older = complete_mfa(&app.client, &again.challenge, &authenticator.code(-1)).await;
    let newer = complete_mfa(&app.client, &again.challenge, &authenticator.code(1)).await;

    // Assert
    expect_invalid_code(same);
    expect_invalid_code(older);
    assert_eq!(newer.expect("a later step still works").status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_given_one_code_at_once_sign_in_once() {
    // Arrange
    let app = spawn_app().await;
    let other = app.spawn_another_instance().await;
    let (user, tokens) = app.logged_in_user().await;
    let (authenticator, _) = enable_totp(&app, &tokens.access_token).await;
    let challenge = login_challenge(&app, &user).await;
    let code = authenticator.code(0);

    // Act
    let clients = [app.client.clone(), gatehouse_tests::Client::new(&other)];
    let attempts = clients
        .iter()
        .cycle()
        .take(4)
        .map(|c| complete_mfa(c, &challenge.challenge, &code));
    let outcomes = futures::future::join_all(attempts).await;

    // Assert
    let successes = outcomes.iter().filter(|o| o.is_ok()).count();
    assert_eq!(successes, 1, "{outcomes:?}");
    for failure in outcomes.into_iter().filter(|o| o.is_err()) {
        expect_invalid_code(failure);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_wrong_codes_end_the_challenge_and_a_new_login_replaces_it() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (authenticator, _) = enable_totp(&app, &tokens.access_token).await;
    let challenge = login_challenge(&app, &user).await;

    // Act
    for _ in 0..5 {
        expect_invalid_code(complete_mfa(&app.client, &challenge.challenge, "000000").await);
    }
    let right_but_late = complete_mfa(&app.client, &challenge.challenge, &authenticator.code(0)).await;
    let replaced = login_challenge(&app, &user).await;
    let newest = login_challenge(&app, &user).await;
    let on_replaced = complete_mfa(&app.client, &replaced.challenge, &authenticator.code(0)).await;
    let on_newest = complete_mfa(&app.client, &newest.challenge, &authenticator.code(0)).await;

    // Assert
    expect_invalid_code(right_but_late);
    expect_invalid_code(on_replaced);
    assert_eq!(on_newest.expect("the newest challenge works").status().as_u16(), 200);
    let failures = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'mfa_failed'";
    assert_eq!(app.count(failures).await, 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enrolment_states_are_enforced() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);

    // Act
    let confirm_first = confirm_totp(&app, &tokens.access_token, "123456").await;
    let remove_none = client.remove_totp().await;
    let regenerate_none = client.regenerate_recovery_codes().await;
    let enrollment = start_totp(&app, &tokens.access_token).await.unwrap().into_inner();
    let wrong = confirm_totp(&app, &tokens.access_token, "12345").await;
    let authenticator = Authenticator::new(&enrollment.secret).await;
    confirm_totp(&app, &tokens.access_token, &authenticator.code(0))
        .await
        .unwrap();
    let again = start_totp(&app, &tokens.access_token).await;
    let confirm_again = confirm_totp(&app, &tokens.access_token, &authenticator.code(1)).await;

    // Assert
    expect_problem(confirm_first, 409, "no_pending_enrollment");
    expect_problem(remove_none, 409, "totp_not_enabled");
    expect_problem(regenerate_none, 409, "mfa_not_enabled");
    expect_invalid_code(wrong);
    expect_problem(again, 409, "totp_already_enabled");
    expect_problem(confirm_again, 409, "no_pending_enrollment");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_the_app_signs_in_with_the_password_alone_and_tells_the_owner() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (_, recovery) = enable_totp(&app, &tokens.access_token).await;

    // Act
    let removed = app.client_with_token(&tokens.access_token).remove_totp().await;
    let login = app.client.login(&user.login_request()).await;
    let summary = mfa_summary(&app, &tokens.access_token).await;

    // Assert
    assert_eq!(removed.expect("the app is removed").status().as_u16(), 204);
    assert_eq!(login.expect("the password alone signs in").status().as_u16(), 200);
    assert!(!summary.mfa_enabled && !summary.totp_enabled);
    assert_eq!(
        summary.recovery_codes_remaining, 0,
        "the codes died with the last factor"
    );
    assert!(!recovery.is_empty());
    let notice = nth_mail_to(&app, &user.email, 2).await;
    assert!(notice.subject.contains("was removed"), "{}", notice.subject);
    assert!(!notice.text.contains("support staff"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refreshed_tokens_keep_how_the_session_was_authenticated() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (authenticator, _) = enable_totp(&app, &tokens.access_token).await;
    let challenge = login_challenge(&app, &user).await;
    let signed_in = complete_mfa(&app.client, &challenge.challenge, &authenticator.code(0))
        .await
        .unwrap()
        .into_inner();

    // Act
    let refreshed = app
        .refresh(signed_in.refresh_token.as_deref().unwrap())
        .await
        .expect("the refresh works")
        .into_inner();

    // Assert
    let before = jwt_claims(&signed_in.access_token);
    let after = jwt_claims(&refreshed.access_token);
    assert_eq!(after["amr"], before["amr"]);
    assert_eq!(after["aal"], 2);
    assert_eq!(after["auth_time"], before["auth_time"]);
    let password_only = jwt_claims(&tokens.access_token);
    assert_eq!(password_only["amr"], serde_json::json!(["pwd"]));
    assert_eq!(password_only["aal"], 1);
}
