//! The one error type of the Kotlin/Swift binding, built from [`iqtech::Error::details`] only.
//!
//! uniffi makes it a sealed class `IqtechException` in Kotlin (each variant a nested subclass:
//! `IqtechException.ApiException`, `IqtechException.ValidationException`, …) and an
//! `enum IqtechError: Error` in Swift.
//!
//! The classes are the core's [`iqtech::ERROR_CLASSES`] with one difference: uniffi cannot
//! express a two-level hierarchy, so the API family (`ApiError` and its seven status classes) is
//! ONE class, `ApiError` (`ApiException`), whose `kind` ([`iqtech::ApiErrorKind`]) names the
//! status class. That keeps the rule of the other languages — catching `ApiError` catches every
//! server answer — and gives an exhaustive `when (e.kind)`. `className()` gives the class name
//! of the other languages (`NotFoundError`), `code()` the stable code (`not_found`).
//!
//! Field names are those of [`iqtech::ErrorDetails`] in camelCase: `detail` (the server's
//! message, or what is wrong), `reason`, `body`, `fieldErrors`, `retryAfter` (a
//! `java.time.Duration` / Swift `TimeInterval`), `status`, `errorId`, `traceId`, `operation`,
//! `page`, `field`, `howToCheck`, `timeout`, and in every variant `requestId` (the
//! `X-Request-ID` the SDK sent) and `serverRequestId` (the id the server returned), both null
//! when nothing was sent. `description` (also `toString()`) is the one-line
//! text; there is no field named `message` because it clashes with Kotlin's
//! `Throwable.message`, which uniffi fills with every field.

use std::time::Duration;

use iqtech::{ApiErrorKind, FieldError};

/// Every way an SDK call can fail (Kotlin: `IqtechException`; Swift: `IqtechError`). `code()`
/// and `className()` name the class as every binding does; `page` is the page an auto-pager
/// failed on (null for a direct call); `requestId()` / `serverRequestId()` are the call's
/// request ids (null when nothing was sent); `description` is the one-line text.
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
#[allow(clippy::enum_variant_names)] // The class names of every binding end in `Error`.
pub enum IqtechError {
    /// The server answered with an error (also a 2xx whose envelope says it failed). `kind` is
    /// the status class (`NOT_FOUND`, `RATE_LIMITED`, …; `UNEXPECTED` is code `api`).
    #[error("{description}")]
    ApiError {
        /// The status class: which of the core's API error classes this is.
        kind: ApiErrorKind,
        /// The stable code (`not_found`, …).
        code: String,
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
        /// The start of the raw body (at most 512 bytes), for diagnosis.
        body: Option<String>,
        /// How long the server asked to wait (`Retry-After`), when it said.
        retry_after: Option<Duration>,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line (also `toString()`).
        description: String,
    },
    /// The caller passed something invalid; nothing was sent. Code `validation`.
    #[error("{description}")]
    ValidationError {
        /// The stable code.
        code: String,
        /// The offending field or setting, as the SDK names it (snake_case).
        field: String,
        /// What is wrong with it.
        detail: String,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// The client is misconfigured (missing credentials, bad URL); nothing was sent. Code
    /// `config`.
    #[error("{description}")]
    ConfigurationError {
        /// The stable code.
        code: String,
        /// What is wrong and how to fix it.
        detail: String,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// The server could not be reached, for a request that is safe to repeat (or was provably
    /// never sent). Code `connection`.
    #[error("{description}")]
    ConnectionError {
        /// The stable code.
        code: String,
        /// The operation that failed.
        operation: String,
        /// The transport's description.
        detail: String,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// No answer within the request timeout, for a request that is safe to repeat. Code
    /// `timeout`.
    #[error("{description}")]
    TimeoutError {
        /// The stable code.
        code: String,
        /// The operation that failed.
        operation: String,
        /// The request timeout in force.
        timeout: Duration,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// The server answered 2xx but the body was not the documented shape. Code `decode`.
    #[error("{description}")]
    DecodeError {
        /// The stable code.
        code: String,
        /// The operation that failed.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// The decoder's description (names the field or position).
        detail: String,
        /// The start of the body (at most 512 bytes).
        body: String,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// A request that must not be repeated was sent and its answer lost: it may or may not have
    /// taken effect. Code `outcome_unknown`. Check with `howToCheck` before trying again.
    #[error("{description}")]
    OutcomeUnknownError {
        /// The stable code.
        code: String,
        /// The operation whose fate is unknown.
        operation: String,
        /// What happened to the answer.
        reason: String,
        /// How to find out whether it took effect.
        how_to_check: String,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
    /// A bug inside the SDK (a panic caught at the language boundary): please report it with
    /// `detail`. Code `internal`.
    #[error("{description}")]
    InternalError {
        /// The stable code.
        code: String,
        /// What panicked.
        detail: String,
        /// The `X-Request-ID` the SDK sent; null when nothing was sent.
        request_id: Option<String>,
        /// The request id the server returned, when it returned one.
        server_request_id: Option<String>,
        /// The page an auto-pager failed on; null for a direct call.
        page: Option<u32>,
        /// The whole error in one line.
        description: String,
    },
}

impl From<iqtech::Error> for IqtechError {
    fn from(err: iqtech::Error) -> Self {
        let kind = err.api().map(|e| e.kind);
        let d = err.details();
        let (code, page, description) = (d.code, d.page, d.message);
        let (request_id, server_request_id) = (d.request_id, d.server_request_id);
        let text = |v: Option<String>| v.unwrap_or_default();
        if let Some(kind) = kind {
            return Self::ApiError {
                kind,
                code,
                operation: text(d.operation),
                status: d.status.unwrap_or_default(),
                error_id: d.error_id,
                detail: text(d.detail),
                field_errors: d.field_errors,
                trace_id: d.trace_id,
                body: d.body,
                retry_after: d.retry_after,
                request_id,
                server_request_id,
                page,
                description,
            };
        }
        match code.as_str() {
            "validation" => Self::ValidationError {
                code,
                field: text(d.field),
                detail: text(d.detail),
                request_id,
                server_request_id,
                page,
                description,
            },
            "config" => Self::ConfigurationError {
                code,
                detail: text(d.detail),
                request_id,
                server_request_id,
                page,
                description,
            },
            "connection" => Self::ConnectionError {
                code,
                operation: text(d.operation),
                detail: text(d.detail),
                request_id,
                server_request_id,
                page,
                description,
            },
            "timeout" => Self::TimeoutError {
                code,
                operation: text(d.operation),
                timeout: d.timeout.unwrap_or_default(),
                request_id,
                server_request_id,
                page,
                description,
            },
            "decode" => Self::DecodeError {
                code,
                operation: text(d.operation),
                status: d.status.unwrap_or_default(),
                detail: text(d.detail),
                body: text(d.body),
                request_id,
                server_request_id,
                page,
                description,
            },
            "outcome_unknown" => Self::OutcomeUnknownError {
                code,
                operation: text(d.operation),
                reason: text(d.reason),
                how_to_check: text(d.how_to_check),
                request_id,
                server_request_id,
                page,
                description,
            },
            // `internal`, and any class the core adds before this binding names it: keep the
            // text (the ERROR_CLASSES test fails until the class is named here).
            _ => Self::InternalError {
                code,
                detail: d.detail.unwrap_or_else(|| description.clone()),
                request_id,
                server_request_id,
                page,
                description,
            },
        }
    }
}

impl IqtechError {
    /// The fields every variant has: its code, the page an auto-pager failed on, and the
    /// request ids (null when nothing was sent).
    fn common(&self) -> Common<'_> {
        match self {
            Self::ApiError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            }
            | Self::ValidationError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            }
            | Self::ConfigurationError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            }
            | Self::ConnectionError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            }
            | Self::TimeoutError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            }
            | Self::DecodeError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            }
            | Self::OutcomeUnknownError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            }
            | Self::InternalError {
                code,
                page,
                request_id,
                server_request_id,
                ..
            } => Common {
                code,
                page: *page,
                request_id: request_id.as_deref(),
                server_request_id: server_request_id.as_deref(),
            },
        }
    }
}

/// What [`IqtechError::common`] returns: the fields every variant has.
struct Common<'a> {
    code: &'a str,
    page: Option<u32>,
    request_id: Option<&'a str>,
    server_request_id: Option<&'a str>,
}

#[uniffi::export]
impl IqtechError {
    /// The stable machine-readable code, identical in every binding (`iqtech::ERROR_CLASSES`):
    /// `api`, `bad_request`, `authentication`, `permission_denied`, `not_found`, `conflict`,
    /// `rate_limited`, `server`, `validation`, `config`, `connection`, `timeout`, `decode`,
    /// `outcome_unknown` or `internal`.
    pub fn code(&self) -> String {
        self.common().code.to_owned()
    }

    /// The class name of the other bindings (`NotFoundError`, `ValidationError`, …), from
    /// `iqtech::ERROR_CLASSES`; for `ApiError` it names the status class.
    pub fn class_name(&self) -> String {
        iqtech::error_class(&self.code())
            .map_or("IqtechError", |c| c.name)
            .to_owned()
    }

    /// The page (1-based) an auto-pager failed on; null when the error came from a direct call.
    pub fn page(&self) -> Option<u32> {
        self.common().page
    }

    /// The `X-Request-ID` the SDK sent for the call that failed (a UUID unless the caller set
    /// `RequestOptions.requestId`); null when nothing was sent (validation, configuration).
    /// The message (`description`) ends with it too.
    pub fn request_id(&self) -> Option<String> {
        self.common().request_id.map(str::to_owned)
    }

    /// The request id the server returned (`x-request-id`, `request-id`, `x-correlation-id`,
    /// `traceparent`, ...), when the call got an answer that carried one; null otherwise.
    pub fn server_request_id(&self) -> Option<String> {
        self.common().server_request_id.map(str::to_owned)
    }

    /// Whether the server answered with an error (`ApiError`, any `kind`), as opposed to a
    /// failure before or without an answer.
    pub fn is_api_error(&self) -> bool {
        matches!(self, Self::ApiError { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iqtech::{ApiError, Error, ERROR_CLASSES};

    fn api(kind: ApiErrorKind, status: u16) -> Error {
        Error::from(ApiError {
            kind,
            operation: "employees.create",
            status,
            error_id: Some(500),
            detail: "Employee number already exists!".into(),
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
                body: "{\"result\":".into(),
            },
            Error::OutcomeUnknown {
                operation: "will_call.add_reservation",
                reason: "connection closed before the answer".into(),
                how_to_check: "Check with reservation_status.",
            },
            Error::Internal {
                message: "boom".into(),
            },
        ]);
        all
    }

    #[test]
    fn every_class_of_the_table_is_reached_with_its_code_name_and_text() {
        let mut names: Vec<String> = every_core_error()
            .into_iter()
            .map(|core| {
                let (code, text) = (core.code(), core.to_string());
                let ffi = IqtechError::from(core);
                assert_eq!(ffi.code(), code);
                assert_eq!(ffi.to_string(), text);
                assert_eq!(ffi.page(), None);
                assert_eq!(ffi.request_id(), None, "not wrapped in a sent call");
                ffi.class_name()
            })
            .collect();
        names.sort();
        let mut table: Vec<String> = ERROR_CLASSES
            .iter()
            .filter(|c| !c.code.is_empty())
            .map(|c| c.name.to_owned())
            .collect();
        table.sort();
        assert_eq!(names, table, "one class per code of iqtech::ERROR_CLASSES");
    }

    #[test]
    fn api_fields_are_all_kept() {
        let ffi = IqtechError::from(api(ApiErrorKind::Conflict, 409));
        let IqtechError::ApiError {
            kind,
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
            panic!("not an ApiError: {ffi:?}");
        };
        assert_eq!(kind, ApiErrorKind::Conflict);
        assert_eq!(ffi.class_name(), "ConflictError");
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
        assert!(matches!(
            ffi,
            IqtechError::ApiError {
                kind: ApiErrorKind::Server,
                status: 502,
                ..
            }
        ));
        assert_eq!(ffi.page(), Some(3));
        assert!(ffi.to_string().starts_with("page 3: "));
    }

    #[test]
    fn request_ids_are_copied_into_every_sent_class_and_through_a_page() {
        let sent = |source: Error, server: Option<&str>| Error::Request {
            source: Box::new(source),
            request_id: "req-1".into(),
            server_request_id: server.map(str::to_owned),
        };
        let calls = every_core_error()
            .into_iter()
            .filter(|e| !matches!(e.code(), "validation" | "config" | "internal"));
        let mut n = 0;
        for core in calls {
            let code = core.code();
            let ffi = IqtechError::from(sent(core, Some("srv-7")));
            assert_eq!(ffi.code(), code);
            assert_eq!(ffi.request_id().as_deref(), Some("req-1"), "{code}");
            assert_eq!(ffi.server_request_id().as_deref(), Some("srv-7"), "{code}");
            assert!(ffi
                .to_string()
                .ends_with("(request id req-1, server request id srv-7)"));
            n += 1;
        }
        assert_eq!(
            n, 12,
            "8 API classes, connection, timeout, decode, outcome_unknown"
        );

        let paged = IqtechError::from(Error::Page {
            page: 2,
            source: Box::new(sent(api(ApiErrorKind::Server, 503), None)),
        });
        let IqtechError::ApiError {
            request_id,
            server_request_id,
            ..
        } = &paged
        else {
            panic!("not an ApiError: {paged:?}");
        };
        assert_eq!(
            (request_id.as_deref(), server_request_id.as_deref()),
            (Some("req-1"), None)
        );
        assert_eq!(
            (paged.page(), paged.request_id(), paged.server_request_id()),
            (Some(2), Some("req-1".to_owned()), None)
        );

        let unsent = IqtechError::from(Error::validation("page", "must be at least 1"));
        assert_eq!(
            (unsent.request_id(), unsent.server_request_id()),
            (None, None)
        );
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
