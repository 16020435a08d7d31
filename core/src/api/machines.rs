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
    /// One machine with its planogram, by WTN serial number (M1 with `serialNo`).
    ///
    /// The single-machine rule (docs/api-notes.md, M1; the document's own example answers with
    /// two machines): the item whose `control_board_serial_no` or `machine_serial_no` equals
    /// `serial_no` (trimmed, case-insensitive) is returned. A lone item with neither serial is
    /// taken as the server's filtered answer. Otherwise `None`: never a machine of another
    /// serial. An empty, `null` or 204 answer is `None` too.
    pub async fn planogram(&self, serial_no: impl AsRef<str>) -> Result<Option<MachinePlanogram>> {
        let serial_no = serial_no.as_ref();
        validate::non_empty("serial_no", serial_no)?;
        let req = ApiRequest::new(&ops::MACHINES_PLANOGRAM, &[])?.query("serialNo", serial_no);
        let page: MachinePage = self
            .client
            .transport
            .call(&req, response::envelope_or_empty)
            .await?;
        Ok(pick_machine(page.items, serial_no))
    }

    /// One page of machines with planograms (M1 with `page`, `pageSize`). A missing or `null`
    /// result, or a 204, is an empty page.
    pub async fn list(&self, page: u32, page_size: u32) -> Result<MachinePage> {
        validate::page(page)?;
        validate::page_size(page_size)?;
        let req = ApiRequest::new(&ops::MACHINES_LIST, &[])?
            .query("page", page)
            .query("pageSize", page_size);
        self.client
            .transport
            .call(&req, response::envelope_or_empty)
            .await
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
            move |c, n| async move {
                let mut page = c.machines().list(n, size).await?;
                super::infer_next_page(&mut page.meta, page.items.len(), size);
                Ok(page)
            },
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

/// The single-machine rule of [`Machines::planogram`].
pub(crate) fn pick_machine(
    items: Vec<MachinePlanogram>,
    serial_no: &str,
) -> Option<MachinePlanogram> {
    let wanted = serial_no.trim();
    let same = |s: &Option<String>| {
        s.as_deref()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case(wanted))
    };
    let blank = |s: &Option<String>| !s.as_deref().is_some_and(|s| !s.trim().is_empty());
    let single = items.len() == 1;
    items.into_iter().find(|m| {
        let (board, machine) = (
            &m.machine.control_board_serial_no,
            &m.machine.machine_serial_no,
        );
        same(board) || same(machine) || (single && blank(board) && blank(machine))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::Machine;

    fn machine(board: Option<&str>, serial: Option<&str>) -> MachinePlanogram {
        MachinePlanogram {
            machine: Machine {
                control_board_serial_no: board.map(str::to_owned),
                machine_serial_no: serial.map(str::to_owned),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn picks_the_machine_asked_for_and_never_another() {
        let two = vec![machine(Some("WTN1"), None), machine(Some("WTN2"), None)];
        let got = pick_machine(two, " wtn2 ").unwrap();
        assert_eq!(got.machine.control_board_serial_no.as_deref(), Some("WTN2"));
        let by_machine_serial = vec![machine(None, Some("M-9"))];
        assert!(pick_machine(by_machine_serial, "M-9").is_some());
        assert!(pick_machine(vec![machine(Some("WTN1"), None)], "WTN2").is_none());
        assert!(pick_machine(vec![machine(None, Some("M-1"))], "WTN2").is_none());
        assert!(pick_machine(vec![machine(None, None)], "WTN2").is_some());
        assert!(pick_machine(vec![machine(None, None), machine(None, None)], "WTN2").is_none());
        assert!(pick_machine(Vec::new(), "WTN2").is_none());
    }
}
