//! Requests refused before they reach a handler: every one is a problem+json document.

use gatehouse_tests::{PROBLEM_JSON, TestUser, assert_problem, has_field_error, header, spawn_app};
use reqwest::Method;
use serde_json::json;

const LOGIN: &str = "/api/v1/auth/login";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_is_a_bad_request() {
    let app = spawn_app().await;

    for body in ["{not json", "{\"email\": \"a@example.com\", ", ""] {
        let response = app
            .http
            .post(app.url(LOGIN))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("answered");
        assert_problem(response, 400, "malformed_request").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_json_body_that_is_not_an_object_is_a_validation_error() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;

    // serde would happily read `[null, null]` into the two optional names.
    for body in [
        json!([null, null]),
        json!(["ada@example.com", "correct horse"]),
        json!("text"),
        json!(42),
    ] {
        let response = app
            .http
            .patch(app.url("/api/v1/users/me"))
            .bearer_auth(&tokens.access_token)
            .json(&body)
            .send()
            .await
            .expect("answered");
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert!(has_field_error(&problem, "body", "invalid_type"), "{problem:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_required_field_is_a_validation_error_naming_the_field() {
    let app = spawn_app().await;

    let response = app.post_json(LOGIN, &json!({ "email": "ada@example.com" })).await;

    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(problem.errors.iter().any(|e| e.field == "password"), "{problem:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_is_not_declared_as_json_is_unsupported() {
    let app = spawn_app().await;
    let body = json!({ "email": "ada@example.com", "password": "correct horse battery staple" }).to_string();

    let without_type = app
        .http
        .post(app.url(LOGIN))
        .body(body.clone())
        .send()
        .await
        .expect("answered");
    assert_problem(without_type, 415, "unsupported_media_type").await;
    let as_text = app
        .http
        .post(app.url(LOGIN))
        .header("content-type", "text/plain")
        .body(body)
        .send();
    assert_problem(as_text.await.expect("answered"), 415, "unsupported_media_type").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_route_is_not_found() {
    let app = spawn_app().await;

    for path in ["/api/v1/nothing-here", "/nothing-here", "/api/v2/auth/login"] {
        let response = app.http.get(app.url(path)).send().await.expect("answered");
        let problem = assert_problem(response, 404, "not_found").await;
        assert_eq!(problem.instance.as_deref().unwrap_or(path), path);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_method_is_not_allowed() {
    let app = spawn_app().await;

    for (method, path) in [
        (Method::DELETE, LOGIN),
        (Method::GET, LOGIN),
        (Method::PUT, "/api/v1/users/me"),
    ] {
        let response = app
            .http
            .request(method.clone(), app.url(path))
            .send()
            .await
            .expect("answered");
        assert_problem(response, 405, "method_not_allowed").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_the_size_limit_is_too_large() {
    let app = spawn_app().await;
    let padding = "x".repeat(100 * 1024);

    for path in [LOGIN, "/api/v1/auth/register"] {
        let response = app
            .post_json(path, &json!({ "email": "ada@example.com", "password": padding }))
            .await;
        assert_problem(response, 413, "payload_too_large").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_size_limit_follows_the_settings() {
    let app = gatehouse_tests::spawn_app_with(|s| s.max_body_bytes = 256).await;

    let response = app
        .post_json(
            LOGIN,
            &json!({ "email": "ada@example.com", "password": "p".repeat(300) }),
        )
        .await;

    assert_problem(response, 413, "payload_too_large").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_string_over_its_max_length_is_a_validation_error() {
    let app = spawn_app().await;
    let email = format!("{}@example.com", "a".repeat(288));
    let user = TestUser::generate();

    let response = app
        .post_json(
            "/api/v1/auth/register",
            &json!({ "email": email, "password": user.password }),
        )
        .await;

    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(problem.errors.iter().any(|e| e.field == "email"), "{problem:?}");
    let response = app
        .post_json(
            "/api/v1/auth/token/refresh",
            &json!({ "refresh_token": "t".repeat(600) }),
        )
        .await;
    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(has_field_error(&problem, "refresh_token", "too_long"), "{problem:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_header_outside_the_allowed_hosts_is_refused() {
    let app = spawn_app().await;

    let evil = app
        .http
        .get(app.url("/healthz"))
        .header("host", "evil.example")
        .send()
        .await
        .expect("answered");
    assert_problem(evil, 400, "disallowed_host").await;

    let localhost = format!("localhost:{}", app.port);
    let allowed = app
        .http
        .get(app.url("/healthz"))
        .header("host", localhost)
        .send()
        .await
        .expect("answered");
    assert_eq!(allowed.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_odd_request_makes_the_server_fail() {
    let app = spawn_app().await;
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        (LOGIN, b"[]".to_vec()),
        (LOGIN, b"null".to_vec()),
        (LOGIN, b"\"a string\"".to_vec()),
        (LOGIN, br#"{"email": 5, "password": true}"#.to_vec()),
        (LOGIN, br#"{"email": "ada@example.com", "password": null}"#.to_vec()),
        (LOGIN, b"{\"email\": \"\xff\xfe\", \"password\": \"x\"}".to_vec()),
        (LOGIN, deep.into_bytes()),
        (
            LOGIN,
            br#"{"email": "a\u0000@example.com", "password": "zzzzzzzzzzzz"}"#.to_vec(),
        ),
        (
            "/api/v1/auth/register",
            br#"{"email": "a\u0000@example.com", "password": "zzzzzzzzzzzz"}"#.to_vec(),
        ),
        (
            "/api/v1/auth/register",
            json!({"email": "ünïcödé@exämple.com", "password": "пароль-пароль"})
                .to_string()
                .into_bytes(),
        ),
        ("/api/v1/auth/token/refresh", br#"{"refresh_token": 12}"#.to_vec()),
        (
            "/api/v1/auth/token/refresh",
            br#"{"refresh_token": "x", "extra": [1, 2]}"#.to_vec(),
        ),
    ];

    for (path, body) in bodies {
        let response = app
            .http
            .post(app.url(path))
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .expect("answered");
        let status = response.status();
        assert!(
            !status.is_server_error(),
            "{path} {:?} -> {status}",
            String::from_utf8_lossy(&body)
        );
        if status.is_client_error() {
            assert!(
                header(response.headers(), "content-type").starts_with(PROBLEM_JSON),
                "{path} -> {status}"
            );
        }
    }
    for (method, path) in [
        (Method::OPTIONS, LOGIN),
        (Method::HEAD, "/healthz"),
        (Method::PATCH, "/healthz"),
    ] {
        let response = app
            .http
            .request(method.clone(), app.url(path))
            .send()
            .await
            .expect("answered");
        assert!(
            !response.status().is_server_error(),
            "{method} {path} -> {}",
            response.status()
        );
    }
    let long_path = format!("/api/v1/{}", "a".repeat(8_000));
    for path in [
        "/api/v1/../../etc/passwd",
        "/%ff%fe",
        "/api/v1/users/me?x=%zz",
        long_path.as_str(),
    ] {
        let response = app.http.get(app.url(path)).send().await.expect("answered");
        assert!(!response.status().is_server_error(), "{path} -> {}", response.status());
    }
}
