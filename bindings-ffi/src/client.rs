//! The `Client` object and its configuration record.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::employees::Employees;
use crate::error::IqtechError;
use crate::machines::Machines;
use crate::transactions::Transactions;
use crate::will_call::{WillCall, WillCallV1};

/// Everything a [`Client`] needs. Only the credentials are required; a null field takes the
/// core's default (production URLs, 10 s connect timeout, 30 s request timeout, 3 attempts,
/// 1 page at a time).
///
/// `toString()` (Kotlin) / `description` (Swift) never show the client secret.
#[derive(Clone, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct ClientConfig {
    /// The OAuth client id.
    pub client_id: String,
    /// The OAuth client secret (never logged or shown).
    pub client_secret: String,
    /// Token host; default `https://account.iqtechportal.com/`. `http://` only for loopback.
    #[uniffi(default)]
    pub auth_url: Option<String>,
    /// API host; default `https://integration.iqtechportal.com/`. `http://` only for loopback.
    #[uniffi(default)]
    pub api_url: Option<String>,
    /// Time allowed to open a connection; default 10 s.
    #[uniffi(default)]
    pub connect_timeout: Option<Duration>,
    /// Time allowed for one request, from sending to the last byte; default 30 s.
    #[uniffi(default)]
    pub request_timeout: Option<Duration>,
    /// Attempts in all, including the first (1 disables retries); default 3.
    #[uniffi(default)]
    pub max_attempts: Option<u32>,
    /// Pages the auto-pagers fetch at once (1–32); default 1.
    #[uniffi(default)]
    pub page_concurrency: Option<u32>,
    /// The `User-Agent` header; default `iqtech-uniffi/<version>`.
    #[uniffi(default)]
    pub user_agent: Option<String>,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("auth_url", &self.auth_url)
            .field("api_url", &self.api_url)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("max_attempts", &self.max_attempts)
            .field("page_concurrency", &self.page_concurrency)
            .field("user_agent", &self.user_agent)
            .finish()
    }
}

impl ClientConfig {
    /// The core builder with every setting given here applied.
    fn builder(self) -> iqtech::ClientBuilder {
        let mut b = iqtech::Client::builder()
            .client_id(self.client_id)
            .client_secret(self.client_secret)
            .user_agent(self.user_agent.unwrap_or_else(default_user_agent));
        if let Some(url) = self.auth_url {
            b = b.auth_url(url);
        }
        if let Some(url) = self.api_url {
            b = b.api_url(url);
        }
        if let Some(t) = self.connect_timeout {
            b = b.connect_timeout(t);
        }
        if let Some(t) = self.request_timeout {
            b = b.request_timeout(t);
        }
        if let Some(n) = self.max_attempts {
            b = b.max_attempts(n);
        }
        if let Some(n) = self.page_concurrency {
            b = b.page_concurrency(usize::try_from(n).unwrap_or(usize::MAX));
        }
        b
    }
}

fn default_user_agent() -> String {
    format!("iqtech-uniffi/{}", env!("CARGO_PKG_VERSION"))
}

/// A client of the iQ Tech Integration API.
///
/// Make one and share it: every call is safe from any thread or coroutine, and all share one
/// connection pool and token. Operations are grouped as in the vendor document: `employees()`,
/// `willCall()`, `willCallV1()`, `machines()`, `transactions()`. Every operation is a `suspend`
/// function in Kotlin and `async throws` in Swift and never blocks the calling thread; building
/// a client does no I/O.
#[derive(Debug, uniffi::Object)]
pub struct Client {
    inner: iqtech::Client,
}

#[uniffi::export]
impl Client {
    /// A client from `config`. Fails with `ValidationError` naming a missing or invalid setting
    /// (a blank credential, a malformed URL, `http://` to a non-loopback host).
    #[uniffi::constructor]
    pub fn new(config: ClientConfig) -> Result<Arc<Self>, IqtechError> {
        Ok(Arc::new(Self {
            inner: config.builder().build()?,
        }))
    }

    /// A client configured from the environment variables `IQTECH_CLIENT_ID`,
    /// `IQTECH_CLIENT_SECRET` and, when set, `IQTECH_AUTH_URL` and `IQTECH_API_URL` (useful on
    /// a JVM or in a simulator; an Android app has no such variables). Fails with
    /// `ConfigurationError` naming the missing variable.
    #[uniffi::constructor]
    pub fn from_env() -> Result<Arc<Self>, IqtechError> {
        let builder = iqtech::Client::builder()
            .user_agent(default_user_agent())
            .from_env()?;
        Ok(Arc::new(Self {
            inner: builder.build()?,
        }))
    }

    /// Employee operations (document section 2).
    pub fn employees(&self) -> Arc<Employees> {
        Arc::new(Employees::new(self.inner.employees()))
    }

    /// Will-call operations, current generation (section 3).
    pub fn will_call(&self) -> Arc<WillCall> {
        Arc::new(WillCall::new(self.inner.will_call()))
    }

    /// Will-call operations, legacy generation (section 6).
    pub fn will_call_v1(&self) -> Arc<WillCallV1> {
        Arc::new(WillCallV1::new(self.inner.will_call_v1()))
    }

    /// Machine and planogram operations (section 4).
    pub fn machines(&self) -> Arc<Machines> {
        Arc::new(Machines::new(self.inner.machines()))
    }

    /// The transaction report (section 5).
    pub fn transactions(&self) -> Arc<Transactions> {
        Arc::new(Transactions::new(self.inner.transactions()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> ClientConfig {
        ClientConfig {
            client_id: "id".into(),
            client_secret: "s3cret-value".into(),
            auth_url: Some("http://127.0.0.1:9/".into()),
            api_url: Some("http://127.0.0.1:9/".into()),
            connect_timeout: Some(Duration::from_secs(1)),
            request_timeout: Some(Duration::from_secs(2)),
            max_attempts: Some(1),
            page_concurrency: Some(4),
            user_agent: None,
        }
    }

    #[test]
    fn every_setting_reaches_the_core() {
        let client = Client::new(config()).unwrap();
        let c = client.inner.config();
        assert_eq!(c.client_id(), "id");
        assert_eq!(c.api_url(), "http://127.0.0.1:9/");
        assert_eq!(c.request_timeout(), Duration::from_secs(2));
        assert_eq!(c.retry().max_attempts, 1);
        assert_eq!(c.page_concurrency(), 4);
    }

    #[test]
    fn debug_hides_the_secret() {
        let shown = format!("{:?}", config());
        assert!(!shown.contains("s3cret-value"), "{shown}");
        let client = Client::new(config()).unwrap();
        assert!(!format!("{client:?}").contains("s3cret-value"));
    }

    #[test]
    fn invalid_settings_fail_with_the_core_error() {
        let err = Client::new(ClientConfig {
            api_url: Some("http://example.com/".into()),
            ..config()
        })
        .unwrap_err();
        assert_eq!(err.code(), "validation");
        let err = Client::new(ClientConfig {
            page_concurrency: Some(0),
            ..config()
        })
        .unwrap_err();
        assert!(
            matches!(&err, IqtechError::ValidationError { field, .. } if field == "page_concurrency")
        );
    }
}
