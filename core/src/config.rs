//! Client configuration: endpoints, credentials, timeouts, retry policy, paging concurrency.

use std::fmt;
use std::time::Duration;
use url::Url;

use crate::error::{Error, Result};

/// Production token host (document section 1.2).
pub const DEFAULT_AUTH_URL: &str = "https://account.iqtechportal.com/";
/// Production API host (document section 1.4).
pub const DEFAULT_API_URL: &str = "https://integration.iqtechportal.com/";
/// Environment variable holding the client id.
pub const ENV_CLIENT_ID: &str = "IQTECH_CLIENT_ID";
/// Environment variable holding the client secret.
pub const ENV_CLIENT_SECRET: &str = "IQTECH_CLIENT_SECRET";
/// Environment variable overriding the auth base URL.
pub const ENV_AUTH_URL: &str = "IQTECH_AUTH_URL";
/// Environment variable overriding the API base URL.
pub const ENV_API_URL: &str = "IQTECH_API_URL";
/// Environment variable naming extra CA certificates to trust: a PEM file's path, or PEM text.
/// Added to the `ca_bundle` setting's, never instead of it (see `docs/tls-and-proxies.md`).
pub const ENV_CA_BUNDLE: &str = "IQTECH_CA_BUNDLE";
/// The largest page the API serves (document section 1.6).
pub const MAX_PAGE_SIZE: u32 = 100;

/// How failed requests are retried. One policy for every binding.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, including the first (1 disables retries). Default 3.
    pub max_attempts: u32,
    /// Wait before the first retry; doubles each time. Default 250 ms.
    pub initial_backoff: Duration,
    /// Longest wait between attempts (before jitter). Default 8 s.
    pub max_backoff: Duration,
    /// Longest `Retry-After` honoured; a longer one ends the retries with the 429/503 error.
    /// Default 60 s.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `attempt + 1` (attempt counts from 1): exponential backoff with
    /// "full jitter" (uniform between half and all of the step), or the server's `Retry-After`.
    pub(crate) fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait;
        }
        let step = self
            .initial_backoff
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(self.max_backoff);
        let half = step / 2;
        half + step.saturating_sub(half).mul_f64(rand::random::<f64>())
    }
}

/// Everything a [`crate::Client`] needs. Build one with [`crate::Client::builder`].
///
/// `Debug` never shows the client secret.
#[derive(Clone)]
pub struct Config {
    pub(crate) client_id: String,
    pub(crate) client_secret: String,
    pub(crate) auth_url: Url,
    pub(crate) api_url: Url,
    pub(crate) ca_bundle: Option<String>,
    pub(crate) use_system_roots: bool,
    pub(crate) proxy: Option<Url>,
    pub(crate) no_proxy: Option<String>,
    pub(crate) connect_timeout: Duration,
    pub(crate) request_timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) user_agent: String,
    pub(crate) page_concurrency: usize,
    pub(crate) token_refresh_margin: Duration,
    pub(crate) query_date_format: String,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("auth_url", &self.auth_url.as_str())
            .field("api_url", &self.api_url.as_str())
            .field("ca_bundle", &self.ca_bundle.as_deref().map(show_bundle))
            .field("use_system_roots", &self.use_system_roots)
            .field("proxy", &self.proxy())
            .field("no_proxy", &self.no_proxy)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("retry", &self.retry)
            .field("user_agent", &self.user_agent)
            .field("page_concurrency", &self.page_concurrency)
            .field("query_date_format", &self.query_date_format)
            .finish()
    }
}

impl Config {
    /// The client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }
    /// The auth base URL.
    pub fn auth_url(&self) -> &str {
        self.auth_url.as_str()
    }
    /// The integration API base URL.
    pub fn api_url(&self) -> &str {
        self.api_url.as_str()
    }
    /// Whether the operating system's root certificates are trusted (besides the bundled ones).
    pub fn use_system_roots(&self) -> bool {
        self.use_system_roots
    }
    /// The proxy setting, credentials replaced by `***` (`None`: the environment decides).
    pub fn proxy(&self) -> Option<String> {
        self.proxy
            .as_ref()
            .map(|u| crate::net::proxy::redact(u.as_str()))
    }
    /// The per-request timeout.
    pub fn request_timeout(&self) -> Duration {
        self.request_timeout
    }
    /// The retry policy.
    pub fn retry(&self) -> &RetryPolicy {
        &self.retry
    }
    /// Pages fetched at once by auto-pagers (1 = sequential).
    pub fn page_concurrency(&self) -> usize {
        self.page_concurrency
    }
    /// The chrono format of the transaction report's `FromDate`/`ToDate` (default
    /// [`crate::QUERY_DATE_FORMAT`], `MM-dd-yyyy`).
    pub fn query_date_format(&self) -> &str {
        &self.query_date_format
    }
}

/// Builds a [`crate::Client`]. Every setting but the credentials has a default.
#[derive(Clone)]
pub struct ClientBuilder {
    client_id: Option<String>,
    client_secret: Option<String>,
    auth_url: String,
    api_url: String,
    ca_bundle: Option<String>,
    use_system_roots: bool,
    proxy: Option<String>,
    no_proxy: Option<String>,
    connect_timeout: Duration,
    request_timeout: Duration,
    retry: RetryPolicy,
    user_agent: String,
    page_concurrency: usize,
    token_refresh_margin: Duration,
    query_date_format: String,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("auth_url", &self.auth_url)
            .field("api_url", &self.api_url)
            .field(
                "proxy",
                &self.proxy.as_deref().map(crate::net::proxy::redact),
            )
            .finish_non_exhaustive()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            client_id: None,
            client_secret: None,
            auth_url: DEFAULT_AUTH_URL.to_owned(),
            api_url: DEFAULT_API_URL.to_owned(),
            ca_bundle: None,
            use_system_roots: true,
            proxy: None,
            no_proxy: None,
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            user_agent: format!("iqtech-rust/{}", env!("CARGO_PKG_VERSION")),
            page_concurrency: 1,
            token_refresh_margin: Duration::from_secs(60),
            query_date_format: crate::validate::QUERY_DATE_FORMAT.to_owned(),
        }
    }
}

impl ClientBuilder {
    /// The OAuth client id (required).
    pub fn client_id(mut self, id: impl Into<String>) -> Self {
        self.client_id = Some(id.into());
        self
    }
    /// The OAuth client secret (required; never logged or shown by `Debug`).
    pub fn client_secret(mut self, secret: impl Into<String>) -> Self {
        self.client_secret = Some(secret.into());
        self
    }
    /// Token host; default [`DEFAULT_AUTH_URL`]. `http://` is accepted only for loopback hosts.
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.auth_url = url.into();
        self
    }
    /// API host; default [`DEFAULT_API_URL`]. `http://` is accepted only for loopback hosts.
    pub fn api_url(mut self, url: impl Into<String>) -> Self {
        self.api_url = url.into();
        self
    }
    /// Extra CA certificates to trust, besides the bundled and system roots: the path of a PEM
    /// file, or the PEM text itself. For a network whose proxy inspects TLS, or a private CA.
    /// `IQTECH_CA_BUNDLE` and `SSL_CERT_FILE` add theirs too. The client fails to build when
    /// the bundle cannot be read or holds no certificate.
    pub fn ca_bundle(mut self, bundle: impl Into<String>) -> Self {
        self.ca_bundle = Some(bundle.into());
        self
    }
    /// Whether to trust the operating system's root certificates besides the bundled Mozilla
    /// roots; default true. (Nothing turns certificate verification off.)
    pub fn use_system_roots(mut self, yes: bool) -> Self {
        self.use_system_roots = yes;
        self
    }
    /// The proxy for every request, `http://[user:password@]host:port` (or `https://`); it
    /// overrides `HTTPS_PROXY`, `HTTP_PROXY` and `ALL_PROXY`. The credentials are never shown.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }
    /// Hosts reached without the proxy, comma separated (`NO_PROXY` syntax; `*` = every host);
    /// it overrides `NO_PROXY`.
    pub fn no_proxy(mut self, hosts: impl Into<String>) -> Self {
        self.no_proxy = Some(hosts.into());
        self
    }
    /// Time allowed to open a connection; default 10 s.
    pub fn connect_timeout(mut self, t: Duration) -> Self {
        self.connect_timeout = t;
        self
    }
    /// Time allowed for one request, from sending to the last byte of the answer; default 30 s.
    pub fn request_timeout(mut self, t: Duration) -> Self {
        self.request_timeout = t;
        self
    }
    /// The whole retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }
    /// Attempts in all, including the first; default 3.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.retry.max_attempts = attempts;
        self
    }
    /// The `User-Agent` header; bindings set their own.
    pub fn user_agent(mut self, ua: impl Into<String>) -> Self {
        self.user_agent = ua.into();
        self
    }
    /// Default number of pages auto-pagers fetch at once; default 1 (sequential).
    pub fn page_concurrency(mut self, n: usize) -> Self {
        self.page_concurrency = n;
        self
    }
    /// How long before expiry a token is refreshed; default 60 s (capped at half its lifetime).
    pub fn token_refresh_margin(mut self, margin: Duration) -> Self {
        self.token_refresh_margin = margin;
        self
    }

    /// The date format of the transaction report's `FromDate`/`ToDate` query parameters, as a
    /// chrono format string; default `%m-%d-%Y` (`MM-dd-yyyy`, the only date format the
    /// document shows). A tenant whose server wants ISO dates sets `%Y-%m-%d`. The reserved-locker
    /// report keeps its documented `MM-dd-yyyy` (docs/api-notes.md, T1 dates). An invalid format
    /// fails `build` naming `query_date_format`.
    pub fn query_date_format(mut self, format: impl Into<String>) -> Self {
        self.query_date_format = format.into();
        self
    }

    /// Reads `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET` and, when set, `IQTECH_AUTH_URL` and
    /// `IQTECH_API_URL` into this builder. Fails naming the variable that is missing.
    pub fn from_env(mut self) -> Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        self.client_id = Some(var(ENV_CLIENT_ID).ok_or_else(|| {
            Error::config(format!("environment variable {ENV_CLIENT_ID} is not set"))
        })?);
        self.client_secret = Some(var(ENV_CLIENT_SECRET).ok_or_else(|| {
            Error::config(format!(
                "environment variable {ENV_CLIENT_SECRET} is not set"
            ))
        })?);
        if let Some(url) = var(ENV_AUTH_URL) {
            self.auth_url = url;
        }
        if let Some(url) = var(ENV_API_URL) {
            self.api_url = url;
        }
        Ok(self)
    }

    /// Checks every setting and produces the configuration.
    pub fn build_config(self) -> Result<Config> {
        let client_id = required(self.client_id, "client_id")?;
        let client_secret = required(self.client_secret, "client_secret")?;
        if self.retry.max_attempts == 0 {
            return Err(Error::validation("max_attempts", "must be at least 1"));
        }
        if self.page_concurrency == 0 || self.page_concurrency > 32 {
            return Err(Error::validation(
                "page_concurrency",
                "must be between 1 and 32",
            ));
        }
        if self.request_timeout.is_zero() {
            return Err(Error::validation(
                "request_timeout",
                "must be more than zero",
            ));
        }
        check_date_format(&self.query_date_format)?;
        Ok(Config {
            client_id,
            client_secret,
            auth_url: base_url(&self.auth_url, "auth_url")?,
            api_url: base_url(&self.api_url, "api_url")?,
            ca_bundle: self.ca_bundle.filter(|b| !b.trim().is_empty()),
            use_system_roots: self.use_system_roots,
            proxy: match self.proxy.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(raw) => Some(crate::net::proxy::validate(raw)?),
            },
            no_proxy: self.no_proxy,
            connect_timeout: self.connect_timeout,
            request_timeout: self.request_timeout,
            retry: self.retry,
            user_agent: self.user_agent,
            page_concurrency: self.page_concurrency,
            token_refresh_margin: self.token_refresh_margin,
            query_date_format: self.query_date_format,
        })
    }

    /// Builds the client.
    ///
    /// Fails with [`Error::Validation`] naming the setting that is missing or invalid (a missing
    /// credential, a malformed URL, `http://` to a non-loopback host).
    pub fn build(self) -> Result<crate::Client> {
        crate::Client::from_config(self.build_config()?)
    }
}

/// Refuses a date format chrono cannot render, or one without any date field.
pub(crate) fn check_date_format(format: &str) -> Result<()> {
    use chrono::format::{Item, StrftimeItems};
    let items: Vec<Item<'_>> = StrftimeItems::new(format).collect();
    if items.iter().any(|i| matches!(i, Item::Error)) {
        return Err(Error::validation(
            "query_date_format",
            format!("{format:?} is not a valid chrono format (try \"%m-%d-%Y\" or \"%Y-%m-%d\")"),
        ));
    }
    if !items
        .iter()
        .any(|i| matches!(i, Item::Numeric(..) | Item::Fixed(..)))
    {
        return Err(Error::validation(
            "query_date_format",
            format!("{format:?} has no date field"),
        ));
    }
    // Fields a date does not have (hours, offsets) fail only when rendered: render one now.
    let mut rendered = String::new();
    let sample = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("valid date");
    if std::fmt::Write::write_fmt(&mut rendered, format_args!("{}", sample.format(format))).is_err()
    {
        return Err(Error::validation(
            "query_date_format",
            format!("{format:?} asks for a field a date does not have (use only date fields)"),
        ));
    }
    Ok(())
}

fn required(value: Option<String>, field: &str) -> Result<String> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(v),
        _ => Err(Error::validation(field, "is required")),
    }
}

/// Parses a base URL, ensuring a trailing slash so relative paths join under it, and refusing
/// plain HTTP except to loopback (the sandbox and tests).
fn base_url(raw: &str, field: &str) -> Result<Url> {
    let mut url = Url::parse(raw.trim())
        .map_err(|e| Error::validation(field, format!("{raw:?} is not a URL: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(Error::validation(
                field,
                format!("{raw:?} uses plain http; only https is allowed except to loopback hosts"),
            ))
        }
        other => {
            return Err(Error::validation(
                field,
                format!("unsupported scheme {other:?}; use https"),
            ))
        }
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

/// A `ca_bundle` value for `Debug`: the path, or a mention of PEM text (not the text itself).
fn show_bundle(value: &str) -> String {
    if value.contains("-----BEGIN") {
        format!("<PEM text, {} bytes>", value.len())
    } else {
        value.to_owned()
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder() -> ClientBuilder {
        ClientBuilder::default()
            .client_id("id")
            .client_secret("s3cret-value")
    }

    #[test]
    fn plain_http_only_to_loopback() {
        assert!(builder()
            .api_url("http://127.0.0.1:9/")
            .build_config()
            .is_ok());
        assert!(builder()
            .api_url("http://localhost:9")
            .build_config()
            .is_ok());
        assert!(builder().api_url("http://[::1]:9").build_config().is_ok());
        let err = builder()
            .api_url("http://integration.iqtechportal.com/")
            .build_config()
            .unwrap_err();
        assert!(
            matches!(err, Error::Validation { ref field, .. } if field == "api_url"),
            "{err}"
        );
    }

    #[test]
    fn proxy_credentials_never_show_and_bad_proxies_name_the_field() {
        let b = builder().proxy("http://alice:pr0xy-pass@127.0.0.1:3128");
        assert!(!format!("{b:?}").contains("pr0xy-pass"));
        let c = b.build_config().unwrap();
        assert!(!format!("{c:?}").contains("pr0xy-pass"));
        assert_eq!(c.proxy().as_deref(), Some("http://***@127.0.0.1:3128/"));
        let err = builder()
            .proxy("ftp://alice:pr0xy-pass@127.0.0.1")
            .build_config()
            .unwrap_err();
        assert!(
            matches!(err, Error::Validation { ref field, .. } if field == "proxy"),
            "{err}"
        );
        assert!(!err.to_string().contains("pr0xy-pass"), "{err}");
    }

    #[test]
    fn missing_credentials_name_the_field() {
        let err = ClientBuilder::default()
            .client_id("x")
            .build_config()
            .unwrap_err();
        assert_eq!(err.to_string(), "invalid client_secret: is required");
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let b = builder();
        assert!(!format!("{b:?}").contains("s3cret-value"));
        assert!(!format!("{:?}", b.build_config().unwrap()).contains("s3cret-value"));
    }

    #[test]
    fn the_date_format_is_checked() {
        assert_eq!(
            builder().build_config().unwrap().query_date_format(),
            "%m-%d-%Y"
        );
        let c = builder()
            .query_date_format("%Y-%m-%d")
            .build_config()
            .unwrap();
        assert_eq!(c.query_date_format(), "%Y-%m-%d");
        for bad in ["%Q", "plain text", "", "%Y-%m-%d %H:%M", "%z"] {
            let err = builder().query_date_format(bad).build_config().unwrap_err();
            assert!(
                matches!(err, Error::Validation { ref field, .. } if field == "query_date_format"),
                "{bad:?}: {err}"
            );
        }
    }

    #[test]
    fn base_urls_get_a_trailing_slash() {
        let c = builder()
            .api_url("https://h.example/tenant")
            .build_config()
            .unwrap();
        assert_eq!(c.api_url(), "https://h.example/tenant/");
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy::default();
        for attempt in 1..10 {
            let d = p.delay(attempt, None);
            assert!(d <= p.max_backoff, "{d:?}");
        }
        assert_eq!(
            p.delay(1, Some(Duration::from_secs(2))),
            Duration::from_secs(2)
        );
        assert!(p.delay(1, None) >= p.initial_backoff / 2);
    }
}
