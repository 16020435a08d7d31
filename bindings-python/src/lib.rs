//! The Python binding of the iQ Tech SDK: the extension module `iqtech._native`.
//!
//! It wraps the core crate (`iqtech`) and adds nothing but type conversion and error mapping.
//! `operations` expands the core's operation table once into every group's sync and asyncio
//! class and the two clients (no method is written by hand); `client` maps keyword arguments
//! onto `iqtech::ClientSettings`; `error` maps `iqtech::Error::details()` onto the classes of
//! `iqtech.errors`; `pagination` turns the core's pagers into (async) iterators; `tables`
//! exposes the core's tables to the tests; plus the glue Python needs — `runtime` (GIL,
//! asyncio, fork), `convert` (arguments → core types), `logging` (to Python's `logging`) and
//! `sandbox` (`iqtech.testing.Sandbox`). The model classes are the core's own structs, made pyo3 classes
//! by the core's `python` feature (`core/src/ffi/python.rs`). The pure-Python side of the package
//! (`python/iqtech/`) holds the exception classes, the `str` enums and the type stub.

mod client;
mod convert;
mod error;
mod logging;
mod operations;
mod pagination;
mod runtime;
mod sandbox;
mod tables;

use pyo3::prelude::*;

/// The Rust side of the module allocates with mimalloc, not glibc's malloc.
///
/// Why: a page's models are allocated on the runtime's worker threads (one allocation per
/// string field) and freed on the Python thread when the result is dropped; glibc's arenas make
/// those cross-thread frees slow (`perf`: ~25 % of a call was malloc/free). Python's own
/// objects are untouched: this is only the allocator of this module's Rust code.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The compiled part of the `iqtech` package; import `iqtech` instead.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(m.py())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(logging::refresh_logging, m)?)?;
    m.add_function(wrap_pyfunction!(tables::_surface, m)?)?;

    m.add_class::<operations::Client>()?;
    m.add_class::<operations::AsyncClient>()?;
    operations::register(m)?;
    m.add_class::<pagination::ItemIterator>()?;
    m.add_class::<pagination::AsyncItemIterator>()?;
    m.add_class::<pagination::PageIterator>()?;
    m.add_class::<pagination::AsyncPageIterator>()?;
    m.add_class::<sandbox::Sandbox>()?;
    runtime::register(m)?;

    iqtech::ffi::python::add_model_classes(m)?;
    Ok(())
}
