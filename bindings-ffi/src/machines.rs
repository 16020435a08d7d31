//! Machines and planograms (document section 4).

use std::sync::Arc;

use iqtech::{MachinePage, MachinePlanogram};

use crate::error::IqtechError;
use crate::pagination::{pages, MachinePageStream, MachinePlanogramStream};
use crate::runtime::run;

/// Machine operations. Get one with `client.machines()`.
#[derive(Debug, uniffi::Object)]
pub struct Machines {
    inner: iqtech::Machines,
}

impl Machines {
    pub(crate) fn new(inner: iqtech::Machines) -> Self {
        Self { inner }
    }
}

#[uniffi::export]
impl Machines {
    /// One machine with its planogram, by WTN serial number (M1); null when the server answers
    /// with no item.
    pub async fn planogram(
        &self,
        serial_no: String,
    ) -> Result<Option<MachinePlanogram>, IqtechError> {
        let g = self.inner.clone();
        run(async move { g.planogram(&serial_no).await }).await
    }

    /// One page of machines with planograms (M1). `page` counts from 1; `page_size` is 1 to 100.
    pub async fn list(&self, page: u32, page_size: u32) -> Result<MachinePage, IqtechError> {
        let g = self.inner.clone();
        run(async move { g.list(page, page_size).await }).await
    }

    /// Every machine, item by item (default page size 100). Lazy; fails at once on invalid
    /// options.
    #[uniffi::method(default(page_size = None, concurrency = None))]
    pub fn iter(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<Arc<MachinePlanogramStream>, IqtechError> {
        Ok(MachinePlanogramStream::new(
            self.inner.iter(page_size, pages(concurrency))?,
        ))
    }

    /// Every machine, page by page; see `iter`.
    #[uniffi::method(default(page_size = None, concurrency = None))]
    pub fn iter_pages(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<Arc<MachinePageStream>, IqtechError> {
        Ok(MachinePageStream::new(
            self.inner.iter_pages(page_size, pages(concurrency))?,
        ))
    }
}
