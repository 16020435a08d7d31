//! Auto-pagers: streams of pages and of items that walk a paged operation to its end.
//!
//! Sequential by default. With `concurrency > 1`, once the first page tells the page count, later
//! pages are fetched in parallel (at most `concurrency` in flight) and still yielded in order. A
//! page that finishes before the ones ahead of it frees its place at once, so at most
//! `concurrency + 2` pages are held (see [`window`]); each page is fetched and decoded on a
//! runtime task of its own, so they decode on every worker thread. A failure yields
//! [`Error::Page`] (naming the page) after every item already fetched, and ends the stream.

use futures::future::{ready, BoxFuture};
use futures::stream::{self, BoxStream, Stream, StreamExt};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use crate::error::{Error, Result};
mod read_ahead;
mod window;
pub use read_ahead::{Pager, ReadAhead, ReadAheadValues};

use crate::models::{
    EmployeePage, LegacyReservedLockerReport, MachinePage, ReportPage, ReservationDetail,
    ReservedLockerReport, TransactionPage,
};

/// What a page says about the pages after it.
#[derive(Debug, Clone, Copy)]
#[doc(hidden)]
pub struct PageInfo {
    has_next: Option<bool>,
    page_count: Option<i64>,
    item_count: usize,
}

impl PageInfo {
    /// Whether the page after `page` should be fetched.
    fn continues(&self, page: u32) -> bool {
        if self.item_count == 0 {
            return false;
        }
        if self.page_count.is_some_and(|c| i64::from(page) >= c) {
            return false;
        }
        match (self.has_next, self.page_count) {
            (Some(next), _) => next,
            (None, Some(c)) => i64::from(page) < c,
            (None, None) => false,
        }
    }
}

/// A page type an auto-pager can walk.
pub trait Paged: Send + 'static {
    /// The items the item stream yields.
    type Item: Send + 'static;
    #[doc(hidden)]
    fn page_info(&self) -> PageInfo;
    /// The page's items, in order.
    fn into_items(self) -> Vec<Self::Item>;
}

macro_rules! meta_paged {
    ($($page:ty => $item:ty),+) => {$(
        impl Paged for $page {
            type Item = $item;
            fn page_info(&self) -> PageInfo {
                PageInfo {
                    has_next: self.meta.has_next_page,
                    page_count: self.meta.page_count,
                    item_count: self.items.len(),
                }
            }
            fn into_items(self) -> Vec<$item> {
                self.items
            }
        }
    )+};
}

meta_paged!(
    EmployeePage => crate::models::Employee,
    MachinePage => crate::models::MachinePlanogram,
    TransactionPage => crate::models::Transaction
);

macro_rules! report_paged {
    ($($page:ty),+) => {$(
        impl Paged for $page {
            type Item = ReservationDetail;
            fn page_info(&self) -> PageInfo {
                PageInfo {
                    has_next: self.has_next(),
                    page_count: self.total_pages(),
                    item_count: self.detail_count(),
                }
            }
            fn into_items(self) -> Vec<ReservationDetail> {
                self.into_details()
            }
        }
    )+};
}

report_paged!(ReservedLockerReport, LegacyReservedLockerReport);

/// A fetcher of one page by number.
pub(crate) type FetchPage<P> = Arc<dyn Fn(u32) -> BoxFuture<'static, Result<P>> + Send + Sync>;

/// A stream of whole pages. Also usable without `StreamExt` through [`PageStream::next_page`].
pub struct PageStream<P> {
    inner: BoxStream<'static, Result<P>>,
    concurrency: usize,
}

impl<P: Paged> PageStream<P> {
    pub(crate) fn new(fetch: FetchPage<P>, first: u32, concurrency: usize) -> Self {
        let f = fetch.clone();
        let inner = stream::once(async move { (f)(first).await })
            .flat_map(move |res| match res {
                Err(e) => stream::once(ready(Err(page_error(first, e)))).boxed(),
                Ok(page) => {
                    let info = page.page_info();
                    let rest = if !info.continues(first) {
                        stream::empty().boxed()
                    } else if let (true, Some(count)) = (concurrency > 1, info.page_count) {
                        let last = u32::try_from(count).unwrap_or(u32::MAX);
                        let f = fetch.clone();
                        window::ordered(first + 1..=last, concurrency, move |n| {
                            // Each page on a task of its own: the pages in flight decode
                            // in parallel, not in turns on the task polling this stream.
                            let page = crate::runtime::spawn_here((f)(n));
                            async move { page.await.map_err(|e| page_error(n, e)) }
                        })
                        .boxed()
                    } else {
                        sequential(fetch.clone(), first + 1)
                    };
                    stream::once(ready(Ok(page))).chain(rest).boxed()
                }
            })
            .scan(false, |failed, r| {
                if *failed {
                    return ready(None);
                }
                *failed = r.is_err();
                ready(Some(r))
            })
            .boxed();
        Self {
            inner,
            concurrency: concurrency.max(1),
        }
    }

    /// The next page, or `None` at the end (and after an error).
    pub async fn next_page(&mut self) -> Option<Result<P>> {
        self.inner.next().await
    }

    /// A stream of the pages' items, in order.
    pub fn items(self) -> ItemStream<P::Item> {
        ItemStream {
            pages: self.inner.map(|r| r.map(Paged::into_items)).boxed(),
            current: Vec::new().into_iter(),
            concurrency: self.concurrency,
        }
    }
}

fn sequential<P: Paged>(fetch: FetchPage<P>, from: u32) -> BoxStream<'static, Result<P>> {
    stream::unfold(Some(from), move |next| {
        let fetch = fetch.clone();
        async move {
            let n = next?;
            match (fetch)(n).await {
                Ok(page) => {
                    let more = page.page_info().continues(n).then_some(n + 1);
                    Some((Ok(page), more))
                }
                Err(e) => Some((Err(page_error(n, e)), None)),
            }
        }
    })
    .boxed()
}

fn page_error(page: u32, e: Error) -> Error {
    Error::Page {
        page,
        source: Box::new(e),
    }
}

impl<P> Stream for PageStream<P> {
    type Item = Result<P>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<P> std::fmt::Debug for PageStream<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageStream")
    }
}

/// A stream of items across pages. Also usable without `StreamExt` through [`ItemStream::next_item`].
pub struct ItemStream<T> {
    /// Each page's items, in order.
    pages: BoxStream<'static, Result<Vec<T>>>,
    /// The rest of the page being yielded.
    current: std::vec::IntoIter<T>,
    /// Pages in flight (see [`Pager::concurrency`]).
    concurrency: usize,
}

// No field is ever pinned (items are moved out, never polled in place).
impl<T> Unpin for ItemStream<T> {}

impl<T> ItemStream<T> {
    /// The next item, or `None` at the end (and after an error).
    pub async fn next_item(&mut self) -> Option<Result<T>> {
        self.next().await
    }

    /// The items that are ready together: the rest of the current page, else the next page's
    /// items (possibly empty), or `None` at the end (and after an error). It reads no page
    /// ahead, so a binding can hand items over a page at a time as lazily as one by one.
    pub async fn next_batch(&mut self) -> Option<Result<Vec<T>>> {
        if self.current.len() > 0 {
            return Some(Ok(self.current.by_ref().collect()));
        }
        self.pages.next().await
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(item) = self.current.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match self.pages.as_mut().poll_next(cx) {
                Poll::Ready(Some(Ok(items))) => self.current = items.into_iter(),
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Some(Err(e))),
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

impl<T> std::fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ItemStream")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{Employee, PageMeta};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub(super) fn fake(
        pages: u32,
        fail_on: Option<u32>,
        calls: Arc<AtomicUsize>,
    ) -> FetchPage<EmployeePage> {
        Arc::new(move |n| {
            calls.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move {
                // Later pages answer faster, so a wrong order would show.
                tokio::time::sleep(std::time::Duration::from_millis(u64::from(pages - n + 1)))
                    .await;
                if Some(n) == fail_on {
                    return Err(Error::config("boom"));
                }
                Ok(EmployeePage {
                    items: (0..3)
                        .map(|i| Employee {
                            employee_number: Some(format!("{n}-{i}")),
                            ..Default::default()
                        })
                        .collect(),
                    meta: PageMeta {
                        has_next_page: Some(n < pages),
                        page_count: Some(i64::from(pages)),
                        page_number: Some(i64::from(n)),
                        ..Default::default()
                    },
                })
            })
        })
    }

    async fn collect(fetch: FetchPage<EmployeePage>, c: usize) -> Vec<Result<Employee>> {
        PageStream::new(fetch, 1, c).items().collect().await
    }

    #[tokio::test]
    async fn walks_to_the_end_in_order_with_and_without_concurrency() {
        for c in [1, 4] {
            let calls = Arc::new(AtomicUsize::new(0));
            let items = collect(fake(7, None, calls.clone()), c).await;
            let numbers: Vec<_> = items
                .into_iter()
                .map(|r| r.unwrap().employee_number.unwrap())
                .collect();
            let expected: Vec<_> = (1..=7)
                .flat_map(|n| (0..3).map(move |i| format!("{n}-{i}")))
                .collect();
            assert_eq!(numbers, expected, "concurrency {c}");
            assert_eq!(calls.load(Ordering::SeqCst), 7);
        }
    }

    #[tokio::test]
    async fn streams_tell_their_concurrency() {
        for (asked, told) in [(0, 1), (1, 1), (4, 4)] {
            let pages = PageStream::new(fake(2, None, Arc::new(AtomicUsize::new(0))), 1, asked);
            assert_eq!(Pager::concurrency(&pages), told);
            assert_eq!(Pager::concurrency(&pages.items()), told);
        }
    }

    #[tokio::test]
    async fn failure_comes_after_the_items_before_it_and_names_the_page() {
        for c in [1, 3] {
            let items = collect(fake(6, Some(4), Arc::new(AtomicUsize::new(0))), c).await;
            assert_eq!(items.len(), 3 * 3 + 1, "concurrency {c}");
            assert!(items[..9].iter().all(|r| r.is_ok()));
            let err = items[9].as_ref().unwrap_err();
            assert_eq!(err.page(), Some(4));
            assert!(err.to_string().starts_with("page 4: "));
        }
    }
}
