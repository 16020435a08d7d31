//! [`ClientSettings`]: every client option as one plain record, the shape every binding (and the
//! CLI's config file) maps onto [`ClientBuilder`] with unit conversion only.
//!
//! [`SETTINGS`] describes each field (name, kind, default, doc) so bindings can generate their
//! option types and convert units (durations are seconds in Python, milliseconds in JavaScript,
//! `Duration` in Kotlin/Swift and Rust) without listing the options again.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::config::ClientBuilder;
use crate::error::Result;

/// Every client option; `None` means the default (listed in [`SETTINGS`]).
///
/// Serialised with snake_case names; durations as whole milliseconds. Unknown names are
/// refused, so a typo fails instead of being ignored. `Debug` never shows the secret.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug))]
pub struct ClientSettings {
    /// OAuth client id (required, here or in `IQTECH_CLIENT_ID`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub client_id: Option<String>,
    /// OAuth client secret (required, here or in `IQTECH_CLIENT_SECRET`). Never printed.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub client_secret: Option<String>,
    /// Base URL of the token service.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub auth_url: Option<String>,
    /// Base URL of the integration API.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub api_url: Option<String>,
    /// Extra CA certificates to trust: a PEM file's path or the PEM text (adds to the bundled
    /// and system roots; `IQTECH_CA_BUNDLE` and `SSL_CERT_FILE` add theirs too).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ca_bundle: Option<String>,
    /// Trust the operating system's root certificates besides the bundled ones (default true).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub use_system_roots: Option<bool>,
    /// Proxy for every request, `http://[user:password@]host:port`; overrides `HTTPS_PROXY`,
    /// `HTTP_PROXY`, `ALL_PROXY`. Its credentials are never printed.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub proxy: Option<String>,
    /// Hosts reached without the proxy (`NO_PROXY` syntax, `*` = every host); overrides
    /// `NO_PROXY`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub no_proxy: Option<String>,
    /// How long to wait for a TCP/TLS connection.
    #[serde(with = "millis")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub connect_timeout: Option<Duration>,
    /// How long one attempt of one request may take.
    #[serde(with = "millis")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub request_timeout: Option<Duration>,
    /// Attempts per request, the first included (retries follow each operation's retry class).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub max_attempts: Option<u32>,
    /// Pages the auto-pagers fetch at once, 1 to 32.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub page_concurrency: Option<u32>,
    /// The `User-Agent` header; bindings default it to their own name and version.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub user_agent: Option<String>,
    /// The chrono format of the transaction report's date parameters (`%m-%d-%Y`, i.e.
    /// `MM-dd-yyyy`, unless set; `%Y-%m-%d` for ISO dates).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub query_date_format: Option<String>,
}

impl fmt::Debug for ClientSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSettings")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("auth_url", &self.auth_url)
            .field("api_url", &self.api_url)
            .field("ca_bundle", &self.ca_bundle.as_ref().map(|_| "<set>"))
            .field("use_system_roots", &self.use_system_roots)
            .field(
                "proxy",
                &self.proxy.as_deref().map(crate::net::proxy::redact),
            )
            .field("no_proxy", &self.no_proxy)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("max_attempts", &self.max_attempts)
            .field("page_concurrency", &self.page_concurrency)
            .field("user_agent", &self.user_agent)
            .field("query_date_format", &self.query_date_format)
            .finish()
    }
}

/// Where a test server (the sandbox) listens and what it accepts, for
/// [`ClientSettings::pointed_at`].
#[derive(Clone, Copy)]
pub struct TestServer<'a> {
    /// The token endpoint's base URL.
    pub auth_url: &'a str,
    /// The API's base URL.
    pub api_url: &'a str,
    /// The client id it accepts.
    pub client_id: &'a str,
    /// The client secret it accepts.
    pub client_secret: &'a str,
    /// Its test CA's certificate (PEM) when it serves HTTPS.
    pub ca_pem: Option<&'a str>,
}

impl std::fmt::Debug for TestServer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestServer")
            .field("auth_url", &self.auth_url)
            .field("api_url", &self.api_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("ca_pem", &self.ca_pem.map(|_| "<set>"))
            .finish()
    }
}

impl ClientSettings {
    /// These settings pointed at a test server: its URLs, credentials and CA fill each of those
    /// fields left unset. Fields the caller set are kept, so a test can give a wrong secret to
    /// see an authentication error; a `ca_bundle` of the caller's own replaces the server's CA.
    /// Every binding's `Sandbox` client is built this way.
    pub fn pointed_at(mut self, server: TestServer<'_>) -> Self {
        self.auth_url
            .get_or_insert_with(|| server.auth_url.to_owned());
        self.api_url
            .get_or_insert_with(|| server.api_url.to_owned());
        self.client_id
            .get_or_insert_with(|| server.client_id.to_owned());
        self.client_secret
            .get_or_insert_with(|| server.client_secret.to_owned());
        if self.ca_bundle.is_none() {
            self.ca_bundle = server.ca_pem.map(str::to_owned);
        }
        self
    }

    /// Applies every option that is set on top of `builder`.
    pub fn apply(self, mut builder: ClientBuilder) -> ClientBuilder {
        if let Some(v) = self.client_id {
            builder = builder.client_id(v);
        }
        if let Some(v) = self.client_secret {
            builder = builder.client_secret(v);
        }
        if let Some(v) = self.auth_url {
            builder = builder.auth_url(v);
        }
        if let Some(v) = self.api_url {
            builder = builder.api_url(v);
        }
        if let Some(v) = self.ca_bundle {
            builder = builder.ca_bundle(v);
        }
        if let Some(v) = self.use_system_roots {
            builder = builder.use_system_roots(v);
        }
        if let Some(v) = self.proxy {
            builder = builder.proxy(v);
        }
        if let Some(v) = self.no_proxy {
            builder = builder.no_proxy(v);
        }
        if let Some(v) = self.connect_timeout {
            builder = builder.connect_timeout(v);
        }
        if let Some(v) = self.request_timeout {
            builder = builder.request_timeout(v);
        }
        if let Some(v) = self.max_attempts {
            builder = builder.max_attempts(v);
        }
        if let Some(v) = self.page_concurrency {
            builder = builder.page_concurrency(v as usize);
        }
        if let Some(v) = self.user_agent {
            builder = builder.user_agent(v);
        }
        if let Some(v) = self.query_date_format {
            builder = builder.query_date_format(v);
        }
        builder
    }

    /// A client from these settings alone. Fails naming the missing or invalid setting.
    pub fn build(self) -> Result<crate::Client> {
        self.apply(ClientBuilder::default()).build()
    }

    /// A client from the environment (`IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET`, optional
    /// `IQTECH_AUTH_URL`, `IQTECH_API_URL`), with these settings on top. Fails naming the
    /// variable that is missing.
    pub fn build_from_env(self) -> Result<crate::Client> {
        let mut builder = ClientBuilder::default();
        let has_credentials = self.client_id.is_some() && self.client_secret.is_some();
        if !has_credentials {
            builder = builder.from_env()?;
        } else if let Ok(env) = ClientBuilder::default().from_env() {
            builder = env;
        }
        self.apply(builder).build()
    }
}

/// What kind of value a setting takes (for unit conversion in the bindings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    /// Text.
    Text,
    /// A secret text: redacted in every `Debug`, repr and log.
    Secret,
    /// A whole number.
    Integer,
    /// A duration: seconds (float) in Python, milliseconds in JavaScript, `Duration` elsewhere.
    Duration,
    /// A yes/no switch.
    Boolean,
    /// A map of header name to value (per-call `headers`, [`crate::REQUEST_OPTIONS`]).
    Headers,
}

impl SettingKind {
    /// The kind's name in the surface JSON and the bindings' tables: `text`, `secret`,
    /// `integer`, `duration`, `boolean` or `headers`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Secret => "secret",
            Self::Integer => "integer",
            Self::Duration => "duration",
            Self::Boolean => "boolean",
            Self::Headers => "headers",
        }
    }
}

/// One client setting, as declared once for every binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingSpec {
    /// The name, snake_case.
    pub name: &'static str,
    /// Its kind.
    pub kind: SettingKind,
    /// Its default, as a person would read it.
    pub default: &'static str,
    /// What it does.
    pub doc: &'static str,
}

/// Every field of [`ClientSettings`], in order.
pub const SETTINGS: &[SettingSpec] = &[
    SettingSpec {
        name: "client_id",
        kind: SettingKind::Text,
        default: "$IQTECH_CLIENT_ID",
        doc: "OAuth client id.",
    },
    SettingSpec {
        name: "client_secret",
        kind: SettingKind::Secret,
        default: "$IQTECH_CLIENT_SECRET",
        doc: "OAuth client secret; never printed.",
    },
    SettingSpec {
        name: "auth_url",
        kind: SettingKind::Text,
        default: crate::config::DEFAULT_AUTH_URL,
        doc: "Base URL of the token service ($IQTECH_AUTH_URL).",
    },
    SettingSpec {
        name: "api_url",
        kind: SettingKind::Text,
        default: crate::config::DEFAULT_API_URL,
        doc: "Base URL of the integration API ($IQTECH_API_URL).",
    },
    SettingSpec {
        name: "ca_bundle",
        kind: SettingKind::Text,
        default: "$IQTECH_CA_BUNDLE",
        doc: "Extra CA certificates to trust: a PEM file's path or PEM text (added to the bundled and system roots; $IQTECH_CA_BUNDLE and $SSL_CERT_FILE add theirs too).",
    },
    SettingSpec {
        name: "use_system_roots",
        kind: SettingKind::Boolean,
        default: "true",
        doc: "Trust the operating system's root certificates besides the bundled Mozilla roots.",
    },
    SettingSpec {
        name: "proxy",
        kind: SettingKind::Secret,
        default: "$HTTPS_PROXY / $HTTP_PROXY / $ALL_PROXY, else the system's",
        doc: "Proxy for every request, http://[user:password@]host:port; overrides the proxy environment variables. Its credentials are never printed.",
    },
    SettingSpec {
        name: "no_proxy",
        kind: SettingKind::Text,
        default: "$NO_PROXY",
        doc: "Hosts reached without the proxy, comma separated (NO_PROXY syntax; * = every host); overrides $NO_PROXY.",
    },
    SettingSpec {
        name: "connect_timeout",
        kind: SettingKind::Duration,
        default: "10 s",
        doc: "How long to wait for a connection.",
    },
    SettingSpec {
        name: "request_timeout",
        kind: SettingKind::Duration,
        default: "30 s",
        doc: "How long one attempt of one request may take.",
    },
    SettingSpec {
        name: "max_attempts",
        kind: SettingKind::Integer,
        default: "3",
        doc: "Attempts per request, the first included.",
    },
    SettingSpec {
        name: "page_concurrency",
        kind: SettingKind::Integer,
        default: "1",
        doc: "Pages the auto-pagers fetch at once (1 to 32).",
    },
    SettingSpec {
        name: "user_agent",
        kind: SettingKind::Text,
        default: "iqtech-<language>/<version>",
        doc: "The User-Agent header.",
    },
    SettingSpec {
        name: "query_date_format",
        kind: SettingKind::Text,
        default: "%m-%d-%Y",
        doc: "Date format of the transaction report's FromDate/ToDate (chrono; %m-%d-%Y is MM-dd-yyyy, %Y-%m-%d is ISO).",
    },
];

/// Durations as whole milliseconds in serde form (settings and [`crate::RequestOptions`]).
pub(crate) mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.serialize_some(&(d.as_millis() as u64)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        let ms: Option<f64> = Option::deserialize(d)?;
        match ms {
            None => Ok(None),
            // `try_`: a value too large for a Duration (1e300) is an error, never a panic.
            Some(ms) if ms >= 0.0 => match Duration::try_from_secs_f64(ms / 1000.0) {
                Ok(d) => Ok(Some(d)),
                Err(_) => Err(serde::de::Error::custom(format!(
                    "{ms} is not a duration in milliseconds (too large)"
                ))),
            },
            Some(ms) => Err(serde::de::Error::custom(format!(
                "{ms} is not a duration in milliseconds"
            ))),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn pointed_at_fills_what_is_unset_and_keeps_what_is_given() {
        let server = TestServer {
            auth_url: "https://127.0.0.1:1",
            api_url: "https://127.0.0.1:2",
            client_id: "sandbox-id",
            client_secret: "sandbox-secret",
            ca_pem: Some("-----BEGIN CERTIFICATE-----"),
        };
        let filled = ClientSettings::default().pointed_at(server);
        assert_eq!(filled.auth_url.as_deref(), Some("https://127.0.0.1:1"));
        assert_eq!(filled.api_url.as_deref(), Some("https://127.0.0.1:2"));
        assert_eq!(filled.client_id.as_deref(), Some("sandbox-id"));
        assert_eq!(filled.client_secret.as_deref(), Some("sandbox-secret"));
        assert_eq!(filled.ca_bundle.as_deref(), server.ca_pem);

        let given = ClientSettings {
            client_secret: Some("wrong".into()),
            ca_bundle: Some("/etc/proxy-ca.pem".into()),
            max_attempts: Some(1),
            ..Default::default()
        }
        .pointed_at(server);
        assert_eq!(given.client_secret.as_deref(), Some("wrong"));
        assert_eq!(given.ca_bundle.as_deref(), Some("/etc/proxy-ca.pem"));
        assert_eq!(given.max_attempts, Some(1));
        assert_eq!(given.client_id.as_deref(), Some("sandbox-id"));
        assert!(!format!("{server:?}").contains("sandbox-secret"));
    }

    #[test]
    fn a_duration_too_large_is_an_error_not_a_panic() {
        // Found by the `validators` fuzz target: `from_secs_f64` panics on 1e300 ms.
        for json in [
            r#"{"request_timeout": 1e300}"#,
            r#"{"connect_timeout": -1}"#,
        ] {
            let err = serde_json::from_str::<ClientSettings>(json).unwrap_err();
            assert!(err.to_string().contains("not a duration"), "{json}: {err}");
        }
    }

    /// The serde field names of `T` and the names of `table`, both sorted: equal when the table
    /// lists every field (shared with the `RequestOptions` test).
    pub(crate) fn names_and_table<T: serde::Serialize + Default>(
        table: &[SettingSpec],
    ) -> (Vec<String>, Vec<String>) {
        let json = serde_json::to_value(T::default()).unwrap();
        let mut names: Vec<String> = json.as_object().unwrap().keys().cloned().collect();
        let mut listed: Vec<String> = table.iter().map(|s| s.name.to_owned()).collect();
        names.sort();
        listed.sort();
        (names, listed)
    }

    #[test]
    fn table_lists_every_field() {
        let (names, table) = names_and_table::<ClientSettings>(SETTINGS);
        assert_eq!(names, table);
    }

    #[test]
    fn unknown_names_are_refused_and_the_secret_is_hidden() {
        let err = serde_json::from_str::<ClientSettings>(r#"{"timeout": 5}"#).unwrap_err();
        assert!(err.to_string().contains("timeout"), "{err}");
        let s: ClientSettings =
            serde_json::from_str(r#"{"client_secret": "hunter2", "request_timeout": 1500}"#)
                .unwrap();
        assert_eq!(s.request_timeout, Some(Duration::from_millis(1500)));
        assert!(!format!("{s:?}").contains("hunter2"));
        let s: ClientSettings = serde_json::from_str(
            r#"{"proxy": "http://u:pr0xy-pw@127.0.0.1:3128", "use_system_roots": false}"#,
        )
        .unwrap();
        assert_eq!(s.use_system_roots, Some(false));
        assert!(!format!("{s:?}").contains("pr0xy-pw"), "{s:?}");
    }
}
