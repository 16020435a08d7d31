//! The transaction report (document section 5).

use serde::Deserialize;

use crate::error::Result;
use crate::models::{de, PageMeta, Transaction, TransactionPage, TransactionQuery};
use crate::operations::{self as ops, Operation};
use crate::pagination::{ItemStream, PageStream};
use crate::response::{self, RawResponse};
use crate::transport::ApiRequest;
use crate::validate;
use crate::Client;

/// T1's `result`: the page sits in `transactionReport`, and its `metaData` either inside it or
/// beside it (the document's broken example fits both; docs/api-notes.md, T1).
#[derive(Deserialize, Default)]
struct ReportResult {
    #[serde(
        rename = "transactionReport",
        default,
        deserialize_with = "de::null_default"
    )]
    transaction_report: TransactionPage,
    #[serde(rename = "metaData", default, deserialize_with = "de::null_default")]
    meta: PageMeta,
}

/// Decodes T1: a missing or `null` result or `transactionReport`, or a 204, is an empty page;
/// `result.metaData` is used when `result.transactionReport.metaData` is absent.
pub(crate) fn decode_report(op: &'static Operation, raw: &RawResponse) -> Result<TransactionPage> {
    let result: ReportResult = response::envelope_or_empty(op, raw)?;
    let mut page = result.transaction_report;
    if page.meta == PageMeta::default() {
        page.meta = result.meta;
    }
    Ok(page)
}

/// Transaction report operations. Get one with [`Client::transactions`].
#[derive(Debug, Clone)]
pub struct Transactions {
    pub(crate) client: Client,
}

impl Transactions {
    /// One page of the report (T1). Dates are inclusive and sent in the client's
    /// `query_date_format` (default `MM-dd-yyyy`); `page` defaults to 1 and `page_size` to 100.
    /// The paging metadata is read from `result.transactionReport.metaData` or
    /// `result.metaData`; an empty answer (`null`, missing, 204) is an empty page.
    pub async fn list(&self, query: TransactionQuery) -> Result<TransactionPage> {
        let page = query.page.unwrap_or(1);
        let size = query.page_size.unwrap_or(crate::config::MAX_PAGE_SIZE);
        validate::page(page)?;
        validate::page_size(size)?;
        validate::date_range(query.from_date, query.to_date)?;
        if let Some(serial) = &query.serial_no {
            validate::non_empty("serial_no", serial)?;
        }
        let format = self.client.config().query_date_format();
        let mut req = ApiRequest::new(&ops::TRANSACTIONS_LIST, &[])?
            .query("page", page)
            .query("pageSize", size);
        if let Some(d) = query.from_date {
            req = req.query("FromDate", d.format(format));
        }
        if let Some(d) = query.to_date {
            req = req.query("ToDate", d.format(format));
        }
        if let Some(serial) = &query.serial_no {
            req = req.query("serialNo", serial);
        }
        self.client.transport.call(&req, decode_report).await
    }

    /// The whole report for `query`'s filters, page by page (its `page` is ignored). When a
    /// page has no paging metadata at all, a full page means "fetch the next" and a short or
    /// empty one ends the walk (docs/api-notes.md, "Paging without metaData").
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
            async move {
                let mut page = c.transactions().list(q).await?;
                super::infer_next_page(&mut page.meta, page.items.len(), size);
                Ok(page)
            }
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
