//! Account deletion with a grace period: the request ends every session and refuses sign-in
//! (403 only after the right credentials), the e-mailed link or staff cancel it, and once the
//! period is over the cleanup job anonymises the account row by row, freeing its address.

use std::time::Duration;

use gatehouse::config::Redacted;
use gatehouse_tests::{
    CRON_SECRET, TestApp, age_authentications, assert_session_revoked, audit_events, cron_client, enable_totp,
    expect_problem, login_request, nth_mail_with_link, spawn_app, spawn_app_with, superuser, types,
};
use uuid::Uuid;

const CANCEL_PATH: &str = "/account-deletion/cancel";

fn delete_request() -> types::DataRequestCreate {
    types::DataRequestCreate {
        type_: types::DataRequestType::Delete,
    }
}

async fn spawn_with_grace(grace: Duration) -> TestApp {
    spawn_app_with(|s| {
        s.privacy.account_deletion_grace_period = grace;
        s.cron_secret_key = Some(Redacted(CRON_SECRET.into()));
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_deletion_ends_every_session_and_refuses_sign_in_until_the_link_cancels_it() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let other = app.login(&user).await;
    let client = app.client_with_token(&tokens.access_token);

    // Act
    let request = client
        .create_data_request(&delete_request())
        .await
        .expect("the request is accepted");

    // Assert: scheduled 14 days out, every session over, sign-in refused only when right.
    assert_eq!(request.status().as_u16(), 202);
    let request = request.into_inner();
    assert_eq!(request.status, types::DataRequestStatus::Pending);
    let due = request.due_at.expect("a due date");
    let days = (due - chrono::Utc::now()).num_hours() as f64 / 24.0;
    assert!((13.9..=14.0).contains(&days), "due in {days} days");
    for session in [&tokens, &other] {
        assert_session_revoked(&app, session).await;
    }
    expect_problem(
        app.client.login(&user.login_request()).await,
        403,
        "account_pending_deletion",
    );
    let wrong = login_request(&user.email, "not the password at all");
    expect_problem(app.client.login(&wrong).await, 401, "invalid_credentials");

    // The e-mailed link cancels it, once.
    let mail = nth_mail_with_link(&app, &user.email, CANCEL_PATH, 1).await;
    assert!(mail.text.contains("14 days"), "{}", mail.text);
    let token = mail.token_from_link(CANCEL_PATH);
    let body = types::TokenRequest {
        token: token.as_str().try_into().unwrap(),
    };
    let cancelled = app
        .client
        .cancel_account_deletion(&body)
        .await
        .expect("the link cancels")
        .into_inner();
    assert_eq!(cancelled.status, types::DataRequestStatus::Cancelled);
    assert!(cancelled.cancelled_at.is_some());
    expect_problem(app.client.cancel_account_deletion(&body).await, 400, "invalid_token");
    let again = app.login(&user).await;
    let client = app.client_with_token(&again.access_token);
    let listed = client.list_my_data_requests().await.unwrap().into_inner();
    assert_eq!(listed.items.len(), 1);
    assert_eq!(listed.items[0].id, request.id);
    expect_problem(
        client.cancel_my_data_request(&request.id).await,
        409,
        "data_request_not_pending",
    );
    expect_problem(client.cancel_my_data_request(&Uuid::now_v7()).await, 404, "not_found");
    let user_id = app.user_id(&user.email).await;
    let (_, staff) = superuser(&app).await;
    let staff_client = app.client_with_token(&staff.access_token);
    assert_eq!(
        audit_events(&staff_client, user_id, "deletion_requested").await.len(),
        1
    );
    assert_eq!(
        audit_events(&staff_client, user_id, "deletion_cancelled").await.len(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_session_must_reauthenticate_and_staff_can_cancel_a_scheduled_deletion() {
    // Arrange
    let app = spawn_app().await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let client = app.client_with_token(&tokens.access_token);
    age_authentications(&app, Duration::from_secs(3600)).await;

    // Act
    let stale = client.create_data_request(&delete_request()).await;
    let fresh = app.login(&user).await;
    app.client_with_token(&fresh.access_token)
        .create_data_request(&delete_request())
        .await
        .expect("a fresh session may ask");
    let (_, staff) = superuser(&app).await;
    let staff_client = app.client_with_token(&staff.access_token);
    let seen = staff_client.get_user(&user_id).await.unwrap().into_inner();
    let listed = staff_client
        .list_user_data_requests(&user_id)
        .await
        .unwrap()
        .into_inner();
    let restored = staff_client
        .restore_user(&user_id)
        .await
        .expect("staff cancel it")
        .into_inner();

    // Assert
    expect_problem(stale, 401, "reauthentication_required");
    assert!(seen.deletion_due_at.is_some());
    assert_eq!(listed.items[0].status, types::DataRequestStatus::Pending);
    assert!(restored.deletion_due_at.is_none() && restored.deleted_at.is_none());
    app.login(&user).await;
    let events = audit_events(&staff_client, user_id, "deletion_cancelled").await;
    assert_eq!(events[0].actor_id, Some(staff_user_id(&app, &staff).await));
    let listed = staff_client
        .list_user_data_requests(&user_id)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.items[0].status, types::DataRequestStatus::Cancelled);
}

async fn staff_user_id(app: &TestApp, staff: &types::TokenResponse) -> Uuid {
    app.client_with_token(&staff.access_token)
        .get_me()
        .await
        .unwrap()
        .into_inner()
        .id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_the_grace_period_the_cleanup_anonymises_the_account_and_frees_its_address() {
    // Arrange: an account with a second factor, consents, e-mails and audit events.
    let app = spawn_with_grace(Duration::from_secs(1)).await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let client = app.client_with_token(&tokens.access_token);
    enable_totp(&app, &tokens.access_token).await;
    let consent = types::ConsentChange {
        granted: true,
        policy_version: None,
    };
    client
        .update_my_consents(&[("marketing".to_string(), consent)].into())
        .await
        .unwrap();

    let owned = [
        "sessions",
        "mfa_totp",
        "mfa_recovery_codes",
        "consent_events",
        "email_outbox",
        "passkeys",
        "social_accounts",
        "email_tokens",
        "otp_codes",
        "mfa_challenges",
    ];
    let mut before = Vec::new();
    for table in owned {
        before.push(app.count_of_user(table, user_id, "").await);
    }
    assert!(
        before[..5].iter().all(|&n| n > 0),
        "the arrangement left rows to delete: {before:?}"
    );
    let traced = "AND (ip IS NOT NULL OR user_agent IS NOT NULL)";
    assert!(app.count_of_user("audit_events", user_id, traced).await > 0);

    // Act
    let request = client
        .create_data_request(&delete_request())
        .await
        .unwrap()
        .into_inner();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let report = cron_client(&app, CRON_SECRET).run_cleanup().await.unwrap().into_inner();

    // Assert: the row stays, with nothing in it or around it that says who it was.
    assert_eq!(report.accounts_anonymised, 1);
    let row = gatehouse_tests::user_row(&app, user_id).await;
    assert_eq!(row.email, format!("deleted-{}@deleted.invalid", user_id.simple()));
    assert_eq!(row.email_normalized, row.email);
    assert_eq!((row.first_name.as_str(), row.last_name.as_str()), ("", ""));
    assert!(row.password_hash.is_none() && !row.is_active && row.deleted_at.is_some());
    assert!(!row.mfa_enabled && !row.marketing_consent && row.deletion_due_at.is_none());
    for table in owned {
        let left = app.count_of_user(table, user_id, "").await;
        assert_eq!(left, 0, "{table} still holds rows of the account");
    }
    assert!(
        app.count_of_user("audit_events", user_id, "").await >= 5,
        "the events stay"
    );
    assert_eq!(
        app.count_of_user("audit_events", user_id, traced).await,
        0,
        "and lose IP address and user agent"
    );
    let (_, staff) = superuser(&app).await;
    let staff_client = app.client_with_token(&staff.access_token);
    let listed = staff_client
        .list_user_data_requests(&user_id)
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.items[0].id, request.id);
    assert_eq!(listed.items[0].status, types::DataRequestStatus::Completed);
    expect_problem(staff_client.restore_user(&user_id).await, 409, "not_deleted");
    expect_problem(
        app.client.login(&user.login_request()).await,
        401,
        "invalid_credentials",
    );
    app.register(&user).await;
    assert_ne!(app.user_id(&user.email).await, user_id, "the address registers anew");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_grace_period_deleting_the_account_anonymises_it_at_once() {
    let app = spawn_with_grace(Duration::ZERO).await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;

    let response = app
        .client_with_token(&tokens.access_token)
        .delete_me(&types::DeleteMeRequest {
            password: user.password.clone().try_into().unwrap(),
        })
        .await
        .expect("the deletion succeeds");

    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(response.into_inner().status, types::DataRequestStatus::Completed);
    let row = gatehouse_tests::user_row(&app, user_id).await;
    assert!(row.email.ends_with("@deleted.invalid") && row.password_hash.is_none());
    assert_session_revoked(&app, &tokens).await;
    expect_problem(
        app.client.login(&user.login_request()).await,
        401,
        "invalid_credentials",
    );
}
