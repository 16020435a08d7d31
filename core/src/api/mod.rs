//! The operation groups, one module each, as the vendor document groups them.

pub(crate) mod employees;
pub(crate) mod machines;
pub(crate) mod transactions;
mod will_call;

pub use employees::Employees;
pub use machines::Machines;
pub use transactions::Transactions;
pub use will_call::{WillCall, WillCallV1};

use std::sync::Arc;

use crate::error::Result;
use crate::models::PageMeta;
use crate::pagination::{FetchPage, PageStream, Paged};
use crate::validate;

/// Resolves auto-pager options against the client's defaults and validates them.
pub(crate) fn pager_options(
    client: &crate::Client,
    page_size: Option<u32>,
    concurrency: Option<u32>,
) -> Result<(u32, usize)> {
    let size = page_size.unwrap_or(crate::config::MAX_PAGE_SIZE);
    let conc = concurrency
        .map(|c| c as usize)
        .unwrap_or(client.config().page_concurrency());
    validate::page_size(size)?;
    validate::concurrency(conc)?;
    Ok((size, conc))
}

/// Builds a page stream from a function of (client, page number).
pub(crate) fn page_stream<P, F, Fut>(
    client: &crate::Client,
    concurrency: usize,
    fetch: F,
) -> PageStream<P>
where
    P: Paged,
    F: Fn(crate::Client, u32) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<P>> + Send + 'static,
{
    let client = client.clone();
    let fetch: FetchPage<P> = Arc::new(move |n| Box::pin(fetch(client.clone(), n)));
    PageStream::new(fetch, 1, concurrency)
}

/// The paging rule for a page that carries no paging facts (docs/api-notes.md, "Paging without
/// metaData"): when the server sent neither `hasNextPage` nor `pageCount`, `isLastPage` decides
/// if present; otherwise a full page (`page_size` items) means "ask for the next one" and a
/// short or empty page ends the walk. So a missing `metaData` never stops a pager after page 1
/// without an error, and a walk still ends. `has_next_page` is set to that decision.
pub(crate) fn infer_next_page(meta: &mut PageMeta, items: usize, page_size: u32) {
    if meta.has_next_page.is_some() || meta.page_count.is_some() {
        return;
    }
    let next = match meta.is_last_page {
        Some(last) => !last && items > 0,
        None => items > 0 && items >= page_size as usize,
    };
    meta.has_next_page = Some(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_without_paging_facts_continues_only_when_full() {
        let mut meta = PageMeta::default();
        infer_next_page(&mut meta, 100, 100);
        assert_eq!(meta.has_next_page, Some(true));
        let mut meta = PageMeta::default();
        infer_next_page(&mut meta, 99, 100);
        assert_eq!(meta.has_next_page, Some(false));
        let mut meta = PageMeta::default();
        infer_next_page(&mut meta, 0, 100);
        assert_eq!(meta.has_next_page, Some(false));
        let mut meta = PageMeta {
            is_last_page: Some(true),
            ..Default::default()
        };
        infer_next_page(&mut meta, 100, 100);
        assert_eq!(meta.has_next_page, Some(false));
        let mut meta = PageMeta {
            page_count: Some(3),
            ..Default::default()
        };
        infer_next_page(&mut meta, 1, 100);
        assert_eq!(meta.has_next_page, None, "the server's facts are kept");
    }
}
