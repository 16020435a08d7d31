//! One read-ahead policy for every binding: a pager's batches, each turned into what the binding
//! hands over (JSON text for Node, boxed items for Python, the values themselves for uniffi), made
//! ready ahead on a runtime task while the caller works on the current one.
//!
//! The bound is the same in every language:
//! - a sequential pager (`concurrency` 1) reads nothing ahead: a page is fetched only when the
//!   caller asks for the next batch and the previous one is used up;
//! - a concurrent pager keeps its `concurrency` pages in flight, up to two more pages fetched
//!   ahead of their turn (the walk's window) and up to [`READY_BATCHES`] finished batches
//!   waiting, so at most `concurrency + 4` pages are fetched beyond the batch the caller holds.
//!
//! Nothing is fetched before the first batch is asked for. Dropping a [`ReadAhead`] aborts its
//! task, which drops the core's stream and cancels its pages in flight. A panic while paging or
//! converting becomes [`Error::Internal`], after the batches before it, never a silent end.

use std::panic::AssertUnwindSafe;

use futures::future::FutureExt;
use futures::stream::{self, BoxStream, StreamExt};
use tokio::runtime::Handle;
use tokio::sync::mpsc;

use super::{ItemStream, PageStream, Paged};
use crate::error::{Error, Result};

/// An auto-pager a binding reads a batch at a time: an [`ItemStream`] hands over one page's
/// items (empty pages are skipped), a [`PageStream`] one page (as a one-element batch).
pub trait Pager: Send + 'static {
    /// What one batch holds.
    type Value: Send + 'static;

    /// Pages kept in flight (1: sequential).
    fn concurrency(&self) -> usize;

    /// The batches, each turned into `B` by `convert` (which may fail, e.g. when JSON text cannot
    /// be written), read ahead as the module documentation describes.
    fn read_ahead<B, F>(self, convert: F) -> ReadAhead<B>
    where
        B: Send + 'static,
        F: FnMut(Vec<Self::Value>) -> Result<B> + Send + 'static;
}

impl<T: Send + 'static> Pager for ItemStream<T> {
    type Value = T;

    fn concurrency(&self) -> usize {
        self.concurrency
    }

    fn read_ahead<B, F>(self, convert: F) -> ReadAhead<B>
    where
        B: Send + 'static,
        F: FnMut(Vec<T>) -> Result<B> + Send + 'static,
    {
        let concurrency = self.concurrency;
        let batches = stream::unfold(self, |mut s| async move {
            loop {
                match s.next_batch().await? {
                    Ok(items) if items.is_empty() => continue,
                    batch => return Some((batch, s)),
                }
            }
        });
        ReadAhead::new(batches.boxed(), convert, concurrency)
    }
}

impl<P: Paged> Pager for PageStream<P> {
    type Value = P;

    fn concurrency(&self) -> usize {
        self.concurrency
    }

    fn read_ahead<B, F>(self, convert: F) -> ReadAhead<B>
    where
        B: Send + 'static,
        F: FnMut(Vec<P>) -> Result<B> + Send + 'static,
    {
        let concurrency = self.concurrency;
        let pages = self.map(|r| r.map(|page| vec![page])).boxed();
        ReadAhead::new(pages, convert, concurrency)
    }
}

/// A pager's converted batches (see the module documentation for how far it reads ahead).
/// Nothing is fetched before the first [`ReadAhead::next`].
pub struct ReadAhead<B> {
    inner: BoxStream<'static, Result<B>>,
    /// Whether the first `next()` should start reading ahead (concurrency above 1).
    start_ahead: bool,
}

impl<B: Send + 'static> ReadAhead<B> {
    fn new<V, F>(batches: BoxStream<'static, Result<Vec<V>>>, mut convert: F, c: usize) -> Self
    where
        V: Send + 'static,
        F: FnMut(Vec<V>) -> Result<B> + Send + 'static,
    {
        let converted = batches.map(move |r| r.and_then(&mut convert));
        let guarded = until_first_error(panics_as_errors(converted.boxed()));
        // Fused: asking again after the end (or the error) keeps answering `None`.
        Self {
            inner: guarded.fuse().boxed(),
            start_ahead: c > 1,
        }
    }

    /// The next batch, or `None` at the end (and after an error, which comes once).
    pub async fn next(&mut self) -> Option<Result<B>> {
        if std::mem::take(&mut self.start_ahead) {
            let batches = std::mem::replace(&mut self.inner, stream::empty().boxed());
            self.inner = batches_ahead(batches).fuse().boxed();
        }
        self.inner.next().await
    }
}

impl<T: Send + 'static> ReadAhead<Vec<T>> {
    /// These batches handed out one value at a time (see [`ReadAheadValues`]).
    pub fn values(self) -> ReadAheadValues<T> {
        ReadAheadValues {
            batches: self,
            current: Vec::new().into_iter(),
            finished: false,
        }
    }
}

/// A pager's read-ahead batches handed out one value at a time, for bindings whose callers ask
/// for one item (or one page) per call. The rest of a received batch is [`ready`] without
/// waiting, so a binding crosses into the runtime once per batch, not once per value.
///
/// [`ready`]: ReadAheadValues::ready
pub struct ReadAheadValues<T> {
    batches: ReadAhead<Vec<T>>,
    current: std::vec::IntoIter<T>,
    /// The end, or the error that ended the pager, was handed out.
    finished: bool,
}

impl<T: Send + 'static> ReadAheadValues<T> {
    /// A value already received, without waiting; `None` when the next one has to be awaited
    /// with [`ReadAheadValues::next`], or there are no more.
    pub fn ready(&mut self) -> Option<T> {
        self.current.next()
    }

    /// Whether every value, and the end or the error, has been handed out: [`ReadAheadValues::next`]
    /// would answer `None` without waiting.
    pub fn is_finished(&self) -> bool {
        self.finished && self.current.len() == 0
    }

    /// The next value, or `None` at the end (and after an error, which comes once, after the
    /// values before it).
    pub async fn next(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(value) = self.current.next() {
                return Some(Ok(value));
            }
            if self.finished {
                return None;
            }
            match self.batches.next().await {
                Some(Ok(batch)) => self.current = batch.into_iter(),
                Some(Err(e)) => {
                    self.finished = true;
                    return Some(Err(e));
                }
                None => {
                    self.finished = true;
                    return None;
                }
            }
        }
    }
}

impl<T> std::fmt::Debug for ReadAheadValues<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadAheadValues")
    }
}

impl<B> std::fmt::Debug for ReadAhead<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadAhead")
    }
}

/// Each pull of `s` with a panic caught and turned into [`Error::Internal`].
fn panics_as_errors<B: Send + 'static>(
    s: BoxStream<'static, Result<B>>,
) -> BoxStream<'static, Result<B>> {
    stream::unfold(s, |mut s| async move {
        match AssertUnwindSafe(s.next()).catch_unwind().await {
            Ok(next) => next.map(|b| (b, s)),
            Err(payload) => {
                let message = crate::runtime::panic_message(payload.as_ref());
                Some((Err(Error::Internal { message }), s))
            }
        }
    })
    .boxed()
}

/// `s` up to and including its first error.
fn until_first_error<B: Send + 'static>(
    s: BoxStream<'static, Result<B>>,
) -> BoxStream<'static, Result<B>> {
    s.scan(false, |failed, r| {
        if *failed {
            return futures::future::ready(None);
        }
        *failed = r.is_err();
        futures::future::ready(Some(r))
    })
    .boxed()
}

/// Finished batches a concurrent pager keeps waiting for the caller.
///
/// Two, not one: with one, the task stopped pulling (so stopped starting fetches) from the moment
/// it had the next batch ready until the caller took it, which is the whole time the caller
/// spends on its current batch plus the handover; the 200-page Node walk at 20 ms (8 in flight)
/// took 1.38× the 500 ms floor with one and 1.26–1.29× with two, in the same hour (bench/README.md).
/// The cost is one more page in memory per pager.
const READY_BATCHES: usize = 2;

/// Drives `batches` on a runtime task (the caller's runtime, else the SDK's) that keeps the next
/// batches ready while the current one is used. It reserves a slot before it pulls, so at most
/// [`READY_BATCHES`] batches wait. Dropping the returned stream aborts the task.
fn batches_ahead<B: Send + 'static>(
    mut batches: BoxStream<'static, Result<B>>,
) -> BoxStream<'static, Result<B>> {
    let (tx, rx) = mpsc::channel(READY_BATCHES);
    let runtime = Handle::try_current().unwrap_or_else(|_| crate::runtime::handle());
    let task = runtime.spawn(async move {
        while let Ok(slot) = tx.reserve().await {
            let Some(batch) = batches.next().await else {
                break;
            };
            slot.send(batch);
        }
    });
    /// The receiving end; aborts the producing task when dropped.
    struct Ahead<B> {
        rx: mpsc::Receiver<Result<B>>,
        task: tokio::task::AbortHandle,
    }
    impl<B> Drop for Ahead<B> {
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

#[cfg(test)]
mod tests {
    use super::super::tests::fake;
    use super::*;
    use crate::models::EmployeePage;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    fn numbers(batch: Vec<crate::models::Employee>) -> Result<Vec<String>> {
        Ok(batch
            .into_iter()
            .map(|e| e.employee_number.unwrap_or_default())
            .collect())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn items_arrive_in_order_a_page_per_batch_at_any_concurrency() {
        for c in [1, 4] {
            let calls = Arc::new(AtomicUsize::new(0));
            let mut ahead = PageStream::new(fake(5, None, calls.clone()), 1, c)
                .items()
                .read_ahead(numbers);
            let mut got = Vec::new();
            while let Some(batch) = ahead.next().await {
                let batch = batch.unwrap();
                assert_eq!(batch.len(), 3, "one page per batch");
                got.extend(batch);
            }
            let expected: Vec<_> = (1..=5)
                .flat_map(|n| (0..3).map(move |i| format!("{n}-{i}")))
                .collect();
            assert_eq!(got, expected, "concurrency {c}");
            assert!(ahead.next().await.is_none(), "stays ended");
        }
    }

    /// The bound of the module documentation: after the caller took `taken` batches and stopped,
    /// no more than `taken + concurrency + 4` pages (sequential: `taken`) are ever fetched.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn reads_at_most_four_pages_beyond_the_pages_in_flight() {
        for (c, ahead_allowed) in [(1, 0), (2, 6), (4, 8)] {
            let calls = Arc::new(AtomicUsize::new(0));
            let mut ahead = PageStream::new(fake(40, None, calls.clone()), 1, c)
                .items()
                .read_ahead(numbers);
            tokio::time::sleep(Duration::from_millis(60)).await;
            assert_eq!(
                calls.load(Ordering::SeqCst),
                0,
                "nothing fetched before next()"
            );
            for _ in 0..2 {
                ahead.next().await.unwrap().unwrap();
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
            let fetched = calls.load(Ordering::SeqCst);
            assert!(
                fetched <= 2 + ahead_allowed,
                "concurrency {c}: fetched {fetched} pages for 2 taken"
            );
            if c > 1 {
                assert!(
                    fetched > 2,
                    "concurrency {c} reads ahead (fetched {fetched})"
                );
            }
            drop(ahead);
            tokio::time::sleep(Duration::from_millis(100)).await;
            let after = calls.load(Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(100)).await;
            assert_eq!(
                calls.load(Ordering::SeqCst),
                after,
                "dropping stops fetching"
            );
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn values_come_one_at_a_time_the_rest_of_a_batch_without_waiting() {
        for c in [1, 3] {
            let calls = Arc::new(AtomicUsize::new(0));
            let mut values = PageStream::new(fake(4, Some(3), calls.clone()), 1, c)
                .items()
                .read_ahead(numbers)
                .values();
            assert!(values.ready().is_none(), "nothing before the first next()");
            assert!(!values.is_finished());
            let mut got = vec![values.next().await.unwrap().unwrap()];
            while let Some(n) = values.ready() {
                got.push(n);
            }
            assert_eq!(got, ["1-0", "1-1", "1-2"], "a whole page is ready");
            got.extend([values.next().await.unwrap().unwrap()]);
            got.extend(std::iter::from_fn(|| values.ready()));
            assert_eq!(got.len(), 6, "concurrency {c}: {got:?}");
            let err = values.next().await.unwrap().unwrap_err();
            assert_eq!(err.page(), Some(3), "concurrency {c}");
            assert!(values.is_finished());
            assert!(values.next().await.is_none(), "the error comes once");
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failed_page_comes_once_after_the_batches_before_it() {
        for c in [1, 3] {
            let mut ahead = PageStream::<EmployeePage>::new(
                fake(6, Some(3), Arc::new(AtomicUsize::new(0))),
                1,
                c,
            )
            .read_ahead(|pages| Ok(pages.len()));
            assert_eq!(ahead.next().await.unwrap().unwrap(), 1);
            assert_eq!(ahead.next().await.unwrap().unwrap(), 1);
            let err = ahead.next().await.unwrap().unwrap_err();
            assert_eq!(err.page(), Some(3), "concurrency {c}");
            assert!(ahead.next().await.is_none());
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_panic_in_the_conversion_is_an_internal_error_not_an_end() {
        for c in [1, 3] {
            let mut n = 0;
            let mut ahead = PageStream::new(fake(6, None, Arc::new(AtomicUsize::new(0))), 1, c)
                .items()
                .read_ahead(move |batch| {
                    n += 1;
                    assert!(n < 2, "conversion bug");
                    numbers(batch)
                });
            assert!(ahead.next().await.unwrap().is_ok());
            let err = ahead.next().await.unwrap().unwrap_err();
            assert!(
                matches!(err, Error::Internal { .. }),
                "concurrency {c}: {err}"
            );
            assert!(err.to_string().contains("conversion bug"), "{err}");
            assert!(ahead.next().await.is_none());
        }
    }
}
