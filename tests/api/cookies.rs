//! Cookie mode (`AUTH_COOKIES=on`): HttpOnly token cookies and the double-submit CSRF check.

use gatehouse_tests::{
    SetCookie, assert_problem, cookie_header,
    cookie_mode::{Jar, cookie_app, cookie_login, get_me_with_cookies, login_as, post_with_cookies},
    header, spawn_app_with,
};
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_sets_httponly_token_cookies_and_a_readable_csrf_cookie() {
    // Arrange
    let app = cookie_app().await;
    let user = app.registered_user().await;

    // Act
    let response = app
        .post_json(
            "/api/v1/auth/login",
            &json!({ "email": user.email, "password": user.password }),
        )
        .await;

    // Assert
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "cache-control"), "no-store");
    let jar = Jar::from(response.headers());
    let body: Value = response.json().await.expect("a JSON token response");
    assert!(
        body.get("refresh_token").is_none(),
        "the refresh token stays out of the body: {body}"
    );
    assert!(body["access_token"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(jar.access.has_flag("HttpOnly") && jar.refresh.has_flag("HttpOnly"));
    assert!(!jar.csrf.has_flag("HttpOnly"), "the page must be able to read gh_csrf");
    assert_eq!(jar.access.attribute("Path").as_deref(), Some("/"));
    assert_eq!(jar.refresh.attribute("Path").as_deref(), Some("/api/v1/auth"));
    for cookie in [&jar.access, &jar.refresh, &jar.csrf] {
        assert!(!cookie.value.is_empty(), "{cookie:?}");
        assert_eq!(
            cookie.attribute("SameSite").map(|v| v.to_ascii_lowercase()).as_deref(),
            Some("lax"),
            "{cookie:?}"
        );
        assert!(
            cookie.has_flag("Secure"),
            "outside debug mode cookies are Secure: {cookie:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookies_are_not_marked_secure_in_debug_mode() {
    let app = spawn_app_with(|s| {
        s.auth_cookies = true;
        s.debug = true;
    })
    .await;

    let (_, jar) = cookie_login(&app).await;

    for cookie in [&jar.access, &jar.refresh, &jar.csrf] {
        assert!(
            !cookie.has_flag("Secure"),
            "plain-HTTP development needs non-Secure cookies: {cookie:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_cookie_alone_authenticates_a_read() {
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;

    let response = get_me_with_cookies(&app, &cookie_header(&[&jar.access])).await;

    assert_eq!(response.status().as_u16(), 200);
    let me: Value = response.json().await.expect("a JSON user");
    assert!(
        me["email"].as_str().is_some_and(|e| e.ends_with("@example.com")),
        "{me}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cookie_authenticated_logout_needs_the_csrf_token() {
    // Arrange
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;
    let path = "/api/v1/auth/logout";

    // Act + Assert: without the header, then with a wrong one.
    assert_problem(
        post_with_cookies(&app, path, &jar.all(), None).await,
        403,
        "csrf_failed",
    )
    .await;
    let wrong = post_with_cookies(&app, path, &jar.all(), Some("not-the-csrf-token")).await;
    assert_problem(wrong, 403, "csrf_failed").await;
    assert_eq!(
        get_me_with_cookies(&app, &jar.all()).await.status().as_u16(),
        200,
        "still logged in"
    );

    // Act + Assert: with the double-submitted token.
    let response = post_with_cookies(&app, path, &jar.all(), Some(&jar.csrf.value)).await;
    assert_eq!(response.status().as_u16(), 204);
    for name in ["gh_access", "gh_refresh"] {
        let cleared = SetCookie::named(response.headers(), name);
        assert!(cleared.clears(), "logout clears {name}: {cleared:?}");
    }
    assert_problem(get_me_with_cookies(&app, &jar.all()).await, 401, "session_revoked").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refreshing_with_cookies_rotates_them() {
    // Arrange
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;

    // Act: the body is empty, the refresh token travels in its cookie.
    let response = post_with_cookies(&app, "/api/v1/auth/token/refresh", &jar.all(), Some(&jar.csrf.value)).await;

    // Assert
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "cache-control"), "no-store");
    let access = SetCookie::named(response.headers(), "gh_access");
    let refresh = SetCookie::named(response.headers(), "gh_refresh");
    let body: Value = response.json().await.expect("a JSON token response");
    assert!(body.get("refresh_token").is_none(), "{body}");
    assert_ne!(access.value, jar.access.value);
    assert_ne!(refresh.value, jar.refresh.value);
    assert_eq!(
        get_me_with_cookies(&app, &cookie_header(&[&access]))
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(app.refresh_token_rows().await.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cookie_refresh_without_the_csrf_token_is_forbidden() {
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;

    let response = post_with_cookies(&app, "/api/v1/auth/token/refresh", &jar.all(), None).await;

    assert_problem(response, 403, "csrf_failed").await;
    assert_eq!(app.refresh_token_rows().await.len(), 1, "nothing was rotated");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cookie_authenticated_update_needs_the_csrf_token() {
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;
    let patch = |csrf: Option<&str>| {
        let mut request = app
            .http
            .patch(app.url("/api/v1/users/me"))
            .header("cookie", jar.all())
            .json(&json!({ "first_name": "Augusta" }));
        if let Some(token) = csrf {
            request = request.header("x-csrf-token", token);
        }
        request.send()
    };

    assert_problem(patch(None).await.expect("answered"), 403, "csrf_failed").await;
    let response = patch(Some(&jar.csrf.value)).await.expect("answered");
    assert_eq!(response.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bearer_requests_never_need_a_csrf_token() {
    let app = cookie_app().await;
    let (body, _) = cookie_login(&app).await;
    let access_token = body["access_token"].as_str().expect("an access token");
    let client = app.client_with_token(access_token);

    let update = gatehouse_tests::types::UpdateMeRequest {
        first_name: Some("Augusta".try_into().expect("a short name")),
        last_name: None,
        otp_login_enabled: None,
        marketing_consent: None,
    };
    client
        .update_me(&update)
        .await
        .expect("a bearer PATCH needs no CSRF token");
    let response = client.logout().await.expect("a bearer logout needs no CSRF token");

    assert_eq!(response.status().as_u16(), 204);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_cookie_authenticated_change_needs_the_csrf_token() {
    let app = cookie_app().await;
    let user = app.registered_user().await;
    let (_, jar) = login_as(&app, &user).await;

    let logout_all = post_with_cookies(&app, "/api/v1/auth/logout-all", &jar.all(), None).await;
    assert_problem(logout_all, 403, "csrf_failed").await;
    let delete = app
        .http
        .delete(app.url("/api/v1/users/me"))
        .header("cookie", jar.all())
        .json(&json!({ "password": user.password }))
        .send()
        .await
        .expect("the DELETE is answered");
    assert_problem(delete, 403, "csrf_failed").await;

    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM users WHERE deleted_at IS NULL")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM sessions WHERE revoked_at IS NULL")
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_access_cookie_is_unauthorized() {
    let app = cookie_app().await;

    let response = get_me_with_cookies(&app, "gh_access=garbage").await;

    assert_problem(response, 401, "unauthorized").await;
}
