//! The running server under test: spawning it, and the `TestApp` helpers that drive it.

use std::{sync::OnceLock, time::Duration};

use reqwest::header::{HeaderMap, HeaderValue};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use uuid::Uuid;

use gatehouse::config::{
    BreachSettings, EmailBackend, EmailSettings, EmailVerification, LimitSettings, LockoutSettings, Rate, Redacted,
    SmtpSecurity, SmtpSettings,
};

use crate::{
    Client, Error, ResponseValue, Settings, SmtpSink, TestUser,
    database::{TestDatabase, connect},
    types::{self, Problem},
};

/// A running server and everything a test needs to talk to it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    pub port: u16,
    /// The generated client, anonymous.
    pub client: Client,
    /// A raw client, for requests the generated client cannot express.
    pub http: reqwest::Client,
    /// A second connection to the server's database, to assert stored state.
    pub db: DatabaseConnection,
    /// The settings the server was built with.
    pub settings: Settings,
    /// The SMTP server the app delivers its e-mail to.
    pub mail: SmtpSink,
    _database: TestDatabase,
}

/// Spawns the server with the test defaults.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Spawns the server after letting the test adjust the settings.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    init_tracing();
    let database = TestDatabase::create().await;
    let mail = SmtpSink::start().await;
    let mut settings = Settings {
        host: [127, 0, 0, 1].into(),
        port: 0,
        database_url: database.url.clone(),
        // Tests of the other flows log in right after registering; e-mail tests opt in.
        email_verification: EmailVerification::None,
        // Cleanup runs when a test asks for it; settings changes spread between instances fast.
        cleanup_interval: None,
        settings_refresh_interval: Duration::from_millis(200),
        email: EmailSettings {
            backend: EmailBackend::Smtp(SmtpSettings {
                host: "127.0.0.1".into(),
                port: mail.port(),
                credentials: None,
                security: SmtpSecurity::None,
                timeout: Duration::from_secs(5),
            }),
            retry_delay: Duration::from_millis(100),
            poll_interval: Duration::from_millis(100),
            ..EmailSettings::default()
        },
        // Shared with the app's other instances; a prefix of its own keeps parallel tests apart.
        redis_url: std::env::var("TEST_REDIS_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .map(Redacted),
        redis_key_prefix: format!("test:{}:", Uuid::new_v4().simple()),
        // Many tests log in again and again from 127.0.0.1: limits stay on, far out of reach.
        // Tests of the limits and the lock-out set their own.
        limits: LimitSettings::all(Rate::per_secs(100_000, 60)),
        // Likewise the lock-out; failures are forgotten after a minute so that the shared Redis
        // of `just test-postgres` does not keep the keys of finished tests for a day.
        // No outside calls: tests that check breached passwords online start a range server.
        breach: BreachSettings {
            pwned_passwords_url: None,
            ..BreachSettings::default()
        },
        lockout: LockoutSettings {
            threshold: 1000,
            reset_after: Duration::from_secs(60),
            ..LockoutSettings::default()
        },
        ..Settings::default()
    };
    configure(&mut settings);

    let port = start_server(settings.clone()).await;
    let address = format!("http://127.0.0.1:{port}");
    let db = connect(&settings.database_url).await;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("the raw client builds");
    TestApp {
        client: Client::new_with_client(&address, http.clone()),
        address,
        port,
        http,
        db,
        settings,
        mail,
        _database: database,
    }
}

/// Builds and spawns one server; returns its port.
async fn start_server(settings: Settings) -> u16 {
    start_stoppable_server(settings).await.0
}

/// Builds and spawns one server; returns its port and the task that runs it (aborting the
/// task stops the server and its background work, as a process exit would).
async fn start_stoppable_server(settings: Settings) -> (u16, tokio::task::JoinHandle<anyhow::Result<()>>) {
    let app = gatehouse::startup::Application::build(settings)
        .await
        .expect("the application builds (database, migrations, keys, listener)");
    let port = app.port();
    (port, tokio::spawn(app.run_until_stopped()))
}

impl TestApp {
    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Starts a second server on the same database, as another replica would; returns its address.
    pub async fn spawn_another_instance(&self) -> String {
        self.spawn_another_instance_with(|_| {}).await
    }

    /// Like [`TestApp::spawn_another_instance`], with adjusted settings (e.g. a new deployment).
    pub async fn spawn_another_instance_with(&self, configure: impl FnOnce(&mut Settings)) -> String {
        let mut settings = self.settings.clone();
        configure(&mut settings);
        let port = start_server(settings).await;
        format!("http://127.0.0.1:{port}")
    }

    /// Like [`TestApp::spawn_another_instance_with`], and returns the task running it, to
    /// stop it by aborting the task.
    pub async fn spawn_stoppable_instance_with(
        &self,
        configure: impl FnOnce(&mut Settings),
    ) -> (String, tokio::task::JoinHandle<anyhow::Result<()>>) {
        let mut settings = self.settings.clone();
        configure(&mut settings);
        let (port, task) = start_stoppable_server(settings).await;
        (format!("http://127.0.0.1:{port}"), task)
    }

    /// A generated client whose requests carry `Authorization: Bearer <token>`.
    pub fn client_with_token(&self, access_token: &str) -> Client {
        authorized_client(&self.address, access_token)
    }

    /// Registers `user`, expecting 202.
    pub async fn register(&self, user: &TestUser) {
        let response = self
            .client
            .register(&user.register_request())
            .await
            .expect("registration is accepted");
        assert_eq!(response.status().as_u16(), 202);
    }

    /// Logs `user` in, expecting 200.
    pub async fn login(&self, user: &TestUser) -> types::TokenResponse {
        self.client
            .login(&user.login_request())
            .await
            .expect("login succeeds")
            .into_inner()
    }

    /// A freshly registered user.
    pub async fn registered_user(&self) -> TestUser {
        let user = TestUser::generate();
        self.register(&user).await;
        user
    }

    /// A freshly registered user and the tokens of one login.
    pub async fn logged_in_user(&self) -> (TestUser, types::TokenResponse) {
        let user = self.registered_user().await;
        let tokens = self.login(&user).await;
        (user, tokens)
    }

    /// Exchanges a refresh token through the generated client.
    pub async fn refresh(&self, refresh_token: &str) -> Result<ResponseValue<types::TokenResponse>, Error<Problem>> {
        let body = types::RefreshRequest {
            refresh_token: Some(refresh_token.try_into().expect("the refresh token fits the spec")),
        };
        self.client.refresh_token(&body).await
    }

    /// `GET /api/v1/users/me` over the raw client, with an optional bearer token.
    pub async fn get_me_raw(&self, access_token: Option<&str>) -> reqwest::Response {
        let mut request = self.http.get(self.url("/api/v1/users/me"));
        if let Some(token) = access_token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("GET /users/me is answered")
    }

    /// `POST path` with a JSON body over the raw client.
    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.http
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("the POST is answered")
    }

    /// Every row of `refresh_tokens`.
    pub async fn refresh_token_rows(&self) -> Vec<RefreshTokenRow> {
        let sql = "SELECT id, session_id, token_hash, parent_id, rotated_at IS NOT NULL AS rotated FROM refresh_tokens";
        let rows = self
            .db
            .query_all_raw(Statement::from_string(self.backend(), sql))
            .await
            .expect("refresh_tokens can be read");
        rows.iter()
            .map(|row| RefreshTokenRow {
                id: row.try_get("", "id").expect("id is a uuid"),
                session_id: row.try_get("", "session_id").expect("session_id is a uuid"),
                token_hash: row.try_get("", "token_hash").expect("token_hash is text"),
                parent_id: row.try_get("", "parent_id").expect("parent_id is a nullable uuid"),
                rotated: row.try_get("", "rotated").expect("rotated is a boolean"),
            })
            .collect()
    }

    /// The id of the live account with this (normalised) address, read from the database.
    pub async fn user_id(&self, email: &str) -> Uuid {
        let sql = format!(
            "SELECT id FROM users WHERE email_normalized = '{}' AND deleted_at IS NULL",
            email.trim().to_lowercase().replace('\'', "''")
        );
        let row = self
            .db
            .query_one_raw(Statement::from_string(self.backend(), sql))
            .await
            .expect("users can be read")
            .expect("the account exists");
        row.try_get("", "id").expect("id is a uuid")
    }

    /// Runs a `SELECT COUNT(*) AS n …` query.
    pub async fn count(&self, sql: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(Statement::from_string(self.backend(), sql))
            .await
            .expect("the count query runs")
            .expect("a count returns one row");
        row.try_get("", "n").expect("the count is in column n")
    }

    /// The rows of `table` whose `user_id` is `user_id` and that meet `condition` (SQL, may
    /// be empty).
    pub async fn count_of_user(&self, table: &str, user_id: Uuid, condition: &str) -> i64 {
        let placeholder = match self.backend() {
            DbBackend::Postgres => "$1",
            _ => "?",
        };
        let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE user_id = {placeholder} {condition}");
        let statement = Statement::from_sql_and_values(self.backend(), sql, [user_id.into()]);
        let row = self
            .db
            .query_one_raw(statement)
            .await
            .expect("the count query runs")
            .expect("a count returns one row");
        row.try_get("", "n").expect("the count is in column n")
    }

    fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }
}

/// A generated client for the server at `address` whose requests carry `Authorization: Bearer <token>`.
pub fn authorized_client(address: &str, access_token: &str) -> Client {
    let mut headers = HeaderMap::new();
    let mut value = HeaderValue::from_str(&format!("Bearer {access_token}")).expect("a token is a header value");
    value.set_sensitive(true);
    headers.insert(reqwest::header::AUTHORIZATION, value);
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("the authenticated client builds");
    Client::new_with_client(address, http)
}

/// One row of the `refresh_tokens` table.
#[derive(Debug, Clone)]
pub struct RefreshTokenRow {
    pub id: Uuid,
    pub session_id: Uuid,
    pub token_hash: String,
    pub parent_id: Option<Uuid>,
    pub rotated: bool,
}

/// Logs go to the test output only when `TEST_LOG` is set (e.g. `TEST_LOG=debug`); the
/// listener's warnings are always captured for [`crate::captured_warnings`].
fn init_tracing() {
    use tracing_subscriber::{
        Layer,
        filter::{LevelFilter, Targets},
        fmt,
        layer::SubscriberExt,
        util::SubscriberInitExt,
    };
    static INIT: OnceLock<()> = OnceLock::new();
    INIT.get_or_init(|| {
        let capture = fmt::layer()
            .with_ansi(false)
            .with_writer(|| crate::raw_http::Capture)
            .with_filter(Targets::new().with_target("gatehouse::http::server", LevelFilter::WARN));
        let console = std::env::var("TEST_LOG").ok().map(|level| {
            let filter = tracing_subscriber::EnvFilter::try_new(if level.is_empty() { "info" } else { &level })
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
            fmt::layer().with_test_writer().with_filter(filter)
        });
        let _ = tracing_subscriber::registry().with(capture).with(console).try_init();
    });
}
