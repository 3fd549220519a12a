//! A small, real SMTP server that accepts every message and keeps it in memory, so tests can
//! check what the app sent (verification links, reset tokens, …) and simulate a mail server
//! that is down ([`SmtpSink::stop`]) or temporarily refusing mail ([`SmtpSink::set_reject`]).
//!
//! It speaks enough of RFC 5321 for lettre (plain SMTP, no TLS, no AUTH): `EHLO`/`HELO`,
//! `MAIL FROM`, `RCPT TO`, `DATA`, `RSET`, `NOOP` and `QUIT`; anything else gets `502`.

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use mail_parser::{MessageParser, MimeHeaders, PartType};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{Mutex, oneshot, watch};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;

/// The host name the sink announces in its greeting and `EHLO` reply.
const HOST: &str = "gatehouse-smtp-sink";

/// How long [`SmtpSink::start_again`] keeps retrying to bind the port.
const REBIND_TIMEOUT: Duration = Duration::from_secs(2);

/// An in-memory SMTP server on `127.0.0.1` and a random port.
///
/// Cloning is cheap and every clone controls the same server, so a test can keep one while the
/// app under test is configured with [`SmtpSink::port`]. The server stops when the last clone
/// is dropped.
#[derive(Clone)]
pub struct SmtpSink {
    inner: Arc<Inner>,
}

struct Inner {
    port: u16,
    shared: Arc<Shared>,
    /// The accept loop, while the sink is listening.
    running: Mutex<Option<Running>>,
}

/// The state the connection tasks share with the handle.
struct Shared {
    /// Every accepted message, in the order they were queued.
    mails: watch::Sender<Vec<ReceivedMail>>,
    /// Answer `RCPT TO` with a temporary failure.
    reject: AtomicBool,
    /// Milliseconds to wait before confirming a message (it is stored at once).
    hold_ms: std::sync::atomic::AtomicU64,
}

/// A running accept loop. Dropping it (and so `stop`) makes the loop close the listener and
/// every open connection.
struct Running {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl SmtpSink {
    /// Binds `127.0.0.1` on a free port and starts accepting connections.
    ///
    /// Panics if no port can be bound.
    pub async fn start() -> Self {
        let listener = bind(0).expect("SMTP sink: cannot bind 127.0.0.1:0");
        let port = listener
            .local_addr()
            .expect("SMTP sink: listener has no local address")
            .port();
        let shared = Arc::new(Shared {
            mails: watch::Sender::new(Vec::new()),
            reject: AtomicBool::new(false),
            hold_ms: std::sync::atomic::AtomicU64::new(0),
        });
        let running = Running::spawn(listener, Arc::clone(&shared));
        Self {
            inner: Arc::new(Inner {
                port,
                shared,
                running: Mutex::new(Some(running)),
            }),
        }
    }

    /// The port the sink listens on (the same after [`SmtpSink::start_again`]).
    pub fn port(&self) -> u16 {
        self.inner.port
    }

    /// Stops listening: closes the listener and every open connection, so that connecting
    /// afterwards is refused. Messages already accepted are kept. Does nothing if stopped.
    pub async fn stop(&self) {
        let mut running = self.inner.running.lock().await;
        if let Some(Running { stop, task }) = running.take() {
            // The loop also stops when the sender is dropped, so a failed send changes nothing.
            let _ = stop.send(());
            // Wait until the listener and the connections are really closed.
            let _ = task.await;
        }
    }

    /// Listens again on the same port after [`SmtpSink::stop`], retrying for up to two seconds
    /// while the port cannot be bound. Does nothing if the sink is running.
    ///
    /// Panics if the port cannot be bound in time.
    pub async fn start_again(&self) {
        let mut running = self.inner.running.lock().await;
        if running.is_some() {
            return;
        }
        let deadline = Instant::now() + REBIND_TIMEOUT;
        let listener = loop {
            match bind(self.inner.port) {
                Ok(listener) => break listener,
                Err(_) if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(20)).await,
                Err(error) => panic!(
                    "SMTP sink: cannot bind 127.0.0.1:{} again within {REBIND_TIMEOUT:?}: {error}",
                    self.inner.port
                ),
            }
        };
        *running = Some(Running::spawn(listener, Arc::clone(&self.inner.shared)));
    }

    /// While `reject` is true, every `RCPT TO` is answered with `451 4.3.0 try again later`, a
    /// temporary failure, so no message can be accepted.
    pub fn set_reject(&self, reject: bool) {
        self.inner.shared.reject.store(reject, Ordering::SeqCst);
    }

    /// Stores each message at once but waits `hold` before confirming it: the sender's
    /// delivery is then in flight for that long (to fail something in between).
    pub fn set_hold(&self, hold: Duration) {
        let millis = u64::try_from(hold.as_millis()).unwrap_or(u64::MAX);
        self.inner.shared.hold_ms.store(millis, Ordering::SeqCst);
    }

    /// Every message accepted so far, in order.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.inner.shared.mails.borrow().clone()
    }

    /// How many messages were accepted so far.
    pub fn count(&self) -> usize {
        self.inner.shared.mails.borrow().len()
    }

    /// The messages accepted so far whose envelope recipients include `address`
    /// (case-insensitive), in order.
    pub fn mails_to(&self, address: &str) -> Vec<ReceivedMail> {
        self.inner
            .shared
            .mails
            .borrow()
            .iter()
            .filter(|mail| mail.is_to(address))
            .cloned()
            .collect()
    }

    /// Waits until at least `n` messages were accepted and returns all of them.
    ///
    /// Panics after `timeout`, listing the messages that did arrive.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let mut mails = self.inner.shared.mails.subscribe();
        let arrived = async {
            mails
                .wait_for(|mails| mails.len() >= n)
                .await
                .ok()
                .map(|mails| mails.clone())
        };
        match tokio::time::timeout(timeout, arrived).await {
            Ok(Some(mails)) => mails,
            _ => panic!(
                "SMTP sink on port {}: timed out after {timeout:?} waiting for {n} mail(s); {}",
                self.port(),
                self.describe_messages()
            ),
        }
    }

    /// Waits for the first message whose envelope recipients include `address`
    /// (case-insensitive) and returns it.
    ///
    /// Panics after `timeout`, listing the messages that did arrive.
    pub async fn wait_for_mail_to(&self, address: &str, timeout: Duration) -> ReceivedMail {
        let mut mails = self.inner.shared.mails.subscribe();
        let arrived = async {
            let mails = mails
                .wait_for(|mails| mails.iter().any(|mail| mail.is_to(address)))
                .await
                .ok()?;
            mails.iter().find(|mail| mail.is_to(address)).cloned()
        };
        match tokio::time::timeout(timeout, arrived).await {
            Ok(Some(mail)) => mail,
            _ => panic!(
                "SMTP sink on port {}: timed out after {timeout:?} waiting for a mail to {address}; {}",
                self.port(),
                self.describe_messages()
            ),
        }
    }

    /// A summary of the accepted messages, for panic messages.
    fn describe_messages(&self) -> String {
        let mails = self.inner.shared.mails.borrow();
        let mut out = format!("{} arrived", mails.len());
        for (i, mail) in mails.iter().enumerate() {
            out.push_str(&format!(
                "\n  #{}: MAIL FROM:<{}> RCPT TO:{:?} Subject: {:?}",
                i + 1,
                mail.envelope_from,
                mail.envelope_to,
                mail.subject
            ));
        }
        out
    }
}

impl fmt::Debug for SmtpSink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSink")
            .field("port", &self.port())
            .field("count", &self.count())
            .finish_non_exhaustive()
    }
}

/// A listening socket on `127.0.0.1:port` with `SO_REUSEADDR`, so the port can be bound again
/// right after it was closed.
fn bind(port: u16) -> io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port)))?;
    socket.listen(128)
}

impl Running {
    fn spawn(listener: TcpListener, shared: Arc<Shared>) -> Self {
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(accept_loop(listener, shared, stopped));
        Self { stop, task }
    }
}

/// Accepts connections until `stopped` fires (or its sender is dropped), then closes the
/// listener and every open connection.
async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    let mut sessions = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    sessions.spawn(serve(stream, Arc::clone(&shared)));
                }
                // E.g. too many open files: back off a little instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = sessions.join_next(), if !sessions.is_empty() => {}
        }
    }
    drop(listener);
    sessions.shutdown().await;
}

/// One SMTP connection.
async fn serve(stream: TcpStream, shared: Arc<Shared>) -> io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    write
        .write_all(format!("220 {HOST} ESMTP ready\r\n").as_bytes())
        .await?;
    let mut session = Session::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        match session.command(strip_line_end(&line), &shared) {
            Step::Reply(reply) => write.write_all(reply.as_bytes()).await?,
            Step::Quit => {
                write.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            Step::Data => {
                write.write_all(b"354 end data with <CR><LF>.<CR><LF>\r\n").await?;
                let Some(data) = read_data(&mut reader).await? else {
                    return Ok(());
                };
                let reply = session.deliver(&data, &shared);
                let hold = shared.hold_ms.load(Ordering::SeqCst);
                if hold > 0 {
                    tokio::time::sleep(Duration::from_millis(hold)).await;
                }
                write.write_all(reply.as_bytes()).await?;
            }
        }
    }
}

/// What to do after a command.
enum Step {
    /// Send this reply (CRLF-terminated, possibly several lines).
    Reply(String),
    /// Send `354` and read the message.
    Data,
    /// Send `221` and close the connection.
    Quit,
}

fn reply(text: &str) -> Step {
    Step::Reply(format!("{text}\r\n"))
}

/// The state of one SMTP connection.
#[derive(Default)]
struct Session {
    greeted: bool,
    transaction: Option<Envelope>,
}

/// The envelope of the mail transaction in progress.
struct Envelope {
    from: String,
    to: Vec<String>,
}

impl Session {
    fn command(&mut self, line: &[u8], shared: &Shared) -> Step {
        let Ok(line) = std::str::from_utf8(line) else {
            return reply("500 5.5.2 syntax error: command is not UTF-8");
        };
        let (verb, argument) = line.split_once(' ').unwrap_or((line, ""));
        let argument = argument.trim();
        match verb.to_ascii_uppercase().as_str() {
            "EHLO" | "HELO" if argument.is_empty() => reply("501 5.5.4 syntax: EHLO domain"),
            "EHLO" => {
                self.greeted = true;
                self.transaction = None;
                Step::Reply(format!(
                    "250-{HOST} greets {argument}\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n"
                ))
            }
            "HELO" => {
                self.greeted = true;
                self.transaction = None;
                reply(&format!("250 {HOST} greets {argument}"))
            }
            "MAIL" if !self.greeted => reply("503 5.5.1 send EHLO or HELO first"),
            "MAIL" if self.transaction.is_some() => reply("503 5.5.1 nested MAIL command"),
            "MAIL" => match parse_path(argument, "FROM:") {
                Some(from) => {
                    self.transaction = Some(Envelope { from, to: Vec::new() });
                    reply("250 2.1.0 OK")
                }
                None => reply("501 5.5.4 syntax: MAIL FROM:<address>"),
            },
            "RCPT" => match (&mut self.transaction, parse_path(argument, "TO:")) {
                (None, _) => reply("503 5.5.1 need MAIL before RCPT"),
                (Some(_), None) => reply("501 5.5.4 syntax: RCPT TO:<address>"),
                (Some(_), Some(to)) if to.is_empty() => reply("501 5.5.4 syntax: RCPT TO:<address>"),
                (Some(_), Some(_)) if shared.reject.load(Ordering::SeqCst) => reply("451 4.3.0 try again later"),
                (Some(envelope), Some(to)) => {
                    envelope.to.push(to);
                    reply("250 2.1.5 OK")
                }
            },
            "DATA" => match &self.transaction {
                _ if !argument.is_empty() => reply("501 5.5.4 syntax: DATA"),
                None => reply("503 5.5.1 need MAIL before DATA"),
                Some(envelope) if envelope.to.is_empty() => reply("554 5.5.1 no valid recipients"),
                Some(_) => Step::Data,
            },
            "RSET" => {
                self.transaction = None;
                reply("250 2.0.0 OK")
            }
            "NOOP" => reply("250 2.0.0 OK"),
            "QUIT" => Step::Quit,
            "" => reply("500 5.5.2 syntax error: empty command"),
            _ => reply("502 5.5.2 command not recognized"),
        }
    }

    /// Stores the message of the current transaction and returns the reply.
    fn deliver(&mut self, data: &[u8], shared: &Shared) -> String {
        let Some(envelope) = self.transaction.take() else {
            return "503 5.5.1 need MAIL before DATA\r\n".to_owned();
        };
        let mail = ReceivedMail::parse(envelope.from, envelope.to, data);
        let mut id = 0;
        shared.mails.send_modify(|mails| {
            mails.push(mail);
            id = mails.len();
        });
        format!("250 2.0.0 queued as {id}\r\n")
    }
}

/// The address in `FROM:<address> PARAMS` (with `keyword` = `"FROM:"`), without the brackets.
/// `<>` gives an empty address.
fn parse_path(argument: &str, keyword: &str) -> Option<String> {
    let (head, rest) = argument.split_at_checked(keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = rest.trim_start().strip_prefix('<')?;
    let end = rest.find('>')?;
    Some(rest[..end].to_owned())
}

/// The line without its CRLF (or bare LF).
fn strip_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Reads the message after `DATA` up to the line `.`, undoing dot-stuffing. `None` if the
/// connection closed first.
async fn read_data(reader: &mut (impl AsyncBufRead + Unpin)) -> io::Result<Option<Vec<u8>>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        if strip_line_end(&line) == b"." {
            return Ok(Some(data));
        }
        // RFC 5321 §4.5.2: a line starting with a period had one added by the client.
        data.extend_from_slice(line.strip_prefix(b".").unwrap_or(&line));
    }
}

/// A message the sink accepted: its envelope, its raw content and the parsed parts tests
/// usually look at.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    /// The `MAIL FROM` address, without the angle brackets (empty for `<>`).
    pub envelope_from: String,
    /// The accepted `RCPT TO` addresses, without the angle brackets, in order.
    pub envelope_to: Vec<String>,
    /// The message as sent after `DATA` (headers and body, CRLF line ends, dot-stuffing undone).
    pub raw: String,
    /// The decoded `Subject` header (empty if missing).
    pub subject: String,
    /// The address of the `From` header (empty if missing).
    pub from: String,
    /// The addresses of the `To` header.
    pub to: Vec<String>,
    /// The `Message-ID` header, without the angle brackets.
    pub message_id: Option<String>,
    /// The decoded text/plain body (empty if the message has none).
    pub text: String,
    /// The decoded text/html body, if the message has one.
    pub html: Option<String>,
    /// Whether the top-level `Content-Type` is `multipart/alternative`.
    pub is_multipart_alternative: bool,
}

impl ReceivedMail {
    fn parse(envelope_from: String, envelope_to: Vec<String>, data: &[u8]) -> Self {
        let raw = String::from_utf8_lossy(data).into_owned();
        let mut mail = Self {
            envelope_from,
            envelope_to,
            raw,
            subject: String::new(),
            from: String::new(),
            to: Vec::new(),
            message_id: None,
            text: String::new(),
            html: None,
            is_multipart_alternative: false,
        };
        let Some(message) = MessageParser::default().parse(data) else {
            return mail;
        };
        mail.subject = message.subject().unwrap_or_default().to_owned();
        mail.from = message
            .from()
            .and_then(|from| from.first())
            .and_then(|from| from.address())
            .unwrap_or_default()
            .to_owned();
        mail.to = message
            .to()
            .map(|to| to.iter().filter_map(|to| to.address()).map(str::to_owned).collect())
            .unwrap_or_default();
        mail.message_id = message.message_id().map(str::to_owned);
        mail.text = message
            .text_bodies()
            .find_map(|part| match &part.body {
                PartType::Text(text) => Some(text.to_string()),
                _ => None,
            })
            .unwrap_or_default();
        mail.html = message.html_bodies().find_map(|part| match &part.body {
            PartType::Html(html) => Some(html.to_string()),
            _ => None,
        });
        mail.is_multipart_alternative = message.content_type().is_some_and(|content_type| {
            content_type.ctype().eq_ignore_ascii_case("multipart")
                && content_type
                    .subtype()
                    .is_some_and(|subtype| subtype.eq_ignore_ascii_case("alternative"))
        });
        mail
    }

    /// Whether the envelope recipients include `address` (case-insensitive).
    fn is_to(&self, address: &str) -> bool {
        self.envelope_to.iter().any(|to| to.eq_ignore_ascii_case(address))
    }

    /// The first `http://` or `https://` URL in the text body whose path contains `path`.
    ///
    /// A URL runs up to whitespace or a character never allowed in URLs (`<>"` …); trailing
    /// punctuation (`.,;:!?)]'`) is dropped. Panics with the body if there is no such link.
    pub fn link_with(&self, path: &str) -> String {
        urls(&self.text)
            .find(|url| url_path(url).contains(path))
            .map(str::to_owned)
            .unwrap_or_else(|| {
                panic!(
                    "no link whose path contains {path:?} in the text body of the mail {:?} to {:?}:\n{}",
                    self.subject, self.envelope_to, self.text
                )
            })
    }

    /// The `token` query parameter of [`ReceivedMail::link_with`]`(path)`, percent-decoded.
    ///
    /// Panics if there is no such link or it has no `token` parameter.
    pub fn token_from_link(&self, path: &str) -> String {
        let link = self.link_with(path);
        query_param(&link, "token").unwrap_or_else(|| panic!("the link {link} has no token query parameter"))
    }
}

/// The `http(s)://` URLs in `text`, in order.
fn urls(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().filter_map(|word| {
        let start = word.match_indices("http").map(|(i, _)| i).find(|&i| {
            let rest = &word[i..];
            rest.starts_with("http://") || rest.starts_with("https://")
        })?;
        let url = &word[start..];
        let end = url
            .find(['"', '<', '>', '`', '{', '}', '|', '\\', '^'])
            .unwrap_or(url.len());
        Some(url[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']))
    })
}

/// The path of an absolute URL (empty if it has none).
fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let Some(path_start) = after_scheme.find('/') else {
        return "";
    };
    let authority_end = after_scheme.find(['?', '#']).unwrap_or(after_scheme.len());
    if authority_end < path_start {
        return "";
    }
    let path = &after_scheme[path_start..];
    path.find(['?', '#']).map_or(path, |end| &path[..end])
}

/// The percent-decoded value of the query parameter `name` in `url`.
fn query_param(url: &str, name: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    let query = query.split_once('#').map_or(query, |(query, _)| query);
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(key) == name).then(|| percent_decode(value))
    })
}

/// Decodes `%XX` escapes; anything else (including `+`, which base64 tokens may contain) is kept.
fn percent_decode(text: &str) -> String {
    fn hex(byte: Option<&u8>) -> Option<u8> {
        char::from(*byte?)
            .to_digit(16)
            .and_then(|digit| u8::try_from(digit).ok())
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2)))
        {
            out.push((high << 4) | low);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;
    use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

    const TIMEOUT: Duration = Duration::from_secs(5);

    /// The verification mail as it goes over the wire: CRLF line ends, dot-stuffed, quoted-printable
    /// text part with a soft line break inside the link.
    const VERIFY_MAIL: &[&str] = &[
        "From: Gatehouse <no-reply@gatehouse.test>",
        "To: Alice Example <alice@example.com>, bob@example.com",
        "Subject: =?utf-8?q?V=C3=A9rifiez_your_email?=",
        "Message-ID: <0123.abc@gatehouse.test>",
        "MIME-Version: 1.0",
        "Content-Type: multipart/alternative; boundary=\"b1\"",
        "",
        "--b1",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "Hello Alice,",
        "",
        "Home: https://gatehouse.test/ (help: https://gatehouse.test/help).",
        "Confirm your address: http://localhost:3000/verify-em=",
        "ail?token=3Dabc_DEF-123",
        "..signature starts with a dot",
        "..",
        "--b1",
        "Content-Type: text/html; charset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "",
        "<p>Confirm: <a href=3D\"http://localhost:3000/verify-email?token=3Dabc_DEF-123\">link</a></p>",
        "--b1--",
        ".",
    ];

    /// A raw SMTP client.
    struct Client {
        reader: BufReader<OwnedReadHalf>,
        writer: OwnedWriteHalf,
    }

    impl Client {
        /// Connects and checks the `220` greeting.
        async fn connect(port: u16) -> Self {
            let stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port))
                .await
                .expect("connect to the sink");
            let (read, writer) = stream.into_split();
            let mut client = Self {
                reader: BufReader::new(read),
                writer,
            };
            let greeting = client.reply().await;
            assert!(greeting.starts_with("220 "), "greeting: {greeting:?}");
            client
        }

        /// Reads one (possibly multi-line) reply.
        async fn reply(&mut self) -> String {
            let mut reply = String::new();
            loop {
                let mut line = String::new();
                let read = tokio::time::timeout(TIMEOUT, self.reader.read_line(&mut line))
                    .await
                    .expect("reply in time")
                    .expect("read a reply");
                assert!(read > 0, "connection closed; reply so far: {reply:?}");
                assert!(line.ends_with("\r\n"), "reply line without CRLF: {line:?}");
                reply.push_str(&line);
                if line.as_bytes().get(3) != Some(&b'-') {
                    return reply;
                }
            }
        }

        async fn send(&mut self, text: &str) {
            self.writer.write_all(text.as_bytes()).await.expect("write to the sink");
        }

        /// Sends one command and returns the reply.
        async fn command(&mut self, line: &str) -> String {
            self.send(&format!("{line}\r\n")).await;
            self.reply().await
        }

        /// Whether the server closed the connection (EOF or reset) within the timeout.
        async fn is_closed(&mut self) -> bool {
            let mut buf = [0; 64];
            matches!(
                tokio::time::timeout(TIMEOUT, self.reader.read(&mut buf)).await,
                Ok(Ok(0) | Err(_))
            )
        }
    }

    /// Sends a whole message and returns the final reply.
    async fn deliver(port: u16, from: &str, to: &[&str], lines: &[&str]) -> String {
        let mut client = Client::connect(port).await;
        assert!(client.command("EHLO client.test").await.starts_with("250"));
        assert!(
            client
                .command(&format!("MAIL FROM:<{from}> BODY=8BITMIME"))
                .await
                .starts_with("250 ")
        );
        for to in to {
            let reply = client.command(&format!("RCPT TO:<{to}>")).await;
            assert!(reply.starts_with("250 "), "RCPT reply: {reply:?}");
        }
        assert!(client.command("DATA").await.starts_with("354 "));
        client
            .send(&lines.iter().map(|line| format!("{line}\r\n")).collect::<String>())
            .await;
        let queued = client.reply().await;
        assert!(client.command("QUIT").await.starts_with("221 "));
        queued
    }

    fn simple_mail(subject: &str) -> Vec<String> {
        vec![
            format!("Subject: {subject}"),
            String::new(),
            "body".to_owned(),
            ".".to_owned(),
        ]
    }

    #[tokio::test]
    async fn accepts_and_parses_a_multipart_message() {
        let sink = SmtpSink::start().await;
        let mut client = Client::connect(sink.port()).await;
        let ehlo = client.command("EHLO client.test").await;
        assert!(ehlo.starts_with("250-"), "{ehlo:?}");
        assert!(
            ehlo.contains("250-8BITMIME\r\n") && ehlo.contains("SMTPUTF8\r\n"),
            "{ehlo:?}"
        );
        assert!(
            ehlo.lines().last().is_some_and(|line| line.starts_with("250 ")),
            "{ehlo:?}"
        );
        assert_eq!(
            client
                .command("MAIL FROM:<no-reply@gatehouse.test> BODY=8BITMIME SMTPUTF8")
                .await,
            "250 2.1.0 OK\r\n"
        );
        assert_eq!(client.command("rcpt to:<Alice@Example.com>").await, "250 2.1.5 OK\r\n");
        assert_eq!(client.command("RCPT TO:<bob@example.com>").await, "250 2.1.5 OK\r\n");
        assert!(client.command("DATA").await.starts_with("354 "));
        client
            .send(&VERIFY_MAIL.iter().map(|line| format!("{line}\r\n")).collect::<String>())
            .await;
        assert_eq!(client.reply().await, "250 2.0.0 queued as 1\r\n");
        assert_eq!(client.command("QUIT").await, "221 2.0.0 bye\r\n");
        assert!(client.is_closed().await);

        let mail = sink.wait_for_mail_to("alice@example.com", TIMEOUT).await;
        assert_eq!(mail.envelope_from, "no-reply@gatehouse.test");
        assert_eq!(mail.envelope_to, ["Alice@Example.com", "bob@example.com"]);
        assert_eq!(mail.subject, "Vérifiez your email");
        assert_eq!(mail.from, "no-reply@gatehouse.test");
        assert_eq!(mail.to, ["alice@example.com", "bob@example.com"]);
        assert_eq!(mail.message_id.as_deref(), Some("0123.abc@gatehouse.test"));
        assert!(mail.is_multipart_alternative);
        assert!(
            mail.raw.starts_with("From: Gatehouse <no-reply@gatehouse.test>\r\n"),
            "{:?}",
            mail.raw
        );
        assert!(
            mail.raw.contains("\r\n.signature starts with a dot\r\n.\r\n--b1\r\n"),
            "{:?}",
            mail.raw
        );
        assert!(!mail.raw.contains(".."), "{:?}", mail.raw);
        assert!(mail.raw.ends_with("--b1--\r\n"), "{:?}", mail.raw);
        assert!(
            mail.text
                .contains("Confirm your address: http://localhost:3000/verify-email?token=abc_DEF-123")
        );
        assert!(mail.text.contains(".signature starts with a dot"), "{:?}", mail.text);
        let html = mail.html.as_deref().expect("an HTML part");
        assert!(
            html.contains("href=\"http://localhost:3000/verify-email?token=abc_DEF-123\""),
            "{html:?}"
        );

        assert_eq!(
            mail.link_with("/verify-email"),
            "http://localhost:3000/verify-email?token=abc_DEF-123"
        );
        assert_eq!(mail.token_from_link("/verify-email"), "abc_DEF-123");
        assert_eq!(mail.link_with("/help"), "https://gatehouse.test/help");

        assert_eq!(sink.count(), 1);
        assert_eq!(sink.wait_for(1, TIMEOUT).await.len(), 1);
        assert_eq!(sink.mails_to("BOB@example.com").len(), 1);
        assert!(sink.mails_to("carol@example.com").is_empty());
    }

    #[tokio::test]
    async fn enforces_the_command_sequence_and_supports_pipelining() {
        let sink = SmtpSink::start().await;
        let mut client = Client::connect(sink.port()).await;
        assert!(client.command("MAIL FROM:<a@example.com>").await.starts_with("503 "));
        assert!(client.command("HELO client.test").await.starts_with("250 "));
        assert!(client.command("RCPT TO:<b@example.com>").await.starts_with("503 "));
        assert!(client.command("DATA").await.starts_with("503 "));
        assert_eq!(
            client.command("VRFY b@example.com").await,
            "502 5.5.2 command not recognized\r\n"
        );
        assert!(client.command("").await.starts_with("500 "));
        assert_eq!(client.command("NOOP").await, "250 2.0.0 OK\r\n");
        assert!(client.command("MAIL FROM:a@example.com").await.starts_with("501 "));
        assert!(client.command("MAIL FROM:<a@example.com>").await.starts_with("250 "));
        assert!(client.command("MAIL FROM:<a@example.com>").await.starts_with("503 "));
        assert!(client.command("DATA").await.starts_with("554 "));
        assert_eq!(client.command("RSET").await, "250 2.0.0 OK\r\n");

        client.send("MAIL FROM:<>\r\nRCPT TO:<x@example.com>\r\nDATA\r\n").await;
        assert!(client.reply().await.starts_with("250 "));
        assert!(client.reply().await.starts_with("250 "));
        assert!(client.reply().await.starts_with("354 "));
        client.send("Subject: pipelined\r\n\r\nbody\r\n.\r\n").await;
        assert_eq!(client.reply().await, "250 2.0.0 queued as 1\r\n");

        let mail = sink.wait_for_mail_to("X@EXAMPLE.COM", TIMEOUT).await;
        assert_eq!(mail.envelope_from, "");
        assert_eq!(mail.subject, "pipelined");
        assert_eq!(mail.text.trim_end(), "body");
        assert!(!mail.is_multipart_alternative);
        assert_eq!(mail.html, None);
    }

    #[tokio::test]
    async fn stop_refuses_connections_and_start_again_reuses_the_port() {
        let sink = SmtpSink::start().await;
        let port = sink.port();
        let first = simple_mail("first");
        let first: Vec<&str> = first.iter().map(String::as_str).collect();
        assert_eq!(
            deliver(port, "a@example.com", &["b@example.com"], &first).await,
            "250 2.0.0 queued as 1\r\n"
        );

        let mut idle = Client::connect(port).await;
        sink.stop().await;
        let refused = TcpStream::connect((Ipv4Addr::LOCALHOST, port))
            .await
            .expect_err("the sink is stopped");
        assert_eq!(refused.kind(), io::ErrorKind::ConnectionRefused);
        assert!(idle.is_closed().await, "open connections are closed by stop()");
        sink.stop().await;

        let held = sink.clone();
        held.start_again().await;
        assert_eq!(held.port(), port);
        let second = simple_mail("second");
        let second: Vec<&str> = second.iter().map(String::as_str).collect();
        assert_eq!(
            deliver(port, "a@example.com", &["c@example.com"], &second).await,
            "250 2.0.0 queued as 2\r\n"
        );
        let mails = sink.wait_for(2, TIMEOUT).await;
        let subjects: Vec<&str> = mails.iter().map(|mail| mail.subject.as_str()).collect();
        assert_eq!(subjects, ["first", "second"]);
    }

    #[tokio::test]
    async fn set_reject_answers_rcpt_with_a_temporary_failure() {
        let sink = SmtpSink::start().await;
        sink.set_reject(true);
        let mut client = Client::connect(sink.port()).await;
        assert!(client.command("EHLO client.test").await.starts_with("250"));
        assert!(client.command("MAIL FROM:<a@example.com>").await.starts_with("250 "));
        assert_eq!(
            client.command("RCPT TO:<b@example.com>").await,
            "451 4.3.0 try again later\r\n"
        );
        assert!(client.command("DATA").await.starts_with("554 "));
        assert!(client.command("RSET").await.starts_with("250 "));

        sink.set_reject(false);
        assert!(client.command("MAIL FROM:<a@example.com>").await.starts_with("250 "));
        assert!(client.command("RCPT TO:<b@example.com>").await.starts_with("250 "));
        assert!(client.command("DATA").await.starts_with("354 "));
        client.send("Subject: accepted\r\n\r\nbody\r\n.\r\n").await;
        assert_eq!(client.reply().await, "250 2.0.0 queued as 1\r\n");
        assert_eq!(sink.wait_for(1, TIMEOUT).await[0].subject, "accepted");
        assert_eq!(sink.count(), 1);
    }

    #[tokio::test]
    #[should_panic(expected = "waiting for 1 mail(s); 0 arrived")]
    async fn wait_for_panics_on_timeout() {
        let sink = SmtpSink::start().await;
        sink.wait_for(1, Duration::from_millis(50)).await;
    }

    #[tokio::test]
    #[should_panic(expected = "waiting for a mail to b@example.com; 1 arrived")]
    async fn wait_for_mail_to_panics_on_timeout() {
        let sink = SmtpSink::start().await;
        let mail = simple_mail("other");
        let mail: Vec<&str> = mail.iter().map(String::as_str).collect();
        deliver(sink.port(), "a@example.com", &["c@example.com"], &mail).await;
        sink.wait_for_mail_to("b@example.com", Duration::from_millis(50)).await;
    }

    fn plain_mail(body: &str) -> ReceivedMail {
        let raw = format!("Subject: plain\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");
        ReceivedMail::parse(
            "a@example.com".to_owned(),
            vec!["b@example.com".to_owned()],
            raw.as_bytes(),
        )
    }

    #[test]
    fn token_from_link_decodes_percent_escapes() {
        let mail = plain_mail(
            "Reset: <https://app.test/reset-password?x=1&token=a%2Fb+c%3D%3D#top>.\r\nOther: https://app.test/x?token=no",
        );
        assert_eq!(
            mail.link_with("reset-password"),
            "https://app.test/reset-password?x=1&token=a%2Fb+c%3D%3D#top"
        );
        assert_eq!(mail.token_from_link("/reset-password"), "a/b+c==");
        assert_eq!(mail.html, None);
        assert!(!mail.is_multipart_alternative);
    }

    #[test]
    fn link_with_matches_the_path_only() {
        let mail = plain_mail("See https://verify-email.test/home?next=/verify-email and http://host/verify-email");
        assert_eq!(mail.link_with("/verify-email"), "http://host/verify-email");
    }

    #[test]
    #[should_panic(expected = "no link whose path contains \"/verify-email\"")]
    fn link_with_panics_without_a_matching_link() {
        plain_mail("Go to https://app.test/reset-password?token=x").link_with("/verify-email");
    }

    #[test]
    #[should_panic(expected = "has no token query parameter")]
    fn token_from_link_panics_without_a_token() {
        plain_mail("Go to https://app.test/verify-email?code=x").token_from_link("/verify-email");
    }
}
