//! GET /api/v1/users/me/sessions, DELETE /api/v1/users/me/sessions/{id},
//! POST /api/v1/users/me/sessions/revoke-others

use gatehouse_tests::{Client, TestApp, TestUser, expect_problem, jwt_claims, spawn_app, types::TokenResponse};
use uuid::Uuid;

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// Logs `user` in with the given User-Agent header.
async fn login_as_browser(app: &TestApp, user: &TestUser, user_agent: &str) -> TokenResponse {
    let http = reqwest::Client::builder()
        .user_agent(user_agent)
        .build()
        .expect("the client builds");
    Client::new_with_client(&app.address, http)
        .login(&user.login_request())
        .await
        .expect("login succeeds")
        .into_inner()
}

fn session_id(tokens: &TokenResponse) -> Uuid {
    let sid = jwt_claims(&tokens.access_token)["sid"].as_str().map(str::to_string);
    sid.and_then(|s| s.parse().ok())
        .expect("the access token names its session")
}

async fn assert_dead(app: &TestApp, tokens: &TokenResponse) {
    expect_problem(
        app.client_with_token(&tokens.access_token).get_me().await,
        401,
        "session_revoked",
    );
    let refresh = tokens
        .refresh_token
        .as_deref()
        .expect("bearer mode returns a refresh token");
    let status = app.refresh(refresh).await.expect_err("the refresh token died").status();
    assert_eq!(status.map(|s| s.as_u16()), Some(401));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_shows_each_live_login_newest_first_with_the_current_one_marked() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let logged_out = app.login(&user).await;
    app.client_with_token(&logged_out.access_token)
        .logout()
        .await
        .expect("logout succeeds");
    let firefox = login_as_browser(&app, &user, FIREFOX).await;
    let current = app.login(&user).await;

    // Act
    let list = app
        .client_with_token(&current.access_token)
        .list_sessions()
        .await
        .expect("the list is returned")
        .into_inner();

    // Assert
    let ids: Vec<Uuid> = list.items.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        vec![session_id(&current), session_id(&firefox)],
        "newest first, live only"
    );
    let [mine, other] = [&list.items[0], &list.items[1]];
    assert!(mine.current && !other.current);
    assert_eq!(other.device, "Firefox 133.0 on Linux");
    assert_eq!(other.user_agent.as_deref(), Some(FIREFOX));
    assert_eq!(other.ip.as_deref(), Some("127.0.0.1"));
    assert!(other.created_at <= other.last_used_at && other.last_used_at < other.expires_at);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoking_a_session_ends_it_at_once_and_keeps_the_others() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let phone = app.login(&user).await;
    let laptop = app.login(&user).await;
    let client = app.client_with_token(&laptop.access_token);

    let response = client
        .revoke_session(&session_id(&phone))
        .await
        .expect("the session is revoked");

    assert_eq!(response.status().as_u16(), 204);
    assert_dead(&app, &phone).await;
    client.get_me().await.expect("the revoking session lives on");
    let list = client.list_sessions().await.expect("the list is returned").into_inner();
    assert_eq!(
        list.items.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![session_id(&laptop)]
    );
    let audited = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'session_revoked'";
    assert_eq!(app.count(audited).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoking_the_current_session_is_a_logout() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;

    app.client_with_token(&tokens.access_token)
        .revoke_session(&session_id(&tokens))
        .await
        .expect("the session is revoked");

    assert_dead(&app, &tokens).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_foreign_and_dead_sessions_are_not_found() {
    let app = spawn_app().await;
    let (_, mine) = app.logged_in_user().await;
    let (_, theirs) = app.logged_in_user().await;
    let (_, gone) = app.logged_in_user().await;
    app.client_with_token(&gone.access_token)
        .logout()
        .await
        .expect("logout succeeds");
    let client = app.client_with_token(&mine.access_token);

    for id in [Uuid::new_v4(), session_id(&theirs), session_id(&gone)] {
        expect_problem(client.revoke_session(&id).await, 404, "not_found");
    }
    app.client_with_token(&theirs.access_token)
        .get_me()
        .await
        .expect("another user's session is untouched");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoking_the_others_keeps_only_this_session() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let first = app.login(&user).await;
    let second = app.login(&user).await;
    let current = app.login(&user).await;
    let (_, stranger) = app.logged_in_user().await;
    let client = app.client_with_token(&current.access_token);

    let revoked = client
        .revoke_other_sessions()
        .await
        .expect("the others are revoked")
        .into_inner();

    assert_eq!(revoked.revoked, 2);
    assert_dead(&app, &first).await;
    assert_dead(&app, &second).await;
    let list = client.list_sessions().await.expect("the list is returned").into_inner();
    assert_eq!(list.items.len(), 1);
    assert!(list.items[0].current);
    let again = client.revoke_other_sessions().await.expect("nothing left to revoke");
    assert_eq!(again.into_inner().revoked, 0);
    app.client_with_token(&stranger.access_token)
        .get_me()
        .await
        .expect("another user's session is untouched");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_endpoints_need_a_token() {
    let app = spawn_app().await;

    expect_problem(app.client.list_sessions().await, 401, "unauthorized");
    expect_problem(app.client.revoke_session(&Uuid::new_v4()).await, 401, "unauthorized");
    expect_problem(app.client.revoke_other_sessions().await, 401, "unauthorized");
}
