//! Rows for the cleanup job to find: written straight into the database, dated as needed.

use chrono::{DateTime, Duration, Utc};
use gatehouse::entity::{audit_event, email_token, outbox_message, refresh_token, session};
use sea_orm::{ActiveValue::Set, EntityTrait};
use uuid::Uuid;

use crate::{Client, TestApp};

/// The cron secret of [`cron_client`]: set `cron_secret_key` to it.
pub const CRON_SECRET: &str = "0123456789abcdef0123456789abcdef-cron";

/// A generated client whose requests carry `X-Cron-Secret: <secret>`.
pub fn cron_client(app: &TestApp, secret: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    let value = reqwest::header::HeaderValue::from_str(secret).expect("a header value");
    headers.insert("x-cron-secret", value);
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("the client builds");
    Client::new_with_client(&app.address, http)
}

/// Rows inserted per statement (well under SQLite's bound-parameter limit).
const CHUNK: usize = 500;

/// How a seeded session ends.
#[derive(Clone, Copy, Debug)]
pub enum SessionFate {
    /// Live: expires in a day, not revoked.
    Live,
    /// Expired this long ago.
    ExpiredAgo(Duration),
    /// Revoked this long ago, otherwise live.
    RevokedAgo(Duration),
}

/// Inserts `count` sessions of `user_id`, each with one refresh token expiring with it;
/// returns the session ids.
pub async fn seed_sessions(app: &TestApp, user_id: Uuid, count: usize, fate: SessionFate) -> Vec<Uuid> {
    let now = Utc::now();
    let (expires_at, revoked_at) = match fate {
        SessionFate::Live => (now + Duration::days(1), None),
        SessionFate::ExpiredAgo(ago) => (now - ago, None),
        SessionFate::RevokedAgo(ago) => (now + Duration::days(1), Some(now - ago)),
    };
    let ids: Vec<Uuid> = (0..count).map(|_| Uuid::now_v7()).collect();
    for chunk in ids.chunks(CHUNK) {
        let sessions = chunk.iter().map(|id| session::ActiveModel {
            id: Set(*id),
            user_id: Set(user_id),
            created_at: Set(now - Duration::days(2)),
            last_used_at: Set(now - Duration::days(2)),
            expires_at: Set(expires_at),
            revoked_at: Set(revoked_at),
            revoked_reason: Set(revoked_at.map(|_| "logout".to_string())),
            ip: Set(None),
            user_agent: Set(None),
            amr: Set("pwd".into()),
            aal: Set(1),
            auth_time: Set(None),
        });
        session::Entity::insert_many(sessions)
            .exec_without_returning(&app.db)
            .await
            .expect("sessions are inserted");
        let tokens = chunk.iter().map(|id| refresh_token::ActiveModel {
            id: Set(Uuid::now_v7()),
            session_id: Set(*id),
            token_hash: Set(format!("{:064x}", Uuid::new_v4().as_u128())),
            parent_id: Set(None),
            created_at: Set(now - Duration::days(2)),
            expires_at: Set(expires_at),
            rotated_at: Set(None),
        });
        refresh_token::Entity::insert_many(tokens)
            .exec_without_returning(&app.db)
            .await
            .expect("refresh tokens are inserted");
    }
    ids
}

/// Inserts `count` e-mailed tokens of `user_id` expiring at `expires_at`, used at `used_at`.
pub async fn seed_email_tokens(
    app: &TestApp,
    user_id: Uuid,
    count: usize,
    expires_at: DateTime<Utc>,
    used_at: Option<DateTime<Utc>>,
) {
    let rows = (0..count).map(|_| email_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        purpose: Set("password_reset".into()),
        token_hash: Set(format!("{:064x}", Uuid::new_v4().as_u128())),
        email: Set("seeded@example.com".into()),
        created_at: Set(Utc::now() - Duration::days(2)),
        expires_at: Set(expires_at),
        used_at: Set(used_at),
    });
    email_token::Entity::insert_many(rows)
        .exec_without_returning(&app.db)
        .await
        .expect("e-mail tokens are inserted");
}

/// Inserts `count` audit events of type `seeded` dated `at`.
pub async fn seed_audit_events(app: &TestApp, count: usize, at: DateTime<Utc>) {
    for chunk in (0..count).collect::<Vec<_>>().chunks(CHUNK) {
        let rows = chunk.iter().map(|_| audit_event::ActiveModel {
            id: Set(Uuid::now_v7()),
            created_at: Set(at),
            event_type: Set("seeded".into()),
            actor_id: Set(None),
            user_id: Set(None),
            session_id: Set(None),
            ip: Set(None),
            user_agent: Set(None),
            detail: Set("{}".into()),
        });
        audit_event::Entity::insert_many(rows)
            .exec_without_returning(&app.db)
            .await
            .expect("audit events are inserted");
    }
}

/// Inserts one outbox message with `status`, created at `created_at`, sent at `sent_at`.
pub async fn seed_outbox_message(
    app: &TestApp,
    status: &str,
    created_at: DateTime<Utc>,
    sent_at: Option<DateTime<Utc>>,
) -> Uuid {
    let id = Uuid::now_v7();
    let row = outbox_message::ActiveModel {
        id: Set(id),
        kind: Set("verify_email".into()),
        user_id: Set(None),
        recipient: Set("seeded@example.com".into()),
        subject: Set("Seeded".into()),
        payload: Set(None),
        status: Set(status.into()),
        attempts: Set(1),
        next_attempt_at: Set(None),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(None),
        created_at: Set(created_at),
        sent_at: Set(sent_at),
    };
    outbox_message::Entity::insert(row)
        .exec_without_returning(&app.db)
        .await
        .expect("an outbox message is inserted");
    id
}
