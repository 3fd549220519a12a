//! A `202` is a promise: the `gatehouse` process killed (`SIGKILL`) right after answering,
//! then started again, delivers every e-mail it accepted. Real processes, a real SQLite file
//! (or a fresh PostgreSQL database when `TEST_DATABASE_URL` is set), the file e-mail backend.

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use sea_orm::{ConnectionTrait, Database};
use serde_json::json;

const PASSWORD: &str = "a long and uncommon passphrase";
const ACCOUNTS: usize = 50;

struct Workdir(PathBuf);

impl Workdir {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("gatehouse-crash-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(dir.join("mail")).expect("create a working directory");
        Self(dir)
    }

    fn mail(&self) -> PathBuf {
        self.0.join("mail")
    }
}

impl Drop for Workdir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The database of this test: a SQLite file in `dir`, or a fresh PostgreSQL database.
async fn database_url(dir: &Path) -> String {
    match std::env::var("TEST_DATABASE_URL").ok().filter(|v| !v.trim().is_empty()) {
        None => format!("sqlite://{}/crash.sqlite3?mode=rwc", dir.display()),
        Some(admin_url) => {
            let name = format!("gh_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(admin_url.as_str())
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute_unprepared(&format!(r#"CREATE DATABASE "{name}""#))
                .await
                .expect("create the test database");
            let (base, _) = admin_url
                .rsplit_once('/')
                .expect("a database name in TEST_DATABASE_URL");
            format!("{base}/{name}")
        }
    }
}

/// A running `gatehouse serve`, killed when dropped (also when an assertion fails).
struct Server(Child);

impl Server {
    /// `SIGKILL`, as a crash would.
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Starts `gatehouse serve` and waits until it answers `/healthz`.
async fn serve(dir: &Workdir, database_url: &str, port: u16) -> Server {
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_gatehouse"))
            .arg("serve")
            .current_dir(&dir.0)
            .env_clear()
            .env("DATABASE_URL", database_url)
            .env("PORT", port.to_string())
            .env("SECRET_KEY", "a test secret of at least thirty-two characters")
            .env("EMAIL_BACKEND", "file")
            .env("EMAIL_FILE_PATH", dir.mail())
            .env("EMAIL_VERIFICATION", "none")
            .env("RATE_LIMITS", "off")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start gatehouse serve"),
    );
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(r) = http.get(format!("http://127.0.0.1:{port}/healthz")).send().await
            && r.status().is_success()
        {
            return server;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("gatehouse did not start on port {port}");
}

/// The `.eml` files whose text names `needle`.
fn mails_mentioning(dir: &Path, needle: &str) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| std::fs::read_to_string(e.path()).is_ok_and(|text| text.contains(needle)))
                .count()
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_reset_answered_202_is_delivered_after_a_kill_9_and_restart() {
    // Arrange: accounts to reset, on a server that will be killed.
    let dir = Workdir::new();
    let url = database_url(&dir.0).await;
    let port = free_port();
    let mut server = serve(&dir, &url, port).await;
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}/api/v1");
    let addresses: Vec<String> = (0..ACCOUNTS)
        .map(|n| format!("crash-{n}-{}@example.com", uuid::Uuid::new_v4().simple()))
        .collect();
    for address in &addresses {
        let response = http
            .post(format!("{base}/auth/register"))
            .json(&json!({ "email": address, "password": PASSWORD }))
            .send()
            .await
            .expect("register");
        assert_eq!(response.status(), 202);
    }

    // Act: every reset is answered, then the process dies at once, without a chance to
    // finish anything; a new process starts on the same database (and port).
    let mut requests = tokio::task::JoinSet::new();
    for address in addresses.clone() {
        let (http, url) = (http.clone(), format!("{base}/auth/password/reset"));
        requests.spawn(async move { http.post(url).json(&json!({ "email": address })).send().await });
    }
    while let Some(response) = requests.join_next().await {
        let response = response.expect("the request task").expect("request a reset");
        assert_eq!(response.status(), 202);
    }
    server.kill();
    let delivered_before_restart = mails_mentioning(&dir.mail(), "reset-password?token");
    let restarted_at = Instant::now();
    let mut server = serve(&dir, &url, port).await;

    // Assert: every accepted reset is e-mailed, well within a claim's lease.
    let reached = |addresses: &[String]| {
        addresses
            .iter()
            .filter(|a| mails_mentioning(&dir.mail(), a) > 0)
            .count()
    };
    let deadline = Instant::now() + Duration::from_secs(25);
    let mut delivered = 0;
    while Instant::now() < deadline {
        delivered = reached(&addresses);
        if delivered >= ACCOUNTS {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let took = restarted_at.elapsed();
    server.kill();
    assert_eq!(
        delivered, ACCOUNTS,
        "{delivered} of {ACCOUNTS} accepted resets were e-mailed ({delivered_before_restart} before the kill)"
    );
    // At least once: a message written out just before the kill, but not yet recorded as
    // sent, goes out again. Never more than that.
    for address in &addresses {
        assert!(
            mails_mentioning(&dir.mail(), address) <= 2,
            "{address} got more than a repeat"
        );
    }
    let repeated = mails_mentioning(&dir.mail(), "reset-password?token") - ACCOUNTS;
    eprintln!(
        "{ACCOUNTS} resets: {delivered_before_restart} e-mailed before the kill, every address reached {took:?} \
         after the restart ({repeated} repeated)"
    );
}
