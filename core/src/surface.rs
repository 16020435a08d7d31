//! The whole public surface as one JSON value, from the core's tables: every group, operation
//! (arguments, defaults, kind, return type, stream, HTTP facts, doc), error class, client
//! setting, per-call option and model enum.
//!
//! Code generators (Python stubs, TypeScript declarations, the Kotlin flows) and
//! `tests/check_api_coverage.py` read it through `cargo run -q -p iqtech --example surface`
//! instead of parsing Rust source; bindings hand it to their own tests (Python:
//! `iqtech._native._surface()`), so a test compares a built module with the tables it was
//! built from.

use serde_json::{json, Value};

use crate::operations::{GROUPS, OPERATIONS};
use crate::{SettingSpec, ENUMS, ERROR_CLASSES, REQUEST_OPTIONS, SETTINGS};

/// The surface as JSON (see the module docs). Pure: the same value on every call.
pub fn surface() -> Value {
    let groups: Vec<Value> = GROUPS
        .iter()
        .map(|g| json!({ "name": g.name, "type": g.type_name, "doc": g.doc }))
        .collect();
    let operations: Vec<Value> = OPERATIONS
        .iter()
        .map(|o| {
            json!({
                "group": o.group,
                "method": o.method,
                "kind": o.kind.name(),
                "args": o.args.iter().map(|a| json!({
                    "name": a.name, "type": a.ty.replace(' ', ""), "default": a.default, "record": a.record,
                })).collect::<Vec<_>>(),
                "returns": o.returns.replace(' ', ""),
                "stream": o.stream,
                "doc": crate::operations::doc_paragraph(o.doc),
                "http": o.http.map(|h| json!({
                    "name": h.name, "method": h.method, "path": h.path,
                    "repeatable": h.repeatable, "how_to_check": h.how_to_check,
                })),
            })
        })
        .collect();
    let errors: Vec<Value> = ERROR_CLASSES
        .iter()
        .map(|c| json!({ "code": c.code, "name": c.name, "parent": c.parent, "doc": c.doc, "fields": c.fields }))
        .collect();
    let table = |specs: &[SettingSpec]| -> Vec<Value> {
        specs
            .iter()
            .map(|s| json!({ "name": s.name, "kind": s.kind.name(), "default": s.default, "doc": s.doc }))
            .collect()
    };
    let enums: Vec<Value> = ENUMS
        .iter()
        .map(|e| json!({ "name": e.name, "doc": e.doc, "values": e.values.iter().map(|(v, t)| json!({"variant": v, "text": t})).collect::<Vec<_>>() }))
        .collect();
    json!({
        "enums": enums,
        "groups": groups,
        "operations": operations,
        "errors": errors,
        "settings": table(SETTINGS),
        "request_options": table(REQUEST_OPTIONS),
    })
}
