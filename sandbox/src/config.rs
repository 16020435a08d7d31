//! The sandbox's configuration: data sizes, seed, credentials, token lifetime, bind address.

use std::net::SocketAddr;
use std::time::Duration;

use chrono::NaiveDate;

use crate::dialect::Dialect;
use crate::faults::FaultSpec;
use crate::settings::SettingsError;

/// Default client id accepted by the token endpoint.
pub const DEFAULT_CLIENT_ID: &str = "sandbox-client";
/// Default client secret accepted by the token endpoint.
pub const DEFAULT_CLIENT_SECRET: &str = "sandbox-secret";

/// How a [`Sandbox`](crate::Sandbox) is seeded and served.
///
/// Every field has a default ([`SandboxConfig::default`]); the methods of the same name set one
/// field and return the config, so configs read as
/// `SandboxConfig::default().seed(7).employees(20).transactions(1_000_000)`.
///
/// [`SandboxSettings`](crate::SandboxSettings) is the same set of options as plain serde data,
/// for the bindings and the binary; it converts to this type. `Debug` never shows the client
/// secret.
#[derive(Clone, PartialEq)]
pub struct SandboxConfig {
    /// Seed of all generated data: the same seed and sizes give the same data. Default 42.
    pub seed: u64,
    /// Number of seeded employees. Default 250.
    pub employees: usize,
    /// Number of seeded machines (at least 1). Default 12.
    pub machines: usize,
    /// Number of transactions reported by `GET /api/Transaction`; they are computed on demand,
    /// so millions cost no memory. Default 5,000.
    pub transactions: u64,
    /// First day of the transaction history (UTC). Default 2024-01-01.
    pub transactions_start: NaiveDate,
    /// Length of the transaction history in days; transactions are spread evenly over it.
    /// Default 366 (all of 2024).
    pub transactions_days: u32,
    /// Lifetime of issued access tokens. Default one hour.
    pub token_lifetime: Duration,
    /// Client id accepted by `POST /connect/token`. Default [`DEFAULT_CLIENT_ID`].
    pub client_id: String,
    /// Client secret accepted by `POST /connect/token`. Default [`DEFAULT_CLIENT_SECRET`].
    pub client_secret: String,
    /// Account name reported by the server (E6, reports, transactions). Default
    /// `"Sandbox Account :)"`.
    pub account_name: String,
    /// Address to listen on. Default `127.0.0.1:0` (a free port).
    pub bind: SocketAddr,
    /// How many request records the journal keeps (older ones are dropped; counters are
    /// kept). Default 1,000.
    pub journal_capacity: usize,
    /// Serve HTTPS with a certificate from a test CA generated at start (see
    /// [`Sandbox::ca_pem`](crate::Sandbox::ca_pem)) instead of plain HTTP. Default false.
    pub https: bool,
    /// Fault rules installed at start, in order. Default none.
    pub faults: Vec<FaultSpec>,
    /// Which reading of the vendor document the server plays. Default: the strict one of
    /// every setting ([`Dialect::default`]).
    pub dialect: Dialect,
}

impl std::fmt::Debug for SandboxConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxConfig")
            .field("seed", &self.seed)
            .field("employees", &self.employees)
            .field("machines", &self.machines)
            .field("transactions", &self.transactions)
            .field("transactions_start", &self.transactions_start)
            .field("transactions_days", &self.transactions_days)
            .field("token_lifetime", &self.token_lifetime)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("account_name", &self.account_name)
            .field("bind", &self.bind)
            .field("journal_capacity", &self.journal_capacity)
            .field("https", &self.https)
            .field("faults", &self.faults)
            .field("dialect", &self.dialect)
            .finish()
    }
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            seed: 42,
            employees: 250,
            machines: 12,
            transactions: 5_000,
            transactions_start: NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date"),
            transactions_days: 366,
            token_lifetime: Duration::from_secs(3600),
            client_id: DEFAULT_CLIENT_ID.to_string(),
            client_secret: DEFAULT_CLIENT_SECRET.to_string(),
            account_name: "Sandbox Account :)".to_string(),
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            journal_capacity: 1_000,
            https: false,
            faults: Vec::new(),
            dialect: Dialect::from_env(),
        }
    }
}

impl SandboxConfig {
    /// Sets [`dialect`](Self::dialect).
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = dialect;
        self
    }

    /// Sets [`seed`](Self::seed).
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets [`employees`](Self::employees).
    pub fn employees(mut self, employees: usize) -> Self {
        self.employees = employees;
        self
    }

    /// Sets [`machines`](Self::machines).
    pub fn machines(mut self, machines: usize) -> Self {
        self.machines = machines;
        self
    }

    /// Sets [`transactions`](Self::transactions).
    pub fn transactions(mut self, transactions: u64) -> Self {
        self.transactions = transactions;
        self
    }

    /// Sets [`transactions_start`](Self::transactions_start) and
    /// [`transactions_days`](Self::transactions_days).
    pub fn transaction_period(mut self, start: NaiveDate, days: u32) -> Self {
        self.transactions_start = start;
        self.transactions_days = days;
        self
    }

    /// Sets [`token_lifetime`](Self::token_lifetime).
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// Sets the client id and secret accepted by the token endpoint.
    pub fn credentials(
        mut self,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        self.client_id = client_id.into();
        self.client_secret = client_secret.into();
        self
    }

    /// Sets [`account_name`](Self::account_name).
    pub fn account_name(mut self, name: impl Into<String>) -> Self {
        self.account_name = name.into();
        self
    }

    /// Sets [`bind`](Self::bind).
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.bind = addr;
        self
    }

    /// Sets [`https`](Self::https).
    pub fn https(mut self, on: bool) -> Self {
        self.https = on;
        self
    }

    /// Sets [`journal_capacity`](Self::journal_capacity).
    pub fn journal_capacity(mut self, capacity: usize) -> Self {
        self.journal_capacity = capacity;
        self
    }

    /// Adds a fault rule installed at start (after those added before).
    pub fn fault(mut self, spec: FaultSpec) -> Self {
        self.faults.push(spec);
        self
    }

    /// Checks that the values can be served, fault rules included; fails naming the field.
    pub(crate) fn validate(&self) -> Result<(), SettingsError> {
        if self.machines == 0 {
            return Err(SettingsError::new("machines", "must be at least 1"));
        }
        if self.transactions_days == 0 {
            return Err(SettingsError::new(
                "transactions_days",
                "must be at least 1",
            ));
        }
        if self.client_id.is_empty() {
            return Err(SettingsError::new("client_id", "must not be empty"));
        }
        if self.token_lifetime.is_zero() {
            return Err(SettingsError::new(
                "token_lifetime",
                "must be more than zero",
            ));
        }
        for (i, f) in self.faults.iter().enumerate() {
            f.validate()
                .map_err(|e| SettingsError::new(format!("faults[{i}]"), e.to_string()))?;
        }
        Ok(())
    }
}
