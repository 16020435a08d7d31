//! [`ResponseMeta`]: what the last HTTP answer of a call looked like, and the request ids.

use std::time::Duration;

use reqwest::header::HeaderMap;
use serde::Serialize;

/// Headers a server (or its gateway) uses to name a request, first match wins.
pub(crate) const SERVER_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-correlation-id",
    "x-amzn-requestid",
    "x-ms-request-id",
    "traceparent",
];

/// The facts of one finished call: its last HTTP answer, how long it took, how many attempts it
/// made, and the ids to quote to the vendor. Read it with [`crate::Client::last_response`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct ResponseMeta {
    /// The HTTP status of the last answer.
    pub status: u16,
    /// Every header of the last answer, in order, names lower-case (values that are not text
    /// are left out).
    #[cfg_attr(feature = "typescript", ts(type = "Array<[string, string]>"))]
    pub headers: Vec<HttpHeader>,
    /// From the start of the call to its end, every attempt and backoff included.
    #[serde(serialize_with = "as_millis")]
    #[cfg_attr(feature = "typescript", ts(type = "number"))]
    pub elapsed: Duration,
    /// Attempts made (the first included).
    pub attempts: u32,
    /// The `X-Request-ID` the SDK sent.
    pub request_id: String,
    /// The id the server returned (`x-request-id`, `request-id`, `x-correlation-id`,
    /// `traceparent`, ...), when it returned one.
    pub server_request_id: Option<String>,
}

fn as_millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis() as u64)
}

/// The request id a server returned, from the first of [`SERVER_ID_HEADERS`] present.
pub(crate) fn server_request_id(headers: &HeaderMap) -> Option<String> {
    SERVER_ID_HEADERS.iter().find_map(|name| {
        headers
            .get(*name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| v.chars().take(200).collect())
    })
}

/// The headers as name/value pairs.
pub(crate) fn header_pairs(headers: &HeaderMap) -> Vec<HttpHeader> {
    headers
        .iter()
        .filter_map(|(k, v)| {
            Some(HttpHeader {
                name: k.as_str().to_owned(),
                value: v.to_str().ok()?.to_owned(),
            })
        })
        .collect()
}

/// One header of an answer. Serialised as a `[name, value]` pair (JavaScript's
/// `[[name, value], ...]`, Python's tuples); a record `{name, value}` in Kotlin/Swift.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HttpHeader {
    /// The name, lower-case.
    pub name: String,
    /// The value.
    pub value: String,
}

impl Serialize for HttpHeader {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.name, &self.value).serialize(s)
    }
}

/// A fresh random (version 4) UUID, lower-case hex with dashes.
pub(crate) fn new_request_id() -> String {
    let mut b: [u8; 16] = rand::random();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_v4_uuids_and_differ() {
        let (a, b) = (new_request_id(), new_request_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "{a}");
    }

    #[test]
    fn the_server_id_is_read_from_the_usual_headers() {
        let mut h = HeaderMap::new();
        assert_eq!(server_request_id(&h), None);
        h.insert("traceparent", "00-abc-def-01".parse().unwrap());
        assert_eq!(server_request_id(&h).as_deref(), Some("00-abc-def-01"));
        h.insert("x-correlation-id", "corr-1".parse().unwrap());
        assert_eq!(server_request_id(&h).as_deref(), Some("corr-1"));
    }
}
