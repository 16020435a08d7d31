//! Python arguments → the core's argument types.
//!
//! Plain arguments (numbers, text, switches) convert through [`PyArg`], one impl per core type.
//! Record inputs arrive as keyword arguments and/or one positional dict. They are turned into JSON-like
//! values (`datetime.date`/`datetime` → ISO text, `decimal.Decimal` → text, enum members → their
//! values) and deserialized into the core's input struct through serde. The core's input structs
//! deserialize from snake_case with `deny_unknown_fields`, so a misspelt or missing argument is a
//! `ValidationError` naming the field, raised before anything is sent.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

use crate::error::validation;

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ENUM: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Builds a core input from an optional positional dict and keyword arguments (keywords win).
pub(crate) fn input<T: DeserializeOwned>(
    py: Python<'_>,
    data: Option<&Bound<'_, PyAny>>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let mut fields = Map::new();
    if let Some(data) = data.filter(|d| !d.is_none()) {
        match to_value(data, "")? {
            Value::Object(map) => fields.extend(map),
            _ => {
                return Err(validation(
                    py,
                    "data",
                    format!(
                        "expected a dict or keyword arguments, got {}",
                        type_name(data)
                    ),
                ))
            }
        }
    }
    if let Some(kwargs) = kwargs {
        if let Value::Object(map) = to_value(kwargs.as_any(), "")? {
            fields.extend(map);
        }
    }
    from_value(py, Value::Object(fields))
}

/// Deserializes a core input from a JSON-like value, naming the failing field.
pub(crate) fn from_value<T: DeserializeOwned>(py: Python<'_>, value: Value) -> PyResult<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        // serde_path_to_error's path ends at an unknown field, and at the parent of a missing one.
        let field = match (named_field(&message), path.as_str()) {
            (Some(name), "." | "") => name.to_owned(),
            (Some(name), p) if p == name || p.ends_with(&format!(".{name}")) => p.to_owned(),
            (Some(name), parent) => format!("{parent}.{name}"),
            (None, "." | "") => "data".to_owned(),
            (None, p) => p.to_owned(),
        };
        validation(py, &field, message)
    })
}

/// The field serde names in "unknown field `x`" / "missing field `x`".
pub(crate) fn named_field(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("missing field `"))?;
    rest.split('`').next()
}

/// A method argument of the core's type `Self`, as Python passes it: the table's argument
/// types implement this, so the generated methods convert every argument the same way.
pub(crate) trait PyArg: Sized {
    /// What pyo3 extracts first (a wrong Python type is a `TypeError` there).
    type Carrier;
    /// The core's value; a value the type cannot hold is a `ValidationError` naming `field`.
    fn convert(py: Python<'_>, field: &str, value: Self::Carrier) -> PyResult<Self>;
}

/// Identity conversions: the carrier is the core's type.
macro_rules! same_type_args {
    ($($ty:ty),*) => {$(
        impl PyArg for $ty {
            type Carrier = $ty;
            fn convert(_: Python<'_>, _: &str, value: $ty) -> PyResult<$ty> {
                Ok(value)
            }
        }
    )*};
}

same_type_args!(String, bool);

impl PyArg for u32 {
    type Carrier = i64;
    fn convert(py: Python<'_>, field: &str, value: i64) -> PyResult<u32> {
        u32::try_from(value).map_err(|_| {
            validation(
                py,
                field,
                format!("must be a whole number from 0 to {}, got {value}", u32::MAX),
            )
        })
    }
}

impl<T: PyArg> PyArg for Option<T> {
    type Carrier = Option<T::Carrier>;
    fn convert(py: Python<'_>, field: &str, value: Self::Carrier) -> PyResult<Self> {
        value.map(|v| T::convert(py, field, v)).transpose()
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into())
}

/// A Python value as JSON; `path` names it in errors.
pub(crate) fn to_value(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return Err(validation(py, field_or(path), "the number is too large"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| validation(py, field_or(path), "must be a finite number"));
    }
    if obj.is_instance(DATE.import(py, "datetime", "date")?)?
        || obj.is_instance(TIME.import(py, "datetime", "time")?)?
    {
        return Ok(Value::String(
            obj.call_method0("isoformat")?.extract::<String>()?,
        ));
    }
    if obj.is_instance(iqtech::ffi::python::decimal_type(py)?)? {
        return Ok(Value::String(obj.str()?.to_cow()?.into_owned()));
    }
    if obj.is_instance(ENUM.import(py, "enum", "Enum")?)? {
        return to_value(&obj.getattr("value")?, path);
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return mapping(dict.items().iter(), path);
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        return mapping(m.items()?.iter(), path);
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(to_value(&item?, &format!("{path}[{i}]"))?);
        }
        return Ok(Value::Array(items));
    }
    Err(validation(
        py,
        field_or(path),
        format!("unsupported type {}", type_name(obj)),
    ))
}

fn mapping<'py>(items: impl Iterator<Item = Bound<'py, PyAny>>, path: &str) -> PyResult<Value> {
    let mut map = Map::new();
    for pair in items {
        let (key, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = pair.extract()?;
        let key = match key.cast::<PyString>() {
            Ok(k) => k.to_cow()?.into_owned(),
            Err(_) => {
                return Err(validation(
                    key.py(),
                    field_or(path),
                    format!("keys must be strings, got {}", type_name(&key)),
                ))
            }
        };
        let child = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        map.insert(key, to_value(&value, &child)?);
    }
    Ok(Value::Object(map))
}

fn field_or(path: &str) -> &str {
    if path.is_empty() {
        "data"
    } else {
        path
    }
}
