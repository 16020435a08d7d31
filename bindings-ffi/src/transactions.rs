//! The transaction report (document section 5).

use std::sync::Arc;

use iqtech::{TransactionPage, TransactionQuery};

use crate::error::IqtechError;
use crate::pagination::{pages, TransactionPageStream, TransactionStream};
use crate::runtime::run;

/// Transaction report operations. Get one with `client.transactions()`.
#[derive(Debug, uniffi::Object)]
pub struct Transactions {
    inner: iqtech::Transactions,
}

impl Transactions {
    pub(crate) fn new(inner: iqtech::Transactions) -> Self {
        Self { inner }
    }
}

#[uniffi::export]
impl Transactions {
    /// One page of the report (T1). Dates are inclusive; `page` defaults to 1 and `page_size`
    /// to 100.
    pub async fn list(&self, query: TransactionQuery) -> Result<TransactionPage, IqtechError> {
        let g = self.inner.clone();
        run(async move { g.list(query).await }).await
    }

    /// The whole report for `query`'s filters, transaction by transaction (its `page` is
    /// ignored). Lazy; fails at once on invalid options.
    #[uniffi::method(default(concurrency = None))]
    pub fn iter(
        &self,
        query: TransactionQuery,
        concurrency: Option<u32>,
    ) -> Result<Arc<TransactionStream>, IqtechError> {
        Ok(TransactionStream::new(
            self.inner.iter(query, pages(concurrency))?,
        ))
    }

    /// The whole report, page by page; see `iter`.
    #[uniffi::method(default(concurrency = None))]
    pub fn iter_pages(
        &self,
        query: TransactionQuery,
        concurrency: Option<u32>,
    ) -> Result<Arc<TransactionPageStream>, IqtechError> {
        Ok(TransactionPageStream::new(
            self.inner.iter_pages(query, pages(concurrency))?,
        ))
    }
}
