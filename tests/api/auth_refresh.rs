//! POST /api/v1/auth/token/refresh: rotation, the grace window, reuse detection.

use std::time::Duration;

use gatehouse_tests::{TestApp, expect_problem, header, jwt_claims, spawn_app, spawn_app_with};

fn refresh_token_of(tokens: &gatehouse_tests::types::TokenResponse) -> String {
    tokens
        .refresh_token
        .clone()
        .expect("bearer mode returns a refresh token")
}

async fn refreshed(app: &TestApp, refresh_token: &str) -> gatehouse_tests::types::TokenResponse {
    app.refresh(refresh_token)
        .await
        .expect("the refresh succeeds")
        .into_inner()
}

async fn assert_access_token_works(app: &TestApp, access_token: &str) {
    app.client_with_token(access_token)
        .get_me()
        .await
        .expect("the access token is accepted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refreshing_rotates_the_refresh_token() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let first = refresh_token_of(&tokens);

    // Act
    let response = app.refresh(&first).await.expect("the refresh succeeds");

    // Assert
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "cache-control"), "no-store");
    let new = response.into_inner();
    let second = refresh_token_of(&new);
    assert_ne!(second, first);
    assert_eq!(new.token_type, "Bearer");
    assert_access_token_works(&app, &new.access_token).await;
    let (old_claims, new_claims) = (jwt_claims(&tokens.access_token), jwt_claims(&new.access_token));
    assert_eq!(
        new_claims["sid"], old_claims["sid"],
        "a refresh stays in the same session"
    );
    assert_eq!(new_claims["sub"], old_claims["sub"]);
    assert_ne!(new_claims["jti"], old_claims["jti"]);

    let rows = app.refresh_token_rows().await;
    assert_eq!(rows.len(), 2);
    let parent = rows
        .iter()
        .find(|r| r.parent_id.is_none())
        .expect("the login's token has no parent");
    let child = rows
        .iter()
        .find(|r| r.parent_id == Some(parent.id))
        .expect("the new token descends from it");
    assert!(parent.rotated, "the spent token is marked rotated");
    assert!(!child.rotated);
    assert_eq!(child.session_id, parent.session_id);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chain_of_refreshes_keeps_the_session_alive() {
    let app = spawn_app_with(|s| s.refresh_grace_period = Duration::ZERO).await;
    let (_, tokens) = app.logged_in_user().await;

    let mut refresh_token = refresh_token_of(&tokens);
    for _ in 0..3 {
        let new = refreshed(&app, &refresh_token).await;
        assert_access_token_works(&app, &new.access_token).await;
        refresh_token = refresh_token_of(&new);
    }

    let rows = app.refresh_token_rows().await;
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows.iter().filter(|r| !r.rotated).count(),
        1,
        "only the newest token is live"
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL")
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replaying_the_parent_within_the_grace_period_returns_the_same_child() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let parent = refresh_token_of(&tokens);
    let first = refreshed(&app, &parent).await;

    // Act: a second tab sends the same token a moment later.
    let second = refreshed(&app, &parent).await;

    // Assert
    assert_eq!(
        refresh_token_of(&second),
        refresh_token_of(&first),
        "the same child comes back"
    );
    assert_access_token_works(&app, &second.access_token).await;
    assert_eq!(app.refresh_token_rows().await.len(), 2, "no second child was minted");
    // The child is still good for one normal rotation.
    let next = refreshed(&app, &refresh_token_of(&first)).await;
    assert_access_token_works(&app, &next.access_token).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replaying_the_parent_after_its_child_was_used_revokes_the_session() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let parent = refresh_token_of(&tokens);
    let child = refresh_token_of(&refreshed(&app, &parent).await);
    let grandchild = refreshed(&app, &child).await;

    let replay = app.refresh(&parent).await;

    expect_problem(replay, 401, "refresh_token_reused");
    let newest = app.refresh(&refresh_token_of(&grandchild)).await;
    assert_eq!(
        newest.expect_err("the session is revoked").status().map(|s| s.as_u16()),
        Some(401)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replaying_a_spent_token_after_the_grace_period_revokes_the_session() {
    // Arrange
    let app = spawn_app_with(|s| s.refresh_grace_period = Duration::ZERO).await;
    let (_, tokens) = app.logged_in_user().await;
    let spent = refresh_token_of(&tokens);
    let newest = refreshed(&app, &spent).await;

    // Act: an attacker (or a confused client) replays the spent token.
    let replay = app.refresh(&spent).await;

    // Assert
    expect_problem(replay, 401, "refresh_token_reused");
    let problem = match app.refresh(&refresh_token_of(&newest)).await {
        Err(gatehouse_tests::Error::ErrorResponse(response)) => response.into_inner(),
        other => panic!("the newest refresh token must die with its session, got {other:?}"),
    };
    assert_eq!(problem.status, 401);
    assert!(
        ["invalid_refresh_token", "refresh_token_reused"].contains(&problem.code.as_str()),
        "{problem:?}"
    );
    for access_token in [&tokens.access_token, &newest.access_token] {
        let result = app.client_with_token(access_token).get_me().await;
        expect_problem(result, 401, "session_revoked");
    }
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NOT NULL")
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reuse_revokes_only_the_session_it_happened_in() {
    let app = spawn_app_with(|s| s.refresh_grace_period = Duration::ZERO).await;
    let (user, tokens) = app.logged_in_user().await;
    let other_session = app.login(&user).await;
    let spent = refresh_token_of(&tokens);
    refreshed(&app, &spent).await;

    expect_problem(app.refresh(&spent).await, 401, "refresh_token_reused");

    assert_access_token_works(&app, &other_session.access_token).await;
    refreshed(&app, &refresh_token_of(&other_session)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_refresh_tokens_are_refused() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let real = refresh_token_of(&tokens);
    let mut tampered = real.clone();
    let last = tampered.pop().expect("a non-empty token");
    tampered.push(if last == 'A' { 'B' } else { 'A' });

    for token in ["garbage", tampered.as_str(), tokens.access_token.as_str()] {
        let result = app.refresh(token).await;
        expect_problem(result, 401, "invalid_refresh_token");
    }
    // None of that touched the real session.
    assert_access_token_works(&app, &refreshed(&app, &real).await.access_token).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_refreshes_within_the_grace_period_share_one_child() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let parent = refresh_token_of(&tokens);

    // Act: eight tabs refresh at the same moment.
    let results = futures::future::join_all((0..8).map(|_| app.refresh(&parent))).await;

    // Assert
    let children: Vec<String> = results
        .into_iter()
        .map(|r| refresh_token_of(&r.expect("every concurrent refresh succeeds").into_inner()))
        .collect();
    assert!(
        children.iter().all(|c| *c == children[0]),
        "one child for all: {children:?}"
    );
    let rows = app.refresh_token_rows().await;
    let session_id = rows[0].session_id;
    assert_eq!(
        rows.iter().filter(|r| r.session_id == session_id).count(),
        2,
        "parent + one child: {rows:?}"
    );
    let next = refreshed(&app, &children[0]).await;
    assert_access_token_works(&app, &next.access_token).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refresh_tokens_are_stored_only_as_hashes() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let first = refresh_token_of(&tokens);
    let second = refresh_token_of(&refreshed(&app, &first).await);

    let rows = app.refresh_token_rows().await;

    assert_eq!(rows.len(), 2);
    for row in &rows {
        for token in [&first, &second] {
            assert_ne!(&row.token_hash, token);
            assert!(!row.token_hash.contains(token.as_str()));
            assert!(
                !token.contains(&row.token_hash),
                "the stored value must not be a piece of the token"
            );
        }
    }
}
