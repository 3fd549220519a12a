//! The `gatehouse` binary's commands, run as a user would: a real process on a fresh SQLite
//! file, configured only through the environment.

use std::{path::PathBuf, process::Command};

struct Workdir(PathBuf);

impl Workdir {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("gatehouse-cli-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("create a working directory");
        Self(dir)
    }

    fn gatehouse(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gatehouse"));
        command
            .args(args)
            .current_dir(&self.0)
            .env_clear()
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/cli.sqlite3?mode=rwc", self.0.display()),
            )
            .env("RUST_LOG", "warn");
        command
    }
}

impl Drop for Workdir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn help_explains_every_command() {
    let out = Workdir::new()
        .gatehouse(&["--help"])
        .output()
        .expect("run gatehouse --help");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for command in ["serve", "migrate", "createsuperuser", "keys"] {
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
    assert!(String::from_utf8_lossy(&weak.stderr).contains("too common"));
}

#[test]
fn keys_rotate_adds_a_signing_key() {
    let dir = Workdir::new();
    assert!(dir.gatehouse(&["migrate"]).status().expect("migrate").success());
    let out = dir.gatehouse(&["keys", "rotate"]).output().expect("run keys rotate");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("New signing key"));
}
