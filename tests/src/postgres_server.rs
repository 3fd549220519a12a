//! A private PostgreSQL cluster (`initdb` + `pg_ctl`) on a port of its own, for tests that
//! stop and restart the database. The machine's shared PostgreSQL is never touched.

use std::{
    net::TcpStream,
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use uuid::Uuid;

use crate::unused_port;

/// A cluster in a temporary folder, run as the `postgres` system user when the tests run as
/// root (PostgreSQL refuses root); stopped and removed when dropped.
pub struct PrivatePostgres {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl PrivatePostgres {
    /// Creates and starts one on a free port; `None` (with a message) when the PostgreSQL
    /// server programs are not installed.
    pub fn start() -> Option<Self> {
        let Some(bin) = server_bin_dir() else {
            eprintln!("skipping: initdb and pg_ctl not found; install PostgreSQL to run this test");
            return None;
        };
        let dir = std::env::temp_dir().join(format!("gatehouse-pg-{}", Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).expect("create the cluster folder");
        let as_postgres = running_as_root();
        let postgres = Self {
            dir,
            bin,
            port: unused_port(),
            as_postgres,
        };
        if as_postgres {
            let chown = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&postgres.dir)
                .status();
            assert!(chown.is_ok_and(|s| s.success()), "chown the cluster folder to postgres");
        }
        let data = postgres.data();
        let init = postgres
            .command("initdb")
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(&data)
            .stdout(Stdio::null())
            .status()
            .expect("run initdb");
        assert!(init.success(), "initdb failed");
        postgres.run_server();
        Some(postgres)
    }

    /// `postgres://postgres@127.0.0.1:PORT/postgres`.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres?sslmode=disable", self.port)
    }

    /// Stops the server at once (`pg_ctl stop -m immediate`: like a crash, connections cut).
    pub fn stop(&self) {
        let status = self
            .command("pg_ctl")
            .args(["stop", "-m", "immediate", "-w", "-D"])
            .arg(self.data())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run pg_ctl stop");
        assert!(status.success(), "pg_ctl stop failed");
    }

    /// Starts the stopped server again on the same port and data.
    pub fn start_again(&self) {
        self.run_server();
    }

    fn run_server(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories={} -c fsync=off",
            self.port,
            self.dir.display()
        );
        let status = self
            .command("pg_ctl")
            .args(["start", "-w", "-t", "30", "-o", &options, "-l"])
            .arg(self.dir.join("server.log"))
            .arg("-D")
            .arg(self.data())
            .stdout(Stdio::null())
            .status()
            .expect("run pg_ctl start");
        assert!(
            status.success(),
            "pg_ctl start failed; see {}",
            self.dir.join("server.log").display()
        );
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "PostgreSQL did not listen on {}", self.port);
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .args(["stop", "-m", "immediate", "-D"])
            .arg(self.data())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The folder of `initdb` and `pg_ctl`: Debian's versioned one, else the `PATH`.
fn server_bin_dir() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|versions| versions.filter_map(Result::ok).map(|v| v.path().join("bin")).collect())
        .unwrap_or_default();
    candidates.sort();
    candidates.reverse();
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path));
    }
    candidates
        .into_iter()
        .find(|dir| has(dir, "initdb") && has(dir, "pg_ctl"))
}

fn has(dir: &Path, program: &str) -> bool {
    dir.join(program).is_file()
}

fn running_as_root() -> bool {
    // PostgreSQL refuses to run as root; `id -u` says who we are without unsafe code.
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
