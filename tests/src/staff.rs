//! Helpers for the staff users API tests: superusers, accounts with chosen names, the list
//! query, account rows and the staff audit log.

use std::num::NonZeroU32;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use uuid::Uuid;

use gatehouse::entity::user;

use crate::{Client, Error, ResponseValue, TestApp, TestUser, types};

/// The stored row of account `id`.
pub async fn user_row(app: &TestApp, id: Uuid) -> user::Model {
    user::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .expect("users can be read")
        .expect("the account exists")
}

/// Sets a boolean column (e.g. `is_superuser`) of account `id` in the database.
pub async fn set_user_flag(app: &TestApp, id: Uuid, column: user::Column, value: bool) {
    let updated = user::Entity::update_many()
        .col_expr(column, Expr::value(value))
        .filter(user::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .expect("the account can be updated");
    assert_eq!(updated.rows_affected, 1, "exactly one account is updated");
}

/// Marks the address of account `id` verified in the database.
pub async fn mark_email_verified(app: &TestApp, id: Uuid) {
    let updated = user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(chrono::Utc::now()))
        .filter(user::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .expect("the account can be updated");
    assert_eq!(updated.rows_affected, 1, "exactly one account is verified");
}

/// Registers and logs in a user, makes them staff and superuser in the database, and logs in
/// again (the new session sees the updated account).
pub async fn superuser(app: &TestApp) -> (TestUser, types::TokenResponse) {
    let (user, _) = app.logged_in_user().await;
    let id = app.user_id(&user.email).await;
    set_user_flag(app, id, user::Column::IsStaff, true).await;
    set_user_flag(app, id, user::Column::IsSuperuser, true).await;
    let tokens = app.login(&user).await;
    (user, tokens)
}

/// Registers an account with this address and these names (expecting 202); returns its
/// credentials and id.
pub async fn register_account(app: &TestApp, email: &str, first_name: &str, last_name: &str) -> (TestUser, Uuid) {
    let user = TestUser {
        email: email.to_owned(),
        ..TestUser::generate()
    };
    let body = types::RegisterRequest {
        first_name: Some(first_name.try_into().expect("the first name fits the spec")),
        last_name: Some(last_name.try_into().expect("the last name fits the spec")),
        ..user.register_request()
    };
    let response = app.client.register(&body).await.expect("registration is accepted");
    assert_eq!(response.status().as_u16(), 202);
    let id = app.user_id(email).await;
    (user, id)
}

/// The query of `listUsers`; `None` leaves a parameter out.
#[derive(Clone, Debug, Default)]
pub struct UserQuery<'a> {
    pub q: Option<&'a str>,
    pub is_active: Option<bool>,
    pub is_staff: Option<bool>,
    pub email_verified: Option<bool>,
    pub deleted: Option<bool>,
    pub limit: Option<u32>,
    pub before: Option<Uuid>,
}

/// `GET /api/v1/admin/users` with `query` through `client`.
pub async fn list_users_with(
    client: &Client,
    query: &UserQuery<'_>,
) -> Result<ResponseValue<types::UserPage>, Error<types::Problem>> {
    let q: Option<types::ListUsersQ> = query.q.map(|q| q.try_into().expect("q fits the spec"));
    let limit = query
        .limit
        .map(|l| NonZeroU32::new(l).expect("the client sends only positive limits"));
    client
        .list_users(
            query.before.as_ref(),
            query.deleted,
            query.email_verified,
            query.is_active,
            query.is_staff,
            limit,
            q.as_ref(),
        )
        .await
}

/// The ids of the accounts `query` lists (one page), in the order listed.
pub async fn listed_ids(client: &Client, query: &UserQuery<'_>) -> Vec<Uuid> {
    let page = list_users_with(client, query)
        .await
        .unwrap_or_else(|e| panic!("staff can list the accounts with {query:?}: {e:?}"))
        .into_inner();
    assert_eq!(page.next_before, None, "one page holds them all: {query:?}");
    page.items.iter().map(|u| u.id).collect()
}

/// The audit events of account `user_id` of type `event_type`, newest first, through the
/// staff audit-log API.
pub async fn audit_events(client: &Client, user_id: Uuid, event_type: &str) -> Vec<types::AuditEntry> {
    let event_type: types::ListAuditLogEventType = event_type.try_into().expect("the event type fits the spec");
    let page = client
        .list_audit_log(None, None, Some(&event_type), None, None, None, Some(&user_id))
        .await
        .expect("staff can read the audit log")
        .into_inner();
    assert_eq!(page.next_before, None, "one page holds the events");
    for event in &page.items {
        assert_eq!(
            (event.user_id, event.event_type.as_str()),
            (Some(user_id), event_type.as_str()),
            "the filters hold: {event:?}"
        );
    }
    page.items
}
