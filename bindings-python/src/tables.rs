//! The core's tables as plain Python values, for the tests that prove the module matches them
//! (every operation exposed with its arguments, every setting accepted) and for the runner of
//! the shared vectors (`tests/vectors/`), which builds calls from the operation table.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use iqtech::operations::{Kind, OPERATIONS};
use iqtech::SettingKind;

/// `iqtech::operations::OPERATIONS`: `group`, `method`, `kind` (`call`, `items`, `pages`),
/// `args` (`name`, `type`, `default`, `record`), `returns` and `doc` of each.
#[pyfunction]
pub(crate) fn _operations(py: Python<'_>) -> PyResult<Vec<Bound<'_, PyDict>>> {
    OPERATIONS
        .iter()
        .map(|o| {
            let d = PyDict::new(py);
            d.set_item("group", o.group)?;
            d.set_item("method", o.method)?;
            let kind = match o.kind {
                Kind::Call => "call",
                Kind::Items => "items",
                Kind::Pages => "pages",
            };
            d.set_item("kind", kind)?;
            let args = o
                .args
                .iter()
                .map(|a| {
                    let arg = PyDict::new(py);
                    arg.set_item("name", a.name)?;
                    arg.set_item("type", a.ty.replace(' ', ""))?;
                    arg.set_item("default", a.default)?;
                    arg.set_item("record", a.record)?;
                    Ok(arg)
                })
                .collect::<PyResult<Vec<_>>>()?;
            d.set_item("args", args)?;
            d.set_item("returns", o.returns.replace(' ', ""))?;
            d.set_item("doc", iqtech::operations::doc_paragraph(o.doc))?;
            Ok(d)
        })
        .collect()
}

/// `iqtech::SETTINGS` as `(name, kind)` pairs, in order (kind: `text`, `secret`, `integer`,
/// `duration`, `boolean`).
#[pyfunction]
pub(crate) fn _settings() -> Vec<(&'static str, &'static str)> {
    iqtech::SETTINGS
        .iter()
        .map(|s| {
            let kind = match s.kind {
                SettingKind::Text => "text",
                SettingKind::Secret => "secret",
                SettingKind::Integer => "integer",
                SettingKind::Duration => "duration",
                SettingKind::Boolean => "boolean",
            };
            (s.name, kind)
        })
        .collect()
}
