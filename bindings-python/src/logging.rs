//! The core's `log` events → Python's `logging`, under the logger `iqtech` (children named after
//! the Rust module, e.g. `iqtech.transport`); the sandbox's under `iqtech_sandbox`. Other crates'
//! events (HTTP internals) are dropped. The core never logs a secret.
//!
//! pyo3-log caches each logger's level on first use, so a level set later (e.g.
//! `logging.getLogger("iqtech").setLevel(logging.DEBUG)`) is seen after
//! `iqtech.refresh_logging()`, which every new client also calls. Delivering a record takes the
//! GIL briefly on the thread that logs; no binding call holds the GIL while it waits on the
//! runtime, so this cannot deadlock.

use std::sync::OnceLock;

use log::LevelFilter;
use pyo3::prelude::*;
use pyo3_log::{Caching, Logger, ResetHandle};

static RESET: OnceLock<ResetHandle> = OnceLock::new();

/// Installs the bridge (once per process).
pub(crate) fn install(py: Python<'_>) -> PyResult<()> {
    if RESET.get().is_some() {
        return Ok(());
    }
    let logger = Logger::new(py, Caching::LoggersAndLevels)?
        .filter(LevelFilter::Off)
        .filter_target("iqtech".to_owned(), LevelFilter::Trace)
        .filter_target("iqtech_sandbox".to_owned(), LevelFilter::Trace);
    if let Ok(handle) = logger.install() {
        let _ = RESET.set(handle);
    }
    Ok(())
}

/// Forgets the cached logger levels, so changes made in Python since take effect.
pub(crate) fn refresh() {
    if let Some(handle) = RESET.get() {
        handle.reset();
    }
}

/// Makes logging configuration changed since the last call (or since the first log record)
/// take effect for the SDK's log records. Creating a client does this too.
#[pyfunction]
pub(crate) fn refresh_logging() {
    refresh();
}
