//! The one place where a core error becomes a Python exception.
//!
//! The exception classes are plain Python (`iqtech/errors.py`), so users can subclass, construct
//! and catch them like any other; this module picks the class by the core's stable
//! `Error::code()` and fills every field. The mapping is the same in every binding:
//!
//! | code | class |
//! | --- | --- |
//! | `api` | `ApiError` |
//! | `bad_request`, `authentication`, `permission_denied`, `not_found`, `conflict`, `rate_limited`, `server` | `BadRequestError`, `AuthenticationError`, `PermissionDeniedError`, `NotFoundError`, `ConflictError`, `RateLimitError`, `ServerError` (all `ApiError`) |
//! | `validation` | `ValidationError` |
//! | `config` | `ConfigurationError` |
//! | `connection` | `ConnectionError` |
//! | `timeout` | `TimeoutError` |
//! | `decode` | `DecodeError` |
//! | `outcome_unknown` | `OutcomeUnknownError` |

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

/// The pure-Python module that defines the exception classes.
const ERRORS_MODULE: &str = "iqtech.errors";

/// The class name for a core error code.
fn class_name(code: &str) -> &'static str {
    match code {
        "bad_request" => "BadRequestError",
        "authentication" => "AuthenticationError",
        "permission_denied" => "PermissionDeniedError",
        "not_found" => "NotFoundError",
        "conflict" => "ConflictError",
        "rate_limited" => "RateLimitError",
        "server" => "ServerError",
        "api" => "ApiError",
        "validation" => "ValidationError",
        "config" => "ConfigurationError",
        "connection" => "ConnectionError",
        "timeout" => "TimeoutError",
        "decode" => "DecodeError",
        "outcome_unknown" => "OutcomeUnknownError",
        _ => "IqtechError",
    }
}

/// The exception class `name` of `iqtech.errors` (imported once).
fn class<'py>(py: Python<'py>, name: &'static str) -> PyResult<&'py Bound<'py, PyType>> {
    static CLASSES: [PyOnceLock<Py<PyType>>; 15] = [const { PyOnceLock::new() }; 15];
    const NAMES: [&str; 15] = [
        "IqtechError",
        "ApiError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "RateLimitError",
        "ServerError",
        "ValidationError",
        "ConfigurationError",
        "ConnectionError",
        "TimeoutError",
        "DecodeError",
        "OutcomeUnknownError",
    ];
    let i = NAMES.iter().position(|n| *n == name).unwrap_or(0);
    CLASSES[i].import(py, ERRORS_MODULE, NAMES[i])
}

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

fn build(py: Python<'_>, e: &iqtech::Error) -> PyResult<PyErr> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("page", e.page())?;
    match e.root() {
        iqtech::Error::Api(api) => {
            kwargs.set_item("status", api.status)?;
            kwargs.set_item("error_id", api.error_id)?;
            kwargs.set_item("message", &api.message)?;
            let fields = PyDict::new(py);
            for fe in &api.field_errors {
                fields.set_item(&fe.field, &fe.messages)?;
            }
            kwargs.set_item("field_errors", fields)?;
            kwargs.set_item("trace_id", &api.trace_id)?;
            kwargs.set_item("body", &api.body)?;
            kwargs.set_item("operation", api.operation)?;
            kwargs.set_item("retry_after", api.retry_after.map(|d| d.as_secs_f64()))?;
        }
        iqtech::Error::Validation { field, .. } => kwargs.set_item("field", field)?,
        iqtech::Error::Connection { operation, .. } => kwargs.set_item("operation", operation)?,
        iqtech::Error::Timeout { operation, timeout } => {
            kwargs.set_item("operation", operation)?;
            kwargs.set_item("timeout", timeout.as_secs_f64())?;
        }
        iqtech::Error::Decode {
            operation,
            status,
            snippet,
            ..
        } => {
            kwargs.set_item("operation", operation)?;
            kwargs.set_item("status", status)?;
            kwargs.set_item("body", snippet)?;
        }
        iqtech::Error::OutcomeUnknown {
            operation,
            cause,
            how_to_check,
        } => {
            kwargs.set_item("operation", operation)?;
            kwargs.set_item("cause", cause)?;
            kwargs.set_item("how_to_check", how_to_check)?;
        }
        _ => {}
    }
    let cls = class(py, class_name(e.code()))?;
    let exc = cls.call((e.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(exc))
}
