//! Auto-pagers as JavaScript async iterators.
//!
//! The core's item and page streams are lazy, ordered and memory-bounded (at most `concurrency`
//! pages in flight). A `NativePager` holds one (`iter…` methods: items; `iter…Pages`: whole
//! pages); `nextBatch()` awaits the next values on the core's runtime and hands over every value
//! already available (a page's items arrive together) as one JSON array: one promise per page
//! rather than per item, which is what makes walking a report cheap, and nothing is fetched
//! before it is asked for (beyond the `concurrency` the caller asked for, see below).
//! `index.js` builds the async iterator on top (`next`, `return`, `nextItem`,
//! `[Symbol.asyncIterator]`), serving the batch item by item, so
//! `for await (const e of client.employees.iter())` works and a `break` calls `return()`, which
//! calls [`NativePager::close`]: the stream is dropped and the pages in flight are cancelled.
//! A failed page rejects after the items of the pages before it.
//!
//! How far a pager reads ahead is the core's policy (`iqtech::Pager::read_ahead`), the same in
//! every language: a concurrent pager turns the next batch into JSON while JavaScript parses and
//! walks the current one; a sequential pager reads nothing ahead.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use iqtech::{Pager, ReadAhead};
use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use serde::Serialize;
use tokio::sync::Mutex;

use crate::convert::{output, Json};
use crate::promise::promise;

/// The native side of an auto-pager (see `Pager<T>`, which `index.js` builds on it).
#[napi]
pub struct NativePager {
    /// Each batch as one camelCase JSON array; `None` once it ended, failed or was closed.
    batches: Arc<Mutex<Option<ReadAhead<String>>>>,
    /// Set by `close()` at once, so no batch is handed out after it even while the stream is
    /// still being dropped.
    closed: Arc<AtomicBool>,
}

impl NativePager {
    /// A pager over a core item or page stream; each batch becomes one JSON array on the
    /// runtime's threads, and a failure comes after the values before it.
    pub(crate) fn new<P>(pager: P) -> Self
    where
        P: Pager,
        P::Value: Serialize,
    {
        let batches = pager.read_ahead(|values| Ok(output(&values)?.0.unwrap_or_default()));
        Self {
            batches: Arc::new(Mutex::new(Some(batches))),
            closed: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// The items of the next non-empty page (the core skips empty ones); `None` at the end.
async fn next_batch(
    batches: &Mutex<Option<ReadAhead<String>>>,
    closed: &AtomicBool,
) -> Result<Option<Json>, iqtech::Error> {
    let mut guard = batches.lock().await;
    if closed.load(Ordering::SeqCst) {
        return Ok(None);
    }
    let Some(stream) = guard.as_mut() else {
        return Ok(None);
    };
    match stream.next().await {
        Some(Ok(text)) => Ok(Some(Json(Some(text)))),
        Some(Err(e)) => {
            *guard = None;
            Err(e)
        }
        None => {
            *guard = None;
            Ok(None)
        }
    }
}

#[napi]
impl NativePager {
    /// The items of the next page (never empty), or `null` after the last page. A failed page
    /// rejects once; the pager then ends.
    #[napi(ts_return_type = "Promise<any[] | null>")]
    pub fn next_batch<'e>(&self, env: &'e Env) -> napi::Result<Object<'e>> {
        let (batches, closed) = (self.batches.clone(), self.closed.clone());
        promise(env, Ok(async move { next_batch(&batches, &closed).await }))
    }

    /// Stops the pager: drops the stream (cancelling pages in flight). Later calls give `null`.
    #[napi]
    pub fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        let batches = self.batches.clone();
        iqtech::runtime::handle().spawn(async move {
            batches.lock().await.take();
        });
    }
}
