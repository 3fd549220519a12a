//! Health, the API description and its documentation pages, and headers every response carries.

use std::collections::HashSet;

use gatehouse_tests::{PROBLEM_JSON, TestApp, header, spawn_app, types::SchemaFormat};
use serde_json::{Value, json};

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    app.http.get(app.url(path)).send().await.expect("the GET is answered")
}

/// The values of every `attr="…"` (or `attr='…'`) in an HTML page.
fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let mut values = Vec::new();
    for quote in ['"', '\''] {
        let needle = format!("{attr}={quote}");
        let mut rest = html;
        while let Some(start) = rest.find(&needle) {
            rest = &rest[start + needle.len()..];
            let end = rest.find(quote).expect("a closed attribute");
            values.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    values
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn liveness_and_readiness_answer_ok() {
    let app = spawn_app().await;

    let health = app.client.healthz().await.expect("healthz answers");
    let ready = app.client.readyz().await.expect("readyz answers");

    assert_eq!(health.status, "ok");
    assert_eq!(ready.status.to_string(), "ok");
    assert!(header(get(&app, "/healthz").await.headers(), "content-type").starts_with("application/json"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_schema_is_served_as_yaml_by_default() {
    let app = spawn_app().await;

    let response = get(&app, "/api/schema").await;

    assert_eq!(response.status().as_u16(), 200);
    assert!(header(response.headers(), "content-type").starts_with("application/yaml"));
    let body = response.text().await.expect("a text body");
    assert!(body.starts_with("openapi: 3.0.3"), "{}", &body[..body.len().min(80)]);
    let explicit = get(&app, "/api/schema?format=yaml").await;
    assert_eq!(explicit.text().await.expect("a text body"), body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_schema_is_served_as_json_on_request() {
    let app = spawn_app().await;

    let by_query = get(&app, "/api/schema?format=json").await;
    assert!(header(by_query.headers(), "content-type").starts_with("application/json"));
    let by_query: Value = by_query.json().await.expect("a JSON document");
    let by_accept = app
        .client
        .get_schema(None)
        .await
        .expect("the generated client gets JSON")
        .into_inner();
    let by_both = app
        .client
        .get_schema(Some(SchemaFormat::Json))
        .await
        .expect("JSON")
        .into_inner();

    assert_eq!(by_query["openapi"], "3.0.3");
    assert_eq!(Value::Object(by_accept), by_query);
    assert_eq!(Value::Object(by_both), by_query);
    for path in [
        "/api/v1/auth/register",
        "/api/v1/auth/token/refresh",
        "/api/v1/users/me",
        "/.well-known/jwks.json",
    ] {
        assert!(by_query["paths"].get(path).is_some(), "{path} is described");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_schema_format_is_a_bad_request() {
    let app = spawn_app().await;

    let response = get(&app, "/api/schema?format=xml").await;

    assert_eq!(response.status().as_u16(), 400);
    assert!(header(response.headers(), "content-type").starts_with(PROBLEM_JSON));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_documentation_pages_load_only_local_assets() {
    let app = spawn_app().await;

    for page in ["/api/docs", "/api/redoc"] {
        let response = get(&app, page).await;
        assert_eq!(response.status().as_u16(), 200, "{page}");
        assert!(
            header(response.headers(), "content-type").starts_with("text/html"),
            "{page}"
        );
        let html = response.text().await.expect("an HTML page");

        let references: Vec<String> = attribute_values(&html, "src")
            .into_iter()
            .chain(attribute_values(&html, "href"))
            .collect();
        let assets: Vec<&String> = references
            .iter()
            .filter(|r| r.starts_with("/api/docs/assets/"))
            .collect();
        assert!(
            !assets.is_empty(),
            "{page} loads its scripts from /api/docs/assets/: {references:?}"
        );
        for reference in &references {
            assert!(
                !reference.starts_with("http://") && !reference.starts_with("https://") && !reference.starts_with("//"),
                "{page} loads {reference} from elsewhere"
            );
        }
        for asset in assets {
            let response = get(&app, asset).await;
            assert_eq!(response.status().as_u16(), 200, "{page}: {asset}");
            assert!(!response.bytes().await.expect("an asset body").is_empty(), "{asset}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_security_headers_and_a_request_id() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    let login = json!({ "email": user.email, "password": user.password });
    let responses = vec![
        ("healthz", get(&app, "/healthz").await),
        ("jwks", get(&app, "/.well-known/jwks.json").await),
        ("docs", get(&app, "/api/docs").await),
        ("login", app.post_json("/api/v1/auth/login", &login).await),
        ("unauthenticated", get(&app, "/api/v1/users/me").await),
        ("not found", get(&app, "/nowhere").await),
        (
            "method",
            app.http
                .delete(app.url("/api/v1/auth/login"))
                .send()
                .await
                .expect("answered"),
        ),
        (
            "bad host",
            app.http
                .get(app.url("/healthz"))
                .header("host", "evil.example")
                .send()
                .await
                .expect("answered"),
        ),
    ];

    // Assert
    let mut request_ids = HashSet::new();
    for (what, response) in responses {
        let headers = response.headers();
        assert_eq!(header(headers, "x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header(headers, "x-frame-options"), "DENY", "{what}");
        assert_eq!(header(headers, "referrer-policy"), "no-referrer", "{what}");
        let request_id = header(headers, "x-request-id");
        assert!(!request_id.is_empty(), "{what} has no x-request-id");
        assert!(request_ids.insert(request_id), "{what} reuses a request id");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_problem_names_the_request_it_answers() {
    let app = spawn_app().await;

    let response = get(&app, "/api/v1/users/me").await;

    let request_id = header(response.headers(), "x-request-id");
    let problem: Value = response.json().await.expect("a problem document");
    assert_eq!(problem["instance"], "/api/v1/users/me");
    assert_eq!(problem["request_id"], request_id.as_str());
    assert!(
        problem["type"].as_str().is_some_and(|t| !t.is_empty()) && problem["title"].is_string(),
        "{problem}"
    );
}
