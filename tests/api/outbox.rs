//! The e-mail outbox: delivery while the mail server is down, refuses or fails for good, across
//! restarts and instances; GET /api/v1/admin/outbox and POST /api/v1/admin/outbox/{id}/retry.

use std::{collections::HashSet, num::NonZeroU32, time::Duration};

use futures::future::join_all;
use gatehouse_tests::{
    Client, EmailVerification, OutboxRow, Settings, TestApp, TestUser, all_waiting_for_retry, assert_problem,
    expect_problem, has_field_error, login_request, outbox_rows, request_password_reset, smtp_backend, spawn_app_with,
    staff_user, timed, types, unused_port, wait_for_outbox, wait_until_all_sent,
};

const WAIT: Duration = Duration::from_secs(15);
/// How long a test keeps watching for a second, duplicate delivery.
const SETTLE: Duration = Duration::from_secs(1);

async fn spawn_mandatory() -> TestApp {
    spawn_app_with(|s| s.email_verification = EmailVerification::Mandatory).await
}

/// Waits for `n` messages, then for [`SETTLE`], and checks that no more came.
async fn assert_exactly_delivered(app: &TestApp, n: usize) {
    app.mail.wait_for(n, Duration::from_secs(30)).await;
    tokio::time::sleep(SETTLE).await;
    assert_eq!(app.mail.count(), n, "no message is delivered twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_queued_while_smtp_is_down_is_delivered_exactly_once_when_it_is_back() {
    // Arrange
    let app = spawn_mandatory().await;
    app.mail.stop().await;
    let users: Vec<TestUser> = (0..3).map(|_| TestUser::generate()).collect();

    // Act: registering never waits for the mail server.
    for user in &users {
        let ((), elapsed) = timed(app.register(user)).await;
        assert!(
            elapsed < Duration::from_secs(2),
            "registration waited for SMTP: {elapsed:?}"
        );
    }
    let what = "the three messages wait for a retry";
    wait_for_outbox(&app, what, WAIT, |rows| all_waiting_for_retry(rows, 3)).await;
    app.mail.start_again().await;

    // Assert
    assert_exactly_delivered(&app, 3).await;
    for user in &users {
        let mails = app.mail.mails_to(&user.email);
        assert_eq!(mails.len(), 1, "one mail to {}: {mails:#?}", user.email);
        mails[0].link_with("/verify-email");
    }
    wait_until_all_sent(&app, 3, WAIT).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_temporary_refusal_is_retried_until_the_mail_server_accepts() {
    let app = spawn_mandatory().await;
    app.mail.set_reject(true);
    let user = TestUser::generate();
    app.register(&user).await;

    let what = "the refused message waits for a retry";
    let rows = wait_for_outbox(&app, what, WAIT, |rows| all_waiting_for_retry(rows, 1)).await;
    assert!(
        rows[0].last_error.as_deref().is_some_and(|e| e.contains("451")),
        "{rows:?}"
    );
    assert_eq!(app.mail.count(), 0);
    app.mail.set_reject(false);

    assert_exactly_delivered(&app, 1).await;
    assert_eq!(app.mail.mails_to(&user.email).len(), 1);
    wait_until_all_sent(&app, 1, WAIT).await;
}

/// The raw page: its items show no body, no link.
async fn assert_no_body_is_listed(app: &TestApp, access_token: &str) {
    let url = app.url("/api/v1/admin/outbox?status=dead");
    let response = app.http.get(url).bearer_auth(access_token).send().await;
    let raw: serde_json::Value = response.expect("answered").json().await.expect("a JSON page");
    let item = raw["items"][0].as_object().expect("an item");
    let allowed = ["id", "kind", "recipient", "subject", "status", "attempts", "last_error"];
    let allowed: HashSet<&str> = allowed
        .into_iter()
        .chain(["created_at", "next_attempt_at", "sent_at"])
        .collect();
    assert!(
        item.keys().all(|k| allowed.contains(k.as_str())),
        "no body is shown: {item:?}"
    );
    assert!(!raw.to_string().contains("reset-password"), "no link is shown: {raw}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_see_a_dead_message_and_can_retry_it() {
    // Arrange: the app's worker runs only when its own requests wake it (hourly poll), so
    // nothing races the retry below; a polling instance makes the two failed attempts.
    let app = spawn_app_with(|s| {
        s.email.max_attempts = 2;
        s.email.poll_interval = Duration::from_secs(3600);
    })
    .await;
    let (_, staff) = staff_user(&app).await;
    let (_, someone) = app.logged_in_user().await;
    let user = app.registered_user().await;
    app.mail.stop().await;
    let fast_poll = |s: &mut Settings| s.email.poll_interval = Duration::from_millis(100);
    let (worker, worker_task) = app.spawn_stoppable_instance_with(fast_poll).await;
    request_password_reset(&Client::new(&worker), &user.email).await;
    let dead = |rows: &[OutboxRow]| matches!(rows, [row] if row.status == "dead");
    let rows = wait_for_outbox(&app, "the message is dead", WAIT, dead).await;
    worker_task.abort();
    assert!(worker_task.await.expect_err("the instance was stopped").is_cancelled());
    let staff_client = app.client_with_token(&staff.access_token);

    // Act
    let listed = staff_client
        .list_outbox(None, None, Some(types::OutboxStatus::Dead))
        .await;

    // Assert
    let page = listed.expect("staff can list the outbox").into_inner();
    assert_eq!((page.items.len(), page.next_before), (1, None), "{page:?}");
    let dead = &page.items[0];
    assert_eq!(
        (dead.id, dead.status, dead.attempts),
        (rows[0].id, types::OutboxStatus::Dead, 2)
    );
    assert_eq!(
        (dead.kind.as_str(), dead.recipient.as_str()),
        ("password_reset", user.email.as_str())
    );
    assert!(dead.last_error.as_deref().is_some_and(|e| !e.is_empty()), "{dead:?}");
    assert_no_body_is_listed(&app, &staff.access_token).await;

    let outsider = app.client_with_token(&someone.access_token);
    expect_problem(outsider.list_outbox(None, None, None).await, 403, "forbidden");
    expect_problem(outsider.retry_outbox_message(&dead.id).await, 403, "forbidden");
    expect_problem(app.client.list_outbox(None, None, None).await, 401, "unauthorized");
    expect_problem(app.client.retry_outbox_message(&dead.id).await, 401, "unauthorized");

    app.mail.start_again().await;
    let retried = staff_client.retry_outbox_message(&dead.id).await;
    let retried = retried.expect("a dead message can be retried").into_inner();
    assert_eq!(
        (retried.id, retried.status, retried.attempts),
        (dead.id, types::OutboxStatus::Pending, 0)
    );
    assert_exactly_delivered(&app, 1).await;
    assert_eq!(app.mail.mails_to(&user.email).len(), 1);
    wait_until_all_sent(&app, 1, WAIT).await;
    expect_problem(staff_client.retry_outbox_message(&dead.id).await, 409, "not_dead");
    let unknown = uuid::Uuid::now_v7();
    expect_problem(staff_client.retry_outbox_message(&unknown).await, 404, "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_pages_newest_first_without_gaps_or_repeats() {
    // Arrange: five reset mails, one after the other (each is written after the answer).
    let app = spawn_app_with(|_| {}).await;
    let (_, staff) = staff_user(&app).await;
    let mut users = Vec::new();
    for queued in 1..=5 {
        let user = app.registered_user().await;
        request_password_reset(&app.client, &user.email).await;
        wait_for_outbox(&app, "the reset mail is queued", WAIT, |rows| rows.len() == queued).await;
        users.push(user);
    }
    let client = app.client_with_token(&staff.access_token);

    // Act
    let mut pages = Vec::new();
    let mut before = None;
    while pages.len() < 6 {
        let page = client.list_outbox(before.as_ref(), NonZeroU32::new(2), None).await;
        let page = page.expect("a page").into_inner();
        before = page.next_before;
        pages.push(page);
        if before.is_none() {
            break;
        }
    }

    // Assert
    let sizes: Vec<usize> = pages.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, [2, 2, 1]);
    for page in &pages[..2] {
        assert_eq!(
            page.next_before,
            page.items.last().map(|m| m.id),
            "next_before is the page's last id"
        );
    }
    let listed: Vec<&str> = pages
        .iter()
        .flat_map(|p| &p.items)
        .map(|m| m.recipient.as_str())
        .collect();
    let newest_first: Vec<&str> = users.iter().rev().map(|u| u.email.as_str()).collect();
    assert_eq!(listed, newest_first);
    let ids: Vec<_> = pages.iter().flat_map(|p| &p.items).map(|m| m.id).collect();
    let stored: Vec<_> = outbox_rows(&app).await.iter().rev().map(|r| r.id).collect();
    assert_eq!(ids, stored, "every message exactly once, newest first");

    let out_of_range = [("0", 422, "validation_failed"), ("201", 422, "validation_failed")];
    let malformed = [("-1", 400, "malformed_request"), ("x", 400, "malformed_request")];
    for (limit, status, code) in out_of_range.into_iter().chain(malformed) {
        let url = app.url(&format!("/api/v1/admin/outbox?limit={limit}"));
        let response = app.http.get(url).bearer_auth(&staff.access_token).send().await;
        let problem = assert_problem(response.expect("answered"), status, code).await;
        assert!(
            status == 400 || has_field_error(&problem, "limit", "out_of_range"),
            "{problem:?}"
        );
    }
    let widest = client.list_outbox(None, NonZeroU32::new(200), None).await;
    assert_eq!(widest.expect("limit=200 is allowed").into_inner().items.len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_queued_before_a_restart_is_delivered_once_by_the_next_instance() {
    // Arrange: instances that cannot reach any mail server; the app's worker never polls.
    let dead_port = unused_port();
    let app = spawn_app_with(|s| {
        s.email.backend = smtp_backend(dead_port);
        s.email.poll_interval = Duration::from_secs(3600);
    })
    .await;
    let user = app.registered_user().await;
    let (first, first_task) = app.spawn_stoppable_instance_with(|_| {}).await;
    request_password_reset(&Client::new(&first), &user.email).await;
    let what = "the first instance's attempt failed";
    wait_for_outbox(&app, what, WAIT, |rows| all_waiting_for_retry(rows, 1)).await;

    // Act: that instance goes away; a new one, with a working mail server, starts.
    first_task.abort();
    assert!(first_task.await.expect_err("the instance was stopped").is_cancelled());
    let rows = outbox_rows(&app).await;
    assert!(all_waiting_for_retry(&rows, 1), "still queued: {rows:?}");
    let port = app.mail.port();
    app.spawn_another_instance_with(|s| {
        s.email.backend = smtp_backend(port);
        s.email.poll_interval = Duration::from_millis(100);
    })
    .await;

    // Assert
    assert_exactly_delivered(&app, 1).await;
    wait_until_all_sent(&app, 1, WAIT).await;
    let mail = &app.mail.mails_to(&user.email)[0];
    let new_password = "a brand new passphrase for after the restart";
    let body = types::PasswordResetConfirmRequest {
        token: mail
            .token_from_link("/reset-password")
            .as_str()
            .try_into()
            .expect("a token"),
        new_password: new_password.try_into().expect("a password"),
    };
    let confirmed = app.client.confirm_password_reset(&body).await;
    confirmed.expect("the link from before the restart works");
    let login = app.client.login(&login_request(&user.email, new_password)).await;
    login.expect("the new password works");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_never_send_a_message_twice() {
    // Arrange
    let app = spawn_mandatory().await;
    let other = Client::new(&app.spawn_another_instance().await);
    let users: Vec<TestUser> = (0..30).map(|_| TestUser::generate()).collect();

    // Act: thirty registrations at once, alternately on each instance; both workers deliver.
    let requests: Vec<_> = users.iter().map(TestUser::register_request).collect();
    let clients = [&app.client, &other];
    let responses = join_all(requests.iter().enumerate().map(|(i, r)| clients[i % 2].register(r))).await;
    let refused: Vec<_> = responses.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(refused.is_empty(), "every registration is accepted: {refused:#?}");

    // Assert
    assert_exactly_delivered(&app, 30).await;
    let ids: HashSet<_> = app.mail.messages().into_iter().filter_map(|m| m.message_id).collect();
    assert_eq!(ids.len(), 30, "30 distinct Message-IDs, none missing");
    for user in &users {
        assert_eq!(app.mail.mails_to(&user.email).len(), 1, "one mail to {}", user.email);
    }
    let rows = wait_until_all_sent(&app, 30, WAIT).await;
    assert!(
        rows.iter().all(|r| r.attempts == 1),
        "each message was claimed once: {rows:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_each_queue_their_mail() {
    // Arrange
    let app = spawn_mandatory().await;
    let users: Vec<TestUser> = (0..20).map(|_| TestUser::generate()).collect();
    let requests: Vec<_> = users.iter().map(TestUser::register_request).collect();

    // Act: twenty registrations at once on one instance.
    let responses = join_all(requests.iter().map(|r| app.client.register(r))).await;

    // Assert
    let refused: Vec<_> = responses.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(refused.is_empty(), "every registration is accepted: {refused:#?}");
    assert_exactly_delivered(&app, 20).await;
    wait_until_all_sent(&app, 20, WAIT).await;
}
