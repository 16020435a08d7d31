//! `iqtech.Client` and `iqtech.AsyncClient`: the core client with Python construction, context
//! management and the five operation groups as attributes.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};
use pyo3::IntoPyObjectExt;

use crate::employees::{AsyncEmployees, Employees};
use crate::error::to_py_err;
use crate::machines::{AsyncMachines, Machines};
use crate::transactions::{AsyncTransactions, Transactions};
use crate::will_call::{AsyncWillCall, AsyncWillCallV1, WillCall, WillCallV1};

/// The core client, shared by a Python client and its groups; `None` once closed.
pub(crate) struct Shared {
    client: RwLock<Option<iqtech::Client>>,
}

impl Shared {
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

    fn close(&self) {
        self.client
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .take();
    }

    fn repr(&self, class: &str) -> String {
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

/// Client options that are not credentials, as Python passes them.
#[derive(Default, Clone)]
pub(crate) struct Options {
    pub auth_url: Option<String>,
    pub api_url: Option<String>,
    pub timeout: Option<f64>,
    pub connect_timeout: Option<f64>,
    pub max_attempts: Option<u32>,
    pub page_concurrency: Option<usize>,
    pub user_agent: Option<String>,
}

fn seconds(py: Python<'_>, name: &str, value: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(value)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            crate::error::validation(
                py,
                name,
                format!("must be a positive number of seconds, got {value}"),
            )
        })
}

impl Options {
    /// Applies the options to a builder.
    pub(crate) fn apply(
        self,
        py: Python<'_>,
        mut b: iqtech::ClientBuilder,
    ) -> PyResult<iqtech::ClientBuilder> {
        if let Some(u) = self.auth_url {
            b = b.auth_url(u);
        }
        if let Some(u) = self.api_url {
            b = b.api_url(u);
        }
        if let Some(t) = self.timeout {
            b = b.request_timeout(seconds(py, "timeout", t)?);
        }
        if let Some(t) = self.connect_timeout {
            b = b.connect_timeout(seconds(py, "connect_timeout", t)?);
        }
        if let Some(n) = self.max_attempts {
            b = b.max_attempts(n);
        }
        if let Some(n) = self.page_concurrency {
            b = b.page_concurrency(n);
        }
        if let Some(ua) = self.user_agent {
            b = b.user_agent(ua);
        }
        Ok(b)
    }
}

/// Builds the shared core client from credentials (or the environment) and options.
pub(crate) fn build(
    py: Python<'_>,
    credentials: Option<(String, String)>,
    options: Options,
) -> PyResult<Arc<Shared>> {
    crate::logging::refresh();
    let mut builder =
        iqtech::Client::builder().user_agent(concat!("iqtech-python/", env!("CARGO_PKG_VERSION")));
    match credentials {
        Some((id, secret)) => builder = builder.client_id(id).client_secret(secret),
        None => builder = builder.from_env().map_err(|e| to_py_err(py, e))?,
    }
    let builder = options.apply(py, builder)?;
    let client = builder.build().map_err(|e| to_py_err(py, e))?;
    Ok(Arc::new(Shared {
        client: RwLock::new(Some(client)),
    }))
}

/// The groups of one client, created once.
struct Groups {
    employees: Py<PyAny>,
    will_call: Py<PyAny>,
    will_call_v1: Py<PyAny>,
    machines: Py<PyAny>,
    transactions: Py<PyAny>,
}

impl Groups {
    fn sync(py: Python<'_>, s: &Arc<Shared>) -> PyResult<Self> {
        Ok(Self {
            employees: Py::new(py, Employees::new(s.clone()))?.into_any(),
            will_call: Py::new(py, WillCall::new(s.clone()))?.into_any(),
            will_call_v1: Py::new(py, WillCallV1::new(s.clone()))?.into_any(),
            machines: Py::new(py, Machines::new(s.clone()))?.into_any(),
            transactions: Py::new(py, Transactions::new(s.clone()))?.into_any(),
        })
    }

    fn asynchronous(py: Python<'_>, s: &Arc<Shared>) -> PyResult<Self> {
        Ok(Self {
            employees: Py::new(py, AsyncEmployees::new(s.clone()))?.into_any(),
            will_call: Py::new(py, AsyncWillCall::new(s.clone()))?.into_any(),
            will_call_v1: Py::new(py, AsyncWillCallV1::new(s.clone()))?.into_any(),
            machines: Py::new(py, AsyncMachines::new(s.clone()))?.into_any(),
            transactions: Py::new(py, AsyncTransactions::new(s.clone()))?.into_any(),
        })
    }
}

/// Declares a client class (sync or async) with its constructor, `from_env`, groups and close.
macro_rules! client_class {
    ($(#[doc = $doc:literal])* $Class:ident, $groups:ident, { $($extra:tt)* }) => {
        $(#[doc = $doc])*
        #[pyclass(module = "iqtech", frozen)]
        pub(crate) struct $Class {
            shared: Arc<Shared>,
            groups: Groups,
        }

        impl $Class {
            pub(crate) fn from_shared(py: Python<'_>, shared: Arc<Shared>) -> PyResult<Self> {
                let groups = Groups::$groups(py, &shared)?;
                Ok(Self { shared, groups })
            }
        }

        #[pymethods]
        impl $Class {
            #[new]
            #[pyo3(signature = (*, client_id, client_secret, auth_url=None, api_url=None, timeout=None, connect_timeout=None, max_attempts=None, page_concurrency=None, user_agent=None))]
            #[allow(clippy::too_many_arguments)]
            fn new(
                py: Python<'_>,
                client_id: String,
                client_secret: String,
                auth_url: Option<String>,
                api_url: Option<String>,
                timeout: Option<f64>,
                connect_timeout: Option<f64>,
                max_attempts: Option<u32>,
                page_concurrency: Option<usize>,
                user_agent: Option<String>,
            ) -> PyResult<Self> {
                let options = Options { auth_url, api_url, timeout, connect_timeout, max_attempts, page_concurrency, user_agent };
                let shared = build(py, Some((client_id, client_secret)), options)?;
                Self::from_shared(py, shared)
            }

            /// A client configured from `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET` and, when set,
            /// `IQTECH_AUTH_URL` and `IQTECH_API_URL`; keyword arguments override the URLs and
            /// set the other options. Raises `ConfigurationError` naming a missing variable.
            #[classmethod]
            #[pyo3(signature = (*, auth_url=None, api_url=None, timeout=None, connect_timeout=None, max_attempts=None, page_concurrency=None, user_agent=None))]
            #[allow(clippy::too_many_arguments)]
            fn from_env(
                _cls: &Bound<'_, PyType>,
                py: Python<'_>,
                auth_url: Option<String>,
                api_url: Option<String>,
                timeout: Option<f64>,
                connect_timeout: Option<f64>,
                max_attempts: Option<u32>,
                page_concurrency: Option<usize>,
                user_agent: Option<String>,
            ) -> PyResult<Self> {
                let options = Options { auth_url, api_url, timeout, connect_timeout, max_attempts, page_concurrency, user_agent };
                let shared = build(py, None, options)?;
                Self::from_shared(py, shared)
            }

            /// Employee operations.
            #[getter]
            fn employees(&self, py: Python<'_>) -> Py<PyAny> {
                self.groups.employees.clone_ref(py)
            }

            /// Will-call operations (current generation, `/api/2.0/WillCall`).
            #[getter]
            fn will_call(&self, py: Python<'_>) -> Py<PyAny> {
                self.groups.will_call.clone_ref(py)
            }

            /// Will-call operations (legacy generation, `/api/WillCall`).
            #[getter]
            fn will_call_v1(&self, py: Python<'_>) -> Py<PyAny> {
                self.groups.will_call_v1.clone_ref(py)
            }

            /// Machine and planogram operations.
            #[getter]
            fn machines(&self, py: Python<'_>) -> Py<PyAny> {
                self.groups.machines.clone_ref(py)
            }

            /// The transaction report.
            #[getter]
            fn transactions(&self, py: Python<'_>) -> Py<PyAny> {
                self.groups.transactions.clone_ref(py)
            }

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

            /// Releases the client's connections; later calls raise `ConfigurationError`.
            /// Requests already running finish.
            fn close(&self) {
                self.shared.close();
            }

            fn __repr__(&self) -> String {
                self.shared.repr(stringify!($Class))
            }

            $($extra)*
        }
    };
}

client_class!(
    /// A synchronous client of the iQ Tech Integration API; safe to share between threads.
    Client, sync, {
        fn __enter__(slf: Py<Self>) -> Py<Self> {
            slf
        }

        #[pyo3(signature = (*_exc))]
        fn __exit__(&self, _exc: &Bound<'_, PyTuple>) -> bool {
            self.shared.close();
            false
        }
    }
);

client_class!(
    /// An asyncio client of the iQ Tech Integration API: its methods return awaitables.
    AsyncClient, asynchronous, {
        fn __aenter__(slf: Bound<'_, Self>) -> PyResult<Py<PyAny>> {
            let py = slf.py();
            let value = slf.into_any().unbind();
            crate::runtime::Ready::new(Ok(value)).into_py_any(py)
        }

        #[pyo3(signature = (*_exc))]
        fn __aexit__(&self, py: Python<'_>, _exc: &Bound<'_, PyTuple>) -> PyResult<Py<PyAny>> {
            self.shared.close();
            crate::runtime::Ready::new(Ok(py.None())).into_py_any(py)
        }
    }
);
