//! JavaScript values ⇄ the core's models, through serde with camelCase keys.
//!
//! Why this exists: the models are defined once, in the core, with serde; JavaScript users see
//! plain objects with camelCase keys. Inputs go JS value → [`serde_json::Value`] (this module) →
//! [`case::from_camel_value`] (strict: a mistyped key or a wrong type is a `ValidationError`
//! naming the field); outputs go model → [`case::to_camel_json`] (JSON text, written on the
//! runtime's threads) → `JSON.parse` on the JavaScript thread ([`Json`]). This is the one path
//! from a core result to JavaScript objects, and [`Args`] the one calling convention of every
//! table method.
//!
//! JavaScript values with no JSON twin: `undefined` members are left out (as JSON.stringify
//! does); a `Date` becomes its RFC 3339 UTC text (`2024-03-01T00:00:00.000Z`), which the core
//! reads as a timestamp or, for a calendar date, as its UTC date; functions, symbols and bigints
//! are refused with a `ValidationError`.

use std::ptr;

use chrono::{DateTime, SecondsFormat, Utc};
use napi::bindgen_prelude::{FromNapiValue, ToNapiValue, Unknown};
use napi::{sys, JsValue};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Number, Value};

use iqtech::Error;
use iqtech_node_support::case;

/// Deepest nesting accepted in an input (the models nest three levels).
const MAX_DEPTH: usize = 32;

/// A JavaScript value as JSON, or a `ValidationError` naming the member (`path`) that cannot be
/// represented.
pub fn js_to_json(value: &Unknown<'_>, path: &str) -> Result<Value, Error> {
    let v = value.value();
    let (env, raw) = (v.env, v.value);
    // SAFETY: `env` and `raw` come from a live `Unknown` of the current call.
    unsafe { to_json(env, raw, path, 0) }
}

fn napi_failed(path: &str) -> Error {
    Error::validation(path, "could not be read from JavaScript")
}

fn check(status: sys::napi_status, path: &str) -> Result<(), Error> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(napi_failed(path))
    }
}

unsafe fn to_json(
    env: sys::napi_env,
    raw: sys::napi_value,
    path: &str,
    depth: usize,
) -> Result<Value, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::validation(path, "is nested too deeply"));
    }
    let mut ty = 0;
    check(unsafe { sys::napi_typeof(env, raw, &mut ty) }, path)?;
    match ty {
        sys::ValueType::napi_undefined | sys::ValueType::napi_null => Ok(Value::Null),
        sys::ValueType::napi_boolean => unsafe { bool::from_napi_value(env, raw) }
            .map(Value::Bool)
            .map_err(|_| napi_failed(path)),
        sys::ValueType::napi_number => {
            let n = unsafe { f64::from_napi_value(env, raw) }.map_err(|_| napi_failed(path))?;
            number(n).ok_or_else(|| Error::validation(path, format!("{n} is not a finite number")))
        }
        sys::ValueType::napi_string => unsafe { String::from_napi_value(env, raw) }
            .map(Value::String)
            .map_err(|_| napi_failed(path)),
        sys::ValueType::napi_object => unsafe { object_to_json(env, raw, path, depth) },
        sys::ValueType::napi_function => {
            Err(Error::validation(path, "must be data, not a function"))
        }
        sys::ValueType::napi_bigint => Err(Error::validation(
            path,
            "must be a number or a string, not a bigint",
        )),
        _ => Err(Error::validation(
            path,
            "cannot be sent (symbol or external value)",
        )),
    }
}

/// A JS number as JSON: integers (up to 2^53) stay integers, so `page: 2` reads as a `u32`.
fn number(n: f64) -> Option<Value> {
    if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 {
        Some(Value::Number(Number::from(n as i64)))
    } else {
        Number::from_f64(n).map(Value::Number)
    }
}

unsafe fn object_to_json(
    env: sys::napi_env,
    raw: sys::napi_value,
    path: &str,
    depth: usize,
) -> Result<Value, Error> {
    let mut is_date = false;
    check(unsafe { sys::napi_is_date(env, raw, &mut is_date) }, path)?;
    if is_date {
        let mut ms = 0.0;
        check(unsafe { sys::napi_get_date_value(env, raw, &mut ms) }, path)?;
        return date_text(ms)
            .map(Value::String)
            .ok_or_else(|| Error::validation(path, "is an invalid Date"));
    }
    let mut is_array = false;
    check(unsafe { sys::napi_is_array(env, raw, &mut is_array) }, path)?;
    if is_array {
        let mut len = 0u32;
        check(
            unsafe { sys::napi_get_array_length(env, raw, &mut len) },
            path,
        )?;
        let mut items = Vec::with_capacity(len as usize);
        for i in 0..len {
            let item_path = format!("{path}[{i}]");
            let mut item = ptr::null_mut();
            check(
                unsafe { sys::napi_get_element(env, raw, i, &mut item) },
                &item_path,
            )?;
            items.push(unsafe { to_json(env, item, &item_path, depth + 1) }?);
        }
        return Ok(Value::Array(items));
    }
    let mut keys = ptr::null_mut();
    check(
        unsafe {
            sys::napi_get_all_property_names(
                env,
                raw,
                sys::KeyCollectionMode::own_only,
                sys::KeyFilter::enumerable | sys::KeyFilter::skip_symbols,
                sys::KeyConversion::numbers_to_strings,
                &mut keys,
            )
        },
        path,
    )?;
    let mut len = 0u32;
    check(
        unsafe { sys::napi_get_array_length(env, keys, &mut len) },
        path,
    )?;
    let mut map = Map::new();
    for i in 0..len {
        let mut key = ptr::null_mut();
        check(
            unsafe { sys::napi_get_element(env, keys, i, &mut key) },
            path,
        )?;
        let name = unsafe { String::from_napi_value(env, key) }.map_err(|_| napi_failed(path))?;
        let member_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}.{name}")
        };
        let mut member = ptr::null_mut();
        check(
            unsafe { sys::napi_get_property(env, raw, key, &mut member) },
            &member_path,
        )?;
        let mut ty = 0;
        check(
            unsafe { sys::napi_typeof(env, member, &mut ty) },
            &member_path,
        )?;
        if ty == sys::ValueType::napi_undefined {
            continue;
        }
        map.insert(name, unsafe {
            to_json(env, member, &member_path, depth + 1)
        }?);
    }
    Ok(Value::Object(map))
}

/// A `Date`'s time value (ms since the epoch) as RFC 3339 UTC text, as `toISOString` writes it.
fn date_text(ms: f64) -> Option<String> {
    if !ms.is_finite() {
        return None;
    }
    DateTime::<Utc>::from_timestamp_millis(ms as i64)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
}

/// Names the argument itself when an error is about the whole value (empty path).
fn named(error: Error, name: &str) -> Error {
    match error {
        Error::Validation { field, message } if field.is_empty() => {
            Error::validation(name, message)
        }
        other => other,
    }
}

/// A JavaScript argument as JSON; `undefined` and `null` are `None`.
fn argument_json(value: Option<&Unknown<'_>>, name: &str) -> Result<Option<Value>, Error> {
    match value {
        None => Ok(None),
        Some(v) => match js_to_json(v, "").map_err(|e| named(e, name))? {
            Value::Null => Ok(None),
            json => Ok(Some(json)),
        },
    }
}

/// A core input (model, settings, scalar) from an optional JavaScript object argument named
/// `name`, strictly (absent or `null` means `{}`; a mistyped key is a `ValidationError`
/// naming it).
pub fn input<T: DeserializeOwned>(value: Option<&Unknown<'_>>, name: &str) -> Result<T, Error> {
    let json = argument_json(value, name)?.unwrap_or_else(|| Value::Object(Map::new()));
    case::from_camel_value(json, name)
}

/// A core input from a required JavaScript argument named `name`.
pub fn required<T: DeserializeOwned>(value: &Unknown<'_>, name: &str) -> Result<T, Error> {
    match argument_json(Some(value), name)? {
        None => Err(Error::validation(name, "is required")),
        Some(json) => case::from_camel_value(json, name),
    }
}

/// How many JavaScript arguments a table method accepts: its required arguments, then one
/// options object. Every entry of the table fits (the generator checks it).
pub const ARGUMENT_SLOTS: usize = 3;

/// The calling convention of every table method, in one place: required arguments are
/// positional (records as plain objects), arguments with a default are members of one trailing
/// options object (`list({ page, pageSize })`, `iter(query, { concurrency })`). Each value is
/// converted strictly through serde with camelCase names, so a wrong type, a missing argument
/// or an unknown option is a `ValidationError` naming it, before anything is sent.
pub struct Args<'a> {
    slots: [Option<Unknown<'a>>; ARGUMENT_SLOTS],
    next: usize,
    /// The options object, once the first defaulted argument asked for it.
    options: Option<Map<String, Value>>,
    /// The option names read, for the message about an unknown one.
    known: Vec<String>,
}

impl<'a> Args<'a> {
    /// The arguments of one call, as napi passed them.
    pub fn new(slots: [Option<Unknown<'a>>; ARGUMENT_SLOTS]) -> Self {
        Self {
            slots,
            next: 0,
            options: None,
            known: Vec::new(),
        }
    }

    /// The next positional argument, converted to `T`; `name` is the table's snake_case name.
    pub fn required<T: DeserializeOwned>(&mut self, name: &str) -> Result<T, Error> {
        let name = case::snake_to_camel(name);
        let slot = self.slots.get_mut(self.next).and_then(Option::take);
        self.next += 1;
        match argument_json(slot.as_ref(), &name)? {
            None => Err(Error::validation(name, "is required")),
            Some(json) => case::from_camel_value(json, &name),
        }
    }

    /// The member `name` of the options object (the argument after the required ones),
    /// converted to `T`; `None` when absent, `undefined` or `null` (the caller's default).
    pub fn optional<T: DeserializeOwned>(&mut self, name: &str) -> Result<Option<T>, Error> {
        if self.options.is_none() {
            let slot = self.slots.get_mut(self.next).and_then(Option::take);
            self.next += 1;
            self.options = Some(match argument_json(slot.as_ref(), "options")? {
                None => Map::new(),
                Some(Value::Object(map)) => map,
                Some(_) => return Err(Error::validation("options", "must be an object")),
            });
        }
        let name = case::snake_to_camel(name);
        let value = self.options.as_mut().and_then(|m| m.remove(&name));
        self.known.push(name.clone());
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(json) => case::from_camel_value(json, &name).map(Some),
        }
    }

    /// Fails on an option nobody asked for, or an argument beyond the last one.
    pub fn finish(self) -> Result<(), Error> {
        if let Some(unknown) = self.options.iter().flat_map(|m| m.keys()).next() {
            let expected = self
                .known
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>();
            return Err(Error::validation(
                unknown.clone(),
                format!(
                    "unknown option `{unknown}`, expected {}",
                    expected.join(", ")
                ),
            ));
        }
        let given = self.slots.iter().skip(self.next).flatten().count();
        if given > 0 {
            return Err(Error::validation(
                "arguments",
                format!("too many arguments: this method takes {}", self.next),
            ));
        }
        Ok(())
    }
}

/// A core result as the value a JavaScript caller receives (camelCase keys), as JSON text
/// written on the runtime's threads; `()` becomes `undefined`. See [`Json`].
pub fn output<T: Serialize + 'static>(value: &T) -> Result<Json, Error> {
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<()>() {
        return Ok(Json(None));
    }
    case::to_camel_json(value).map(|text| Json(Some(text)))
}

/// JSON text that becomes a JavaScript value through V8's `JSON.parse`, on the JavaScript
/// thread.
///
/// Why text: building a result object property by property through N-API (one call per key and
/// value) costs several times more than V8's own parser for the pages this API returns (100
/// employees are ~1,800 properties), and the text is produced on the runtime's threads, off
/// the JavaScript thread.
/// `None` is `undefined` (a call that returns nothing).
pub struct Json(pub Option<String>);

thread_local! {
    /// `JSON.parse` of this thread's environment (one environment per JavaScript thread).
    static JSON_PARSE: std::cell::Cell<(sys::napi_env, sys::napi_ref)> =
        const { std::cell::Cell::new((ptr::null_mut(), ptr::null_mut())) };
}

/// `JSON.parse`, looked up once per environment.
unsafe fn json_parse(env: sys::napi_env) -> napi::Result<sys::napi_value> {
    let (cached_env, reference) = JSON_PARSE.with(std::cell::Cell::get);
    let mut func = ptr::null_mut();
    if cached_env == env
        && !reference.is_null()
        && unsafe { sys::napi_get_reference_value(env, reference, &mut func) }
            == sys::Status::napi_ok
        && !func.is_null()
    {
        return Ok(func);
    }
    let mut global = ptr::null_mut();
    let mut json = ptr::null_mut();
    unsafe {
        napi::check_status!(sys::napi_get_global(env, &mut global))?;
        napi::check_status!(sys::napi_get_named_property(
            env,
            global,
            c"JSON".as_ptr(),
            &mut json
        ))?;
        napi::check_status!(sys::napi_get_named_property(
            env,
            json,
            c"parse".as_ptr(),
            &mut func
        ))?;
        let mut r = ptr::null_mut();
        napi::check_status!(sys::napi_create_reference(env, func, 1, &mut r))?;
        JSON_PARSE.with(|c| c.set((env, r)));
    }
    Ok(func)
}

impl ToNapiValue for Json {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        let Some(text) = val.0 else {
            // SAFETY: `env` is the live environment napi passed in.
            return unsafe { <() as ToNapiValue>::to_napi_value(env, ()) };
        };
        unsafe {
            let text = <&str as ToNapiValue>::to_napi_value(env, text.as_str())?;
            let parse = json_parse(env)?;
            let mut global = ptr::null_mut();
            napi::check_status!(sys::napi_get_global(env, &mut global))?;
            let mut out = ptr::null_mut();
            napi::check_status!(sys::napi_call_function(
                env, global, parse, 1, &text, &mut out
            ))?;
            Ok(out)
        }
    }
}
