//! The transaction report (document section 5).

use serde::Deserialize;

use crate::error::Result;
use crate::models::{Transaction, TransactionPage, TransactionQuery};
use crate::operations as ops;
use crate::pagination::{ItemStream, PageStream};
use crate::response;
use crate::transport::ApiRequest;
use crate::validate::{self, QUERY_DATE_FORMAT};
use crate::Client;

#[derive(Deserialize)]
struct ReportResult {
    #[serde(rename = "transactionReport")]
    transaction_report: TransactionPage,
}

/// Transaction report operations. Get one with [`Client::transactions`].
#[derive(Debug, Clone)]
pub struct Transactions {
    pub(crate) client: Client,
}

impl Transactions {
    /// One page of the report (T1). Dates are inclusive; `page` defaults to 1 and `page_size`
    /// to 100.
    pub async fn list(&self, query: TransactionQuery) -> Result<TransactionPage> {
        let page = query.page.unwrap_or(1);
        let size = query.page_size.unwrap_or(crate::config::MAX_PAGE_SIZE);
        validate::page(page)?;
        validate::page_size(size)?;
        validate::date_range(query.from_date, query.to_date)?;
        if let Some(serial) = &query.serial_no {
            validate::non_empty("serial_no", serial)?;
        }
        let mut req = ApiRequest::new(&ops::TRANSACTIONS_LIST, "api/Transaction")
            .query("page", page)
            .query("pageSize", size);
        if let Some(d) = query.from_date {
            req = req.query("FromDate", d.format(QUERY_DATE_FORMAT));
        }
        if let Some(d) = query.to_date {
            req = req.query("ToDate", d.format(QUERY_DATE_FORMAT));
        }
        if let Some(serial) = &query.serial_no {
            req = req.query("serialNo", serial);
        }
        let raw = self.client.transport.send(&req).await?;
        let result: ReportResult = response::envelope_required(&ops::TRANSACTIONS_LIST, &raw)?;
        Ok(result.transaction_report)
    }

    /// The whole report for `query`'s filters, page by page (its `page` is ignored).
    pub fn iter_pages(
        &self,
        query: TransactionQuery,
        concurrency: Option<u32>,
    ) -> Result<PageStream<TransactionPage>> {
        let (size, conc) = super::pager_options(&self.client, query.page_size, concurrency)?;
        validate::date_range(query.from_date, query.to_date)?;
        if let Some(serial) = &query.serial_no {
            validate::non_empty("serial_no", serial)?;
        }
        Ok(super::page_stream(&self.client, conc, move |c, n| {
            let q = TransactionQuery {
                page: Some(n),
                page_size: Some(size),
                ..query.clone()
            };
            async move { c.transactions().list(q).await }
        }))
    }

    /// The whole report, transaction by transaction; see [`Transactions::iter_pages`].
    pub fn iter(
        &self,
        query: TransactionQuery,
        concurrency: Option<u32>,
    ) -> Result<ItemStream<Transaction>> {
        Ok(self.iter_pages(query, concurrency)?.items())
    }
}
