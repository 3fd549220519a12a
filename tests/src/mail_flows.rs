//! Steps shared by the e-mail flow tests (verification, password reset and change): the
//! e-mail endpoints through the generated client, waiting for a given mail, token state in
//! the database, session checks, and proving that an e-mail was *not* sent.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use gatehouse::entity::email_token;

use crate::{Error, ReceivedMail, ResponseValue, TestApp, TestUser, expect_problem, types, types::Problem};

/// How long a test waits for an e-mail.
pub const MAIL_TIMEOUT: Duration = Duration::from_secs(10);

/// The base URL of the frontend in the test settings (the default `FRONTEND_URL`).
pub const FRONTEND_URL: &str = "http://localhost:3000";

type ApiResult<T> = Result<ResponseValue<T>, Error<Problem>>;

/// `POST /auth/email/verify` with `token`.
pub async fn post_verify_email(app: &TestApp, token: &str) -> ApiResult<types::EmailVerified> {
    let body = types::TokenRequest {
        token: token.try_into().expect("the token fits the spec"),
    };
    app.client.verify_email(&body).await
}

/// `POST /auth/email/resend` for `email`.
pub async fn post_resend_verification(app: &TestApp, email: &str) -> ApiResult<types::Accepted> {
    app.client.resend_verification(&email_request(email)).await
}

/// `POST /auth/password/reset` for `email`.
pub async fn post_password_reset(app: &TestApp, email: &str) -> ApiResult<types::Accepted> {
    app.client.request_password_reset(&email_request(email)).await
}

/// `POST /auth/password/reset/confirm` with `token` and `new_password`.
pub async fn post_password_reset_confirm(app: &TestApp, token: &str, new_password: &str) -> ApiResult<()> {
    let body = types::PasswordResetConfirmRequest {
        token: token.try_into().expect("the token fits the spec"),
        new_password: new_password.try_into().expect("the new password fits the spec"),
    };
    app.client.confirm_password_reset(&body).await
}

/// `POST /auth/password/change` with the session of `access_token`.
pub async fn post_password_change(
    app: &TestApp,
    access_token: &str,
    current: &str,
    new_password: &str,
) -> ApiResult<()> {
    let body = types::PasswordChangeRequest {
        current_password: current.try_into().expect("the current password fits the spec"),
        new_password: new_password.try_into().expect("the new password fits the spec"),
    };
    app.client_with_token(access_token).change_password(&body).await
}

fn email_request(email: &str) -> types::EmailRequest {
    types::EmailRequest {
        email: email.try_into().expect("the e-mail fits the spec"),
    }
}

/// Waits until the delivery worker has recorded every delivery (no message left `pending` or
/// `sending`): after it, what the sink holds is all that will ever arrive.
pub async fn wait_until_outbox_is_idle(app: &TestApp) {
    let deadline = tokio::time::Instant::now() + MAIL_TIMEOUT;
    loop {
        let busy = app
            .count("SELECT COUNT(*) AS n FROM email_outbox WHERE status IN ('pending', 'sending')")
            .await;
        if busy == 0 {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {MAIL_TIMEOUT:?} waiting for the outbox to deliver {busy} message(s)"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits for the first mail to `address` and returns it.
pub async fn first_mail_to(app: &TestApp, address: &str) -> ReceivedMail {
    nth_mail_to(app, address, 1).await
}

/// Waits until `address` has received `n` mails and returns the `n`-th (1-based).
pub async fn nth_mail_to(app: &TestApp, address: &str, n: usize) -> ReceivedMail {
    let deadline = tokio::time::Instant::now() + MAIL_TIMEOUT;
    loop {
        let mails = app.mail.mails_to(address);
        if mails.len() >= n {
            return mails[n - 1].clone();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {MAIL_TIMEOUT:?} waiting for mail #{n} to {address}; {} arrived: {:?}",
            mails.len(),
            mails.iter().map(|mail| &mail.subject).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until `address` has received `n` mails with a link whose path contains `path` and
/// returns the `n`-th of them (1-based), ignoring the other mails to it.
pub async fn nth_mail_with_link(app: &TestApp, address: &str, path: &str, n: usize) -> ReceivedMail {
    let deadline = tokio::time::Instant::now() + MAIL_TIMEOUT;
    loop {
        let mails = mails_with_link(app, address, path);
        if mails.len() >= n {
            return mails[n - 1].clone();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out after {MAIL_TIMEOUT:?} waiting for mail #{n} with a {path} link to {address}; \
             {} such arrived, all mails: {:?}",
            mails.len(),
            app.mail.messages().iter().map(|mail| &mail.subject).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn mails_with_link(app: &TestApp, address: &str, path: &str) -> Vec<ReceivedMail> {
    let marker = format!("{path}?token=");
    let mut mails = app.mail.mails_to(address);
    mails.retain(|mail| mail.text.contains(&marker));
    mails
}

/// Asks for a password reset for `email` (expecting 202) and returns the token of the reset
/// e-mail that arrives.
pub async fn reset_token(app: &TestApp, email: &str) -> String {
    let before = mails_with_link(app, email, "/reset-password").len();
    post_password_reset(app, email)
        .await
        .expect("the reset request is accepted");
    nth_mail_with_link(app, email, "/reset-password", before + 1)
        .await
        .token_from_link("/reset-password")
}

/// Sends an e-mail that is certain to go out (a password reset for a fresh account) and waits
/// for it. The worker delivers in the order mail was queued, so once it has arrived (and the
/// outbox is idle), any mail queued by what the test did before has arrived too: the mail
/// counts are final, and a mail that is missing was never sent.
pub async fn send_marker_mail(app: &TestApp) {
    let marker = app.registered_user().await;
    // With verification on, the marker also gets a verification e-mail: the reset one counts.
    reset_token(app, &marker.email).await;
    wait_until_outbox_is_idle(app).await;
}

/// Makes every e-mailed token of the account expired a minute ago.
pub async fn expire_email_tokens(app: &TestApp, user_id: Uuid) {
    let past = Utc::now() - chrono::Duration::minutes(1);
    let result = email_token::Entity::update_many()
        .col_expr(email_token::Column::ExpiresAt, Expr::value(past))
        .filter(email_token::Column::UserId.eq(user_id))
        .exec(&app.db)
        .await
        .expect("email_tokens can be updated");
    assert!(result.rows_affected > 0, "the account has e-mailed tokens to expire");
}

/// `token` with its first character replaced by another one of the token alphabet.
pub fn tampered(token: &str) -> String {
    let mut chars: Vec<char> = token.chars().collect();
    chars[0] = if chars[0] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

/// A token of the right shape that the server never issued.
pub fn unknown_token() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())[..43].to_owned()
}

/// A password that passes the policy and no test user has.
pub fn fresh_password() -> String {
    format!("a brand new passphrase {}", Uuid::new_v4())
}

/// Asserts that `user` logs in with `password` and returns the session's tokens.
pub async fn assert_logs_in_with(app: &TestApp, user: &TestUser, password: &str) -> types::TokenResponse {
    let with = TestUser {
        password: password.to_owned(),
        ..user.clone()
    };
    app.client
        .login(&with.login_request())
        .await
        .unwrap_or_else(|e| panic!("{} does not log in with {password:?}: {e:?}", user.email))
        .into_inner()
}

/// Asserts that `password` is not (or no longer) the password of `user`.
pub async fn assert_password_is_refused(app: &TestApp, user: &TestUser, password: &str) {
    let with = TestUser {
        password: password.to_owned(),
        ..user.clone()
    };
    expect_problem(
        app.client.login(&with.login_request()).await,
        401,
        "invalid_credentials",
    );
}

/// Asserts that the session behind `tokens` is revoked: its access token answers
/// `session_revoked` and its refresh token is refused.
pub async fn assert_session_revoked(app: &TestApp, tokens: &types::TokenResponse) {
    let me = app.client_with_token(&tokens.access_token).get_me().await;
    expect_problem(me, 401, "session_revoked");
    let refresh = app.refresh(refresh_token_of(tokens)).await;
    let status = refresh.expect_err("the refresh token died with its session").status();
    assert_eq!(status.map(|s| s.as_u16()), Some(401));
}

/// Asserts that the session behind `tokens` still works (its access token is accepted).
pub async fn assert_session_live(app: &TestApp, tokens: &types::TokenResponse) {
    app.client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the access token still works");
}

/// The refresh token of a bearer-mode login.
pub fn refresh_token_of(tokens: &types::TokenResponse) -> &str {
    tokens
        .refresh_token
        .as_deref()
        .expect("bearer mode returns a refresh token")
}
