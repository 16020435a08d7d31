//! Python conversions of the models (feature `python`, used by `bindings-python`).
//!
//! Why this file is in the core: pyo3 lets only the crate that defines a type give it Python
//! methods and conversions (Rust's orphan rule). So the response models carry a one-line
//! `cfg_attr(feature = "python", pyo3::pyclass(...))` where they are defined, and this file adds
//! what those classes need beyond their attributes: `__repr__`, `to_dict()`, and conversions of
//! the field types pyo3 does not know. No logic lives here.
//!
//! Field conversions (Rust → Python), on attribute access:
//! - [`Timestamp`] → `datetime.datetime`: aware when the text carries an offset, naive when it
//!   has none (the server's usual form); the raw `str` when the text is not a timestamp at all.
//!   Python keeps microseconds, so the server's seventh fractional digit is dropped (the raw text
//!   stays in `to_dict()`).
//! - [`Language`] → the member of the `str`-valued enum `iqtech.Language` when known, else the
//!   raw `str` (an unknown value is kept, never an error).
//! - [`StockSeverity`] → the member of the `str`-valued enum `iqtech.StockSeverity`.
//! - `Decimal` → `decimal.Decimal`, `NaiveDate` → `datetime.date`: pyo3's own conversions.
//!
//! Each value is built once, on its first read, and kept on the object (in its `__dict__`): a
//! second read of `page.items` or `detail.total` returns the same Python object without building
//! it again, so reading a field twice costs a dictionary lookup. The objects stay read-only.
//!
//! A list of records (`page.items`, `transaction.transaction_details`) is handed over, not
//! copied: its first read moves the records out of the Rust struct into the new Python objects,
//! so a page's records are never copied. The Rust struct is then hollow in that field, so
//! `to_dict()`, `__repr__` and `==` work on the model's whole value (`Whole`), which puts the
//! records back from the Python objects (from a tuple of them kept beside the list, which the
//! caller may change). Nothing a caller can see changes.
//!
//! `to_dict()` is the serde form (the same JSON the other SDKs print): snake_case keys, decimals
//! and timestamps as strings, languages as their names. `__repr__` shows the same values, never
//! a secret: access codes (and their bar code URLs) are redacted.

use chrono::TimeZone;
use pyo3::exceptions::PyAttributeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use pyo3::PyClass;
use serde::Serialize;
use serde_json::Value;

use crate::models::*;
use crate::reports::{LowStockRow, StockSeverity};

/// The pure-Python module of the `iqtech` package that defines the `str`-valued enums.
pub const ENUM_MODULE: &str = "iqtech._enums";

static LANGUAGE_CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SEVERITY_CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// The members of `iqtech.Language`, looked up once (attribute reads stay cheap).
static LANGUAGE_MEMBERS: [PyOnceLock<Py<PyAny>>; 3] = [const { PyOnceLock::new() }; 3];

/// Fields whose values `__repr__` hides.
const REDACTED_FIELDS: &[&str] = &[
    "code",
    "bar_code",
    "pin",
    "old_pin",
    "client_secret",
    "access_token",
];

impl<'py> IntoPyObject<'py> for &Timestamp {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.parts() {
            Some((naive, Some(offset))) => match offset.from_local_datetime(&naive).single() {
                Some(aware) => Ok(aware.into_pyobject(py)?.into_any()),
                None => Ok(PyString::new(py, self.as_str()).into_any()),
            },
            Some((naive, None)) => Ok(naive.into_pyobject(py)?.into_any()),
            None => Ok(PyString::new(py, self.as_str()).into_any()),
        }
    }
}

impl<'py> IntoPyObject<'py> for Timestamp {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &Language {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let (slot, name) = match self {
            Language::Other { value } => return Ok(PyString::new(py, value).into_any()),
            Language::English => (0, "English"),
            Language::Spanish => (1, "Spanish"),
            Language::French => (2, "French"),
        };
        LANGUAGE_MEMBERS[slot]
            .get_or_try_init(py, || {
                let class = LANGUAGE_CLASS.import(py, ENUM_MODULE, "Language")?;
                Ok::<_, PyErr>(class.call1((name,))?.unbind())
            })
            .map(|member| member.bind(py).clone())
    }
}

impl<'py> IntoPyObject<'py> for Language {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &StockSeverity {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        SEVERITY_CLASS
            .import(py, ENUM_MODULE, "StockSeverity")?
            .call1((self.as_str(),))
    }
}

impl<'py> IntoPyObject<'py> for StockSeverity {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (&self).into_pyobject(py)
    }
}

/// A model's field as a caching, non-data descriptor: the value is built on the first read and
/// stored in the instance's `__dict__`, where every later read finds it first.
///
/// Why: pyo3's getter for a field converts the Rust value into new Python objects (a list of
/// records, a `Decimal`, a `datetime`) every time it runs, and a getter is a data descriptor,
/// which Python asks before the instance's `__dict__`. Wrapping it in a descriptor with only
/// `__get__` (what `functools.cached_property` does) makes a second read a plain dictionary
/// lookup in CPython, with no call into Rust. A model is read-only, so its values cannot go
/// stale.
#[pyclass(frozen, module = "iqtech")]
struct CachedField {
    /// pyo3's getter of the field (a `getset_descriptor`).
    getter: Py<PyAny>,
    /// The getter's `__get__`, looked up once.
    get: Py<PyAny>,
    /// The getter type's C-level `tp_descr_get`, where the interpreter hands it out (CPython
    /// 3.10 and later; 3.9 gives slots of heap types only). Calling it directly saves the bound
    /// method and the argument tuple of `get` on every first read.
    descr_get: Option<pyo3::ffi::descrgetfunc>,
    /// The field's name.
    name: Py<PyString>,
    /// A conversion of the field that bypasses the getter ([`DIRECT_READS`], [`LIST_READS`]),
    /// if it has one.
    direct: Option<DirectRead>,
}

#[pymethods]
impl CachedField {
    /// The field's value on an instance; on the class, pyo3's getter (which introspection and
    /// stubtest know as a property). That getter reads the Rust value only: on a record whose
    /// list of records was handed over (see the module docs) it gives an empty list.
    fn __get__<'py>(
        slf: &Bound<'py, Self>,
        obj: Option<&Bound<'py, PyAny>>,
        owner: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            return Ok(slf.get().getter.bind(py).clone());
        };
        let field = slf.get();
        let value = match (field.direct, field.descr_get) {
            (Some(read), _) => read(obj)?,
            // SAFETY: `descr_get` is the `tp_descr_get` slot of the getter's own type, called
            // as CPython calls it (descriptor, instance, owner or NULL), with live references;
            // it returns a new reference, or NULL with an exception set.
            (None, Some(descr_get)) => unsafe {
                let owner = owner.map_or(std::ptr::null_mut(), |o| o.as_ptr());
                let value = descr_get(field.getter.as_ptr(), obj.as_ptr(), owner);
                Bound::from_owned_ptr_or_err(py, value)?
            },
            (None, None) => field.get.bind(py).call1((obj, owner))?,
        };
        let name = field.name.bind(py);
        // SAFETY: `obj`, `name` and `value` are live references for the whole call; the generic
        // setter stores into the instance `__dict__` because this descriptor has no `__set__`
        // (it bypasses the class's read-only `__setattr__`), and returns -1 with an exception
        // set on failure.
        if unsafe {
            pyo3::ffi::PyObject_GenericSetAttr(obj.as_ptr(), name.as_ptr(), value.as_ptr())
        } != 0
        {
            return Err(PyErr::fetch(py));
        }
        Ok(value)
    }

    #[getter]
    fn __doc__(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(self
            .getter
            .bind(py)
            .getattr(intern!(py, "__doc__"))?
            .unbind())
    }
}

/// The `tp_descr_get` slot of `descriptor`'s type, or `None` where the interpreter does not
/// give slots of static types (CPython 3.9).
fn descr_get_slot(descriptor: &Bound<'_, PyAny>) -> Option<pyo3::ffi::descrgetfunc> {
    // SAFETY: `descriptor` is live, so its type is; `PyType_GetSlot` returns the slot's function
    // pointer (a `descrgetfunc` for `Py_tp_descr_get`) or NULL, with an exception set on 3.9.
    let slot = unsafe {
        pyo3::ffi::PyType_GetSlot(
            pyo3::ffi::Py_TYPE(descriptor.as_ptr()),
            pyo3::ffi::Py_tp_descr_get,
        )
    };
    if slot.is_null() {
        // On 3.9 the call leaves a `SystemError` set; the generic path below is used instead.
        let _ = PyErr::take(descriptor.py());
        return None;
    }
    // SAFETY: a non-null `Py_tp_descr_get` slot is a `descrgetfunc`.
    Some(unsafe { std::mem::transmute::<*mut std::ffi::c_void, pyo3::ffi::descrgetfunc>(slot) })
}

/// Converts one field of a model instance (`obj`) to Python, without pyo3's getter.
type DirectRead = for<'py> fn(&Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>>;

/// Lists the `Option<Decimal>` fields of the models and reads each with [`decimal`].
macro_rules! decimal_fields {
    ($($model:ident { $($field:ident),+ $(,)? }),+ $(,)?) => {
        /// The fields read by a [`DirectRead`]: (model, field, read). Every `Option<Decimal>`
        /// field of the models is here (a test checks); one left out would still work, through
        /// pyo3's getter.
        const DIRECT_READS: &[(&str, &str, DirectRead)] = &[$($(
            (stringify!($model), stringify!($field), {
                fn read<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                    decimal(obj.py(), obj.cast::<$model>()?.try_borrow()?.$field)
                }
                read
            }),
        )+)+];
    };
}

decimal_fields! {
    PlanogramEntry { price },
    BatchDetail { qty_taken },
    TransactionDetail {
        dispensed_quantity,
        price_per_item,
        total,
        package_quantity,
        package_price,
    },
}

static DECIMAL_CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `decimal.Decimal`, imported once per interpreter: the class money fields are made of, and
/// the one the binding accepts for money arguments. Fails only if `decimal` cannot be imported.
pub fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL_CLASS.import(py, "decimal", "Decimal")
}

/// `decimal.Decimal` of the exact value (scale kept: `12.50` stays `Decimal('12.50')`), or
/// `None`. Why not pyo3's conversion: it formats the value into a new `String` first; this
/// writes the digits on the stack (the same text; a test checks), a third of a first read.
fn decimal(py: Python<'_>, value: Option<rust_decimal::Decimal>) -> PyResult<Bound<'_, PyAny>> {
    let Some(value) = value else {
        return Ok(py.None().into_bound(py));
    };
    let mut buf = [0u8; DECIMAL_TEXT_MAX];
    let text = decimal_text(&value, &mut buf);
    decimal_type(py)?.call1((PyString::new(py, text),))
}

/// The longest text of a `rust_decimal::Decimal`: a sign, 29 digits, a point, 28 zeros.
const DECIMAL_TEXT_MAX: usize = 60;

/// `value` as `Decimal::to_string` writes it (`-`, digits, `.` and exactly `scale` fraction
/// digits), written into `buf`.
fn decimal_text<'b>(value: &rust_decimal::Decimal, buf: &'b mut [u8; DECIMAL_TEXT_MAX]) -> &'b str {
    let scale = value.scale() as usize;
    let mut digits = value.mantissa().unsigned_abs();
    let mut at = buf.len();
    let mut written = 0;
    while digits > 0 || written <= scale {
        if written == scale && scale > 0 {
            at -= 1;
            buf[at] = b'.';
        }
        at -= 1;
        buf[at] = b'0' + (digits % 10) as u8;
        digits /= 10;
        written += 1;
    }
    if value.is_sign_negative() {
        at -= 1;
        buf[at] = b'-';
    }
    // Only ASCII digits, '.' and '-' were written.
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

/// Replaces every field getter of a model class with its [`CachedField`].
fn cache_fields(class: &Bound<'_, PyType>) -> PyResult<()> {
    let py = class.py();
    let getset = py
        .import(intern!(py, "types"))?
        .getattr(intern!(py, "GetSetDescriptorType"))?;
    let attributes = class.getattr(intern!(py, "__dict__"))?;
    let mut fields = Vec::new();
    for item in attributes.call_method0(intern!(py, "items"))?.try_iter()? {
        let (name, value): (Bound<'_, PyString>, Bound<'_, PyAny>) = item?.extract()?;
        if value.is_instance(&getset)? && !name.to_cow()?.starts_with('_') {
            fields.push((name, value));
        }
    }
    let model = class.name()?;
    let model = model.to_cow()?;
    for (name, getter) in fields {
        let field_name = name.to_cow()?;
        let direct = DIRECT_READS
            .iter()
            .chain(LIST_READS)
            .find(|(m, f, _)| *m == model && *f == field_name)
            .map(|(_, _, read)| *read);
        let field = CachedField {
            get: getter.getattr(intern!(py, "__get__"))?.unbind(),
            descr_get: descr_get_slot(&getter),
            getter: getter.unbind(),
            name: name.clone().unbind(),
            direct,
        };
        class.setattr(name, Py::new(py, field)?)?;
    }
    Ok(())
}

/// The error of an assignment to a model's attribute: models are read-only values.
fn read_only(model: &str, name: &str) -> PyErr {
    PyAttributeError::new_err(format!(
        "'{model}' objects are read-only: cannot set attribute '{name}'"
    ))
}

/// The serde form of a model as a Python object (dicts, lists, str, int, float, bool, None).
fn to_dict<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(PyErr::from)
}

/// `Name(field=value, ...)`, fields that are `None` or empty lists left out, secrets redacted.
fn repr<T: Serialize>(name: &str, value: &T) -> String {
    let mut out = String::with_capacity(128);
    out.push_str(name);
    out.push('(');
    if let Ok(Value::Object(fields)) = serde_json::to_value(value) {
        let mut first = true;
        for (key, v) in &fields {
            if v.is_null() || v.as_array().is_some_and(Vec::is_empty) {
                continue;
            }
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(key);
            out.push('=');
            write_value(&mut out, key, v);
        }
    }
    out.push(')');
    out
}

/// Writes a JSON value as a Python literal; lists of records are summarised by their length.
fn write_value(out: &mut String, key: &str, v: &Value) {
    if REDACTED_FIELDS.contains(&key) && !v.is_null() {
        out.push_str("'<redacted>'");
        return;
    }
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_str(out, s),
        Value::Array(items) if items.iter().any(Value::is_object) => {
            out.push_str(&format!("[<{} items>]", items.len()));
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, "", item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_str(out, k);
                out.push_str(": ");
                write_value(out, k, item);
            }
            out.push('}');
        }
    }
}

/// Writes a Python string literal in single quotes.
fn write_str(out: &mut String, s: &str) {
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
}

/// A model's whole value: the Rust struct, with every list of records it handed over to Python
/// objects (see the module docs) put back from them.
trait Whole: PyClass + Clone {
    /// `f` of the whole value of `obj`: the struct itself, not a copy, unless it handed a list
    /// over; then a copy with the records put back. Fails only when a caller put something else
    /// into the object's `__dict__` under a field's name.
    fn with_whole<R>(obj: &Bound<'_, Self>, f: impl FnOnce(&Self) -> R) -> PyResult<R>;
}

/// The instance `__dict__` of a model object.
fn instance_dict<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    Ok(obj
        .getattr(intern!(obj.py(), "__dict__"))?
        .cast_into::<PyDict>()?)
}

/// The first read of a list field: `records`, just moved out of the struct, as a `list` of
/// Python objects (no copy). The same objects are also kept as a tuple under `kept` in the
/// instance `__dict__`, which [`handed_over`] reads: the list is the caller's to change (sort,
/// pop), and `to_dict()` must still give the server's answer. A struct already empty in the
/// field may have handed it over before (the SDK's descriptor called again by hand,
/// `vars(cls)["items"].__get__(obj)`): then the list in `__dict__` under `name` is returned.
fn hand_over<'py, T>(
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyString>,
    kept: &Bound<'py, PyString>,
    records: Vec<T>,
) -> PyResult<Bound<'py, PyAny>>
where
    T: IntoPyObject<'py>,
{
    let attributes = instance_dict(obj)?;
    if records.is_empty() {
        if let Some(list) = attributes.get_item(name)? {
            return Ok(list);
        }
    }
    let list = PyList::new(obj.py(), records)?;
    attributes.set_item(kept, list.to_tuple())?;
    Ok(list.into_any())
}

/// The whole values of the records [`hand_over`] kept under `kept` in `obj`'s `__dict__`, or
/// `None` when the field was never handed over.
fn handed_over<T: Whole>(
    obj: &Bound<'_, PyAny>,
    kept: &Bound<'_, PyString>,
) -> PyResult<Option<Vec<T>>> {
    let Some(records) = instance_dict(obj)?.get_item(kept)? else {
        return Ok(None);
    };
    records
        .try_iter()?
        .map(|child| {
            let child = child?;
            T::with_whole(child.cast::<T>()?, T::clone)
        })
        .collect::<PyResult<_>>()
        .map(Some)
}

/// The `__dict__` key under which [`hand_over`] keeps a list field's records for [`handed_over`].
macro_rules! kept_key {
    ($py:expr, $list:ident) => {
        intern!($py, concat!("_", stringify!($list), "_records"))
    };
}

/// Gives each response model `to_dict()`, `__repr__` and `==`, lists them all in
/// [`add_model_classes`], and makes each list of records named in braces a [`LIST_READS`] entry
/// (such a model is not `frozen`: its first read moves the records out).
macro_rules! python_models {
    ($($model:ident $({ $($list:ident),+ $(,)? })?),+ $(,)?) => {
        /// Adds every response model class to the Python module (the one list of them).
        pub fn add_model_classes(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(
                m.add_class::<$model>()?;
                cache_fields(&m.py().get_type::<$model>())?;
            )+
            Ok(())
        }

        /// The lists of records that are handed over on their first read: (model, field, read).
        const LIST_READS: &[(&str, &str, DirectRead)] = &[$($($(
            (stringify!($model), stringify!($list), {
                fn read<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                    let model = obj.cast::<$model>()?;
                    let records = std::mem::take(&mut model.try_borrow_mut()?.$list);
                    let py = obj.py();
                    hand_over(obj, intern!(py, stringify!($list)), kept_key!(py, $list), records)
                }
                read
            }),
        )+)?)+];

        /// The names of the model classes.
        #[cfg(test)]
        const MODEL_NAMES: &[&str] = &[$(stringify!($model)),+];

        $(
        impl Whole for $model {
            fn with_whole<R>(obj: &Bound<'_, Self>, f: impl FnOnce(&Self) -> R) -> PyResult<R> {
                let value = obj.try_borrow()?;
                #[allow(unused_mut)]
                let mut whole: Option<Self> = None;
                $($(
                    if value.$list.is_empty() {
                        let kept = kept_key!(obj.py(), $list);
                        if let Some(records) = handed_over(obj.as_any(), kept)? {
                            whole.get_or_insert_with(|| (*value).clone()).$list = records;
                        }
                    }
                )+)?
                Ok(f(whole.as_ref().unwrap_or(&value)))
            }
        }

        #[pymethods]
        impl $model {
            /// This record as a dict of plain values (the serde/JSON form: snake_case keys,
            /// decimals and timestamps as strings, nested records as dicts).
            fn to_dict<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                Whole::with_whole(slf, |value| to_dict(slf.py(), value))?
            }

            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                Whole::with_whole(slf, |value| repr(stringify!($model), value))
            }

            /// Equal when every field is (records in lists compared one by one).
            fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, Self>) -> PyResult<bool> {
                Whole::with_whole(slf, |a| Whole::with_whole(other, |b| a == b))?
            }

            fn __setattr__(&self, name: &str, _value: &Bound<'_, PyAny>) -> PyResult<()> {
                Err(read_only(stringify!($model), name))
            }

            fn __delattr__(&self, name: &str) -> PyResult<()> {
                Err(read_only(stringify!($model), name))
            }
        }
    )+};
}

// One line per model, the lists of records it hands over in braces.
#[rustfmt::skip]
python_models!(
    PageMeta,
    Employee,
    EmployeePage { items },
    Machine,
    PlanogramEntry,
    MachinePlanogram { machine_planogram },
    MachinePage { items },
    TransactionMachine,
    BatchDetail,
    UserLimit,
    TransactionDetail { batch_details, user_limit },
    Transaction { transaction_details },
    TransactionPage { items },
    AccessCode,
    ReservationResult { access_codes },
    ReservationStatus,
    RecallResult,
    ReservationDetail,
    ReportMachine { reservation_details },
    ReservedLockerReport { machine_details },
    LegacyReservedLockerReport { reservation_details },
    LowStockRow,
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The sources that define the Python model classes.
    const MODEL_SOURCES: [&str; 6] = [
        include_str!("../models/common.rs"),
        include_str!("../models/employee.rs"),
        include_str!("../models/machine.rs"),
        include_str!("../models/transaction.rs"),
        include_str!("../models/will_call.rs"),
        include_str!("../reports.rs"),
    ];

    #[test]
    fn decimal_text_is_to_string() {
        use rust_decimal::Decimal;
        use std::str::FromStr;
        let mut values: Vec<Decimal> = [
            "0",
            "0.00",
            "-0",
            "-0.00",
            "1",
            "-1",
            "12.50",
            "0.05",
            "-0.05",
            "0.0000001",
            "123456789.123456789",
            "100",
            "1.0",
            "-12.5",
        ]
        .iter()
        .map(|t| Decimal::from_str(t).unwrap())
        .collect();
        values.extend([
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
        ]);
        values.extend([Decimal::new(i64::MAX, 28), Decimal::new(i64::MIN, 3)]);
        let mut negative_zero = Decimal::new(0, 2);
        negative_zero.set_sign_negative(true);
        values.push(negative_zero);
        for value in values {
            let mut buf = [0u8; DECIMAL_TEXT_MAX];
            assert_eq!(
                decimal_text(&value, &mut buf),
                value.to_string(),
                "{value:?}"
            );
        }
    }

    /// `Model.field` of every public field of the model sources whose type passes `keep`.
    fn declared_fields(keep: impl Fn(&str, &str) -> bool) -> Vec<String> {
        let mut declared = Vec::new();
        for source in MODEL_SOURCES {
            let mut model = "";
            for line in source.lines().map(str::trim) {
                if let Some(rest) = line.strip_prefix("pub struct ") {
                    model = rest.split([' ', '{', '(']).next().unwrap_or_default();
                } else if let Some((field, ty)) =
                    line.strip_prefix("pub ").and_then(|r| r.split_once(": "))
                {
                    if keep(model, ty.trim_end_matches(',')) {
                        declared.push(format!("{model}.{field}"));
                    }
                }
            }
        }
        declared.sort();
        declared
    }

    /// `Model.field` of every entry of a table of direct reads.
    fn listed_fields(table: &[(&str, &str, DirectRead)]) -> Vec<String> {
        let mut listed: Vec<String> = table
            .iter()
            .map(|(model, field, _)| format!("{model}.{field}"))
            .collect();
        listed.sort();
        listed
    }

    #[test]
    fn every_decimal_field_is_read_directly() {
        let declared = declared_fields(|_, ty| ty.contains("Decimal"));
        assert_eq!(listed_fields(DIRECT_READS), declared);
    }

    #[test]
    fn every_list_of_records_is_handed_over() {
        let declared = declared_fields(|model, ty| {
            let element = ty.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>'));
            MODEL_NAMES.contains(&model) && element.is_some_and(|e| MODEL_NAMES.contains(&e))
        });
        assert_eq!(listed_fields(LIST_READS), declared);
    }

    #[test]
    fn repr_is_python_like_and_hides_codes() {
        let r = ReservationResult {
            reserve_locker_id: Some("id'1".into()),
            access_codes: vec![],
            message: None,
        };
        assert_eq!(
            repr("ReservationResult", &r),
            "ReservationResult(reserve_locker_id='id\\'1')"
        );
        let c = AccessCode {
            code: Some("123456".into()),
            ..Default::default()
        };
        let shown = repr("AccessCode", &c);
        assert!(!shown.contains("123456"), "{shown}");
    }
}
