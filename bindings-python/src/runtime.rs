//! Waiting for the core's futures from Python, synchronously and from asyncio.
//!
//! Why this glue exists (three traps of tokio runtimes inside Python extensions):
//! - **The GIL.** A thread that blocks on the runtime while holding the GIL deadlocks as soon as
//!   a runtime thread needs the GIL (our log bridge does) and stalls every other Python thread.
//!   [`block`] and [`call`] release it (`py.detach`) for the whole wait. A blocking wait on a
//!   runtime thread (a log handler called during a call) would starve the runtime: the core's
//!   blocking waits refuse it, and Python gets `InternalError`.
//! - **Fork.** A runtime's threads do not exist in a forked child. The core keys its runtime and
//!   HTTP client by process id and rebuilds them in a child; this module always asks
//!   `iqtech::runtime::handle()` afresh, never caches a handle. (pyo3-async-runtimes keeps the
//!   runtime it was given for the life of the process, which is why it is not used here.)
//! - **Signals.** A thread parked in a blocking wait never runs Python's signal handlers, so
//!   Ctrl-C would wait for the request to finish. [`block`] wakes up every 100 ms to run them
//!   and abandons the request when one raises (`KeyboardInterrupt`).
//!
//! A single synchronous call ([`call`]) runs on the calling thread, on a runtime of its own,
//! from the thread's third call on (`iqtech::runtime::caller_thread`): that saves two thread
//! hand-offs per call. Pagers and the sandbox wait on the shared runtime through [`block`].
//!
//! For asyncio, [`awaitable`] spawns the future on the core's runtime and completes an
//! `asyncio.Future` of the running loop through `loop.call_soon_threadsafe`; cancelling that
//! future aborts the task.

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use pyo3::exceptions::PyStopIteration;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyCFunction;
use pyo3::{intern, IntoPyObjectExt};

use crate::error::to_py_err;

/// How often a blocked caller wakes up to run Python's signal handlers.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// Runs `fut` on the core's runtime and waits for it with the GIL released, running Python's
/// signal handlers every 100 ms. A wait on a thread that runs the runtime, or one whose task
/// died, raises `InternalError` (the core's refusal or report).
pub(crate) fn block<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let out = py.detach(move || {
        iqtech::runtime::block_on_interruptible(fut, SIGNAL_POLL, run_signal_handlers)
    })?;
    out.map_err(|e| to_py_err(py, e))
}

/// Runs Python's signal handlers from a thread that waits with the GIL released; the error of
/// one that raised (`KeyboardInterrupt`) ends the wait.
fn run_signal_handlers() -> PyResult<()> {
    Python::attach(|py| py.check_signals())
}

/// Runs a core operation synchronously, with the GIL released (through
/// `iqtech::runtime::caller_thread`: on the calling thread from its third call, and a panic is
/// an `InternalError`; Python's signal handlers run every 100 ms), and converts its result (or
/// error) for Python.
pub(crate) fn call<F, T>(py: Python<'_>, fut: F) -> PyResult<Py<PyAny>>
where
    F: Future<Output = iqtech::Result<T>> + Send + 'static,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    let out = py.detach(move || {
        iqtech::runtime::caller_thread::block_on_call(fut, SIGNAL_POLL, run_signal_handlers)
    });
    match out? {
        Ok(value) => value.into_py_any(py),
        Err(e) => Err(to_py_err(py, e)),
    }
}

/// Runs a core operation on the runtime (through `iqtech::runtime::spawn_call`) and returns an
/// `asyncio.Future` of the running loop that completes with its converted result.
pub(crate) fn awaitable<'py, F, T>(py: Python<'py>, fut: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = iqtech::Result<T>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    awaitable_with(py, iqtech::runtime::spawn_call(fut), |py, out| match out {
        Ok(value) => value.into_py_any(py),
        Err(e) => Err(to_py_err(py, e)),
    })
}

/// Like [`awaitable`], with the conversion (run with the GIL, on a runtime thread) given.
pub(crate) fn awaitable_with<'py, F, C>(
    py: Python<'py>,
    fut: F,
    convert: C,
) -> PyResult<Bound<'py, PyAny>>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
    C: for<'a> FnOnce(Python<'a>, F::Output) -> PyResult<Py<PyAny>> + Send + 'static,
{
    static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let event_loop = GET_RUNNING_LOOP
        .import(py, "asyncio", "get_running_loop")?
        .call0()?;
    let py_future = event_loop.call_method0(intern!(py, "create_future"))?;
    let target = py_future.clone().unbind();
    let event_loop = event_loop.unbind();
    let task = iqtech::runtime::handle().spawn(async move {
        let out = fut.await;
        Python::attach(move |py| {
            let (ok, value) = match convert(py, out) {
                Ok(value) => (true, value),
                Err(e) => (false, e.into_value(py).into_any()),
            };
            let complete = match complete_fn(py) {
                Ok(f) => f,
                Err(e) => return e.write_unraisable(py, None),
            };
            // Fails only when the loop is closed: then nobody is waiting.
            let _ = event_loop.call_method1(
                py,
                intern!(py, "call_soon_threadsafe"),
                (complete, target, ok, value),
            );
        });
    });
    let canceller = Canceller {
        task: task.abort_handle(),
    };
    py_future.call_method1(intern!(py, "add_done_callback"), (canceller,))?;
    Ok(py_future)
}

/// `_complete(future, ok, value)`: sets the result or exception unless the future is done.
fn complete_fn(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static COMPLETE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    COMPLETE
        .get_or_try_init(py, || {
            let f = PyCFunction::new_closure(
                py,
                Some(c"_complete"),
                None,
                |args, _kwargs| -> PyResult<()> {
                    let py = args.py();
                    let (future, ok, value): (Bound<'_, PyAny>, bool, Bound<'_, PyAny>) =
                        args.extract()?;
                    if future.call_method0(intern!(py, "done"))?.is_truthy()? {
                        return Ok(());
                    }
                    let method = if ok {
                        intern!(py, "set_result")
                    } else {
                        intern!(py, "set_exception")
                    };
                    future.call_method1(method, (value,))?;
                    Ok(())
                },
            )?;
            Ok::<_, PyErr>(f.into_any().unbind())
        })
        .map(|f| f.bind(py))
}

/// Done-callback of an operation's `asyncio.Future`: a cancelled future aborts its task.
#[pyclass(module = "iqtech._native", frozen)]
struct Canceller {
    task: tokio::task::AbortHandle,
}

#[pymethods]
impl Canceller {
    fn __call__(&self, future: &Bound<'_, PyAny>) -> PyResult<()> {
        if future
            .call_method0(intern!(future.py(), "cancelled"))?
            .is_truthy()?
        {
            self.task.abort();
        }
        Ok(())
    }
}

/// An awaitable whose outcome is already known (an item an async iterator had buffered):
/// awaiting it returns at once without a trip through the event loop.
#[pyclass(module = "iqtech._native", frozen)]
pub(crate) struct Ready {
    outcome: Mutex<Option<PyResult<Py<PyAny>>>>,
}

impl Ready {
    /// An awaitable resolving to `outcome`.
    pub(crate) fn new(outcome: PyResult<Py<PyAny>>) -> Self {
        Self {
            outcome: Mutex::new(Some(outcome)),
        }
    }
}

#[pymethods]
impl Ready {
    fn __await__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let outcome = self
            .outcome
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        match outcome {
            Some(Ok(value)) => Err(PyStopIteration::new_err((value,))),
            Some(Err(e)) => Err(e),
            None => Err(PyStopIteration::new_err((py.None(),))),
        }
    }
}

/// Registers the helper classes.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Canceller>()?;
    m.add_class::<Ready>()?;
    Ok(())
}
