//! Changing the e-mail address: confirmed by a link to the new address, undoable for 7 days by
//! a link to the old one (which ends every session), the same answer when the new address is
//! taken, and race-safe uniqueness.

use gatehouse_tests::{
    TestApp, assert_session_revoked, expect_problem, fresh_password, has_field_error, nth_mail_with_link,
    post_password_change, send_marker_mail, spawn_app, types,
};

const CONFIRM_PATH: &str = "/email-change/confirm";
const REVERT_PATH: &str = "/email-change/revert";

fn change(new_email: &str, password: Option<&str>) -> types::EmailChangeRequest {
    types::EmailChangeRequest {
        new_email: new_email.try_into().unwrap(),
        password: password.map(|p| p.try_into().unwrap()),
    }
}

fn token_body(token: &str) -> types::TokenRequest {
    types::TokenRequest {
        token: token.try_into().unwrap(),
    }
}

fn new_address() -> String {
    format!("moved-{}@example.com", uuid::Uuid::new_v4().simple())
}

/// Asks for a change of the account's address to `new` and returns the confirming token.
async fn requested(app: &TestApp, access_token: &str, password: &str, new: &str) -> String {
    let answer = app
        .client_with_token(access_token)
        .change_email(&change(new, Some(password)))
        .await
        .expect("the change is accepted");
    assert_eq!(answer.status().as_u16(), 202);
    nth_mail_with_link(app, new, CONFIRM_PATH, 1)
        .await
        .token_from_link(CONFIRM_PATH)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_new_address_confirms_and_the_old_one_can_undo_it_ending_every_session() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let new = new_address();

    // Act: nothing changes until the link is followed.
    let token = requested(&app, &tokens.access_token, &user.password, &new).await;
    let before = app.client_with_token(&tokens.access_token).get_me().await.unwrap();
    let confirmed = app
        .client
        .confirm_email_change(&token_body(&token))
        .await
        .expect("the link confirms")
        .into_inner();

    // Assert: the new address signs in, the old one does not, and the old one was told.
    assert_eq!(before.email, user.email);
    assert_eq!(confirmed.email, new);
    expect_problem(
        app.client.confirm_email_change(&token_body(&token)).await,
        400,
        "invalid_token",
    );
    let me = app.client_with_token(&tokens.access_token).get_me().await.unwrap();
    assert_eq!((me.email.as_str(), me.email_verified), (new.as_str(), true));
    expect_problem(
        app.client
            .login(&gatehouse_tests::login_request(&user.email, &user.password))
            .await,
        401,
        "invalid_credentials",
    );
    let moved = gatehouse_tests::login_request(&new, &user.password);
    let session = app
        .client
        .login(&moved)
        .await
        .expect("the new address signs in")
        .into_inner();
    let notice = nth_mail_with_link(&app, &user.email, REVERT_PATH, 1).await;
    assert!(
        notice.text.contains(&new) && notice.text.contains("7 days"),
        "{}",
        notice.text
    );

    // The revert link survives a password change (an intruder's first move) and undoes it all.
    let new_password = fresh_password();
    post_password_change(&app, &session.access_token, &user.password, &new_password)
        .await
        .expect("the password changes");
    let revert = notice.token_from_link(REVERT_PATH);
    let reverted = app
        .client
        .revert_email_change(&token_body(&revert))
        .await
        .expect("the old address undoes it")
        .into_inner();
    assert_eq!(reverted.email, user.email);
    assert_session_revoked(&app, &tokens).await;
    expect_problem(
        app.client.revert_email_change(&token_body(&revert)).await,
        400,
        "invalid_token",
    );
    app.client
        .login(&gatehouse_tests::login_request(&user.email, &new_password))
        .await
        .expect("the old address signs in again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_taken_address_gets_the_same_answer_and_its_owner_a_notice() {
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let owner = app.registered_user().await;
    let client = app.client_with_token(&tokens.access_token);

    let answer = client
        .change_email(&change(&owner.email, Some(&user.password)))
        .await
        .expect("the same answer");

    assert_eq!(answer.status().as_u16(), 202);
    send_marker_mail(&app).await;
    let mails = app.mail.mails_to(&owner.email);
    assert!(
        mails.iter().any(|m| m.subject.contains("tried to use your address")),
        "{:?}",
        mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
    );
    assert!(
        mails.iter().all(|m| !m.text.contains(CONFIRM_PATH)),
        "no confirming link goes to a taken address"
    );
    assert_eq!(client.get_me().await.unwrap().email, user.email);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_an_unchanged_or_bad_address_are_field_errors() {
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);

    let wrong = client
        .change_email(&change(&new_address(), Some("not the password")))
        .await;
    let same = client
        .change_email(&change(&user.email.to_uppercase(), Some(&user.password)))
        .await;
    let bad = client
        .change_email(&change("not-an-address", Some(&user.password)))
        .await;

    let problem = expect_problem(wrong, 422, "validation_failed");
    assert!(
        has_field_error(&problem, "password", "incorrect_password"),
        "{problem:?}"
    );
    let problem = expect_problem(same, 422, "validation_failed");
    assert!(has_field_error(&problem, "new_email", "email_unchanged"), "{problem:?}");
    let problem = expect_problem(bad, 422, "validation_failed");
    assert!(has_field_error(&problem, "new_email", "invalid_email"), "{problem:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newer_request_voids_the_older_link_and_an_address_taken_meanwhile_is_refused() {
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (first, second) = (new_address(), new_address());

    let old_token = requested(&app, &tokens.access_token, &user.password, &first).await;
    let token = requested(&app, &tokens.access_token, &user.password, &second).await;
    let stale = app.client.confirm_email_change(&token_body(&old_token)).await;
    let squatter = gatehouse_tests::TestUser {
        email: second.clone(),
        password: fresh_password(),
    };
    app.register(&squatter).await;
    let taken = app.client.confirm_email_change(&token_body(&token)).await;

    expect_problem(stale, 400, "invalid_token");
    expect_problem(taken, 409, "email_taken");
    let me = app.client_with_token(&tokens.access_token).get_me().await.unwrap();
    assert_eq!(me.email, user.email);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_accounts_confirming_the_same_new_address_at_once_get_one_success() {
    // Arrange: two accounts, each with a link to move to the same address.
    let app = spawn_app().await;
    let (first, first_tokens) = app.logged_in_user().await;
    let (second, second_tokens) = app.logged_in_user().await;
    let target = new_address();
    requested(&app, &first_tokens.access_token, &first.password, &target).await;
    app.client_with_token(&second_tokens.access_token)
        .change_email(&change(&target, Some(&second.password)))
        .await
        .expect("the change is accepted");
    let one = nth_mail_with_link(&app, &target, CONFIRM_PATH, 1).await;
    let two = nth_mail_with_link(&app, &target, CONFIRM_PATH, 2).await;
    let (one, two) = (
        token_body(&one.token_from_link(CONFIRM_PATH)),
        token_body(&two.token_from_link(CONFIRM_PATH)),
    );

    // Act
    let (a, b) = tokio::join!(
        app.client.confirm_email_change(&one),
        app.client.confirm_email_change(&two),
    );

    // Assert: one account has the address, the other is told it is taken and keeps its own.
    let (won, lost) = match (a, b) {
        (Ok(won), lost @ Err(_)) | (lost @ Err(_), Ok(won)) => (won.into_inner(), lost),
        (a, b) => panic!("exactly one confirmation succeeds: {a:?} / {b:?}"),
    };
    assert_eq!(won.email, target);
    expect_problem(lost, 409, "email_taken");
    let count = format!("SELECT COUNT(*) AS n FROM users WHERE email_normalized = '{target}'");
    assert_eq!(app.count(&count).await, 1);
}
