//! The core's tables for the Python tests: `_surface()` is [`iqtech::surface::surface`] as JSON
//! text, so the tests prove that this built module exposes exactly the operations, settings,
//! options and error classes of the tables it was built from, and the runner of the shared
//! vectors (`tests/vectors/`) builds its calls from the same operation table.

use pyo3::prelude::*;

/// The core's whole surface as JSON text (see `iqtech::surface`).
#[pyfunction]
pub(crate) fn _surface() -> String {
    iqtech::surface::surface().to_string()
}
