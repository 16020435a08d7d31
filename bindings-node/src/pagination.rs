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
//! A pager with `concurrency` above 1 turns the next batch into JSON while JavaScript parses
//! and walks the current one (one batch ahead, on a runtime task), so the text is ready when
//! `nextBatch()` is called: it holds at most one page more than `concurrency`. A sequential
//! pager reads nothing ahead.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use futures::future::{BoxFuture, FutureExt};
use futures::stream::{self, BoxStream, StreamExt};
use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;
use serde::Serialize;
use tokio::sync::Mutex;

use crate::convert::{output, Json};
use crate::promise::promise;

/// Batches of values, each one camelCase JSON array, with its length.
type Batches = BoxStream<'static, Result<(usize, String), iqtech::Error>>;

/// A core stream the pager reads a batch at a time, never reading ahead: an `ItemStream` hands
/// over the rest of a page, a `PageStream` one page.
pub trait Batched: Send + 'static {
    /// What the pager yields.
    type Value: Serialize + 'static;
    /// Pages the core keeps in flight (1: sequential, nothing fetched before it is asked for).
    fn concurrency(&self) -> usize;
    /// The next batch, `None` at the end (and after an error).
    fn next_values(&mut self) -> BoxFuture<'_, Option<Result<Vec<Self::Value>, iqtech::Error>>>;
}

impl<T: Serialize + Send + 'static> Batched for iqtech::ItemStream<T> {
    type Value = T;
    fn concurrency(&self) -> usize {
        iqtech::ItemStream::concurrency(self)
    }
    fn next_values(&mut self) -> BoxFuture<'_, Option<Result<Vec<T>, iqtech::Error>>> {
        self.next_batch().boxed()
    }
}

impl<P: iqtech::Paged + Serialize> Batched for iqtech::PageStream<P> {
    type Value = P;
    fn concurrency(&self) -> usize {
        iqtech::PageStream::concurrency(self)
    }
    fn next_values(&mut self) -> BoxFuture<'_, Option<Result<Vec<P>, iqtech::Error>>> {
        async move { self.next_page().await.map(|r| r.map(|p| vec![p])) }.boxed()
    }
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
    /// A pager over a core item or page stream; each batch becomes one JSON array on the
    /// runtime's threads, and a failure comes after the values before it.
    pub(crate) fn new<B: Batched>(stream: B) -> Self {
        let read_ahead = stream.concurrency() > 1;
        let batches = stream::unfold(stream, |mut s| async move {
            let batch = s.next_values().await?.and_then(|values| {
                let n = values.len();
                output(&values).map(|json| (n, json.0.unwrap_or_default()))
            });
            Some((batch, s))
        })
        .boxed();
        let batches = if read_ahead {
            one_batch_ahead(batches)
        } else {
            batches
        };
        Self {
            batches: Arc::new(Mutex::new(Some(batches))),
            closed: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// Drives `batches` on a runtime task that keeps the next batch ready while the current one is
/// handed over; dropping the returned stream (end, failure, `close()`) aborts the task, which
/// drops the core's stream and cancels its pages in flight.
fn one_batch_ahead(mut batches: Batches) -> Batches {
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    let task = iqtech::runtime::handle().spawn(async move {
        // A slot first, then the batch: at most one batch waits, so one page beyond what
        // JavaScript has taken is pulled from the core's stream.
        while let Ok(slot) = tx.reserve().await {
            let Some(batch) = batches.next().await else {
                break;
            };
            let failed = batch.is_err();
            slot.send(batch);
            if failed {
                break;
            }
        }
    });
    /// The receiving end; aborts the producing task when dropped.
    struct Ahead {
        rx: tokio::sync::mpsc::Receiver<Result<(usize, String), iqtech::Error>>,
        task: tokio::task::AbortHandle,
    }
    impl Drop for Ahead {
        fn drop(&mut self) {
            self.task.abort();
        }
    }
    let ahead = Ahead {
        rx,
        task: task.abort_handle(),
    };
    stream::unfold(
        ahead,
        |mut a| async move { a.rx.recv().await.map(|b| (b, a)) },
    )
    .boxed()
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
            Some(Ok((_, text))) => return Ok(Some(Json(Some(text)))),
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
