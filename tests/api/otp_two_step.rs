//! Two-step login: POST /api/v1/auth/login answers `202` with a challenge when the account (or
//! `LOGIN_OTP=required`) asks for it, and POST /api/v1/auth/login/otp finishes with the code.

use std::time::Duration;

use gatehouse::config::LoginOtp;
use gatehouse_tests::{
    TWO_STEP_CODE_SUBJECT, TestUser, code_mails, expect_invalid_code, expect_problem, login_with_otp, nth_code,
    nth_code_mail, other_code, resend_otp_for_challenge, send_marker_mail, set_two_step, spawn_app, spawn_app_with,
    superuser, two_step_login, types,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_who_turned_two_step_on_gets_a_challenge_then_tokens_for_the_code() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let me = set_two_step(&app, &tokens.access_token, true).await;

    // Act
    let (challenge, cache_control) = two_step_login(&app, &user).await;
    let mail = nth_code_mail(&app, &user.email, 1).await;
    let code = gatehouse_tests::code_in(&mail);
    let finished = login_with_otp(&app.client, &challenge.challenge, &code)
        .await
        .expect("the code finishes the login");

    // Assert
    assert!(me.otp_login_enabled);
    assert_eq!(challenge.method, types::SecondFactor::EmailOtp);
    assert_eq!(challenge.expires_in, 300);
    assert!(
        challenge.challenge.len() >= 43,
        "at least 256 bits: {}",
        challenge.challenge
    );
    assert_eq!(cache_control, "no-store");
    assert_eq!(mail.subject, format!("[Gatehouse] {TWO_STEP_CODE_SUBJECT}"));
    assert!(mail.text.contains("someone knows your password"), "{}", mail.text);
    assert_eq!(finished.status().as_u16(), 200);
    let finished = finished.into_inner();
    assert!(finished.refresh_token.is_some());
    app.client_with_token(&finished.access_token)
        .get_me()
        .await
        .expect("the token works");
    let sessions = "SELECT COUNT(*) AS n FROM sessions";
    assert_eq!(app.count(sessions).await, 2, "the first login and the two-step one");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_otp_required_applies_to_every_account() {
    let app = spawn_app_with(|s| s.otp.login = LoginOtp::Required).await;
    let user = app.registered_user().await;

    let (challenge, _) = two_step_login(&app, &user).await;
    let code = nth_code(&app, &user.email, 1).await;

    login_with_otp(&app.client, &challenge.challenge, &code)
        .await
        .expect("the code finishes the login");
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM sessions").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_and_challenges_are_invalid_and_a_challenge_works_once() {
    // Arrange
    let app = spawn_app_with(|s| s.otp.login = LoginOtp::Required).await;
    let user = app.registered_user().await;
    let (challenge, _) = two_step_login(&app, &user).await;
    let code = nth_code(&app, &user.email, 1).await;
    let unknown_challenge = "x".repeat(43);

    // Act & Assert
    expect_invalid_code(login_with_otp(&app.client, &challenge.challenge, &other_code(&code)).await);
    expect_invalid_code(login_with_otp(&app.client, &unknown_challenge, &code).await);
    login_with_otp(&app.client, &challenge.challenge, &code)
        .await
        .expect("the right pair still works");
    expect_invalid_code(login_with_otp(&app.client, &challenge.challenge, &code).await);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM sessions").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_wrong_codes_kill_the_challenge() {
    let app = spawn_app_with(|s| s.otp.login = LoginOtp::Required).await;
    let user = app.registered_user().await;
    let (challenge, _) = two_step_login(&app, &user).await;
    let code = nth_code(&app, &user.email, 1).await;

    for _ in 1..=5 {
        expect_invalid_code(login_with_otp(&app.client, &challenge.challenge, &other_code(&code)).await);
    }

    expect_invalid_code(login_with_otp(&app.client, &challenge.challenge, &code).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_gets_no_challenge_and_no_code() {
    let app = spawn_app_with(|s| s.otp.login = LoginOtp::Required).await;
    let user = app.registered_user().await;
    let wrong = TestUser {
        password: "not the password at all".into(),
        ..user.clone()
    };

    let result = app.client.login(&wrong.login_request()).await;
    send_marker_mail(&app).await;

    expect_problem(result, 401, "invalid_credentials");
    assert!(code_mails(&app, &user.email).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_login_after_the_cooldown_replaces_the_previous_challenge_and_code() {
    let app = spawn_app_with(|s| {
        s.otp.login = LoginOtp::Required;
        s.otp.resend_cooldown = Duration::ZERO;
    })
    .await;
    let user = app.registered_user().await;
    let (first, _) = two_step_login(&app, &user).await;
    let first_code = nth_code(&app, &user.email, 1).await;

    let (second, _) = two_step_login(&app, &user).await;
    let second_code = nth_code(&app, &user.email, 2).await;

    expect_invalid_code(login_with_otp(&app.client, &first.challenge, &first_code).await);
    expect_invalid_code(login_with_otp(&app.client, &first.challenge, &second_code).await);
    login_with_otp(&app.client, &second.challenge, &second_code)
        .await
        .expect("the newest challenge works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_within_the_cooldown_send_one_code_and_bind_each_new_challenge_to_it() {
    // Arrange: the default 60-s cooldown.
    let app = spawn_app_with(|s| s.otp.login = LoginOtp::Required).await;
    let user = app.registered_user().await;

    // Act: eight right-password logins in a row.
    let mut challenges = Vec::new();
    for _ in 0..8 {
        challenges.push(two_step_login(&app, &user).await.0);
    }
    let code = nth_code(&app, &user.email, 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Assert: one e-mail; only the newest challenge works, with the one code that was sent.
    assert_eq!(
        code_mails(&app, &user.email).len(),
        1,
        "one code e-mailed for eight logins"
    );
    let newest = challenges.last().expect("eight challenges");
    assert!(
        newest.expires_in <= 300,
        "the code's remaining life: {}",
        newest.expires_in
    );
    expect_invalid_code(login_with_otp(&app.client, &challenges[0].challenge, &code).await);
    login_with_otp(&app.client, &newest.challenge, &code)
        .await
        .expect("the newest challenge works with the code already sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resend_right_after_a_logins_code_waits_for_the_cooldown() {
    let app = spawn_app_with(|s| s.otp.login = LoginOtp::Required).await;
    let user = app.registered_user().await;
    let (challenge, _) = two_step_login(&app, &user).await;
    nth_code(&app, &user.email, 1).await;

    let resent = resend_otp_for_challenge(&app.client, &challenge.challenge).await;

    let problem = expect_problem(resent, 429, "rate_limited");
    assert!(problem.detail.is_some(), "{problem:?}");
    assert_eq!(code_mails(&app, &user.email).len(), 1, "nothing more was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_when_no_two_step_code_may_be_sent_is_refused_until_one_may() {
    // Arrange: a passwordless code was just sent to the address (the cooldown runs), and no
    // two-step code exists to bind a challenge to.
    let app = spawn_app_with(|s| s.otp.login = LoginOtp::Required).await;
    let user = app.registered_user().await;
    gatehouse_tests::requested_code(&app, &user.email).await;

    // Act
    let refused = app.client.login(&user.login_request()).await;

    // Assert
    expect_problem(refused, 429, "rate_limited");
    assert!(
        code_mails(&app, &user.email)
            .iter()
            .all(|m| !m.subject.ends_with(TWO_STEP_CODE_SUBJECT))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resend_for_a_challenge_sends_a_new_code_for_the_same_challenge() {
    let app = spawn_app_with(|s| {
        s.otp.login = LoginOtp::Required;
        s.otp.resend_cooldown = Duration::ZERO;
    })
    .await;
    let user = app.registered_user().await;
    let (challenge, _) = two_step_login(&app, &user).await;
    let old_code = nth_code(&app, &user.email, 1).await;

    resend_otp_for_challenge(&app.client, &challenge.challenge)
        .await
        .expect("accepted");
    let new_code = nth_code(&app, &user.email, 2).await;

    expect_invalid_code(login_with_otp(&app.client, &challenge.challenge, &old_code).await);
    login_with_otp(&app.client, &challenge.challenge, &new_code)
        .await
        .expect("the new code works with the same challenge");
    let unknown = resend_otp_for_challenge(&app.client, &"y".repeat(43)).await;
    expect_invalid_code(unknown);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn turning_two_step_off_gives_tokens_for_the_password_again() {
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    set_two_step(&app, &tokens.access_token, true).await;
    two_step_login(&app, &user).await;

    let me = set_two_step(&app, &tokens.access_token, false).await;

    assert!(!me.otp_login_enabled);
    app.login(&user).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_can_require_two_step_and_shorten_codes_at_run_time() {
    // Arrange
    let app = spawn_app().await;
    let (_, staff) = superuser(&app).await;
    let user = app.registered_user().await;
    let change = types::RuntimeSettingsUpdate {
        login_otp: Some(types::LoginOtpMode::Required),
        otp_ttl: Some(120),
        ..Default::default()
    };

    // Act
    let settings = app
        .client_with_token(&staff.access_token)
        .update_runtime_settings(&change)
        .await
        .expect("staff change the settings")
        .into_inner();

    // Assert: in force on this instance at once (others within SETTINGS_REFRESH_INTERVAL).
    assert_eq!(
        (settings.login_otp, settings.otp_ttl),
        (types::LoginOtpMode::Required, 120)
    );
    assert_eq!((settings.otp_max_attempts.get(), settings.otp_resend_cooldown), (5, 60));
    let (challenge, _) = two_step_login(&app, &user).await;
    assert_eq!(challenge.expires_in, 120);
    let code = nth_code(&app, &user.email, 1).await;
    login_with_otp(&app.client, &challenge.challenge, &code)
        .await
        .expect("the code finishes the login");
}
