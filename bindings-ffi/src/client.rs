//! The `Client` object, built from the core's [`ClientSettings`] record.
//!
//! Its group accessors (`employees()`, `willCall()`, …) are expanded from the operation table
//! in [`crate::operations`].

use std::sync::Arc;

use iqtech::{ClientSettings, RequestOptions, ResponseMeta};

use crate::error::IqtechError;
use crate::runtime::guard;

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

impl Client {
    /// The core client, for the generated group accessors.
    pub(crate) fn core(&self) -> &iqtech::Client {
        &self.inner
    }
}

/// The settings with this binding's `User-Agent` unless one is given.
fn with_user_agent(mut settings: ClientSettings) -> ClientSettings {
    settings
        .user_agent
        .get_or_insert_with(|| format!("iqtech-uniffi/{}", env!("CARGO_PKG_VERSION")));
    settings
}

#[uniffi::export]
impl Client {
    /// A client from `settings` (the credentials are required; a null field takes the core's
    /// default). Fails with `ValidationError` naming a missing or invalid setting (a blank
    /// credential, a malformed URL, `http://` to a non-loopback host).
    #[uniffi::constructor]
    pub fn new(settings: ClientSettings) -> Result<Arc<Self>, IqtechError> {
        guard(|| with_user_agent(settings).build()).map(|inner| Arc::new(Self { inner }))
    }

    /// A client configured from the environment variables `IQTECH_CLIENT_ID`,
    /// `IQTECH_CLIENT_SECRET` and, when set, `IQTECH_AUTH_URL` and `IQTECH_API_URL`, with
    /// `settings` on top (useful on a JVM or in a simulator; an Android app has no such
    /// variables). Fails with `ConfigurationError` naming the missing variable.
    #[uniffi::constructor(default(settings = None))]
    pub fn from_env(settings: Option<ClientSettings>) -> Result<Arc<Self>, IqtechError> {
        let settings = with_user_agent(settings.unwrap_or_default());
        guard(|| settings.build_from_env()).map(|inner| Arc::new(Self { inner }))
    }
}

#[uniffi::export]
impl Client {
    /// A client over the same connections and token whose every call uses `options` on top of
    /// this client's (`timeout`, `maxAttempts`, `headers`, `requestId`, and `deadline`, which
    /// covers every attempt and backoff and ends as `TimeoutException`). Fails with
    /// `ValidationException` naming a bad option (`max_attempts`, `headers["X-Foo"]`, ...).
    pub fn with_options(&self, options: RequestOptions) -> Result<Arc<Self>, IqtechError> {
        guard(|| self.inner.with_options(options)).map(|inner| Arc::new(Self { inner }))
    }

    /// A client whose log lines (one per attempt at debug level, one per call at info level,
    /// with the request id, never a secret) also go to `sink`.
    pub fn with_log_sink(&self, sink: Arc<dyn LogSink>) -> Arc<Self> {
        Arc::new(Self {
            inner: self.inner.with_log_sink(Arc::new(ForeignSink(sink))),
        })
    }

    /// What the last call through this client (or one of its groups) answered, or null before
    /// the first answer.
    pub fn last_response(&self) -> Option<ResponseMeta> {
        self.inner.last_response()
    }
}

/// Receives a client's log lines (`Client.withLogSink`): implement it over your logger
/// (Logcat, SLF4J, os_log). `level` is `error`, `warn`, `info` or `debug`; `target` is
/// `iqtech::call`. It is called on the SDK's threads and must return quickly.
#[uniffi::export(with_foreign)]
pub trait LogSink: Send + Sync {
    /// One log line.
    fn log(&self, level: String, target: String, message: String);
}

/// The foreign sink as the core's.
struct ForeignSink(Arc<dyn LogSink>);

impl iqtech::LogSink for ForeignSink {
    fn log(&self, level: iqtech::call::logging::Level, target: &str, message: &str) {
        self.0.log(
            level.as_str().to_ascii_lowercase(),
            target.to_owned(),
            message.to_owned(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn settings() -> ClientSettings {
        ClientSettings {
            client_id: Some("id".into()),
            client_secret: Some("s3cret-value".into()),
            auth_url: Some("http://127.0.0.1:9/".into()),
            api_url: Some("http://127.0.0.1:9/".into()),
            connect_timeout: Some(Duration::from_secs(1)),
            request_timeout: Some(Duration::from_secs(2)),
            max_attempts: Some(1),
            page_concurrency: Some(4),
            ..ClientSettings::default()
        }
    }

    #[test]
    fn every_setting_reaches_the_core() {
        let client = Client::new(settings()).unwrap();
        let c = client.inner.config();
        assert_eq!(c.client_id(), "id");
        assert_eq!(c.api_url(), "http://127.0.0.1:9/");
        assert_eq!(c.request_timeout(), Duration::from_secs(2));
        assert_eq!(c.retry().max_attempts, 1);
        assert_eq!(c.page_concurrency(), 4);
    }

    #[test]
    fn debug_hides_the_secret() {
        let shown = format!("{:?}", settings());
        assert!(!shown.contains("s3cret-value"), "{shown}");
        let client = Client::new(settings()).unwrap();
        assert!(!format!("{client:?}").contains("s3cret-value"));
    }

    #[test]
    fn invalid_settings_fail_with_the_core_error() {
        let err = Client::new(ClientSettings {
            api_url: Some("http://example.com/".into()),
            ..settings()
        })
        .unwrap_err();
        assert_eq!(err.code(), "validation");
        let err = Client::new(ClientSettings {
            page_concurrency: Some(0),
            ..settings()
        })
        .unwrap_err();
        assert!(
            matches!(&err, IqtechError::ValidationError { field, .. } if field == "page_concurrency")
        );
    }
}
