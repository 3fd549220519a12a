//! Raw HTTP/1.1 over TCP, for requests no HTTP client will send (absolute-form targets,
//! duplicate headers, slow or silent clients), and the server's captured warnings.

use std::{
    io::Write,
    sync::{Mutex, OnceLock},
    time::{Duration, Instant},
};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

/// A response read off the wire.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    /// Header names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl RawResponse {
    /// The first value of header `name` (lower case), if any.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The `code` of a problem+json body; panics when the body is not one.
    pub fn problem_code(&self) -> String {
        assert!(
            self.header("content-type")
                .is_some_and(|t| t.starts_with("application/problem+json")),
            "expected a problem+json response, got {self:?}"
        );
        let problem: serde_json::Value = serde_json::from_str(&self.body).expect("a JSON problem");
        problem["code"].as_str().expect("a problem code").to_owned()
    }
}

/// Opens a TCP connection to the server on `port`.
pub async fn connect(port: u16) -> TcpStream {
    TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("the server accepts")
}

/// Sends `request` as is (it should say `Connection: close`) and reads the whole response.
pub async fn raw_request(port: u16, request: &str) -> RawResponse {
    let mut stream = connect(port).await;
    stream.write_all(request.as_bytes()).await.expect("the request is sent");
    let mut bytes = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut bytes))
        .await
        .expect("the server answers and closes within 10 s")
        .expect("the response is readable");
    parse(&bytes)
}

/// Parses one response (head and body up to the end of `bytes`).
pub fn parse(bytes: &[u8]) -> RawResponse {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {text:?}"));
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    RawResponse {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// Waits until the server closes `stream` (end of file or reset), reading and dropping what
/// it sends; returns how long that took, or `None` when it is still open after `limit`.
pub async fn time_until_closed(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout_at((started + limit).into(), stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
        }
    }
}

static CAPTURED: OnceLock<Mutex<Vec<u8>>> = OnceLock::new();

/// Where the test subscriber writes the server's warnings about connections.
pub(crate) struct Capture;

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let lines = CAPTURED.get_or_init(Default::default);
        lines.lock().unwrap_or_else(|e| e.into_inner()).extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The captured warning lines of the listener (`gatehouse::http::server`) that contain `needle`.
pub fn captured_warnings(needle: &str) -> Vec<String> {
    let lines = CAPTURED.get_or_init(Default::default);
    let text = String::from_utf8_lossy(&lines.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
    text.lines().filter(|l| l.contains(needle)).map(str::to_owned).collect()
}
