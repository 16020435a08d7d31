//! Reading the server's answers: the success shapes (envelope or bare) and the four error shapes.
//!
//! Empty answers are never decode errors (docs/api-notes.md, "Empty answers"): a 204 or blank
//! body, a `null` or missing `result`, and an envelope where a bare array was documented all read
//! as "nothing". Whether an unreadable 2xx body is retried is decided by the transport
//! ([`crate::transport::Transport::call`]), not here.
//!
//! Success bodies are decoded straight into the typed model in one pass (no intermediate
//! `serde_json::Value`), because decoding speed is what bindings are measured on. Error bodies
//! are rare and irregular, so they are read through `serde_json::Value`.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;

use crate::error::{snippet, ApiError, ApiErrorKind, Error, FieldError, Result};
use crate::operations::Operation;

/// A raw 2xx answer, before decoding.
pub(crate) struct RawResponse {
    pub status: u16,
    pub body: bytes::Bytes,
}

#[derive(Deserialize, Debug, PartialEq)]
pub(crate) struct Envelope<T> {
    #[serde(default = "none")]
    result: Option<T>,
    #[serde(default, rename = "isSuccess")]
    is_success: Option<bool>,
}

fn none<T>() -> Option<T> {
    None
}

#[derive(Deserialize)]
struct SuccessFlag {
    #[serde(default, rename = "isSuccess")]
    is_success: Option<bool>,
}

fn decode_error(op: &Operation, raw: &RawResponse, e: serde_json::Error) -> Error {
    Error::Decode {
        operation: op.name,
        status: raw.status,
        message: e.to_string(),
        body: snippet(&raw.body),
    }
}

/// Decodes a success body into `T`: by the models' fast reader, with `serde_json` behind it for
/// anything the reader leaves, whose value or error is then the answer
/// ([`crate::models::json`]). serde_json reads the body as `&str` after one UTF-8 check (so no
/// string is validated twice), or, if it is not UTF-8, with `from_slice`, for its usual error.
fn from_body<T: DeserializeOwned>(body: &[u8]) -> serde_json::Result<T> {
    crate::models::json::decode_body(body)
}

/// Whether a body is empty or only whitespace (a 204, or a 200 with nothing in it).
fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// Decodes an envelope `{result, isSuccess, ...}` and returns its `result` (`None` when absent,
/// null, or the body is blank). `isSuccess: false` on a 2xx answer becomes an [`ApiError`]
/// (quirk 3).
pub(crate) fn envelope<T: DeserializeOwned>(
    op: &Operation,
    raw: &RawResponse,
) -> Result<Option<T>> {
    if is_blank(&raw.body) {
        return Ok(None);
    }
    match from_body::<Envelope<T>>(&raw.body) {
        Ok(env) if env.is_success == Some(false) => {
            Err(api_error(op, raw.status, None, &raw.body).into())
        }
        Ok(env) => Ok(env.result),
        Err(e) => {
            // A failed envelope whose `result` has an unexpected shape is still a failure.
            if let Ok(SuccessFlag {
                is_success: Some(false),
            }) = serde_json::from_slice(&raw.body)
            {
                return Err(api_error(op, raw.status, None, &raw.body).into());
            }
            Err(decode_error(op, raw, e))
        }
    }
}

/// Decodes an envelope whose `result` is required.
pub(crate) fn envelope_required<T: DeserializeOwned>(
    op: &Operation,
    raw: &RawResponse,
) -> Result<T> {
    envelope(op, raw)?.ok_or_else(|| Error::Decode {
        operation: op.name,
        status: raw.status,
        message: "the answer has no `result`".into(),
        body: snippet(&raw.body),
    })
}

/// Decodes an envelope whose `result` is a list or a page: a missing or `null` result, or a
/// blank body, is the empty value.
pub(crate) fn envelope_or_empty<T: DeserializeOwned + Default>(
    op: &Operation,
    raw: &RawResponse,
) -> Result<T> {
    Ok(envelope(op, raw)?.unwrap_or_default())
}

/// Decodes an envelope without a result (create, update, ...): only `isSuccess` matters.
pub(crate) fn envelope_unit(op: &Operation, raw: &RawResponse) -> Result<()> {
    envelope::<serde::de::IgnoredAny>(op, raw).map(|_| ())
}

/// Decodes a bare (not enveloped) body: W2, W3, W5 and their legacy twins. A blank body is the
/// empty value. An envelope that arrives instead is unwrapped: `isSuccess: false` is the error it
/// is (quirk 4), otherwise its `result` is the answer (`null` or missing: the empty value).
pub(crate) fn bare<T: DeserializeOwned + Default>(op: &Operation, raw: &RawResponse) -> Result<T> {
    if is_blank(&raw.body) {
        return Ok(T::default());
    }
    let first = raw.body.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        if let Ok(SuccessFlag {
            is_success: Some(_),
        }) = serde_json::from_slice(&raw.body)
        {
            return envelope_or_empty(op, raw);
        }
    }
    serde_json::from_slice::<T>(&raw.body).map_err(|e| decode_error(op, raw, e))
}

/// Whether an error answer is one of the API's own envelopes (`isSuccess`, `error{...}` or
/// `exception{...}`), as opposed to a bare 404 of a route the server does not have (empty, HTML,
/// or ASP.NET's ProblemDetails). Fallback routes are tried only on the latter.
pub(crate) fn is_envelope_error(e: &ApiError) -> bool {
    let Some(body) = e.body.as_deref() else {
        return false;
    };
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(obj)) => {
            obj.contains_key("isSuccess")
                || obj.get("error").is_some_and(Value::is_object)
                || obj.get("exception").is_some_and(Value::is_object)
        }
        Ok(_) => false,
        // A snippet cut at the size limit is not valid JSON: look for the key itself.
        Err(_) => body.contains("\"isSuccess\""),
    }
}

/// Builds an [`ApiError`] from an error answer of any shape.
pub(crate) fn api_error(
    op: &Operation,
    status: u16,
    retry_after: Option<Duration>,
    body: &[u8],
) -> ApiError {
    let mut err = ApiError {
        kind: ApiErrorKind::from_status(status),
        operation: op.name,
        status,
        error_id: None,
        detail: String::new(),
        field_errors: Vec::new(),
        trace_id: None,
        body: (!body.is_empty()).then(|| snippet(body)),
        retry_after,
    };
    if let Ok(Value::Object(obj)) = serde_json::from_slice::<Value>(body) {
        let text = |v: Option<&Value>| {
            v.and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let error = obj.get("error").filter(|v| v.is_object());
        let exception = obj.get("exception").filter(|v| v.is_object());
        err.error_id = error.and_then(|e| e.get("errorId")).and_then(|v| {
            v.as_i64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        });
        err.trace_id = text(obj.get("traceId"));
        if let Some(Value::Object(fields)) = obj.get("errors") {
            for (field, msgs) in fields {
                let messages = match msgs {
                    Value::Array(a) => a
                        .iter()
                        .filter_map(|m| m.as_str().map(str::to_owned))
                        .collect(),
                    Value::String(s) => vec![s.clone()],
                    other => vec![other.to_string()],
                };
                err.field_errors.push(FieldError {
                    field: field.clone(),
                    messages,
                });
            }
        }
        let oauth = text(obj.get("error")).map(|code| match text(obj.get("error_description")) {
            Some(desc) => format!("{code}: {desc}"),
            None => code,
        });
        err.detail = text(error.and_then(|e| e.get("message")))
            .or_else(|| text(exception.and_then(|e| e.get("message"))))
            .or_else(|| text(obj.get("title")))
            .or(oauth)
            .or_else(|| text(obj.get("message")))
            .unwrap_or_default();
    }
    if err.detail.is_empty() {
        err.detail = match http_reason(status) {
            Some(reason) if err.body.is_none() => format!("{reason} (empty body)"),
            Some(reason) => format!("{reason} (body is not a documented error shape)"),
            None => "the server answered with an error".to_owned(),
        };
    }
    err
}

fn http_reason(status: u16) -> Option<&'static str> {
    reqwest::StatusCode::from_u16(status)
        .ok()?
        .canonical_reason()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operations;

    fn err(status: u16, body: &str) -> ApiError {
        api_error(&operations::EMPLOYEES_CREATE, status, None, body.as_bytes())
    }

    #[test]
    fn envelope_error_keeps_error_id_and_message() {
        let e = err(
            400,
            r#"{"isSuccess":false,"success":null,"errors":null,"error":{"errorId":500,"message":"Invalid employee number"}}"#,
        );
        assert_eq!(
            (e.status, e.error_id, e.kind),
            (400, Some(500), ApiErrorKind::BadRequest)
        );
        assert_eq!(e.detail, "Invalid employee number");
    }

    #[test]
    fn exception_shape_gives_its_message() {
        let e = err(
            500,
            r#"{"result":null,"isSuccess":false,"error":null,"exception":{"stackTrace":null,"message":"Invalid Selection","innerException":{"stackTrace":"","message":"","innerException":null}}}"#,
        );
        assert_eq!(e.detail, "Invalid Selection");
        assert_eq!(e.kind, ApiErrorKind::Server);
    }

    #[test]
    fn problem_details_give_title_fields_and_trace() {
        let e = err(
            400,
            r#"{"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1","title":"One or more validation errors occurred.","status":400,"traceId":"00-1071d4b7b6738f6ed764ee1bd389a9a9-d6205f3d49724ebd-00","errors":{"reservationLockerId":["The value '00000000' is not valid."]}}"#,
        );
        assert_eq!(e.detail, "One or more validation errors occurred.");
        assert_eq!(e.field_errors[0].field, "reservationLockerId");
        assert_eq!(
            e.trace_id.as_deref(),
            Some("00-1071d4b7b6738f6ed764ee1bd389a9a9-d6205f3d49724ebd-00")
        );
    }

    #[test]
    fn html_and_empty_bodies_still_give_a_message() {
        let e = err(502, "<html><body>Bad Gateway</body></html>");
        assert!(e.detail.contains("Bad Gateway"));
        assert!(e.body.unwrap().starts_with("<html>"));
        let e = err(503, "");
        assert_eq!(e.detail, "Service Unavailable (empty body)");
    }

    #[test]
    fn oauth_errors_are_read() {
        let e = err(
            400,
            r#"{"error":"invalid_client","error_description":"bad secret"}"#,
        );
        assert_eq!(e.detail, "invalid_client: bad secret");
    }

    #[test]
    fn is_success_false_on_200_is_an_error() {
        let raw = RawResponse {
            status: 200,
            body: bytes::Bytes::from_static(
                br#"{"isSuccess":false,"error":{"errorId":7,"message":"nope"}}"#,
            ),
        };
        let e = envelope_unit(&operations::EMPLOYEES_CREATE, &raw).unwrap_err();
        assert_eq!(e.api().unwrap().detail, "nope");
        assert_eq!(e.code(), "api");
    }

    #[test]
    fn truncated_json_is_a_decode_error_with_snippet() {
        let raw = RawResponse {
            status: 200,
            body: bytes::Bytes::from_static(br#"{"result":{"items":[{"firstName":"#),
        };
        let e = envelope::<serde_json::Value>(&operations::EMPLOYEES_LIST, &raw).unwrap_err();
        match e {
            Error::Decode { body, .. } => assert!(body.starts_with("{\"result\"")),
            other => panic!("{other:?}"),
        }
    }
}
