//! The fixed pool of threads that run argon2, each reusing one working buffer.

use std::time::{Duration, Instant};

use anyhow::Context;
use argon2::Block;
use tokio::sync::oneshot;

use crate::services::platform::metrics;

type Job = Box<dyn FnOnce(&mut Memory) + Send>;

/// One hashing thread's argon2 working memory, grown on demand and then reused. It is mapped
/// straight from the kernel rather than taken from the allocator, so that dropping it returns
/// every page at once, whatever the allocator would keep cached.
#[derive(Default)]
pub struct Memory(Option<Mapping>);

impl Memory {
    /// The first `blocks` blocks (zeroed when first mapped), growing the buffer if needed.
    pub fn get(&mut self, blocks: usize) -> anyhow::Result<&mut [Block]> {
        if self.0.as_ref().is_none_or(|m| m.blocks < blocks) {
            self.0 = None;
            self.0 = Some(Mapping::new(blocks)?);
        }
        match self.0.as_mut() {
            Some(mapping) => Ok(&mut mapping.as_mut_slice()[..blocks]),
            None => anyhow::bail!("argon2 memory is not mapped"),
        }
    }

    /// Whether a buffer is held.
    fn is_held(&self) -> bool {
        self.0.is_some()
    }
}

/// An anonymous private mapping holding `blocks` argon2 blocks.
struct Mapping {
    pointer: std::ptr::NonNull<Block>,
    blocks: usize,
}

// SAFETY: the mapping is owned by one `Memory`, used by one thread at a time.
unsafe impl Send for Mapping {}

impl Mapping {
    fn new(blocks: usize) -> anyhow::Result<Self> {
        let length = Self::length(blocks)?;
        // SAFETY: a fresh anonymous mapping that aliases nothing; the result is checked.
        let address = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                length,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if address == libc::MAP_FAILED {
            anyhow::bail!(
                "mapping {length} bytes of argon2 memory: {}",
                std::io::Error::last_os_error()
            );
        }
        let pointer = std::ptr::NonNull::new(address.cast::<Block>()).context("mmap returned null")?;
        Ok(Self { pointer, blocks })
    }

    fn length(blocks: usize) -> anyhow::Result<usize> {
        blocks
            .checked_mul(std::mem::size_of::<Block>())
            .filter(|&length| length > 0)
            .context("argon2 memory size")
    }

    fn as_mut_slice(&mut self) -> &mut [Block] {
        // SAFETY: the mapping is page-aligned (more than `Block`'s alignment), `blocks` blocks
        // long, zero-filled by the kernel (a valid `Block`: plain integers), and borrowed
        // mutably through `self` only.
        unsafe { std::slice::from_raw_parts_mut(self.pointer.as_ptr(), self.blocks) }
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        if let Ok(length) = Self::length(self.blocks) {
            // SAFETY: unmaps exactly the mapping created in `new`, which nothing borrows any more.
            unsafe {
                libc::munmap(self.pointer.as_ptr().cast(), length);
            }
        }
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
        let (sender, receiver) = flume::unbounded::<Job>();
        for i in 0..threads {
            let receiver = receiver.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    let mut memory = Memory::default();
                    loop {
                        match receiver.recv_timeout(IDLE_RELEASE) {
                            Ok(job) => job(&mut memory),
                            Err(flume::RecvTimeoutError::Timeout) if memory.is_held() => {
                                memory = Memory::default();
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

#[cfg(test)]
mod tests {
    use super::Memory;

    #[test]
    fn memory_is_zeroed_sized_and_grows() -> anyhow::Result<()> {
        let mut memory = Memory::default();
        assert!(!memory.is_held());
        let blocks = memory.get(8)?;
        assert_eq!(blocks.len(), 8);
        assert!(blocks.iter().all(|b| b.as_ref().iter().all(|&word| word == 0)));
        blocks[7].as_mut()[0] = 42;
        assert_eq!(memory.get(4)?.len(), 4, "a smaller request reuses the mapping");
        assert_eq!(memory.get(8)?[7].as_ref()[0], 42, "and keeps its contents");
        assert_eq!(memory.get(64)?.len(), 64, "a larger one maps anew");
        assert!(memory.is_held());
        Ok(())
    }
}
