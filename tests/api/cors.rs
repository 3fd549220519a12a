//! CORS: the origins of CORS_ALLOWED_ORIGINS get credentialed access, any other origin and
//! the staff console get nothing that lets a browser read the answer.

use gatehouse_tests::{TestApp, spawn_app_with};
use reqwest::{Method, Response, header};

const FRONTEND: &str = "https://app.example.com";
const FOREIGN: &str = "https://evil.example";

async fn app() -> TestApp {
    spawn_app_with(|settings| settings.cors_allowed_origins = vec![FRONTEND.to_string()]).await
}

fn header_value<'a>(response: &'a Response, name: &str) -> Option<&'a str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

fn listed(response: &Response, name: &str) -> Vec<String> {
    header_value(response, name)
        .unwrap_or_default()
        .split(',')
        .map(|item| item.trim().to_ascii_lowercase())
        .filter(|item| !item.is_empty())
        .collect()
}

async fn preflight(app: &TestApp, origin: &str) -> Response {
    app.http
        .request(Method::OPTIONS, app.url("/api/v1/auth/login"))
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-csrf-token")
        .send()
        .await
        .expect("the preflight is answered")
}

async fn get_me(app: &TestApp, access_token: &str, origin: Option<&str>) -> Response {
    let mut request = app.http.get(app.url("/api/v1/users/me")).bearer_auth(access_token);
    if let Some(origin) = origin {
        request = request.header(header::ORIGIN, origin);
    }
    request.send().await.expect("GET me is answered")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_allowed_origin_may_send_credentialed_requests_with_the_csrf_header() {
    let app = app().await;

    let response = preflight(&app, FRONTEND).await;

    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header_value(&response, "access-control-allow-origin"), Some(FRONTEND));
    assert_eq!(
        header_value(&response, "access-control-allow-credentials"),
        Some("true")
    );
    let methods = listed(&response, "access-control-allow-methods");
    for method in ["get", "post", "put", "patch", "delete"] {
        assert!(methods.iter().any(|m| m == method), "{method} in {methods:?}");
    }
    let headers = listed(&response, "access-control-allow-headers");
    for name in ["authorization", "content-type", "x-csrf-token"] {
        assert!(headers.iter().any(|h| h == name), "{name} in {headers:?}");
    }
    assert_eq!(header_value(&response, "access-control-max-age"), Some("600"));
    assert!(listed(&response, "vary").contains(&"origin".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_foreign_origin_gets_no_permission_in_a_preflight() {
    let app = app().await;

    let response = preflight(&app, FOREIGN).await;

    for name in [
        "access-control-allow-origin",
        "access-control-allow-credentials",
        "access-control-allow-methods",
        "access-control-allow-headers",
    ] {
        assert_eq!(header_value(&response, name), None, "{name}");
    }
    assert!(listed(&response, "vary").contains(&"origin".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_an_allowed_origin_may_read_an_answer_and_its_request_id() {
    let app = app().await;
    let (_, tokens) = app.logged_in_user().await;

    let allowed = get_me(&app, &tokens.access_token, Some(FRONTEND)).await;
    let foreign = get_me(&app, &tokens.access_token, Some(FOREIGN)).await;
    let no_origin = get_me(&app, &tokens.access_token, None).await;

    assert_eq!(allowed.status().as_u16(), 200);
    assert_eq!(header_value(&allowed, "access-control-allow-origin"), Some(FRONTEND));
    assert_eq!(header_value(&allowed, "access-control-allow-credentials"), Some("true"));
    let exposed = listed(&allowed, "access-control-expose-headers");
    for name in ["x-request-id", "retry-after", "ratelimit", "ratelimit-policy"] {
        assert!(exposed.iter().any(|h| h == name), "{name} in {exposed:?}");
    }
    for response in [&foreign, &no_origin] {
        assert_eq!(response.status().as_u16(), 200);
        for name in [
            "access-control-allow-origin",
            "access-control-allow-credentials",
            "access-control-expose-headers",
        ] {
            assert_eq!(header_value(response, name), None, "{name}");
        }
        // A cache must still tell the answers to different origins apart.
        assert!(listed(response, "vary").contains(&"origin".to_string()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_console_is_same_origin_only() {
    let app = app().await;

    let page = app
        .http
        .get(app.url("/admin/sign-in"))
        .header(header::ORIGIN, FRONTEND)
        .send()
        .await
        .expect("the sign-in page is answered");
    let preflight = app
        .http
        .request(Method::OPTIONS, app.url("/admin/sign-in"))
        .header(header::ORIGIN, FRONTEND)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .send()
        .await
        .expect("the console's OPTIONS is answered");

    assert_eq!(page.status().as_u16(), 200);
    for response in [&page, &preflight] {
        assert_eq!(header_value(response, "access-control-allow-origin"), None);
        assert_eq!(header_value(response, "access-control-allow-credentials"), None);
    }
}
