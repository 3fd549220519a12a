//! Recovery codes: each signs in once (even when twenty requests race on it), the owner is
//! told how many are left, a new set kills the old one, a password reset leaves the factors
//! alone, and staff can remove the factors of a user who lost everything.

use gatehouse_tests::{
    audit_events, complete_mfa, enable_totp, expect_invalid_code, expect_problem, fresh_password, jwt_claims,
    login_challenge, mfa_summary, nth_mail_to, post_password_reset, post_password_reset_confirm, reset_token,
    spawn_app, superuser, wait_until_outbox_is_idle,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recovery_code_signs_in_once_and_the_owner_hears_how_many_are_left() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (_, codes) = enable_totp(&app, &tokens.access_token).await;
    let challenge = login_challenge(&app, &user).await;

    // Act: typed in lower case with spaces, as people do.
    let typed = codes[3].to_lowercase().replace('-', " ");
    let signed_in = complete_mfa(&app.client, &challenge.challenge, &typed)
        .await
        .expect("a recovery code completes the login")
        .into_inner();
    let again = login_challenge(&app, &user).await;
    let reused = complete_mfa(&app.client, &again.challenge, &codes[3]).await;

    // Assert
    expect_invalid_code(reused);
    let claims = jwt_claims(&signed_in.access_token);
    assert_eq!(claims["amr"], serde_json::json!(["pwd", "recovery"]));
    assert_eq!(claims["aal"], 2);
    assert_eq!(
        mfa_summary(&app, &tokens.access_token).await.recovery_codes_remaining,
        9
    );
    let notice = nth_mail_to(&app, &user.email, 2).await;
    assert!(notice.subject.contains("9 left"), "{}", notice.subject);
    let used = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'recovery_code_used'";
    assert_eq!(app.count(used).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_uses_of_one_code_sign_in_once() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (_, codes) = enable_totp(&app, &tokens.access_token).await;
    let challenge = login_challenge(&app, &user).await;

    // Act
    let attempts = (0..20).map(|_| complete_mfa(&app.client, &challenge.challenge, &codes[0]));
    let outcomes = futures::future::join_all(attempts).await;

    // Assert
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1, "{outcomes:?}");
    let used = "SELECT COUNT(*) AS n FROM mfa_recovery_codes WHERE used_at IS NOT NULL";
    assert_eq!(app.count(used).await, 1);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM sessions").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_set_kills_the_old_one() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let (_, old) = enable_totp(&app, &tokens.access_token).await;

    // Act
    let new = app
        .client_with_token(&tokens.access_token)
        .regenerate_recovery_codes()
        .await
        .expect("a new set")
        .into_inner()
        .recovery_codes;
    let with_old = login_challenge(&app, &user).await;
    let old_refused = complete_mfa(&app.client, &with_old.challenge, &old[0]).await;
    let with_new = login_challenge(&app, &user).await;
    let new_accepted = complete_mfa(&app.client, &with_new.challenge, &new[0]).await;

    // Assert
    expect_invalid_code(old_refused);
    assert_eq!(new_accepted.expect("a new code works").status().as_u16(), 200);
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|code| !old.contains(code)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_reset_leaves_the_second_factor_in_place() {
    // Arrange
    let app = spawn_app().await;
    let (mut user, tokens) = app.logged_in_user().await;
    enable_totp(&app, &tokens.access_token).await;

    // Act
    post_password_reset(&app, &user.email)
        .await
        .expect("the reset is accepted");
    let token = reset_token(&app, &user.email).await;
    user.password = fresh_password();
    post_password_reset_confirm(&app, &token, &user.password)
        .await
        .expect("the new password is set");

    // Assert: the new password still stops at the second factor.
    let challenge = login_challenge(&app, &user).await;
    assert!(!challenge.methods.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_remove_the_factors_of_a_user_who_lost_them() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    enable_totp(&app, &tokens.access_token).await;
    let user_id = app.user_id(&user.email).await;
    let (_, staff) = superuser(&app).await;
    let staff = app.client_with_token(&staff.access_token);

    // Act
    let by_user = app
        .client_with_token(&tokens.access_token)
        .reset_user_mfa(&user_id)
        .await;
    let unknown = staff.reset_user_mfa(&uuid::Uuid::now_v7()).await;
    let reset = staff.reset_user_mfa(&user_id).await;
    let login = app.client.login(&user.login_request()).await;

    // Assert
    expect_problem(by_user, 403, "forbidden");
    expect_problem(unknown, 404, "not_found");
    assert_eq!(reset.expect("staff reset the factors").status().as_u16(), 204);
    assert_eq!(login.expect("the password alone signs in").status().as_u16(), 200);
    let events = audit_events(&staff, user_id, "mfa_reset").await;
    assert_eq!(events.len(), 1);
    assert!(events[0].actor_id.is_some() && events[0].actor_id != Some(user_id));
    wait_until_outbox_is_idle(&app).await;
    let notice = nth_mail_to(&app, &user.email, 2).await;
    assert!(notice.subject.contains("was removed"), "{}", notice.subject);
    assert!(notice.text.contains("support staff"), "{}", notice.text);
}
