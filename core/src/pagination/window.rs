//! The concurrent part of a walk: pages fetched `concurrency` at a time and yielded in page
//! order, where a finished page frees its place for the next one at once.
//!
//! `StreamExt::buffered` frees a place only when the page at the head is yielded. The pages of
//! one round of a walk finish a few milliseconds apart (the server writes them in turn and the
//! client decodes them in turn), so with `buffered` every page of the next round waited for the
//! slowest page before it, round after round. Here a page that finishes early starts the next
//! page while it waits for its turn, up to [`SLACK`] pages beyond `concurrency`.
//!
//! Same-run A/B on a 2-core VM (bench/README.md, 2026-12-03 17:29 UTC), the 200-page walk at
//! 20 ms with 8 in flight: Rust 634–682 ms with `buffered`, 619–629 ms with this window; Node
//! 673–719 ms and 604–630 ms. A slack of 1 or 2 pages gave nearly all of the gain, 4 or 8 no more.

use std::collections::VecDeque;
use std::future::Future;
use std::ops::RangeInclusive;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::stream::{FuturesUnordered, Stream, StreamExt};

/// How many pages beyond `concurrency` may be held (fetched, not yet yielded): so at most
/// `concurrency` pages are being fetched and at most `concurrency + SLACK` are held.
pub(super) const SLACK: usize = 2;

/// The results of `fetch(n)` for every `n` in `pages`, in order, with at most `concurrency`
/// fetches running and at most `concurrency + SLACK` pages fetched and not yet yielded.
/// A fetch starts only while the stream is polled (as with `buffered`).
pub(super) fn ordered<T, F, Fut>(
    pages: RangeInclusive<u32>,
    concurrency: usize,
    fetch: F,
) -> impl Stream<Item = T> + Send + 'static
where
    T: Send + 'static,
    F: Fn(u32) -> Fut + Send + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    let concurrency = concurrency.max(1);
    Window {
        head: (!pages.is_empty()).then(|| *pages.start()),
        last: *pages.end(),
        next: pages,
        fetch,
        running: FuturesUnordered::new(),
        finished: VecDeque::new(),
        concurrency,
        held: concurrency + SLACK,
    }
}

struct Window<T, F, Fut> {
    /// Page numbers not started yet.
    next: RangeInclusive<u32>,
    fetch: F,
    running: FuturesUnordered<Numbered<Fut>>,
    /// Pages from the head on: slot `i` is page `head + i`, `Some` once it finished. A deque
    /// of slots, not a `BTreeMap`: the held pages are always the next few, and the map's code,
    /// once per page type, made the stripped mobile library 32 KB larger (this adds 680 B).
    finished: VecDeque<Option<T>>,
    /// The page to yield next; `None` once the last one was.
    head: Option<u32>,
    /// The last page (a used-up range's own end is unspecified).
    last: u32,
    concurrency: usize,
    held: usize,
}

// Nothing is polled in place: the fetches are boxed by `FuturesUnordered`.
impl<T, F, Fut> Unpin for Window<T, F, Fut> {}

impl<T, F, Fut> Stream for Window<T, F, Fut>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = T>,
{
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let w = &mut *self;
        loop {
            // At most `concurrency + SLACK` slots, so counting the finished ones is cheap.
            let waiting = w.finished.iter().filter(|s| s.is_some()).count();
            while w.running.len() < w.concurrency && w.running.len() + waiting < w.held {
                let Some(n) = w.next.next() else { break };
                w.running.push(Numbered(n, Box::pin((w.fetch)(n))));
            }
            // Polled even when the head is ready, so the fetches just started begin now.
            if let Poll::Ready(Some((n, value))) = w.running.poll_next_unpin(cx) {
                // A running page is never behind the head, which it would have to be yielded for.
                let i = (n - w.head.unwrap_or(n)) as usize;
                if w.finished.len() <= i {
                    w.finished.resize_with(i + 1, || None);
                }
                w.finished[i] = Some(value);
                continue;
            }
            let Some(head) = w.head else {
                return Poll::Ready(None);
            };
            if let Some(value) = w.finished.front_mut().and_then(Option::take) {
                w.finished.pop_front();
                w.head = (head < w.last).then(|| head + 1);
                return Poll::Ready(Some(value));
            }
            // Pages start in order, so the head started before every page held; it is running.
            assert!(!w.running.is_empty(), "page {head} was never fetched");
            return Poll::Pending;
        }
    }
}

/// A fetch that answers with its page number. Boxed, so it polls without pin projection: one
/// small allocation per page. `future::join(ready(n), fetch)` avoids the box but made the
/// stripped mobile library 8.5 KB larger, with no gain in the walk (measured 2026-12-04).
struct Numbered<Fut>(u32, Pin<Box<Fut>>);

impl<Fut: Future> Future for Numbered<Fut> {
    type Output = (u32, Fut::Output);
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let n = self.0;
        self.1.as_mut().poll(cx).map(|v| (n, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    /// What the fetches did: how many ran at once at most, and which pages started.
    #[derive(Default)]
    struct Log {
        running: AtomicUsize,
        most_running: AtomicUsize,
        started: Mutex<Vec<u32>>,
    }

    /// A fetch of page `n` that takes `ms(n)` milliseconds and answers `n`.
    fn fetch(log: Arc<Log>, ms: fn(u32) -> u64) -> impl Fn(u32) -> BoxedPage + Send + 'static {
        move |n| {
            let log = log.clone();
            Box::pin(async move {
                log.started.lock().unwrap().push(n);
                let now = log.running.fetch_add(1, Ordering::SeqCst) + 1;
                log.most_running.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(ms(n))).await;
                log.running.fetch_sub(1, Ordering::SeqCst);
                n
            })
        }
    }

    type BoxedPage = Pin<Box<dyn Future<Output = u32> + Send>>;

    #[tokio::test]
    async fn yields_every_page_in_order_whatever_order_they_finish_in() {
        for c in [1, 2, 3, 8] {
            let log = Arc::new(Log::default());
            // Later pages of each group of three finish first.
            let got: Vec<u32> =
                ordered(1..=20, c, fetch(log.clone(), |n| u64::from(9 - n % 3 * 3)))
                    .collect()
                    .await;
            assert_eq!(got, (1..=20).collect::<Vec<_>>(), "concurrency {c}");
            assert!(
                log.most_running.load(Ordering::SeqCst) <= c,
                "concurrency {c}"
            );
        }
        let log = Arc::new(Log::default());
        let none: Vec<u32> = ordered(RangeInclusive::new(2, 1), 4, fetch(log, |_| 1))
            .collect()
            .await;
        assert!(none.is_empty());
    }

    /// The reason for this module: page 1 is slow, so with `buffered` pages 5 and on would wait
    /// for it; here the pages that finished start the next ones, as far as the slack allows.
    #[tokio::test]
    async fn a_finished_page_starts_the_next_while_an_earlier_one_is_still_running() {
        let c = 4;
        let log = Arc::new(Log::default());
        let mut pages = ordered(
            1..=40,
            c,
            fetch(log.clone(), |n| if n == 1 { 300 } else { 5 }),
        );
        let first = tokio::time::timeout(Duration::from_secs(5), pages.next()).await;
        assert_eq!(first.unwrap(), Some(1));
        let started = log.started.lock().unwrap().len();
        // Page 1 finished last: by then the slack was full of finished pages, and no more started.
        assert_eq!(started, c + SLACK, "started {started}");
        assert!(log.most_running.load(Ordering::SeqCst) <= c);
        let rest: Vec<u32> = pages.collect().await;
        assert_eq!(rest, (2..=40).collect::<Vec<_>>());
    }

    /// Nothing starts before the first poll, nor while the caller does not poll.
    #[tokio::test]
    async fn starts_nothing_unpolled() {
        let c = 3;
        let log = Arc::new(Log::default());
        let mut pages = ordered(1..=100, c, fetch(log.clone(), |_| 1));
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(log.started.lock().unwrap().is_empty());
        assert_eq!(pages.next().await, Some(1));
        let started = log.started.lock().unwrap().len();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(log.started.lock().unwrap().len(), started);
        assert!(started <= c + SLACK, "started {started}");
    }
}
