//! The core's auto-pagers as Python iterators (`for` and `async for`), of items
//! (`ItemIterator`, `AsyncItemIterator`) or of whole pages (`PageIterator`, `AsyncPageIterator`).
//!
//! The iterator reads the core's pager a batch at a time (one page's items, or one page) through
//! `iqtech::Pager::read_ahead`, so how far it reads ahead is the core's policy, the same in every
//! language: nothing before the first `next()`; a concurrent pager keeps its pages in flight plus
//! at most four pages ahead while Python works on the current one; a sequential pager reads
//! nothing ahead.
//! A Python `next()` crosses into the runtime once per page, not once per item. Dropping the
//! iterator drops the pager, which cancels the pages in flight.
//!
//! Fork: a concurrent pager reads ahead on the parent's runtime, so an iterator started before
//! `os.fork()` cannot go on in the child; it raises there instead of waiting forever.

use std::sync::{Arc, Mutex};

use iqtech::{Pager, ReadAheadValues};
use pyo3::exceptions::{PyRuntimeError, PyStopAsyncIteration};
use pyo3::prelude::*;
use pyo3::IntoPyObjectExt;

use crate::error::to_py_err;
use crate::runtime::{awaitable_with, block, Ready};

/// A value of any model type, converted to Python when it is handed out.
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

type Value = Box<dyn ToPython>;
type Item = iqtech::Result<Value>;
type Values = Arc<tokio::sync::Mutex<ReadAheadValues<Value>>>;

/// The state both iterator kinds share.
pub(crate) struct State {
    /// The core's pager, read a batch at a time and handed out a value at a time.
    values: Values,
    /// The process of the first `next()`, once there was one.
    started_in: Option<u32>,
}

/// What to do next for a `next()` call.
enum Step {
    Item(Item),
    End,
    Wait(Values),
}

impl State {
    fn new<P>(pager: P) -> Arc<Mutex<Self>>
    where
        P: Pager,
        P::Value: for<'py> IntoPyObject<'py>,
    {
        let values = pager.read_ahead(|values| {
            Ok(values
                .into_iter()
                .map(|v| Box::new(v) as Value)
                .collect::<Vec<_>>())
        });
        Arc::new(Mutex::new(State {
            values: Arc::new(tokio::sync::Mutex::new(values.values())),
            started_in: None,
        }))
    }

    /// A value already received (or the end) without entering the runtime, else what to wait on.
    /// While another thread waits for the next batch, this one waits too.
    fn step(state: &Mutex<Self>) -> PyResult<Step> {
        let mut st = state.lock().unwrap_or_else(|p| p.into_inner());
        if let Ok(mut values) = st.values.try_lock() {
            if let Some(value) = values.ready() {
                return Ok(Step::Item(Ok(value)));
            }
            if values.is_finished() {
                return Ok(Step::End);
            }
        }
        let pid = std::process::id();
        if *st.started_in.get_or_insert(pid) != pid {
            return Err(PyRuntimeError::new_err(
                "this iqtech iterator was started before os.fork(); start a new one in the child",
            ));
        }
        Ok(Step::Wait(st.values.clone()))
    }
}

async fn recv(values: Values) -> Option<Item> {
    values.lock().await.next().await
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
pub(crate) fn iterator<C, P>(py: Python<'_>, pager: iqtech::Result<P>) -> PyResult<Py<PyAny>>
where
    C: FromStream,
    P: Pager,
    P::Value: for<'py> IntoPyObject<'py>,
{
    let pager = pager.map_err(|e| to_py_err(py, e))?;
    Ok(Py::new(py, C::from_state(State::new(pager)))?.into_any())
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
                match State::step(&self.state)? {
                    Step::Item(item) => convert(py, item).map(Some),
                    Step::End => Ok(None),
                    Step::Wait(values) => match block(py, recv(values))? {
                        Some(item) => convert(py, item).map(Some),
                        None => Ok(None),
                    },
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
                    Step::Wait(values) => {
                        awaitable_with(py, recv(values), move |py, item| match item {
                            Some(item) => convert(py, item),
                            None => Err(PyStopAsyncIteration::new_err(())),
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
    /// An auto-pager of items for `for`: lazy, in order; with concurrency above 1, its pages in
    /// flight and at most four more (two fetched ahead of their turn, two ready).
    ItemIterator
);
iterator_class!(
    async
    /// An auto-pager of items for `async for`: lazy, in order; with concurrency above 1,
    /// its pages in flight and at most four more (two fetched ahead of their turn, two ready).
    AsyncItemIterator
);
iterator_class!(
    sync
    /// An auto-pager of whole pages for `for`: lazy, in order; with concurrency above 1,
    /// its pages in flight and at most four more (two fetched ahead of their turn, two ready).
    PageIterator
);
iterator_class!(
    async
    /// An auto-pager of whole pages for `async for`: lazy, in order; with concurrency above 1,
    /// its pages in flight and at most four more (two fetched ahead of their turn, two ready).
    AsyncPageIterator
);
