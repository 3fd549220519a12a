//! POST /api/v1/auth/otp/request and /api/v1/auth/otp/verify: passwordless login by a code
//! sent by e-mail, read from the e-mail the SMTP sink received.

use std::time::Duration;

use gatehouse::entity::user;
use gatehouse_tests::{
    EmailVerification, LOGIN_CODE_SUBJECT, SetCookie, Settings, TestUser, assert_problem, assert_session_live,
    code_mails, expect_invalid_code, expect_problem, header, mark_email_verified, nth_code, other_code, request_otp,
    requested_code, send_marker_mail, set_user_flag, spawn_app, spawn_app_with, verify_otp,
};
use serde_json::{Value, json};

fn without_cooldown(settings: &mut Settings) {
    settings.otp.resend_cooldown = Duration::ZERO;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_sent_by_email_logs_in() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;

    // Act
    let code = requested_code(&app, &user.email).await;
    let response = app
        .post_json("/api/v1/auth/otp/verify", &json!({ "email": user.email, "code": code }))
        .await;

    // Assert
    let mail = &code_mails(&app, &user.email)[0];
    assert_eq!(mail.subject, format!("[Gatehouse] {LOGIN_CODE_SUBJECT}"));
    assert!(mail.text.contains("for 5 minutes"), "{}", mail.text);
    assert!(
        mail.text
            .contains("If you did not ask for it, you can ignore this e-mail")
    );
    assert!(mail.html.as_deref().is_some_and(|html| html.contains(&code)));
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "cache-control"), "no-store");
    let tokens: Value = response.json().await.expect("a token response");
    assert_eq!(tokens["token_type"], "Bearer");
    assert!(tokens["refresh_token"].is_string());
    let access = tokens["access_token"].as_str().expect("an access token");
    let me = app.client_with_token(access).get_me().await.expect("the token works");
    assert_eq!(me.email, user.email);
    let succeeded = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'otp_login_succeeded'";
    assert_eq!(app.count(succeeded).await, 1);
    let requested = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'otp_requested'";
    assert_eq!(app.count(requested).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_code_proves_the_mailbox_of_an_unverified_account() {
    let app = spawn_app_with(|s| s.email_verification = EmailVerification::Mandatory).await;
    let user = app.registered_user().await;
    expect_problem(app.client.login(&user.login_request()).await, 403, "email_not_verified");

    let code = requested_code(&app, &user.email).await;
    let tokens = verify_otp(&app.client, &user.email, &code)
        .await
        .expect("the code logs in")
        .into_inner();

    let me = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the token works");
    assert!(me.email_verified);
    app.login(&user).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_address_gets_the_same_answers_and_no_email() {
    // Arrange
    let app = spawn_app().await;
    let known = app.registered_user().await;
    let unknown = TestUser::generate();

    // Act
    let for_unknown = request_otp(&app.client, &unknown.email).await.expect("accepted");
    let for_known = request_otp(&app.client, &known.email).await.expect("accepted");
    let code = nth_code(&app, &known.email, 1).await;
    let wrong_code = json!({ "email": known.email, "code": other_code(&code) });
    let wrong_code = app.post_json("/api/v1/auth/otp/verify", &wrong_code).await;
    let unknown_address = json!({ "email": unknown.email, "code": code });
    let unknown_address = app.post_json("/api/v1/auth/otp/verify", &unknown_address).await;
    send_marker_mail(&app).await;

    // Assert
    assert_eq!((for_unknown.status().as_u16(), for_known.status().as_u16()), (202, 202));
    assert_eq!(for_unknown.into_inner().detail, for_known.into_inner().detail);
    assert!(app.mail.mails_to(&unknown.email).is_empty());
    let without_request_fields = |mut problem: Value| {
        let object = problem.as_object_mut().expect("a problem is an object");
        object.remove("request_id");
        object.remove("instance");
        problem
    };
    let wrong_code = assert_problem_json(wrong_code).await;
    let unknown_address = assert_problem_json(unknown_address).await;
    assert_eq!(wrong_code["code"], "invalid_code");
    assert_eq!(
        without_request_fields(wrong_code),
        without_request_fields(unknown_address)
    );
    let failed = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'otp_failed'";
    assert_eq!(app.count(failed).await, 2);
}

/// Asserts a `400 invalid_code` problem document and returns it as JSON.
async fn assert_problem_json(response: reqwest::Response) -> Value {
    let problem = assert_problem(response, 400, "invalid_code").await;
    serde_json::to_value(problem).expect("a problem serialises")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_wrong_codes_kill_the_code_even_for_the_right_one() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;
    let wrong = other_code(&code);

    // Act
    for attempt in 1..=5 {
        let result = verify_otp(&app.client, &user.email, &wrong).await;
        assert!(result.is_err(), "wrong attempt {attempt} is refused");
        expect_invalid_code(result);
    }

    // Assert
    expect_invalid_code(verify_otp(&app.client, &user.email, &code).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fifth_attempt_may_still_be_the_right_code() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;

    for _ in 1..=4 {
        expect_invalid_code(verify_otp(&app.client, &user.email, &other_code(&code)).await);
    }

    verify_otp(&app.client, &user.email, &code)
        .await
        .expect("the fifth try works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_code_is_refused() {
    let app = spawn_app_with(|s| s.otp.ttl = Duration::from_secs(1)).await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;

    tokio::time::sleep(Duration::from_millis(1300)).await;

    expect_invalid_code(verify_otp(&app.client, &user.email, &code).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_works_once() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;

    let first = verify_otp(&app.client, &user.email, &code)
        .await
        .expect("the first use logs in");

    assert_session_live(&app, &first.into_inner()).await;
    expect_invalid_code(verify_otp(&app.client, &user.email, &code).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_verifications_of_the_right_code_start_one_session() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;

    // Act
    let tries = (0..6).map(|_| verify_otp(&app.client, &user.email, &code));
    let results = futures::future::join_all(tries).await;

    // Assert
    let (won, lost): (Vec<_>, Vec<_>) = results.into_iter().partition(|r| r.is_ok());
    assert_eq!(won.len(), 1, "exactly one verification wins");
    for result in lost {
        expect_invalid_code(result);
    }
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM sessions").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_code_kills_the_previous_one() {
    let app = spawn_app_with(without_cooldown).await;
    let user = app.registered_user().await;
    let first = requested_code(&app, &user.email).await;

    let second = requested_code(&app, &user.email).await;

    expect_invalid_code(verify_otp(&app.client, &user.email, &first).await);
    verify_otp(&app.client, &user.email, &second)
        .await
        .expect("the newest code works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn inactive_and_deleted_accounts_get_no_code_and_their_codes_stop_working() {
    // Arrange
    let app = spawn_app_with(without_cooldown).await;
    let inactive = app.registered_user().await;
    let deactivated_later = app.registered_user().await;
    let id = app.user_id(&inactive.email).await;
    set_user_flag(&app, id, user::Column::IsActive, false).await;
    let code = requested_code(&app, &deactivated_later.email).await;
    let later_id = app.user_id(&deactivated_later.email).await;
    set_user_flag(&app, later_id, user::Column::IsActive, false).await;

    // Act
    let answer = request_otp(&app.client, &inactive.email).await.expect("accepted");
    let late = verify_otp(&app.client, &deactivated_later.email, &code).await;
    send_marker_mail(&app).await;

    // Assert
    assert_eq!(answer.status().as_u16(), 202);
    assert!(code_mails(&app, &inactive.email).is_empty());
    expect_invalid_code(late);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_typed_with_spaces_works_and_bad_input_is_a_field_error() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let id = app.user_id(&user.email).await;
    mark_email_verified(&app, id).await;
    let code = requested_code(&app, &user.email).await;

    let invalid_email = json!({ "email": "not an address", "code": code });
    let response = app.post_json("/api/v1/auth/otp/verify", &invalid_email).await;
    assert_problem(response, 422, "validation_failed").await;
    let missing_code = app
        .post_json("/api/v1/auth/otp/verify", &json!({ "email": user.email }))
        .await;
    assert_eq!(missing_code.status().as_u16(), 422);
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    verify_otp(&app.client, &user.email, &spaced)
        .await
        .expect("spaces are ignored");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_cookie_mode_a_code_login_sets_the_session_cookies_like_login() {
    let app = spawn_app_with(|s| s.auth_cookies = true).await;
    let user = app.registered_user().await;
    let code = requested_code(&app, &user.email).await;

    let response = app
        .post_json("/api/v1/auth/otp/verify", &json!({ "email": user.email, "code": code }))
        .await;

    assert_eq!(response.status().as_u16(), 200);
    let names: Vec<String> = SetCookie::all(response.headers()).into_iter().map(|c| c.name).collect();
    for name in ["gh_access", "gh_refresh", "gh_csrf"] {
        assert!(names.iter().any(|n| n == name), "{name} missing from {names:?}");
    }
    let body: Value = response.json().await.expect("a token response");
    assert!(
        body.get("refresh_token").is_none(),
        "kept out of reach of scripts: {body}"
    );
}
