//! `client.machines`: planogram, list, iter.

use crate::convert::{to_u32, to_usize};
use crate::macros::operations;

operations! {
    /// Machine operations of `iqtech.Client` (document section 4).
    sync Machines;
    /// Machine operations of `iqtech.AsyncClient` (document section 4).
    async AsyncMachines;

    /// One machine with its planogram, by WTN serial number; `None` when the server has none.
    #[pyo3(signature = (serial_no))]
    call fn planogram(py, c, serial_no: [String]) {
        async move { c.machines().planogram(&serial_no).await }
    }

    /// One page of machines with their planograms.
    #[pyo3(signature = (page=1, page_size=100))]
    call fn list(py, c, page: [i64], page_size: [i64]) {
        let (page, size) = (to_u32(py, "page", page)?, to_u32(py, "page_size", page_size)?);
        async move { c.machines().list(page, size).await }
    }

    /// Every machine with its planogram, lazily and in order.
    #[pyo3(signature = (page_size=None, concurrency=None))]
    iter fn iter(py, c, page_size: [Option<i64>], concurrency: [Option<i64>]) {
        let size = page_size.map(|v| to_u32(py, "page_size", v)).transpose()?;
        let conc = concurrency.map(|v| to_usize(py, "concurrency", v)).transpose()?;
        c.machines().iter(size, conc)
    }
}
