//! Fault injection: rules that delay, fail, cut or drop the responses of chosen routes.
//!
//! A rule is a [`FaultSpec`]. Rules are tried in the order they were added; the first rule
//! whose route selector matches the request and that fires (see [`FaultSpec::times`] and
//! [`FaultSpec::rate`]) is applied to that request, and no other. Applying a rule first waits
//! `latency_ms` plus a random `0..=jitter_ms`, then does at most one of:
//!
//! * `respond`: answer with exactly that [`CannedResponse`] (status, headers, body) *without*
//!   running the operation (nothing changes), on any route, token check included: a `401`, a
//!   `429` with a `retry-after` header, an HTML page or a 2xx with any body are all possible;
//! * `status`: answer with that status *without* running the operation (nothing changes);
//!   429 carries `Retry-After` (default 1 s), 500 an exception envelope, 502/503/504 an HTML page
//!   as a proxy would send, any other status an empty body;
//! * `drop_connection`: run the operation (state changes) and then close the connection without
//!   sending any response: the "outcome unknown" case;
//! * `body`: run the operation and damage its response body: `truncated` keeps the first half
//!   of the bytes, `malformed` replaces it with text that is not valid JSON; or, for
//!   `failed_envelope`, answer *without* running the operation (nothing changes) with HTTP 200
//!   and a failed envelope, `{"result":null,"isSuccess":false,"success":null,"errors":null,
//!   "error":{"errorId":500,"message":"Simulated failure with a 200 status"},"exception":null}`
//!   (API notes, quirk 3: a 2xx with `isSuccess: false` is an error, which a client must not
//!   read as a success).
//!
//! With none of the four, the rule only adds latency.
//!
//! # Counting: `after`, `times`, `rate`
//! Every request whose route the selector covers is a *matching* request of the rule, counted
//! from the moment the rule is installed, whether or not an earlier rule took it. The first
//! `after` matching requests are let through by the rule untouched (no latency, no random
//! draw); from then on the rule fires on each matching request with probability `rate`
//! (always when `None`), and after `times` firings it is removed. So `after: 2, times: 1` fails
//! exactly the third matching request (page 3 of a pager), and `after: 2` alone fails every
//! request from the third on.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde::{Deserialize, Serialize};

use crate::envelope;
use crate::routes::names::ROUTE_NAMES;

/// How a response body is damaged (or, for [`FailedEnvelope`](Self::FailedEnvelope), replaced).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "snake_case")
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum BodyFault {
    /// The first half of the real body's bytes (cut JSON).
    Truncated,
    /// Text that is not valid JSON, served as `application/json`.
    Malformed,
    /// Instead of running the operation (nothing changes), HTTP 200 with a failed envelope:
    /// `isSuccess: false`, `error: {errorId: 500, message: "Simulated failure with a 200
    /// status"}` — a 2xx that is an error (API notes, quirk 3).
    FailedEnvelope,
}

impl BodyFault {
    /// Every variant, in declaration order.
    pub const ALL: [BodyFault; 3] = [
        BodyFault::Truncated,
        BodyFault::Malformed,
        BodyFault::FailedEnvelope,
    ];

    /// The name used in JSON and by the bindings (`"truncated"`, `"malformed"`,
    /// `"failed_envelope"`).
    pub fn name(self) -> &'static str {
        match self {
            BodyFault::Truncated => "truncated",
            BodyFault::Malformed => "malformed",
            BodyFault::FailedEnvelope => "failed_envelope",
        }
    }

    /// True when the operation runs and its real body is then damaged; false for
    /// [`FailedEnvelope`](Self::FailedEnvelope), which answers instead of the operation.
    pub fn runs_operation(self) -> bool {
        !matches!(self, BodyFault::FailedEnvelope)
    }
}

impl FromStr for BodyFault {
    type Err = FaultError;

    /// Reads a [`name`](Self::name).
    fn from_str(s: &str) -> Result<Self, FaultError> {
        BodyFault::ALL
            .into_iter()
            .find(|b| b.name() == s)
            .ok_or_else(|| {
                let names: Vec<String> = BodyFault::ALL
                    .iter()
                    .map(|b| format!("{:?}", b.name()))
                    .collect();
                FaultError::Invalid(format!(
                    "body must be one of {}, not {s:?}",
                    names.join(", ")
                ))
            })
    }
}

/// Header name → value of a [`CannedResponse`], sorted by name. Under feature `uniffi` it is a
/// custom type over a plain map (`Map<String, String>` in Kotlin, `[String: String]` in Swift).
pub type Headers = BTreeMap<String, String>;

#[cfg(feature = "uniffi")]
uniffi::custom_type!(Headers, std::collections::HashMap<String, String>, {
    remote,
    lower: |headers| headers.into_iter().collect(),
    try_lift: |map| Ok(map.into_iter().collect()),
});

/// An answer a `respond` rule gives verbatim: this status, these headers, this body, and
/// nothing else (the server adds only `content-length` and `date`; no `content-type` unless
/// given).
///
/// JSON: `{"status": 401, "headers": {"www-authenticate": "Bearer"}, "body": ""}`; `headers`
/// and `body` may be left out (empty), unknown members are refused. Header names are data and
/// keep their spelling in every binding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase", optional_fields = nullable)
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CannedResponse {
    /// HTTP status, 200–599 (204 and 304 with an empty body).
    pub status: u16,
    /// Response headers, name → value (names any case; `content-length` and
    /// `transfer-encoding` are refused: the server sets them from the body).
    #[serde(default)]
    #[cfg_attr(
        feature = "typescript",
        ts(optional = nullable, type = "Record<string, string>")
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub headers: Headers,
    /// Response body, sent as is (UTF-8). Default empty.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub body: String,
}

impl CannedResponse {
    /// An answer with `status`, no headers and an empty body.
    pub fn new(status: u16) -> Self {
        CannedResponse {
            status,
            headers: BTreeMap::new(),
            body: String::new(),
        }
    }

    /// Adds (or replaces) a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.insert(name.into(), value.into());
        self
    }

    /// Sets the body.
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    /// Checks that the answer can be sent: a status in 200–599, valid header names and values,
    /// no `content-length`/`transfer-encoding`, no body on 204/304.
    pub fn validate(&self) -> Result<(), FaultError> {
        let invalid = |m: String| Err(FaultError::Invalid(format!("respond: {m}")));
        if !(200..=599).contains(&self.status) {
            return invalid(format!("status {} is not in 200..=599", self.status));
        }
        if matches!(self.status, 204 | 304) && !self.body.is_empty() {
            return invalid(format!("status {} cannot have a body", self.status));
        }
        for (name, value) in &self.headers {
            let Ok(parsed) = HeaderName::from_bytes(name.as_bytes()) else {
                return invalid(format!("header name {name:?} is not valid"));
            };
            if parsed == header::CONTENT_LENGTH || parsed == header::TRANSFER_ENCODING {
                return invalid(format!(
                    "header {name:?} is set by the server from the body: leave it out"
                ));
            }
            if HeaderValue::from_str(value).is_err() {
                return invalid(format!("the value of header {name:?} is not valid"));
            }
        }
        Ok(())
    }

    /// The response (checked by [`validate`](Self::validate) when the rule was installed;
    /// anything invalid is left out).
    pub(crate) fn to_response(&self) -> Response {
        let mut resp = Response::new(Body::from(self.body.clone()));
        *resp.status_mut() =
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        for (name, value) in &self.headers {
            if let (Ok(n), Ok(v)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(value),
            ) {
                resp.headers_mut().append(n, v);
            }
        }
        resp
    }
}

fn all_routes() -> String {
    "*".to_string()
}

/// One fault rule. Serialized as JSON (the admin endpoint and the bindings use this form):
///
/// ```json
/// {"route": "employees.list", "latency_ms": 20, "jitter_ms": 0, "status": 503, "times": 2,
///  "rate": null, "retry_after_secs": 1, "drop_connection": false, "body": null,
///  "respond": null, "after": null}
/// ```
///
/// or, answering page 3 of a pager with a canned 429:
///
/// ```json
/// {"route": "employees.list", "after": 2, "times": 1,
///  "respond": {"status": 429, "headers": {"retry-after": "2"}}}
/// ```
///
/// Every member but `route` may be left out (`route` defaults to `"*"`); unknown members are
/// refused.
///
/// In TypeScript (feature `typescript`) every member is optional, as on input; the keys are
/// camelCase, as the Node binding reads and writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase", optional_fields = nullable)
)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    /// Which requests the rule applies to: a route name (see [`ROUTE_NAMES`]), a group
    /// pattern such as `"employees.*"` or `"will_call_v1.*"`, or `"*"` for every API route and
    /// the token endpoint. Admin routes (`/_sandbox/…`) are never faulted.
    #[serde(default = "all_routes")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[cfg_attr(feature = "uniffi", uniffi(default = "*"))]
    pub route: String,
    /// Fixed delay before anything else, in milliseconds.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub latency_ms: u64,
    /// Extra random delay of `0..=jitter_ms` milliseconds.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub jitter_ms: u64,
    /// Answer with this HTTP status (400–599) instead of running the operation.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub status: Option<u16>,
    /// Apply the rule `times` times (after the `after` skipped requests), then remove it.
    /// `None`: no limit.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub times: Option<u32>,
    /// Apply the rule to each matching request (once `after` are skipped) with this
    /// probability (0.0–1.0). `None`: always.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub rate: Option<f64>,
    /// `Retry-After` in seconds on a `status` answer (default 1 for 429, none otherwise);
    /// refused with `respond` (give a `retry-after` header there).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub retry_after_secs: Option<u64>,
    /// Run the operation, then close the connection without any response.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub drop_connection: bool,
    /// Run the operation, then damage the response body (`truncated`, `malformed`); or answer
    /// 200 with a failed envelope instead of running it (`failed_envelope`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub body: Option<BodyFault>,
    /// Answer with exactly this status, headers and body instead of running the operation
    /// (token check included, so a 401 on an API route is possible).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub respond: Option<CannedResponse>,
    /// Let the first `after` matching requests through untouched before the rule starts
    /// firing (see the [module docs](self) for how it combines with `times` and `rate`).
    /// `None` or 0: fire from the first.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub after: Option<u32>,
}

impl FaultSpec {
    /// A rule for `route` that does nothing yet; add effects with the other methods.
    pub fn new(route: impl Into<String>) -> Self {
        FaultSpec {
            route: route.into(),
            latency_ms: 0,
            jitter_ms: 0,
            status: None,
            times: None,
            rate: None,
            retry_after_secs: None,
            drop_connection: false,
            body: None,
            respond: None,
            after: None,
        }
    }

    /// Adds a fixed delay.
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency_ms = latency.as_millis() as u64;
        self
    }

    /// Adds a random extra delay of up to `jitter`.
    pub fn jitter(mut self, jitter: Duration) -> Self {
        self.jitter_ms = jitter.as_millis() as u64;
        self
    }

    /// Answers with `status` instead of running the operation.
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Limits the rule to the next `n` matching requests.
    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }

    /// Applies the rule with probability `rate` (0.0–1.0).
    pub fn rate(mut self, rate: f64) -> Self {
        self.rate = Some(rate);
        self
    }

    /// Sets `Retry-After` (seconds) on the `status` answer.
    pub fn retry_after(mut self, secs: u64) -> Self {
        self.retry_after_secs = Some(secs);
        self
    }

    /// Runs the operation, then drops the connection without a response.
    pub fn drop_connection(mut self) -> Self {
        self.drop_connection = true;
        self
    }

    /// Runs the operation, then damages the body; or, for [`BodyFault::FailedEnvelope`],
    /// answers 200 with a failed envelope instead of running it.
    pub fn body(mut self, fault: BodyFault) -> Self {
        self.body = Some(fault);
        self
    }

    /// Answers with exactly `response` instead of running the operation.
    pub fn respond(mut self, response: CannedResponse) -> Self {
        self.respond = Some(response);
        self
    }

    /// Lets the first `n` matching requests through before the rule starts firing.
    pub fn after(mut self, n: u32) -> Self {
        self.after = Some(n);
        self
    }

    /// Checks the rule: a known route selector, a status in 400–599, a rate in 0–1, a valid
    /// `respond` answer, and at most one of `status`, `drop_connection`, `body`, `respond`.
    pub fn validate(&self) -> Result<(), FaultError> {
        let route = self.route.as_str();
        let known = route == "*"
            || ROUTE_NAMES.contains(&route)
            || route.strip_suffix(".*").is_some_and(|group| {
                ROUTE_NAMES
                    .iter()
                    .any(|n| n.strip_prefix(group).is_some_and(|r| r.starts_with('.')))
            });
        if !known {
            return Err(FaultError::UnknownRoute(self.route.clone()));
        }
        if let Some(s) = self.status {
            if !(400..=599).contains(&s) {
                return Err(FaultError::Invalid(format!(
                    "status {s} is not in 400..=599"
                )));
            }
        }
        if let Some(r) = self.rate {
            if !(0.0..=1.0).contains(&r) {
                return Err(FaultError::Invalid(format!("rate {r} is not in 0.0..=1.0")));
            }
        }
        if let Some(r) = &self.respond {
            r.validate()?;
            if self.retry_after_secs.is_some() {
                return Err(FaultError::Invalid(
                    "retry_after_secs goes with status; with respond, give a \"retry-after\" header"
                        .into(),
                ));
            }
        }
        let effects = usize::from(self.status.is_some())
            + usize::from(self.drop_connection)
            + usize::from(self.body.is_some())
            + usize::from(self.respond.is_some());
        if effects > 1 {
            return Err(FaultError::Invalid(
                "status, drop_connection, body and respond are exclusive: give at most one".into(),
            ));
        }
        Ok(())
    }

    /// True when the rule's selector covers `route`.
    fn matches(&self, route: &str) -> bool {
        match self.route.as_str() {
            "*" => true,
            sel => match sel.strip_suffix(".*") {
                Some(group) => route
                    .strip_prefix(group)
                    .is_some_and(|r| r.starts_with('.')),
                None => sel == route,
            },
        }
    }

    /// The delay this rule adds to one request.
    pub(crate) fn delay(&self) -> Duration {
        let jitter = if self.jitter_ms > 0 {
            rand::rng().random_range(0..=self.jitter_ms)
        } else {
            0
        };
        Duration::from_millis(self.latency_ms + jitter)
    }

    /// The answer of a `status` rule.
    pub(crate) fn status_response(&self, status: u16) -> Response {
        let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = match status {
            500 => envelope::exception(
                code,
                "An unexpected error occurred. (sandbox fault)",
                envelope::Kind::WithResult,
            ),
            502..=504 => {
                let reason = code.canonical_reason().unwrap_or("Error");
                let html = format!(
                    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
                );
                let mut r = (code, html).into_response();
                r.headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
                r
            }
            _ => code.into_response(),
        };
        let retry_after = self.retry_after_secs.or((status == 429).then_some(1));
        if let Some(secs) = retry_after {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        resp
    }

    /// The answer of a [`BodyFault::FailedEnvelope`] rule: 200 with `isSuccess: false`.
    pub(crate) fn failed_envelope_response() -> Response {
        envelope::error(
            StatusCode::OK,
            500,
            "Simulated failure with a 200 status",
            envelope::Kind::WithResult,
        )
    }
}

/// A rule as it is installed: its id, its spec and how many applications it has left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct ActiveFault {
    /// Id to remove the rule with.
    pub id: u64,
    /// The rule.
    pub spec: FaultSpec,
    /// Applications left (`None`: unlimited).
    pub remaining: Option<u32>,
    /// Matching requests still to let through before the rule starts firing (from `after`).
    #[serde(default)]
    pub skips_left: u32,
}

/// Why a fault rule was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FaultError {
    /// The route selector names no route.
    #[error("unknown route selector {0:?}: use a route name, \"group.*\" or \"*\"")]
    UnknownRoute(String),
    /// Another problem with the rule.
    #[error("invalid fault: {0}")]
    Invalid(String),
}

/// The installed rules.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    rules: Mutex<Vec<ActiveFault>>,
    next_id: AtomicU64,
}

impl Faults {
    fn rules(&self) -> std::sync::MutexGuard<'_, Vec<ActiveFault>> {
        self.rules.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Installs a rule after checking it.
    pub(crate) fn inject(&self, spec: FaultSpec) -> Result<u64, FaultError> {
        spec.validate()?;
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let remaining = spec.times;
        let skips_left = spec.after.unwrap_or(0);
        if remaining != Some(0) {
            self.rules().push(ActiveFault {
                id,
                spec,
                remaining,
                skips_left,
            });
        }
        Ok(id)
    }

    /// The installed rules, in the order they are tried.
    pub(crate) fn list(&self) -> Vec<ActiveFault> {
        self.rules().clone()
    }

    /// Removes one rule; false when no rule has that id.
    pub(crate) fn remove(&self, id: u64) -> bool {
        let mut rules = self.rules();
        let before = rules.len();
        rules.retain(|r| r.id != id);
        rules.len() != before
    }

    /// Removes every rule.
    pub(crate) fn clear(&self) {
        self.rules().clear();
    }

    /// The rule to apply to a request of `route`, if any fires; counts it down. Every rule
    /// that matches counts the request against its `after` (see the module docs).
    pub(crate) fn pick(&self, route: &str) -> Option<FaultSpec> {
        let mut rules = self.rules();
        let mut rng = rand::rng();
        let mut chosen = None;
        for (i, r) in rules.iter_mut().enumerate() {
            if !r.spec.matches(route) {
                continue;
            }
            if r.skips_left > 0 {
                r.skips_left -= 1;
                continue;
            }
            if chosen.is_none()
                && r.spec
                    .rate
                    .map_or(true, |p| rng.random_bool(p.clamp(0.0, 1.0)))
            {
                chosen = Some(i);
            }
        }
        let i = chosen?;
        let spec = rules[i].spec.clone();
        if let Some(n) = rules[i].remaining.as_mut() {
            *n = n.saturating_sub(1);
            if *n == 0 {
                rules.remove(i);
            }
        }
        Some(spec)
    }
}

/// Damages a response body. [`BodyFault::FailedEnvelope`] never reaches here (it answers
/// before the operation runs, see [`BodyFault::runs_operation`]); it leaves the body as it is.
pub(crate) fn damage(fault: BodyFault, body: &[u8]) -> Vec<u8> {
    match fault {
        BodyFault::Truncated => body[..body.len() / 2].to_vec(),
        BodyFault::Malformed => b"{\"result\": {\"items\": [}, \"isSuccess\": tru".to_vec(),
        BodyFault::FailedEnvelope => body.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_and_countdown() {
        let f = Faults::default();
        assert!(f.inject(FaultSpec::new("nope")).is_err());
        assert!(f.inject(FaultSpec::new("employees").status(500)).is_err());
        assert!(f
            .inject(FaultSpec::new("employees.list").status(200))
            .is_err());
        assert!(f
            .inject(FaultSpec::new("*").status(500).drop_connection())
            .is_err());
        f.inject(FaultSpec::new("employees.*").status(503).times(2))
            .unwrap();
        assert!(f.pick("machines.list").is_none());
        assert!(f.pick("employees.list").is_some());
        assert!(f.pick("employees.create").is_some());
        assert!(f.pick("employees.list").is_none());
        f.inject(FaultSpec::new("*").rate(0.0)).unwrap();
        assert!(f.pick("token").is_none());
    }

    #[test]
    fn json_form() {
        let spec: FaultSpec =
            serde_json::from_str(r#"{"route":"token","status":429,"times":1,"body":null}"#)
                .unwrap();
        assert_eq!(spec, FaultSpec::new("token").status(429).times(1));
        let spec: FaultSpec = serde_json::from_str(r#"{"body":"truncated"}"#).unwrap();
        assert_eq!(spec.route, "*");
        let spec: FaultSpec = serde_json::from_str(r#"{"body":"failed_envelope"}"#).unwrap();
        assert_eq!(spec.body, Some(BodyFault::FailedEnvelope));
        for b in BodyFault::ALL {
            assert_eq!(serde_json::to_value(b).unwrap(), b.name());
            assert_eq!(b.name().parse::<BodyFault>(), Ok(b));
        }
        assert!("failedEnvelope".parse::<BodyFault>().is_err());
        assert!(serde_json::from_str::<FaultSpec>(r#"{"stauts":500}"#).is_err());
        let spec: FaultSpec = serde_json::from_str(
            r#"{"route":"employees.list","after":2,"respond":{"status":401,"headers":{"WWW-Authenticate":"Bearer"}}}"#,
        )
        .unwrap();
        assert_eq!(
            spec,
            FaultSpec::new("employees.list")
                .after(2)
                .respond(CannedResponse::new(401).header("WWW-Authenticate", "Bearer"))
        );
        assert!(serde_json::from_str::<FaultSpec>(r#"{"respond":{"body":"x"}}"#).is_err());
        assert!(serde_json::from_str::<FaultSpec>(r#"{"respond":{"status":200,"x":1}}"#).is_err());
    }
}
