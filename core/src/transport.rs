//! Sending requests: bearer auth, timeouts, retries with backoff, and the rules for what may be
//! sent twice.
//!
//! Retry rules (API-NOTES, "Safety of retries"; one policy for every binding):
//! - connection refused / DNS failure (provably not sent): retried for every operation;
//! - 429: retried for every operation, after `Retry-After` when given (capped);
//! - timeout, connection lost after sending, 502, 503, 504: retried only for repeatable
//!   operations; a non-repeatable one gets [`Error::OutcomeUnknown`] instead (503 excepted: the
//!   server said it is unavailable, so the plain error is returned);
//! - 401 from the API: the token that failed is dropped and the request replayed once.
//!
//! Trap: a tokio runtime and the sockets in a reqwest pool do not survive `fork()`. The HTTP
//! client is therefore keyed by process id and rebuilt in a child process.

use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::sync::Mutex;
use std::time::Duration;

use crate::auth::{Token, TokenCache, TokenResponse};
use crate::config::Config;
use crate::error::{ApiErrorKind, Error, Result};
use crate::operations::{self, Operation};
use crate::response::{api_error, RawResponse};

/// A request to the integration API, before auth and retries.
#[derive(Debug)]
pub(crate) struct ApiRequest {
    pub op: &'static Operation,
    /// Path under the API base URL, without a leading slash, parameters already encoded.
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    /// JSON body, serialized once so every attempt sends the same bytes.
    pub body: Option<Vec<u8>>,
}

impl ApiRequest {
    pub fn new(op: &'static Operation, path: impl Into<String>) -> Self {
        Self {
            op,
            path: path.into(),
            query: Vec::new(),
            body: None,
        }
    }

    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    pub fn json<T: serde::Serialize>(mut self, body: &T) -> Result<Self> {
        self.body =
            Some(serde_json::to_vec(body).map_err(|e| Error::validation("body", e.to_string()))?);
        Ok(self)
    }
}

/// Percent-encodes one path segment.
pub(crate) fn segment(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// Owns the HTTP client and the token cache; shared by every clone of a [`crate::Client`].
pub(crate) struct Transport {
    pub config: Config,
    http: Mutex<(u32, reqwest::Client)>,
    tokens: TokenCache,
}

/// What one attempt produced, before the retry decision.
enum Outcome {
    Done(RawResponse),
    Unauthorized(Error),
    Failed {
        error: Error,
        retry: bool,
        retry_after: Option<Duration>,
    },
}

impl Transport {
    pub fn new(config: Config) -> Result<Self> {
        let http = build_http(&config)?;
        Ok(Self {
            config,
            http: Mutex::new((std::process::id(), http)),
            tokens: TokenCache::default(),
        })
    }

    /// The HTTP client for this process (rebuilt after a fork).
    fn http(&self) -> Result<reqwest::Client> {
        let mut guard = self.http.lock().expect("http client lock");
        let pid = std::process::id();
        if guard.0 != pid {
            *guard = (pid, build_http(&self.config)?);
        }
        Ok(guard.1.clone())
    }

    /// Sends an API request with auth and retries; returns the 2xx answer.
    pub async fn send(&self, req: &ApiRequest) -> Result<RawResponse> {
        let op = req.op;
        let url = self
            .config
            .api_url
            .join(&req.path)
            .map_err(|e| Error::validation("path", e.to_string()))?;
        let mut replayed = false;
        let mut attempt = 1;
        loop {
            let token = self.token().await?;
            let http = self.http()?;
            let mut rb = http
                .request(op.method.parse().expect("valid method"), url.clone())
                .bearer_auth(&*token.value)
                .header(reqwest::header::ACCEPT, "application/json");
            if !req.query.is_empty() {
                rb = rb.query(&req.query);
            }
            if let Some(body) = &req.body {
                rb = rb
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body.clone());
            }
            log::debug!(
                "{} {} {} (attempt {attempt})",
                op.name,
                op.method,
                url.path()
            );
            match self.attempt(op, rb).await {
                Outcome::Done(raw) => return Ok(raw),
                Outcome::Unauthorized(e) => {
                    self.tokens.invalidate(&token);
                    if replayed {
                        return Err(e);
                    }
                    log::info!("{}: 401, fetching a new token and replaying once", op.name);
                    replayed = true;
                }
                Outcome::Failed {
                    error,
                    retry,
                    retry_after,
                } => {
                    self.pause_or_fail(op, &mut attempt, error, retry, retry_after)
                        .await?;
                }
            }
        }
    }

    /// Sleeps before the next attempt, or returns the error when no attempt is left.
    async fn pause_or_fail(
        &self,
        op: &Operation,
        attempt: &mut u32,
        error: Error,
        retry: bool,
        retry_after: Option<Duration>,
    ) -> Result<()> {
        let policy = &self.config.retry;
        let too_long = retry_after.is_some_and(|d| d > policy.max_retry_after);
        if !retry || too_long || *attempt >= policy.max_attempts {
            return Err(error);
        }
        let wait = policy.delay(*attempt, retry_after);
        log::info!(
            "{}: attempt {attempt} failed ({}), retrying in {wait:?}",
            op.name,
            error
        );
        tokio::time::sleep(wait).await;
        *attempt += 1;
        Ok(())
    }

    /// One attempt: send, read the whole body, classify.
    async fn attempt(&self, op: &'static Operation, rb: reqwest::RequestBuilder) -> Outcome {
        let resp = match rb.send().await {
            Ok(r) => r,
            Err(e) => return self.transport_failure(op, e),
        };
        let status = resp.status().as_u16();
        let retry_after = retry_after(resp.headers());
        let body = match resp.bytes().await {
            Ok(b) => b,
            Err(e) => return self.transport_failure(op, e),
        };
        if (200..300).contains(&status) {
            return Outcome::Done(RawResponse { status, body });
        }
        let mut err = api_error(op, status, retry_after, &body);
        if op.name == operations::TOKEN.name && (400..500).contains(&status) && status != 429 {
            err.kind = ApiErrorKind::Authentication;
        }
        let error = Error::from(err);
        match status {
            401 if op.name != operations::TOKEN.name => Outcome::Unauthorized(error),
            429 => Outcome::Failed {
                error,
                retry: true,
                retry_after,
            },
            503 => Outcome::Failed {
                error,
                retry: op.repeatable,
                retry_after,
            },
            502 | 504 if op.repeatable => Outcome::Failed {
                error,
                retry: true,
                retry_after,
            },
            502 | 504 => Outcome::Failed {
                error: outcome_unknown(op, format!("the gateway answered HTTP {status}")),
                retry: false,
                retry_after: None,
            },
            _ => Outcome::Failed {
                error,
                retry: false,
                retry_after: None,
            },
        }
    }

    fn transport_failure(&self, op: &'static Operation, e: reqwest::Error) -> Outcome {
        let secrets = crate::net::proxy::secrets(self.config.proxy.as_ref());
        let detail = crate::net::failure::connect_message(&e, error_chain(&e), &secrets);
        if e.is_connect() {
            // Never reached the server: safe to retry whatever the operation.
            return Outcome::Failed {
                error: Error::Connection {
                    operation: op.name,
                    message: detail,
                },
                retry: true,
                retry_after: None,
            };
        }
        let timed_out = e.is_timeout();
        if !op.repeatable {
            let cause = if timed_out {
                format!("no answer within {:?}", self.config.request_timeout)
            } else {
                format!("the connection failed after the request was sent: {detail}")
            };
            return Outcome::Failed {
                error: outcome_unknown(op, cause),
                retry: false,
                retry_after: None,
            };
        }
        let error = if timed_out {
            Error::Timeout {
                operation: op.name,
                timeout: self.config.request_timeout,
            }
        } else {
            Error::Connection {
                operation: op.name,
                message: detail,
            }
        };
        Outcome::Failed {
            error,
            retry: true,
            retry_after: None,
        }
    }

    /// A valid bearer token (cached, single-flight).
    async fn token(&self) -> Result<Token> {
        self.tokens.get(|| self.fetch_token()).await
    }

    async fn fetch_token(&self) -> Result<Token> {
        let op = &operations::TOKEN;
        let url = self
            .config
            .auth_url
            .join("connect/token")
            .map_err(|e| Error::validation("auth_url", e.to_string()))?;
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.config.client_id.as_str()),
            ("client_secret", self.config.client_secret.as_str()),
        ];
        let mut attempt = 1;
        loop {
            log::debug!("{} POST {} (attempt {attempt})", op.name, url.path());
            let rb = self.http()?.post(url.clone()).form(&form);
            match self.attempt(op, rb).await {
                Outcome::Done(raw) => {
                    let parsed: TokenResponse =
                        serde_json::from_slice(&raw.body).map_err(|e| Error::Decode {
                            operation: op.name,
                            status: raw.status,
                            message: e.to_string(),
                            // A token body is a secret: never echo it.
                            body: String::from("<token response withheld>"),
                        })?;
                    return parsed.into_token(self.config.token_refresh_margin);
                }
                Outcome::Unauthorized(error) => return Err(error),
                Outcome::Failed {
                    error,
                    retry,
                    retry_after,
                } => {
                    self.pause_or_fail(op, &mut attempt, error, retry, retry_after)
                        .await?;
                }
            }
        }
    }
}

fn outcome_unknown(op: &'static Operation, reason: String) -> Error {
    Error::OutcomeUnknown {
        operation: op.name,
        reason,
        how_to_check: op.how_to_check,
    }
}

/// `Retry-After` in seconds (the HTTP-date form is not used by this API).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    v.parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

/// The error and its causes on one line (reqwest's own text omits the cause).
fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let s_text = s.to_string();
        if !text.contains(&s_text) {
            text.push_str(": ");
            text.push_str(&s_text);
        }
        source = s.source();
    }
    text
}

/// Builds the HTTP client: rustls with ring, the trust of [`crate::net::tls`] (bundled, system
/// and extra roots) and the proxies of [`crate::net::proxy`].
fn build_http(config: &Config) -> Result<reqwest::Client> {
    let tls = crate::net::tls::client_config(config)?;
    let builder = reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .connect_timeout(config.connect_timeout)
        .timeout(config.request_timeout)
        .user_agent(config.user_agent.clone())
        .pool_idle_timeout(Duration::from_secs(60));
    crate::net::proxy::apply(builder, config.proxy.as_ref(), config.no_proxy.as_deref())?
        .build()
        .map_err(|e| Error::config(format!("HTTP client set-up failed: {}", error_chain(&e))))
}
