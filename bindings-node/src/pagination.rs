//! Auto-pagers as JavaScript async iterators.
//!
//! The core's page streams are lazy, ordered and memory-bounded (at most `concurrency` pages in
//! flight). A `NativePager` holds one; `nextBatch()` awaits the next page on the core's runtime
//! and hands over its items as one JSON array: one promise per page rather than per item, which
//! is what makes walking a report cheap, and no page is fetched before the previous one is
//! handed over (beyond the `concurrency` the caller asked for). `index.js` builds the async
//! iterator on top (`next`, `return`, `nextItem`, `[Symbol.asyncIterator]`), serving the batch
//! item by item, so `for await (const e of client.employees.iter())` works and a `break` calls
//! `return()`, which calls [`NativePager::close`]: the stream is dropped and the pages in flight
//! are cancelled. A failed page rejects after the items of the pages before it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures::stream::{BoxStream, StreamExt};
use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::Mutex;

use crate::convert::Json;
use crate::promise::promise;

/// Each page's items as one camelCase JSON array, with the item count.
type Batches = BoxStream<'static, Result<(usize, String), iqtech::Error>>;

/// Options of the auto-pagers.
#[napi(object)]
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IterOptions {
    /// Page size, 1 to 100; default 100.
    pub page_size: Option<u32>,
    /// Pages fetched at once, 1 to 32, still yielded in order; default from the client (1).
    pub concurrency: Option<u32>,
}

/// The native side of an auto-pager (see `Pager<T>`, which `index.js` builds on it).
#[napi]
pub struct NativePager {
    /// The stream; `None` once it ended, failed or was closed.
    batches: Arc<Mutex<Option<Batches>>>,
    /// Set by `close()` at once, so no batch is handed out after it even while the stream is
    /// still being dropped.
    closed: Arc<AtomicBool>,
}

impl NativePager {
    /// A pager over a core page stream (items become camelCase JSON on the runtime's threads).
    pub(crate) fn new<P>(pages: iqtech::PageStream<P>) -> Self
    where
        P: iqtech::Paged,
        P::Item: Serialize,
    {
        let batches = pages
            .map(|r| {
                r.and_then(|page| {
                    let items = page.into_items();
                    iqtech::case::to_camel_json(&items).map(|text| (items.len(), text))
                })
            })
            .boxed();
        Self {
            batches: Arc::new(Mutex::new(Some(batches))),
            closed: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// The items of the next non-empty page; `None` at the end.
async fn next_batch(
    batches: &Mutex<Option<Batches>>,
    closed: &AtomicBool,
) -> Result<Option<Json>, iqtech::Error> {
    let mut guard = batches.lock().await;
    loop {
        if closed.load(Ordering::SeqCst) {
            return Ok(None);
        }
        let Some(stream) = guard.as_mut() else {
            return Ok(None);
        };
        match stream.next().await {
            Some(Ok((0, _))) => continue,
            Some(Ok((_, text))) => return Ok(Some(Json(text))),
            Some(Err(e)) => {
                *guard = None;
                return Err(e);
            }
            None => {
                *guard = None;
                return Ok(None);
            }
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

/// Splits `concurrency` off an options object that is otherwise a core query.
pub(crate) fn take_concurrency(mut json: Value) -> Result<(Value, Option<usize>), iqtech::Error> {
    let conc = match json.as_object_mut().and_then(|m| m.remove("concurrency")) {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            serde_json::from_value::<usize>(v)
                .map_err(|e| iqtech::Error::validation("concurrency", e.to_string()))?,
        ),
    };
    Ok((json, conc))
}
