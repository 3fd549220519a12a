//! A private `redis-server` on a port of its own, for tests that stop and restart Redis. The
//! machine's shared Redis (`TEST_REDIS_URL`) is never stopped or flushed.

use std::{
    io::{Read, Write},
    net::TcpStream,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use crate::unused_port;

/// A `redis-server` child process without persistence; killed when dropped.
pub struct PrivateRedis {
    port: u16,
    child: Option<Child>,
}

impl PrivateRedis {
    /// Starts one on a free port; `None` (with a message) when `redis-server` is not installed.
    pub fn start() -> Option<Self> {
        let mut redis = Self {
            port: unused_port(),
            child: None,
        };
        if let Err(e) = redis.spawn() {
            eprintln!("skipping: cannot run redis-server ({e}); install it to run this test");
            return None;
        }
        Some(redis)
    }

    /// `redis://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Kills the server (SIGKILL: as abrupt as a crash) and waits until the port is closed.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while ping(self.port) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Starts the server again on the same port (empty: nothing was persisted).
    pub fn restart(&mut self) {
        self.kill();
        self.spawn().expect("redis-server starts again on its port");
    }

    fn spawn(&mut self) -> std::io::Result<()> {
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !ping(self.port) {
            if Instant::now() > deadline {
                return Err(std::io::Error::other("redis-server did not answer PING within 10 s"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Whether a Redis on `port` answers `PING`.
fn ping(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_millis(200)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut reply = [0u8; 7];
    stream.write_all(b"PING\r\n").is_ok() && stream.read_exact(&mut reply).is_ok() && &reply == b"+PONG\r\n"
}

/// The Redis to share between instances: `TEST_REDIS_URL` when set, else a private server
/// (kept alive by the returned handle); `None` when neither is available.
pub fn shared_redis_url() -> Option<(String, Option<PrivateRedis>)> {
    if let Some(url) = std::env::var("TEST_REDIS_URL").ok().filter(|u| !u.is_empty()) {
        return Some((url, None));
    }
    let private = PrivateRedis::start()?;
    Some((private.url(), Some(private)))
}
