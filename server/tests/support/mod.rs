//! What the binary's tests share: a working directory with its own SQLite file, and a
//! running `gatehouse serve` whose standard output the test reads line by line.

#![allow(dead_code)] // each test binary uses its own part

use std::{
    io::{BufRead, BufReader},
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::mpsc,
    time::{Duration, Instant},
};

/// A working directory with its own SQLite file, removed at the end.
pub struct Workdir(pub PathBuf);

impl Workdir {
    pub fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("gatehouse-cli-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("create a working directory");
        Self(dir)
    }

    /// `gatehouse ARGS` in this directory, with nothing from the test's environment but a
    /// database here and warnings-only logs (set more with `.env`).
    pub fn gatehouse(&self, args: &[&str]) -> Command {
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

/// A running `gatehouse serve` and its standard output; killed when dropped, pass or fail.
pub struct Serve {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Serve {
    /// Starts `command` (a `gatehouse serve`) with its standard output piped to the test.
    pub fn start(mut command: Command) -> Self {
        let mut child = command.stdout(Stdio::piped()).spawn().expect("start gatehouse serve");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// The next line (from now on) that `wanted` accepts, within 30 s.
    pub fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let Ok(line) = self
                .lines
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            else {
                panic!("no such line on stdout within 30 s:\n{}", self.seen.join("\n"));
            };
            self.seen.push(line.clone());
            if wanted(&line) {
                return line;
            }
        }
    }

    /// The port of the "listening on" line (serve with `PORT=0` and `RUST_LOG=info`).
    pub fn port(&mut self) -> u16 {
        let line = self.wait_for_line(|line| line.contains("listening on http://127.0.0.1:"));
        line.split_once("listening on http://127.0.0.1:")
            .map(|(_, rest)| rest.chars().take_while(char::is_ascii_digit).collect::<String>())
            .and_then(|digits| digits.parse().ok())
            .expect("a port number after the address")
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
