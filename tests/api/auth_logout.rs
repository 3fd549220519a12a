//! POST /api/v1/auth/logout and /api/v1/auth/logout-all

use gatehouse_tests::{
    TestApp, assert_problem, authorized_client, expect_problem, header, spawn_app, types::TokenResponse,
};

fn refresh_token_of(tokens: &TokenResponse) -> &str {
    tokens
        .refresh_token
        .as_deref()
        .expect("bearer mode returns a refresh token")
}

async fn assert_session_is_dead(app: &TestApp, tokens: &TokenResponse) {
    let me = app.client_with_token(&tokens.access_token).get_me().await;
    expect_problem(me, 401, "session_revoked");
    let refresh = app.refresh(refresh_token_of(tokens)).await;
    let status = refresh.expect_err("the refresh token died with its session").status();
    assert_eq!(status.map(|s| s.as_u16()), Some(401));
}

async fn assert_session_is_alive(app: &TestApp, tokens: &TokenResponse) {
    app.client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the access token still works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logout_revokes_the_session() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;

    // Act
    let response = app
        .client_with_token(&tokens.access_token)
        .logout()
        .await
        .expect("logout succeeds");

    // Assert
    assert_eq!(response.status().as_u16(), 204);
    assert_session_is_dead(&app, &tokens).await;
    let me = app.get_me_raw(Some(&tokens.access_token)).await;
    assert!(header(me.headers(), "www-authenticate").starts_with("Bearer"));
    assert_problem(me, 401, "session_revoked").await;
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NOT NULL")
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_refresh_token_of_a_logged_out_session_is_invalid() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    app.client_with_token(&tokens.access_token)
        .logout()
        .await
        .expect("logout succeeds");

    let result = app.refresh(refresh_token_of(&tokens)).await;

    expect_problem(result, 401, "invalid_refresh_token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logout_leaves_the_other_sessions_alone() {
    let app = spawn_app().await;
    let (user, laptop) = app.logged_in_user().await;
    let phone = app.login(&user).await;

    app.client_with_token(&laptop.access_token)
        .logout()
        .await
        .expect("logout succeeds");

    assert_session_is_dead(&app, &laptop).await;
    assert_session_is_alive(&app, &phone).await;
    app.refresh(refresh_token_of(&phone))
        .await
        .expect("the other session refreshes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_out_twice_is_refused_the_second_time() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);
    client.logout().await.expect("the first logout succeeds");

    expect_problem(client.logout().await, 401, "session_revoked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logout_all_revokes_every_session_of_the_user() {
    // Arrange
    let app = spawn_app().await;
    let (user, laptop) = app.logged_in_user().await;
    let phone = app.login(&user).await;
    let (_, someone_else) = app.logged_in_user().await;

    // Act
    let response = app
        .client_with_token(&laptop.access_token)
        .logout_all()
        .await
        .expect("logout-all succeeds");

    // Assert
    assert_eq!(response.status().as_u16(), 204);
    assert_session_is_dead(&app, &laptop).await;
    assert_session_is_dead(&app, &phone).await;
    assert_session_is_alive(&app, &someone_else).await;
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL")
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_user_can_log_in_again_after_logout_all() {
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    app.client_with_token(&tokens.access_token)
        .logout_all()
        .await
        .expect("logout-all succeeds");

    let fresh = app.login(&user).await;

    assert_session_is_alive(&app, &fresh).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logout_without_an_access_token_is_unauthorized() {
    let app = spawn_app().await;

    for path in ["/api/v1/auth/logout", "/api/v1/auth/logout-all"] {
        let response = app.http.post(app.url(path)).send().await.expect("the POST is answered");
        assert!(
            header(response.headers(), "www-authenticate").starts_with("Bearer"),
            "{path}"
        );
        assert_problem(response, 401, "unauthorized").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_logout_on_one_instance_is_honoured_at_once_by_the_others() {
    let app = spawn_app().await;
    if app.settings.is_sqlite() {
        // Several instances are a PostgreSQL deployment; SQLite serves from one process.
        return;
    }
    let other = app.spawn_another_instance().await;
    let (user, laptop) = app.logged_in_user().await;
    let phone = app.login(&user).await;
    // The other instance has seen (and may have cached) both sessions.
    for tokens in [&laptop, &phone] {
        authorized_client(&other, &tokens.access_token)
            .get_me()
            .await
            .expect("the session is live");
    }

    app.client_with_token(&laptop.access_token)
        .logout()
        .await
        .expect("logout succeeds");
    revoked_on(&other, &laptop.access_token).await;
    authorized_client(&other, &phone.access_token)
        .get_me()
        .await
        .expect("the other session is untouched");

    app.client_with_token(&phone.access_token)
        .logout_all()
        .await
        .expect("logout-all succeeds");
    revoked_on(&other, &phone.access_token).await;
}

/// Waits (at most 1 s) until the instance at `address` refuses `access_token` as revoked: the
/// revocation reaches it through PostgreSQL's NOTIFY, which its listener task applies a moment
/// after the revoking request was answered (milliseconds; longer only on a starved CPU).
async fn revoked_on(address: &str, access_token: &str) {
    let started = std::time::Instant::now();
    loop {
        let me = authorized_client(address, access_token).get_me().await;
        if me.is_err() || started.elapsed() > std::time::Duration::from_secs(1) {
            expect_problem(me, 401, "session_revoked");
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}
