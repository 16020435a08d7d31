//! The request journal: counters per route and the most recent requests, for assertions.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One request as the sandbox received it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct RequestRecord {
    /// Sequence number, from 1, across the sandbox's life (clearing does not reset it).
    pub seq: u64,
    /// HTTP method.
    pub method: String,
    /// Path, after the sandbox normalised it (one slash between segments, no trailing slash).
    pub path: String,
    /// Raw query string, without `?`.
    pub query: Option<String>,
    /// Route name (see [`ROUTE_NAMES`](crate::ROUTE_NAMES)); `None` for unknown paths.
    pub route: Option<String>,
    /// The body: parsed JSON when it is JSON, a string otherwise, `None` when empty.
    #[cfg_attr(feature = "typescript", ts(type = "unknown"))]
    pub body: Option<Value>,
    /// Status of the response sent; `None` while in flight or when the connection was dropped.
    pub status: Option<u16>,
    /// The fault applied to the request, described (`None`: served normally).
    pub fault: Option<String>,
}

/// A copy of the journal at one moment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
pub struct JournalSnapshot {
    /// Requests to `POST /connect/token`.
    pub token_requests: u64,
    /// Requests per route name (unknown paths are counted under `"unknown"`). The keys are
    /// data and keep their spelling in every binding (`perRoute['will_call.add_reservation']`).
    #[cfg_attr(feature = "typescript", ts(type = "Record<string, number>"))]
    pub per_route: BTreeMap<String, u64>,
    /// All requests counted, token requests included.
    pub total_requests: u64,
    /// The most recent requests, oldest first (at most the configured capacity).
    pub requests: Vec<RequestRecord>,
}

impl JournalSnapshot {
    /// Requests counted for `route` (0 when none).
    pub fn count(&self, route: &str) -> u64 {
        self.per_route.get(route).copied().unwrap_or(0)
    }

    /// The recent records of `route`, oldest first.
    pub fn records_for<'a>(
        &'a self,
        route: &'a str,
    ) -> impl Iterator<Item = &'a RequestRecord> + 'a {
        self.requests
            .iter()
            .filter(move |r| r.route.as_deref() == Some(route))
    }
}

#[derive(Debug, Default)]
struct Inner {
    snapshot: JournalSnapshot,
    recent: VecDeque<RequestRecord>,
    next_seq: u64,
}

/// The journal, shared by all connections.
#[derive(Debug)]
pub(crate) struct Journal {
    capacity: usize,
    inner: Mutex<Inner>,
}

/// Turns a request body into the journal's form.
pub(crate) fn body_value(bytes: &[u8]) -> Option<Value> {
    if bytes.is_empty() {
        return None;
    }
    serde_json::from_slice(bytes)
        .ok()
        .or_else(|| Some(Value::String(String::from_utf8_lossy(bytes).into_owned())))
}

impl Journal {
    /// A journal keeping the last `capacity` records.
    pub(crate) fn new(capacity: usize) -> Self {
        Journal {
            capacity,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a request as it arrives; returns its sequence number.
    pub(crate) fn record(&self, mut rec: RequestRecord) -> u64 {
        let mut inner = self.inner();
        inner.next_seq += 1;
        rec.seq = inner.next_seq;
        let route = rec.route.clone().unwrap_or_else(|| "unknown".into());
        if route == "token" {
            inner.snapshot.token_requests += 1;
        }
        *inner.snapshot.per_route.entry(route).or_default() += 1;
        inner.snapshot.total_requests += 1;
        if self.capacity > 0 {
            if inner.recent.len() == self.capacity {
                inner.recent.pop_front();
            }
            inner.recent.push_back(rec);
        }
        inner.next_seq
    }

    /// Notes the outcome of request `seq`.
    pub(crate) fn finish(&self, seq: u64, status: Option<u16>, fault: Option<String>) {
        let mut inner = self.inner();
        if let Some(r) = inner.recent.iter_mut().rev().find(|r| r.seq == seq) {
            r.status = status;
            if fault.is_some() {
                r.fault = fault;
            }
        }
    }

    /// A copy of the journal.
    pub(crate) fn snapshot(&self) -> JournalSnapshot {
        let inner = self.inner();
        let mut snap = inner.snapshot.clone();
        snap.requests = inner.recent.iter().cloned().collect();
        snap
    }

    /// Forgets all records and counters.
    pub(crate) fn clear(&self) {
        let mut inner = self.inner();
        inner.snapshot = JournalSnapshot::default();
        inner.recent.clear();
    }
}
