//! Input at the edges of what the spec allows, found by the contract checks (Schemathesis):
//! control characters in names, NUL in text filters, empty optional query values, and `null` for "keep the current value".

use gatehouse_tests::{
    TestUser, assert_problem, first_mail_to, has_field_error, post_password_reset, spawn_app, staff_user, types,
    user_row, wait_until_outbox_is_idle,
};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_control_character_in_a_name_is_a_validation_error_that_changes_nothing() {
    let app = spawn_app().await;
    let (_, staff_tokens) = staff_user(&app).await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let names_before = user_row(&app, user_id).await;
    let users_before = app.count("SELECT COUNT(*) AS n FROM users").await;
    let events_before = app.count("SELECT COUNT(*) AS n FROM audit_events").await;

    // U+0000 once answered 500 on PostgreSQL, which cannot store it in text.
    let newcomer = TestUser::generate();
    for first_name in ["Ad\u{0}a", "Ada\u{1b}", "\u{7f}"] {
        let register = json!({
            "email": newcomer.email,
            "password": newcomer.password,
            "first_name": first_name,
        });
        let response = app.post_json("/api/v1/auth/register", &register).await;
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert!(has_field_error(&problem, "first_name", "invalid_format"), "{problem:?}");
    }
    let patches = [
        (
            "/api/v1/users/me".to_string(),
            &tokens.access_token,
            json!({ "last_name": "Love\u{0}lace" }),
            "last_name",
        ),
        (
            format!("/api/v1/admin/users/{user_id}"),
            &staff_tokens.access_token,
            json!({ "first_name": "\u{0}" }),
            "first_name",
        ),
    ];
    for (path, token, body, field) in patches {
        let response = app
            .http
            .patch(app.url(&path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .expect("answered");
        let problem = assert_problem(response, 422, "validation_failed").await;
        assert!(has_field_error(&problem, field, "invalid_format"), "{problem:?}");
    }

    assert_eq!(app.count("SELECT COUNT(*) AS n FROM users").await, users_before);
    assert_eq!(app.count("SELECT COUNT(*) AS n FROM audit_events").await, events_before);
    let row = user_row(&app, user_id).await;
    assert_eq!(
        (row.first_name, row.last_name),
        (names_before.first_name, names_before.last_name)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_text_filter_with_a_nul_character_matches_nothing() {
    let app = spawn_app().await;
    let (_, staff) = staff_user(&app).await;
    app.registered_user().await;

    // No stored text can hold U+0000; PostgreSQL would refuse the query (a 500 once).
    for path in [
        "/api/v1/admin/users?q=a%00",
        "/api/v1/admin/users?q=%00",
        "/api/v1/admin/audit-log?event_type=login%00",
    ] {
        let page = get_json(&app, path, &staff.access_token).await;
        assert_eq!(page["items"], json!([]), "{path}");
        assert_eq!(page["next_before"], json!(null), "{path}");
    }
    // The same filters without the NUL do match.
    let users = get_json(&app, "/api/v1/admin/users?q=a", &staff.access_token).await;
    assert!(!users["items"].as_array().expect("items").is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_escaped_backslash_before_u0000_is_ordinary_text() {
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);

    // The JSON text `"a\\u0000b"` is the six characters a, \, u, 0, 0, 0, 0, b: no NUL.
    let body = r#"{"first_name":"a\\u0000b"}"#;
    let response = app
        .http
        .patch(app.url("/api/v1/users/me"))
        .bearer_auth(&tokens.access_token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 200);

    let me = client.get_me().await.expect("me").into_inner();
    assert_eq!(me.first_name, "a\\u0000b");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_optional_query_value_is_the_same_as_leaving_it_out() {
    let app = spawn_app().await;
    let (_, staff) = staff_user(&app).await;
    for _ in 0..3 {
        let user = app.registered_user().await;
        // Queues an e-mail, so the outbox has something to list.
        post_password_reset(&app, &user.email).await.expect("202");
        first_mail_to(&app, &user.email).await;
    }
    // The pages must not change between the two reads: every e-mail delivered, and every
    // reset audited (both happen after the answer).
    wait_until_outbox_is_idle(&app).await;
    let audited = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'password_reset_requested'";
    for _ in 0..500 {
        if app.count(audited).await >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(app.count(audited).await, 3, "every reset is audited");

    let pairs = [
        (
            "/api/v1/admin/users",
            "q=&is_active=&is_staff=&email_verified=&deleted=&limit=&before=",
        ),
        (
            "/api/v1/admin/audit-log",
            "user_id=&actor_id=&event_type=&since=&until=&limit=&before=",
        ),
        ("/api/v1/admin/outbox", "status=&limit=&before="),
        ("/api/v1/users/me/audit-log", "limit=&before="),
    ];
    for (path, empty_query) in pairs {
        let plain = get_json(&app, path, &staff.access_token).await;
        let with_empty = get_json(&app, &format!("{path}?{empty_query}"), &staff.access_token).await;
        assert_eq!(plain, with_empty, "{path}?{empty_query}");
        let items = plain["items"].as_array().expect("a page has items");
        assert!(
            !items.is_empty(),
            "{path}: the comparison is not between two empty pages"
        );
    }

    let yaml = app
        .http
        .get(app.url("/api/schema?format="))
        .send()
        .await
        .expect("answered");
    assert_eq!(yaml.status(), 200);
    let content_type = yaml.headers()["content-type"].to_str().expect("ascii").to_string();
    assert!(content_type.contains("yaml"), "{content_type}");
}

async fn get_json(app: &gatehouse_tests::TestApp, path: &str, token: &str) -> serde_json::Value {
    let response = app
        .http
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.expect("a JSON page")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn null_in_a_staff_update_keeps_the_current_value() {
    let app = spawn_app().await;
    let (_, staff) = staff_user(&app).await;
    let client = app.client_with_token(&staff.access_token);
    let (user, _) = app.logged_in_user().await;
    let id = app.user_id(&user.email).await;
    let named = types::AdminUserUpdate {
        first_name: Some("Grace".try_into().expect("a short name")),
        last_name: Some("Hopper".try_into().expect("a short name")),
        ..Default::default()
    };
    client.update_user(&id, &named).await.expect("named");
    let events = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'staff_user_updated'";
    assert_eq!(app.count(events).await, 1);

    let nulls = json!({ "is_active": null, "is_staff": null, "first_name": null, "last_name": null });
    let response = app
        .http
        .patch(app.url(&format!("/api/v1/admin/users/{id}")))
        .bearer_auth(&staff.access_token)
        .json(&nulls)
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 200);
    let answered: serde_json::Value = response.json().await.expect("the account");
    assert_eq!(answered["first_name"], "Grace");
    assert_eq!(answered["is_active"], true);

    let row = user_row(&app, id).await;
    assert_eq!((row.first_name.as_str(), row.last_name.as_str()), ("Grace", "Hopper"));
    assert!(row.is_active && !row.is_staff, "{row:?}");
    assert_eq!(
        app.count(events).await,
        1,
        "a patch of nulls changes nothing and is not audited"
    );
}
