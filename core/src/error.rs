//! The one error type of the SDK.
//!
//! The iQ Tech server reports failures in four shapes (API-NOTES quirk 1): an envelope with
//! `error{errorId, message}`, an envelope with `exception{message}`, ASP.NET ProblemDetails, and
//! anything else (HTML from a proxy, an empty or truncated body). All of them become an
//! [`ApiError`], classified by HTTP status (quirk 2) with the `errorId` kept as data. Failures that
//! never produced a server answer (connection, timeout, decoding, caller mistakes) have variants of
//! their own, so callers can act on the kind without parsing messages.

use std::fmt;
use std::time::Duration;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How many bytes of a raw response body an error keeps, so a huge HTML page cannot bloat logs.
pub const BODY_SNIPPET_LIMIT: usize = 512;

/// The class of an [`ApiError`], decided by the HTTP status alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400 and other 4xx without a class of their own: the request was refused as invalid.
    BadRequest,
    /// 401, or a refusal from the token endpoint: the credentials or token were not accepted.
    Authentication,
    /// 403: the credentials are valid but not allowed to do this.
    PermissionDenied,
    /// 404: the thing addressed does not exist.
    NotFound,
    /// 409: the request conflicts with the current state.
    Conflict,
    /// 429: too many requests; see [`ApiError::retry_after`].
    RateLimited,
    /// 5xx: the server failed.
    Server,
    /// A 2xx answer whose envelope says `isSuccess: false` (quirk 3), or a 1xx/3xx status.
    Unexpected,
}

impl ApiErrorKind {
    /// The class for an HTTP status.
    pub fn from_status(status: u16) -> Self {
        match status {
            401 => Self::Authentication,
            403 => Self::PermissionDenied,
            404 => Self::NotFound,
            409 => Self::Conflict,
            429 => Self::RateLimited,
            500..=599 => Self::Server,
            400..=499 => Self::BadRequest,
            _ => Self::Unexpected,
        }
    }

    /// Stable machine-readable name, identical in every language binding.
    pub fn code(self) -> &'static str {
        match self {
            Self::BadRequest => "bad_request",
            Self::Authentication => "authentication",
            Self::PermissionDenied => "permission_denied",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::RateLimited => "rate_limited",
            Self::Server => "server",
            Self::Unexpected => "api",
        }
    }
}

/// One field's validation messages, from ProblemDetails `errors{field: [messages]}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct FieldError {
    /// The field as the server named it (e.g. `reservationLockerId`).
    pub field: String,
    /// What the server said about it.
    pub messages: Vec<String>,
}

/// An error answer from the iQ Tech server (or its token endpoint), in any of its four shapes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// Class decided by the HTTP status.
    pub kind: ApiErrorKind,
    /// The operation that failed, e.g. `employees.create`.
    pub operation: &'static str,
    /// HTTP status of the answer.
    pub status: u16,
    /// The body's `errorId`, which may disagree with `status` (quirk 2).
    pub error_id: Option<i64>,
    /// The server's message, the best one found: `error.message`, else `exception.message`,
    /// else ProblemDetails `title`, else OAuth `error_description`, else the status text.
    pub detail: String,
    /// Field errors from a ProblemDetails body.
    pub field_errors: Vec<FieldError>,
    /// ProblemDetails `traceId`, for the vendor's support.
    pub trace_id: Option<String>,
    /// The first [`BODY_SNIPPET_LIMIT`] bytes of the raw body, for diagnosis.
    pub body: Option<String>,
    /// How long the server asked us to wait (`Retry-After`), when it said.
    pub retry_after: Option<Duration>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: HTTP {}", self.operation, self.status)?;
        if let Some(id) = self.error_id {
            write!(f, " (errorId {id})")?;
        }
        write!(f, ": {}", self.detail)?;
        for fe in &self.field_errors {
            write!(f, "; {}: {}", fe.field, fe.messages.join(" "))?;
        }
        if let Some(trace) = &self.trace_id {
            write!(f, " [trace {trace}]")?;
        }
        Ok(())
    }
}

/// Every way an SDK call can fail.
///
/// Print it with `{}` for one line a person can act on; match on the variant (or call
/// [`Error::code`]) to act in code.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with an error.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The caller passed something invalid; nothing was sent.
    #[error("invalid {field}: {message}")]
    Validation {
        /// The offending field, as named in this SDK (snake_case).
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The client is misconfigured (missing credentials, bad URL); nothing was sent.
    #[error("configuration error: {message}")]
    Config {
        /// What is wrong and how to fix it.
        message: String,
    },
    /// The server could not be reached, or the connection failed, for a request that is safe to
    /// repeat (or provably was never sent).
    #[error("{operation}: could not reach the server: {message}")]
    Connection {
        /// The operation that failed.
        operation: &'static str,
        /// The transport's description.
        message: String,
    },
    /// No answer within the configured timeout, for a request that is safe to repeat.
    #[error("{operation}: timed out after {timeout:?}")]
    Timeout {
        /// The operation that failed.
        operation: &'static str,
        /// The request timeout in force.
        timeout: Duration,
    },
    /// The server answered 2xx, but the body could not be read as the documented shape.
    #[error("{operation}: could not decode the HTTP {status} response: {message} (body starts: {body:?})")]
    Decode {
        /// The operation that failed.
        operation: &'static str,
        /// HTTP status of the answer.
        status: u16,
        /// The decoder's description (names the field or position).
        message: String,
        /// The first [`BODY_SNIPPET_LIMIT`] bytes of the body.
        body: String,
    },
    /// A request that must not be repeated may or may not have been carried out: it was sent, and
    /// the answer was lost (timeout, dropped connection, gateway error). The message says how to
    /// check before trying again.
    #[error("{operation}: outcome unknown ({reason}); it was not retried because repeating it is unsafe. {how_to_check}")]
    OutcomeUnknown {
        /// The operation whose fate is unknown.
        operation: &'static str,
        /// What happened to the answer.
        reason: String,
        /// How to find out whether it took effect.
        how_to_check: &'static str,
    },
    /// A bug inside the SDK (a panic caught at the language boundary). Please report it with
    /// the message; the host process keeps running.
    #[error("internal error in the iqtech SDK (please report it): {message}")]
    Internal {
        /// What panicked.
        message: String,
    },
    /// A call's overall deadline ([`crate::RequestOptions::deadline`]) ran out before an
    /// answer, every attempt and backoff included. Its code is `timeout` (class
    /// `TimeoutError`); `timeout` in [`ErrorDetails`] is the deadline.
    #[error("{operation}: timed out: the deadline of {deadline:?} for the whole call ran out after {attempts} attempt(s){}", last_error(.last))]
    Deadline {
        /// The operation that failed.
        operation: &'static str,
        /// The deadline in force.
        deadline: Duration,
        /// Attempts made.
        attempts: u32,
        /// The error that ended the last attempt, when one did.
        last: Option<String>,
    },
    /// Any error of a call that was sent, with the call's request ids (the `Display` text ends
    /// with `(request id …)`). [`Error::root`] sees through it.
    #[error("{source} (request id {request_id}{})", server_id(.server_request_id))]
    Request {
        /// The error itself.
        source: Box<Error>,
        /// The `X-Request-ID` the SDK sent.
        request_id: String,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
    },
    /// An auto-pager failed on one page; items of earlier pages were already delivered.
    #[error("page {page}: {source}")]
    Page {
        /// The page (1-based) that failed.
        page: u32,
        /// Why it failed.
        source: Box<Error>,
    },
}

fn last_error(last: &Option<String>) -> String {
    last.as_ref()
        .map(|e| format!(" (last: {e})"))
        .unwrap_or_default()
}

fn server_id(id: &Option<String>) -> String {
    id.as_ref()
        .map(|id| format!(", server request id {id}"))
        .unwrap_or_default()
}

impl Error {
    /// Builds a [`Error::Validation`].
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Builds a [`Error::Config`].
    pub fn config(message: impl Into<String>) -> Self {
        Self::Config {
            message: message.into(),
        }
    }

    /// The error beneath any [`Error::Page`] and [`Error::Request`] wrapper.
    pub fn root(&self) -> &Error {
        match self {
            Self::Page { source, .. } | Self::Request { source, .. } => source.root(),
            other => other,
        }
    }

    /// The page an auto-pager failed on, when this came from one.
    pub fn page(&self) -> Option<u32> {
        match self {
            Self::Page { page, .. } => Some(*page),
            Self::Request { source, .. } => source.page(),
            _ => None,
        }
    }

    /// The `X-Request-ID` the SDK sent for the call that failed, and the id the server
    /// returned, when the call was sent.
    pub fn request_ids(&self) -> Option<(&str, Option<&str>)> {
        match self {
            Self::Request {
                request_id,
                server_request_id,
                ..
            } => Some((request_id, server_request_id.as_deref())),
            Self::Page { source, .. } => source.request_ids(),
            _ => None,
        }
    }

    /// The server's answer, when this error is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self.root() {
            Self::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Stable machine-readable name of the error class, identical in every binding:
    /// an [`ApiErrorKind::code`], or `validation`, `config`, `connection`, `timeout`, `decode`,
    /// `outcome_unknown`, `internal` (see [`ERROR_CLASSES`]).
    pub fn code(&self) -> &'static str {
        match self.root() {
            Self::Api(e) => e.kind.code(),
            Self::Validation { .. } => "validation",
            Self::Config { .. } => "config",
            Self::Connection { .. } => "connection",
            Self::Timeout { .. } | Self::Deadline { .. } => "timeout",
            Self::Decode { .. } => "decode",
            Self::OutcomeUnknown { .. } => "outcome_unknown",
            Self::Internal { .. } => "internal",
            Self::Page { .. } | Self::Request { .. } => {
                unreachable!("root() never returns a wrapper")
            }
        }
    }

    /// Every field of this error under the names every binding uses (see [`ErrorDetails`]).
    pub fn details(&self) -> ErrorDetails {
        let mut d = ErrorDetails {
            code: self.code().to_owned(),
            message: self.to_string(),
            page: self.page(),
            ..ErrorDetails::default()
        };
        if let Some((ours, theirs)) = self.request_ids() {
            d.request_id = Some(ours.to_owned());
            d.server_request_id = theirs.map(str::to_owned);
        }
        match self.root() {
            Self::Api(e) => {
                d.operation = Some(e.operation.to_owned());
                d.status = Some(e.status);
                d.error_id = e.error_id;
                d.detail = Some(e.detail.clone());
                d.field_errors = e.field_errors.clone();
                d.trace_id = e.trace_id.clone();
                d.body = e.body.clone();
                d.retry_after = e.retry_after;
            }
            Self::Validation { field, message } => {
                d.field = Some(field.clone());
                d.detail = Some(message.clone());
            }
            Self::Config { message } | Self::Internal { message } => {
                d.detail = Some(message.clone());
            }
            Self::Connection { operation, message } => {
                d.operation = Some((*operation).to_owned());
                d.detail = Some(message.clone());
            }
            Self::Timeout { operation, timeout } => {
                d.operation = Some((*operation).to_owned());
                d.timeout = Some(*timeout);
            }
            Self::Deadline {
                operation,
                deadline,
                last,
                ..
            } => {
                d.operation = Some((*operation).to_owned());
                d.timeout = Some(*deadline);
                d.detail = last.clone();
            }
            Self::Decode {
                operation,
                status,
                message,
                body,
            } => {
                d.operation = Some((*operation).to_owned());
                d.status = Some(*status);
                d.detail = Some(message.clone());
                d.body = Some(body.clone());
            }
            Self::OutcomeUnknown {
                operation,
                reason,
                how_to_check,
            } => {
                d.operation = Some((*operation).to_owned());
                d.reason = Some(reason.clone());
                d.how_to_check = Some((*how_to_check).to_owned());
            }
            Self::Page { .. } | Self::Request { .. } => {
                unreachable!("root() never returns a wrapper")
            }
        }
        d
    }
}

/// Every field an SDK error can carry, flat, under one name per field in every language
/// (each binding applies its case: `field_errors`, `fieldErrors`). Built by [`Error::details`];
/// bindings turn it into their exception with no logic of their own. Fields that do not apply
/// to the error's class are `None` (or empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct ErrorDetails {
    /// The stable code of the class ([`ERROR_CLASSES`]).
    pub code: String,
    /// The one-line description a person can act on (the `Display` text).
    pub message: String,
    /// The operation that failed, e.g. `employees.create`.
    pub operation: Option<String>,
    /// The page an auto-pager failed on.
    pub page: Option<u32>,
    /// The HTTP status (API and decode errors).
    pub status: Option<u16>,
    /// The server's `errorId`, which may disagree with the status.
    pub error_id: Option<i64>,
    /// The server's message (API errors), or what is wrong (validation, configuration,
    /// connection, decode, internal).
    pub detail: Option<String>,
    /// Field errors from a ProblemDetails body.
    pub field_errors: Vec<FieldError>,
    /// ProblemDetails `traceId`, for the vendor's support.
    pub trace_id: Option<String>,
    /// The first [`BODY_SNIPPET_LIMIT`] bytes of the body (API and decode errors).
    pub body: Option<String>,
    /// How long the server asked us to wait (`Retry-After`).
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub retry_after: Option<Duration>,
    /// The offending input field (validation errors), snake_case.
    pub field: Option<String>,
    /// What happened to the answer (outcome-unknown errors).
    pub reason: Option<String>,
    /// How to find out whether the request took effect (outcome-unknown errors).
    pub how_to_check: Option<String>,
    /// The request timeout in force, or the call's deadline (timeout errors).
    #[cfg_attr(feature = "typescript", ts(type = "number | null"))]
    pub timeout: Option<Duration>,
    /// The `X-Request-ID` the SDK sent (every error of a call that was sent).
    pub request_id: Option<String>,
    /// The request id the server returned (`x-request-id`, `request-id`, `x-correlation-id`,
    /// `traceparent`, ...), when it returned one.
    pub server_request_id: Option<String>,
}

/// One error class of the SDK, as every binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorClass {
    /// The stable code ([`Error::code`]); empty for the root class.
    pub code: &'static str,
    /// The class name in every language (`NotFoundError`; Kotlin appends nothing else).
    pub name: &'static str,
    /// The parent class's name; `None` for the root.
    pub parent: Option<&'static str>,
    /// What it means and what to do.
    pub doc: &'static str,
    /// The [`ErrorDetails`] fields it fills beyond `code`, `message`, `operation` and `page`.
    pub fields: &'static [&'static str],
}

const API_FIELDS: &[&str] = &[
    "status",
    "error_id",
    "detail",
    "field_errors",
    "trace_id",
    "body",
    "retry_after",
];

/// The error taxonomy, written once: every binding's classes are generated from it or checked
/// against it. The root comes first; every parent precedes its children.
pub const ERROR_CLASSES: &[ErrorClass] = &[
    ErrorClass { code: "", name: "IqtechError", parent: None, doc: "Root of every error the SDK raises.", fields: &[] },
    ErrorClass { code: "api", name: "ApiError", parent: Some("IqtechError"), doc: "The server answered with an error (also a 2xx whose envelope says isSuccess: false).", fields: API_FIELDS },
    ErrorClass { code: "bad_request", name: "BadRequestError", parent: Some("ApiError"), doc: "HTTP 400 or another 4xx without a class of its own: the request was refused as invalid.", fields: API_FIELDS },
    ErrorClass { code: "authentication", name: "AuthenticationError", parent: Some("ApiError"), doc: "HTTP 401 or a refusal from the token endpoint: check the client id and secret.", fields: API_FIELDS },
    ErrorClass { code: "permission_denied", name: "PermissionDeniedError", parent: Some("ApiError"), doc: "HTTP 403: the credentials are valid but not allowed to do this.", fields: API_FIELDS },
    ErrorClass { code: "not_found", name: "NotFoundError", parent: Some("ApiError"), doc: "HTTP 404: the thing addressed does not exist.", fields: API_FIELDS },
    ErrorClass { code: "conflict", name: "ConflictError", parent: Some("ApiError"), doc: "HTTP 409: the request conflicts with the current state.", fields: API_FIELDS },
    ErrorClass { code: "rate_limited", name: "RateLimitError", parent: Some("ApiError"), doc: "HTTP 429 after every attempt: slow down; retry_after says for how long.", fields: API_FIELDS },
    ErrorClass { code: "server", name: "ServerError", parent: Some("ApiError"), doc: "HTTP 5xx after every attempt: the server failed.", fields: API_FIELDS },
    ErrorClass { code: "validation", name: "ValidationError", parent: Some("IqtechError"), doc: "The caller passed something invalid; nothing was sent. field names it.", fields: &["field", "detail"] },
    ErrorClass { code: "config", name: "ConfigurationError", parent: Some("IqtechError"), doc: "The client is misconfigured (missing credentials, bad URL); nothing was sent.", fields: &["detail"] },
    ErrorClass { code: "connection", name: "ConnectionError", parent: Some("IqtechError"), doc: "The server could not be reached, for a request that is safe to repeat or was never sent.", fields: &["detail"] },
    ErrorClass { code: "timeout", name: "TimeoutError", parent: Some("IqtechError"), doc: "No answer within the timeout, for a request that is safe to repeat.", fields: &["timeout"] },
    ErrorClass { code: "decode", name: "DecodeError", parent: Some("IqtechError"), doc: "A 2xx answer whose body is not the documented shape.", fields: &["status", "detail", "body"] },
    ErrorClass { code: "outcome_unknown", name: "OutcomeUnknownError", parent: Some("IqtechError"), doc: "A request that must not be repeated was sent and its answer lost: check before trying again (how_to_check).", fields: &["reason", "how_to_check"] },
    ErrorClass { code: "internal", name: "InternalError", parent: Some("IqtechError"), doc: "A bug inside the SDK, caught at the language boundary: please report it.", fields: &["detail"] },
];

/// The class of a code, if the code is known.
pub fn error_class(code: &str) -> Option<&'static ErrorClass> {
    ERROR_CLASSES.iter().find(|c| c.code == code)
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Self::Api(Box::new(e))
    }
}

/// Cuts a body to at most [`BODY_SNIPPET_LIMIT`] bytes on a character boundary.
pub(crate) fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if text.len() <= BODY_SNIPPET_LIMIT {
        return text.into_owned();
    }
    let mut end = BODY_SNIPPET_LIMIT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_bounded_and_keeps_utf8() {
        let body = "é".repeat(1000);
        let s = snippet(body.as_bytes());
        assert!(s.len() <= BODY_SNIPPET_LIMIT + '…'.len_utf8());
        assert!(s.ends_with('…'));
    }

    #[test]
    fn api_error_prints_one_line_with_everything_to_act_on() {
        let e = Error::from(ApiError {
            kind: ApiErrorKind::BadRequest,
            operation: "will_call.send_new_code",
            status: 400,
            error_id: None,
            detail: "One or more validation errors occurred.".into(),
            field_errors: vec![FieldError {
                field: "reservationLockerId".into(),
                messages: vec!["The value '0' is not valid.".into()],
            }],
            trace_id: Some("00-abc-01".into()),
            body: None,
            retry_after: None,
        });
        let line = e.to_string();
        assert!(!line.contains('\n'));
        assert!(line.contains("HTTP 400"));
        assert!(line.contains("reservationLockerId"));
        assert!(line.contains("00-abc-01"));
        assert_eq!(e.code(), "bad_request");
    }

    #[test]
    fn every_code_has_one_class_and_parents_come_first() {
        for (i, class) in ERROR_CLASSES.iter().enumerate() {
            if let Some(parent) = class.parent {
                let at = ERROR_CLASSES.iter().position(|c| c.name == parent).unwrap();
                assert!(at < i, "{} before {}", parent, class.name);
            }
            assert_eq!(
                ERROR_CLASSES
                    .iter()
                    .filter(|c| c.code == class.code)
                    .count(),
                1
            );
        }
        let samples = [
            Error::validation("page", "must be at least 1"),
            Error::config("no id"),
            Error::Internal {
                message: "boom".into(),
            },
        ];
        for e in samples {
            assert!(error_class(e.code()).is_some(), "{}", e.code());
            let d = e.details();
            assert_eq!(d.message, e.to_string());
        }
    }

    #[test]
    fn status_decides_the_class() {
        assert_eq!(ApiErrorKind::from_status(404), ApiErrorKind::NotFound);
        assert_eq!(ApiErrorKind::from_status(422), ApiErrorKind::BadRequest);
        assert_eq!(ApiErrorKind::from_status(502), ApiErrorKind::Server);
        assert_eq!(ApiErrorKind::from_status(429), ApiErrorKind::RateLimited);
    }
}
