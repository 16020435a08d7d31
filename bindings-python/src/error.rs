//! The one place where a core error becomes a Python exception.
//!
//! The exception classes are plain Python (`iqtech/errors.py`, generated from
//! `iqtech::ERROR_CLASSES` by `scripts/gen_stubs.py`), so users can subclass, construct, pickle
//! and catch them like any other. This module picks the class by the error's code in that
//! table and passes the fields the table lists for it, read from `Error::details()` under their
//! `ErrorDetails` names (durations in seconds, field errors as dicts).

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};

/// The pure-Python module that defines the exception classes.
const ERRORS_MODULE: &str = "iqtech.errors";

/// Converts a core error into its Python exception, keeping every field.
pub(crate) fn to_py_err(py: Python<'_>, e: iqtech::Error) -> PyErr {
    build(py, &e).unwrap_or_else(|failure| {
        // Only when the `iqtech` package itself is broken (e.g. errors.py missing).
        let err = PyRuntimeError::new_err(e.to_string());
        err.set_cause(py, Some(failure));
        err
    })
}

/// A validation error raised by the binding itself (a conversion the core never sees).
pub(crate) fn validation(py: Python<'_>, field: &str, message: impl Into<String>) -> PyErr {
    to_py_err(py, iqtech::Error::validation(field, message))
}

/// Every `ErrorDetails` field but `code` and `message`, as Python values.
fn details<'py>(py: Python<'py>, d: &iqtech::ErrorDetails) -> PyResult<Bound<'py, PyDict>> {
    let all = PyDict::new(py);
    all.set_item("operation", &d.operation)?;
    all.set_item("page", d.page)?;
    all.set_item("status", d.status)?;
    all.set_item("error_id", d.error_id)?;
    all.set_item("detail", &d.detail)?;
    all.set_item("field_errors", pythonize::pythonize(py, &d.field_errors)?)?;
    all.set_item("trace_id", &d.trace_id)?;
    all.set_item("body", &d.body)?;
    all.set_item("retry_after", d.retry_after.map(|t| t.as_secs_f64()))?;
    all.set_item("field", &d.field)?;
    all.set_item("reason", &d.reason)?;
    all.set_item("how_to_check", &d.how_to_check)?;
    all.set_item("timeout", d.timeout.map(|t| t.as_secs_f64()))?;
    all.set_item("request_id", &d.request_id)?;
    all.set_item("server_request_id", &d.server_request_id)?;
    Ok(all)
}

fn build(py: Python<'_>, e: &iqtech::Error) -> PyResult<PyErr> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let d = e.details();
    let class = iqtech::error_class(&d.code).unwrap_or(&iqtech::ERROR_CLASSES[0]);
    let all = details(py, &d)?;
    let kwargs = PyDict::new(py);
    for name in ["operation", "page", "request_id", "server_request_id"]
        .iter()
        .chain(class.fields)
    {
        kwargs.set_item(name, all.get_item(name)?)?;
    }
    let module = MODULE.get_or_try_init(py, || {
        Ok::<_, PyErr>(PyModule::import(py, ERRORS_MODULE)?.unbind())
    })?;
    let exc = module
        .bind(py)
        .getattr(class.name)?
        .call((d.message,), Some(&kwargs))?;
    Ok(PyErr::from_value(exc))
}
