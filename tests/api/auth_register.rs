//! POST /api/v1/auth/register

use gatehouse_tests::{
    TestUser, assert_problem, expect_problem, has_field_error, login_request, spawn_app, types::RegisterRequest,
};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use uuid::Uuid;

fn request(email: &str, password: &str) -> RegisterRequest {
    RegisterRequest {
        email: email.try_into().expect("the e-mail fits the spec"),
        password: password.try_into().expect("the password fits the spec"),
        first_name: None,
        last_name: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_creates_an_account_that_can_log_in() {
    // Arrange
    let app = spawn_app().await;
    let user = TestUser::generate();

    // Act
    let response = app
        .client
        .register(&user.register_request())
        .await
        .expect("registration is accepted");

    // Assert
    assert_eq!(response.status().as_u16(), 202);
    assert!(!response.into_inner().detail.is_empty());
    let tokens = app.login(&user).await;
    let account = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the account exists")
        .into_inner();
    assert_eq!(account.email, user.email);
    assert_eq!(account.first_name, "Ada");
    assert_eq!(account.last_name, "Lovelace");
    assert!(account.is_active);
    assert!(!account.is_staff);
    assert!(!account.email_verified);
    assert!((chrono::Utc::now() - account.date_joined).num_seconds().abs() < 60);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_stored_as_argon2id_hashes() {
    let app = spawn_app().await;
    let user = app.registered_user().await;

    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT password_hash FROM users",
        ))
        .await
        .expect("users can be read")
        .expect("one user");
    let hash: String = row.try_get("", "password_hash").expect("a password hash");
    assert!(hash.starts_with("$argon2id$"), "not an argon2id PHC string: {hash}");
    assert!(!hash.contains(&user.password));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_email_is_trimmed_and_its_domain_lowercased() {
    let app = spawn_app().await;
    let local = format!("Ada.Lovelace-{}", Uuid::new_v4().simple());
    let password = format!("correct horse battery {}", Uuid::new_v4());

    app.client
        .register(&request(&format!("  {local}@EXAMPLE.Com  "), &password))
        .await
        .expect("registration is accepted");
    let tokens = app
        .client
        .login(&login_request(&format!("{local}@example.com"), &password))
        .await
        .expect("the normalised address logs in")
        .into_inner();
    let account = app
        .client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the account exists")
        .into_inner();

    assert_eq!(account.email, format!("{local}@example.com"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_a_taken_email_answers_the_same_and_changes_nothing() {
    let app = spawn_app().await;
    let user = TestUser::generate();
    let first = app
        .client
        .register(&user.register_request())
        .await
        .expect("registration is accepted");
    let again = TestUser {
        password: "another good passphrase".into(),
        ..user.clone()
    };

    let second = app
        .client
        .register(&again.register_request())
        .await
        .expect("the same answer");

    assert_eq!(second.status(), first.status());
    assert_eq!(second.into_inner().detail, first.into_inner().detail);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, 1);
    app.login(&user).await;
    expect_problem(
        app.client.login(&again.login_request()).await,
        401,
        "invalid_credentials",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_uniqueness_ignores_case() {
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let shouting = TestUser {
        email: user.email.to_uppercase(),
        ..user.clone()
    };
    let padded = TestUser {
        email: format!(" {} ", user.email),
        ..user
    };

    for taken in [shouting, padded] {
        let response = app.client.register(&taken.register_request()).await;
        assert_eq!(response.expect("the same answer").status().as_u16(), 202);
    }
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_email_addresses_are_rejected() {
    let app = spawn_app().await;

    for email in [
        "not-an-email",
        "ada@",
        "@example.com",
        "ada@@example.com",
        "ada lovelace@example.com",
        "",
    ] {
        let result = app
            .client
            .register(&request(email, "correct horse battery staple"))
            .await;
        let problem = expect_problem(result, 422, "validation_failed");
        assert!(
            has_field_error(&problem, "email", "invalid_email"),
            "{email:?}: {problem:?}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_shorter_than_eight_characters_is_rejected() {
    let app = spawn_app().await;

    // The spec's minLength makes the generated client refuse this itself: send raw JSON.
    let body = json!({ "email": TestUser::generate().email, "password": "q7!Vz#2" });
    let response = app.post_json("/api/v1/auth/register", &body).await;

    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(
        has_field_error(&problem, "password", "password_too_short"),
        "{problem:?}"
    );
    assert!(problem.errors.iter().all(|e| !e.message.is_empty()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_longer_than_256_characters_is_rejected() {
    let app = spawn_app().await;
    let password = long_password(257);

    let body = json!({ "email": TestUser::generate().email, "password": password });
    let response = app.post_json("/api/v1/auth/register", &body).await;

    let problem = assert_problem(response, 422, "validation_failed").await;
    assert!(
        has_field_error(&problem, "password", "password_too_long"),
        "{problem:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_of_8_and_256_characters_are_accepted() {
    let app = spawn_app().await;

    for password in ["q7!Vz#2m".to_owned(), long_password(256)] {
        let user = TestUser {
            email: TestUser::generate().email,
            password,
        };
        app.register(&user).await;
        app.login(&user).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn common_passwords_are_rejected() {
    let app = spawn_app().await;

    for password in ["password123", "12345678", "qwertyuiop"] {
        let result = app
            .client
            .register(&request(&TestUser::generate().email, password))
            .await;
        let problem = expect_problem(result, 422, "validation_failed");
        assert!(
            has_field_error(&problem, "password", "password_breached"),
            "{password}: {problem:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_cannot_be_the_email_address_or_its_local_part() {
    let app = spawn_app().await;
    let local = format!("ada-{}", Uuid::new_v4().simple());
    let email = format!("{local}@example.com");

    for password in [email.clone(), email.to_uppercase(), local.clone(), local.to_uppercase()] {
        let result = app.client.register(&request(&email, &password)).await;
        let problem = expect_problem(result, 422, "validation_failed");
        assert!(
            has_field_error(&problem, "password", "password_equals_email"),
            "{password}: {problem:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_invalid_field_is_reported_at_once() {
    let app = spawn_app().await;

    // Both pass the spec's length limits; the service checks both and reports both.
    let result = app.client.register(&request("not-an-email", "password123")).await;

    let problem = expect_problem(result, 422, "validation_failed");
    assert!(has_field_error(&problem, "email", "invalid_email"), "{problem:?}");
    assert!(
        has_field_error(&problem, "password", "password_breached"),
        "{problem:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_longer_than_150_characters_are_rejected() {
    let app = spawn_app().await;
    let user = TestUser::generate();

    for field in ["first_name", "last_name"] {
        let mut body = json!({ "email": user.email, "password": user.password });
        body[field] = json!("n".repeat(151));
        let response = app.post_json("/api/v1/auth/register", &body).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert!(has_field_error(&problem, field, "too_long"), "{problem:?}");
    }
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, 0);
}

/// A strong password of exactly `len` characters.
fn long_password(len: usize) -> String {
    let mut password = String::new();
    while password.len() < len {
        password.push_str(&Uuid::new_v4().simple().to_string());
    }
    password.truncate(len);
    password
}
