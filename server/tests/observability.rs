//! What an operator's tools see of a real `gatehouse serve` process: traces exported over
//! OTLP/HTTP to a loopback receiver (decoded as the OTLP protobuf), the trace id in the JSON
//! logs, and `gatehouse healthcheck` as a container's HEALTHCHECK runs it.

mod support;

use std::{
    process::Command,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{Router, body::Bytes, extract::State, routing::post};
use opentelemetry_proto::tonic::{collector::trace::v1::ExportTraceServiceRequest, trace::v1::Span};
use prost::Message;
use support::{Serve, Workdir};

/// A loopback OTLP/HTTP receiver: keeps every export request it is sent.
async fn otlp_receiver() -> (u16, Arc<Mutex<Vec<ExportTraceServiceRequest>>>) {
    async fn traces(State(received): State<Arc<Mutex<Vec<ExportTraceServiceRequest>>>>, body: Bytes) -> Vec<u8> {
        let request = ExportTraceServiceRequest::decode(body).expect("the export is OTLP protobuf");
        received.lock().expect("not poisoned").push(request);
        Vec::new()
    }
    let received = Arc::new(Mutex::new(Vec::new()));
    let app = Router::new()
        .route("/v1/traces", post(traces))
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("address").port();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (port, received)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_are_traced_over_otlp_and_the_trace_id_is_in_the_logs() {
    // Arrange: a receiver, and a server exporting to it every 100 ms.
    let (receiver_port, received) = otlp_receiver().await;
    let dir = Workdir::new();
    let mut command = dir.gatehouse(&["serve"]);
    command
        .env("PORT", "0")
        .env("RUST_LOG", "info")
        .env("LOG_FORMAT", "json")
        .env("EMAIL_VERIFICATION", "none")
        .env(
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            format!("http://127.0.0.1:{receiver_port}"),
        )
        .env("OTEL_BSP_SCHEDULE_DELAY", "100");
    let mut serve = Serve::start(command);
    let port = serve.port();
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let credentials = serde_json::json!({"email": "ada@example.com", "password": "correct horse battery staple"});
    let registered = http
        .post(format!("{base}/api/v1/auth/register"))
        .json(&credentials)
        .send()
        .await
        .expect("register");
    assert_eq!(registered.status(), 202);
    // A caller that traces: its trace continues through Gatehouse.
    let trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let caller_span = "00f067aa0ba902b7";

    // Act
    let login = http
        .post(format!("{base}/api/v1/auth/login"))
        .header("traceparent", format!("00-{trace_id}-{caller_span}-01"))
        .json(&credentials)
        .send()
        .await
        .expect("login");
    assert_eq!(login.status(), 200);
    let log_line = serve.wait_for_line(|line| line.contains(r#""operation":"login""#));
    let deadline = Instant::now() + Duration::from_secs(15);
    let spans: Vec<Span> = loop {
        let spans: Vec<Span> = received
            .lock()
            .expect("not poisoned")
            .iter()
            .flat_map(|r| r.resource_spans.iter())
            .flat_map(|r| r.scope_spans.iter())
            .flat_map(|s| s.spans.iter().cloned())
            .filter(|s| hex(&s.trace_id) == trace_id)
            .collect();
        let complete = spans.iter().any(|s| s.name == "login")
            && spans.iter().any(|s| s.name == "password_hash")
            && spans.iter().any(|s| s.name.starts_with("sea_orm."));
        if complete || Instant::now() > deadline {
            break spans;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    // Assert: one trace, the request span named by its operationId under the caller's span,
    // hashing and database statements under it.
    let names: Vec<&str> = spans.iter().map(|s| s.name.as_str()).collect();
    let request = spans
        .iter()
        .find(|s| s.name == "login")
        .unwrap_or_else(|| panic!("no login span in the trace: {names:?}"));
    let tree: Vec<String> = spans
        .iter()
        .map(|s| format!("{} {} <- {}", s.name, hex(&s.span_id), hex(&s.parent_span_id)))
        .collect();
    assert_eq!(hex(&request.parent_span_id), caller_span, "{tree:#?}");
    let hash = spans
        .iter()
        .find(|s| s.name == "password_hash")
        .unwrap_or_else(|| panic!("no password_hash span: {names:?}"));
    assert_eq!(
        hash.parent_span_id, request.span_id,
        "hashing is a child of the request"
    );
    assert!(
        spans
            .iter()
            .any(|s| s.name.starts_with("sea_orm.") && s.parent_span_id == request.span_id),
        "no database statement under the request: {names:?}"
    );
    let service = received.lock().expect("not poisoned")[0].resource_spans[0]
        .resource
        .as_ref()
        .and_then(|r| r.attributes.iter().find(|a| a.key == "service.name"))
        .and_then(|a| a.value.as_ref())
        .map(|v| format!("{:?}", v.value))
        .unwrap_or_default();
    assert!(service.contains("gatehouse"), "service.name: {service}");
    let log: serde_json::Value = serde_json::from_str(&log_line).expect("a JSON log line");
    assert_eq!(log["trace_id"], trace_id, "{log_line}");
}

#[test]
fn without_an_otlp_endpoint_nothing_is_exported_and_logs_carry_no_span() {
    let dir = Workdir::new();
    let mut command = dir.gatehouse(&["serve"]);
    command
        .env("PORT", "0")
        .env("RUST_LOG", "info")
        .env("LOG_FORMAT", "json");
    let mut serve = Serve::start(command);
    let port = serve.port();

    let status = reqwest::blocking::get(format!("http://127.0.0.1:{port}/healthz"))
        .expect("healthz")
        .status();
    let line = serve.wait_for_line(|line| line.contains(r#""operation":"healthz""#));

    assert_eq!(status, 200);
    let log: serde_json::Value = serde_json::from_str(&line).expect("a JSON log line");
    assert!(log.get("trace_id").is_none() && log.get("span").is_none(), "{line}");
}

#[test]
fn healthcheck_exits_0_when_ready_and_1_when_not() {
    // Arrange: a server on a known port that only accepts its public host name.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        listener.local_addr().expect("address").port()
    };
    let dir = Workdir::new();
    let configure = |command: &mut Command| {
        command
            .env("PORT", port.to_string())
            .env("ALLOWED_HOSTS", "api.example.com");
    };
    let mut server = dir.gatehouse(&["serve"]);
    configure(&mut server);
    server.env("RUST_LOG", "info");
    let mut serve = Serve::start(server);
    assert_eq!(serve.port(), port);
    let healthcheck = |url: Option<String>| {
        let mut command = dir.gatehouse(&["healthcheck"]);
        configure(&mut command);
        if let Some(url) = url {
            command.args(["--url", &url]);
        }
        command.output().expect("run gatehouse healthcheck")
    };

    // Act
    let by_default = healthcheck(None);
    let explicit = healthcheck(Some(format!("http://127.0.0.1:{port}/readyz")));
    drop(serve);
    let stopped = healthcheck(None);

    // Assert: the default names a host ALLOWED_HOSTS accepts; an explicit URL sends its own
    // (refused here, as any foreign host is); a stopped server fails.
    assert!(by_default.status.success(), "{by_default:?}");
    assert!(String::from_utf8_lossy(&by_default.stdout).contains(r#""status":"ok""#));
    assert_eq!(explicit.status.code(), Some(1), "{explicit:?}");
    assert!(
        String::from_utf8_lossy(&explicit.stderr).contains("400"),
        "{explicit:?}"
    );
    assert_eq!(stopped.status.code(), Some(1), "{stopped:?}");
}
