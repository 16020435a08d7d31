//! The operation groups, one module each, as the vendor document groups them.

mod employees;
mod machines;
mod transactions;
mod will_call;

pub use employees::Employees;
pub use machines::Machines;
pub use transactions::Transactions;
pub use will_call::{WillCall, WillCallV1};

use std::sync::Arc;

use crate::error::Result;
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
