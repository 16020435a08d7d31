//! M1: `GET /api/Machine/GetMachinePlanogramDetails`, for one machine (`serialNo`) or all
//! machines (`page`, `pageSize`).

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::query::Query;
use crate::envelope::{self, Kind, MetaData, Paged};
use crate::state::App;

/// M1. With `serialNo`, `result.items` holds that one machine (paging describes one item);
/// without, all machines are paged.
pub(crate) async fn planogram(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let q = Query::parse(q.as_deref());
    let (page, size) = match q.paging("page", "pageSize") {
        Ok(p) => p,
        Err(r) => return r,
    };
    let world = app.world();
    let machines = &world.machines;
    if let Some(serial) = q.get("serialNo") {
        let Some((i, _)) = machines.find(serial) else {
            return envelope::error(
                StatusCode::BAD_REQUEST,
                400,
                "Invalid Serial Number",
                Kind::WithResult,
            );
        };
        let meta = MetaData::new(page, size, 1);
        let items = if meta.this_page_item_count == 1 {
            vec![machines.planogram_item(i)]
        } else {
            Vec::new()
        };
        return envelope::ok(Paged {
            items,
            meta_data: meta,
        });
    }
    let meta = MetaData::new(page, size, machines.len() as u64);
    let start = meta.offset() as usize;
    let items: Vec<_> = (start..start + meta.this_page_item_count as usize)
        .map(|i| machines.planogram_item(i))
        .collect();
    if items.is_empty() {
        return envelope::empty(app.config.dialect.empty);
    }
    envelope::ok(Paged {
        items,
        meta_data: meta,
    })
}
