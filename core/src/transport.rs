//! Sending requests: bearer auth, timeouts, retries with backoff, and the rules for what may be
//! sent twice.
//!
//! Retry rules (docs/api-notes.md, "Safety of retries"; one policy for every binding):
//! - connection refused / DNS failure (provably not sent): retried for every operation;
//! - 429: retried for every operation, after `Retry-After` when given (capped);
//! - timeout, connection lost after sending, 502, 503, 504: retried only for repeatable
//!   operations; a non-repeatable one gets [`Error::OutcomeUnknown`] instead (503 excepted: the
//!   server said it is unavailable, so the plain error is returned);
//! - 401 from the API: the token that failed is dropped and the request replayed once.
//!
//! Trap: a tokio runtime and the sockets in a reqwest pool do not survive `fork()`. The HTTP
//! client is therefore keyed by process id and rebuilt in a child process.

use log::Level;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::auth::{Token, TokenCache, TokenResponse};
use crate::call::logging::emit;
use crate::call::meta::new_request_id;
use crate::call::{ResponseMeta, View};
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
    /// A request to `op`'s own path template, its `{placeholders}` filled from `args`
    /// (percent-encoded). Fails with [`Error::Internal`] if the template names a placeholder
    /// `args` lacks (a bug in the core, caught by its tests).
    pub fn new(op: &'static Operation, args: &[(&str, &str)]) -> Result<Self> {
        Self::at(op, op.path, args)
    }

    /// A request for `op` sent to another path template (a fallback route such as W3's legacy
    /// path, see docs/api-notes.md "Either reading").
    pub fn at(op: &'static Operation, template: &str, args: &[(&str, &str)]) -> Result<Self> {
        Ok(Self {
            op,
            path: fill_path(template, args)?,
            query: Vec::new(),
            body: None,
        })
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

/// Fills a path template from the operation table (`/api/Employee/{employeeNumber}`): each
/// `{name}` becomes the percent-encoded value of `name` in `args`, and the leading `/` is dropped
/// so the path joins under the base URL. An unknown placeholder, or an unclosed brace, is an
/// [`Error::Internal`] (the table and the core disagree); a value of `.` or `..` is an
/// [`Error::Validation`] naming the argument (it would address another route).
pub(crate) fn fill_path(template: &str, args: &[(&str, &str)]) -> Result<String> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template.strip_prefix('/').unwrap_or(template);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| Error::Internal {
            message: format!("path template {template:?} has an unclosed brace"),
        })?;
        let name = &after[..close];
        let value = args
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| *v)
            .ok_or_else(|| Error::Internal {
                message: format!("path template {template:?} needs {{{name}}}, not given"),
            })?;
        if matches!(value.trim(), "." | "..") {
            // `.`/`..` (even percent-encoded) are dot segments to a URL parser: they would send
            // the request to another route.
            return Err(Error::validation(
                snake_case(name),
                format!("{value:?} cannot be sent as a path segment"),
            ));
        }
        out.push_str(&segment(value));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `employeeNumber` → `employee_number`: a placeholder named as the SDK names its argument.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Percent-encodes one path segment.
pub(crate) fn segment(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// What a client has learnt about the server's reading of the document, shared by every clone
/// (docs/api-notes.md, "Either reading"). Each value starts unknown and is set by the first
/// answer that settles it (0: not settled yet).
#[derive(Debug, Default)]
pub(crate) struct Learned {
    /// W3 (v2): 0 unknown, 1 the `/api/2.0/` path answers, 2 only the legacy path does.
    pub w3_path: AtomicU8,
    /// E6: 0 unknown, 1 GET answers, 2 only POST does.
    pub e6_method: AtomicU8,
}

/// A [`Learned`] value: the reading sent first answered.
pub(crate) const FIRST: u8 = 1;
/// A [`Learned`] value: only the other reading answered.
pub(crate) const OTHER: u8 = 2;

impl Learned {
    /// Reads one value.
    pub fn get(cell: &AtomicU8) -> u8 {
        cell.load(Ordering::Relaxed)
    }

    /// Records one value.
    pub fn set(cell: &AtomicU8, value: u8) {
        cell.store(value, Ordering::Relaxed);
    }
}

/// Owns the HTTP client and the token cache; shared by every clone of a [`crate::Client`].
pub(crate) struct Transport {
    pub config: Config,
    /// The readings of the document this client's server was found to take.
    pub learned: Learned,
    http: Mutex<(u32, reqwest::Client)>,
    /// The TLS set-up, built once: every HTTP client of this transport (one per process, and
    /// one per thread that calls on its own thread) starts from it.
    tls: rustls::ClientConfig,
    /// Finds this transport's HTTP client on a thread's own runtime
    /// ([`crate::runtime::caller_thread`]); dropped with the transport.
    lane_key: Arc<()>,
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

/// The HTTP answer of one attempt (status and headers), kept for [`ResponseMeta`] and the
/// server's request id.
struct Answer {
    status: u16,
    headers: HeaderMap,
}

/// One logical call in progress: its request id (shared by its attempts), its budget, and the
/// last answer seen.
struct Call<'a> {
    view: &'a View,
    op: &'static Operation,
    request_id: String,
    started: Instant,
    /// The deadline and its length, when the view has one.
    deadline: Option<(Instant, Duration)>,
    max_attempts: u32,
    /// The timeout of one attempt (the deadline may shorten it).
    timeout: Duration,
    /// The attempt being made, from 1.
    attempt: u32,
    answer: Option<Answer>,
    /// The error that ended the previous attempt, for a deadline that runs out between
    /// attempts (while waiting, or before the next one starts).
    last_error: Option<String>,
}

impl Call<'_> {
    /// Time left before the deadline (`None`: no deadline).
    fn remaining(&self) -> Option<Duration> {
        self.deadline
            .map(|(end, _)| end.saturating_duration_since(Instant::now()))
    }

    /// Whether the deadline has passed.
    fn expired(&self) -> bool {
        self.remaining().is_some_and(|left| left.is_zero())
    }

    /// The timeout of the next attempt: the view's, cut to what the deadline leaves.
    fn attempt_timeout(&self) -> Duration {
        match self.remaining() {
            Some(left) => self.timeout.min(left.max(Duration::from_millis(1))),
            None => self.timeout,
        }
    }

    /// The `timeout` error of a deadline that ran out; `last` is the error that ended the last
    /// attempt, if one did.
    fn deadline_error(&self, last: Option<&Error>) -> Error {
        Error::Deadline {
            operation: self.op.name,
            deadline: self.deadline.map(|(_, d)| d).unwrap_or_default(),
            attempts: self.attempt,
            last: last
                .map(ToString::to_string)
                .or_else(|| self.last_error.clone()),
        }
    }
}

impl Transport {
    pub fn new(config: Config) -> Result<Self> {
        crate::call::logging::init_from_env();
        let tls = crate::net::tls::client_config(&config)?;
        let http = build_http(&config, &tls)?;
        Ok(Self {
            config,
            learned: Learned::default(),
            http: Mutex::new((std::process::id(), http)),
            tls,
            lane_key: Arc::new(()),
            tokens: TokenCache::default(),
        })
    }

    /// The HTTP client for this call: the calling thread's own when the call runs there
    /// ([`crate::runtime::caller_thread`]), else the process's (rebuilt after a fork).
    fn http(&self) -> Result<reqwest::Client> {
        let build = || build_http(&self.config, &self.tls);
        if let Some(own) = crate::runtime::caller_thread::http_client(&self.lane_key, build) {
            return own;
        }
        let mut guard = self.http.lock().expect("http client lock");
        let pid = std::process::id();
        if guard.0 != pid {
            *guard = (pid, build()?);
        }
        Ok(guard.1.clone())
    }

    /// One logical call: sends an API request with auth and retries under `view`'s options,
    /// and decodes the 2xx answer with `decode`. Every attempt carries the call's one
    /// `X-Request-ID`; the call's [`ResponseMeta`] is recorded on `view`; an error comes back
    /// wrapped in [`Error::Request`] with the request ids.
    ///
    /// A 2xx body `decode` cannot read is judged here, inside the retry loop
    /// (docs/api-notes.md, "Corrupt answers"):
    /// - for a non-repeatable operation the server most likely acted, so any unreadable body is
    ///   [`Error::OutcomeUnknown`] with the operation's how-to-check advice, never retried;
    /// - for a repeatable one, a body that is not syntactically valid JSON (truncated, garbled)
    ///   is retried like a 502, within the same attempts and backoff; valid JSON of the wrong
    ///   shape is deterministic and returned at once as [`Error::Decode`].
    pub async fn call<T>(
        &self,
        view: &View,
        req: &ApiRequest,
        decode: impl Fn(&'static Operation, &RawResponse) -> Result<T>,
    ) -> Result<T> {
        let opts = &view.options;
        let started = Instant::now();
        let mut call = Call {
            view,
            op: req.op,
            request_id: opts.request_id.clone().unwrap_or_else(new_request_id),
            started,
            deadline: opts.deadline.map(|d| (started + d, d)),
            max_attempts: opts.max_attempts.unwrap_or(self.config.retry.max_attempts),
            timeout: opts.timeout.unwrap_or(self.config.request_timeout),
            attempt: 1,
            answer: None,
            last_error: None,
        };
        let result = self.run(&mut call, req, decode).await;
        finish(call, result)
    }

    /// The attempts of one call, until a decoded answer or a final error.
    async fn run<T>(
        &self,
        call: &mut Call<'_>,
        req: &ApiRequest,
        decode: impl Fn(&'static Operation, &RawResponse) -> Result<T>,
    ) -> Result<T> {
        let op = req.op;
        loop {
            let raw = self.send_from(req, call).await?;
            let error = match decode(op, &raw) {
                Ok(value) => return Ok(value),
                Err(e @ Error::Decode { .. }) => e,
                Err(other) => return Err(other),
            };
            if !op.repeatable {
                return Err(outcome_unknown(
                    op,
                    format!(
                        "the server answered HTTP {} but its body could not be read: {}",
                        raw.status,
                        decode_message(&error)
                    ),
                ));
            }
            if !is_corrupt_json(&raw.body) {
                return Err(error);
            }
            self.pause_or_fail(call, error, true, None).await?;
        }
    }

    /// Sends an API request with auth and retries; returns the 2xx answer. `call.attempt`
    /// counts attempts across calls, so a corrupt answer retried by [`Transport::run`] shares
    /// the same budget.
    async fn send_from(&self, req: &ApiRequest, call: &mut Call<'_>) -> Result<RawResponse> {
        let op = req.op;
        let url = self
            .config
            .api_url
            .join(&req.path)
            .map_err(|e| Error::validation("path", e.to_string()))?;
        let mut replayed = false;
        loop {
            if call.expired() {
                return Err(call.deadline_error(None));
            }
            let token = match call.remaining() {
                Some(left) => tokio::time::timeout(left, self.token())
                    .await
                    .map_err(|_| call.deadline_error(None))??,
                None => self.token().await?,
            };
            let http = self.http()?;
            let timeout = call.attempt_timeout();
            let mut rb = http
                .request(op.method.parse().expect("valid method"), url.clone())
                .headers(call.view.headers.clone())
                .bearer_auth(&*token.value)
                .header(reqwest::header::ACCEPT, "application/json")
                .header("x-request-id", call.request_id.as_str())
                .timeout(timeout);
            if !req.query.is_empty() {
                rb = rb.query(&req.query);
            }
            if let Some(body) = &req.body {
                rb = rb
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body.clone());
            }
            let sent = Instant::now();
            let (outcome, answer) = self.attempt(op, rb, timeout).await;
            emit(call.view.sink.as_ref(), Level::Debug, || {
                let status = match (&answer, &outcome) {
                    (Some(a), _) => a.status.to_string(),
                    (None, Outcome::Failed { error, .. }) => {
                        format!("no answer ({})", error.code())
                    }
                    (None, _) => "no answer".to_owned(),
                };
                format!(
                    "{} {} {} -> {status} in {} ms (attempt {}/{}, request id {})",
                    op.name,
                    op.method,
                    url.path(),
                    sent.elapsed().as_millis(),
                    call.attempt,
                    call.max_attempts,
                    call.request_id
                )
            });
            if answer.is_some() {
                call.answer = answer;
            }
            match outcome {
                Outcome::Done(raw) => return Ok(raw),
                Outcome::Unauthorized(e) => {
                    self.tokens.invalidate(&token);
                    if replayed {
                        return Err(e);
                    }
                    emit(call.view.sink.as_ref(), Level::Info, || {
                        format!(
                            "{}: 401, fetching a new token and replaying once (request id {})",
                            op.name, call.request_id
                        )
                    });
                    replayed = true;
                }
                Outcome::Failed {
                    error,
                    retry,
                    retry_after,
                } => {
                    let error = if call.expired() && matches!(error, Error::Timeout { .. }) {
                        // The attempt was cut short by the deadline itself: the failure worth
                        // naming is the previous attempt's, when there was one.
                        let cut = call.last_error.is_none().then_some(&error);
                        call.deadline_error(cut)
                    } else {
                        error
                    };
                    self.pause_or_fail(call, error, retry, retry_after).await?;
                }
            }
        }
    }

    /// Sleeps before the next attempt of a call, or returns the error when no attempt (or not
    /// enough of the deadline for the wait) is left.
    async fn pause_or_fail(
        &self,
        call: &mut Call<'_>,
        error: Error,
        retry: bool,
        retry_after: Option<Duration>,
    ) -> Result<()> {
        let Some(wait) = self.next_wait(call.attempt, call.max_attempts, retry, retry_after) else {
            return Err(error);
        };
        if call.remaining().is_some_and(|left| wait >= left) {
            return Err(call.deadline_error(Some(&error)));
        }
        emit(call.view.sink.as_ref(), Level::Info, || {
            format!(
                "{}: attempt {}/{} failed ({}), retrying in {} ms (request id {})",
                call.op.name,
                call.attempt,
                call.max_attempts,
                error,
                wait.as_millis(),
                call.request_id
            )
        });
        call.last_error = Some(error.to_string());
        tokio::time::sleep(wait).await;
        call.attempt += 1;
        Ok(())
    }

    /// The wait before the next attempt, or `None` when the error is final: not retryable, a
    /// `Retry-After` longer than the policy honours, or no attempt left.
    fn next_wait(
        &self,
        attempt: u32,
        max_attempts: u32,
        retry: bool,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        let policy = &self.config.retry;
        let too_long = retry_after.is_some_and(|d| d > policy.max_retry_after);
        if !retry || too_long || attempt >= max_attempts {
            return None;
        }
        Some(policy.delay(attempt, retry_after))
    }

    /// One attempt: send, read the whole body, classify. Also returns the answer's status and
    /// headers when there was one.
    async fn attempt(
        &self,
        op: &'static Operation,
        rb: reqwest::RequestBuilder,
        timeout: Duration,
    ) -> (Outcome, Option<Answer>) {
        let resp = match rb.send().await {
            Ok(r) => r,
            Err(e) => return (self.transport_failure(op, e, timeout), None),
        };
        let status = resp.status().as_u16();
        let answer = Answer {
            status,
            headers: resp.headers().clone(),
        };
        let retry_after = retry_after(resp.headers());
        let body = match resp.bytes().await {
            Ok(b) => b,
            Err(e) => return (self.transport_failure(op, e, timeout), Some(answer)),
        };
        (classify(op, status, retry_after, body), Some(answer))
    }

    fn transport_failure(
        &self,
        op: &'static Operation,
        e: reqwest::Error,
        timeout: Duration,
    ) -> Outcome {
        let secrets = crate::net::proxy::secrets(self.config.proxy.as_ref());
        let detail = crate::net::failure::connect_message(&e, error_chain(&e), &secrets);
        let refused_certificate = crate::net::failure::is_certificate_failure(&e);
        if e.is_connect() || refused_certificate {
            // Never reached the server: safe to retry whatever the operation, except a refused
            // certificate, which every later attempt would meet again (issue 10).
            return Outcome::Failed {
                error: Error::Connection {
                    operation: op.name,
                    message: detail,
                },
                retry: !refused_certificate,
                retry_after: None,
            };
        }
        let timed_out = e.is_timeout();
        if !op.repeatable {
            let cause = if timed_out {
                format!("no answer within {timeout:?}")
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
                timeout,
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
        let max_attempts = self.config.retry.max_attempts;
        let mut attempt = 1;
        loop {
            let rb = self.http()?.post(url.clone()).form(&form);
            let sent = Instant::now();
            let (outcome, answer) = self.attempt(op, rb, self.config.request_timeout).await;
            log::debug!(
                target: crate::call::logging::TARGET,
                "{} POST {} -> {} in {} ms (attempt {attempt}/{max_attempts})",
                op.name,
                url.path(),
                answer.map_or_else(|| "no answer".to_owned(), |a| a.status.to_string()),
                sent.elapsed().as_millis()
            );
            match outcome {
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
                    let Some(wait) = self.next_wait(attempt, max_attempts, retry, retry_after)
                    else {
                        return Err(error);
                    };
                    log::info!(
                        target: crate::call::logging::TARGET,
                        "{}: attempt {attempt}/{max_attempts} failed ({error}), retrying in {} ms",
                        op.name,
                        wait.as_millis()
                    );
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
            }
        }
    }
}

/// Classifies a whole answer: a 2xx is done; an error answer becomes its [`Error`] and the
/// retry decision of its status.
fn classify(
    op: &'static Operation,
    status: u16,
    retry_after: Option<Duration>,
    body: bytes::Bytes,
) -> Outcome {
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

/// Ends a call: records its [`ResponseMeta`] on the view (when an answer came), logs one info
/// line, and wraps an error with the request ids.
fn finish<T>(call: Call<'_>, result: Result<T>) -> Result<T> {
    let server_id = call
        .answer
        .as_ref()
        .and_then(|a| crate::call::meta::server_request_id(&a.headers));
    let elapsed = call.started.elapsed();
    if let Some(answer) = &call.answer {
        call.view.record(ResponseMeta {
            status: answer.status,
            headers: crate::call::meta::header_pairs(&answer.headers),
            elapsed,
            attempts: call.attempt,
            request_id: call.request_id.clone(),
            server_request_id: server_id.clone(),
        });
    }
    emit(call.view.sink.as_ref(), Level::Info, || {
        let how = match (&result, &call.answer) {
            (Ok(_), Some(a)) => format!("finished with HTTP {}", a.status),
            (Ok(_), None) => "finished".to_owned(),
            (Err(e), _) => format!("failed ({})", e.code()),
        };
        format!(
            "{} {how} in {} ms after {} attempt(s) (request id {})",
            call.op.name,
            elapsed.as_millis(),
            call.attempt,
            call.request_id
        )
    });
    result.map_err(|e| Error::Request {
        source: Box::new(e),
        request_id: call.request_id,
        server_request_id: server_id,
    })
}

/// Whether a 2xx body is not syntactically valid JSON (truncated, garbled): the sign of an
/// answer damaged on the way, worth asking for again. An empty body is not corrupt (decoders
/// read it as an empty answer, docs/api-notes.md "Empty answers").
pub(crate) fn is_corrupt_json(body: &[u8]) -> bool {
    match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
        Ok(_) => false,
        Err(e) => {
            !body.iter().all(u8::is_ascii_whitespace)
                && matches!(
                    e.classify(),
                    serde_json::error::Category::Syntax | serde_json::error::Category::Eof
                )
        }
    }
}

/// The decoder's own text of a [`Error::Decode`].
fn decode_message(e: &Error) -> String {
    match e {
        Error::Decode { message, .. } => message.clone(),
        other => other.to_string(),
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
    // `try_`: a server's `Retry-After: 1e300` must not panic the client.
    v.parse::<f64>()
        .ok()
        .filter(|s| *s >= 0.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
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

/// Builds an HTTP client: rustls with ring and the TLS set-up `tls` (the trust of
/// [`crate::net::tls`]: bundled, system
/// and extra roots), and the proxies of [`crate::net::proxy`].
fn build_http(config: &Config, tls: &rustls::ClientConfig) -> Result<reqwest::Client> {
    let builder = reqwest::Client::builder()
        .use_preconfigured_tls(tls.clone())
        .connect_timeout(config.connect_timeout)
        .timeout(config.request_timeout)
        .user_agent(config.user_agent.clone())
        .pool_idle_timeout(Duration::from_secs(60));
    crate::net::proxy::apply(builder, config.proxy.as_ref(), config.no_proxy.as_deref())?
        .build()
        .map_err(|e| Error::config(format!("HTTP client set-up failed: {}", error_chain(&e))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_never_panics_on_odd_values() {
        let read = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(RETRY_AFTER, v.parse().unwrap());
            retry_after(&h)
        };
        assert_eq!(read("7"), Some(Duration::from_secs(7)));
        assert_eq!(read("0.5"), Some(Duration::from_millis(500)));
        for odd in ["1e300", "inf", "NaN", "-3", "Wed, 21 Oct 2015 07:28:00 GMT"] {
            assert_eq!(read(odd), None, "{odd}");
        }
    }
}
