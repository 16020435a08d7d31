//! The one async runtime that bindings run the core on.
//!
//! Why this exists: Python, Node and uniffi each poll futures differently, and a reqwest
//! connection pool belongs to the runtime that opened its sockets. So the policy is decided once,
//! here: every binding spawns core futures onto this process-wide multi-thread tokio runtime and
//! waits for the result in its own way ([`block_on`] or [`block_on_interruptible`] for
//! synchronous callers, awaiting [`spawn`] from any executor).
//!
//! Trap: a tokio runtime does not survive `fork()` (its worker threads do not exist in the
//! child). The runtime is keyed by process id: a child process gets a fresh one on first use, and
//! the parent's copy is leaked rather than dropped (dropping it would wait for threads that are
//! gone).
//!
//! A synchronous call may instead run on the thread that makes it ([`caller_thread`]), which
//! saves the two thread hand-offs of waiting for a worker.

pub mod caller_thread;

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

/// Aborts the task when dropped (a finished task ignores the abort).
struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs `fut` on the shared runtime and returns its output; awaitable from any executor.
///
/// Cancellation is the same in every binding: dropping the returned future (a cancelled
/// asyncio task, Kotlin coroutine or Swift task) aborts the spawned task at its next await
/// point. A request that already reached the server may still take effect, exactly as when an
/// answer is lost.
pub async fn spawn<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let task = handle().spawn(fut);
    let _abort = AbortOnDrop(task.abort_handle());
    match task.await {
        Ok(out) => out,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        // Only `AbortOnDrop` aborts the task, and it runs after this future is gone; a runtime
        // shutting down is the other cause, and the process is ending then.
        Err(e) => panic!("iqtech runtime task cancelled: {e}"),
    }
}

/// Runs `fut` as a task of its own on the runtime that polls the caller (inline when there is
/// none), so that several such futures in flight run on every worker thread instead of taking
/// turns on the one task that polls them. The auto-pagers fetch (and decode) each page of a
/// concurrent walk this way. Dropping the returned future aborts the task; a panic in it
/// unwinds in the caller, as it would have inline.
pub(crate) async fn spawn_here<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let Ok(runtime) = Handle::try_current() else {
        return fut.await;
    };
    let task = runtime.spawn(fut);
    let _abort = AbortOnDrop(task.abort_handle());
    match task.await {
        Ok(out) => out,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => panic!("iqtech runtime task cancelled: {e}"),
    }
}

/// Runs an SDK call on the shared runtime like [`spawn`], turning a panic inside it into
/// [`crate::Error::Internal`] instead of unwinding into the host language. Every binding calls
/// the core through this (or [`block_on_call`]), so a bug in the SDK never crashes the host.
pub async fn spawn_call<F, T>(fut: F) -> crate::Result<T>
where
    F: Future<Output = crate::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let task = handle().spawn(fut);
    let _abort = AbortOnDrop(task.abort_handle());
    match task.await {
        Ok(out) => out,
        Err(e) if e.is_panic() => Err(crate::Error::Internal {
            message: panic_message(e.into_panic().as_ref()),
        }),
        Err(e) => Err(crate::Error::Internal {
            message: format!("the call was cancelled: {e}"),
        }),
    }
}

/// [`spawn_call`], blocking the calling thread (for synchronous bindings; release the GIL).
pub fn block_on_call<F, T>(fut: F) -> crate::Result<T>
where
    F: Future<Output = crate::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    futures::executor::block_on(spawn_call(fut))
}

/// Refuses a blocking wait on a thread that runs a tokio runtime (a worker of the shared
/// runtime, or a thread inside a call, as a log handler called from the SDK's own logging is):
/// blocking there would stall that runtime, and the call would never finish. Every blocking
/// wait of this module asks it first.
///
/// # Errors
///
/// [`crate::Error::Internal`] (code `internal`), saying where to make the call instead.
pub(crate) fn refuse_blocking_inside_runtime() -> crate::Result<()> {
    if Handle::try_current().is_ok() {
        return Err(crate::Error::Internal {
            message: "a blocking call was made on a thread that runs the SDK's async runtime \
                      (for example from a log handler called during a call); make it from \
                      another thread, or use the async client"
                .into(),
        });
    }
    Ok(())
}

/// The error of a blocking wait whose task ended without an output (it panicked, or the
/// runtime stopped).
fn dropped_task() -> crate::Error {
    crate::Error::Internal {
        message: "the runtime dropped the call before it finished".into(),
    }
}

/// Runs `fut` on the shared runtime and blocks the calling thread until it finishes.
///
/// Every `every`, `interrupted` is asked whether to go on (Python runs its signal handlers
/// there); when it returns an error, the task is aborted at its next await point and that
/// error is returned. For synchronous bindings (release the GIL first).
///
/// # Errors
///
/// The outer error is `interrupted`'s. The inner one is [`crate::Error::Internal`] when the
/// calling thread runs a tokio runtime (a worker, or a thread inside a call; nothing is
/// started) or when the task ended without an output (it panicked, or the runtime stopped).
pub fn block_on_interruptible<F, E>(
    fut: F,
    every: std::time::Duration,
    mut interrupted: impl FnMut() -> Result<(), E>,
) -> Result<crate::Result<F::Output>, E>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    use std::sync::mpsc::{sync_channel, RecvTimeoutError};
    if let Err(e) = refuse_blocking_inside_runtime() {
        return Ok(Err(e));
    }
    let (tx, rx) = sync_channel(1);
    let task = handle().spawn(async move {
        let _ = tx.send(fut.await);
    });
    loop {
        match rx.recv_timeout(every) {
            Ok(out) => return Ok(Ok(out)),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = interrupted() {
                    task.abort();
                    return Err(e);
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Err(dropped_task())),
        }
    }
}

/// The text of a panic payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
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
    use std::future::Future;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn dropping_the_spawned_future_aborts_the_task() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = finished.clone();
        let fut = super::spawn(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flag.store(true, Ordering::SeqCst);
        });
        // Poll once so the task is spawned, then drop it.
        let mut fut = Box::pin(fut);
        let waker = futures::task::noop_waker();
        let _ = fut
            .as_mut()
            .poll(&mut std::task::Context::from_waker(&waker));
        drop(fut);
        std::thread::sleep(Duration::from_millis(400));
        assert!(!finished.load(Ordering::SeqCst));
    }

    #[test]
    fn block_on_runs_on_the_shared_runtime() {
        let name = super::block_on(async { std::thread::current().name().map(str::to_owned) });
        assert_eq!(name.as_deref(), Some("iqtech-worker"));
    }
}
