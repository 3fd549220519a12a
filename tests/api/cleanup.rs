//! POST /api/v1/cron/cleanup and the in-process schedule: what the cleanup removes, what it
//! keeps, who may call it, and that several instances run it once per interval.

use std::time::{Duration, Instant};

use chrono::Utc;
use gatehouse::entity::outbox_message::Entity as OutboxEntity;
use gatehouse_tests::{
    CRON_SECRET, SessionFate, TestApp, cron_client, expect_problem, seed_audit_events, seed_email_tokens,
    seed_outbox_message, seed_sessions, spawn_app, spawn_app_with,
};
use sea_orm::{EntityTrait, QueryOrder};

async fn spawn_app_with_cron_secret() -> TestApp {
    spawn_app_with(|s| s.cron_secret_key = Some(gatehouse::config::Redacted(CRON_SECRET.into()))).await
}

async fn count(app: &TestApp, table: &str) -> i64 {
    app.count(&format!("SELECT COUNT(*) AS n FROM {table}")).await
}

async fn cleanup_runs(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'cleanup_ran'")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cleanup_removes_exactly_the_rows_past_their_use_in_batches() {
    // Arrange: the signed-in user's real session, and thousands of rows around it.
    let app = spawn_app_with_cron_secret().await;
    let (user, tokens) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    let now = Utc::now();
    let day = chrono::Duration::days(1);
    seed_sessions(&app, user_id, 2500, SessionFate::ExpiredAgo(day)).await;
    // Revoked an hour ago: its access tokens (300 s + 30 s leeway) are long expired.
    seed_sessions(&app, user_id, 20, SessionFate::RevokedAgo(chrono::Duration::hours(1))).await;
    // Revoked a minute ago: kept so its access tokens still answer `session_revoked`.
    seed_sessions(&app, user_id, 10, SessionFate::RevokedAgo(chrono::Duration::minutes(1))).await;
    seed_sessions(&app, user_id, 15, SessionFate::Live).await;
    seed_email_tokens(&app, user_id, 30, now - day, None).await;
    seed_email_tokens(&app, user_id, 20, now + day, Some(now - chrono::Duration::hours(1))).await;
    seed_email_tokens(&app, user_id, 10, now + day, None).await;
    seed_audit_events(&app, 1200, now - chrono::Duration::days(400)).await;
    seed_audit_events(&app, 5, now - chrono::Duration::days(300)).await;
    seed_outbox_message(
        &app,
        "sent",
        now - chrono::Duration::days(9),
        Some(now - chrono::Duration::days(8)),
    )
    .await;
    let recent_mail = seed_outbox_message(&app, "sent", now - chrono::Duration::days(2), Some(now - day)).await;
    seed_outbox_message(&app, "dead", now - chrono::Duration::days(31), None).await;
    let recent_dead = seed_outbox_message(&app, "dead", now - chrono::Duration::days(2), None).await;
    let cron = cron_client(&app, CRON_SECRET);

    // Act
    let report = cron.run_cleanup().await.expect("the job runs").into_inner();

    // Assert: exactly those rows went.
    assert_eq!(report.refresh_tokens, 2520);
    assert_eq!(report.sessions, 2520);
    assert_eq!(report.email_tokens, 50);
    assert_eq!(report.audit_events, 1200);
    assert_eq!(report.outbox_messages, 2);
    assert_eq!(report.total, 2520 + 2520 + 50 + 1200 + 2);
    assert_eq!(count(&app, "sessions").await, 1 + 10 + 15);
    assert_eq!(count(&app, "refresh_tokens").await, 1 + 10 + 15);
    assert_eq!(count(&app, "email_tokens").await, 10);
    assert_eq!(
        app.count("SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'seeded'")
            .await,
        5
    );
    let kept_mail = OutboxEntity::find()
        .order_by_asc(gatehouse::entity::outbox_message::Column::Id)
        .all(&app.db)
        .await
        .expect("the outbox is readable");
    let kept_ids: Vec<_> = kept_mail.iter().map(|m| m.id).collect();
    assert_eq!(kept_ids, [recent_mail, recent_dead]);
    app.client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the live session is untouched");
    assert!(
        app.refresh(tokens.refresh_token.as_deref().expect("a refresh token"))
            .await
            .is_ok()
    );

    // A second run finds nothing left to do, and each run is on record.
    let again = cron.run_cleanup().await.expect("the job runs").into_inner();
    assert_eq!(again.total, 0, "{again:?}");
    assert_eq!(cleanup_runs(&app).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cron_endpoint_runs_only_with_the_right_secret() {
    // Arrange
    let app = spawn_app_with_cron_secret().await;
    let (user, _) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    seed_sessions(&app, user_id, 3, SessionFate::ExpiredAgo(chrono::Duration::days(1))).await;

    // Act + Assert
    expect_problem(app.client.run_cleanup().await, 401, "unauthorized");
    let wrong = format!("{CRON_SECRET}x");
    expect_problem(cron_client(&app, &wrong).run_cleanup().await, 401, "unauthorized");
    expect_problem(cron_client(&app, "").run_cleanup().await, 401, "unauthorized");
    let (_, tokens) = app.logged_in_user().await;
    expect_problem(
        app.client_with_token(&tokens.access_token).run_cleanup().await,
        401,
        "unauthorized",
    );
    assert_eq!(count(&app, "sessions").await, 3 + 2, "refused calls remove nothing");
    assert_eq!(cleanup_runs(&app).await, 0);
    let report = cron_client(&app, CRON_SECRET)
        .run_cleanup()
        .await
        .expect("the job runs");
    assert_eq!(report.into_inner().sessions, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_cron_secret_key_the_endpoint_is_disabled() {
    // Arrange
    let app = spawn_app().await;

    // Act + Assert
    expect_problem(app.client.run_cleanup().await, 403, "cron_disabled");
    expect_problem(cron_client(&app, CRON_SECRET).run_cleanup().await, 403, "cron_disabled");
    assert_eq!(cleanup_runs(&app).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_schedule_runs_once_per_interval_across_instances() {
    // Arrange: two instances on one database, each with a 2-second schedule.
    let interval = Duration::from_secs(2);
    let app = spawn_app_with(|s| s.cleanup_interval = Some(interval)).await;
    let _other = app.spawn_another_instance().await;
    let (user, _) = app.logged_in_user().await;
    let user_id = app.user_id(&user.email).await;
    seed_sessions(&app, user_id, 40, SessionFate::ExpiredAgo(chrono::Duration::days(1))).await;

    // Act: wait for the schedule to remove the expired sessions.
    let started = Instant::now();
    while count(&app, "sessions").await != 1 {
        assert!(started.elapsed() < Duration::from_secs(10), "the schedule never ran");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let first_runs = cleanup_runs(&app).await;
    tokio::time::sleep(Duration::from_secs(6)).await;
    let runs = cleanup_runs(&app).await - first_runs;

    // Assert: each instance looks every second; between them the job starts every 2-3 s
    // (2-3 runs in 6 s), where two uncoordinated schedules would run it about 6 times.
    assert!((1..=3).contains(&runs), "{runs} runs in 6 s with a 2 s interval");
}
