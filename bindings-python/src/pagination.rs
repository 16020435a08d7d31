//! The core's auto-pagers as Python iterators (`for` and `async for`), of items
//! (`ItemIterator`, `AsyncItemIterator`) or of whole pages (`PageIterator`, `AsyncPageIterator`).
//!
//! The core's item stream is lazy and in order, with at most `concurrency` pages in flight. To
//! keep those pages moving while Python works on items, the first `next()` starts a *pump* task
//! on the core's runtime: it polls the stream and hands items over in batches (every item that
//! is ready at once, at most one full page's worth) through a channel that holds one batch. So
//! memory stays bounded by `concurrency` pages plus three batches (the consumer's, the channel's,
//! the pump's), and a Python `next()` crosses into the runtime about once per page, not once per
//! item. Dropping the iterator closes the channel, which
//! stops the pump and cancels the pages in flight.
//!
//! Fork: the pump lives on the parent's runtime, so an iterator started before `os.fork()`
//! cannot go on in the child; it raises there instead of waiting forever.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use futures::stream::{BoxStream, Stream, StreamExt};
use futures::FutureExt;
use pyo3::exceptions::{PyRuntimeError, PyStopAsyncIteration};
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;
use tokio::sync::mpsc;

use crate::error::to_py_err;
use crate::runtime::{awaitable_with, block, Ready};

/// Most items handed over at once: one full page.
const MAX_BATCH: usize = iqtech::MAX_PAGE_SIZE as usize;

/// An item of any model type, converted to Python when it is handed out.
trait ToPython: Send {
    fn to_python(self: Box<Self>, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

impl<T> ToPython for T
where
    T: for<'py> IntoPyObject<'py> + Send,
{
    fn to_python(self: Box<Self>, py: Python<'_>) -> PyResult<Py<PyAny>> {
        (*self).into_py_any(py)
    }
}

type Item = iqtech::Result<Box<dyn ToPython>>;
type Batch = Vec<Item>;
type Receiver = Arc<tokio::sync::Mutex<mpsc::Receiver<Batch>>>;

/// The state both iterator kinds share.
pub(crate) struct State {
    /// The stream, until the first `next()` starts the pump.
    pending: Option<BoxStream<'static, Item>>,
    /// The pump's channel, once started.
    rx: Option<Receiver>,
    /// Items received and not yet handed out.
    buffer: VecDeque<Item>,
    /// The end (or an error) was reached.
    done: bool,
    /// The process that started the pump.
    pid: u32,
}

/// What to do next for a `next()` call.
enum Step {
    Item(Item),
    End,
    Wait(Receiver),
}

impl State {
    fn new<T, S>(stream: S) -> Arc<Mutex<Self>>
    where
        T: for<'py> IntoPyObject<'py> + Send + 'static,
        S: Stream<Item = iqtech::Result<T>> + Send + 'static,
    {
        let stream = stream
            .map(|r| r.map(|item| Box::new(item) as Box<dyn ToPython>))
            .boxed();
        Arc::new(Mutex::new(State {
            pending: Some(stream),
            rx: None,
            buffer: VecDeque::new(),
            done: false,
            pid: std::process::id(),
        }))
    }

    fn step(state: &Mutex<Self>) -> PyResult<Step> {
        let mut st = state.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(item) = st.buffer.pop_front() {
            if item.is_err() {
                st.done = true;
                st.buffer.clear();
            }
            return Ok(Step::Item(item));
        }
        if st.done {
            return Ok(Step::End);
        }
        if let Some(stream) = st.pending.take() {
            let (tx, rx) = mpsc::channel(1);
            iqtech::runtime::handle().spawn(guarded_pump(stream, tx));
            st.rx = Some(Arc::new(tokio::sync::Mutex::new(rx)));
            st.pid = std::process::id();
        } else if st.pid != std::process::id() {
            return Err(PyRuntimeError::new_err(
                "this iqtech iterator was started before os.fork(); start a new one in the child",
            ));
        }
        Ok(Step::Wait(st.rx.clone().expect("started above")))
    }

    /// Stores a received batch (`None`: the stream ended) and returns its first item.
    fn receive(state: &Mutex<Self>, batch: Option<Batch>) -> Option<Item> {
        let mut st = state.lock().unwrap_or_else(|p| p.into_inner());
        match batch {
            None => {
                st.done = true;
                None
            }
            Some(batch) => {
                let mut items = batch.into_iter();
                let first = items.next();
                st.buffer.extend(items);
                if matches!(first, Some(Err(_))) {
                    st.done = true;
                    st.buffer.clear();
                }
                first
            }
        }
    }
}

/// Polls the stream on the runtime and sends what is ready in batches, until the stream ends
/// or the iterator is dropped.
async fn pump(mut stream: BoxStream<'static, Item>, tx: mpsc::Sender<Batch>) {
    loop {
        let first = tokio::select! {
            _ = tx.closed() => return,
            next = stream.next() => next,
        };
        let Some(first) = first else { return };
        let mut batch = Vec::with_capacity(128);
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match stream.next().now_or_never() {
                Some(Some(item)) => batch.push(item),
                _ => break,
            }
        }
        if tx.send(batch).await.is_err() {
            return;
        }
    }
}

/// Runs the pump through `iqtech::runtime::spawn_call`, so a panic in the core while paging
/// reaches Python as `InternalError` instead of a silent end of the iteration.
async fn guarded_pump(stream: BoxStream<'static, Item>, tx: mpsc::Sender<Batch>) {
    let sender = tx.clone();
    let run = async move {
        pump(stream, sender).await;
        Ok(())
    };
    if let Err(e) = iqtech::runtime::spawn_call(run).await {
        let _ = tx.send(vec![Err(e)]).await;
    }
}

async fn recv(rx: Receiver) -> Option<Batch> {
    rx.lock().await.recv().await
}

fn convert(py: Python<'_>, item: Item) -> PyResult<Py<PyAny>> {
    match item {
        Ok(value) => value.to_python(py),
        Err(e) => Err(to_py_err(py, e)),
    }
}

/// A Python iterator class over one of the core's streams.
pub(crate) trait FromStream: pyo3::PyClass + Into<pyo3::PyClassInitializer<Self>> {
    /// The iterator over `state`.
    fn from_state(state: Arc<Mutex<State>>) -> Self;
}

/// The iterator class `C` over a core pager (or the pager's error, raised at once).
pub(crate) fn iterator<C, T, S>(py: Python<'_>, stream: iqtech::Result<S>) -> PyResult<Py<PyAny>>
where
    C: FromStream,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
    S: Stream<Item = iqtech::Result<T>> + Send + 'static,
{
    let stream = stream.map_err(|e| to_py_err(py, e))?;
    Ok(Py::new(py, C::from_state(State::new(stream)))?.into_any())
}

/// Declares an iterator class: `sync` for `for` (`__iter__`/`__next__`), `async` for `async
/// for` (`__aiter__`/`__anext__`).
macro_rules! iterator_class {
    (@class $(#[doc = $doc:literal])* $Name:ident { $($methods:tt)* }) => {
        $(#[doc = $doc])*
        #[pyclass(module = "iqtech", frozen)]
        pub(crate) struct $Name {
            state: Arc<Mutex<State>>,
        }

        impl FromStream for $Name {
            fn from_state(state: Arc<Mutex<State>>) -> Self {
                Self { state }
            }
        }

        #[pymethods]
        impl $Name {
            $($methods)*

            fn __repr__(&self) -> &'static str {
                concat!("<iqtech.", stringify!($Name), ">")
            }
        }
    };
    (sync $(#[doc = $doc:literal])* $Name:ident) => {
        iterator_class!(@class $(#[doc = $doc])* $Name {
            fn __iter__(slf: Py<Self>) -> Py<Self> {
                slf
            }

            fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
                loop {
                    match State::step(&self.state)? {
                        Step::Item(item) => return convert(py, item).map(Some),
                        Step::End => return Ok(None),
                        Step::Wait(rx) => {
                            let batch = block(py, recv(rx))?;
                            if let Some(item) = State::receive(&self.state, batch) {
                                return convert(py, item).map(Some);
                            }
                        }
                    }
                }
            }
        });
    };
    (async $(#[doc = $doc:literal])* $Name:ident) => {
        iterator_class!(@class $(#[doc = $doc])* $Name {
            fn __aiter__(slf: Py<Self>) -> Py<Self> {
                slf
            }

            fn __anext__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                match State::step(&self.state)? {
                    Step::Item(item) => Ready::new(convert(py, item)).into_py_any(py),
                    Step::End => Ready::new(Err(PyStopAsyncIteration::new_err(()))).into_py_any(py),
                    Step::Wait(rx) => {
                        let state = self.state.clone();
                        awaitable_with(py, recv(rx), move |py, batch| {
                            match State::receive(&state, batch) {
                                Some(item) => convert(py, item),
                                None => Err(PyStopAsyncIteration::new_err(())),
                            }
                        })
                        .map(Bound::unbind)
                    }
                }
            }
        });
    };
}

iterator_class!(
    sync
    /// An auto-pager of items for `for`: lazy, in order, fetching ahead up to its concurrency.
    ItemIterator
);
iterator_class!(
    async
    /// An auto-pager of items for `async for`: lazy, in order, fetching ahead up to its
    /// concurrency.
    AsyncItemIterator
);
iterator_class!(
    sync
    /// An auto-pager of whole pages for `for`: lazy, in order, fetching ahead up to its
    /// concurrency.
    PageIterator
);
iterator_class!(
    async
    /// An auto-pager of whole pages for `async for`: lazy, in order, fetching ahead up to its
    /// concurrency.
    AsyncPageIterator
);
