//! Turns any serializable model into one flat row for CSV and tables.
//!
//! Object members become columns (nested objects as `parent.child`), `null` an empty cell,
//! strings are kept as they are (money is an exact decimal string in the core's models), and
//! lists become compact JSON text (an empty list an empty cell).

use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserializer, Serialize};
use serde_json::Value;

use super::Row;

/// The item as one row, columns in the models' field order.
///
/// The item is serialized to JSON and read back through a visitor that keeps member order
/// (`serde_json::Value` would sort the members, and its `preserve_order` feature would change
/// `Value` for every crate in the workspace build).
pub fn flatten<T: Serialize>(item: &T) -> Row {
    let mut row = Row::new();
    let read = serde_json::to_vec(item).and_then(|bytes| {
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        Flattener {
            column: String::new(),
            row: &mut row,
        }
        .deserialize(&mut de)
    });
    if let Err(e) = read {
        row.push(("error".into(), e.to_string()));
    }
    row
}

/// The item's row with `prefix` pairs in front.
pub fn flatten_with<T: Serialize>(prefix: Row, item: &T) -> Row {
    let mut row = prefix;
    row.extend(flatten(item));
    row
}

/// Reads one JSON value into cells of `row`, named after `column`.
struct Flattener<'a> {
    column: String,
    row: &'a mut Row,
}

impl Flattener<'_> {
    fn push(self, text: String) {
        let column = if self.column.is_empty() {
            "value".to_owned()
        } else {
            self.column
        };
        self.row.push((column, text));
    }
}

impl<'de> DeserializeSeed<'de> for Flattener<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Flattener<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let row = self.row;
        while let Some(key) = map.next_key::<String>()? {
            let column = if self.column.is_empty() {
                key
            } else {
                format!("{}.{key}", self.column)
            };
            map.next_value_seed(Flattener {
                column,
                row: &mut *row,
            })?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element::<Value>()? {
            items.push(v);
        }
        self.push(cell(Value::Array(items)));
        Ok(())
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.push(v.to_owned());
        Ok(())
    }

    fn visit_string<E>(self, v: String) -> Result<(), E> {
        self.push(v);
        Ok(())
    }

    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.push(v.to_string());
        Ok(())
    }

    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.push(v.to_string());
        Ok(())
    }

    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.push(v.to_string());
        Ok(())
    }

    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.push(v.to_string());
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.push(String::new());
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        self.push(String::new());
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// The text of one cell.
pub fn cell(value: Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s,
        Value::Array(a) if a.is_empty() => String::new(),
        Value::Array(a) => Value::Array(a).to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Inner {
        b: Option<i64>,
    }
    #[derive(Serialize)]
    struct Outer {
        a: &'static str,
        inner: Inner,
        list: Vec<u8>,
        empty: Vec<u8>,
        none: Option<String>,
    }

    #[test]
    fn flattens_nested_members_and_lists() {
        let row = flatten(&Outer {
            a: "x",
            inner: Inner { b: Some(2) },
            list: vec![1, 2],
            empty: vec![],
            none: None,
        });
        let expect: Row = [
            ("a", "x"),
            ("inner.b", "2"),
            ("list", "[1,2]"),
            ("empty", ""),
            ("none", ""),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(row, expect);
    }
}
