//! Names are printed in e-mails, one per line: line breaks and other control characters
//! inside a name are refused everywhere a name is set; surrounding whitespace is trimmed.

use gatehouse_tests::{
    TestApp, TestUser, assert_problem, first_mail_to, has_field_error, post_password_reset, spawn_app, staff_user,
};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

const INSIDE: [&str; 4] = ["Ann\nEvil", "Ann\rEvil", "Ann\tEvil", "Ann\r\nBcc: eve@example.com"];

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Value,
) -> reqwest::Response {
    let mut request = app.http.request(method, app.url(path)).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("answered")
}

async fn assert_refused(response: reqwest::Response, field: &str) {
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(has_field_error(&problem, field, "invalid_format"), "{problem:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_refuses_line_breaks_inside_names_and_trims_them_around() {
    let app = spawn_app().await;
    for name in INSIDE {
        for field in ["first_name", "last_name"] {
            let user = TestUser::generate();
            let body = json!({ "email": user.email, "password": user.password, field: name });
            assert_refused(
                send(&app, reqwest::Method::POST, "/api/v1/auth/register", None, body).await,
                field,
            )
            .await;
        }
    }
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, 0);

    let user = TestUser::generate();
    let body =
        json!({ "email": user.email, "password": user.password, "first_name": "Ann\n", "last_name": "\r\n Lee\t" });
    assert_eq!(
        send(&app, reqwest::Method::POST, "/api/v1/auth/register", None, body)
            .await
            .status(),
        202
    );
    let tokens = app.login(&user).await;
    let me = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("me")
        .into_inner();
    assert_eq!((me.first_name.as_str(), me.last_name.as_str()), ("Ann", "Lee"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_update_refuses_line_breaks_inside_names_and_trims_them_around() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let token = Some(tokens.access_token.as_str());
    for name in INSIDE {
        for field in ["first_name", "last_name"] {
            let response = send(
                &app,
                reqwest::Method::PATCH,
                "/api/v1/users/me",
                token,
                json!({ field: name }),
            )
            .await;
            assert_refused(response, field).await;
        }
    }

    let response = send(
        &app,
        reqwest::Method::PATCH,
        "/api/v1/users/me",
        token,
        json!({ "first_name": "Ann\n" }),
    )
    .await;
    assert_eq!(response.status(), 200);
    let me = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("me")
        .into_inner();
    assert_eq!(me.first_name, "Ann");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_update_refuses_line_breaks_inside_names_and_trims_them_around() {
    let app = spawn_app().await;
    let (_, staff) = staff_user(&app).await;
    let target = app.registered_user().await;
    let path = format!("/api/v1/admin/users/{}", app.user_id(&target.email).await);
    let token = Some(staff.access_token.as_str());
    for name in INSIDE {
        for field in ["first_name", "last_name"] {
            let response = send(&app, reqwest::Method::PATCH, &path, token, json!({ field: name })).await;
            assert_refused(response, field).await;
        }
    }

    let response = send(
        &app,
        reqwest::Method::PATCH,
        &path,
        token,
        json!({ "last_name": "Lee\r\n" }),
    )
    .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("the account");
    assert_eq!(body["last_name"], "Lee");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_name_stored_with_a_line_break_before_the_check_is_e_mailed_on_one_line() {
    // Arrange: a row written before names were checked.
    let app = spawn_app().await;
    let user = app.registered_user().await;
    app.db
        .execute_unprepared("UPDATE users SET first_name = 'Ann\nBcc: eve@example.com'")
        .await
        .expect("the name is stored");

    // Act
    post_password_reset(&app, &user.email)
        .await
        .expect("the reset is accepted");

    // Assert: the greeting is one line.
    let mail = first_mail_to(&app, &user.email).await;
    assert!(mail.text.contains("Hi Ann Bcc: eve@example.com,"), "{}", mail.text);
}
