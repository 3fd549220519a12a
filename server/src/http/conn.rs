//! One client connection as the listener sees it: when bytes last moved, whether a request
//! is in flight, and since when a request head is awaited — what the watchdog of
//! [`super::server`] needs to close slow and idle connections.

use std::{
    io,
    pin::Pin,
    sync::{
        Arc,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    task::{Context, Poll},
    time::{Duration, Instant},
};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

const NONE: u64 = u64::MAX;

/// What the watchdog should do with a connection now.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Look again after this long.
    Wait(Duration),
    /// A request head has been awaited longer than the header-read timeout.
    SlowHead,
    /// No request in flight and no byte moved for the keep-alive timeout.
    Idle,
}

/// Activity of one connection, shared by its reader/writer, its service and its watchdog.
#[derive(Debug)]
pub struct Activity {
    origin: Instant,
    last_active_ms: AtomicU64,
    // When the wait for the current request head began (NONE: no head awaited). The first
    // request's wait begins at accept: a client that sends nothing is a slow head too.
    head_since_ms: AtomicU64,
    in_flight: AtomicUsize,
}

impl Activity {
    /// A connection accepted now.
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            origin: Instant::now(),
            last_active_ms: AtomicU64::new(0),
            head_since_ms: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
        })
    }

    fn now_ms(&self) -> u64 {
        self.origin.elapsed().as_millis() as u64
    }

    // HTTP/1 only: with HTTP/2, frames between requests (PING, WINDOW_UPDATE) are no heads.
    fn on_read(&self) {
        let now = self.now_ms();
        self.last_active_ms.store(now, Ordering::Relaxed);
        if self.in_flight.load(Ordering::Acquire) == 0 {
            // The first byte of the next request: its head must follow in time.
            let _ = self
                .head_since_ms
                .compare_exchange(NONE, now, Ordering::AcqRel, Ordering::Relaxed);
        }
    }

    fn on_write(&self) {
        self.last_active_ms.store(self.now_ms(), Ordering::Relaxed);
    }

    /// Marks a request as in flight until the returned guard is dropped.
    pub fn request(self: &Arc<Self>) -> InFlight {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        self.head_since_ms.store(NONE, Ordering::Release);
        InFlight(self.clone())
    }

    /// What to do now, given the two timeouts.
    pub fn verdict(&self, header_read: Duration, keep_alive: Duration) -> Verdict {
        // Look often enough to notice a head that starts while we sleep.
        let tick = (header_read / 4).max(Duration::from_millis(20));
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return Verdict::Wait(tick);
        }
        let now = self.now_ms();
        let head_since = self.head_since_ms.load(Ordering::Acquire);
        if head_since != NONE {
            let waited = Duration::from_millis(now.saturating_sub(head_since));
            return match header_read.checked_sub(waited) {
                Some(left) if !left.is_zero() => Verdict::Wait(left.min(tick)),
                _ => Verdict::SlowHead,
            };
        }
        let idle = Duration::from_millis(now.saturating_sub(self.last_active_ms.load(Ordering::Relaxed)));
        match keep_alive.checked_sub(idle) {
            Some(left) if !left.is_zero() => Verdict::Wait(left.min(tick)),
            _ => Verdict::Idle,
        }
    }
}

/// A request in flight on its connection; dropping it ends the request.
pub struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.on_write();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A stream that reports its reads and writes to an [`Activity`].
pub struct Tracked<S> {
    inner: S,
    activity: Arc<Activity>,
}

impl<S> Tracked<S> {
    /// Wraps `inner`.
    pub fn new(inner: S, activity: Arc<Activity>) -> Self {
        Self { inner, activity }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Tracked<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = result
            && buf.filled().len() > before
        {
            self.activity.on_read();
        }
        result
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Tracked<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = result
            && n > 0
        {
            self.activity.on_write();
        }
        result
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if let Poll::Ready(Ok(n)) = result
            && n > 0
        {
            self.activity.on_write();
        }
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: Duration = Duration::from_millis(200);
    const IDLE: Duration = Duration::from_millis(400);

    #[test]
    fn a_silent_connection_is_a_slow_head() {
        let activity = Activity::new();
        assert!(matches!(activity.verdict(HEAD, IDLE), Verdict::Wait(_)));
        std::thread::sleep(HEAD + Duration::from_millis(20));
        assert_eq!(activity.verdict(HEAD, IDLE), Verdict::SlowHead);
    }

    #[test]
    fn after_a_request_the_connection_idles_until_the_keep_alive_timeout() {
        let activity = Activity::new();
        activity.on_read();
        drop(activity.request());
        std::thread::sleep(HEAD + Duration::from_millis(20));
        assert!(
            matches!(activity.verdict(HEAD, IDLE), Verdict::Wait(_)),
            "idle, not slow"
        );
        std::thread::sleep(IDLE - HEAD);
        assert_eq!(activity.verdict(HEAD, IDLE), Verdict::Idle);
    }
}
