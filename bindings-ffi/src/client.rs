//! The `Client` object, built from the core's [`ClientSettings`] record.
//!
//! Its group accessors (`employees()`, `willCall()`, …) are expanded from the operation table
//! in [`crate::operations`].

use std::sync::Arc;

use iqtech::ClientSettings;

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
