//! The fixed pool of threads that run argon2, each reusing one working buffer.

use std::time::{Duration, Instant};

use anyhow::Context;
use argon2::Block;
use tokio::sync::oneshot;

use crate::services::platform::metrics;

type Job = Box<dyn FnOnce(&mut Memory) + Send>;

/// One hashing thread's argon2 working memory, grown on demand and then reused.
pub struct Memory(Vec<Block>);

impl Memory {
    /// The first `blocks` blocks, growing the buffer if needed.
    pub fn get(&mut self, blocks: usize) -> &mut [Block] {
        if self.0.len() < blocks {
            self.0.resize(blocks, Block::default());
        }
        &mut self.0[..blocks]
    }
}

/// A fixed set of threads fed by a queue; they stop when the last handle is dropped. A thread
/// that has had nothing to do for [`IDLE_RELEASE`] frees its working memory, so the process
/// holds argon2 memory only while logins are actually coming in.
pub struct HashPool {
    jobs: flume::Sender<Job>,
}

const IDLE_RELEASE: Duration = Duration::from_secs(2);

impl HashPool {
    /// Starts `threads` hashing threads.
    pub fn start(threads: usize) -> anyhow::Result<Self> {
        map_large_blocks_directly();
        let (sender, receiver) = flume::unbounded::<Job>();
        for i in 0..threads {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    let mut memory = Memory(Vec::new());
                    loop {
                        match receiver.recv_timeout(IDLE_RELEASE) {
                            Ok(job) => job(&mut memory),
                            Err(flume::RecvTimeoutError::Timeout) if !memory.0.is_empty() => {
                                memory = Memory(Vec::new());
                            }
                            Err(flume::RecvTimeoutError::Timeout) => {}
                            Err(flume::RecvTimeoutError::Disconnected) => return,
                        }
                    }
                })
                .context("starting a password hashing thread")?;
        }
        Ok(Self { jobs: sender })
    }

    /// Runs `work` on a hashing thread with that thread's memory.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> anyhow::Result<T> {
        let (done, result) = oneshot::channel();
        let span = tracing::info_span!("password_hash");
        let queued = Instant::now();
        let job: Job = Box::new(move |memory| {
            let started = Instant::now();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| span.in_scope(|| work(memory))));
            metrics::password_hash(started - queued, started.elapsed());
            let _ = done.send(outcome.map_err(|_| anyhow::anyhow!("password hashing panicked")));
        });
        self.jobs
            .send(job)
            .map_err(|_| anyhow::anyhow!("password hashing threads stopped"))?;
        result.await.context("password hashing thread dropped the job")?
    }
}

/// Makes glibc serve large blocks (the argon2 buffers) straight from mmap, so dropping one
/// unmaps it. By default glibc raises its mmap threshold to the size of the first such block
/// freed and then keeps later ones in its arenas, where the process would stay at its peak.
fn map_large_blocks_directly() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes an allocator tunable; setting M_MMAP_THRESHOLD explicitly
    // also turns off its dynamic adjustment. It touches no live allocation.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    }
}
