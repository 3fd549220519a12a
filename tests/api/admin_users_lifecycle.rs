//! The staff users API, part two: PATCH, DELETE /api/v1/admin/users/{id},
//! POST /api/v1/admin/users/{id}/logout-all and /restore, and the audit events they write
//! (read through GET /api/v1/admin/audit-log).

use gatehouse_tests::{
    Client, TestApp, TestUser, UserQuery, assert_logs_in_with, assert_password_is_refused, assert_problem,
    assert_session_live, assert_session_revoked, audit_events, expect_problem, fresh_password, has_field_error,
    list_users_with, listed_ids, spawn_app, staff_user, superuser, types, user_row,
};
use serde_json::json;
use uuid::Uuid;

/// A staff member (their id and client) and a target account with one live session.
struct Scene {
    staff_id: Uuid,
    staff: Client,
    staff_token: String,
    target: TestUser,
    target_id: Uuid,
    target_tokens: types::TokenResponse,
}

async fn scene(app: &TestApp) -> Scene {
    let (staff_user_creds, staff_tokens) = staff_user(app).await;
    let (target, target_tokens) = app.logged_in_user().await;
    Scene {
        staff_id: app.user_id(&staff_user_creds.email).await,
        staff: app.client_with_token(&staff_tokens.access_token),
        staff_token: staff_tokens.access_token,
        target_id: app.user_id(&target.email).await,
        target,
        target_tokens,
    }
}

fn update(is_active: Option<bool>, is_staff: Option<bool>) -> types::AdminUserUpdate {
    types::AdminUserUpdate {
        is_active,
        is_staff,
        ..Default::default()
    }
}

fn renamed(first_name: &str, last_name: &str) -> types::AdminUserUpdate {
    types::AdminUserUpdate {
        first_name: Some(first_name.try_into().expect("the first name fits the spec")),
        last_name: Some(last_name.try_into().expect("the last name fits the spec")),
        ..Default::default()
    }
}

/// The audit events `event_type` of `target`, each checked to name `staff_id` as the actor.
async fn staff_events(scene: &Scene, target: Uuid, event_type: &str) -> Vec<types::AuditEntry> {
    let events = audit_events(&scene.staff, target, event_type).await;
    for event in &events {
        assert_eq!(
            event.actor_id,
            Some(scene.staff_id),
            "the staff member acted: {event:?}"
        );
    }
    events
}

/// The `changes` of a `staff_user_updated` event.
fn changes(event: &types::AuditEntry) -> serde_json::Value {
    event
        .detail
        .get("changes")
        .cloned()
        .expect("the event lists its changes")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deactivating_ends_every_session_and_blocks_login_until_reactivated() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    let second_session = app.login(&s.target).await;

    let deactivated = s.staff.update_user(&s.target_id, &update(Some(false), None)).await;

    let deactivated = deactivated.expect("staff can deactivate").into_inner();
    assert!(
        !deactivated.is_active && deactivated.deleted_at.is_none(),
        "{deactivated:?}"
    );
    assert_session_revoked(&app, &s.target_tokens).await;
    assert_session_revoked(&app, &second_session).await;
    assert_password_is_refused(&app, &s.target, &s.target.password).await;

    let reactivated = s.staff.update_user(&s.target_id, &update(Some(true), None)).await;
    assert!(reactivated.expect("staff can reactivate").into_inner().is_active);
    let fresh = assert_logs_in_with(&app, &s.target, &s.target.password).await;
    assert_session_live(&app, &fresh).await;
    assert_session_revoked(&app, &s.target_tokens).await;

    let events = staff_events(&s, s.target_id, "staff_user_updated").await;
    let recorded: Vec<serde_json::Value> = events.iter().map(changes).collect();
    assert_eq!(
        recorded,
        vec![
            json!({ "is_active": { "old": false, "new": true } }),
            json!({ "is_active": { "old": true, "new": false } }),
        ],
        "newest first"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_flag_takes_effect_on_the_accounts_current_token() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    let target = app.client_with_token(&s.target_tokens.access_token);
    expect_problem(list_users_with(&target, &UserQuery::default()).await, 403, "forbidden");

    let granted = s.staff.update_user(&s.target_id, &update(None, Some(true))).await;

    assert!(granted.expect("staff can grant staff").into_inner().is_staff);
    let ids = listed_ids(&target, &UserQuery::default()).await;
    assert_eq!(ids, vec![s.target_id, s.staff_id], "the same token now sees the list");
    let taken = s.staff.update_user(&s.target_id, &update(None, Some(false))).await;
    assert!(!taken.expect("staff can take staff").into_inner().is_staff);
    expect_problem(list_users_with(&target, &UserQuery::default()).await, 403, "forbidden");
    assert_session_live(&app, &s.target_tokens).await;
    let events = staff_events(&s, s.target_id, "staff_user_updated").await;
    let recorded: Vec<serde_json::Value> = events.iter().map(changes).collect();
    assert_eq!(
        recorded,
        vec![
            json!({ "is_staff": { "old": true, "new": false } }),
            json!({ "is_staff": { "old": false, "new": true } }),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_are_trimmed_and_names_over_150_characters_are_refused() {
    let app = spawn_app().await;
    let s = scene(&app).await;

    let renamed_user = s
        .staff
        .update_user(&s.target_id, &renamed("  Grace ", "\tHopper\n"))
        .await;

    let renamed_user = renamed_user.expect("staff can rename").into_inner();
    assert_eq!(
        (renamed_user.first_name.as_str(), renamed_user.last_name.as_str()),
        ("Grace", "Hopper")
    );
    let row = user_row(&app, s.target_id).await;
    assert_eq!((row.first_name.as_str(), row.last_name.as_str()), ("Grace", "Hopper"));
    assert_eq!(renamed_user.updated_at, row.updated_at);
    let events = staff_events(&s, s.target_id, "staff_user_updated").await;
    assert_eq!(events.len(), 1, "{events:?}");
    let expected = json!({
        "first_name": { "old": "Ada", "new": "Grace" },
        "last_name": { "old": "Lovelace", "new": "Hopper" },
    });
    assert_eq!(changes(&events[0]), expected);

    // 150 characters (two bytes each) are fine; 151 are not, in either name.
    let longest = "é".repeat(150);
    let accepted = s.staff.update_user(&s.target_id, &renamed(&longest, "Hopper")).await;
    assert_eq!(accepted.expect("150 characters fit").into_inner().first_name, longest);
    let url = app.url(&format!("/api/v1/admin/users/{}", s.target_id));
    for field in ["first_name", "last_name"] {
        let body = json!({ field: "x".repeat(151), "is_active": false });
        let response = app
            .http
            .patch(&url)
            .bearer_auth(&s.staff_token)
            .json(&body)
            .send()
            .await;
        let problem = assert_problem(response.expect("answered"), 422, "validation_failed").await;
        assert!(has_field_error(&problem, field, "too_long"), "{problem:?}");
    }
    let row = user_row(&app, s.target_id).await;
    assert_eq!(
        (row.first_name, row.last_name, row.is_active),
        (longest, "Hopper".into(), true)
    );
    assert_eq!(staff_events(&s, s.target_id, "staff_user_updated").await.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_cannot_deactivate_or_unstaff_their_own_account() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    let before = user_row(&app, s.staff_id).await;
    let with_a_name = types::AdminUserUpdate {
        first_name: Some("Changed".try_into().expect("a short name")),
        ..update(Some(false), Some(false))
    };

    for change in [update(Some(false), None), update(None, Some(false)), with_a_name] {
        let refused = s.staff.update_user(&s.staff_id, &change).await;
        expect_problem(refused, 409, "own_account");
    }

    assert_eq!(user_row(&app, s.staff_id).await, before, "nothing changed");
    assert!(staff_events(&s, s.staff_id, "staff_user_updated").await.is_empty());
    listed_ids(&s.staff, &UserQuery::default()).await;
    // Keeping the flags while renaming oneself is fine.
    let kept = types::AdminUserUpdate {
        first_name: Some("Self".try_into().expect("a short name")),
        ..update(Some(true), Some(true))
    };
    let renamed_self = s.staff.update_user(&s.staff_id, &kept).await;
    let renamed_self = renamed_self.expect("staff can rename themselves").into_inner();
    assert_eq!(
        (
            renamed_self.first_name.as_str(),
            renamed_self.is_active,
            renamed_self.is_staff
        ),
        ("Self", true, true)
    );
    let events = staff_events(&s, s.staff_id, "staff_user_updated").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        changes(&events[0]),
        json!({ "first_name": { "old": "Ada", "new": "Self" } })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_a_superuser_may_change_log_out_delete_or_restore_a_superuser() {
    // Arrange: `s.staff` is staff but no superuser; `root` and `other_root` are superusers.
    let app = spawn_app().await;
    let s = scene(&app).await;
    let (root, root_tokens) = superuser(&app).await;
    let root_id = app.user_id(&root.email).await;
    let (other_root, other_root_tokens) = superuser(&app).await;
    let other_root_id = app.user_id(&other_root.email).await;
    let superuser_client = app.client_with_token(&other_root_tokens.access_token);
    let before = user_row(&app, root_id).await;

    // Act + Assert: plain staff are refused and nothing changes.
    let deactivate = update(Some(false), None);
    expect_problem(s.staff.update_user(&root_id, &deactivate).await, 403, "forbidden");
    let rename = renamed("Mallory", "Intruder");
    expect_problem(s.staff.update_user(&root_id, &rename).await, 403, "forbidden");
    expect_problem(s.staff.logout_user(&root_id).await, 403, "forbidden");
    expect_problem(s.staff.delete_user(&root_id).await, 403, "forbidden");
    assert_eq!(user_row(&app, root_id).await, before);
    assert_session_live(&app, &root_tokens).await;
    let shown = s.staff.get_user(&root_id).await.expect("staff may still look");
    assert!(shown.into_inner().is_superuser);

    // A superuser may.
    let renamed_root = superuser_client
        .update_user(&root_id, &renamed("Grace", "Hopper"))
        .await;
    assert_eq!(renamed_root.expect("a superuser may").into_inner().first_name, "Grace");
    let logged_out = superuser_client.logout_user(&root_id).await;
    // `superuser` logs in twice: before and after the flags are set.
    assert_eq!(logged_out.expect("a superuser may").into_inner().revoked, 2);
    assert_session_revoked(&app, &root_tokens).await;
    superuser_client.delete_user(&root_id).await.expect("a superuser may");
    expect_problem(s.staff.restore_user(&root_id).await, 403, "forbidden");
    assert!(user_row(&app, root_id).await.deleted_at.is_some(), "still deleted");
    let restored = superuser_client.restore_user(&root_id).await;
    assert_eq!(restored.expect("a superuser may").into_inner().deleted_at, None);

    let actor_events = staff_actions(audit_by_actor(&s.staff, s.staff_id).await);
    assert!(
        actor_events.is_empty(),
        "no refused action is audited: {actor_events:?}"
    );
    let root_events = staff_actions(audit_by_actor(&s.staff, other_root_id).await);
    let kinds: Vec<&str> = root_events.iter().map(|e| e.event_type.as_str()).collect();
    let expected = [
        "staff_user_restored",
        "staff_user_deleted",
        "staff_user_logged_out",
        "staff_user_updated",
    ];
    assert_eq!(kinds, expected);
    assert!(
        root_events.iter().all(|e| e.user_id == Some(root_id)),
        "{root_events:?}"
    );
}

/// Every audit event whose actor is `actor_id`, newest first. (An account's own events, such
/// as its logins, name it as their actor too.)
async fn audit_by_actor(client: &Client, actor_id: Uuid) -> Vec<types::AuditEntry> {
    let page = client
        .list_audit_log(Some(&actor_id), None, None, None, None, None, None)
        .await
        .expect("staff can read the audit log")
        .into_inner();
    assert_eq!(page.next_before, None, "one page holds the events");
    assert!(page.items.iter().all(|e| e.actor_id == Some(actor_id)), "{page:?}");
    page.items
}

/// The staff actions among `events`.
fn staff_actions(events: Vec<types::AuditEntry>) -> Vec<types::AuditEntry> {
    events
        .into_iter()
        .filter(|e| e.event_type.starts_with("staff_user_"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_account_must_be_restored_before_it_is_changed() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    s.staff.delete_user(&s.target_id).await.expect("staff can delete");
    let before = user_row(&app, s.target_id).await;

    let attempts = [
        update(Some(true), None),
        update(None, Some(true)),
        renamed("Grace", "Hopper"),
        types::AdminUserUpdate::default(),
    ];
    for change in attempts {
        let refused = s.staff.update_user(&s.target_id, &change).await;
        expect_problem(refused, 409, "user_deleted");
    }

    assert_eq!(user_row(&app, s.target_id).await, before, "nothing changed");
    assert!(staff_events(&s, s.target_id, "staff_user_updated").await.is_empty());
    assert_password_is_refused(&app, &s.target, &s.target.password).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_that_changes_nothing_writes_nothing() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    let before = user_row(&app, s.target_id).await;
    let same_values = types::AdminUserUpdate {
        first_name: Some(" Ada ".try_into().expect("a short name")),
        last_name: Some("Lovelace".try_into().expect("a short name")),
        ..update(Some(true), Some(false))
    };

    for change in [types::AdminUserUpdate::default(), same_values] {
        let answered = s.staff.update_user(&s.target_id, &change).await;
        let shown = answered.expect("an update without changes is fine").into_inner();
        assert_eq!(
            (shown.id, shown.updated_at),
            (s.target_id, before.updated_at),
            "{change:?}"
        );
        assert_eq!((shown.first_name.as_str(), shown.is_active), ("Ada", true));
    }
    let url = app.url(&format!("/api/v1/admin/users/{}", s.target_id));
    let raw = app
        .http
        .patch(url)
        .bearer_auth(&s.staff_token)
        .json(&json!({}))
        .send()
        .await;
    assert_eq!(raw.expect("answered").status().as_u16(), 200, "a raw `{{}}` too");

    assert_eq!(user_row(&app, s.target_id).await, before, "nothing changed");
    assert!(staff_events(&s, s.target_id, "staff_user_updated").await.is_empty());
    assert_session_live(&app, &s.target_tokens).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_an_account_out_revokes_each_of_its_live_sessions() {
    // Arrange: the target has two live sessions and one it logged out of; a bystander has one.
    let app = spawn_app().await;
    let s = scene(&app).await;
    let second = app.login(&s.target).await;
    let ended = app.login(&s.target).await;
    app.client_with_token(&ended.access_token)
        .logout()
        .await
        .expect("logout succeeds");
    let (_, bystander) = app.logged_in_user().await;

    // Act
    let revoked = s.staff.logout_user(&s.target_id).await;

    // Assert
    assert_eq!(revoked.expect("staff can log an account out").into_inner().revoked, 2);
    assert_session_revoked(&app, &s.target_tokens).await;
    assert_session_revoked(&app, &second).await;
    assert_session_live(&app, &bystander).await;
    let again = s.staff.logout_user(&s.target_id).await;
    assert_eq!(again.expect("nothing left to revoke").into_inner().revoked, 0);
    let row = user_row(&app, s.target_id).await;
    assert!(
        row.is_active && row.deleted_at.is_none(),
        "the account is unchanged: {row:?}"
    );
    let fresh = assert_logs_in_with(&app, &s.target, &s.target.password).await;
    assert_session_live(&app, &fresh).await;
    expect_problem(s.staff.logout_user(&Uuid::new_v4()).await, 404, "not_found");

    let events = staff_events(&s, s.target_id, "staff_user_logged_out").await;
    let details: Vec<serde_json::Value> = events.iter().map(|e| json!(e.detail)).collect();
    assert_eq!(details, vec![json!({ "revoked": 0 }), json!({ "revoked": 2 })]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_an_account_ends_its_sessions_and_frees_its_address() {
    let app = spawn_app().await;
    let s = scene(&app).await;

    let response = s.staff.delete_user(&s.target_id).await;

    assert_eq!(response.expect("staff can delete").status().as_u16(), 204);
    assert_session_revoked(&app, &s.target_tokens).await;
    assert_password_is_refused(&app, &s.target, &s.target.password).await;
    let shown = s.staff.get_user(&s.target_id).await;
    let shown = shown.expect("a deleted account can still be read").into_inner();
    assert!(!shown.is_active && shown.deleted_at.is_some(), "{shown:?}");
    let deleted_only = UserQuery {
        deleted: Some(true),
        ..Default::default()
    };
    let page = list_users_with(&s.staff, &deleted_only).await;
    let listed = page.expect("the list is returned").into_inner().items;
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!((listed[0].id, listed[0].deleted_at), (s.target_id, shown.deleted_at));
    assert_eq!(user_row(&app, s.target_id).await.deleted_at, shown.deleted_at);

    // The address is free: registering it makes a new account.
    let newcomer = TestUser {
        email: s.target.email.clone(),
        password: fresh_password(),
    };
    app.register(&newcomer).await;
    let new_id = app.user_id(&newcomer.email).await;
    assert_ne!(new_id, s.target_id, "a new account");
    assert_logs_in_with(&app, &newcomer, &newcomer.password).await;
    assert_password_is_refused(&app, &s.target, &s.target.password).await;

    expect_problem(s.staff.delete_user(&s.target_id).await, 409, "user_deleted");
    let events = staff_events(&s, s.target_id, "staff_user_deleted").await;
    assert_eq!(events.len(), 1, "deleted once: {events:?}");
    assert!(staff_events(&s, new_id, "staff_user_deleted").await.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_cannot_delete_their_own_account_and_unknown_ids_are_not_found() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    let before = user_row(&app, s.staff_id).await;

    expect_problem(s.staff.delete_user(&s.staff_id).await, 409, "own_account");

    assert_eq!(user_row(&app, s.staff_id).await, before, "nothing changed");
    listed_ids(&s.staff, &UserQuery::default()).await;
    let unknown = Uuid::new_v4();
    expect_problem(s.staff.get_user(&unknown).await, 404, "not_found");
    expect_problem(s.staff.delete_user(&unknown).await, 404, "not_found");
    expect_problem(s.staff.restore_user(&unknown).await, 404, "not_found");
    expect_problem(s.staff.logout_user(&unknown).await, 404, "not_found");
    let rename = renamed("Grace", "Hopper");
    expect_problem(s.staff.update_user(&unknown, &rename).await, 404, "not_found");
    let count = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type LIKE 'staff_user%'";
    assert_eq!(app.count(count).await, 0, "nothing is audited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restoring_brings_the_account_back_with_its_password_but_not_its_sessions() {
    let app = spawn_app().await;
    let s = scene(&app).await;
    s.staff.delete_user(&s.target_id).await.expect("staff can delete");

    let restored = s.staff.restore_user(&s.target_id).await;

    let restored = restored.expect("staff can restore").into_inner();
    assert_eq!(
        (restored.id, restored.email.as_str()),
        (s.target_id, s.target.email.as_str())
    );
    assert_eq!((restored.deleted_at, restored.is_active), (None, true));
    let row = user_row(&app, s.target_id).await;
    assert_eq!((row.deleted_at, row.is_active), (None, true));
    assert_session_revoked(&app, &s.target_tokens).await;
    let fresh = assert_logs_in_with(&app, &s.target, &s.target.password).await;
    assert_session_live(&app, &fresh).await;

    expect_problem(s.staff.restore_user(&s.target_id).await, 409, "not_deleted");
    expect_problem(s.staff.restore_user(&s.staff_id).await, 409, "not_deleted");
    let events = staff_events(&s, s.target_id, "staff_user_restored").await;
    assert_eq!(events.len(), 1, "restored once: {events:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restoring_is_refused_while_another_live_account_has_the_address() {
    // Arrange: the target is deleted and someone registers its address.
    let app = spawn_app().await;
    let s = scene(&app).await;
    s.staff.delete_user(&s.target_id).await.expect("staff can delete");
    let newcomer = TestUser {
        email: s.target.email.to_uppercase(),
        password: fresh_password(),
    };
    app.register(&newcomer).await;
    let new_id = app.user_id(&newcomer.email).await;
    let (old_before, new_before) = (user_row(&app, s.target_id).await, user_row(&app, new_id).await);

    // Act
    let refused = s.staff.restore_user(&s.target_id).await;

    // Assert
    expect_problem(refused, 409, "email_taken");
    assert_eq!(user_row(&app, s.target_id).await, old_before, "still deleted");
    assert_eq!(user_row(&app, new_id).await, new_before, "the newcomer is untouched");
    assert_logs_in_with(&app, &newcomer, &newcomer.password).await;
    assert_password_is_refused(&app, &s.target, &s.target.password).await;
    assert!(staff_events(&s, s.target_id, "staff_user_restored").await.is_empty());

    // Once the newcomer is deleted in turn, the old account can come back.
    s.staff.delete_user(&new_id).await.expect("staff can delete");
    s.staff
        .restore_user(&s.target_id)
        .await
        .expect("the address is free again");
    assert_logs_in_with(&app, &s.target, &s.target.password).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_lists_staff_actions_by_actor_account_and_type() {
    // Arrange: one of each staff action, on two accounts.
    let app = spawn_app().await;
    let s = scene(&app).await;
    let other = app.registered_user().await;
    let other_id = app.user_id(&other.email).await;
    let rename = renamed("Grace", "Lovelace");
    s.staff.update_user(&s.target_id, &rename).await.expect("renamed");
    s.staff.logout_user(&s.target_id).await.expect("logged out");
    s.staff.delete_user(&other_id).await.expect("deleted");
    s.staff.restore_user(&other_id).await.expect("restored");

    // Act
    let by_staff = audit_by_actor(&s.staff, s.staff_id).await;

    // Assert: the four actions; anything else by this actor is about their own account.
    let (actions, own): (Vec<_>, Vec<_>) = by_staff
        .into_iter()
        .partition(|e| e.event_type.starts_with("staff_user_"));
    assert!(own.iter().all(|e| e.user_id == Some(s.staff_id)), "{own:?}");
    let listed: Vec<(&str, Option<Uuid>)> = actions.iter().map(|e| (e.event_type.as_str(), e.user_id)).collect();
    let expected = vec![
        ("staff_user_restored", Some(other_id)),
        ("staff_user_deleted", Some(other_id)),
        ("staff_user_logged_out", Some(s.target_id)),
        ("staff_user_updated", Some(s.target_id)),
    ];
    assert_eq!(listed, expected, "newest first");
    assert_eq!(
        changes(&actions[3]),
        json!({ "first_name": { "old": "Ada", "new": "Grace" } })
    );
    assert_eq!(json!(actions[2].detail), json!({ "revoked": 1 }));

    let of_target = s
        .staff
        .list_audit_log(None, None, None, None, None, None, Some(&s.target_id))
        .await
        .expect("staff can read the audit log")
        .into_inner()
        .items;
    assert!(
        of_target.iter().all(|e| e.user_id == Some(s.target_id)),
        "{of_target:?}"
    );
    let top: Vec<&str> = of_target.iter().take(2).map(|e| e.event_type.as_str()).collect();
    assert_eq!(top, ["staff_user_logged_out", "staff_user_updated"]);
    assert_eq!(staff_events(&s, other_id, "staff_user_deleted").await.len(), 1);
    assert!(staff_events(&s, s.target_id, "staff_user_deleted").await.is_empty());
}
