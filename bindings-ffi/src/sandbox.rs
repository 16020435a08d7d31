//! The embedded sandbox (feature `sandbox`): the Rust `iqtech-sandbox` server, started from
//! Kotlin or Swift, so app developers can test offline.
//!
//! Its options are the sandbox crate's own records, the ones every language takes:
//! [`SandboxSettings`] (with its `dialect`), [`FaultSpec`] (with `respond`, `after`, `rate`, …).
//! uniffi generates them from `iqtech-sandbox` under its `uniffi` feature (Kotlin package
//! `com.iqtech.sdk.sandbox`, see `sandbox/uniffi.toml`), so this module only adds the server
//! handle. It is a development tool, not part of the library shipped to devices: the mobile
//! build scripts leave the feature off (it adds the axum/hyper server to the library).

use std::sync::{Arc, Mutex};

use iqtech_sandbox::{Dialect, FaultSpec, SandboxSettings};

use iqtech::runtime::spawn;
use iqtech::ClientSettings;

/// Why a sandbox call failed (Kotlin: `SandboxException`). The message is the sandbox's own
/// one line, the same as in every language (`invalid sandbox setting seed: …`).
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum SandboxError {
    /// The server could not start: a bad setting (named in the message) or no port.
    #[error("{0}")]
    Start(String),
    /// A fault rule was refused (unknown route, bad status or rate, several effects).
    #[error("{0}")]
    Fault(String),
    /// The sandbox was shut down.
    #[error("the sandbox was shut down")]
    Stopped,
}

/// A dialect in the form the sandbox binary's `--dialect` and `IQTECH_SANDBOX_DIALECT` take:
/// `opposite` (every setting flipped from the strict default), `default`, or
/// `key=value,...` (`w3_path=v2,e6_method=get`). Fails naming the bad key or value.
#[uniffi::export]
pub fn parse_dialect(text: String) -> Result<Dialect, SandboxError> {
    Dialect::parse(&text).map_err(|e| SandboxError::Start(e.to_string()))
}

/// A running sandbox server (a free port on `127.0.0.1` unless the settings say otherwise).
/// Stops on `shutdown()` or when the object is closed or collected.
#[derive(Debug, uniffi::Object)]
pub struct Sandbox {
    inner: Mutex<Option<iqtech_sandbox::Sandbox>>,
}

impl Sandbox {
    fn with<T>(&self, f: impl FnOnce(&iqtech_sandbox::Sandbox) -> T) -> Result<T, SandboxError> {
        let guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        guard.as_ref().map(f).ok_or(SandboxError::Stopped)
    }
}

#[uniffi::export]
impl Sandbox {
    /// Seeds the data and starts serving (on the SDK's runtime). Fails with
    /// `SandboxException.Start` naming the first bad setting.
    #[uniffi::constructor(default(settings = None))]
    pub async fn start(settings: Option<SandboxSettings>) -> Result<Arc<Self>, SandboxError> {
        let server = spawn(iqtech_sandbox::Sandbox::start_with(
            settings.unwrap_or_default(),
        ))
        .await
        .map_err(|e| SandboxError::Start(e.to_string()))?;
        Ok(Arc::new(Self {
            inner: Mutex::new(Some(server)),
        }))
    }

    /// The settings in effect, every field set (the port actually bound included).
    pub fn settings(&self) -> Result<SandboxSettings, SandboxError> {
        self.with(|s| s.settings())
    }

    /// Client settings pointing at this sandbox, with its credentials (and its test CA when it
    /// serves HTTPS). Adjust the other fields (timeouts, attempts) with Kotlin's `copy()`.
    pub fn client_settings(&self) -> Result<ClientSettings, SandboxError> {
        self.with(|s| {
            ClientSettings::default().pointed_at(iqtech::TestServer {
                auth_url: &s.auth_url(),
                api_url: &s.api_url(),
                client_id: s.client_id(),
                client_secret: s.client_secret(),
                ca_pem: s.ca_pem(),
            })
        })
    }

    /// Base URL of the server (`http://127.0.0.1:PORT`), for both the token and the API.
    pub fn url(&self) -> Result<String, SandboxError> {
        self.with(|s| s.api_url())
    }

    /// The test CA's certificate (PEM) when serving HTTPS; null over plain HTTP.
    pub fn ca_pem(&self) -> Result<Option<String>, SandboxError> {
        self.with(|s| s.ca_pem().map(str::to_owned))
    }

    /// Installs a fault rule; returns its id. Fails naming what is wrong with the rule.
    pub fn inject_fault(&self, spec: FaultSpec) -> Result<u64, SandboxError> {
        self.with(|s| s.inject(spec))?
            .map_err(|e| SandboxError::Fault(e.to_string()))
    }

    /// Removes one fault rule; false when no rule has that id.
    pub fn remove_fault(&self, id: u64) -> Result<bool, SandboxError> {
        self.with(|s| s.remove_fault(id))
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) -> Result<(), SandboxError> {
        self.with(|s| s.clear_faults())
    }

    /// Makes every token issued so far expire now.
    pub fn expire_tokens(&self) -> Result<(), SandboxError> {
        self.with(|s| s.expire_tokens())
    }

    /// How many requests the route (`employees.list`, …; `token` for the token endpoint) has
    /// received since the start or the last `clearJournal()`.
    pub fn request_count(&self, route: String) -> Result<u64, SandboxError> {
        self.with(|s| match s.journal() {
            j if route == "token" => j.token_requests,
            j => j.count(&route),
        })
    }

    /// Clears the request journal and its counters.
    pub fn clear_journal(&self) -> Result<(), SandboxError> {
        self.with(|s| s.clear_journal())
    }

    /// Serial numbers of the machines, in M1's order.
    pub fn machine_serials(&self) -> Result<Vec<String>, SandboxError> {
        self.with(|s| s.machine_serials())
    }

    /// Serial numbers of the machines that have lockers (will-call works on these only).
    pub fn locker_machine_serials(&self) -> Result<Vec<String>, SandboxError> {
        self.with(|s| s.locker_machine_serials())
    }

    /// Employee numbers, in E1's order.
    pub fn employee_numbers(&self) -> Result<Vec<String>, SandboxError> {
        self.with(|s| s.employee_numbers())
    }

    /// An employee's current PIN (null: unknown employee or no PIN set).
    pub fn employee_pin(&self, employee_number: String) -> Result<Option<String>, SandboxError> {
        self.with(|s| s.employee_pin(&employee_number))
    }

    /// Stops accepting connections, lets requests in flight finish, and waits for the end.
    /// Later calls on this object fail with `Stopped`.
    pub async fn shutdown(&self) {
        let server = self.inner.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(server) = server {
            spawn(server.shutdown()).await;
        }
    }
}
