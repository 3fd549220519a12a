//! Test harness: spawns the real server on a random port with a fresh database (SQLite by
//! default, PostgreSQL when `TEST_DATABASE_URL` is set) and drives it through the generated
//! client, a raw `reqwest::Client` and a second database connection.

use std::{
    fmt::Debug,
    path::PathBuf,
    sync::OnceLock,
    time::{Duration, Instant},
};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ed25519_dalek::{Signer, SigningKey};
use reqwest::{
    StatusCode,
    header::{HeaderMap, HeaderValue},
};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use uuid::Uuid;

pub use gatehouse::config::Settings;
pub use gatehouse_client::{Client, Error, ResponseValue, types};
use types::Problem;

/// The problem media type every error must be served with.
pub const PROBLEM_JSON: &str = "application/problem+json";

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
    let mut settings = Settings {
        host: [127, 0, 0, 1].into(),
        port: 0,
        database_url: database.url.clone(),
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
        _database: database,
    }
}

/// Builds and spawns one server; returns its port.
async fn start_server(settings: Settings) -> u16 {
    let app = gatehouse::startup::Application::build(settings)
        .await
        .expect("the application builds (database, migrations, keys, listener)");
    let port = app.port();
    tokio::spawn(app.run_until_stopped());
    port
}

async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options.max_connections(2).sqlx_logging(false);
    Database::connect(options)
        .await
        .expect("the test connects to its database")
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

    /// A generated client whose requests carry `Authorization: Bearer <token>`.
    pub fn client_with_token(&self, access_token: &str) -> Client {
        authorized_client(&self.address, access_token)
    }

    /// Registers `user`, expecting 201.
    pub async fn register(&self, user: &TestUser) -> types::User {
        self.client
            .register(&user.register_request())
            .await
            .expect("registration succeeds")
            .into_inner()
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

/// Credentials of a user the test can register and log in with.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub email: String,
    pub password: String,
}

impl TestUser {
    /// A unique e-mail address and a strong password.
    pub fn generate() -> Self {
        Self {
            email: format!("user-{}@example.com", Uuid::new_v4()),
            password: format!("correct horse battery {}", Uuid::new_v4()),
        }
    }

    pub fn register_request(&self) -> types::RegisterRequest {
        types::RegisterRequest {
            email: self.email.as_str().try_into().expect("the e-mail fits the spec"),
            password: self.password.as_str().try_into().expect("the password fits the spec"),
            first_name: Some("Ada".try_into().expect("a short name")),
            last_name: Some("Lovelace".try_into().expect("a short name")),
        }
    }

    pub fn login_request(&self) -> types::LoginRequest {
        login_request(&self.email, &self.password)
    }
}

/// A login request for any e-mail and password.
pub fn login_request(email: &str, password: &str) -> types::LoginRequest {
    types::LoginRequest {
        email: email.try_into().expect("the e-mail fits the spec"),
        password: password.try_into().expect("the password fits the spec"),
    }
}

/// Asserts that a generated-client call failed with `status` and problem `code`.
pub fn expect_problem<T: Debug>(result: Result<ResponseValue<T>, Error<Problem>>, status: u16, code: &str) -> Problem {
    match result {
        Err(Error::ErrorResponse(response)) => {
            assert_eq!(response.status().as_u16(), status, "unexpected status: {response:?}");
            let problem = response.into_inner();
            assert_eq!(problem.code, code, "unexpected problem: {problem:?}");
            assert_eq!(
                problem.status,
                i32::from(status),
                "problem status differs from HTTP status: {problem:?}"
            );
            problem
        }
        Err(other) => panic!("expected a {status} `{code}` problem, got {other:?}"),
        Ok(response) => panic!("expected a {status} `{code}` problem, got {response:?}"),
    }
}

/// Asserts that a raw response is a problem+json document with `status` and `code`.
pub async fn assert_problem(response: reqwest::Response, status: u16, code: &str) -> Problem {
    let actual = response.status();
    let content_type = header(response.headers(), "content-type");
    let body = response.text().await.expect("the body is readable");
    assert_eq!(
        actual,
        StatusCode::from_u16(status).expect("a status"),
        "unexpected status, body: {body}"
    );
    assert!(
        content_type.starts_with(PROBLEM_JSON),
        "expected {PROBLEM_JSON}, got {content_type:?}, body: {body}"
    );
    let problem: Problem = serde_json::from_str(&body).expect("the body is a problem document");
    assert_eq!(problem.code, code, "unexpected problem: {body}");
    assert_eq!(
        problem.status,
        i32::from(status),
        "problem status differs from HTTP status: {body}"
    );
    problem
}

/// A header as a string (empty when absent).
pub fn header(headers: &HeaderMap, name: &str) -> String {
    headers
        .get(name)
        .map(|value| value.to_str().expect("a visible ASCII header").to_owned())
        .unwrap_or_default()
}

/// Whether a validation problem names `field` with error `code`.
pub fn has_field_error(problem: &Problem, field: &str, code: &str) -> bool {
    problem.errors.iter().any(|e| e.field == field && e.code == code)
}

// ---------------------------------------------------------------------------------------
// JWTs

/// The decoded (unverified) header of a JWT.
pub fn jwt_header(token: &str) -> serde_json::Value {
    decode_segment(token.split('.').next().expect("a JWT has a header"))
}

/// The decoded (unverified) claims of a JWT.
pub fn jwt_claims(token: &str) -> serde_json::Value {
    decode_segment(token.split('.').nth(1).expect("a JWT has claims"))
}

fn decode_segment(segment: &str) -> serde_json::Value {
    let bytes = URL_SAFE_NO_PAD.decode(segment).expect("a JWT segment is base64url");
    serde_json::from_slice(&bytes).expect("a JWT segment is JSON")
}

/// base64url (no padding) of a JSON value, as in a JWT segment.
pub fn encode_segment(value: &serde_json::Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).expect("JSON serialises"))
}

/// A JWT with the given header and claims, signed with an Ed25519 key of our own.
pub fn sign_eddsa(header: &serde_json::Value, claims: &serde_json::Value, key: &SigningKey) -> String {
    let message = format!("{}.{}", encode_segment(header), encode_segment(claims));
    let signature = key.sign(message.as_bytes());
    format!("{message}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// A random Ed25519 key that Gatehouse has never seen.
pub fn foreign_signing_key() -> SigningKey {
    let mut seed = [0u8; 32];
    seed[..16].copy_from_slice(Uuid::new_v4().as_bytes());
    seed[16..].copy_from_slice(Uuid::new_v4().as_bytes());
    SigningKey::from_bytes(&seed)
}

// ---------------------------------------------------------------------------------------
// Cookies

/// One `Set-Cookie` header, split into name, value and attributes.
#[derive(Debug, Clone)]
pub struct SetCookie {
    pub name: String,
    pub value: String,
    /// Attributes as written, e.g. `HttpOnly`, `Path=/`.
    pub attributes: Vec<String>,
}

impl SetCookie {
    /// Every `Set-Cookie` header of a response.
    pub fn all(headers: &HeaderMap) -> Vec<SetCookie> {
        headers
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .map(|value| Self::parse(value.to_str().expect("a Set-Cookie header is ASCII")))
            .collect()
    }

    /// The `Set-Cookie` header for `name`; panics when absent.
    pub fn named(headers: &HeaderMap, name: &str) -> SetCookie {
        Self::all(headers)
            .into_iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("expected a Set-Cookie for {name}, got {:?}", Self::all(headers)))
    }

    fn parse(header: &str) -> SetCookie {
        let mut parts = header.split(';').map(str::trim);
        let (name, value) = parts
            .next()
            .and_then(|pair| pair.split_once('='))
            .expect("a Set-Cookie header starts with name=value");
        SetCookie {
            name: name.to_owned(),
            value: value.trim_matches('"').to_owned(),
            attributes: parts.filter(|a| !a.is_empty()).map(str::to_owned).collect(),
        }
    }

    /// Whether the flag attribute (e.g. `HttpOnly`) is present, case-insensitively.
    pub fn has_flag(&self, flag: &str) -> bool {
        self.attributes.iter().any(|a| a.eq_ignore_ascii_case(flag))
    }

    /// The value of an attribute (e.g. `Path`), case-insensitively.
    pub fn attribute(&self, name: &str) -> Option<String> {
        self.attributes.iter().find_map(|a| {
            let (key, value) = a.split_once('=')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
    }

    /// Whether this header removes the cookie (empty value, `Max-Age=0` or an expiry in the past).
    pub fn clears(&self) -> bool {
        let max_age_zero = self
            .attribute("Max-Age")
            .is_some_and(|v| v.parse::<i64>().is_ok_and(|n| n <= 0));
        let expired = self
            .attribute("Expires")
            .and_then(|v| chrono::DateTime::parse_from_rfc2822(&v.replace("GMT", "+0000")).ok())
            .is_some_and(|at| at < chrono::Utc::now());
        self.value.is_empty() || max_age_zero || expired
    }
}

/// A `Cookie` request header carrying the given cookies.
pub fn cookie_header(cookies: &[&SetCookie]) -> String {
    cookies
        .iter()
        .map(|c| format!("{}={}", c.name, c.value))
        .collect::<Vec<_>>()
        .join("; ")
}

// ---------------------------------------------------------------------------------------
// Timing

/// The median of some durations.
pub fn median(mut durations: Vec<Duration>) -> Duration {
    durations.sort();
    durations[durations.len() / 2]
}

/// How long a future takes.
pub async fn timed<T>(f: impl Future<Output = T>) -> (T, Duration) {
    let started = Instant::now();
    let out = f.await;
    (out, started.elapsed())
}

// ---------------------------------------------------------------------------------------
// Databases

/// A database of the test's own: a temporary SQLite file (removed on drop), or a PostgreSQL
/// database `gh_test_<uuid>` created on the server named by `TEST_DATABASE_URL`.
///
/// PostgreSQL test databases are left behind, as in zero2prod: `DROP DATABASE` forces a
/// checkpoint and would nearly triple the suite's time. Clean up when convenient with
/// `psql "$TEST_DATABASE_URL" -tAc "SELECT format('DROP DATABASE %I;', datname) FROM pg_database
/// WHERE datname LIKE 'gh\_test\_%'" | psql "$TEST_DATABASE_URL"`.
struct TestDatabase {
    url: String,
    directory: Option<PathBuf>,
}

impl TestDatabase {
    async fn create() -> Self {
        match std::env::var("TEST_DATABASE_URL").ok().filter(|v| !v.trim().is_empty()) {
            Some(admin_url) => Self::postgres(&admin_url).await,
            None => Self::sqlite(),
        }
    }

    fn sqlite() -> Self {
        let dir = std::env::temp_dir().join(format!("gatehouse-test-{}", Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("the temporary directory is created");
        Self {
            url: format!("sqlite://{}/gatehouse.sqlite3?mode=rwc", dir.display()),
            directory: Some(dir),
        }
    }

    async fn postgres(admin_url: &str) -> Self {
        let name = format!("gh_test_{}", Uuid::new_v4().simple());
        let admin = connect(admin_url).await;
        admin
            .execute_unprepared(&format!(r#"CREATE DATABASE "{name}""#))
            .await
            .expect("the test database is created");
        let _ = admin.close().await;
        Self {
            url: with_database_name(admin_url, &name),
            directory: None,
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(dir) = &self.directory {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// `postgres://user@host:port/db?opts` with `db` replaced by `name`.
fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{host_part}/{name}?{query}"),
        None => format!("{host_part}/{name}"),
    }
}

/// Logs go to the test output only when `TEST_LOG` is set (e.g. `TEST_LOG=debug`).
fn init_tracing() {
    static INIT: OnceLock<()> = OnceLock::new();
    INIT.get_or_init(|| {
        if let Ok(level) = std::env::var("TEST_LOG") {
            let filter = tracing_subscriber::EnvFilter::try_new(if level.is_empty() { "info" } else { &level })
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
            let _ = tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_test_writer()
                .try_init();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::with_database_name;

    #[test]
    fn the_database_name_is_replaced_in_postgres_urls() {
        assert_eq!(
            with_database_name("postgres://postgres@127.0.0.1:5432/test", "gh_x"),
            "postgres://postgres@127.0.0.1:5432/gh_x"
        );
        assert_eq!(
            with_database_name("postgres://u:p@h/test?sslmode=disable", "gh_x"),
            "postgres://u:p@h/gh_x?sslmode=disable"
        );
        assert_eq!(
            with_database_name("postgres://h:5432", "gh_x"),
            "postgres://h:5432/gh_x"
        );
    }
}
