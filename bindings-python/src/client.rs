//! `iqtech.Client` and `iqtech.AsyncClient`: construction from `iqtech::ClientSettings`,
//! context management and one getter per operation group (generated from the table by
//! [`client_classes!`], expanded in `operations.rs`).
//!
//! Settings: the keyword arguments are exactly the names of `iqtech::SETTINGS`, converted by
//! their `SettingKind` only (durations are seconds here, milliseconds in the core's serde form).
//! An unknown keyword is a `TypeError` naming it; a value of the wrong kind a `ValidationError`.

use std::sync::{Arc, RwLock};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{Map, Value};

use iqtech::{ClientSettings, RequestOptions, SettingKind, SettingSpec, REQUEST_OPTIONS, SETTINGS};

use crate::error::{to_py_err, validation};

/// The core client, shared by a Python client and its groups; `None` once closed.
pub(crate) struct Shared {
    client: RwLock<Option<iqtech::Client>>,
}

impl Shared {
    /// Shares an open core client.
    pub(crate) fn new(client: iqtech::Client) -> Arc<Self> {
        Arc::new(Self {
            client: RwLock::new(Some(client)),
        })
    }

    /// The core client (a cheap clone), or `ConfigurationError` after `close()`.
    pub(crate) fn client(&self, py: Python<'_>) -> PyResult<iqtech::Client> {
        self.client
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| {
                to_py_err(
                    py,
                    iqtech::Error::config("this client is closed; create a new one"),
                )
            })
    }

    /// Drops the core client; requests already running finish.
    pub(crate) fn close(&self) {
        self.client
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .take();
    }

    /// `Class(client_id=..., api_url=...)`, never the secret.
    pub(crate) fn repr(&self, class: &str) -> String {
        match &*self.client.read().unwrap_or_else(|p| p.into_inner()) {
            Some(c) => format!(
                "{class}(client_id={:?}, api_url={:?})",
                c.config().client_id(),
                c.config().api_url()
            ),
            None => format!("{class}(closed)"),
        }
    }
}

/// Keyword arguments → the JSON fields of a core table's record (`iqtech::SETTINGS`,
/// `iqtech::REQUEST_OPTIONS`), by each entry's kind: durations are seconds here, milliseconds
/// in the record's serde form. `owner` names the callable in the error for an unknown keyword
/// (a `TypeError`); a value of the wrong kind is a `ValidationError` naming it. `None` values
/// are left out.
fn fields_by_kind(
    py: Python<'_>,
    owner: &str,
    (table, noun): (&[SettingSpec], &str),
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<Value> {
    let mut fields = Map::new();
    for (key, value) in kwargs.into_iter().flat_map(|d| d.iter()) {
        let name: String = key.extract()?;
        let Some(spec) = table.iter().find(|s| s.name == name) else {
            let known: Vec<&str> = table.iter().map(|s| s.name).collect();
            return Err(PyTypeError::new_err(format!(
                "{owner}() got an unexpected keyword argument '{name}' (the {noun} are: {})",
                known.join(", ")
            )));
        };
        if value.is_none() {
            continue;
        }
        let wrong = |what: &str| validation(py, &name, what);
        let json = match spec.kind {
            SettingKind::Text | SettingKind::Secret => {
                Value::String(value.extract().map_err(|_| wrong("must be a str"))?)
            }
            SettingKind::Boolean => {
                Value::Bool(value.extract().map_err(|_| wrong("must be a bool"))?)
            }
            SettingKind::Integer => Value::from(
                value
                    .extract::<u32>()
                    .map_err(|_| wrong("must be a whole number, at least 0"))?,
            ),
            SettingKind::Duration => {
                let secs = value
                    .extract::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| wrong("must be a number of seconds, at least 0"))?;
                Value::from(secs * 1000.0)
            }
            SettingKind::Headers => {
                let map: std::collections::HashMap<String, String> = value
                    .extract()
                    .map_err(|_| wrong("must be a dict of str to str"))?;
                serde_json::to_value(map).expect("a map of strings is JSON")
            }
        };
        fields.insert(name, json);
    }
    Ok(Value::Object(fields))
}

/// Keyword arguments → `ClientSettings` (see [`fields_by_kind`]), with this binding's
/// user agent unless one is given.
pub(crate) fn settings(
    py: Python<'_>,
    owner: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<ClientSettings> {
    let fields = fields_by_kind(py, owner, (SETTINGS, "settings"), kwargs)?;
    let mut settings: ClientSettings = crate::convert::from_value(py, fields)?;
    settings
        .user_agent
        .get_or_insert_with(|| concat!("iqtech-python/", env!("CARGO_PKG_VERSION")).to_owned());
    Ok(settings)
}

/// Keyword arguments of `with_options` → `RequestOptions` (see [`fields_by_kind`]).
pub(crate) fn request_options(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<RequestOptions> {
    let fields = fields_by_kind(py, "with_options", (REQUEST_OPTIONS, "options"), kwargs)?;
    crate::convert::from_value(py, fields)
}

/// `iqtech.ResponseMeta` (a frozen dataclass of `iqtech._meta`) from the core's metadata;
/// `elapsed` in seconds.
pub(crate) fn response_meta(
    py: Python<'_>,
    meta: Option<iqtech::ResponseMeta>,
) -> PyResult<Py<PyAny>> {
    let Some(meta) = meta else {
        return Ok(py.None());
    };
    let class = py.import("iqtech._meta")?.getattr("ResponseMeta")?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("status", meta.status)?;
    let headers: Vec<(String, String)> = meta
        .headers
        .into_iter()
        .map(|h| (h.name, h.value))
        .collect();
    kwargs.set_item("headers", headers)?;
    kwargs.set_item("elapsed", meta.elapsed.as_secs_f64())?;
    kwargs.set_item("attempts", meta.attempts)?;
    kwargs.set_item("request_id", meta.request_id)?;
    kwargs.set_item("server_request_id", meta.server_request_id)?;
    Ok(class.call((), Some(&kwargs))?.unbind())
}

/// Builds the shared core client from settings alone, or on top of the environment.
pub(crate) fn build(
    py: Python<'_>,
    settings: ClientSettings,
    from_env: bool,
) -> PyResult<Arc<Shared>> {
    crate::logging::refresh();
    let built = if from_env {
        settings.build_from_env()
    } else {
        settings.build()
    };
    let client = built.map_err(|e| to_py_err(py, e))?;
    Ok(Shared::new(client))
}

/// Declares `Client` and `AsyncClient` with one getter per group of the table:
/// `[group docs] accessor SyncClass AsyncClass` for each group.
macro_rules! client_classes {
    ($( [$($gdoc:tt)*] $group:ident $Sync:ident $Async:ident )*) => {
        crate::client::client_classes!(@class
            /// A synchronous client of the iQ Tech Integration API; safe to share between threads.
            ///
            /// Keyword arguments are the client settings (`iqtech::SETTINGS`; durations in
            /// seconds): `client_id` and `client_secret` are required.
            Client, "Client", [$( [$($gdoc)*] $group $Sync )*], {
                fn __enter__(slf: Py<Self>) -> Py<Self> {
                    slf
                }

                #[pyo3(signature = (*_exc))]
                fn __exit__(&self, _exc: &Bound<'_, pyo3::types::PyTuple>) -> bool {
                    self.shared.close();
                    false
                }
            }
        );
        crate::client::client_classes!(@class
            /// An asyncio client of the iQ Tech Integration API: its methods return awaitables.
            ///
            /// Keyword arguments are the client settings (`iqtech::SETTINGS`; durations in
            /// seconds): `client_id` and `client_secret` are required.
            AsyncClient, "AsyncClient", [$( [$($gdoc)*] $group $Async )*], {
                fn __aenter__(slf: Bound<'_, Self>) -> PyResult<Py<PyAny>> {
                    let py = slf.py();
                    let value = slf.into_any().unbind();
                    pyo3::IntoPyObjectExt::into_py_any(crate::runtime::Ready::new(Ok(value)), py)
                }

                #[pyo3(signature = (*_exc))]
                fn __aexit__(&self, py: Python<'_>, _exc: &Bound<'_, pyo3::types::PyTuple>) -> PyResult<Py<PyAny>> {
                    self.shared.close();
                    pyo3::IntoPyObjectExt::into_py_any(crate::runtime::Ready::new(Ok(py.None())), py)
                }
            }
        );
    };
    (@class $(#[doc = $doc:literal])* $Class:ident, $name:literal, [$( [$($gdoc:tt)*] $group:ident $G:ident )*], { $($extra:tt)* }) => {
        $(#[doc = $doc])*
        #[pyo3::pyclass(module = "iqtech", frozen)]
        pub(crate) struct $Class {
            shared: Arc<Shared>,
            $( $group: Py<$G>, )*
        }

        impl $Class {
            /// The Python client over an already built core client.
            pub(crate) fn from_shared(py: Python<'_>, shared: Arc<Shared>) -> PyResult<Self> {
                Ok(Self {
                    $( $group: Py::new(py, $G::new(shared.clone()))?, )*
                    shared,
                })
            }
        }

        #[pyo3::pymethods]
        impl $Class {
            #[new]
            #[pyo3(signature = (**settings))]
            fn new(py: Python<'_>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
                let settings = crate::client::settings(py, $name, settings)?;
                Self::from_shared(py, crate::client::build(py, settings, false)?)
            }

            /// A client configured from `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET` and, when set,
            /// `IQTECH_AUTH_URL` and `IQTECH_API_URL`; keyword arguments (the client settings)
            /// override them. Raises `ConfigurationError` naming a missing variable.
            #[classmethod]
            #[pyo3(signature = (**settings))]
            fn from_env(
                _cls: &Bound<'_, pyo3::types::PyType>,
                py: Python<'_>,
                settings: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<Self> {
                let settings = crate::client::settings(py, "from_env", settings)?;
                Self::from_shared(py, crate::client::build(py, settings, true)?)
            }

            $(
                $($gdoc)*
                #[getter]
                fn $group(&self, py: Python<'_>) -> Py<$G> {
                    self.$group.clone_ref(py)
                }
            )*

            /// The client id in use.
            #[getter]
            fn client_id(&self, py: Python<'_>) -> PyResult<String> {
                Ok(self.shared.client(py)?.config().client_id().to_owned())
            }

            /// The auth base URL in use.
            #[getter]
            fn auth_url(&self, py: Python<'_>) -> PyResult<String> {
                Ok(self.shared.client(py)?.config().auth_url().to_owned())
            }

            /// The API base URL in use.
            #[getter]
            fn api_url(&self, py: Python<'_>) -> PyResult<String> {
                Ok(self.shared.client(py)?.config().api_url().to_owned())
            }

            /// A client over the same connections and token whose every call uses these
            /// per-call options (on top of this client's): `timeout` and `deadline` in seconds,
            /// `max_attempts`, `headers` (a dict), `request_id`. Raises `ValidationError` naming
            /// a bad option, `TypeError` for an unknown one.
            #[pyo3(signature = (**options))]
            fn with_options(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
                let options = crate::client::request_options(py, options)?;
                let core = self
                    .shared
                    .client(py)?
                    .with_options(options)
                    .map_err(|e| crate::error::to_py_err(py, e))?;
                Self::from_shared(py, crate::client::Shared::new(core))
            }

            /// What the last call finished through this client (or a group of it) answered:
            /// an `iqtech.ResponseMeta` (status, headers, elapsed seconds, attempts, request
            /// ids), or `None` before the first answer.
            #[getter]
            fn last_response(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                let meta = self.shared.client(py)?.last_response();
                crate::client::response_meta(py, meta)
            }

            /// Releases the client's connections; later calls raise `ConfigurationError`.
            /// Requests already running finish.
            fn close(&self) {
                self.shared.close();
            }

            fn __repr__(&self) -> String {
                self.shared.repr($name)
            }

            $($extra)*
        }
    };
}

pub(crate) use client_classes;
