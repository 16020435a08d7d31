//! Machine information (document section 4): planograms of one machine or of all.

use futures::TryStreamExt;

use crate::error::Result;
use crate::models::{MachinePage, MachinePlanogram};
use crate::operations as ops;
use crate::pagination::{ItemStream, PageStream};
use crate::reports::{self, LowStockRow};
use crate::response;
use crate::transport::ApiRequest;
use crate::{validate, Client};

/// Machine operations. Get one with [`Client::machines`].
#[derive(Debug, Clone)]
pub struct Machines {
    pub(crate) client: Client,
}

impl Machines {
    /// One machine with its planogram, by WTN serial number (M1 with `serialNo`). `None` when
    /// the server answers with no item, or only with machines of other serial numbers.
    pub async fn planogram(&self, serial_no: impl AsRef<str>) -> Result<Option<MachinePlanogram>> {
        let serial_no = serial_no.as_ref();
        validate::non_empty("serial_no", serial_no)?;
        let req = ApiRequest::new(
            &ops::MACHINES_PLANOGRAM,
            "api/Machine/GetMachinePlanogramDetails",
        )
        .query("serialNo", serial_no);
        let raw = self.client.transport.send(&req).await?;
        let page: Option<MachinePage> = response::envelope(&ops::MACHINES_PLANOGRAM, &raw)?;
        let items = page.map(|p| p.items).unwrap_or_default();
        // The document's own single-machine example answers with two machines: pick the one
        // asked for, and accept a lone item whatever its serial (the server filtered for us).
        let wanted = serial_no.trim();
        let single = items.len() == 1;
        Ok(items.into_iter().find(|m| {
            single
                || m.machine
                    .control_board_serial_no
                    .as_deref()
                    .is_some_and(|s| s.trim().eq_ignore_ascii_case(wanted))
        }))
    }

    /// One page of machines with planograms (M1 with `page`, `pageSize`).
    pub async fn list(&self, page: u32, page_size: u32) -> Result<MachinePage> {
        validate::page(page)?;
        validate::page_size(page_size)?;
        let req = ApiRequest::new(
            &ops::MACHINES_LIST,
            "api/Machine/GetMachinePlanogramDetails",
        )
        .query("page", page)
        .query("pageSize", page_size);
        let raw = self.client.transport.send(&req).await?;
        response::envelope_required(&ops::MACHINES_LIST, &raw)
    }

    /// Every machine, page by page (default page size 100).
    pub fn iter_pages(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<PageStream<MachinePage>> {
        let (size, conc) = super::pager_options(&self.client, page_size, concurrency)?;
        Ok(super::page_stream(
            &self.client,
            conc,
            move |c, n| async move { c.machines().list(n, size).await },
        ))
    }

    /// Every machine, item by item; see [`Machines::iter_pages`].
    pub fn iter(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<ItemStream<MachinePlanogram>> {
        Ok(self.iter_pages(page_size, concurrency)?.items())
    }

    /// The low-stock report ([`crate::reports`]): every selection at or under its critical or
    /// low level, worst first, for the machine `serial_no` or, when it is `None`, for every
    /// machine (walked with `concurrency` pages in flight). An unknown serial number gives no
    /// rows. Fails as [`Machines::planogram`] or [`Machines::iter`] do.
    pub async fn low_stock(
        &self,
        serial_no: Option<String>,
        concurrency: Option<u32>,
    ) -> Result<Vec<LowStockRow>> {
        let mut rows = match serial_no {
            Some(serial) => self
                .planogram(serial)
                .await?
                .map(|m| reports::machine_low_stock(&m))
                .unwrap_or_default(),
            None => {
                let mut rows = Vec::new();
                let mut machines = self.iter(None, concurrency)?;
                while let Some(machine) = machines.try_next().await? {
                    rows.extend(reports::machine_low_stock(&machine));
                }
                rows
            }
        };
        reports::sort_worst_first(&mut rows);
        Ok(rows)
    }
}
