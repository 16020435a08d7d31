//! The one async runtime that bindings run the core on.
//!
//! Why this exists: Python, Node and uniffi each poll futures differently, and a reqwest
//! connection pool belongs to the runtime that opened its sockets. So the policy is decided once,
//! here: every binding spawns core futures onto this process-wide multi-thread tokio runtime and
//! waits for the result in its own way ([`block_on`] for synchronous callers, awaiting [`spawn`]
//! from any executor).
//!
//! Trap: a tokio runtime does not survive `fork()` (its worker threads do not exist in the
//! child). The runtime is keyed by process id: a child process gets a fresh one on first use, and
//! the parent's copy is leaked rather than dropped (dropping it would wait for threads that are
//! gone).

use std::future::Future;
use std::sync::Mutex;
use tokio::runtime::{Builder, Handle, Runtime};

static RUNTIME: Mutex<Option<(u32, &'static Runtime)>> = Mutex::new(None);

/// A handle to the shared runtime of this process, creating it on first use (and again after a
/// fork).
///
/// Panics only if the operating system refuses to start threads.
pub fn handle() -> Handle {
    let pid = std::process::id();
    let mut guard = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    match *guard {
        Some((owner, rt)) if owner == pid => rt.handle().clone(),
        _ => {
            let rt = Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("iqtech-worker")
                .enable_all()
                .build()
                .expect("failed to start the iqtech tokio runtime");
            let rt: &'static Runtime = Box::leak(Box::new(rt));
            *guard = Some((pid, rt));
            rt.handle().clone()
        }
    }
}

/// Runs `fut` on the shared runtime and returns its output; awaitable from any executor.
pub async fn spawn<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    match handle().spawn(fut).await {
        Ok(out) => out,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => panic!("iqtech runtime task cancelled: {e}"),
    }
}

/// Runs `fut` on the shared runtime and blocks the calling thread until it finishes.
///
/// For synchronous bindings. Safe to call from any thread that is not itself a runtime worker
/// (the future runs on the runtime's threads, not the caller's). A Python binding must release
/// the GIL around this call.
pub fn block_on<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    futures::executor::block_on(spawn(fut))
}

#[cfg(test)]
mod tests {
    #[test]
    fn block_on_runs_on_the_shared_runtime() {
        let name = super::block_on(async { std::thread::current().name().map(str::to_owned) });
        assert_eq!(name.as_deref(), Some("iqtech-worker"));
    }
}
