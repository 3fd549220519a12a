//! Cookie mode helpers (`AUTH_COOKIES=on`): the cookies of a login and requests that carry them.

use serde_json::{Value, json};

use crate::{SetCookie, TestApp, TestUser, cookie_header, spawn_app_with};

/// The three cookies a cookie-mode login or refresh sets.
pub struct Jar {
    pub access: SetCookie,
    pub refresh: SetCookie,
    pub csrf: SetCookie,
}

impl Jar {
    /// The cookies set by a response.
    pub fn from(headers: &reqwest::header::HeaderMap) -> Jar {
        Jar {
            access: SetCookie::named(headers, "gh_access"),
            refresh: SetCookie::named(headers, "gh_refresh"),
            csrf: SetCookie::named(headers, "gh_csrf"),
        }
    }

    /// What a browser sends to /api/v1/auth/… paths.
    pub fn all(&self) -> String {
        cookie_header(&[&self.access, &self.refresh, &self.csrf])
    }
}

/// A server in cookie mode.
pub async fn cookie_app() -> TestApp {
    spawn_app_with(|s| s.auth_cookies = true).await
}

/// Registers a user and logs in; returns the token body and the cookies.
pub async fn cookie_login(app: &TestApp) -> (Value, Jar) {
    let user = app.registered_user().await;
    login_as(app, &user).await
}

/// Logs `user` in; returns the token body and the cookies.
pub async fn login_as(app: &TestApp, user: &TestUser) -> (Value, Jar) {
    let response = app
        .post_json(
            "/api/v1/auth/login",
            &json!({ "email": user.email, "password": user.password }),
        )
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let jar = Jar::from(response.headers());
    (response.json().await.expect("a JSON token response"), jar)
}

/// `POST path` with `{}`, the given `Cookie` header and optionally `X-CSRF-Token`.
pub async fn post_with_cookies(app: &TestApp, path: &str, cookies: &str, csrf: Option<&str>) -> reqwest::Response {
    let mut request = app.http.post(app.url(path)).header("cookie", cookies).json(&json!({}));
    if let Some(token) = csrf {
        request = request.header("x-csrf-token", token);
    }
    request.send().await.expect("the POST is answered")
}

/// `GET /api/v1/users/me` with the given `Cookie` header.
pub async fn get_me_with_cookies(app: &TestApp, cookies: &str) -> reqwest::Response {
    let request = app.http.get(app.url("/api/v1/users/me")).header("cookie", cookies);
    request.send().await.expect("the GET is answered")
}
