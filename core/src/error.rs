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
    /// The best message found: `error.message`, else `exception.message`, else ProblemDetails
    /// `title`, else OAuth `error_description`, else the status text.
    pub message: String,
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
        write!(f, ": {}", self.message)?;
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
    #[error("{operation}: could not decode the HTTP {status} response: {message} (body starts: {snippet:?})")]
    Decode {
        /// The operation that failed.
        operation: &'static str,
        /// HTTP status of the answer.
        status: u16,
        /// The decoder's description (names the field or position).
        message: String,
        /// The first [`BODY_SNIPPET_LIMIT`] bytes of the body.
        snippet: String,
    },
    /// A request that must not be repeated may or may not have been carried out: it was sent, and
    /// the answer was lost (timeout, dropped connection, gateway error). The message says how to
    /// check before trying again.
    #[error("{operation}: outcome unknown ({cause}); it was not retried because repeating it is unsafe. {how_to_check}")]
    OutcomeUnknown {
        /// The operation whose fate is unknown.
        operation: &'static str,
        /// What happened to the answer.
        cause: String,
        /// How to find out whether it took effect.
        how_to_check: &'static str,
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

    /// The error beneath any [`Error::Page`] wrapper.
    pub fn root(&self) -> &Error {
        match self {
            Self::Page { source, .. } => source.root(),
            other => other,
        }
    }

    /// The page an auto-pager failed on, when this came from one.
    pub fn page(&self) -> Option<u32> {
        match self {
            Self::Page { page, .. } => Some(*page),
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
    /// `outcome_unknown`.
    pub fn code(&self) -> &'static str {
        match self.root() {
            Self::Api(e) => e.kind.code(),
            Self::Validation { .. } => "validation",
            Self::Config { .. } => "config",
            Self::Connection { .. } => "connection",
            Self::Timeout { .. } => "timeout",
            Self::Decode { .. } => "decode",
            Self::OutcomeUnknown { .. } => "outcome_unknown",
            Self::Page { .. } => unreachable!("root() never returns a page wrapper"),
        }
    }
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
            message: "One or more validation errors occurred.".into(),
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
    fn status_decides_the_class() {
        assert_eq!(ApiErrorKind::from_status(404), ApiErrorKind::NotFound);
        assert_eq!(ApiErrorKind::from_status(422), ApiErrorKind::BadRequest);
        assert_eq!(ApiErrorKind::from_status(502), ApiErrorKind::Server);
        assert_eq!(ApiErrorKind::from_status(429), ApiErrorKind::RateLimited);
    }
}
