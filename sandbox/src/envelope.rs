//! The response shapes of the iQ Tech server: the `{result, isSuccess, success, errors, error,
//! exception}` envelope, its error variants, ASP.NET ProblemDetails, paging `metaData`, and
//! money written with two decimals.

use std::collections::BTreeMap;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::value::RawValue;

/// `Content-Type` of JSON responses, as ASP.NET writes it.
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// Serializes `body` into a JSON response with `status`.
pub(crate) fn json(status: StatusCode, body: &impl Serialize) -> Response {
    json_with_type(status, body, JSON_CONTENT_TYPE)
}

fn json_with_type(
    status: StatusCode,
    body: &impl Serialize,
    content_type: &'static str,
) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => {
            let mut resp = (status, bytes).into_response();
            resp.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
            resp
        }
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("serialization failed: {e}"),
        )
            .into_response(),
    }
}

/// Which members an envelope carries besides the fixed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `result` is present (null on failure): E1, W1, W2–W6 errors, M1, T1.
    WithResult,
    /// No `result` member at all: E2–E5, W6/L6 failures.
    NoResult,
    /// `result` plus `errorStatusVal: 0`: E6.
    Lookup,
}

/// The `error` member of a failed envelope.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ApiError<'a> {
    error_id: u16,
    message: &'a str,
}

/// The `exception` member of a failed envelope (W1, L1, L6).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ExceptionInfo<'a> {
    stack_trace: Option<&'a str>,
    message: &'a str,
    inner_exception: Option<Box<ExceptionInfo<'a>>>,
}

/// The envelope; `R` is the type of `result`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a, R: Serialize> {
    #[serde(skip_serializing_if = "Slot::is_absent")]
    result: Slot<R>,
    is_success: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_status_val: Option<i32>,
    success: Option<()>,
    errors: Option<()>,
    error: Option<ApiError<'a>>,
    exception: Option<ExceptionInfo<'a>>,
}

/// A member that can be absent, null or a value.
enum Slot<T> {
    Absent,
    Null,
    Value(T),
}

impl<T> Slot<T> {
    fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }
}

impl<T: Serialize> Serialize for Slot<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Slot::Value(v) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

fn slot<T>(kind: Kind, value: Option<T>) -> Slot<T> {
    match (kind, value) {
        (Kind::NoResult, _) => Slot::Absent,
        (_, Some(v)) => Slot::Value(v),
        (_, None) => Slot::Null,
    }
}

fn status_val(kind: Kind) -> Option<i32> {
    (kind == Kind::Lookup).then_some(0)
}

/// 200 with `isSuccess: true` and `result` (E1, W1, W4, W6, M1, T1).
pub(crate) fn ok(result: impl Serialize) -> Response {
    ok_kind(Kind::WithResult, result)
}

/// 200 with `isSuccess: true` and `result`, shaped per `kind`.
pub(crate) fn ok_kind(kind: Kind, result: impl Serialize) -> Response {
    let env = Envelope {
        result: slot(kind, Some(result)),
        is_success: true,
        error_status_val: status_val(kind),
        success: None,
        errors: None,
        error: None,
        exception: None,
    };
    json(StatusCode::OK, &env)
}

/// An empty list, as the dialect answers it: 204 with no body, or the envelope with
/// `result: null` (also for W2/W3, whose non-empty answers are bare arrays).
pub(crate) fn empty(answer: crate::dialect::EmptyAnswer) -> Response {
    match answer {
        crate::dialect::EmptyAnswer::NoContent => StatusCode::NO_CONTENT.into_response(),
        crate::dialect::EmptyAnswer::Null => ok(()),
    }
}

/// 200 with `isSuccess: true` and no `result` member (E2–E5).
pub(crate) fn ok_empty() -> Response {
    ok_kind(Kind::NoResult, ())
}

/// A failed envelope with `error{errorId, message}`; the HTTP status and `errorId` may differ,
/// as on the live server.
pub(crate) fn error(status: StatusCode, error_id: u16, message: &str, kind: Kind) -> Response {
    let env: Envelope<'_, ()> = Envelope {
        result: slot(kind, None),
        is_success: false,
        error_status_val: status_val(kind),
        success: None,
        errors: None,
        error: Some(ApiError { error_id, message }),
        exception: None,
    };
    json(status, &env)
}

/// A failed envelope with `error: null` and `exception{message, stackTrace, innerException}`.
pub(crate) fn exception(status: StatusCode, message: &str, kind: Kind) -> Response {
    let env: Envelope<'_, ()> = Envelope {
        result: slot(kind, None),
        is_success: false,
        error_status_val: None,
        success: None,
        errors: None,
        error: None,
        exception: Some(ExceptionInfo {
            stack_trace: None,
            message,
            inner_exception: Some(Box::new(ExceptionInfo {
                stack_trace: Some(""),
                message: "",
                inner_exception: None,
            })),
        }),
    };
    json(status, &env)
}

/// ASP.NET's validation ProblemDetails (400), e.g. for a malformed body or a non-GUID id.
pub(crate) fn problem(errors: BTreeMap<String, Vec<String>>) -> Response {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct ProblemDetails {
        #[serde(rename = "type")]
        kind: &'static str,
        title: &'static str,
        status: u16,
        trace_id: String,
        errors: BTreeMap<String, Vec<String>>,
    }
    let body = ProblemDetails {
        kind: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
        title: "One or more validation errors occurred.",
        status: 400,
        trace_id: trace_id(),
        errors,
    };
    json_with_type(
        StatusCode::BAD_REQUEST,
        &body,
        "application/problem+json; charset=utf-8",
    )
}

/// ProblemDetails naming one invalid field.
pub(crate) fn problem_field(field: &str, message: String) -> Response {
    problem(BTreeMap::from([(field.to_string(), vec![message])]))
}

/// A W3C trace id as ASP.NET prints it: `00-<32 hex>-<16 hex>-00`.
fn trace_id() -> String {
    let a: u128 = rand::random();
    let b: u64 = rand::random();
    format!("00-{a:032x}-{b:016x}-00")
}

/// The paging `metaData` of E1, M1 and T1 (X.PagedList's fields plus the server's own
/// `thisPageItemCount`, `itemStart`, `itemEnd`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MetaData {
    pub first_item_on_page: u64,
    pub has_next_page: bool,
    pub has_previous_page: bool,
    pub is_first_page: bool,
    pub is_last_page: bool,
    pub last_item_on_page: u64,
    pub page_count: u64,
    pub page_number: u64,
    pub page_size: u64,
    pub total_item_count: u64,
    pub this_page_item_count: u64,
    pub item_start: u64,
    pub item_end: u64,
}

impl MetaData {
    /// Paging of `total` items at `page` (1-based) with `page_size` items per page.
    ///
    /// A page past the end is empty; `firstItemOnPage`, `lastItemOnPage`, `itemStart` and
    /// `itemEnd` are 0 on an empty page.
    pub(crate) fn new(page: u64, page_size: u64, total: u64) -> MetaData {
        let page_count = total.div_ceil(page_size);
        let offset = (page - 1).saturating_mul(page_size);
        let count = total.saturating_sub(offset).min(page_size);
        let (first, last) = if count == 0 {
            (0, 0)
        } else {
            (offset + 1, offset + count)
        };
        MetaData {
            first_item_on_page: first,
            has_next_page: page < page_count,
            has_previous_page: page > 1,
            is_first_page: page == 1,
            is_last_page: page >= page_count,
            last_item_on_page: last,
            page_count,
            page_number: page,
            page_size,
            total_item_count: total,
            this_page_item_count: count,
            item_start: first,
            item_end: last,
        }
    }

    /// Zero-based index of the first item on the page.
    pub(crate) fn offset(&self) -> u64 {
        (self.page_number - 1).saturating_mul(self.page_size)
    }
}

/// `{items, metaData}`: the paged result of E1 and M1.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Paged<T: Serialize> {
    pub items: Vec<T>,
    pub meta_data: MetaData,
}

/// An amount of money written as a JSON number with two decimals (`12.50`, `0.00`).
pub(crate) fn money_number(cents: i64) -> Box<RawValue> {
    RawValue::from_string(money_text(cents)).expect("a decimal number is valid JSON")
}

/// An amount of money as text with two decimals (`"12.50"`).
pub(crate) fn money_text(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_boundaries() {
        let m = MetaData::new(1, 20, 233);
        assert_eq!(
            (m.page_count, m.first_item_on_page, m.last_item_on_page),
            (12, 1, 20)
        );
        assert!(m.has_next_page && !m.has_previous_page && m.is_first_page && !m.is_last_page);
        let m = MetaData::new(12, 20, 233);
        assert_eq!(
            (m.this_page_item_count, m.item_start, m.item_end),
            (13, 221, 233)
        );
        assert!(m.is_last_page && !m.has_next_page);
        let m = MetaData::new(13, 20, 233);
        assert_eq!((m.this_page_item_count, m.item_start), (0, 0));
        let m = MetaData::new(1, 20, 0);
        assert_eq!(m.page_count, 0);
        assert!(m.is_last_page && m.is_first_page);
    }

    #[test]
    fn money() {
        assert_eq!(money_text(1250), "12.50");
        assert_eq!(money_text(0), "0.00");
        assert_eq!(money_number(35).get(), "0.35");
    }
}
