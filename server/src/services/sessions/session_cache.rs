//! A small in-process cache of live sessions, so checking that an access token's session is
//! still live costs a hash lookup instead of a query on every request.
//!
//! Correctness rests on invalidation, not on expiry: every revocation or account change
//! invalidates the entry here at once and, on PostgreSQL, tells every other instance through
//! `NOTIFY` (they `LISTEN`). While an instance's listener is down it bypasses the cache, so a
//! missed notification can never keep a revoked session alive. The TTL is only a safety net.

use std::{
    collections::HashMap,
    sync::{
        Arc, RwLock,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use uuid::Uuid;

use crate::entity::user;

/// The PostgreSQL channel that carries invalidations between instances.
pub const CHANNEL: &str = "gatehouse_auth";
const TTL: Duration = Duration::from_secs(30);
const MAX_ENTRIES: usize = 100_000;

#[derive(Clone)]
struct Entry {
    user: user::Model,
    session_expires_at: DateTime<Utc>,
    cached_at: Instant,
}

/// What a cached check knows.
#[derive(Default)]
pub struct SessionCache {
    entries: RwLock<HashMap<Uuid, Entry>>,
    /// Bumped by every invalidation: a lookup that raced one must not be cached.
    generation: AtomicU64,
    /// False while invalidations from other instances could be missed.
    enabled: AtomicBool,
}

impl SessionCache {
    /// A cache; `enabled` is false until the invalidation feed (if any) is up.
    pub fn new(enabled: bool) -> Arc<Self> {
        Arc::new(Self {
            enabled: AtomicBool::new(enabled),
            ..Self::default()
        })
    }

    /// The generation to pass back to [`SessionCache::insert`] after a database lookup.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The live session's user, if cached and fresh.
    pub fn get(&self, session_id: Uuid, user_id: Uuid) -> Option<user::Model> {
        if !self.enabled.load(Ordering::Acquire) {
            return None;
        }
        let entries = self.entries.read().ok()?;
        let entry = entries.get(&session_id)?;
        let fresh = entry.cached_at.elapsed() < TTL && entry.session_expires_at > Utc::now();
        (fresh && entry.user.id == user_id).then(|| entry.user.clone())
    }

    /// Caches a session found live in the database, unless an invalidation happened since
    /// `generation` was read.
    pub fn insert(&self, generation: u64, session_id: Uuid, session_expires_at: DateTime<Utc>, user: user::Model) {
        if !self.enabled.load(Ordering::Acquire) {
            return;
        }
        let Ok(mut entries) = self.entries.write() else { return };
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| e.cached_at.elapsed() < TTL);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(
            session_id,
            Entry {
                user,
                session_expires_at,
                cached_at: Instant::now(),
            },
        );
    }

    /// Applies an invalidation (local or from another instance).
    pub fn apply(&self, invalidation: Invalidation) {
        if let Ok(mut entries) = self.entries.write() {
            self.generation.fetch_add(1, Ordering::AcqRel);
            match invalidation {
                Invalidation::Session(id) => {
                    entries.remove(&id);
                }
                Invalidation::User(id) => entries.retain(|_, e| e.user.id != id),
                Invalidation::All => entries.clear(),
            }
        }
    }

    /// Turns the cache on or off (off while the invalidation feed is down); either way it
    /// starts empty.
    pub fn set_enabled(&self, enabled: bool) {
        self.apply(Invalidation::All);
        self.enabled.store(enabled, Ordering::Release);
    }
}

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidation {
    /// One session was revoked.
    Session(Uuid),
    /// A user's sessions were revoked or the account changed.
    User(Uuid),
    /// Everything.
    All,
}

impl Invalidation {
    fn payload(self) -> String {
        match self {
            Self::Session(id) => format!("session:{id}"),
            Self::User(id) => format!("user:{id}"),
            Self::All => "all".to_string(),
        }
    }

    /// Parses a notification payload.
    pub fn parse(payload: &str) -> Option<Self> {
        match payload.split_once(':') {
            Some(("session", id)) => id.parse().ok().map(Self::Session),
            Some(("user", id)) => id.parse().ok().map(Self::User),
            _ => (payload == "all").then_some(Self::All),
        }
    }
}

/// Invalidates here and, on PostgreSQL, on every other instance. A failed NOTIFY is logged:
/// the other instances' listeners then reconnect and flush (see [`listen`]).
pub async fn broadcast(cache: &SessionCache, db: &DatabaseConnection, invalidation: Invalidation) {
    cache.apply(invalidation);
    if db.get_database_backend() != DbBackend::Postgres {
        return;
    }
    let notify = Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [CHANNEL.into(), invalidation.payload().into()],
    );
    if let Err(e) = db.execute_raw(notify).await {
        tracing::error!(error = %e, "broadcasting a session invalidation failed");
    }
}

/// Keeps a `LISTEN` connection open and applies what arrives; the cache is bypassed whenever
/// the connection is down, and flushed when it comes back.
pub async fn listen(cache: Arc<SessionCache>, database_url: String) {
    use sea_orm::sqlx::postgres::PgListener;
    let mut backoff = Duration::from_millis(200);
    loop {
        let connected = async {
            let mut listener = PgListener::connect(&database_url).await?;
            listener.listen(CHANNEL).await?;
            Ok::<_, sea_orm::sqlx::Error>(listener)
        }
        .await;
        match connected {
            Ok(mut listener) => {
                cache.set_enabled(true);
                backoff = Duration::from_millis(200);
                // `None` or an error: the connection dropped and notifications may be lost.
                while let Ok(Some(notification)) = listener.try_recv().await {
                    cache.apply(Invalidation::parse(notification.payload()).unwrap_or(Invalidation::All));
                }
                cache.set_enabled(false);
                tracing::warn!("session invalidation feed lost; checking sessions in the database until it is back");
            }
            Err(e) => {
                cache.set_enabled(false);
                tracing::warn!(error = %e, "cannot listen for session invalidations; retrying");
            }
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(10));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: Uuid) -> user::Model {
        let now = Utc::now();
        user::Model {
            id,
            email: "a@example.com".into(),
            email_normalized: "a@example.com".into(),
            password_hash: None,
            first_name: String::new(),
            last_name: String::new(),
            is_active: true,
            is_staff: false,
            is_superuser: false,
            email_verified_at: None,
            date_joined: now,
            last_login: None,
            updated_at: now,
            deleted_at: None,
            otp_login_enabled: false,
            mfa_enabled: false,
            marketing_consent: false,
            deletion_due_at: None,
        }
    }

    #[test]
    fn invalidations_remove_sessions_and_users_and_beat_racing_inserts() {
        let cache = SessionCache::new(true);
        let (uid, sid, other) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let later = Utc::now() + chrono::Duration::hours(1);
        cache.insert(cache.generation(), sid, later, user(uid));
        cache.insert(cache.generation(), other, later, user(uid));
        assert!(cache.get(sid, uid).is_some());
        assert!(
            cache.get(sid, Uuid::now_v7()).is_none(),
            "another subject never matches"
        );

        cache.apply(Invalidation::Session(sid));
        assert!(cache.get(sid, uid).is_none());
        assert!(cache.get(other, uid).is_some());
        cache.apply(Invalidation::User(uid));
        assert!(cache.get(other, uid).is_none());

        // A lookup that started before an invalidation must not repopulate the cache.
        let before = cache.generation();
        cache.apply(Invalidation::Session(sid));
        cache.insert(before, sid, later, user(uid));
        assert!(cache.get(sid, uid).is_none());
    }

    #[test]
    fn a_disabled_cache_answers_nothing_and_expired_sessions_miss() {
        let cache = SessionCache::new(false);
        let (uid, sid) = (Uuid::now_v7(), Uuid::now_v7());
        cache.insert(
            cache.generation(),
            sid,
            Utc::now() + chrono::Duration::hours(1),
            user(uid),
        );
        assert!(cache.get(sid, uid).is_none());
        cache.set_enabled(true);
        cache.insert(
            cache.generation(),
            sid,
            Utc::now() - chrono::Duration::seconds(1),
            user(uid),
        );
        assert!(cache.get(sid, uid).is_none());
    }

    #[test]
    fn payloads_round_trip() {
        let id = Uuid::now_v7();
        for invalidation in [Invalidation::Session(id), Invalidation::User(id), Invalidation::All] {
            assert_eq!(Invalidation::parse(&invalidation.payload()), Some(invalidation));
        }
        assert_eq!(Invalidation::parse("junk"), None);
    }
}
