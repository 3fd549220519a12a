//! POST /api/v1/auth/email/verify and /api/v1/auth/email/resend, and the e-mails that
//! registration sends.

use chrono::Utc;
use gatehouse::entity::user;
use gatehouse_tests::{
    EmailVerification, Error, FRONTEND_URL, Settings, TestApp, TestUser, assert_logs_in_with,
    assert_password_is_refused, expect_problem, expire_email_tokens, first_mail_to, has_field_error, nth_mail_to,
    post_resend_verification, post_verify_email, reset_token, send_marker_mail, spawn_app, spawn_app_with, tampered,
    unknown_token,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use std::time::Duration;

fn mandatory(settings: &mut Settings) {
    settings.email_verification = EmailVerification::Mandatory;
}

fn mandatory_without_cooldown(settings: &mut Settings) {
    mandatory(settings);
    settings.email_resend_cooldown = Duration::ZERO;
}

/// Registers a fresh user and returns it with the token of its verification e-mail.
async fn registered_with_token(app: &TestApp) -> (TestUser, String) {
    let user = app.registered_user().await;
    let mail = first_mail_to(app, &user.email).await;
    (user, mail.token_from_link("/verify-email"))
}

async fn assert_not_verified_yet(app: &TestApp, user: &TestUser) {
    expect_problem(app.client.login(&user.login_request()).await, 403, "email_not_verified");
}

async fn email_verified_flag(app: &TestApp, user: &TestUser) -> bool {
    let tokens = app.login(user).await;
    let me = app.client_with_token(&tokens.access_token).get_me().await;
    me.expect("the account can be read").into_inner().email_verified
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_account_is_verified_through_the_emailed_link_and_can_then_log_in() {
    // Arrange
    let app = spawn_app_with(mandatory).await;
    let user = app.registered_user().await;
    let mail = first_mail_to(&app, &user.email).await;
    let token = mail.token_from_link("/verify-email");
    let before_verifying = app.client.login(&user.login_request()).await;

    // Act
    let response = post_verify_email(&app, &token)
        .await
        .expect("the link verifies the address");

    // Assert
    assert!(!mail.subject.trim().is_empty());
    assert_eq!(mail.from, "webmaster@localhost");
    assert_eq!(mail.to, std::slice::from_ref(&user.email));
    assert!(mail.is_multipart_alternative, "{}", mail.raw);
    let link = mail.link_with("/verify-email");
    assert_eq!(link, format!("{FRONTEND_URL}/verify-email?token={token}"));
    let html = mail.html.as_deref().expect("an HTML part");
    assert!(html.contains(&link), "the HTML part lacks {link}: {html}");
    expect_problem(before_verifying, 403, "email_not_verified");
    assert_eq!(response.status().as_u16(), 200);
    let verified = response.into_inner();
    assert_eq!(verified.email, user.email);
    assert!((Utc::now() - verified.email_verified_at).num_seconds().abs() < 60);
    assert!(email_verified_flag(&app, &user).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_on_an_unverified_account_is_invalid_credentials() {
    let app = spawn_app_with(mandatory).await;
    let user = app.registered_user().await;

    // The verification state is told only to whoever knows the password.
    assert_password_is_refused(&app, &user, "not the right passphrase").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_a_taken_address_answers_the_same_and_notifies_the_owner() {
    // Arrange
    let app = spawn_app_with(mandatory).await;
    let user = TestUser::generate();
    let first = app
        .client
        .register(&user.register_request())
        .await
        .expect("registration is accepted");
    let verification = first_mail_to(&app, &user.email).await;
    let intruder = TestUser {
        password: "another good passphrase".into(),
        ..user.clone()
    };

    // Act
    let second = app
        .client
        .register(&intruder.register_request())
        .await
        .expect("the same answer");

    // Assert
    assert_eq!(second.status(), first.status());
    assert_eq!(second.into_inner().detail, first.into_inner().detail);
    let notice = nth_mail_to(&app, &user.email, 2).await;
    assert_ne!(notice.subject, verification.subject);
    assert_eq!(
        notice.link_with("/forgot-password"),
        format!("{FRONTEND_URL}/forgot-password")
    );
    let html = notice.html.as_deref().expect("an HTML part");
    for body in [notice.text.as_str(), html] {
        assert!(!body.contains("token="), "the notice carries a token: {body}");
    }
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM email_tokens").await, 1);
    post_verify_email(&app, &verification.token_from_link("/verify-email"))
        .await
        .expect("the first link still verifies the address");
    assert_logs_in_with(&app, &user, &user.password).await;
    assert_password_is_refused(&app, &user, &intruder.password).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verification_token_works_only_once() {
    let app = spawn_app_with(mandatory).await;
    let (_, token) = registered_with_token(&app).await;
    post_verify_email(&app, &token).await.expect("the first use verifies");

    let again = post_verify_email(&app, &token).await;

    expect_problem(again, 400, "invalid_token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tampered_unknown_and_foreign_tokens_are_invalid() {
    // Arrange
    let app = spawn_app_with(mandatory).await;
    let (user, token) = registered_with_token(&app).await;
    let reset = reset_token(&app, &user.email).await;

    // Act & Assert
    for (what, bad) in [
        ("tampered", tampered(&token)),
        ("unknown", unknown_token()),
        ("reset", reset),
    ] {
        let result = post_verify_email(&app, &bad).await;
        let refused = matches!(&result, Err(Error::ErrorResponse(r)) if r.status().as_u16() == 400);
        assert!(refused, "the {what} token: {result:?}");
        expect_problem(result, 400, "invalid_token");
    }
    assert_not_verified_yet(&app, &user).await;
    post_verify_email(&app, &token)
        .await
        .expect("the genuine token is untouched by the failed attempts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_verification_token_is_invalid() {
    let app = spawn_app_with(mandatory).await;
    let (user, token) = registered_with_token(&app).await;
    expire_email_tokens(&app, app.user_id(&user.email).await).await;

    let result = post_verify_email(&app, &token).await;

    expect_problem(result, 400, "invalid_token");
    assert_not_verified_yet(&app, &user).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verification_token_stops_working_when_the_address_changes() {
    // Arrange
    let app = spawn_app_with(mandatory).await;
    let (user, token) = registered_with_token(&app).await;
    let moved = TestUser {
        email: TestUser::generate().email,
        ..user.clone()
    };
    let changed = user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(moved.email.clone()))
        .col_expr(user::Column::EmailNormalized, Expr::value(moved.email.clone()))
        .filter(user::Column::Id.eq(app.user_id(&user.email).await))
        .exec(&app.db)
        .await
        .expect("the address can be changed");
    assert_eq!(changed.rows_affected, 1);

    // Act
    let result = post_verify_email(&app, &token).await;

    // Assert
    expect_problem(result, 400, "invalid_token");
    assert_not_verified_yet(&app, &moved).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resending_sends_a_new_link_and_voids_the_old_one() {
    // Arrange
    let app = spawn_app_with(mandatory_without_cooldown).await;
    let (user, old) = registered_with_token(&app).await;

    // Act
    let response = post_resend_verification(&app, &user.email)
        .await
        .expect("the resend is accepted");
    let new = nth_mail_to(&app, &user.email, 2).await.token_from_link("/verify-email");

    // Assert
    assert_eq!(response.status().as_u16(), 202);
    assert_ne!(new, old);
    expect_problem(post_verify_email(&app, &old).await, 400, "invalid_token");
    post_verify_email(&app, &new).await.expect("the new link verifies");
    assert!(email_verified_flag(&app, &user).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resend_within_the_cooldown_sends_nothing() {
    let app = spawn_app_with(mandatory).await;
    let (user, token) = registered_with_token(&app).await;

    let response = post_resend_verification(&app, &user.email)
        .await
        .expect("the resend is accepted");
    send_marker_mail(&app).await;

    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(
        app.mail.mails_to(&user.email).len(),
        1,
        "only the registration's e-mail"
    );
    post_verify_email(&app, &token)
        .await
        .expect("the first link still works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resending_for_an_unknown_or_verified_address_answers_the_same_and_sends_nothing() {
    // Arrange: no cooldown, so that only the address decides whether a mail goes out.
    let app = spawn_app_with(mandatory_without_cooldown).await;
    let (verified, token) = registered_with_token(&app).await;
    post_verify_email(&app, &token).await.expect("the address is verified");
    let (unverified, _) = registered_with_token(&app).await;
    let unknown = TestUser::generate();

    // Act: the unverified account's resend goes last and is the ordering marker.
    let mut answers = Vec::new();
    for user in [&unknown, &verified, &unverified] {
        let response = post_resend_verification(&app, &user.email)
            .await
            .expect("the resend is accepted");
        answers.push((response.status().as_u16(), response.into_inner().detail));
    }
    nth_mail_to(&app, &unverified.email, 2).await;

    // Assert
    assert!(answers.iter().all(|answer| *answer == answers[2]), "{answers:?}");
    assert_eq!(answers[2].0, 202);
    assert!(app.mail.mails_to(&unknown.email).is_empty());
    assert_eq!(
        app.mail.mails_to(&verified.email).len(),
        1,
        "only the registration's e-mail"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resending_for_an_invalid_address_is_a_validation_error() {
    let app = spawn_app_with(mandatory).await;

    let result = post_resend_verification(&app, "not-an-email").await;

    let problem = expect_problem(result, 422, "validation_failed");
    assert!(has_field_error(&problem, "email", "invalid_email"), "{problem:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_optional_verification_the_email_is_sent_and_login_works_before_verifying() {
    // Arrange
    let app = spawn_app_with(|s| s.email_verification = EmailVerification::Optional).await;

    // Act
    let (user, token) = registered_with_token(&app).await;
    let before = email_verified_flag(&app, &user).await;
    post_verify_email(&app, &token)
        .await
        .expect("the link verifies the address");

    // Assert
    assert!(!before, "not verified before following the link");
    assert!(email_verified_flag(&app, &user).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_verification_no_verification_email_is_sent() {
    let app = spawn_app().await;
    assert_eq!(app.settings.email_verification, EmailVerification::None);

    let user = app.registered_user().await;
    let resend = post_resend_verification(&app, &user.email)
        .await
        .expect("the resend is accepted");
    send_marker_mail(&app).await;

    assert_eq!(resend.status().as_u16(), 202);
    assert!(app.mail.mails_to(&user.email).is_empty());
    assert!(!email_verified_flag(&app, &user).await);
}
