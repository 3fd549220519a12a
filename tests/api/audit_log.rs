//! GET /api/v1/users/me/audit-log (own events) and GET /api/v1/admin/audit-log (staff, filtered)

use std::num::NonZeroU32;

use gatehouse_tests::{
    Client, TestApp, assert_problem, expect_problem, login_request, spawn_app, staff_user,
    types::{AuditEntry, ListAuditLogEventType},
};
use uuid::Uuid;

const CURL: &str = "curl/8.5.0";

/// A failed login for `email` with a recognisable user agent.
async fn fail_login(app: &TestApp, email: &str) {
    let http = reqwest::Client::builder()
        .user_agent(CURL)
        .build()
        .expect("the client builds");
    let status = Client::new_with_client(&app.address, http)
        .login(&login_request(email, "not the password"))
        .await
        .expect_err("a wrong password is refused")
        .status();
    assert_eq!(status.map(|s| s.as_u16()), Some(401));
}

/// Every page of the signed-in user's own log, `limit` at a time.
async fn own_log_in_pages(client: &Client, limit: u32) -> Vec<Vec<AuditEntry>> {
    let mut pages = Vec::new();
    let mut before = None;
    loop {
        let page = client
            .list_my_audit_log(before.as_ref(), NonZeroU32::new(limit))
            .await
            .expect("the log is returned")
            .into_inner();
        before = page.next_before;
        pages.push(page.items);
        if before.is_none() {
            return pages;
        }
    }
}

async fn list_everything(
    client: &Client,
) -> Result<
    gatehouse_tests::ResponseValue<gatehouse_tests::types::AuditLogPage>,
    gatehouse_tests::Error<gatehouse_tests::types::Problem>,
> {
    client.list_audit_log(None, None, None, None, None, None, None).await
}

fn event_types(entries: &[AuditEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.event_type.as_str()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_read_their_own_security_events_newest_first_with_ip_and_user_agent() {
    // Arrange
    let app = spawn_app().await;
    let user = app.registered_user().await;
    fail_login(&app, &user.email).await;
    let tokens = app.login(&user).await;
    let id = app.user_id(&user.email).await;

    // Act
    let log = app
        .client_with_token(&tokens.access_token)
        .list_my_audit_log(None, None)
        .await
        .expect("the log is returned")
        .into_inner();

    // Assert
    assert_eq!(
        event_types(&log.items),
        ["login_succeeded", "login_failed", "user_registered"]
    );
    assert_eq!(log.next_before, None, "one page holds everything");
    let failed = &log.items[1];
    assert_eq!(failed.user_id, Some(id));
    assert_eq!(failed.actor_id, None, "whoever tried the password is not known");
    assert_eq!(log.items[0].actor_id, Some(id), "a login is the account's own doing");
    assert_eq!(failed.detail["reason"], "wrong_password");
    assert_eq!(failed.ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(failed.user_agent.as_deref(), Some(CURL));
    assert!(log.items[0].session_id.is_some(), "a login names its session");
    assert!(log.items.windows(2).all(|w| w[0].created_at >= w[1].created_at));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_own_log_holds_nothing_about_other_accounts_or_unknown_addresses() {
    // Arrange
    let app = spawn_app().await;
    let (alice, alice_tokens) = app.logged_in_user().await;
    let (bob, _) = app.logged_in_user().await;
    fail_login(&app, &bob.email).await;
    fail_login(&app, "nobody@example.com").await;
    let alice_id = app.user_id(&alice.email).await;

    // Act
    let log = app
        .client_with_token(&alice_tokens.access_token)
        .list_my_audit_log(None, None)
        .await
        .expect("the log is returned")
        .into_inner();

    // Assert
    assert_eq!(event_types(&log.items), ["login_succeeded", "user_registered"]);
    assert!(log.items.iter().all(|e| e.user_id == Some(alice_id)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paging_with_before_walks_the_whole_log_once() {
    // Arrange: registration, 6 failed logins, 1 login = 8 events.
    let app = spawn_app().await;
    let user = app.registered_user().await;
    for _ in 0..6 {
        fail_login(&app, &user.email).await;
    }
    let tokens = app.login(&user).await;
    let client = app.client_with_token(&tokens.access_token);
    let everything = own_log_in_pages(&client, 200).await.concat();

    // Act
    let pages = own_log_in_pages(&client, 3).await;

    // Assert
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 2]);
    let paged: Vec<Uuid> = pages.concat().iter().map(|e| e.id).collect();
    let all: Vec<Uuid> = everything.iter().map(|e| e.id).collect();
    assert_eq!(paged, all, "the pages are the whole log, in order, without repeats");
    assert_eq!(all.len(), 8);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_page_request_is_a_problem() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;
    let get = |query: &'static str| {
        app.http
            .get(app.url(&format!("/api/v1/users/me/audit-log?{query}")))
            .bearer_auth(&tokens.access_token)
            .send()
    };

    // Act + Assert
    assert_problem(get("limit=0").await.expect("answered"), 422, "validation_failed").await;
    assert_problem(get("limit=201").await.expect("answered"), 422, "validation_failed").await;
    assert_problem(
        get("before=yesterday").await.expect("answered"),
        400,
        "malformed_request",
    )
    .await;
    expect_problem(app.client.list_my_audit_log(None, None).await, 401, "unauthorized");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_read_everyones_log_filtered_by_user_type_actor_and_time() {
    // Arrange
    let app = spawn_app().await;
    let (staff, staff_tokens) = staff_user(&app).await;
    let staff_id = app.user_id(&staff.email).await;
    let (target, _) = app.logged_in_user().await;
    let target_id = app.user_id(&target.email).await;
    let started = chrono::Utc::now();
    fail_login(&app, &target.email).await;
    fail_login(&app, &target.email).await;
    let admin = app.client_with_token(&staff_tokens.access_token);
    admin.logout_user(&target_id).await.expect("staff log the target out");
    let failed: ListAuditLogEventType = "login_failed".parse().expect("an event type fits the spec");

    // Act
    let of_target = admin
        .list_audit_log(None, None, None, None, None, None, Some(&target_id))
        .await
        .expect("the log is returned")
        .into_inner();
    let failures = admin
        .list_audit_log(None, None, Some(&failed), None, Some(&started), None, Some(&target_id))
        .await
        .expect("the log is returned")
        .into_inner();
    let by_staff = admin
        .list_audit_log(Some(&staff_id), None, None, None, None, None, None)
        .await
        .expect("the log is returned")
        .into_inner();
    let before_start = admin
        .list_audit_log(None, None, None, None, None, Some(&started), Some(&target_id))
        .await
        .expect("the log is returned")
        .into_inner();

    // Assert
    assert_eq!(
        event_types(&of_target.items),
        [
            "staff_user_logged_out",
            "login_failed",
            "login_failed",
            "login_succeeded",
            "user_registered"
        ]
    );
    assert_eq!(event_types(&failures.items), ["login_failed", "login_failed"]);
    // What the staff member did: their own sign-ins, and the action on the target.
    assert_eq!(
        event_types(&by_staff.items),
        [
            "staff_user_logged_out",
            "login_succeeded",
            "login_succeeded",
            "user_registered"
        ]
    );
    assert!(by_staff.items.iter().all(|e| e.actor_id == Some(staff_id)));
    assert_eq!(by_staff.items[0].user_id, Some(target_id));
    assert_eq!(by_staff.items[0].detail["revoked"], 1);
    assert_eq!(event_types(&before_start.items), ["login_succeeded", "user_registered"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_staff_read_everyones_log() {
    // Arrange
    let app = spawn_app().await;
    let (_, tokens) = app.logged_in_user().await;

    // Act + Assert
    let outsider = app.client_with_token(&tokens.access_token);
    expect_problem(list_everything(&outsider).await, 403, "forbidden");
    expect_problem(list_everything(&app.client).await, 401, "unauthorized");
    outsider.logout().await.expect("logout succeeds");
    expect_problem(list_everything(&outsider).await, 401, "session_revoked");
}
