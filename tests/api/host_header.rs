//! The ALLOWED_HOSTS check against the authority actually used: absolute-form request
//! targets and duplicate Host headers (raw TCP: HTTP clients do not send these).

use gatehouse_tests::{raw_request, spawn_app};

fn request(target: &str, hosts: &[&str]) -> String {
    let hosts: String = hosts.iter().map(|h| format!("Host: {h}\r\n")).collect();
    format!("GET {target} HTTP/1.1\r\n{hosts}Connection: close\r\n\r\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_absolute_form_target_with_a_foreign_host_is_refused() {
    let app = spawn_app().await;
    let allowed = format!("127.0.0.1:{}", app.port);

    let response = raw_request(app.port, &request("http://evil.example/healthz", &[&allowed])).await;

    assert_eq!(response.status, 400, "{response:?}");
    assert_eq!(response.problem_code(), "disallowed_host");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_absolute_form_target_needs_an_allowed_host_header_too() {
    let app = spawn_app().await;
    let target = format!("http://localhost:{}/healthz", app.port);

    let with_foreign_header = raw_request(app.port, &request(&target, &["evil.example"])).await;
    let with_allowed_header = raw_request(app.port, &request(&target, &["localhost"])).await;
    let without_header = raw_request(app.port, &request(&target, &[])).await;

    assert_eq!(with_foreign_header.status, 400, "{with_foreign_header:?}");
    assert_eq!(with_foreign_header.problem_code(), "disallowed_host");
    assert_eq!(with_allowed_header.status, 200, "{with_allowed_header:?}");
    // HTTP/1.1 requires a Host header even then (RFC 9112 §3.2): the generated routes say so.
    assert_eq!(without_header.status, 400, "{without_header:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_host_headers_are_refused() {
    let app = spawn_app().await;

    let foreign_second = raw_request(app.port, &request("/healthz", &["localhost", "evil.example"])).await;
    let same_twice = raw_request(app.port, &request("/healthz", &["localhost", "localhost"])).await;
    let once = raw_request(app.port, &request("/healthz", &["localhost"])).await;

    for response in [&foreign_second, &same_twice] {
        assert_eq!(response.status, 400, "{response:?}");
        assert_eq!(response.problem_code(), "disallowed_host");
    }
    assert_eq!(once.status, 200, "{once:?}");
}
