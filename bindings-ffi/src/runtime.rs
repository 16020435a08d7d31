//! Where the core's futures run, and what cancelling a Kotlin/Swift call does.
//!
//! The trap: uniffi polls an exported future on whatever thread the foreign side polls from
//! (Kotlin's dispatcher, Swift's executor), with no tokio runtime around it, and a reqwest
//! connection pool belongs to the runtime that opened its sockets. The core decides the policy
//! once ([`iqtech::runtime`]): every call is spawned onto the core's process-wide runtime with
//! [`iqtech::runtime::spawn_call`], and the foreign side only awaits the task, which needs no
//! runtime to be polled. So the exported methods do not use uniffi's `async_runtime = "tokio"`
//! wrapper: it would only add a second runtime whose sole job is polling a `JoinHandle`.
//!
//! Cancellation: when a Kotlin coroutine (or Swift task) awaiting a call is cancelled, uniffi
//! drops the Rust future, and the core then aborts the spawned task, so the request stops at its
//! next await point and its connection is closed. A request that had already reached the server
//! may still take effect (exactly as when an answer is lost), so cancelling `addReservation` or
//! `setPin` does not undo them. Pager objects keep their position: an item fetch cancelled in
//! the middle is resumed by the next `next()`.
//!
//! Panics: a panic inside the SDK becomes an `InternalError` (code `internal`) instead of
//! unwinding into the host, for async calls (`call`) and synchronous ones (`guard`) alike.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::IqtechError;

/// Runs a core call on the core's runtime and converts its error (a panic is `internal`).
/// Dropping the returned future aborts the call.
pub(crate) async fn call<F, T>(fut: F) -> Result<T, IqtechError>
where
    F: Future<Output = iqtech::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    iqtech::runtime::spawn_call(fut)
        .await
        .map_err(IqtechError::from)
}

/// Runs a synchronous core call (a pager factory, a client constructor) on the calling thread,
/// converting its error and turning a panic into an `internal` error.
pub(crate) fn guard<T>(f: impl FnOnce() -> iqtech::Result<T>) -> Result<T, IqtechError> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(IqtechError::from),
        Err(payload) => Err(IqtechError::from(iqtech::Error::Internal {
            message: iqtech::runtime::panic_message(payload.as_ref()),
        })),
    }
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
        let name = futures::executor::block_on(call(async {
            tokio::time::sleep(Duration::from_millis(1)).await;
            Ok(std::thread::current().name().map(str::to_owned))
        }))
        .unwrap();
        assert_eq!(name.as_deref(), Some("iqtech-worker"));
    }

    #[test]
    fn dropping_the_call_aborts_the_task() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = finished.clone();
        let fut = call(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flag.store(true, Ordering::SeqCst);
            Ok(())
        });
        // Poll once so the task is spawned, then drop it, as uniffi does on cancellation.
        let mut fut = Box::pin(fut);
        let waker = futures::task::noop_waker();
        let mut cx = std::task::Context::from_waker(&waker);
        assert!(fut.as_mut().poll(&mut cx).is_pending());
        drop(fut);
        std::thread::sleep(Duration::from_millis(400));
        assert!(!finished.load(Ordering::SeqCst), "the task ran to the end");
    }

    #[test]
    fn errors_and_panics_are_converted() {
        let err = futures::executor::block_on(call(async {
            Err::<(), _>(iqtech::Error::validation("page", "must be at least 1"))
        }))
        .unwrap_err();
        assert_eq!(err.code(), "validation");
        let err = futures::executor::block_on(call(async {
            panic!("async boom");
            #[allow(unreachable_code)]
            Ok(())
        }))
        .unwrap_err();
        assert_eq!(err.code(), "internal");
        assert!(err.to_string().contains("async boom"), "{err}");
        let err = guard::<()>(|| panic!("sync boom")).unwrap_err();
        assert_eq!(err.class_name(), "InternalError");
        assert!(err.to_string().contains("sync boom"), "{err}");
    }
}
