//! `operations!`: one list of a group's methods gives both the sync and the asyncio class.
//!
//! Each entry is a core call written once: its Python signature, its arguments, and a body that
//! converts the arguments (types in brackets, so pyo3 sees their tokens) and returns the core's future (`call fn`) or item stream (`iter fn`).
//! The macro wraps it as a blocking method (GIL released) of the sync class and as a method
//! returning an awaitable of the async class; streams become `ItemIterator` /
//! `AsyncItemIterator`.

/// Declares the sync and async operation-group classes and their methods.
macro_rules! operations {
    (
        $(#[doc = $sdoc:literal])* sync $Sync:ident;
        $(#[doc = $adoc:literal])* async $Async:ident;
        $(
            $(#[doc = $doc:literal])*
            #[pyo3(signature = $sig:tt)]
            $kind:ident fn $name:ident($py:ident, $client:ident $(, $arg:ident : [$($ty:tt)*])* $(,)?) $body:block
        )*
    ) => {
        $(#[doc = $sdoc])*
        #[pyo3::pyclass(module = "iqtech", frozen)]
        pub(crate) struct $Sync {
            shared: std::sync::Arc<crate::client::Shared>,
        }

        impl $Sync {
            pub(crate) fn new(shared: std::sync::Arc<crate::client::Shared>) -> Self {
                Self { shared }
            }
        }

        #[pyo3::pymethods]
        impl $Sync {
            $(
                $(#[doc = $doc])*
                #[pyo3(signature = $sig)]
                fn $name(&self, $py: pyo3::Python<'_> $(, $arg: $($ty)*)*) -> pyo3::PyResult<pyo3::Py<pyo3::PyAny>> {
                    let $client = self.shared.client($py)?;
                    let work = $body;
                    operations!(@sync $kind, $py, work)
                }
            )*

            fn __repr__(&self) -> String {
                format!("<iqtech.{}>", stringify!($Sync))
            }
        }

        $(#[doc = $adoc])*
        #[pyo3::pyclass(module = "iqtech", frozen)]
        pub(crate) struct $Async {
            shared: std::sync::Arc<crate::client::Shared>,
        }

        impl $Async {
            pub(crate) fn new(shared: std::sync::Arc<crate::client::Shared>) -> Self {
                Self { shared }
            }
        }

        #[pyo3::pymethods]
        impl $Async {
            $(
                $(#[doc = $doc])*
                #[pyo3(signature = $sig)]
                fn $name<'py>(&self, $py: pyo3::Python<'py> $(, $arg: $($ty)*)*) -> pyo3::PyResult<pyo3::Py<pyo3::PyAny>> {
                    let $client = self.shared.client($py)?;
                    let work = $body;
                    operations!(@async $kind, $py, work)
                }
            )*

            fn __repr__(&self) -> String {
                format!("<iqtech.{}>", stringify!($Async))
            }
        }
    };
    (@sync call, $py:ident, $work:ident) => {
        crate::runtime::call($py, $work)
    };
    (@async call, $py:ident, $work:ident) => {
        crate::runtime::awaitable($py, $work).map(pyo3::Bound::unbind)
    };
    (@sync iter, $py:ident, $work:ident) => {{
        let stream = $work.map_err(|e| crate::error::to_py_err($py, e))?;
        pyo3::IntoPyObjectExt::into_py_any(crate::pagination::ItemIterator::new(stream), $py)
    }};
    (@async iter, $py:ident, $work:ident) => {{
        let stream = $work.map_err(|e| crate::error::to_py_err($py, e))?;
        pyo3::IntoPyObjectExt::into_py_any(crate::pagination::AsyncItemIterator::new(stream), $py)
    }};
}

pub(crate) use operations;
