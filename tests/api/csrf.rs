//! Cookie mode's CSRF token is bound to the session (signed double-submit), and a request
//! without `Origin` is judged by its `Referer`.

use gatehouse_tests::{
    SetCookie, assert_problem, cookie_header,
    cookie_mode::{cookie_app, cookie_login, get_me_with_cookies, post_with_cookies},
};
use serde_json::json;

const FORGED: &str = "forged-by-a-sibling-subdomain";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_csrf_cookie_with_a_matching_header_is_refused() {
    // Arrange: a sibling subdomain planted gh_csrf=FORGED; the forged request echoes it.
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;
    let forged = format!("{}; gh_csrf={FORGED}", cookie_header(&[&jar.access, &jar.refresh]));

    // Act
    let logout = post_with_cookies(&app, "/api/v1/auth/logout", &forged, Some(FORGED)).await;
    let refresh = post_with_cookies(&app, "/api/v1/auth/token/refresh", &forged, Some(FORGED)).await;

    // Assert
    assert_problem(logout, 403, "csrf_failed").await;
    assert_problem(refresh, 403, "csrf_failed").await;
    assert_eq!(get_me_with_cookies(&app, &jar.all()).await.status().as_u16(), 200);
    assert_eq!(app.refresh_token_rows().await.len(), 1, "nothing was rotated");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_csrf_token_of_another_session_is_refused() {
    // Arrange: the attacker's own session gives a valid token — for the attacker's session.
    let app = cookie_app().await;
    let (_, victim) = cookie_login(&app).await;
    let (_, attacker) = cookie_login(&app).await;
    let planted = cookie_header(&[&victim.access, &victim.refresh, &attacker.csrf]);

    // Act
    let patch = app
        .http
        .patch(app.url("/api/v1/users/me"))
        .header("cookie", &planted)
        .header("x-csrf-token", &attacker.csrf.value)
        .json(&json!({ "first_name": "Mallory" }))
        .send()
        .await
        .expect("the PATCH is answered");

    // Assert
    assert_problem(patch, 403, "csrf_failed").await;
    assert_ne!(victim.csrf.value, attacker.csrf.value);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_with_only_the_refresh_cookie_is_bound_to_its_session() {
    // Arrange: the access cookie has expired in the browser; only gh_refresh and gh_csrf remain.
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;
    let (_, other) = cookie_login(&app).await;
    let cookies = cookie_header(&[&jar.refresh, &jar.csrf]);
    let path = "/api/v1/auth/token/refresh";

    // Act + Assert: another session's token is refused, the session's own token works.
    let with_other = post_with_cookies(
        &app,
        path,
        &cookie_header(&[&jar.refresh, &other.csrf]),
        Some(&other.csrf.value),
    )
    .await;
    assert_problem(with_other, 403, "csrf_failed").await;
    let response = post_with_cookies(&app, path, &cookies, Some(&jar.csrf.value)).await;
    assert_eq!(response.status().as_u16(), 200);
    let renewed = SetCookie::named(response.headers(), "gh_csrf");
    assert_eq!(
        renewed.value, jar.csrf.value,
        "the token is the session's, stable across rotations"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_csrf_cookies_are_refused() {
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;
    let doubled = format!("gh_csrf={FORGED}; {}", jar.all());

    let response = post_with_cookies(&app, "/api/v1/auth/logout", &doubled, Some(&jar.csrf.value)).await;

    assert_problem(response, 403, "csrf_failed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_origin_a_cross_site_referer_is_refused_and_a_same_site_one_accepted() {
    let app = cookie_app().await;
    let (_, jar) = cookie_login(&app).await;
    let patch = |referer: String| {
        app.http
            .patch(app.url("/api/v1/users/me"))
            .header("cookie", jar.all())
            .header("x-csrf-token", &jar.csrf.value)
            .header("referer", referer)
            .json(&json!({ "first_name": "Augusta" }))
            .send()
    };

    let cross_site = patch("https://evil.example/page".into()).await.expect("answered");
    let same_site = patch(app.url("/account")).await.expect("answered");

    assert_problem(cross_site, 403, "csrf_failed").await;
    assert_eq!(same_site.status().as_u16(), 200);
}
