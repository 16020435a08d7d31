//! `client.transactions`: list, iter.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{input, to_usize};
use crate::macros::operations;

operations! {
    /// The transaction report of `iqtech.Client` (document section 5).
    sync Transactions;
    /// The transaction report of `iqtech.AsyncClient` (document section 5).
    async AsyncTransactions;

    /// One page of the report. Filters (all optional): `from_date`, `to_date` (inclusive
    /// `datetime.date`s), `serial_no`, `page` (default 1), `page_size` (default 100).
    #[pyo3(signature = (data=None, /, **kwargs))]
    call fn list(py, c, data: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
        let query: iqtech::TransactionQuery = input(py, data, kwargs)?;
        async move { c.transactions().list(query).await }
    }

    /// The whole report for the filters, transaction by transaction (`page` is ignored).
    #[pyo3(signature = (data=None, /, *, concurrency=None, **kwargs))]
    iter fn iter(py, c, data: [Option<&Bound<'_, PyAny>>], concurrency: [Option<i64>], kwargs: [Option<&Bound<'_, PyDict>>]) {
        let query: iqtech::TransactionQuery = input(py, data, kwargs)?;
        let conc = concurrency.map(|v| to_usize(py, "concurrency", v)).transpose()?;
        c.transactions().iter(query, conc)
    }
}
