//! The one error type of the Kotlin/Swift binding, converted from [`iqtech::Error`] in one place.
//!
//! uniffi makes it a sealed class `IqtechException` in Kotlin (each variant a nested subclass,
//! `IqtechException.NotFoundException`) and an `enum IqtechError: Error` in Swift. The classes and
//! fields are those of the other bindings: the API family (`ApiError` and its seven status
//! classes) carries `status`, `errorId`, `detail` (the server's message), `fieldErrors`,
//! `traceId`, `body` and `retryAfter`; beside it are `ValidationError`, `ConfigurationError`,
//! `ConnectionError`, `TimeoutError`, `DecodeError` and `OutcomeUnknownError`. Every variant
//! has `page` (the page an auto-pager failed on, else null), and `code()` / `page()` /
//! `isApiError()` work on the base class.
//!
//! Why `detail` and `reason`: Kotlin exceptions already have `message` and `cause`
//! (`Throwable.message`, `Throwable.cause`), and a field of that name breaks the Kotlin build.
//! `toString()` gives the core's one-line description.
//!
//! uniffi cannot express a two-level hierarchy, so in Kotlin the seven status classes are not
//! subclasses of `ApiErrorException`: catch them by class, or test `e.isApiError()`.

use std::time::Duration;

use iqtech::{ApiError, ApiErrorKind, FieldError};

/// Every way an SDK call can fail (Kotlin: `IqtechException`; Swift: `IqtechError`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
#[allow(clippy::enum_variant_names)] // The class names of every binding end in `Error`.
pub enum IqtechError {
    /// The server answered with an error of no more specific class (a 2xx answer whose envelope
    /// says it failed, or an unusual status). Code `api`.
    #[error("{description}")]
    ApiError {
        /// The operation that failed, e.g. `employees.create`.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`, which may disagree with `status`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`, for the vendor's support.
        trace_id: Option<String>,
        /// The start of the raw body, for diagnosis.
        body: Option<String>,
        /// How long the server asked to wait (`Retry-After`), when it said.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line (also `toString()`).
        description: String,
    },
    /// HTTP 400 and other 4xx without a class of their own. Code `bad_request`.
    #[error("{description}")]
    BadRequestError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`, which may disagree with `status`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`.
        trace_id: Option<String>,
        /// The start of the raw body.
        body: Option<String>,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// HTTP 401, or the token endpoint refused the credentials. Code `authentication`.
    #[error("{description}")]
    AuthenticationError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`.
        trace_id: Option<String>,
        /// The start of the raw body.
        body: Option<String>,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// HTTP 403. Code `permission_denied`.
    #[error("{description}")]
    PermissionDeniedError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`.
        trace_id: Option<String>,
        /// The start of the raw body.
        body: Option<String>,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// HTTP 404. Code `not_found`.
    #[error("{description}")]
    NotFoundError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`.
        trace_id: Option<String>,
        /// The start of the raw body.
        body: Option<String>,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// HTTP 409. Code `conflict`.
    #[error("{description}")]
    ConflictError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`.
        trace_id: Option<String>,
        /// The start of the raw body.
        body: Option<String>,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// HTTP 429, after the retries allowed. Code `rate_limited`.
    #[error("{description}")]
    RateLimitError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`.
        trace_id: Option<String>,
        /// The start of the raw body.
        body: Option<String>,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// HTTP 5xx, after the retries allowed. Code `server`.
    #[error("{description}")]
    ServerError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The body's `errorId`.
        error_id: Option<i64>,
        /// The server's message.
        detail: String,
        /// Field errors from a ProblemDetails body.
        field_errors: Vec<FieldError>,
        /// ProblemDetails `traceId`.
        trace_id: Option<String>,
        /// The start of the raw body.
        body: Option<String>,
        /// `Retry-After`, when sent.
        retry_after: Option<Duration>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// The caller passed something invalid; nothing was sent. Code `validation`.
    #[error("{description}")]
    ValidationError {
        /// The offending field or setting, as the SDK names it (snake_case).
        field: String,
        /// What is wrong with it.
        detail: String,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// The client is misconfigured (missing credentials, bad URL); nothing was sent. Code
    /// `config`.
    #[error("{description}")]
    ConfigurationError {
        /// What is wrong and how to fix it.
        detail: String,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// The server could not be reached, for a request that is safe to repeat (or was provably
    /// never sent). Code `connection`.
    #[error("{description}")]
    ConnectionError {
        /// The operation that failed.
        operation: String,
        /// The transport's description.
        detail: String,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// No answer within the request timeout, for a request that is safe to repeat. Code
    /// `timeout`.
    #[error("{description}")]
    TimeoutError {
        /// The operation that failed.
        operation: String,
        /// The request timeout in force.
        timeout: Duration,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// The server answered 2xx but the body was not the documented shape. Code `decode`.
    #[error("{description}")]
    DecodeError {
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The decoder's description.
        detail: String,
        /// The start of the body.
        snippet: String,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// A request that must not be repeated was sent and its answer lost: it may or may not have
    /// taken effect. Code `outcome_unknown`. Check with `howToCheck` before trying again.
    #[error("{description}")]
    OutcomeUnknownError {
        /// The operation whose fate is unknown.
        operation: String,
        /// What happened to the answer.
        reason: String,
        /// How to find out whether it took effect.
        how_to_check: String,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
}

/// Builds an API-family variant from the server's answer.
macro_rules! api_variant {
    ($variant:ident, $e:expr, $page:expr, $description:expr) => {{
        let e: &ApiError = $e;
        IqtechError::$variant {
            operation: e.operation.to_owned(),
            status: e.status,
            error_id: e.error_id,
            detail: e.message.clone(),
            field_errors: e.field_errors.clone(),
            trace_id: e.trace_id.clone(),
            body: e.body.clone(),
            retry_after: e.retry_after,
            page: $page,
            description: $description,
        }
    }};
}

impl From<iqtech::Error> for IqtechError {
    fn from(err: iqtech::Error) -> Self {
        use iqtech::Error as E;
        let page = err.page();
        let description = err.to_string();
        match err.root() {
            E::Api(e) => match e.kind {
                ApiErrorKind::BadRequest => api_variant!(BadRequestError, e, page, description),
                ApiErrorKind::Authentication => {
                    api_variant!(AuthenticationError, e, page, description)
                }
                ApiErrorKind::PermissionDenied => {
                    api_variant!(PermissionDeniedError, e, page, description)
                }
                ApiErrorKind::NotFound => api_variant!(NotFoundError, e, page, description),
                ApiErrorKind::Conflict => api_variant!(ConflictError, e, page, description),
                ApiErrorKind::RateLimited => api_variant!(RateLimitError, e, page, description),
                ApiErrorKind::Server => api_variant!(ServerError, e, page, description),
                _ => api_variant!(ApiError, e, page, description),
            },
            E::Validation { field, message } => Self::ValidationError {
                field: field.clone(),
                detail: message.clone(),
                page,
                description,
            },
            E::Config { message } => Self::ConfigurationError {
                detail: message.clone(),
                page,
                description,
            },
            E::Connection { operation, message } => Self::ConnectionError {
                operation: (*operation).to_owned(),
                detail: message.clone(),
                page,
                description,
            },
            E::Timeout { operation, timeout } => Self::TimeoutError {
                operation: (*operation).to_owned(),
                timeout: *timeout,
                page,
                description,
            },
            E::Decode {
                operation,
                status,
                message,
                snippet,
            } => Self::DecodeError {
                operation: (*operation).to_owned(),
                status: *status,
                detail: message.clone(),
                snippet: snippet.clone(),
                page,
                description,
            },
            E::OutcomeUnknown {
                operation,
                cause,
                how_to_check,
            } => Self::OutcomeUnknownError {
                operation: (*operation).to_owned(),
                reason: cause.clone(),
                how_to_check: (*how_to_check).to_owned(),
                page,
                description,
            },
            // A class added to the core later: keep its text until this binding names it.
            _ => Self::ConfigurationError {
                detail: description.clone(),
                page,
                description,
            },
        }
    }
}

#[uniffi::export]
impl IqtechError {
    /// The stable machine-readable class name, identical in every binding: `api`,
    /// `bad_request`, `authentication`, `permission_denied`, `not_found`, `conflict`,
    /// `rate_limited`, `server`, `validation`, `config`, `connection`, `timeout`, `decode` or
    /// `outcome_unknown`.
    pub fn code(&self) -> String {
        match self {
            Self::ApiError { .. } => "api",
            Self::BadRequestError { .. } => "bad_request",
            Self::AuthenticationError { .. } => "authentication",
            Self::PermissionDeniedError { .. } => "permission_denied",
            Self::NotFoundError { .. } => "not_found",
            Self::ConflictError { .. } => "conflict",
            Self::RateLimitError { .. } => "rate_limited",
            Self::ServerError { .. } => "server",
            Self::ValidationError { .. } => "validation",
            Self::ConfigurationError { .. } => "config",
            Self::ConnectionError { .. } => "connection",
            Self::TimeoutError { .. } => "timeout",
            Self::DecodeError { .. } => "decode",
            Self::OutcomeUnknownError { .. } => "outcome_unknown",
        }
        .to_owned()
    }

    /// The page (1-based) an auto-pager failed on; null when the error came from a direct call.
    pub fn page(&self) -> Option<u32> {
        match self {
            Self::ApiError { page, .. }
            | Self::BadRequestError { page, .. }
            | Self::AuthenticationError { page, .. }
            | Self::PermissionDeniedError { page, .. }
            | Self::NotFoundError { page, .. }
            | Self::ConflictError { page, .. }
            | Self::RateLimitError { page, .. }
            | Self::ServerError { page, .. }
            | Self::ValidationError { page, .. }
            | Self::ConfigurationError { page, .. }
            | Self::ConnectionError { page, .. }
            | Self::TimeoutError { page, .. }
            | Self::DecodeError { page, .. }
            | Self::OutcomeUnknownError { page, .. } => *page,
        }
    }

    /// Whether the server answered with an error (`ApiError` or one of its seven status
    /// classes), as opposed to a failure before or without an answer.
    pub fn is_api_error(&self) -> bool {
        matches!(
            self,
            Self::ApiError { .. }
                | Self::BadRequestError { .. }
                | Self::AuthenticationError { .. }
                | Self::PermissionDeniedError { .. }
                | Self::NotFoundError { .. }
                | Self::ConflictError { .. }
                | Self::RateLimitError { .. }
                | Self::ServerError { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iqtech::Error;

    fn api(kind: ApiErrorKind, status: u16) -> Error {
        Error::from(ApiError {
            kind,
            operation: "employees.create",
            status,
            error_id: Some(500),
            message: "Employee number already exists!".into(),
            field_errors: vec![FieldError {
                field: "firstName".into(),
                messages: vec!["The FirstName field is required.".into()],
            }],
            trace_id: Some("00-abc-01".into()),
            body: Some("{}".into()),
            retry_after: Some(Duration::from_secs(2)),
        })
    }

    fn every_core_error() -> Vec<Error> {
        let mut all: Vec<Error> = [
            (ApiErrorKind::BadRequest, 400),
            (ApiErrorKind::Authentication, 401),
            (ApiErrorKind::PermissionDenied, 403),
            (ApiErrorKind::NotFound, 404),
            (ApiErrorKind::Conflict, 409),
            (ApiErrorKind::RateLimited, 429),
            (ApiErrorKind::Server, 503),
            (ApiErrorKind::Unexpected, 200),
        ]
        .into_iter()
        .map(|(k, s)| api(k, s))
        .collect();
        all.extend([
            Error::validation("page_size", "must be between 1 and 100"),
            Error::config("environment variable IQTECH_CLIENT_ID is not set"),
            Error::Connection {
                operation: "employees.list",
                message: "connection refused".into(),
            },
            Error::Timeout {
                operation: "employees.list",
                timeout: Duration::from_millis(1500),
            },
            Error::Decode {
                operation: "machines.list",
                status: 200,
                message: "expected value at line 1".into(),
                snippet: "{\"result\":".into(),
            },
            Error::OutcomeUnknown {
                operation: "will_call.add_reservation",
                cause: "connection closed before the answer".into(),
                how_to_check: "Check with reservation_status.",
            },
        ]);
        all
    }

    #[test]
    fn every_class_keeps_the_core_code_and_text() {
        let codes: Vec<String> = every_core_error()
            .into_iter()
            .map(|core| {
                let (code, text) = (core.code(), core.to_string());
                let ffi = IqtechError::from(core);
                assert_eq!(ffi.code(), code);
                assert_eq!(ffi.to_string(), text);
                assert_eq!(ffi.page(), None);
                code.to_owned()
            })
            .collect();
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 14, "one class per code: {codes:?}");
    }

    #[test]
    fn api_fields_are_all_kept() {
        let ffi = IqtechError::from(api(ApiErrorKind::Conflict, 409));
        let IqtechError::ConflictError {
            operation,
            status,
            error_id,
            detail,
            field_errors,
            trace_id,
            body,
            retry_after,
            ..
        } = ffi.clone()
        else {
            panic!("not a ConflictError: {ffi:?}");
        };
        assert_eq!(operation, "employees.create");
        assert_eq!(status, 409);
        assert_eq!(error_id, Some(500));
        assert_eq!(detail, "Employee number already exists!");
        assert_eq!(field_errors[0].field, "firstName");
        assert_eq!(trace_id.as_deref(), Some("00-abc-01"));
        assert_eq!(body.as_deref(), Some("{}"));
        assert_eq!(retry_after, Some(Duration::from_secs(2)));
        assert!(ffi.is_api_error());
    }

    #[test]
    fn pager_failures_name_the_page_and_keep_the_class() {
        let core = Error::Page {
            page: 3,
            source: Box::new(api(ApiErrorKind::Server, 502)),
        };
        let ffi = IqtechError::from(core);
        assert!(matches!(ffi, IqtechError::ServerError { status: 502, .. }));
        assert_eq!(ffi.page(), Some(3));
        assert!(ffi.to_string().starts_with("page 3: "));
    }

    #[test]
    fn non_api_errors_are_not_api_errors() {
        let ffi = IqtechError::from(Error::validation("page", "must be at least 1"));
        assert!(!ffi.is_api_error());
        let IqtechError::ValidationError { field, detail, .. } = ffi else {
            panic!("not a ValidationError");
        };
        assert_eq!(
            (field.as_str(), detail.as_str()),
            ("page", "must be at least 1")
        );
    }
}
