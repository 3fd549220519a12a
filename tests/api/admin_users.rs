//! The staff users API, part one: who may call it, GET /api/v1/admin/users (order, paging,
//! search, filters, limits) and GET /api/v1/admin/users/{id}. Changes to accounts are in
//! `admin_users_lifecycle`.

use gatehouse_tests::{
    Client, TestApp, UserQuery, assert_problem, expect_problem, has_field_error, list_users_with, listed_ids,
    mark_email_verified, register_account, spawn_app, staff_user, types, user_row,
};
use uuid::Uuid;

/// Calls each of the six staff users operations through `client` and expects each to fail
/// with `status` and `code`. `live` is a live account (the target of get, update, logout and
/// delete), `deleted` a soft-deleted one (the target of restore): every call would succeed if
/// the caller were let through.
async fn assert_every_operation_refused(client: &Client, live: Uuid, deleted: Uuid, status: u16, code: &str) {
    expect_problem(list_users_with(client, &UserQuery::default()).await, status, code);
    expect_problem(client.get_user(&live).await, status, code);
    let deactivate = types::AdminUserUpdate {
        is_active: Some(false),
        ..Default::default()
    };
    expect_problem(client.update_user(&live, &deactivate).await, status, code);
    expect_problem(client.logout_user(&live).await, status, code);
    expect_problem(client.delete_user(&live).await, status, code);
    expect_problem(client.restore_user(&deleted).await, status, code);
}

/// Sets up a staff member, a live account with a live session (its tokens and id are
/// returned) and an account the staff member soft-deleted (its id).
async fn staff_and_targets(app: &TestApp) -> (types::TokenResponse, Uuid, Uuid) {
    let (_, staff) = staff_user(app).await;
    let staff_client = app.client_with_token(&staff.access_token);
    let (live_user, live_tokens) = app.logged_in_user().await;
    let live = app.user_id(&live_user.email).await;
    let gone = app.registered_user().await;
    let deleted = app.user_id(&gone.email).await;
    staff_client.delete_user(&deleted).await.expect("staff can delete");
    (live_tokens, live, deleted)
}

/// The live account is untouched: active, not deleted, its session still works.
async fn assert_untouched(app: &TestApp, live: Uuid, tokens: &types::TokenResponse, deleted: Uuid) {
    let row = user_row(app, live).await;
    assert!(row.is_active && row.deleted_at.is_none(), "{row:?}");
    app.client_with_token(&tokens.access_token)
        .get_me()
        .await
        .expect("the target's session still works");
    assert!(user_row(app, deleted).await.deleted_at.is_some(), "still deleted");
    let staff_events = "SELECT COUNT(*) AS n FROM audit_events WHERE event_type LIKE 'staff_user_%'";
    assert_eq!(app.count(staff_events).await, 1, "only the set-up deletion is audited");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_in_user_who_is_not_staff_is_forbidden_every_operation() {
    let app = spawn_app().await;
    let (live_tokens, live, deleted) = staff_and_targets(&app).await;
    let (outsider_user, outsider) = app.logged_in_user().await;
    let outsider_client = app.client_with_token(&outsider.access_token);

    assert_every_operation_refused(&outsider_client, live, deleted, 403, "forbidden").await;
    // Not even their own account.
    let own = app.user_id(&outsider_user.email).await;
    expect_problem(outsider_client.get_user(&own).await, 403, "forbidden");
    let audit = outsider_client
        .list_audit_log(None, None, None, None, None, None, Some(&live))
        .await;
    expect_problem(audit, 403, "forbidden");

    assert_untouched(&app, live, &live_tokens, deleted).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_needs_a_token() {
    let app = spawn_app().await;
    let (live_tokens, live, deleted) = staff_and_targets(&app).await;

    assert_every_operation_refused(&app.client, live, deleted, 401, "unauthorized").await;
    let garbage = app.client_with_token("not-a-jwt");
    assert_every_operation_refused(&garbage, live, deleted, 401, "unauthorized").await;

    assert_untouched(&app, live, &live_tokens, deleted).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_token_whose_session_was_logged_out_is_refused_every_operation() {
    let app = spawn_app().await;
    let (live_tokens, live, deleted) = staff_and_targets(&app).await;
    let (_, staff) = staff_user(&app).await;
    let client = app.client_with_token(&staff.access_token);
    list_users_with(&client, &UserQuery::default())
        .await
        .expect("the session works before the logout");
    client.logout().await.expect("logout succeeds");

    assert_every_operation_refused(&client, live, deleted, 401, "session_revoked").await;

    assert_untouched(&app, live, &live_tokens, deleted).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_are_listed_newest_first_and_paging_walks_each_exactly_once() {
    // Arrange: the staff account and seven more, registered one after the other.
    let app = spawn_app().await;
    let (staff, tokens) = staff_user(&app).await;
    let client = app.client_with_token(&tokens.access_token);
    let mut oldest_first = vec![app.user_id(&staff.email).await];
    for _ in 0..7 {
        let user = app.registered_user().await;
        oldest_first.push(app.user_id(&user.email).await);
    }
    let newest_first: Vec<Uuid> = oldest_first.iter().rev().copied().collect();

    // Act: pages of three.
    let mut pages: Vec<types::UserPage> = Vec::new();
    let mut before = None;
    for _ in 0..10 {
        let query = UserQuery {
            limit: Some(3),
            before,
            ..Default::default()
        };
        let page = list_users_with(&client, &query).await.expect("a page").into_inner();
        before = page.next_before;
        pages.push(page);
        if before.is_none() {
            break;
        }
    }

    // Assert
    let sizes: Vec<usize> = pages.iter().map(|p| p.items.len()).collect();
    assert_eq!(sizes, vec![3, 3, 2]);
    for page in &pages[..2] {
        assert_eq!(
            page.next_before,
            page.items.last().map(|u| u.id),
            "the cursor is the last id"
        );
    }
    let walked: Vec<Uuid> = pages.iter().flat_map(|p| &p.items).map(|u| u.id).collect();
    assert_eq!(walked, newest_first, "every account once, newest first");
    assert_eq!(listed_ids(&client, &UserQuery::default()).await, newest_first);
    let after_all = UserQuery {
        before: Some(oldest_first[0]),
        ..Default::default()
    };
    assert_eq!(listed_ids(&client, &after_all).await, Vec::<Uuid>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_search_finds_text_in_the_email_or_either_name_regardless_of_case() {
    let app = spawn_app().await;
    let (staff, tokens) = staff_user(&app).await;
    let client = app.client_with_token(&tokens.access_token);
    let staff_id = app.user_id(&staff.email).await;
    let (_, hopper) = register_account(&app, "Grace.Hopper@navy.example.org", "Rear", "Admiral").await;
    let (_, johnson) = register_account(&app, "kj@nasa.example.org", "Katherine", "Johnson").await;
    let (_, vaughan) = register_account(&app, "dv@nasa.example.org", "Dorothy", "Vaughan").await;

    let cases: [(&str, Vec<Uuid>); 8] = [
        ("hopper", vec![hopper]),
        ("GRACE.HOP", vec![hopper]),
        ("aTHERi", vec![johnson]),
        ("vaUGH", vec![vaughan]),
        ("admiral", vec![hopper]),
        ("nasa.example", vec![vaughan, johnson]),
        ("o", vec![vaughan, johnson, hopper, staff_id]),
        ("nobody", vec![]),
    ];
    for (q, expected) in cases {
        let query = UserQuery {
            q: Some(q),
            ..Default::default()
        };
        assert_eq!(listed_ids(&client, &query).await, expected, "q={q:?}");
    }
    let everyone = listed_ids(&client, &UserQuery::default()).await;
    let blank = UserQuery {
        q: Some(""),
        ..Default::default()
    };
    assert_eq!(listed_ids(&client, &blank).await, everyone, "an empty q matches all");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wildcards_in_the_search_are_matched_literally() {
    // Arrange: each pair differs only where a wildcard would match anything. (`%`, `_` and `\`
    // are LIKE's special characters; `*`, `?` and `[` those of SQLite's GLOB.)
    let app = spawn_app().await;
    let (_, tokens) = staff_user(&app).await;
    let client = app.client_with_token(&tokens.access_token);
    let (_, percent) = register_account(&app, "p@example.com", "Full", "100%").await;
    let (_, _thousand) = register_account(&app, "t@example.com", "Full", "1000").await;
    let (_, underscore) = register_account(&app, "u@example.com", "snake_case", "Ident").await;
    let (_, _letter) = register_account(&app, "l@example.com", "snakeXcase", "Ident").await;
    let (_, backslash) = register_account(&app, "b@example.com", "C:\\Users", "Path").await;
    let (_, glob) = register_account(&app, "g@example.com", "What?", "[*]").await;
    let (_, _what) = register_account(&app, "w@example.com", "Whatx", "[x]").await;

    // The test users' names and addresses hold none of these (theirs use `-` and `@`).
    let cases: [(&str, Vec<Uuid>); 11] = [
        ("100%", vec![percent]),
        ("%", vec![percent]),
        ("e_c", vec![underscore]),
        ("_", vec![underscore]),
        ("\\", vec![backslash]),
        ("c:\\users", vec![backslash]),
        ("what?", vec![glob]),
        ("?", vec![glob]),
        ("*", vec![glob]),
        ("[*]", vec![glob]),
        ("[*", vec![glob]),
    ];
    for (q, expected) in cases {
        let query = UserQuery {
            q: Some(q),
            ..Default::default()
        };
        assert_eq!(listed_ids(&client, &query).await, expected, "q={q:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flags_narrow_the_list_and_a_filter_left_out_matches_every_account() {
    // Arrange: one account per state, oldest first.
    let app = spawn_app().await;
    let (staff_user_creds, tokens) = staff_user(&app).await;
    let client = app.client_with_token(&tokens.access_token);
    let staff = app.user_id(&staff_user_creds.email).await;
    let plain = app.user_id(&app.registered_user().await.email).await;
    let inactive = app.user_id(&app.registered_user().await.email).await;
    let deactivate = types::AdminUserUpdate {
        is_active: Some(false),
        ..Default::default()
    };
    client.update_user(&inactive, &deactivate).await.expect("deactivated");
    let verified = app.user_id(&app.registered_user().await.email).await;
    mark_email_verified(&app, verified).await;
    let deleted = app.user_id(&app.registered_user().await.email).await;
    client.delete_user(&deleted).await.expect("deleted");
    let all = [deleted, verified, inactive, plain, staff];
    let only = |keep: &[Uuid]| all.iter().copied().filter(|id| keep.contains(id)).collect::<Vec<_>>();
    // (is_active, is_staff, email_verified, deleted)
    let flags = |is_active, is_staff, email_verified, deleted| UserQuery {
        is_active,
        is_staff,
        email_verified,
        deleted,
        ..Default::default()
    };

    let cases: Vec<(UserQuery, Vec<Uuid>)> = vec![
        (flags(None, None, None, None), all.to_vec()),
        (flags(Some(true), None, None, None), only(&[verified, plain, staff])),
        (flags(Some(false), None, None, None), only(&[deleted, inactive])),
        (flags(None, Some(true), None, None), only(&[staff])),
        (
            flags(None, Some(false), None, None),
            only(&[deleted, verified, inactive, plain]),
        ),
        (flags(None, None, Some(true), None), only(&[verified])),
        (
            flags(None, None, Some(false), None),
            only(&[deleted, inactive, plain, staff]),
        ),
        (flags(None, None, None, Some(true)), only(&[deleted])),
        (
            flags(None, None, None, Some(false)),
            only(&[verified, inactive, plain, staff]),
        ),
        (flags(Some(false), None, None, Some(false)), only(&[inactive])),
        (flags(Some(true), Some(false), Some(false), None), only(&[plain])),
    ];
    for (query, expected) in cases {
        assert_eq!(listed_ids(&client, &query).await, expected, "{query:?}");
    }

    let listed = list_users_with(&client, &UserQuery::default()).await;
    let listed = listed.expect("the list is returned").into_inner().items;
    let gone = listed
        .iter()
        .find(|u| u.id == deleted)
        .expect("the deleted account is listed");
    assert!(gone.deleted_at.is_some() && !gone.is_active, "{gone:?}");
    let ok = listed
        .iter()
        .find(|u| u.id == verified)
        .expect("the verified account is listed");
    assert!(ok.email_verified && ok.deleted_at.is_none(), "{ok:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_range_or_malformed_list_parameters_are_problems() {
    let app = spawn_app().await;
    let (_, staff) = staff_user(&app).await;
    let client = app.client_with_token(&staff.access_token);
    for _ in 0..2 {
        app.registered_user().await;
    }

    for limit in ["0", "201"] {
        let url = app.url(&format!("/api/v1/admin/users?limit={limit}"));
        let response = app.http.get(url).bearer_auth(&staff.access_token).send().await;
        let problem = assert_problem(response.expect("answered"), 422, "validation_failed").await;
        assert!(has_field_error(&problem, "limit", "out_of_range"), "{problem:?}");
    }
    let long_q = "a".repeat(255);
    let url = app.url(&format!("/api/v1/admin/users?q={long_q}"));
    let response = app.http.get(url).bearer_auth(&staff.access_token).send().await;
    let problem = assert_problem(response.expect("answered"), 422, "validation_failed").await;
    assert!(has_field_error(&problem, "q", "too_long"), "{problem:?}");
    for query in ["limit=x", "limit=-1", "before=not-a-uuid", "is_active=maybe"] {
        let url = app.url(&format!("/api/v1/admin/users?{query}"));
        let response = app.http.get(url).bearer_auth(&staff.access_token).send().await;
        assert_problem(response.expect("answered"), 400, "malformed_request").await;
    }

    let one = UserQuery {
        limit: Some(1),
        ..Default::default()
    };
    let page = list_users_with(&client, &one)
        .await
        .expect("limit=1 is allowed")
        .into_inner();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.next_before, Some(page.items[0].id));
    let widest = UserQuery {
        limit: Some(200),
        ..Default::default()
    };
    assert_eq!(listed_ids(&client, &widest).await.len(), 3, "limit=200 is allowed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_is_shown_with_every_field_staff_see() {
    let app = spawn_app().await;
    let (_, staff) = staff_user(&app).await;
    let client = app.client_with_token(&staff.access_token);
    let (user, id) = register_account(&app, "Mixed.Case@Example.COM", "  Grace ", "Hopper").await;
    app.login(&user).await;

    let shown = client
        .get_user(&id)
        .await
        .expect("staff can read any account")
        .into_inner();

    let row = user_row(&app, id).await;
    assert_eq!(shown.id, id);
    assert_eq!(
        shown.email, "Mixed.Case@example.com",
        "the address as typed, domain lower-cased"
    );
    assert_eq!(
        (shown.first_name.as_str(), shown.last_name.as_str()),
        ("Grace", "Hopper")
    );
    assert_eq!(
        (
            shown.is_active,
            shown.is_staff,
            shown.is_superuser,
            shown.email_verified
        ),
        (true, false, false, false)
    );
    assert_eq!(shown.date_joined, row.date_joined);
    assert_eq!(shown.updated_at, row.updated_at);
    assert!(row.last_login.is_some(), "the login was recorded: {row:?}");
    assert_eq!(shown.last_login, row.last_login);
    assert_eq!(shown.deleted_at, None);
    let listed = listed_ids(&client, &UserQuery::default()).await;
    assert!(listed.contains(&id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_or_malformed_account_id_is_a_problem() {
    let app = spawn_app().await;
    let (_, staff) = staff_user(&app).await;
    let client = app.client_with_token(&staff.access_token);

    expect_problem(client.get_user(&Uuid::new_v4()).await, 404, "not_found");
    let paths = ["/api/v1/admin/users/not-a-uuid", "/api/v1/admin/users/12345"];
    for path in paths {
        let response = app
            .http
            .get(app.url(path))
            .bearer_auth(&staff.access_token)
            .send()
            .await;
        assert_problem(response.expect("answered"), 400, "malformed_request").await;
    }
    let restore = app.url("/api/v1/admin/users/not-a-uuid/restore");
    let response = app.http.post(restore).bearer_auth(&staff.access_token).send().await;
    assert_problem(response.expect("answered"), 400, "malformed_request").await;
    let ids = listed_ids(&client, &UserQuery::default()).await;
    assert_eq!(ids.len(), 1, "only the staff account exists: {ids:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_search_ignores_the_case_of_letters_beyond_ascii() {
    // SQLite's lower() and LIKE fold ASCII only: these names were not found at all there,
    // not even spelled exactly as stored.
    let app = spawn_app().await;
    let (_, tokens) = staff_user(&app).await;
    let client = app.client_with_token(&tokens.access_token);
    let (_, odon) = register_account(&app, "o@example.com", "Ödön", "Łukasiewicz").await;
    let (_, _other) = register_account(&app, "d@example.com", "Odon", "Lukasiewicz").await;

    for q in ["Ödön", "ödön", "ÖDÖN", "dÖn", "łukasiewicz", "ŁUKASIEWICZ"] {
        let query = UserQuery {
            q: Some(q),
            ..Default::default()
        };
        assert_eq!(listed_ids(&client, &query).await, vec![odon], "q={q:?}");
    }
}
