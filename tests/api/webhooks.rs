//! Webhooks: staff register endpoints; account events reach a real loopback receiver signed
//! per Standard Webhooks, through failures (nothing lost, each event accepted once), with the
//! previous secret still signing during a rotation; dead deliveries are retried by staff;
//! private addresses are refused unless allowed; a delivery left by a dead worker is taken
//! over.

use std::{collections::HashMap, time::Duration};

use chrono::Utc;
use gatehouse::{
    entity::webhook_delivery,
    services::platform::lease::{LEASE, WorkerId},
};
use gatehouse_tests::{
    TestApp, TestUser, WebhookReceiver, assert_session_revoked, enable_totp, expect_problem, fresh_password,
    post_password_reset, post_password_reset_confirm, reset_token, signed_with, spawn_app, spawn_app_with, superuser,
    types,
};
use sea_orm::{ActiveValue::Set, EntityTrait, IntoActiveModel};
use uuid::Uuid;

/// An app that may post to loopback receivers, retrying quickly.
async fn spawn(max_attempts: u32) -> TestApp {
    spawn_app_with(|s| {
        s.webhooks.allow_private = true;
        s.webhooks.retry_delay = Duration::from_millis(200);
        s.webhooks.max_attempts = max_attempts;
        s.privacy.account_deletion_grace_period = Duration::ZERO;
    })
    .await
}

fn endpoint(url: &str, events: &[types::WebhookEventType]) -> types::WebhookEndpointCreate {
    types::WebhookEndpointCreate {
        url: url.try_into().unwrap(),
        events: events.to_vec(),
        description: Some("test receiver".try_into().unwrap()),
        enabled: Some(true),
    }
}

async fn staff_client(app: &TestApp) -> gatehouse_tests::Client {
    let (_, staff) = superuser(app).await;
    app.client_with_token(&staff.access_token)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_events_reach_a_failing_receiver_signed_each_accepted_once() {
    // Arrange: a receiver that fails its first three requests.
    use types::WebhookEventType as E;
    let app = spawn(10).await;
    let receiver = WebhookReceiver::start(3).await;
    let staff = staff_client(&app).await;
    let created = staff
        .create_webhook(&endpoint(
            &receiver.url,
            &[E::UserCreated, E::UserUpdated, E::SessionRevoked, E::UserDeleted],
        ))
        .await
        .expect("the endpoint is created");
    assert_eq!(created.status().as_u16(), 201);
    let created = created.into_inner();
    assert!(created.secret.starts_with("whsec_"));

    // Act: an account is created, changes its name, signs out, signs in and deletes itself.
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let client = app.client_with_token(&tokens.access_token);
    let rename = types::UpdateMeRequest {
        first_name: Some("Grace".to_string().try_into().unwrap()),
        ..Default::default()
    };
    client.update_me(&rename).await.expect("renamed");
    client.logout().await.expect("signed out");
    let tokens = app.login(&user).await;
    app.client_with_token(&tokens.access_token)
        .delete_me(&types::DeleteMeRequest {
            password: user.password.clone().try_into().unwrap(),
        })
        .await
        .expect("deleted at once");
    receiver.wait_accepted(4).await;
    let page = wait_until_all_delivered(&staff, created.endpoint.id).await;

    // Assert: every event accepted exactly once, signed, about the account.
    let accepted = receiver.accepted();
    assert_eq!(page.items.len(), accepted.len());
    let mut kinds: Vec<String> = accepted.iter().map(|r| r.event_type()).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        ["session.revoked", "user.created", "user.deleted", "user.updated"]
    );
    let mut ids: Vec<&str> = accepted.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), accepted.len(), "no event is accepted twice");
    for received in receiver.received() {
        assert!(signed_with(&received, &created.secret), "{received:?}");
        assert!(received.id.starts_with("msg_"));
        let sent_at: i64 = received.timestamp.parse().unwrap();
        assert!((Utc::now().timestamp() - sent_at).abs() < 60);
    }
    // The three failed attempts were retried under the same webhook-id.
    let failed: Vec<_> = receiver.received().into_iter().filter(|r| r.answered >= 300).collect();
    assert_eq!(failed.len(), 3);
    assert!(failed.iter().all(|f| ids.contains(&f.id.as_str())));
    for received in &accepted {
        let body = received.json();
        assert_eq!(body["data"]["user_id"], user_id.to_string());
        let expected_email = if body["type"] == "user.deleted" {
            serde_json::Value::Null
        } else {
            serde_json::json!(user.email)
        };
        assert_eq!(body["data"]["email"], expected_email, "{body}");
        assert!(!received.json().to_string().contains(&user.password));
    }
    let attempts: i32 = page.items.iter().map(|d| d.attempts).sum();
    assert_eq!(attempts as usize, accepted.len() + 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_verified_address_factor_changes_and_revoked_sessions_each_send_their_event() {
    // Arrange
    use types::WebhookEventType as E;
    let app = spawn(10).await;
    let receiver = WebhookReceiver::start(0).await;
    let staff = staff_client(&app).await;
    let subscribed = [E::UserEmailVerified, E::MfaEnabled, E::MfaDisabled, E::SessionRevoked];
    let created = staff
        .create_webhook(&endpoint(&receiver.url, &subscribed))
        .await
        .unwrap()
        .into_inner();

    // Act: an unverified account proves its address through a password reset, turns the
    // authenticator app on and off, revokes its other sessions and is logged out by staff.
    let user = app.registered_user().await;
    let user_id = app.user_id(&user.email).await;
    post_password_reset(&app, &user.email).await.expect("reset requested");
    let token = reset_token(&app, &user.email).await;
    let user = TestUser {
        password: fresh_password(),
        ..user
    };
    post_password_reset_confirm(&app, &token, &user.password)
        .await
        .expect("reset confirmed");
    let other = app.login(&user).await;
    let tokens = app.login(&user).await;
    enable_totp(&app, &tokens.access_token).await;
    let client = app.client_with_token(&tokens.access_token);
    client.remove_totp().await.expect("removed while the step-up is fresh");
    client.revoke_other_sessions().await.expect("the other session revoked");
    staff.logout_user(&user_id).await.expect("logged out by staff");
    receiver.wait_accepted(5).await;
    wait_until_all_delivered(&staff, created.endpoint.id).await;

    // Assert: one event each, about the account.
    let accepted = receiver.accepted();
    let mut kinds: Vec<String> = accepted.iter().map(|r| r.event_type()).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "mfa.disabled",
            "mfa.enabled",
            "session.revoked",
            "session.revoked",
            "user.email_verified"
        ]
    );
    for received in &accepted {
        let body = received.json();
        assert_eq!(body["data"]["user_id"], user_id.to_string());
        if body["type"].as_str().is_some_and(|t| t.starts_with("mfa.")) {
            assert_eq!(body["data"]["factor"], "totp", "{body}");
        }
    }
    assert_session_revoked(&app, &other).await;
    assert_session_revoked(&app, &tokens).await;
    // Each event is in the audit log exactly once.
    for event in [
        "email_verified",
        "mfa_enabled",
        "mfa_disabled",
        "other_sessions_revoked",
        "staff_user_logged_out",
    ] {
        let condition = format!("AND event_type = '{event}'");
        assert_eq!(
            app.count_of_user("audit_events", user_id, &condition).await,
            1,
            "{event}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_dies_after_its_last_attempt_and_staff_can_retry_it() {
    // Arrange: two attempts at most, and a receiver that fails both.
    let app = spawn(2).await;
    let receiver = WebhookReceiver::start(2).await;
    let staff = staff_client(&app).await;
    let created = staff
        .create_webhook(&endpoint(&receiver.url, &[types::WebhookEventType::LoginLocked]))
        .await
        .unwrap()
        .into_inner();
    let id = created.endpoint.id;

    // Act
    let queued = staff.send_test_webhook(&id).await.expect("the test is queued");
    let dead = wait_for_status(&staff, id, types::WebhookDeliveryStatus::Dead).await;
    let not_dead = staff.retry_webhook_delivery(&id, &Uuid::now_v7()).await;
    let retried = staff.retry_webhook_delivery(&id, &dead.id).await.expect("retried");
    let delivered = wait_for_status(&staff, id, types::WebhookDeliveryStatus::Delivered).await;
    let again = staff.retry_webhook_delivery(&id, &dead.id).await;

    // Assert
    assert_eq!(queued.status().as_u16(), 202);
    assert_eq!(queued.into_inner().event_type, types::WebhookEventType::WebhookTest);
    assert_eq!(dead.attempts, 2);
    assert_eq!(dead.last_status_code, Some(503));
    assert!(dead.last_error.as_deref().unwrap_or_default().contains("503"));
    assert_eq!(retried.into_inner().status, types::WebhookDeliveryStatus::Pending);
    assert_eq!((delivered.id, delivered.attempts), (dead.id, 1));
    expect_problem(not_dead, 404, "not_found");
    expect_problem(again, 409, "not_dead");
    let received = receiver.received();
    assert_eq!(received.len(), 3);
    assert!(
        received
            .iter()
            .all(|r| r.id == received[0].id && r.event_type() == "webhook.test")
    );
}

/// Waits (up to 20 s) until every delivery to `endpoint` is delivered; returns them.
async fn wait_until_all_delivered(staff: &gatehouse_tests::Client, endpoint: Uuid) -> types::WebhookDeliveryPage {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let page = staff
            .list_webhook_deliveries(&endpoint, None, None, None)
            .await
            .unwrap()
            .into_inner();
        let delivered = |d: &types::WebhookDelivery| d.status == types::WebhookDeliveryStatus::Delivered;
        if !page.items.is_empty() && page.items.iter().all(delivered) {
            return page;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "deliveries still due: {:?}",
            page.items
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn wait_for_status(
    staff: &gatehouse_tests::Client,
    endpoint: Uuid,
    status: types::WebhookDeliveryStatus,
) -> types::WebhookDelivery {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let page = staff
            .list_webhook_deliveries(&endpoint, None, None, Some(status))
            .await
            .unwrap()
            .into_inner();
        if let Some(delivery) = page.items.into_iter().next() {
            return delivery;
        }
        assert!(tokio::time::Instant::now() < deadline, "no {status:?} delivery");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn during_a_rotation_both_secrets_sign_and_without_overlap_only_the_new_one() {
    let app = spawn(10).await;
    let receiver = WebhookReceiver::start(0).await;
    let staff = staff_client(&app).await;
    let created = staff
        .create_webhook(&endpoint(&receiver.url, &[types::WebhookEventType::MfaEnabled]))
        .await
        .unwrap()
        .into_inner();
    let id = created.endpoint.id;

    let overlapping = staff
        .rotate_webhook_secret(
            &id,
            &types::WebhookRotation {
                overlap_seconds: Some(3600),
            },
        )
        .await
        .unwrap()
        .into_inner();
    staff.send_test_webhook(&id).await.unwrap();
    let first = receiver.wait_accepted(1).await.remove(0);
    let alone = staff
        .rotate_webhook_secret(
            &id,
            &types::WebhookRotation {
                overlap_seconds: Some(0),
            },
        )
        .await
        .unwrap()
        .into_inner();
    staff.send_test_webhook(&id).await.unwrap();
    let second = receiver.wait_accepted(2).await.remove(1);

    assert_ne!(overlapping.secret, created.secret);
    assert!(overlapping.endpoint.previous_secret_expires_at.is_some());
    assert_eq!(first.signature.split(' ').count(), 2);
    assert!(signed_with(&first, &overlapping.secret) && signed_with(&first, &created.secret));
    assert!(alone.endpoint.previous_secret_expires_at.is_none());
    assert_eq!(second.signature.split(' ').count(), 1);
    assert!(signed_with(&second, &alone.secret) && !signed_with(&second, &overlapping.secret));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_addresses_and_bad_urls_are_refused_by_default_and_only_staff_manage_endpoints() {
    let app = spawn_app().await;
    let staff = staff_client(&app).await;
    use types::WebhookEventType as E;

    let mut codes = HashMap::new();
    // 727 characters that percent-encoding turns into 2,127: longer than what is stored.
    let swelling = format!("https://hooks.example.com/{}x", " ".repeat(700));
    for url in [
        "http://hooks.example.com/in",
        "https://127.0.0.1/in",
        "https://169.254.169.254/latest",
        "https://[::1]/in",
        "https://localhost/in",
        "https://user:pass@hooks.example.com/in",
        "not a url",
        swelling.as_str(),
    ] {
        let refused = expect_problem(
            staff.create_webhook(&endpoint(url, &[E::UserCreated])).await,
            422,
            "validation_failed",
        );
        let errors = refused.errors;
        assert_eq!(errors[0].field, "url");
        codes.insert(url, errors[0].code.clone());
    }
    let accepted = staff
        .create_webhook(&endpoint("https://hooks.example.com/in", &[E::UserCreated]))
        .await
        .expect("a public https URL is accepted")
        .into_inner();
    let listed = staff.list_webhooks().await.unwrap().into_inner();
    let disabled = staff
        .update_webhook(
            &accepted.endpoint.id,
            &types::WebhookEndpointUpdate {
                enabled: Some(false),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .into_inner();
    let moved = staff
        .update_webhook(
            &accepted.endpoint.id,
            &types::WebhookEndpointUpdate {
                url: Some("https://10.0.0.7/in".try_into().unwrap()),
                ..Default::default()
            },
        )
        .await;
    let (_, user_tokens) = app.logged_in_user().await;
    let outsider = app.client_with_token(&user_tokens.access_token);
    let forbidden = outsider.list_webhooks().await;
    let deleted = staff.delete_webhook(&accepted.endpoint.id).await.expect("deleted");
    let gone = staff.get_webhook(&accepted.endpoint.id).await;

    assert!(
        codes.values().all(|code| code == "webhook_url_not_allowed"),
        "{codes:?}"
    );
    assert_eq!(listed.items.len(), 1);
    assert_eq!(listed.items[0].url, "https://hooks.example.com/in");
    assert!(!serde_json::to_string(&listed).unwrap().contains(&accepted.secret));
    assert!(!disabled.enabled);
    expect_problem(moved, 422, "validation_failed");
    expect_problem(forbidden, 403, "forbidden");
    assert_eq!(deleted.status().as_u16(), 204);
    expect_problem(gone, 404, "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_claimed_by_a_worker_that_died_is_delivered_by_another_and_disabled_endpoints_get_nothing() {
    // Arrange: an endpoint, and a delivery a dead instance claimed and never finished.
    let app = spawn(10).await;
    let receiver = WebhookReceiver::start(0).await;
    let staff = staff_client(&app).await;
    let created = staff
        .create_webhook(&endpoint(&receiver.url, &[types::WebhookEventType::UserUpdated]))
        .await
        .unwrap()
        .into_inner();
    let abandoned_id = Uuid::now_v7();
    let lapsed = Utc::now() - chrono::Duration::from_std(LEASE).unwrap() - chrono::Duration::seconds(1);
    let row = webhook_delivery::Model {
        id: abandoned_id,
        endpoint_id: created.endpoint.id,
        user_id: None,
        event_type: "user.updated".into(),
        payload: r#"{"type":"user.updated","timestamp":"2026-12-02T00:00:00.000Z","data":{}}"#.into(),
        status: "sending".into(),
        attempts: 1,
        next_attempt_at: Some(lapsed),
        locked_by: Some(WorkerId::for_port(1).as_str().to_string()),
        locked_until: Some(lapsed),
        last_status_code: None,
        last_error: None,
        created_at: lapsed,
        delivered_at: None,
    };
    let mut active = row.into_active_model();
    active.id = Set(abandoned_id);
    webhook_delivery::Entity::insert(active)
        .exec_without_returning(&app.db)
        .await
        .unwrap();

    // Act: it is taken over; then the endpoint is disabled and an event happens.
    let taken_over = receiver.wait_accepted(1).await;
    staff
        .update_webhook(
            &created.endpoint.id,
            &types::WebhookEndpointUpdate {
                enabled: Some(false),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let (_, tokens) = app.logged_in_user().await;
    let rename = types::UpdateMeRequest {
        last_name: Some("Hopper".to_string().try_into().unwrap()),
        ..Default::default()
    };
    app.client_with_token(&tokens.access_token)
        .update_me(&rename)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Assert
    assert_eq!(taken_over[0].id, format!("msg_{}", abandoned_id.simple()));
    let stored = webhook_delivery::Entity::find_by_id(abandoned_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((stored.status.as_str(), stored.attempts), ("delivered", 2));
    assert_eq!(
        receiver.received().len(),
        1,
        "a disabled endpoint gets no new deliveries"
    );
}
