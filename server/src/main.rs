//! The `gatehouse` binary.

// glibc's malloc took a fifth of the CPU of an authenticated read, much of it waiting on its
// arena locks when a task freed on one worker thread what it had allocated on another.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read when it starts: a background thread hands freed pages back to the
/// OS within a second instead of keeping the peak of a burst resident.
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 53] = b"background_thread:true,dirty_decay_ms:1000,narenas:4\0";

fn main() -> std::process::ExitCode {
    gatehouse::cli::main()
}
