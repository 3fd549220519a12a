//! Consents: the current answer per purpose of `CONSENT_PURPOSES`, an append-only history
//! (time, source, IP, user agent, policy version), `marketing_consent` on the account, and
//! staff reading both.

use std::collections::HashMap;

use gatehouse_tests::{expect_problem, has_field_error, spawn_app, spawn_app_with, superuser, types};

fn change(granted: bool, policy_version: Option<&str>) -> types::ConsentChange {
    types::ConsentChange {
        granted,
        policy_version: policy_version.map(|v| v.try_into().unwrap()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_are_current_and_every_change_is_kept_with_its_context() {
    // Arrange
    let app = spawn_app_with(|s| s.privacy.consent_purposes = vec!["marketing".into(), "analytics".into()]).await;
    let (user, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);
    let user_id = app.user_id(&user.email).await;

    // Act
    let before = client.get_my_consents().await.unwrap().into_inner();
    let grant = HashMap::from([("marketing".to_string(), change(true, Some("2026-11")))]);
    let granted = client.update_my_consents(&grant).await.unwrap().into_inner();
    let again = client.update_my_consents(&grant).await.unwrap().into_inner();
    let me = client.get_me().await.unwrap().into_inner();
    let withdraw = types::UpdateMeRequest {
        marketing_consent: Some(false),
        ..Default::default()
    };
    let withdrawn = client.update_me(&withdraw).await.unwrap().into_inner();
    let unknown = HashMap::from([("newsletter".to_string(), change(true, None))]);
    let refused = client.update_my_consents(&unknown).await;
    let (_, staff) = superuser(&app).await;
    let record = app
        .client_with_token(&staff.access_token)
        .get_user_consents(&user_id)
        .await
        .unwrap()
        .into_inner();
    let by_user = client.get_user_consents(&user_id).await;

    // Assert
    assert_eq!(before.items.len(), 2);
    assert!(before.items.iter().all(|c| !c.granted && c.updated_at.is_none()));
    let marketing = granted.items.iter().find(|c| c.purpose == "marketing").unwrap();
    assert!(marketing.granted);
    assert_eq!(marketing.policy_version.as_deref(), Some("2026-11"));
    let stamp = |list: &types::ConsentList| list.items.iter().map(|c| (c.granted, c.updated_at)).collect::<Vec<_>>();
    assert_eq!(stamp(&again), stamp(&granted), "the same answer again changes nothing");
    assert!(me.marketing_consent);
    assert!(!withdrawn.marketing_consent);
    let problem = expect_problem(refused, 422, "validation_failed");
    assert!(has_field_error(&problem, "newsletter", "unknown_purpose"));
    assert_eq!(
        record.history.len(),
        2,
        "two changes, newest first: {:?}",
        record.history
    );
    assert_eq!(
        (record.history[0].granted, record.history[0].source.as_str()),
        (false, "profile")
    );
    assert_eq!(
        (record.history[1].granted, record.history[1].source.as_str()),
        (true, "consents")
    );
    assert_eq!(record.history[1].policy_version.as_deref(), Some("2026-11"));
    assert_eq!(record.history[1].ip.as_deref(), Some("127.0.0.1"));
    assert!(record.items.iter().all(|c| !c.granted));
    expect_problem(by_user, 403, "forbidden");
    let audited = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type = 'consent_changed'";
    assert_eq!(app.count(audited).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marketing_consent_needs_the_marketing_purpose() {
    let app = spawn_app_with(|s| s.privacy.consent_purposes = vec!["analytics".into()]).await;
    let (_, tokens) = app.logged_in_user().await;
    let client = app.client_with_token(&tokens.access_token);

    let update = types::UpdateMeRequest {
        marketing_consent: Some(true),
        ..Default::default()
    };
    let problem = expect_problem(client.update_me(&update).await, 422, "validation_failed");

    assert!(has_field_error(&problem, "marketing_consent", "unknown_purpose"));
    assert!(!client.get_me().await.unwrap().into_inner().marketing_consent);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_read_consents_of_existing_accounts_only() {
    let app = spawn_app().await;
    let (_, staff) = superuser(&app).await;

    let missing = app
        .client_with_token(&staff.access_token)
        .get_user_consents(&uuid::Uuid::now_v7())
        .await;

    expect_problem(missing, 404, "not_found");
}
