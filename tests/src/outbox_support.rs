//! Helpers for the e-mail outbox tests: reading `email_outbox`, waiting for a state of it,
//! SMTP settings, staff users and password-reset requests.

use std::time::Duration;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};
use tokio::time::Instant;

use gatehouse::{
    config::{EmailBackend, SmtpSecurity, SmtpSettings},
    entity::{outbox_message, user},
};

use crate::{Client, TestApp, TestUser, types};

/// One row of `email_outbox`, as stored.
pub use gatehouse::entity::outbox_message::Model as OutboxRow;

/// Every row of `email_outbox`, oldest first.
pub async fn outbox_rows(app: &TestApp) -> Vec<OutboxRow> {
    outbox_message::Entity::find()
        .order_by_asc(outbox_message::Column::Id)
        .all(&app.db)
        .await
        .expect("email_outbox can be read")
}

/// Polls `email_outbox` until `done` holds for its rows (oldest first) and returns them.
///
/// Panics after `timeout`, naming `what` and showing the rows as they were.
pub async fn wait_for_outbox(
    app: &TestApp,
    what: &str,
    timeout: Duration,
    done: impl Fn(&[OutboxRow]) -> bool,
) -> Vec<OutboxRow> {
    let deadline = Instant::now() + timeout;
    loop {
        let rows = outbox_rows(app).await;
        if done(&rows) {
            return rows;
        }
        if Instant::now() >= deadline {
            panic!("timed out after {timeout:?} waiting until {what}; email_outbox: {rows:#?}");
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Whether there are `n` messages, each waiting for a retry after a failed attempt.
pub fn all_waiting_for_retry(rows: &[OutboxRow], n: usize) -> bool {
    let waiting = |r: &OutboxRow| r.status == "pending" && r.attempts >= 1 && r.last_error.is_some();
    rows.len() == n && rows.iter().all(waiting)
}

/// Waits until there are `n` messages, all sent, and checks that their bodies were erased.
pub async fn wait_until_all_sent(app: &TestApp, n: usize, timeout: Duration) -> Vec<OutboxRow> {
    let rows = wait_for_outbox(app, &format!("{n} message(s) are sent"), timeout, |rows| {
        rows.len() == n && rows.iter().all(|r| r.status == "sent")
    })
    .await;
    for row in &rows {
        assert_eq!(row.payload, None, "the bodies of a sent message are erased: {row:?}");
        assert!(row.sent_at.is_some() && row.last_error.is_none(), "{row:?}");
    }
    rows
}

/// Plain SMTP to `127.0.0.1:port`, as the harness configures it.
pub fn smtp_backend(port: u16) -> EmailBackend {
    EmailBackend::Smtp(SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        credentials: None,
        security: SmtpSecurity::None,
        timeout: Duration::from_secs(5),
    })
}

/// A port on `127.0.0.1` nothing listens on: bound, noted, and released.
pub fn unused_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port can be bound");
    listener.local_addr().expect("the listener has an address").port()
}

/// Registers and logs in a user, makes them staff in the database, and logs in again (the
/// new session sees the updated account).
pub async fn staff_user(app: &TestApp) -> (TestUser, types::TokenResponse) {
    let (user, _) = app.logged_in_user().await;
    let id = app.user_id(&user.email).await;
    let updated = user::Entity::update_many()
        .col_expr(user::Column::IsStaff, Expr::value(true))
        .filter(user::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .expect("the account can be made staff");
    assert_eq!(updated.rows_affected, 1, "exactly one account is made staff");
    let tokens = app.login(&user).await;
    (user, tokens)
}

/// `POST /api/v1/auth/password/reset` for `email` through `client`, expecting 202.
pub async fn request_password_reset(client: &Client, email: &str) {
    let body = types::EmailRequest {
        email: email.try_into().expect("the e-mail fits the spec"),
    };
    let response = client
        .request_password_reset(&body)
        .await
        .expect("the reset request is accepted");
    assert_eq!(response.status().as_u16(), 202);
}
