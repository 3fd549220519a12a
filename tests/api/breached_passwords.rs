//! Breached passwords: the offline list compiled into the binary, and the Pwned Passwords
//! range API (k-anonymity, padded answers) behind registration, reset and change — failing
//! open, fast, when the API is down or slow.

use std::time::{Duration, Instant};

use gatehouse_tests::{
    PwnedRange, RangeMode, TestApp, TestUser, expect_problem, has_field_error, post_password_change,
    post_password_reset, post_password_reset_confirm, reset_token, spawn_app, spawn_app_with,
};

async fn app_with(range: &PwnedRange, timeout: Duration) -> TestApp {
    let url = range.url.clone();
    spawn_app_with(move |s| {
        s.breach.pwned_passwords_url = Some(url);
        s.breach.timeout = timeout;
    })
    .await
}

async fn register_with(app: &TestApp, password: &str) -> Result<u16, gatehouse_tests::types::Problem> {
    let user = TestUser {
        password: password.into(),
        ..TestUser::generate()
    };
    match app.client.register(&user.register_request()).await {
        Ok(response) => Ok(response.status().as_u16()),
        Err(gatehouse_tests::Error::ErrorResponse(problem)) => Err(problem.into_inner()),
        Err(other) => panic!("unexpected: {other:?}"),
    }
}

const BREACHED: &str = "a passphrase someone leaked 2019";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_the_range_api_knows_is_refused_everywhere_and_only_a_prefix_leaves() {
    // Arrange
    let range = PwnedRange::start().await;
    range.add(BREACHED, 42);
    let app = app_with(&range, Duration::from_secs(2)).await;
    let (user, tokens) = app.logged_in_user().await;

    // Act
    let registered = register_with(&app, BREACHED).await;
    let changed = post_password_change(&app, &tokens.access_token, &user.password, BREACHED).await;
    post_password_reset(&app, &user.email)
        .await
        .expect("the reset is accepted");
    let token = reset_token(&app, &user.email).await;
    let reset = post_password_reset_confirm(&app, &token, BREACHED).await;

    // Assert
    let problem = registered.expect_err("refused");
    assert!(
        has_field_error(&problem, "password", "password_breached"),
        "{problem:?}"
    );
    let problem = expect_problem(changed, 422, "validation_failed");
    assert!(has_field_error(&problem, "new_password", "password_breached"));
    let problem = expect_problem(reset, 422, "validation_failed");
    assert!(has_field_error(&problem, "new_password", "password_breached"));
    let seen = range.seen();
    assert!(seen.len() >= 4, "{seen:?}");
    let prefix = PwnedRange::prefix_of(BREACHED);
    assert!(seen.iter().all(|(p, padded)| p.len() == 5 && *padded), "{seen:?}");
    assert_eq!(seen.iter().filter(|(p, _)| *p == prefix).count(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn padding_lines_and_other_suffixes_are_not_breaches() {
    let range = PwnedRange::start().await;
    range.add(BREACHED, 0);
    let app = app_with(&range, Duration::from_secs(2)).await;

    assert_eq!(register_with(&app, BREACHED).await.expect("accepted"), 202);
    assert_eq!(
        register_with(&app, "another fine passphrase 77")
            .await
            .expect("accepted"),
        202
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_that_fails_lets_passwords_through_counts_it_and_rests() {
    // Arrange
    let range = PwnedRange::start().await;
    range.add(BREACHED, 42);
    range.set_mode(RangeMode::Fail);
    let app = app_with(&range, Duration::from_secs(2)).await;

    // Act
    let first = register_with(&app, BREACHED).await;
    let asked = range.seen().len();
    range.set_mode(RangeMode::Answer);
    let second = register_with(&app, BREACHED).await;

    // Assert: failed open, and the API was not asked again while resting.
    assert_eq!(first.expect("failed open"), 202);
    assert_eq!(second.expect("still resting"), 202);
    assert_eq!(asked, 1);
    assert_eq!(range.seen().len(), 1);
    let metrics = app
        .http
        .get(app.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains(r#"gatehouse_breached_password_checks_total{result="unavailable"} 1"#),
        "{metrics}"
    );
    assert!(metrics.contains(r#"gatehouse_breached_password_checks_total{result="skipped"} 1"#));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_api_costs_at_most_the_timeout() {
    let range = PwnedRange::start().await;
    range.set_mode(RangeMode::Stall);
    let app = app_with(&range, Duration::from_millis(300)).await;

    let started = Instant::now();
    let outcome = register_with(&app, "a perfectly fine passphrase 3").await;

    assert_eq!(outcome.expect("failed open"), 202);
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offline_list_works_without_the_api() {
    let app = spawn_app().await;

    for password in ["baseball123", "Iloveyou1", "qwertyuiop"] {
        let problem = register_with(&app, password).await.expect_err("refused offline");
        assert!(
            has_field_error(&problem, "password", "password_breached"),
            "{password}: {problem:?}"
        );
    }
}
