//! The `gatehouse` binary's commands, run as a user would: a real process on a fresh SQLite
//! file, configured only through the environment.

mod support;

use support::{Serve, Workdir};

#[test]
fn help_explains_every_command() {
    let out = Workdir::new()
        .gatehouse(&["--help"])
        .output()
        .expect("run gatehouse --help");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for command in ["serve", "migrate", "createsuperuser", "cleanup", "keys"] {
        assert!(help.contains(command), "--help does not mention {command}:\n{help}");
    }
}

#[test]
fn migrate_creates_the_schema_and_is_idempotent() {
    let dir = Workdir::new();
    for _ in 0..2 {
        let out = dir.gatehouse(&["migrate"]).output().expect("run gatehouse migrate");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(dir.0.join("cli.sqlite3").exists());
}

#[test]
fn createsuperuser_without_input_reads_the_password_from_the_environment() {
    let dir = Workdir::new();

    let created = dir
        .gatehouse(&["createsuperuser", "--email", "Root@Example.com", "--no-input"])
        .env("GATEHOUSE_SUPERUSER_PASSWORD", "a long and uncommon passphrase")
        .output()
        .expect("run createsuperuser");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    assert!(String::from_utf8_lossy(&created.stdout).contains("Root@example.com"));

    let again = dir
        .gatehouse(&["createsuperuser", "--email", "root@example.com", "--no-input"])
        .env("GATEHOUSE_SUPERUSER_PASSWORD", "a long and uncommon passphrase")
        .output()
        .expect("run createsuperuser again");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn createsuperuser_refuses_a_missing_or_weak_password() {
    let dir = Workdir::new();
    let missing = dir
        .gatehouse(&["createsuperuser", "--email", "root@example.com", "--no-input"])
        .output()
        .expect("run createsuperuser");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("GATEHOUSE_SUPERUSER_PASSWORD"));

    let weak = dir
        .gatehouse(&["createsuperuser", "--email", "root@example.com", "--no-input"])
        .env("GATEHOUSE_SUPERUSER_PASSWORD", "password")
        .output()
        .expect("run createsuperuser");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("data breach"));
}

#[test]
fn keys_rotate_adds_a_signing_key_that_signs_later_or_now() {
    let dir = Workdir::new();
    assert!(dir.gatehouse(&["migrate"]).status().expect("migrate").success());
    let out = dir.gatehouse(&["keys", "rotate"]).output().expect("run keys rotate");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("New signing key") && said.contains("signing from"),
        "{said}"
    );

    let now = dir
        .gatehouse(&["keys", "rotate", "--now"])
        .output()
        .expect("run keys rotate --now");
    assert!(now.status.success(), "{}", String::from_utf8_lossy(&now.stderr));
    assert!(String::from_utf8_lossy(&now.stdout).contains("signing now"));

    let help = dir
        .gatehouse(&["keys", "rotate", "--help"])
        .output()
        .expect("run keys rotate --help");
    assert!(String::from_utf8_lossy(&help.stdout).contains("--now"));
}

#[test]
fn an_activation_delay_shorter_than_a_key_reload_is_refused() {
    let dir = Workdir::new();
    let out = dir
        .gatehouse(&["keys", "rotate"])
        .env("KEY_ACTIVATION_DELAY", "5")
        .output()
        .expect("run keys rotate");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("KEY_ACTIVATION_DELAY"));
}

#[test]
fn serve_prints_e_mails_with_the_console_backend() {
    use std::io::{Read, Write};

    let dir = Workdir::new();
    let mut command = dir.gatehouse(&["serve"]);
    command.env("PORT", "0").env("RUST_LOG", "info").env("NO_COLOR", "1");
    let mut server = Serve::start(command);
    let port = server.port();

    let body = r#"{"email":"ada@example.com","password":"correct horse battery staple"}"#;
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect to the server");
    write!(
        stream,
        "POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("send the registration");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read the answer");
    assert!(response.starts_with("HTTP/1.1 202"), "{response}");

    // The message as a developer reads it: its headers, then the text part as written, the
    // link whole on a line of its own (the wire form's quoted-printable would break it).
    server.wait_for_line(|line| line.starts_with("To: ") && line.contains("ada@example.com"));
    let link = server.wait_for_line(|line| line.contains("/verify-email?token="));
    let token = link
        .trim()
        .split_once("/verify-email?token=")
        .map(|(_, token)| token.to_string())
        .unwrap_or_default();
    assert!(
        token.len() == 43 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b)),
        "the link is whole on its own line: {link:?}"
    );
}

#[test]
fn cleanup_removes_expired_sessions_in_batches_and_prints_the_counts() {
    use gatehouse::entity::{session, user};
    use sea_orm::{ActiveValue::Set, ColumnTrait, Database, EntityTrait, QueryFilter};

    let dir = Workdir::new();
    let created = dir
        .gatehouse(&["createsuperuser", "--email", "root@example.com", "--no-input"])
        .env("GATEHOUSE_SUPERUSER_PASSWORD", "a long and uncommon passphrase")
        .output()
        .expect("run createsuperuser");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let url = format!("sqlite://{}/cli.sqlite3", dir.0.display());
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let db = Database::connect(&url).await.expect("open the database");
        let root = user::Entity::find()
            .filter(user::Column::EmailNormalized.eq("root@example.com"))
            .one(&db)
            .await
            .expect("read users")
            .expect("the superuser exists");
        let expired = chrono::Utc::now() - chrono::Duration::days(1);
        let sessions = (0..5).map(|_| session::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            user_id: Set(root.id),
            created_at: Set(expired),
            last_used_at: Set(expired),
            expires_at: Set(expired),
            revoked_at: Set(None),
            revoked_reason: Set(None),
            ip: Set(None),
            user_agent: Set(None),
            amr: Set("pwd".into()),
            aal: Set(1),
            auth_time: Set(None),
        });
        session::Entity::insert_many(sessions)
            .exec_without_returning(&db)
            .await
            .expect("insert expired sessions");
    });

    let out = dir
        .gatehouse(&["cleanup", "--batch-size", "2"])
        .output()
        .expect("run gatehouse cleanup");

    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for line in [
        "refresh_tokens: 0",
        "sessions: 5",
        "email_tokens: 0",
        "audit_events: 0",
        "total: 5",
    ] {
        assert!(stdout.lines().any(|l| l == line), "missing {line:?} in:\n{stdout}");
    }
    let refused = dir
        .gatehouse(&["cleanup", "--batch-size", "0"])
        .output()
        .expect("run gatehouse cleanup");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--batch-size"));
}
