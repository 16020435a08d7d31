//! [`RequestOptions`]: what one call (or every call of a [`crate::Client::with_options`] view)
//! changes about sending: the attempt timeout, the attempts, extra headers, the request id and
//! an overall deadline. Declared once here; every binding maps it with unit conversion only
//! (durations: seconds in Python, milliseconds in JavaScript, `Duration` in Kotlin/Swift).

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::settings::{millis, SettingKind, SettingSpec};

/// Per-call options; `None` keeps the client's setting (or, for `headers` and `request_id`,
/// sends none / a fresh id).
///
/// Serialised with snake_case names; durations as milliseconds; unknown names are refused.
/// `Debug` shows header names only, never their values.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequestOptions {
    /// How long one attempt may take (replaces the client's `request_timeout`).
    #[serde(with = "millis")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub timeout: Option<Duration>,
    /// Attempts in all, the first included (replaces the client's `max_attempts`; 1 = no retry).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub max_attempts: Option<u32>,
    /// Extra headers sent with every attempt. Refused: CR/LF anywhere, and `Authorization`,
    /// `Host`, `Content-Length` and `X-Request-ID` (use `request_id`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub headers: Option<HashMap<String, String>>,
    /// The `X-Request-ID` to send instead of a fresh UUID (visible ASCII, at most 200 bytes).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub request_id: Option<String>,
    /// Overall budget of one call, every attempt and backoff included; when it runs out the call
    /// fails with a `timeout` error saying so.
    #[serde(with = "millis")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub deadline: Option<Duration>,
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header_names: Option<Vec<&String>> =
            self.headers.as_ref().map(|h| h.keys().collect::<Vec<_>>());
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("max_attempts", &self.max_attempts)
            .field("headers", &header_names)
            .field("request_id", &self.request_id)
            .field("deadline", &self.deadline)
            .finish()
    }
}

/// Every field of [`RequestOptions`], in order, in the same form as [`crate::SETTINGS`] (so a
/// binding converts both with one function, by kind). `default` is what applies when the option
/// is not given.
pub const REQUEST_OPTIONS: &[SettingSpec] = &[
    SettingSpec {
        name: "timeout",
        kind: SettingKind::Duration,
        default: "the client's request_timeout",
        doc: "How long one attempt may take (replaces request_timeout).",
    },
    SettingSpec {
        name: "max_attempts",
        kind: SettingKind::Integer,
        default: "the client's max_attempts",
        doc: "Attempts in all, the first included (1 = no retry).",
    },
    SettingSpec {
        name: "headers",
        kind: SettingKind::Headers,
        default: "none",
        doc: "Extra headers for every attempt (not Authorization, Host, Content-Length, X-Request-ID; no CR/LF).",
    },
    SettingSpec {
        name: "request_id",
        kind: SettingKind::Text,
        default: "a fresh UUID per call",
        doc: "The X-Request-ID to send instead of a fresh UUID.",
    },
    SettingSpec {
        name: "deadline",
        kind: SettingKind::Duration,
        default: "none",
        doc: "Overall budget of one call, every attempt and backoff included; then a timeout error.",
    },
];

/// Headers the SDK sets itself, which an option may not replace.
const RESERVED: &[(&str, &str)] = &[
    ("authorization", "the SDK sends the bearer token itself"),
    ("host", "the host comes from api_url"),
    ("content-length", "the SDK computes it"),
    ("x-request-id", "set the request_id option instead"),
];

/// The longest `request_id` accepted.
const MAX_REQUEST_ID: usize = 200;

impl RequestOptions {
    /// These options with `over`'s set fields on top (headers merged, `over` winning).
    pub fn merged(&self, over: &RequestOptions) -> RequestOptions {
        let headers = match (&self.headers, &over.headers) {
            (None, None) => None,
            (a, b) => {
                let mut all = a.clone().unwrap_or_default();
                all.extend(b.clone().unwrap_or_default());
                Some(all)
            }
        };
        RequestOptions {
            timeout: over.timeout.or(self.timeout),
            max_attempts: over.max_attempts.or(self.max_attempts),
            headers,
            request_id: over.request_id.clone().or_else(|| self.request_id.clone()),
            deadline: over.deadline.or(self.deadline),
        }
    }

    /// Checks every option and returns the extra headers ready to send. Fails with
    /// [`Error::Validation`] naming the option: `max_attempts`, `timeout`, `deadline`,
    /// `request_id`, or `headers["X-Foo"]`.
    pub(crate) fn validate(&self) -> Result<HeaderMap> {
        if self.max_attempts == Some(0) {
            return Err(Error::validation("max_attempts", "must be at least 1"));
        }
        for (name, value) in [("timeout", self.timeout), ("deadline", self.deadline)] {
            if value.is_some_and(|d| d.is_zero()) {
                return Err(Error::validation(name, "must be more than 0"));
            }
        }
        if let Some(id) = &self.request_id {
            if id.is_empty()
                || id.len() > MAX_REQUEST_ID
                || !id.bytes().all(|b| b.is_ascii_graphic())
            {
                return Err(Error::validation(
                    "request_id",
                    format!("must be 1 to {MAX_REQUEST_ID} visible ASCII characters (no spaces, CR or LF)"),
                ));
            }
        }
        let mut map = HeaderMap::new();
        let mut names: Vec<&String> = self.headers.iter().flat_map(|h| h.keys()).collect();
        names.sort();
        for name in names {
            let value = &self.headers.as_ref().expect("names come from it")[name];
            let field = format!("headers[{name:?}]");
            if name.contains(['\r', '\n']) || value.contains(['\r', '\n']) {
                return Err(Error::validation(field, "must not contain CR or LF"));
            }
            if let Some((_, why)) = RESERVED.iter().find(|(r, _)| name.eq_ignore_ascii_case(r)) {
                return Err(Error::validation(field, format!("cannot be set: {why}")));
            }
            let header = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::validation(&field, "is not a valid header name"))?;
            let value = HeaderValue::from_str(value)
                .map_err(|_| Error::validation(&field, "is not a valid header value"))?;
            map.insert(header, value);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> RequestOptions {
        RequestOptions {
            headers: Some(
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
            ..RequestOptions::default()
        }
    }

    fn field(opts: &RequestOptions) -> String {
        match opts.validate().unwrap_err() {
            Error::Validation { field, .. } => field,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn validation_names_the_option() {
        let zero = RequestOptions {
            max_attempts: Some(0),
            ..Default::default()
        };
        assert_eq!(field(&zero), "max_attempts");
        let zero = RequestOptions {
            deadline: Some(Duration::ZERO),
            ..Default::default()
        };
        assert_eq!(field(&zero), "deadline");
        assert_eq!(
            field(&headers(&[("X-Foo", "a\r\nb")])),
            "headers[\"X-Foo\"]"
        );
        for reserved in ["Authorization", "host", "Content-Length", "X-Request-Id"] {
            assert_eq!(
                field(&headers(&[(reserved, "x")])),
                format!("headers[{reserved:?}]")
            );
        }
        let bad_id = RequestOptions {
            request_id: Some("a b".into()),
            ..Default::default()
        };
        assert_eq!(field(&bad_id), "request_id");
        assert_eq!(headers(&[("X-Tenant", "7")]).validate().unwrap().len(), 1);
    }

    #[test]
    fn merging_keeps_the_earlier_fields_and_merges_headers() {
        let base = RequestOptions {
            timeout: Some(Duration::from_secs(5)),
            ..headers(&[("X-A", "1"), ("X-B", "1")])
        };
        let over = RequestOptions {
            max_attempts: Some(1),
            ..headers(&[("X-B", "2")])
        };
        let m = base.merged(&over);
        assert_eq!(m.timeout, Some(Duration::from_secs(5)));
        assert_eq!(m.max_attempts, Some(1));
        let h = m.headers.unwrap();
        assert_eq!((h["X-A"].as_str(), h["X-B"].as_str()), ("1", "2"));
    }

    #[test]
    fn serde_names_are_the_table_and_durations_are_milliseconds() {
        let (names, table) =
            crate::settings::tests::names_and_table::<RequestOptions>(REQUEST_OPTIONS);
        assert_eq!(names, table);
        let o: RequestOptions = serde_json::from_str(r#"{"deadline": 1500}"#).unwrap();
        assert_eq!(o.deadline, Some(Duration::from_millis(1500)));
        assert!(serde_json::from_str::<RequestOptions>(r#"{"retries": 1}"#).is_err());
    }

    #[test]
    fn debug_shows_header_names_only() {
        let shown = format!("{:?}", headers(&[("X-Api-Key", "hunter2")]));
        assert!(
            shown.contains("X-Api-Key") && !shown.contains("hunter2"),
            "{shown}"
        );
    }
}
