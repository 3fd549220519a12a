//! The listener against slow and hostile clients: slow request heads, silent and idle
//! connections, and more connections than MAX_CONNECTIONS.

use std::time::{Duration, Instant};

use gatehouse_tests::{captured_warnings, connect, parse, raw_request, spawn_app_with, time_until_closed};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn healthz(port: u16, connection: &str) -> String {
    format!("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: {connection}\r\n\r\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_loris_is_disconnected_within_the_header_read_timeout() {
    // Arrange: a 2 s header timeout; the client sends one header line every 700 ms, for ever.
    let app = spawn_app_with(|s| s.edge.header_read_timeout = Duration::from_secs(2)).await;
    let mut stream = connect(app.port).await;
    let started = Instant::now();
    stream
        .write_all(format!("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", app.port).as_bytes())
        .await
        .expect("the request line is sent");
    let (mut reader, mut writer) = stream.into_split();
    let drip = tokio::spawn(async move {
        for i in 0.. {
            tokio::time::sleep(Duration::from_millis(700)).await;
            if writer.write_all(format!("X-Drip-{i}: x\r\n").as_bytes()).await.is_err() {
                return;
            }
        }
    });

    // Act: wait for the server to hang up.
    let mut buf = [0u8; 1024];
    let closed = tokio::time::timeout(Duration::from_secs(6), async {
        loop {
            match reader.read(&mut buf).await {
                Ok(0) | Err(_) => return started.elapsed(),
                Ok(_) => {}
            }
        }
    })
    .await;
    drip.abort();

    // Assert
    let closed = closed.expect("the slow client is disconnected (still connected after 6 s)");
    assert!(
        closed >= Duration::from_millis(1800) && closed < Duration::from_millis(3500),
        "closed after {closed:?}, expected about 2 s"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_connection_is_closed_after_the_header_read_timeout() {
    let app = spawn_app_with(|s| s.edge.header_read_timeout = Duration::from_secs(1)).await;
    let mut stream = connect(app.port).await;

    let closed = time_until_closed(&mut stream, Duration::from_secs(5)).await;

    let closed = closed.expect("a client that sends nothing is disconnected");
    assert!(closed < Duration::from_millis(2500), "closed after {closed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_keep_alive_connection_is_closed_after_the_keep_alive_timeout() {
    // Arrange: the idle timeout is longer than the header timeout; between requests only
    // the idle timeout applies.
    let app = spawn_app_with(|s| {
        s.edge.header_read_timeout = Duration::from_secs(1);
        s.edge.keep_alive_timeout = Duration::from_secs(3);
    })
    .await;
    let mut stream = connect(app.port).await;
    stream
        .write_all(healthz(app.port, "keep-alive").as_bytes())
        .await
        .expect("the request is sent");
    let mut bytes = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&bytes).contains("\r\n\r\n") {
        let n = stream.read(&mut buf).await.expect("the response is readable");
        assert!(n > 0, "the server closed before answering");
        bytes.extend_from_slice(&buf[..n]);
    }
    assert_eq!(parse(&bytes).status, 200);

    // Act
    let closed = time_until_closed(&mut stream, Duration::from_secs(8)).await;

    // Assert
    let closed = closed.expect("the idle connection is closed");
    assert!(
        closed >= Duration::from_millis(2500) && closed < Duration::from_millis(4500),
        "closed after {closed:?}, expected about 3 s (not the 1 s header timeout)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_max_connections_a_client_waits_for_a_free_slot_and_a_warning_is_logged() {
    // Arrange: two slots, both taken by silent clients, closed after the 2 s header timeout.
    let app = spawn_app_with(|s| {
        s.edge.max_connections = Some(2);
        s.edge.header_read_timeout = Duration::from_secs(2);
    })
    .await;
    let _first = connect(app.port).await;
    let _second = connect(app.port).await;
    tokio::time::sleep(Duration::from_millis(200)).await;

    // Act
    let started = Instant::now();
    let response = raw_request(app.port, &healthz(app.port, "close")).await;
    let waited = started.elapsed();

    // Assert: served once a silent client was dropped, and the cap was logged once.
    assert_eq!(response.status, 200, "{response:?}");
    assert!(
        waited >= Duration::from_millis(1300) && waited < Duration::from_secs(5),
        "served after {waited:?}: expected to wait for a slot (about 2 s)"
    );
    let warnings = captured_warnings(&format!("127.0.0.1:{}", app.port));
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].contains("connection limit reached"), "{warnings:#?}");
}
