//! `iqtech.testing.Sandbox`: the embedded fake iQ Tech server (crate `iqtech-sandbox`), run on
//! the core's runtime, for offline tests of the SDK and of users' own integrations.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use std::sync::Mutex;

use crate::client::{build, settings};
use crate::error::to_py_err;
use crate::operations::{AsyncClient, Client};
use crate::runtime::block;

/// A running (or stopped) sandbox server on 127.0.0.1.
#[pyclass(module = "iqtech.testing", frozen)]
pub(crate) struct Sandbox {
    config: iqtech_sandbox::SandboxConfig,
    running: Mutex<Option<(u32, iqtech_sandbox::Sandbox)>>,
}

impl Sandbox {
    /// Runs `f` on the running server, or raises.
    fn with<R>(&self, f: impl FnOnce(&iqtech_sandbox::Sandbox) -> R) -> PyResult<R> {
        let guard = self.running.lock().unwrap_or_else(|p| p.into_inner());
        match &*guard {
            Some((pid, sb)) if *pid == std::process::id() => Ok(f(sb)),
            Some(_) => Err(PyRuntimeError::new_err(
                "this sandbox runs in the parent process (it was started before os.fork()); its \
                 URLs still work from here, its controls do not",
            )),
            None => Err(PyRuntimeError::new_err(
                "the sandbox is not running; call start() or use it in a `with` block",
            )),
        }
    }

    fn url(&self) -> PyResult<String> {
        let guard = self.running.lock().unwrap_or_else(|p| p.into_inner());
        match &*guard {
            Some((_, sb)) => Ok(sb.api_url()),
            None => Err(PyRuntimeError::new_err("the sandbox is not running")),
        }
    }

    /// Client settings from keyword arguments, pointed at this sandbox (its URLs, credentials
    /// and, over HTTPS, its test CA, wherever they are not given).
    fn settings(
        &self,
        py: Python<'_>,
        owner: &str,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<iqtech::ClientSettings> {
        let given = settings(py, owner, kwargs)?;
        let guard = self.running.lock().unwrap_or_else(|p| p.into_inner());
        let Some((_, sb)) = &*guard else {
            return Err(PyRuntimeError::new_err("the sandbox is not running"));
        };
        Ok(given.pointed_at(iqtech::TestServer {
            auth_url: &sb.auth_url(),
            api_url: &sb.api_url(),
            client_id: sb.client_id(),
            client_secret: sb.client_secret(),
            ca_pem: sb.ca_pem(),
        }))
    }

    fn start_inner(&self, py: Python<'_>) -> PyResult<()> {
        if self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
        {
            return Ok(());
        }
        let config = self.config.clone();
        let sandbox = block(py, iqtech_sandbox::Sandbox::start(config))?
            .map_err(|e| PyRuntimeError::new_err(format!("the sandbox did not start: {e}")))?;
        *self.running.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((std::process::id(), sandbox));
        Ok(())
    }

    fn stop_inner(&self, py: Python<'_>) -> PyResult<()> {
        let taken = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        match taken {
            Some((pid, sb)) if pid == std::process::id() => block(py, sb.shutdown()),
            // A forked child must not touch the parent's server: forget it.
            Some((_, sb)) => {
                std::mem::forget(sb);
                Ok(())
            }
            None => Ok(()),
        }
    }
}

fn pythonize<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    Ok(pythonize::pythonize(py, value)?.unbind())
}

#[pymethods]
impl Sandbox {
    /// Configures a sandbox (nothing runs until `start()` or `with`). The keyword arguments
    /// are exactly the fields of `iqtech_sandbox::SandboxSettings` (durations in seconds);
    /// every one has a default, and the same seed and sizes give the same data. A wrong value
    /// is a `ValidationError` naming the field, an unknown keyword one naming it too.
    #[new]
    #[pyo3(signature = (**settings))]
    fn new(py: Python<'_>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut fields = match settings {
            Some(kwargs) => crate::convert::to_value(kwargs.as_any(), "")?,
            None => serde_json::Value::Object(Default::default()),
        };
        // Durations are seconds here, milliseconds in the settings' serde form.
        for name in iqtech_sandbox::SandboxSettings::DURATION_FIELDS {
            let secs = fields.get(*name).and_then(serde_json::Value::as_f64);
            if let Some(secs) = secs.filter(|s| s.is_finite() && *s >= 0.0) {
                fields[*name] = serde_json::Value::from((secs * 1000.0).round() as u64);
            }
        }
        let invalid = |e: iqtech_sandbox::SettingsError| {
            let field = match crate::convert::named_field(&e.problem) {
                Some(name) if e.field.is_empty() => name.to_owned(),
                _ => e.field,
            };
            to_py_err(py, iqtech::Error::validation(field, e.problem))
        };
        let settings =
            iqtech_sandbox::SandboxSettings::deserialize_from(fields).map_err(invalid)?;
        let config = settings.to_config().map_err(invalid)?;
        Ok(Self {
            config,
            running: Mutex::new(None),
        })
    }

    /// Starts the server (a no-op when it runs); returns the sandbox.
    fn start(slf: Bound<'_, Self>) -> PyResult<Bound<'_, Self>> {
        slf.get().start_inner(slf.py())?;
        Ok(slf)
    }

    /// Stops the server, letting requests in flight finish.
    fn stop(&self, py: Python<'_>) -> PyResult<()> {
        self.stop_inner(py)
    }

    fn __enter__(slf: Bound<'_, Self>) -> PyResult<Bound<'_, Self>> {
        Self::start(slf)
    }

    #[pyo3(signature = (*_exc))]
    fn __exit__(&self, py: Python<'_>, _exc: &Bound<'_, PyTuple>) -> PyResult<bool> {
        self.stop_inner(py)?;
        Ok(false)
    }

    /// Whether the server is running.
    #[getter]
    fn running(&self) -> bool {
        self.running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// The auth base URL (`http://127.0.0.1:PORT`).
    #[getter]
    fn auth_url(&self) -> PyResult<String> {
        self.url()
    }

    /// The API base URL (`http://127.0.0.1:PORT`).
    #[getter]
    fn api_url(&self) -> PyResult<String> {
        self.url()
    }

    /// The client id the sandbox accepts.
    #[getter]
    fn client_id(&self) -> String {
        self.config.client_id.clone()
    }

    /// The client secret the sandbox accepts.
    #[getter]
    fn client_secret(&self) -> String {
        self.config.client_secret.clone()
    }

    /// A ready `iqtech.Client` for this sandbox; keyword arguments are client settings (its
    /// URLs and credentials unless given).
    #[pyo3(signature = (**settings))]
    fn client(&self, py: Python<'_>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Client> {
        let settings = self.settings(py, "client", settings)?;
        Client::from_shared(py, build(py, settings, false)?)
    }

    /// A ready `iqtech.AsyncClient` for this sandbox; keyword arguments are client settings
    /// (its URLs and credentials unless given).
    #[pyo3(signature = (**settings))]
    fn async_client(
        &self,
        py: Python<'_>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<AsyncClient> {
        let settings = self.settings(py, "async_client", settings)?;
        AsyncClient::from_shared(py, build(py, settings, false)?)
    }

    /// Installs a fault rule from a dict or keyword arguments (`route`, `latency_ms`,
    /// `jitter_ms`, `status`, `times`, `rate`, `retry_after_secs`, `drop_connection`, `body`:
    /// "truncated", "malformed" or "failed_envelope"); returns its id.
    #[pyo3(signature = (spec=None, /, **kwargs))]
    fn inject(
        &self,
        py: Python<'_>,
        spec: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<u64> {
        let spec: iqtech_sandbox::FaultSpec = crate::convert::input(py, spec, kwargs)?;
        self.with(|sb| sb.inject(spec))?
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The installed fault rules (`id`, `spec`, `remaining`), in the order they are tried.
    fn faults(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let faults = self.with(|sb| sb.faults())?;
        pythonize(py, &faults)
    }

    /// Removes one fault rule; False when no rule has that id.
    fn remove_fault(&self, id: u64) -> PyResult<bool> {
        self.with(|sb| sb.remove_fault(id))
    }

    /// Removes every fault rule.
    fn clear_faults(&self) -> PyResult<()> {
        self.with(|sb| sb.clear_faults())
    }

    /// Makes every token issued so far expire now.
    fn expire_tokens(&self) -> PyResult<()> {
        self.with(|sb| sb.expire_tokens())
    }

    /// The request journal: `token_requests`, `per_route` counts, `total_requests` and the
    /// recent `requests`.
    fn journal(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let journal = self.with(|sb| sb.journal())?;
        pythonize(py, &journal)
    }

    /// Clears the request journal.
    fn clear_journal(&self) -> PyResult<()> {
        self.with(|sb| sb.clear_journal())
    }

    /// Control board serial numbers of the machines, in the list's order.
    fn machine_serials(&self) -> PyResult<Vec<String>> {
        self.with(|sb| sb.machine_serials())
    }

    /// Serial numbers of the machines that have lockers.
    fn locker_machine_serials(&self) -> PyResult<Vec<String>> {
        self.with(|sb| sb.locker_machine_serials())
    }

    /// Employee numbers, in the list's order.
    fn employee_numbers(&self) -> PyResult<Vec<String>> {
        self.with(|sb| sb.employee_numbers())
    }

    /// The current PIN of an employee (None: unknown employee or no PIN set).
    fn employee_pin(&self, employee_number: &str) -> PyResult<Option<String>> {
        self.with(|sb| sb.employee_pin(employee_number))
    }

    /// Every reservation, oldest first, with its status and live access codes.
    fn reservations(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let all = self.with(|sb| sb.reservations())?;
        pythonize(py, &all)
    }

    fn __repr__(&self) -> String {
        match self.url() {
            Ok(url) => format!("Sandbox(url={url:?})"),
            Err(_) => "Sandbox(stopped)".to_owned(),
        }
    }
}
