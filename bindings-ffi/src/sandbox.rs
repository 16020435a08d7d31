//! The embedded sandbox (feature `sandbox`): the Rust `iqtech-sandbox` server, started from
//! Kotlin or Swift, so app developers can test offline.
//!
//! It is a development tool, not part of the library shipped to devices: the mobile build
//! scripts leave the feature off (it adds the axum/hyper server to the library).

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use iqtech_sandbox::{BodyFault, FaultSpec, SandboxConfig};

use iqtech::runtime::spawn;
use iqtech::ClientSettings;

/// Why a sandbox call failed (Kotlin: `SandboxException`).
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum SandboxError {
    /// The server could not start (bad options, no port).
    #[error("{0}")]
    Start(String),
    /// A fault rule was refused (unknown route, bad status or rate, several effects).
    #[error("{0}")]
    Fault(String),
    /// The sandbox was shut down.
    #[error("the sandbox was shut down")]
    Stopped,
}

/// How the sandbox is seeded; a null field keeps the sandbox's default.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct SandboxOptions {
    /// Seed of all generated data (default 42).
    #[uniffi(default)]
    pub seed: Option<u64>,
    /// Number of seeded employees (default 250).
    #[uniffi(default)]
    pub employees: Option<u32>,
    /// Number of seeded machines (default 12).
    #[uniffi(default)]
    pub machines: Option<u32>,
    /// Number of transactions reported (computed on demand; default 5,000).
    #[uniffi(default)]
    pub transactions: Option<u64>,
    /// Lifetime of issued tokens (default one hour).
    #[uniffi(default)]
    pub token_lifetime: Option<Duration>,
}

/// One fault rule: what to do to the next matching requests. At most one of `status`,
/// `drop_connection` and `body`; with none of them the rule only adds latency.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FaultRule {
    /// A route name (`employees.list`, `token`, …), a group (`employees.*`) or `*`.
    pub route: String,
    /// Fixed delay before anything else.
    #[uniffi(default)]
    pub latency: Option<Duration>,
    /// Answer with this HTTP status (400–599) without running the operation.
    #[uniffi(default)]
    pub status: Option<u16>,
    /// Apply to the next `times` matching requests only (default: every one).
    #[uniffi(default)]
    pub times: Option<u32>,
    /// `Retry-After` in seconds on a `status` answer.
    #[uniffi(default)]
    pub retry_after_secs: Option<u64>,
    /// Run the operation, then close the connection without answering ("outcome unknown").
    #[uniffi(default)]
    pub drop_connection: bool,
    /// Run the operation, then damage the body: `"truncated"` or `"malformed"`; or
    /// `"failed_envelope"`: answer HTTP 200 with `isSuccess: false` instead of running it.
    #[uniffi(default)]
    pub body: Option<String>,
}

impl FaultRule {
    fn spec(self) -> Result<FaultSpec, SandboxError> {
        let mut spec = FaultSpec::new(self.route);
        if let Some(t) = self.latency {
            spec = spec.latency(t);
        }
        if let Some(s) = self.status {
            spec = spec.status(s);
        }
        if let Some(n) = self.times {
            spec = spec.times(n);
        }
        if let Some(s) = self.retry_after_secs {
            spec = spec.retry_after(s);
        }
        if self.drop_connection {
            spec = spec.drop_connection();
        }
        if let Some(name) = self.body.as_deref() {
            let body = name
                .parse::<BodyFault>()
                .map_err(|e| SandboxError::Fault(e.to_string()))?;
            spec = spec.body(body);
        }
        Ok(spec)
    }
}

/// A running sandbox server on `127.0.0.1` (a free port). Stops on `shutdown()` or when the
/// object is closed or collected.
#[derive(Debug, uniffi::Object)]
pub struct Sandbox {
    inner: Mutex<Option<iqtech_sandbox::Sandbox>>,
}

impl Sandbox {
    fn server(&self) -> Result<MutexGuard<'_, Option<iqtech_sandbox::Sandbox>>, SandboxError> {
        let guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        match *guard {
            Some(_) => Ok(guard),
            None => Err(SandboxError::Stopped),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&iqtech_sandbox::Sandbox) -> T) -> Result<T, SandboxError> {
        let guard = self.server()?;
        Ok(f(guard.as_ref().ok_or(SandboxError::Stopped)?))
    }
}

#[uniffi::export]
impl Sandbox {
    /// Seeds the data and starts serving (on the SDK's runtime).
    #[uniffi::constructor(default(options = None))]
    pub async fn start(options: Option<SandboxOptions>) -> Result<Arc<Self>, SandboxError> {
        let o = options.unwrap_or_default();
        let mut config = SandboxConfig::default();
        if let Some(seed) = o.seed {
            config = config.seed(seed);
        }
        if let Some(n) = o.employees {
            config = config.employees(n as usize);
        }
        if let Some(n) = o.machines {
            config = config.machines(n as usize);
        }
        if let Some(n) = o.transactions {
            config = config.transactions(n);
        }
        if let Some(t) = o.token_lifetime {
            config = config.token_lifetime(t);
        }
        let server = spawn(iqtech_sandbox::Sandbox::start(config))
            .await
            .map_err(|e| SandboxError::Start(e.to_string()))?;
        Ok(Arc::new(Self {
            inner: Mutex::new(Some(server)),
        }))
    }

    /// Client settings pointing at this sandbox, with its credentials. Adjust the other
    /// fields (timeouts, attempts) with Kotlin's `copy()`.
    pub fn client_settings(&self) -> Result<ClientSettings, SandboxError> {
        self.with(|s| ClientSettings {
            client_id: Some(s.client_id().to_owned()),
            client_secret: Some(s.client_secret().to_owned()),
            auth_url: Some(s.auth_url()),
            api_url: Some(s.api_url()),
            ..ClientSettings::default()
        })
    }

    /// Base URL of the server (`http://127.0.0.1:PORT`), for both the token and the API.
    pub fn url(&self) -> Result<String, SandboxError> {
        self.with(|s| s.api_url())
    }

    /// Installs a fault rule; returns its id.
    pub fn inject_fault(&self, rule: FaultRule) -> Result<u64, SandboxError> {
        let spec = rule.spec()?;
        self.with(|s| s.inject(spec))?
            .map_err(|e| SandboxError::Fault(e.to_string()))
    }

    /// Installs a fault rule given as the sandbox's own JSON (`iqtech_sandbox::FaultSpec`,
    /// snake_case, durations in milliseconds), with every effect it has (`respond`, `after`,
    /// `rate`, …), exactly as the Rust, Python and Node sandboxes read it; returns its id. Fails
    /// naming what is wrong with the rule.
    pub fn inject_fault_json(&self, spec: String) -> Result<u64, SandboxError> {
        let spec: FaultSpec =
            serde_json::from_str(&spec).map_err(|e| SandboxError::Fault(e.to_string()))?;
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
        self.with(|s| {
            let journal = s.journal();
            if route == "token" {
                journal.token_requests
            } else {
                journal.count(&route)
            }
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
