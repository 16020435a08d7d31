//! Prints the public surface as JSON: every group, operation (with arguments, defaults, kind,
//! return type, HTTP facts and doc), error class, client setting and model enum, from the core's
//! tables.
//!
//! Code generators (Python stubs, TypeScript declarations) and `tests/check_api_coverage.py`
//! read this instead of parsing Rust source: `cargo run -q -p iqtech --example surface`.

use iqtech::operations::{Kind, GROUPS, OPERATIONS};
use iqtech::{SettingKind, ERROR_CLASSES, SETTINGS};
use serde_json::{json, Value};

fn main() {
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
                "kind": match o.kind { Kind::Call => "call", Kind::Items => "items", Kind::Pages => "pages" },
                "args": o.args.iter().map(|a| json!({
                    "name": a.name, "type": a.ty.replace(' ', ""), "default": a.default, "record": a.record,
                })).collect::<Vec<_>>(),
                "returns": o.returns.replace(' ', ""),
                "stream": o.stream,
                "doc": iqtech::operations::doc_paragraph(o.doc),
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
    let settings: Vec<Value> = SETTINGS
        .iter()
        .map(|s| {
            json!({
                "name": s.name,
                "kind": match s.kind {
                    SettingKind::Text => "text",
                    SettingKind::Secret => "secret",
                    SettingKind::Integer => "integer",
                    SettingKind::Duration => "duration",
                    SettingKind::Boolean => "boolean",
                },
                "default": s.default,
                "doc": s.doc,
            })
        })
        .collect();
    let enums: Vec<Value> = iqtech::ENUMS
        .iter()
        .map(|e| json!({ "name": e.name, "doc": e.doc, "values": e.values.iter().map(|(v, t)| json!({"variant": v, "text": t})).collect::<Vec<_>>() }))
        .collect();
    let surface = json!({
        "enums": enums,
        "groups": groups,
        "operations": operations,
        "errors": errors,
        "settings": settings,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&surface).expect("JSON of static tables")
    );
}
