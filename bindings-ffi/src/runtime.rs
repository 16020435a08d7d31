//! Where the core's futures run, and what cancelling a Kotlin/Swift call does.
//!
//! The trap: uniffi polls an exported future on whatever thread the foreign side polls from
//! (Kotlin's dispatcher, Swift's executor), with no tokio runtime around it, and a reqwest
//! connection pool belongs to the runtime that opened its sockets. The core decides the policy
//! once ([`iqtech::runtime`]): every call is spawned onto the core's process-wide runtime and
//! the foreign side only awaits the task's `JoinHandle`, which needs no runtime to be polled.
//! So the exported methods do not use uniffi's `async_runtime = "tokio"` wrapper: it would only
//! add a second runtime whose sole job is polling a `JoinHandle`.
//!
//! Cancellation: when a Kotlin coroutine (or Swift task) awaiting a call is cancelled, uniffi
//! drops the Rust future, and the core's [`iqtech::runtime::spawn`] then aborts the spawned task, so the request stops at its
//! next await point and its connection is closed. A request that had already reached the server
//! may still take effect (exactly as when an answer is lost), so cancelling `addReservation` or
//! `setPin` does not undo them. Pager streams keep their position: an item fetch cancelled in
//! the middle is resumed by the next `next()`.

use std::future::Future;

use crate::error::IqtechError;

/// The core's [`iqtech::runtime::spawn`]: runs on the core's runtime; dropping it aborts the task.
pub(crate) use iqtech::runtime::spawn;

/// [`spawn`] for a core call, converting its error.
pub(crate) async fn run<F, T>(fut: F) -> Result<T, IqtechError>
where
    F: Future<Output = iqtech::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    spawn(fut).await.map_err(IqtechError::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn runs_on_the_core_runtime_from_a_foreign_executor() {
        // futures' executor stands in for Kotlin's dispatcher: no tokio context here.
        let name = futures::executor::block_on(spawn(async {
            tokio::time::sleep(Duration::from_millis(1)).await;
            std::thread::current().name().map(str::to_owned)
        }));
        assert_eq!(name.as_deref(), Some("iqtech-worker"));
    }

    #[test]
    fn dropping_the_call_aborts_the_task() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = finished.clone();
        let call = spawn(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flag.store(true, Ordering::SeqCst);
        });
        // Poll once so the task is spawned, then drop it, as uniffi does on cancellation.
        let mut call = Box::pin(call);
        let waker = futures::task::noop_waker();
        let mut cx = std::task::Context::from_waker(&waker);
        assert!(call.as_mut().poll(&mut cx).is_pending());
        drop(call);
        std::thread::sleep(Duration::from_millis(400));
        assert!(!finished.load(Ordering::SeqCst), "the task ran to the end");
    }

    #[test]
    fn errors_are_converted() {
        let err = futures::executor::block_on(run(async {
            Err::<(), _>(iqtech::Error::validation("page", "must be at least 1"))
        }))
        .unwrap_err();
        assert_eq!(err.code(), "validation");
    }
}
