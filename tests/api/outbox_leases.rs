//! A worker that dies holding outbox messages: its claims are taken back at once when the same
//! instance (host and port) starts again, and by any other instance within the lease (30 s),
//! never after the old 300 s.

use std::time::Duration;

use gatehouse_tests::{
    Client, TestApp, outbox_rows, request_password_reset, smtp_backend, spawn_app_with, wait_for_outbox,
    wait_until_all_sent,
};
use tokio::{net::TcpListener, task::JoinHandle};

/// A mail server that accepts connections and never says a word: a delivery hangs in it.
async fn tarpit() -> (u16, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the tarpit");
    let port = listener.local_addr().expect("its address").port();
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    (port, task)
}

/// An app whose own worker never polls, an instance on `port` whose delivery hangs with one
/// reset e-mail claimed, and that instance then killed mid-delivery.
async fn a_claim_left_by_a_dead_worker(port: u16) -> TestApp {
    let app = spawn_app_with(|s| {
        s.email.poll_interval = Duration::from_secs(3600);
    })
    .await;
    let user = app.registered_user().await;
    let (hang_port, _tarpit) = tarpit().await;
    let (first, first_task) = app
        .spawn_stoppable_instance_with(|s| {
            s.port = port;
            s.email.backend = smtp_backend(hang_port);
        })
        .await;
    request_password_reset(&Client::new(&first), &user.email).await;
    wait_for_outbox(
        &app,
        "the first instance claimed the message",
        Duration::from_secs(15),
        |rows| rows.len() == 1 && rows[0].status == "sending" && rows[0].locked_by.is_some(),
    )
    .await;
    first_task.abort();
    assert!(first_task.await.expect_err("the instance was stopped").is_cancelled());
    app
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_instance_takes_its_own_claims_back_at_once() {
    // Arrange
    let port = gatehouse_tests::unused_port();
    let app = a_claim_left_by_a_dead_worker(port).await;
    let claimed = outbox_rows(&app).await;

    // Act: the same instance (host and port) starts again, with a working mail server.
    let mail_port = app.mail.port();
    let started = tokio::time::Instant::now();
    app.spawn_another_instance_with(|s| {
        s.port = port;
        s.email.backend = smtp_backend(mail_port);
    })
    .await;

    // Assert: delivered within seconds, far inside the 30-s lease of the dead claim.
    app.mail.wait_for(1, Duration::from_secs(10)).await;
    let took = started.elapsed();
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let rows = wait_until_all_sent(&app, 1, Duration::from_secs(10)).await;
    assert_eq!(rows[0].id, claimed[0].id);
    assert_eq!(rows[0].locked_by, None, "a sent message is held by nobody");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_instance_takes_a_dead_workers_claim_when_its_lease_lapses() {
    // Arrange
    let app = a_claim_left_by_a_dead_worker(gatehouse_tests::unused_port()).await;
    let rows = outbox_rows(&app).await;
    let lapses = rows[0].locked_until.expect("a claim has a lease");
    let left = (lapses - chrono::Utc::now()).to_std().unwrap_or_default();
    assert!(left <= Duration::from_secs(30), "the lease is short: {left:?} left");

    // Act: another instance (another port) with a working mail server polls.
    let mail_port = app.mail.port();
    app.spawn_another_instance_with(|s| {
        s.email.backend = smtp_backend(mail_port);
        s.email.poll_interval = Duration::from_millis(200);
    })
    .await;

    // Assert: it waits out the lease, no longer.
    app.mail.wait_for(1, left + Duration::from_secs(5)).await;
    assert!(chrono::Utc::now() >= lapses, "not taken before the lease lapsed");
    wait_until_all_sent(&app, 1, Duration::from_secs(10)).await;
}
