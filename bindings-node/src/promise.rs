//! JavaScript promises settled from the core's runtime.
//!
//! Why this exists (and why napi's `async fn` support is not used): napi's `tokio_rt` feature
//! starts a second tokio runtime of napi's own, while the core's policy is one process-wide
//! runtime ([`iqtech::runtime`]) that owns the connection pool; and worker-thread teardown with
//! `tokio_rt` is a known source of crashes. Here each call creates a promise with napi's
//! [`napi::JsDeferred`] (a thread-safe function back to the JavaScript thread), spawns the core
//! future onto the core's runtime, and settles the promise from there:
//!
//! - the pending promise keeps the event loop alive exactly as long as the call is in flight
//!   (like a pending `fetch`), and nothing else does, so a process exits once its work is done;
//! - if the worker that made the call is terminated first, napi aborts the deferred with the
//!   environment and the late settlement is dropped instead of touching freed memory;
//! - a panic in the future still settles the promise, with an `InternalError`
//!   ([`iqtech::runtime::spawn_call`]), so no promise and no thread-safe function is left
//!   dangling; [`sync_call`] does the same for the calls that answer at once.
//!
//! The value is turned into JavaScript on the JavaScript thread, in the settle callback; the
//! conversion to JSON (serde, camelCase keys) happens before, on the runtime's threads.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};

use napi::bindgen_prelude::{Object, ToNapiValue};
use napi::Env;

use crate::error::to_js_error;

type Settle<T> = Box<dyn FnOnce(Env) -> napi::Result<T> + Send>;

/// A promise of `fut`'s output, which runs on the core's runtime. An `Err` input (a caller
/// mistake found while reading the arguments) gives a promise rejected with that error.
pub fn promise<'e, T, F>(env: &'e Env, fut: Result<F, iqtech::Error>) -> napi::Result<Object<'e>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = Result<T, iqtech::Error>> + Send + 'static,
{
    let (deferred, promise) = env.create_deferred::<T, Settle<T>>()?;
    match fut {
        Err(e) => deferred.resolve(settle(Err(e))),
        Ok(fut) => {
            iqtech::runtime::handle().spawn(async move {
                let out = iqtech::runtime::spawn_call(fut).await;
                deferred.resolve(settle(out));
            });
        }
    }
    Ok(promise)
}

fn settle<T: Send + 'static>(out: Result<T, iqtech::Error>) -> Settle<T> {
    Box::new(move |env: Env| match out {
        Ok(v) => Ok(v),
        Err(e) => Err(to_js_error(&env, e)),
    })
}

/// Maps a sync core result to a napi result whose error is the JavaScript error class.
pub fn sync<T>(env: &Env, r: Result<T, iqtech::Error>) -> napi::Result<T> {
    r.map_err(|e| to_js_error(env, e))
}

/// Runs a call that answers at once (a pager's creation, a client's construction), turning a
/// panic into `InternalError` as [`iqtech::runtime::spawn_call`] does for async calls.
pub fn sync_call<T>(env: &Env, f: impl FnOnce() -> Result<T, iqtech::Error>) -> napi::Result<T> {
    let out = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        Err(iqtech::Error::Internal {
            message: iqtech::runtime::panic_message(payload.as_ref()),
        })
    });
    sync(env, out)
}
