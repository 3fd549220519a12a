//! POST /api/v1/auth/login

use gatehouse_tests::{TestUser, assert_problem, expect_problem, has_field_error, header, login_request, spawn_app};
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_returns_a_bearer_token_pair_that_is_never_cached() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;

    // Act
    let response = app.client.login(&user.login_request()).await.expect("login succeeds");

    // Assert
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(response.headers(), "cache-control"), "no-store");
    let tokens = response.into_inner();
    assert_eq!(tokens.token_type, "Bearer");
    assert_eq!(tokens.expires_in, 300);
    let fourteen_days = 14 * 24 * 3600;
    assert!(
        (fourteen_days - 2..=fourteen_days).contains(&tokens.refresh_expires_in),
        "{tokens:?}"
    );
    assert_eq!(tokens.access_token.split('.').count(), 3, "the access token is a JWT");
    let refresh_token = tokens
        .refresh_token
        .expect("bearer mode returns the refresh token in the body");
    assert!(
        refresh_token.len() >= 32,
        "a refresh token carries enough entropy: {refresh_token}"
    );
    assert_ne!(refresh_token, tokens.access_token);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_login_starts_a_new_session() {
    let app = spawn_app().await;
    let user = app.registered_user().await;

    let first = app.login(&user).await;
    let second = app.login(&user).await;

    assert_ne!(first.refresh_token, second.refresh_token);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM sessions").await, 2);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM refresh_tokens").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_token_from_login_opens_the_account() {
    let app = spawn_app().await;
    let user = TestUser::generate();
    app.register(&user).await;
    let tokens = app.login(&user).await;

    let me = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the token is accepted");

    assert_eq!(me.id, app.user_id(&user.email).await);
    assert_eq!(me.email, user.email);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_email_lookup_ignores_case() {
    let app = spawn_app().await;
    let user = app.registered_user().await;

    let result = app
        .client
        .login(&login_request(&user.email.to_uppercase(), &user.password))
        .await;

    assert_eq!(
        result
            .expect("login with the address in capitals succeeds")
            .status()
            .as_u16(),
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_with_a_wrong_password_is_refused() {
    let app = spawn_app().await;
    let user = app.registered_user().await;

    let result = app
        .client
        .login(&login_request(&user.email, "not the password at all"))
        .await;

    let problem = expect_problem(result, 401, "invalid_credentials");
    assert!(problem.errors.is_empty());
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM sessions").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_is_case_sensitive() {
    let app = spawn_app().await;
    let user = app.registered_user().await;

    let result = app
        .client
        .login(&login_request(&user.email, &user.password.to_uppercase()))
        .await;

    expect_problem(result, 401, "invalid_credentials");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_with_unknown_email_is_indistinguishable_from_wrong_password() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let attempt = |email: String| {
        let app = &app;
        async move {
            let body = json!({ "email": email, "password": "not the password at all" });
            app.post_json("/api/v1/auth/login", &body).await
        }
    };

    // Act
    let wrong_password = attempt(user.email.clone()).await;
    let unknown_email = attempt(TestUser::generate().email).await;

    // Assert: same status, headers that matter, and body apart from the per-request fields.
    assert_eq!(wrong_password.status(), unknown_email.status());
    for name in ["content-type", "www-authenticate", "cache-control"] {
        assert_eq!(
            header(wrong_password.headers(), name),
            header(unknown_email.headers(), name),
            "{name}"
        );
    }
    let without_request_fields = |mut body: Value| {
        let object = body.as_object_mut().expect("a problem is an object");
        object.remove("request_id");
        object.remove("instance");
        body
    };
    let wrong_password: Value = wrong_password.json().await.expect("a JSON problem");
    let unknown_email: Value = unknown_email.json().await.expect("a JSON problem");
    assert_eq!(wrong_password["code"], "invalid_credentials");
    assert_eq!(
        without_request_fields(wrong_password),
        without_request_fields(unknown_email)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_password_is_refused_before_hashing() {
    let app = spawn_app().await;
    let user = app.registered_user().await;

    let body = json!({ "email": user.email, "password": "p".repeat(5000) });
    let response = app.post_json("/api/v1/auth/login", &body).await;

    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(
        has_field_error(&problem, "password", "password_too_long"),
        "{problem:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_rehashes_the_password_when_the_argon2_parameters_were_raised() {
    // Arrange: an account hashed with the defaults, then a deployment with more memory.
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let stored = |app: &gatehouse_tests::TestApp, email: String| {
        let sql = format!(
            "SELECT password_hash FROM users WHERE email_normalized = '{}'",
            email.to_lowercase()
        );
        let db = app.db.clone();
        async move {
            use sea_orm::{ConnectionTrait, Statement};
            let row = db
                .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .expect("query the stored hash")
                .expect("the account exists");
            row.try_get::<String>("", "password_hash").expect("a password hash")
        }
    };
    assert!(
        stored(&app, user.email.clone())
            .await
            .starts_with("$argon2id$v=19$m=19456,t=2,p=1$")
    );
    let stronger = app
        .spawn_another_instance_with(|s| s.argon2.memory_kib = 24 * 1024)
        .await;

    // Act
    let client = gatehouse_client::Client::new(&stronger);
    client
        .login(&user.login_request())
        .await
        .expect("login on the new deployment");

    // Assert: the hash now uses the new parameters, and the password still works everywhere.
    assert!(
        stored(&app, user.email.clone())
            .await
            .starts_with("$argon2id$v=19$m=24576,t=2,p=1$")
    );
    app.client
        .login(&user.login_request())
        .await
        .expect("login on the old deployment");
}
