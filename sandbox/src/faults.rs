//! Fault injection: rules that delay, fail, cut or drop the responses of chosen routes.
//!
//! A rule is a [`FaultSpec`]. Rules are tried in the order they were added; the first rule
//! whose route selector matches the request and that fires (see [`FaultSpec::times`] and
//! [`FaultSpec::rate`]) is applied to that request, and no other. Applying a rule first waits
//! `latency_ms` plus a random `0..=jitter_ms`, then does at most one of:
//!
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
//! With none of the three, the rule only adds latency.

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
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

fn all_routes() -> String {
    "*".to_string()
}

/// One fault rule. Serialized as JSON (the admin endpoint and the bindings use this form):
///
/// ```json
/// {"route": "employees.list", "latency_ms": 20, "jitter_ms": 0, "status": 503, "times": 2,
///  "rate": null, "retry_after_secs": 1, "drop_connection": false, "body": null}
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
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    /// Which requests the rule applies to: a route name (see [`ROUTE_NAMES`]), a group
    /// pattern such as `"employees.*"` or `"will_call_v1.*"`, or `"*"` for every API route and
    /// the token endpoint. Admin routes (`/_sandbox/…`) are never faulted.
    #[serde(default = "all_routes")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub route: String,
    /// Fixed delay before anything else, in milliseconds.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub latency_ms: u64,
    /// Extra random delay of `0..=jitter_ms` milliseconds.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub jitter_ms: u64,
    /// Answer with this HTTP status (400–599) instead of running the operation.
    #[serde(default)]
    pub status: Option<u16>,
    /// Apply the rule to the next `times` matching requests only, then remove it. `None`:
    /// no limit.
    #[serde(default)]
    pub times: Option<u32>,
    /// Apply the rule to each matching request with this probability (0.0–1.0). `None`:
    /// always.
    #[serde(default)]
    pub rate: Option<f64>,
    /// `Retry-After` in seconds on a `status` answer (default 1 for 429, none otherwise).
    #[serde(default)]
    pub retry_after_secs: Option<u64>,
    /// Run the operation, then close the connection without any response.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub drop_connection: bool,
    /// Run the operation, then damage the response body (`truncated`, `malformed`); or answer
    /// 200 with a failed envelope instead of running it (`failed_envelope`).
    #[serde(default)]
    pub body: Option<BodyFault>,
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

    /// Checks the rule: a known route selector, a status in 400–599, a rate in 0–1, and at most
    /// one of `status`, `drop_connection`, `body`.
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
        let effects = usize::from(self.status.is_some())
            + usize::from(self.drop_connection)
            + usize::from(self.body.is_some());
        if effects > 1 {
            return Err(FaultError::Invalid(
                "status, drop_connection and body are exclusive: give at most one".into(),
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
        if remaining != Some(0) {
            self.rules().push(ActiveFault {
                id,
                spec,
                remaining,
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

    /// The rule to apply to a request of `route`, if any fires; counts it down.
    pub(crate) fn pick(&self, route: &str) -> Option<FaultSpec> {
        let mut rules = self.rules();
        let mut rng = rand::rng();
        let i = rules.iter().position(|r| {
            r.spec.matches(route)
                && r.spec
                    .rate
                    .is_none_or(|p| rng.random_bool(p.clamp(0.0, 1.0)))
        })?;
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
    }
}
