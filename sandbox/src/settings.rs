//! [`SandboxSettings`]: every option of a sandbox as one plain serde record, the one shape the
//! Python, Node and Kotlin/Swift sandboxes and the `iqtech-sandbox` binary all take, so their
//! options cannot drift apart.
//!
//! A binding converts its language's value (a Python dict, a JS object, a Kotlin record) to this
//! type through serde ([`SandboxSettings::deserialize_from`] or
//! [`SandboxSettings::from_json`]) or uniffi (feature `uniffi`), then calls
//! [`Sandbox::start_with`](crate::Sandbox::start_with); every check and default lives here.
//! A bad setting is a [`SettingsError`] whose one-line message names the field in snake_case,
//! the same in every language: `invalid sandbox setting transactions_start: "2024-13-01" is not a
//! date (YYYY-MM-DD)`.
//!
//! To add a setting (such as a server `dialect`): add an `Option` field here with its doc and
//! `uniffi(default = None)`, and apply it in [`SandboxSettings::to_config`]; the bindings pick it
//! up from the type.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use crate::config::SandboxConfig;
use crate::dialect::Dialect;
use crate::faults::FaultSpec;

/// Every sandbox option; `None` (or leaving the member out) means the default, listed on each
/// field. The one options type of every binding's sandbox and of the binary's `--settings` file.
///
/// JSON (snake_case, unknown members refused, durations in milliseconds):
///
/// ```json
/// {"seed": 7, "employees": 30, "transactions": 1000000, "transactions_start": "2025-01-01",
///  "transactions_days": 90, "token_lifetime": 60000, "port": 0,
///  "faults": [{"route": "employees.list", "after": 2, "status": 500, "times": 1}]}
/// ```
///
/// `Debug` never shows the client secret.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase", optional_fields = nullable)
)]
pub struct SandboxSettings {
    /// Seed of all generated data: the same seed and sizes give the same data. Default 42.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub seed: Option<u64>,
    /// Number of seeded employees. Default 250.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub employees: Option<u32>,
    /// Number of seeded machines, at least 1. Default 12.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub machines: Option<u32>,
    /// Number of transactions `GET /api/Transaction` reports (computed on demand: millions
    /// cost no memory). Default 5,000.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transactions: Option<u64>,
    /// First day of the transaction history, `YYYY-MM-DD` (UTC). Default `2024-01-01`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transactions_start: Option<String>,
    /// Length of the transaction history in days, at least 1; transactions are spread evenly
    /// over it. Default 366.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transactions_days: Option<u32>,
    /// Lifetime of issued access tokens, more than zero; whole milliseconds in JSON (seconds in
    /// Python, milliseconds in JS, `Duration` in Kotlin/Swift). Default one hour.
    #[serde(with = "millis")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    #[cfg_attr(feature = "typescript", ts(optional, type = "number | null"))]
    pub token_lifetime: Option<Duration>,
    /// Client id the token endpoint accepts, not empty. Default `"sandbox-client"`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub client_id: Option<String>,
    /// Client secret the token endpoint accepts. Default `"sandbox-secret"`. Never printed by
    /// `Debug`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub client_secret: Option<String>,
    /// Account name the server reports (E6, reports, transactions). Default
    /// `"Sandbox Account :)"`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub account_name: Option<String>,
    /// How many request records the journal keeps (older ones are dropped; the counters are
    /// kept; 0 keeps none). Default 1,000.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub journal_capacity: Option<u32>,
    /// IP address to listen on (a literal such as `127.0.0.1` or `::1`, no host name).
    /// Default `127.0.0.1`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub host: Option<String>,
    /// Port to listen on; 0 picks a free one (read it back from the sandbox's URL). Default 0
    /// (the `iqtech-sandbox` binary: 8080).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub port: Option<u16>,
    /// Serve HTTPS with a certificate from a test CA generated at start (the sandbox hands out
    /// the CA's PEM to trust) instead of plain HTTP. Default false.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub https: Option<bool>,
    /// Fault rules installed at start, in order (see [`FaultSpec`]); more can be added and
    /// removed while it runs. Default none.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub faults: Vec<FaultSpec>,
    /// Which reading of the vendor document the server plays, per ambiguous place (see
    /// [`Dialect`]): `{"w3_path": "v2", "e6_method": "get"}`. Members left out, or the whole
    /// setting, default to the strict reading.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub dialect: Option<Dialect>,
}

impl fmt::Debug for SandboxSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxSettings")
            .field("seed", &self.seed)
            .field("employees", &self.employees)
            .field("machines", &self.machines)
            .field("transactions", &self.transactions)
            .field("transactions_start", &self.transactions_start)
            .field("transactions_days", &self.transactions_days)
            .field("token_lifetime", &self.token_lifetime)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("account_name", &self.account_name)
            .field("journal_capacity", &self.journal_capacity)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("https", &self.https)
            .field("faults", &self.faults)
            .field("dialect", &self.dialect)
            .finish()
    }
}

/// A sandbox setting that was refused: which field, and what is wrong with it.
///
/// Its message is one line, `invalid sandbox setting FIELD: PROBLEM` (or `invalid sandbox
/// settings: PROBLEM` when no field can be named, as for JSON that does not parse), the same in
/// every binding. `field` is the snake_case path: `seed`, `transactions_start`, `faults[1]`,
/// `faults[0].respond.status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    /// The field, as a snake_case path; empty when the whole value is wrong.
    pub field: String,
    /// What is wrong, one line.
    pub problem: String,
}

impl SettingsError {
    /// An error naming `field`.
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        SettingsError {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "invalid sandbox settings: {}", self.problem)
        } else {
            write!(
                f,
                "invalid sandbox setting {}: {}",
                self.field, self.problem
            )
        }
    }
}

impl std::error::Error for SettingsError {}

/// Lifts a serde error with its path into a [`SettingsError`].
fn from_path_error<E: fmt::Display>(e: serde_path_to_error::Error<E>) -> SettingsError {
    let path = e.path().to_string();
    let field = if path == "." || path == "?" {
        String::new()
    } else {
        path
    };
    let problem = e.inner().to_string().replace('\n', " ");
    SettingsError::new(field, problem)
}

impl SandboxSettings {
    /// The fields that are durations (whole milliseconds in JSON), so a binding whose language
    /// writes durations in other units (Python: seconds) converts exactly these and no others.
    /// A test checks that each one is a field read as milliseconds.
    pub const DURATION_FIELDS: &'static [&'static str] = &["token_lifetime"];

    /// Reads settings from any serde deserializer (a `serde_json::Value`, a Python object
    /// through `pythonize`, …); a wrong member names its path (`faults[0].status`).
    pub fn deserialize_from<'de, D>(deserializer: D) -> Result<Self, SettingsError>
    where
        D: Deserializer<'de>,
        D::Error: fmt::Display,
    {
        serde_path_to_error::deserialize::<_, MapOnly>(deserializer)
            .map(|m| m.0)
            .map_err(from_path_error)
    }

    /// Reads settings from JSON text (the binary's `--settings` file).
    pub fn from_json(text: &str) -> Result<Self, SettingsError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let settings = Self::deserialize_from(&mut de)?;
        de.end()
            .map_err(|e| SettingsError::new("", e.to_string()))?;
        Ok(settings)
    }

    /// The [`SandboxConfig`] these settings describe, after checking every field (the fault
    /// rules too). Fails naming the first field that is wrong.
    pub fn to_config(&self) -> Result<SandboxConfig, SettingsError> {
        let mut c = SandboxConfig::default();
        if let Some(v) = self.seed {
            c.seed = v;
        }
        if let Some(v) = self.employees {
            c.employees = v as usize;
        }
        if let Some(v) = self.machines {
            c.machines = v as usize;
        }
        if let Some(v) = self.transactions {
            c.transactions = v;
        }
        if let Some(text) = &self.transactions_start {
            c.transactions_start = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                SettingsError::new(
                    "transactions_start",
                    format!("{text:?} is not a date (YYYY-MM-DD)"),
                )
            })?;
        }
        if let Some(v) = self.transactions_days {
            c.transactions_days = v;
        }
        if let Some(v) = self.token_lifetime {
            c.token_lifetime = v;
        }
        if let Some(v) = &self.client_id {
            c.client_id = v.clone();
        }
        if let Some(v) = &self.client_secret {
            c.client_secret = v.clone();
        }
        if let Some(v) = &self.account_name {
            c.account_name = v.clone();
        }
        if let Some(v) = self.journal_capacity {
            c.journal_capacity = v as usize;
        }
        let mut ip = c.bind.ip();
        if let Some(text) = &self.host {
            ip = text.parse::<IpAddr>().map_err(|_| {
                SettingsError::new(
                    "host",
                    format!("{text:?} is not an IP address (such as 127.0.0.1 or ::1)"),
                )
            })?;
        }
        c.bind = SocketAddr::new(ip, self.port.unwrap_or(c.bind.port()));
        c.faults = self.faults.clone();
        if let Some(v) = self.https {
            c.https = v;
        }
        if let Some(v) = self.dialect {
            c.dialect = v;
        }
        c.validate()?;
        Ok(c)
    }
}

impl TryFrom<SandboxSettings> for SandboxConfig {
    type Error = SettingsError;

    /// See [`SandboxSettings::to_config`].
    fn try_from(settings: SandboxSettings) -> Result<Self, SettingsError> {
        settings.to_config()
    }
}

impl From<&SandboxConfig> for SandboxSettings {
    /// Every field set to the config's value (the effective settings of a sandbox).
    fn from(c: &SandboxConfig) -> Self {
        SandboxSettings {
            seed: Some(c.seed),
            employees: Some(u32::try_from(c.employees).unwrap_or(u32::MAX)),
            machines: Some(u32::try_from(c.machines).unwrap_or(u32::MAX)),
            transactions: Some(c.transactions),
            transactions_start: Some(c.transactions_start.format("%Y-%m-%d").to_string()),
            transactions_days: Some(c.transactions_days),
            token_lifetime: Some(c.token_lifetime),
            client_id: Some(c.client_id.clone()),
            client_secret: Some(c.client_secret.clone()),
            account_name: Some(c.account_name.clone()),
            journal_capacity: Some(u32::try_from(c.journal_capacity).unwrap_or(u32::MAX)),
            host: Some(c.bind.ip().to_string()),
            port: Some(c.bind.port()),
            https: Some(c.https),
            faults: c.faults.clone(),
            dialect: Some(c.dialect),
        }
    }
}

/// [`SandboxSettings`] from a map only: serde would also read a struct from a sequence
/// (`[7, 30]` as seed and employees), which would hide a caller's mistake.
struct MapOnly(SandboxSettings);

impl<'de> Deserialize<'de> for MapOnly {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = MapOnly;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of sandbox settings")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<MapOnly, A::Error> {
                SandboxSettings::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(MapOnly)
            }
        }
        d.deserialize_map(Visit)
    }
}

/// `Option<Duration>` as whole milliseconds.
mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&(d.as_millis() as u64)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        Ok(Option::<u64>::deserialize(d)?.map(Duration::from_millis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::CannedResponse;

    #[test]
    fn duration_fields_are_fields_of_milliseconds() {
        for name in SandboxSettings::DURATION_FIELDS {
            let json = serde_json::json!({ *name: 1500 });
            let settings = SandboxSettings::deserialize_from(json).expect(name);
            let back = serde_json::to_value(&settings).unwrap();
            assert_eq!(back[*name], 1500, "{name} round-trips as milliseconds");
            let text = serde_json::json!({ *name: "1500" });
            assert!(
                SandboxSettings::deserialize_from(text).is_err(),
                "{name} is a number"
            );
        }
    }

    #[test]
    fn defaults_are_the_configs() {
        let c = SandboxSettings::default().to_config().unwrap();
        let d = SandboxConfig::default();
        assert_eq!(format!("{c:?}"), format!("{d:?}"));
        let full = SandboxSettings::from(&d);
        assert_eq!(format!("{:?}", full.to_config().unwrap()), format!("{d:?}"));
        // Every field is set in the full form, so a new field cannot be forgotten here.
        let json = serde_json::to_value(&full).unwrap();
        let obj = json.as_object().unwrap();
        assert!(
            obj.iter().all(|(k, v)| !v.is_null() || k.is_empty()),
            "{json}"
        );
    }

    #[test]
    fn json_names_units_and_round_trip() {
        let s = SandboxSettings::from_json(
            r#"{"seed": 7, "employees": 30, "machines": 3, "transactions": 1000000,
                "transactions_start": "2025-02-01", "transactions_days": 90,
                "token_lifetime": 1500, "client_id": "id", "client_secret": "s3cret",
                "account_name": "A", "journal_capacity": 5, "host": "::1", "port": 0,
                "faults": [{"route": "employees.list", "after": 2, "status": 500}]}"#,
        )
        .unwrap();
        let c = s.to_config().unwrap();
        assert_eq!(c.seed, 7);
        assert_eq!(
            (c.employees, c.machines, c.transactions),
            (30, 3, 1_000_000)
        );
        assert_eq!(
            c.transactions_start,
            NaiveDate::from_ymd_opt(2025, 2, 1).unwrap()
        );
        assert_eq!(c.transactions_days, 90);
        assert_eq!(c.token_lifetime, Duration::from_millis(1500));
        assert_eq!(
            (c.client_id.as_str(), c.client_secret.as_str()),
            ("id", "s3cret")
        );
        assert_eq!((c.account_name.as_str(), c.journal_capacity), ("A", 5));
        assert_eq!(c.bind, "[::1]:0".parse().unwrap());
        assert_eq!(
            c.faults,
            [FaultSpec::new("employees.list").after(2).status(500)]
        );
        let back: SandboxSettings =
            serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        assert_eq!(
            serde_json::to_value(&s).unwrap()["token_lifetime"],
            serde_json::json!(1500)
        );
        assert!(!format!("{s:?}").contains("s3cret"));
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn errors_name_the_field_on_one_line() {
        let msg = |json: &str| match SandboxSettings::from_json(json).and_then(|s| s.to_config()) {
            Ok(_) => panic!("accepted {json}"),
            Err(e) => {
                let m = e.to_string();
                assert!(!m.contains('\n'), "{m}");
                (e.field, m)
            }
        };
        let cases = [
            (r#"{"seeed": 1}"#, "seeed", "unknown field `seeed`"),
            (r#"{"seed": "x"}"#, "seed", "invalid type"),
            (r#"{"port": 70000}"#, "port", "invalid value"),
            (r#"{"machines": 0}"#, "machines", "at least 1"),
            (
                r#"{"transactions_days": 0}"#,
                "transactions_days",
                "at least 1",
            ),
            (
                r#"{"token_lifetime": 0}"#,
                "token_lifetime",
                "more than zero",
            ),
            (r#"{"client_id": ""}"#, "client_id", "empty"),
            (
                r#"{"transactions_start": "2024-13-01"}"#,
                "transactions_start",
                r#""2024-13-01" is not a date (YYYY-MM-DD)"#,
            ),
            (r#"{"host": "localhost"}"#, "host", "not an IP address"),
            (
                r#"{"faults": [{}, {"route": "nope"}]}"#,
                "faults[1]",
                "unknown route selector",
            ),
            (
                r#"{"faults": [{"respond": {"status": 200, "hdrs": {}}}]}"#,
                "faults[0].respond.hdrs",
                "unknown field `hdrs`",
            ),
            (r#"{"seed": 1"#, "", "EOF"),
            (r#"[1]"#, "", "invalid type"),
        ];
        for (json, field, problem) in cases {
            let (got_field, m) = msg(json);
            assert_eq!(got_field, field, "{json}: {m}");
            assert!(m.contains(problem), "{json}: {m}");
            let prefix = if field.is_empty() {
                "invalid sandbox settings: ".to_string()
            } else {
                format!("invalid sandbox setting {field}: ")
            };
            assert!(m.starts_with(&prefix), "{json}: {m}");
        }
        let fault = SandboxSettings {
            faults: vec![FaultSpec::new("*").respond(CannedResponse::new(99))],
            ..Default::default()
        };
        assert_eq!(
            fault.to_config().unwrap_err().to_string(),
            "invalid sandbox setting faults[0]: invalid fault: respond: status 99 is not in 200..=599"
        );
    }

    #[test]
    fn reads_from_any_deserializer() {
        let v = serde_json::json!({"employees": 3, "faults": [{"status": 503, "times": 1}]});
        let s = SandboxSettings::deserialize_from(v).unwrap();
        assert_eq!(s.employees, Some(3));
        assert_eq!(s.faults[0], FaultSpec::new("*").status(503).times(1));
        let err =
            SandboxSettings::deserialize_from(serde_json::json!({"employees": -1})).unwrap_err();
        assert_eq!(err.field, "employees");
    }
}
