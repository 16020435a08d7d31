//! Key-case conversion for bindings whose objects use another naming convention than Rust's.
//!
//! Why this exists: the models are defined once, in the core, with snake_case field names, and a binding
//! that hands out dynamic objects (Node.js, where every key is camelCase) converts them through
//! serde instead of copying each struct. Doing that conversion in one generic place keeps every
//! such binding identical: the same key spelling rules, and the same [`Error::Validation`] naming
//! the offending field when an input object has a mistyped key or a value of the wrong type.
//!
//! The rules round-trip every field name of the models: `first_name` ⇄ `firstName`,
//! `is_vt_admin` ⇄ `isVtAdmin` (and `isVTAdmin` is read as `is_vt_admin` too, since a run of
//! capitals counts as one word), `createdby_user` ⇄ `createdbyUser`.
//!
//! Output renames struct field names only, so the keys of maps (data, such as route names) are
//! kept: JSON text is written directly ([`to_camel_json`], the Node binding's hot path, see
//! `json_text`), a [`Value`] through a serializer adapter ([`to_camel_value`]). Input conversion ([`keys_to_snake`],
//! [`from_camel_value`]) applies to every object key; the input models have no map fields.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use iqtech::{Error, Result};

/// `first_name` → `firstName`. Text without underscores is returned unchanged.
pub fn snake_to_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for (i, c) in name.chars().enumerate() {
        if c == '_' && i > 0 {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `firstName` → `first_name`; `isVTAdmin` → `is_vt_admin` (a run of capitals is one word).
/// snake_case text is returned unchanged.
pub fn camel_to_snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Renames every object key of `value`, recursively, with `rename`.
fn rename_keys(value: Value, rename: &impl Fn(&str) -> String) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (rename(&k), rename_keys(v, rename)))
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(items) => {
            Value::Array(items.into_iter().map(|v| rename_keys(v, rename)).collect())
        }
        other => other,
    }
}

/// Every object key of `value` in camelCase, recursively.
pub fn keys_to_camel(value: Value) -> Value {
    rename_keys(value, &snake_to_camel)
}

/// Every object key of `value` in snake_case, recursively.
pub fn keys_to_snake(value: Value) -> Value {
    rename_keys(value, &camel_to_snake)
}

/// A model (or any `Serialize` value) as a JSON value with camelCase keys. Only struct field
/// names are renamed; the keys of maps (data) are kept as they are.
pub fn to_camel_value<T: Serialize + ?Sized>(value: &T) -> Result<Value> {
    value
        .serialize(Camel(serde_json::value::Serializer))
        .map_err(|e| Error::validation("value", e.to_string()))
}

/// A model (or any `Serialize` value) as JSON text with camelCase keys, written directly (no
/// intermediate [`Value`]): the fast path for bindings that hand JSON text to their runtime's
/// parser. Only struct field names are renamed; the text is what serde_json writes for the
/// renamed value (see [`crate::json_text`]).
pub fn to_camel_json<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    use std::cell::{Cell, RefCell};
    thread_local! {
        /// This thread's table of rendered field names, lent to each call.
        static NAMES: RefCell<crate::json_text::Names> = RefCell::default();
        /// The length of this thread's last text: the next one is sized for it (a page of a
        /// paged walk is as long as the one before), so the buffer is not regrown ~10 times.
        static LAST_LEN: Cell<usize> = const { Cell::new(0) };
    }
    let mut out = Vec::with_capacity(LAST_LEN.with(Cell::get).clamp(512, 8 << 20) + 64);
    let mut names = NAMES.with(|n| n.take());
    let written = value.serialize(&mut crate::json_text::Writer {
        out: &mut out,
        names: &mut names,
    });
    NAMES.with(|n| n.replace(names));
    written.map_err(|e| Error::validation("value", e.to_string()))?;
    LAST_LEN.with(|l| l.set(out.len()));
    String::from_utf8(out).map_err(|e| Error::validation("value", e.to_string()))
}

/// The same text through the renaming adapter over `serde_json::Serializer` (the first version
/// of [`to_camel_json`]): what the direct writer is checked against.
#[cfg(test)]
fn to_camel_json_adapter<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut out = Vec::with_capacity(512);
    value
        .serialize(Camel(&mut serde_json::Serializer::new(&mut out)))
        .map_err(|e| Error::validation("value", e.to_string()))?;
    String::from_utf8(out).map_err(|e| Error::validation("value", e.to_string()))
}

/// The camelCase spelling of a struct field name, computed once per name (field names are a
/// small fixed set, so the interned strings are bounded).
///
/// Used by [`to_camel_value`] (the text path has its own table of rendered names). Each thread
/// keeps its own map from the name's address (serde hands over the same `&'static str` every
/// time) with a fast hash, so a lookup takes no lock; the shared map behind it is consulted once
/// per name and thread.
fn camel_field(name: &'static str) -> &'static str {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::sync::{OnceLock, RwLock};
    type ByAddress = HashMap<(usize, usize), &'static str, rustc_hash::FxBuildHasher>;
    thread_local! {
        static SEEN: RefCell<ByAddress> = RefCell::default();
    }
    static NAMES: OnceLock<RwLock<HashMap<&'static str, &'static str>>> = OnceLock::new();
    if !name.contains('_') {
        return name;
    }
    let key = (name.as_ptr() as usize, name.len());
    if let Some(found) = SEEN.with(|seen| seen.borrow().get(&key).copied()) {
        return found;
    }
    let names = NAMES.get_or_init(Default::default);
    let found = names
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .get(name)
        .copied();
    let camel = found.unwrap_or_else(|| {
        *names
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .entry(name)
            .or_insert_with(|| Box::leak(snake_to_camel(name).into_boxed_str()))
    });
    SEEN.with(|seen| seen.borrow_mut().insert(key, camel));
    camel
}

/// A serializer adapter that renames struct fields to camelCase and forwards everything else.
struct Camel<S>(S);

/// A value serialized through [`Camel`].
struct Wrap<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> Serialize for Wrap<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(Camel(s))
    }
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method(self, $($arg: $ty),*) -> std::result::Result<S::Ok, S::Error> {
            self.0.$method($($arg),*)
        }
    )*};
}

impl<S: serde::Serializer> serde::Serializer for Camel<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Camel<S::SerializeSeq>;
    type SerializeTuple = Camel<S::SerializeTuple>;
    type SerializeTupleStruct = Camel<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Camel<S::SerializeTupleVariant>;
    type SerializeMap = Camel<S::SerializeMap>;
    type SerializeStruct = Camel<S::SerializeStruct>;
    type SerializeStructVariant = Camel<S::SerializeStructVariant>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize_some(&Wrap(v))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Wrap(v))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> std::result::Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Wrap(v))
    }
    fn serialize_seq(
        self,
        len: Option<usize>,
    ) -> std::result::Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(Camel)
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(Camel)
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len).map(Camel)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, S::Error> {
        self.0
            .serialize_tuple_variant(name, index, variant, len)
            .map(Camel)
    }
    fn serialize_map(
        self,
        len: Option<usize>,
    ) -> std::result::Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(Camel)
    }
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> std::result::Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(Camel)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, S::Error> {
        self.0
            .serialize_struct_variant(name, index, variant, len)
            .map(Camel)
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<S: serde::ser::$trait> serde::ser::$trait for Camel<S> {
            type Ok = S::Ok;
            type Error = S::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> std::result::Result<(), S::Error> {
                self.0.$method(&Wrap(v))
            }
            fn end(self) -> std::result::Result<S::Ok, S::Error> {
                self.0.end()
            }
        }
    )*};
}

compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<S: serde::ser::SerializeMap> serde::ser::SerializeMap for Camel<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> std::result::Result<(), S::Error> {
        self.0.serialize_key(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(
        &mut self,
        v: &T,
    ) -> std::result::Result<(), S::Error> {
        self.0.serialize_value(&Wrap(v))
    }
    fn end(self) -> std::result::Result<S::Ok, S::Error> {
        self.0.end()
    }
}

impl<S: serde::ser::SerializeStruct> serde::ser::SerializeStruct for Camel<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> std::result::Result<(), S::Error> {
        self.0.serialize_field(camel_field(key), &Wrap(v))
    }
    fn skip_field(&mut self, key: &'static str) -> std::result::Result<(), S::Error> {
        self.0.skip_field(camel_field(key))
    }
    fn end(self) -> std::result::Result<S::Ok, S::Error> {
        self.0.end()
    }
}

impl<S: serde::ser::SerializeStructVariant> serde::ser::SerializeStructVariant for Camel<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> std::result::Result<(), S::Error> {
        self.0.serialize_field(camel_field(key), &Wrap(v))
    }
    fn skip_field(&mut self, key: &'static str) -> std::result::Result<(), S::Error> {
        self.0.skip_field(camel_field(key))
    }
    fn end(self) -> std::result::Result<S::Ok, S::Error> {
        self.0.end()
    }
}

/// Builds an input model from a JSON value with camelCase keys, strictly.
///
/// A mistyped key, a missing required member or a value of the wrong type gives
/// [`Error::Validation`] whose `field` is the camelCase path of the offending member
/// (`externalReserveLockerDetailList[0].assigneeType`), or `root` when the value itself is wrong
/// (e.g. a string where an object was expected).
pub fn from_camel_value<T: DeserializeOwned>(value: Value, root: &str) -> Result<T> {
    if let Some((path, key)) = snake_key(&value, "") {
        return Err(Error::validation(
            path,
            format!(
                "unknown field `{key}`: names are camelCase here (`{}`)",
                snake_to_camel(&key)
            ),
        ));
    }
    serde_path_to_error::deserialize::<_, T>(keys_to_snake(value)).map_err(|err| {
        let mut path: Vec<String> = Vec::new();
        for segment in err.path().iter() {
            match segment {
                serde_path_to_error::Segment::Map { key } => path.push(snake_to_camel(key)),
                serde_path_to_error::Segment::Seq { index } => match path.last_mut() {
                    Some(last) => last.push_str(&format!("[{index}]")),
                    None => path.push(format!("[{index}]")),
                },
                _ => {}
            }
        }
        let message = err.into_inner().to_string();
        for prefix in ["unknown field `", "missing field `"] {
            if let Some(rest) = message.strip_prefix(prefix) {
                let name = snake_to_camel(rest.split('`').next().unwrap_or_default());
                if path.last() != Some(&name) {
                    path.push(name);
                }
            }
        }
        let field = if path.is_empty() {
            root.to_owned()
        } else {
            path.join(".")
        };
        Error::validation(field, backticked_to_camel(&message))
    })
}

/// The first object key written in snake_case (`request_timeout`), with its path: one name per
/// field, so the Rust spelling is refused rather than silently accepted.
fn snake_key(value: &Value, path: &str) -> Option<(String, String)> {
    match value {
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let here = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            if k.contains('_') && k.chars().any(|c| c.is_ascii_lowercase()) {
                Some((here, k.clone()))
            } else {
                snake_key(v, &here)
            }
        }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| snake_key(v, &format!("{path}[{i}]"))),
        _ => None,
    }
}

/// Rewrites the names between backticks in a serde message (`` `first_name` `` → `` `firstName` ``).
fn backticked_to_camel(message: &str) -> String {
    message
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                snake_to_camel(part)
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// Rewrites snake_case identifiers (`to_date`, `first_name`) in a message to camelCase, leaving
/// quoted text (values the caller gave) alone.
pub fn identifiers_to_camel(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut word = String::new();
    let mut quoted = false;
    let flush = |word: &mut String, out: &mut String, quoted: bool| {
        let is_ident = word.starts_with(|c: char| c.is_ascii_lowercase())
            && word.contains('_')
            && !word.ends_with('_')
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if is_ident && !quoted {
            out.push_str(&snake_to_camel(word));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in message.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out, quoted);
            if c == '"' {
                quoted = !quoted;
            }
            out.push(c);
        }
    }
    flush(&mut word, &mut out, quoted);
    out
}

/// The same error with the field names of [`Error::Validation`] (and the identifiers its message
/// mentions) in camelCase, for bindings whose users name fields that way. Other errors are
/// returned unchanged; an auto-pager's [`Error::Page`] wrapper is kept.
pub fn error_to_camel(error: Error) -> Error {
    match error {
        Error::Validation { field, message } => Error::Validation {
            field: field
                .split('.')
                .map(snake_to_camel)
                .collect::<Vec<_>>()
                .join("."),
            message: identifiers_to_camel(&message),
        },
        Error::Page { page, source } => Error::Page {
            page,
            source: Box::new(error_to_camel(*source)),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iqtech::models::{EmployeeInput, Reservation};
    use serde_json::json;

    #[test]
    fn names_round_trip() {
        for snake in [
            "first_name",
            "is_vt_admin",
            "createdby_user",
            "emplid",
            "external_reserve_locker_detail_list",
            "suspenduntil_string",
            "page_size",
        ] {
            assert_eq!(camel_to_snake(&snake_to_camel(snake)), snake);
        }
        assert_eq!(snake_to_camel("is_vt_admin"), "isVtAdmin");
        assert_eq!(camel_to_snake("isVTAdmin"), "is_vt_admin");
        assert_eq!(camel_to_snake("serialNo"), "serial_no");
    }

    #[test]
    fn mistyped_key_is_named_in_camel_case() {
        let err = from_camel_value::<EmployeeInput>(
            json!({"department": "D", "firstName": "F", "lastName": "L",
                   "employeeNumber": "1", "fristName": "x"}),
            "input",
        )
        .unwrap_err();
        match &err {
            Error::Validation { field, message } => {
                assert_eq!(field, "fristName");
                assert!(message.contains("`fristName`"), "{message}");
                assert!(message.contains("`firstName`"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn snake_case_keys_are_refused_with_the_camel_case_name() {
        let err = from_camel_value::<EmployeeInput>(
            json!({"department": "D", "first_name": "F"}),
            "input",
        )
        .unwrap_err();
        match &err {
            Error::Validation { field, message } => {
                assert_eq!(field, "first_name");
                assert!(message.contains("`firstName`"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn nested_type_error_and_missing_field_give_paths() {
        let bad = json!({"createdbyUser": "u", "selection": "1", "reservationType": "Release",
            "sendCode": "NONE", "locationName": "L", "serialNumber": "WTN1",
            "externalReserveLockerDetailList": [{"assigneeType": 5}]});
        let err = from_camel_value::<Reservation>(bad, "reservation").unwrap_err();
        assert!(
            matches!(&err, Error::Validation { field, .. }
                if field == "externalReserveLockerDetailList[0].assigneeType"),
            "{err:?}"
        );
        let err =
            from_camel_value::<EmployeeInput>(json!({"department": "D"}), "input").unwrap_err();
        assert!(
            matches!(&err, Error::Validation { field, .. } if field == "firstName"),
            "{err:?}"
        );
        let err = from_camel_value::<EmployeeInput>(json!("nope"), "input").unwrap_err();
        assert!(
            matches!(&err, Error::Validation { field, .. } if field == "input"),
            "{err:?}"
        );
    }

    #[test]
    fn output_renames_struct_fields_only_and_both_paths_agree() {
        #[derive(Serialize)]
        struct Inner {
            page_size: u32,
        }
        #[derive(Serialize)]
        struct Outer {
            first_name: Option<String>,
            per_route: std::collections::BTreeMap<String, u32>,
            inner_list: Vec<Inner>,
        }
        let v = Outer {
            first_name: None,
            per_route: [("will_call.add_reservation".to_owned(), 2)].into(),
            inner_list: vec![Inner { page_size: 5 }],
        };
        let text = to_camel_json(&v).unwrap();
        assert_eq!(
            text,
            r#"{"firstName":null,"perRoute":{"will_call.add_reservation":2},"innerList":[{"pageSize":5}]}"#
        );
        assert_eq!(
            to_camel_value(&v).unwrap(),
            serde_json::from_str::<Value>(&text).unwrap()
        );
    }

    #[test]
    fn direct_writer_writes_what_the_adapter_wrote() {
        #[derive(Serialize)]
        enum Kind {
            Plain,
            New(u8),
            Pair(i32, f64),
            Named { inner_field: Option<bool> },
        }
        #[derive(Serialize)]
        struct Unit;
        #[derive(Serialize)]
        struct Odd {
            kinds: Vec<Kind>,
            unit_value: Unit,
            tuple_value: (u64, char, ()),
            by_number: std::collections::BTreeMap<u32, String>,
            bytes_value: serde_json::Value,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped_value: Option<u8>,
            float_value: f64,
            not_finite: f32,
        }
        let odd = Odd {
            kinds: vec![
                Kind::Plain,
                Kind::New(7),
                Kind::Pair(-3, 0.1),
                Kind::Named { inner_field: None },
            ],
            unit_value: Unit,
            tuple_value: (u64::MAX, 'é', ()),
            by_number: [(3, "a\"b\n\u{1}é😀".to_owned())].into(),
            bytes_value: json!({"snake_key": [1, "x", null, {"deep_key": true}]}),
            skipped_value: None,
            float_value: 1e300,
            not_finite: f32::NAN,
        };
        assert_eq!(
            to_camel_json(&odd).unwrap(),
            to_camel_json_adapter(&odd).unwrap()
        );
        let page: iqtech::TransactionPage = serde_json::from_value(json!({
            "items": [{"machineDetails": {"serialNo": "WTN\"1\u{7}", "location": "Zürich"},
                "transactionDetails": [{"transactionDateAndTime": "2024-04-01T16:24:39.2527152",
                    "pricePerItem": "12.50", "total": "0.10", "qtyTaken": "1",
                    "batchDetails": [{"lotNumber": "L1", "qtyTaken": "1"}],
                    "userLimit": [{"question": "Q?", "response": null}]}]},
                {"machineDetails": null, "transactionDetails": null}],
            "metaData": {"pageNumber": 1, "hasNextPage": true}
        }))
        .unwrap();
        let direct = to_camel_json(&page).unwrap();
        assert_eq!(direct, to_camel_json_adapter(&page).unwrap());
        assert!(direct.contains(r#""pricePerItem":"12.50""#), "{direct}");
        assert_eq!(
            to_camel_json(&page).unwrap(),
            direct,
            "the name table is reused"
        );
    }

    #[test]
    fn validation_errors_are_renamed_but_quoted_values_are_not() {
        let e = error_to_camel(Error::validation(
            "from_date",
            "2024-03-02 is after to_date \"a_b\"",
        ));
        assert_eq!(
            e.to_string(),
            "invalid fromDate: 2024-03-02 is after toDate \"a_b\""
        );
        let e = error_to_camel(Error::Page {
            page: 3,
            source: Box::new(Error::validation("page_size", "x")),
        });
        assert_eq!(e.page(), Some(3));
        assert_eq!(e.to_string(), "page 3: invalid pageSize: x");
    }
}
