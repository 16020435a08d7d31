//! T1: `GET /api/Transaction?page&pageSize&FromDate&ToDate&serialNo`.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::query::Query;
use crate::dialect::T1Meta;
use crate::envelope::{self, Kind, MetaData};
use crate::state::transactions::TransactionItem;
use crate::state::App;

/// `result.transactionReport`: the items, and their paging beside them when the dialect says
/// `t1_meta: report`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    items: Vec<TransactionItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta_data: Option<MetaData>,
}

/// `result` of T1: the report, and its paging here when the dialect says `t1_meta: result`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportResult {
    transaction_report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta_data: Option<MetaData>,
}

/// T1: oldest transaction first; `FromDate`/`ToDate` (`MM-dd-yyyy`) are inclusive whole days
/// (UTC); `serialNo` keeps one machine. A `FromDate` after `ToDate` selects nothing.
pub(crate) async fn list(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let q = Query::parse(q.as_deref());
    let (page, size) = match q.paging("page", "pageSize") {
        Ok(p) => p,
        Err(r) => return r,
    };
    let (from, to) = match (q.date("FromDate"), q.date("ToDate")) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let machine = match q.get("serialNo") {
        None => None,
        Some(serial) => match app.world().machines.find(serial) {
            Some((i, _)) => Some(i),
            None => {
                return envelope::error(
                    StatusCode::BAD_REQUEST,
                    400,
                    "Invalid Serial Number",
                    Kind::WithResult,
                )
            }
        },
    };
    let tx = &app.transactions;
    let selection = tx.select(from, to, machine);
    let meta = MetaData::new(page, size, selection.len());
    let offset = meta.offset();
    let items: Vec<_> = (0..meta.this_page_item_count)
        .map(|k| tx.item(selection.nth(offset + k)))
        .collect();
    let dialect = &app.config.dialect;
    if items.is_empty() {
        return envelope::empty(dialect.empty);
    }
    let (inside, beside) = match dialect.t1_meta {
        T1Meta::Report => (Some(meta), None),
        T1Meta::Result => (None, Some(meta)),
    };
    envelope::ok(ReportResult {
        transaction_report: Report {
            items,
            meta_data: inside,
        },
        meta_data: beside,
    })
}
