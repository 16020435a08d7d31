//! The Python binding of the iQ Tech SDK: the extension module `iqtech._native`.
//!
//! It wraps the core crate (`iqtech`) and adds nothing but type conversion and error mapping:
//! one file per core module (`employees`, `will_call`, `machines`, `transactions`, `error`,
//! `pagination`), plus the glue Python needs — `runtime` (GIL, asyncio, fork), `convert`
//! (keyword arguments → core inputs), `logging` (to Python's `logging`) and `sandbox`
//! (`iqtech.testing.Sandbox`). The model classes are the core's own structs, made pyo3 classes
//! by the core's `python` feature (`core/src/ffi/python.rs`). The pure-Python side of the package
//! (`python/iqtech/`) holds the exception classes, the `str` enums and the type stub.

mod client;
mod convert;
mod employees;
mod error;
mod logging;
mod machines;
mod macros;
mod pagination;
mod runtime;
mod sandbox;
mod transactions;
mod will_call;

use pyo3::prelude::*;

/// The compiled part of the `iqtech` package; import `iqtech` instead.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(m.py())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(logging::refresh_logging, m)?)?;

    m.add_class::<client::Client>()?;
    m.add_class::<client::AsyncClient>()?;
    m.add_class::<employees::Employees>()?;
    m.add_class::<employees::AsyncEmployees>()?;
    m.add_class::<will_call::WillCall>()?;
    m.add_class::<will_call::AsyncWillCall>()?;
    m.add_class::<will_call::WillCallV1>()?;
    m.add_class::<will_call::AsyncWillCallV1>()?;
    m.add_class::<machines::Machines>()?;
    m.add_class::<machines::AsyncMachines>()?;
    m.add_class::<transactions::Transactions>()?;
    m.add_class::<transactions::AsyncTransactions>()?;
    m.add_class::<pagination::ItemIterator>()?;
    m.add_class::<pagination::AsyncItemIterator>()?;
    m.add_class::<sandbox::Sandbox>()?;
    runtime::register(m)?;

    m.add_class::<iqtech::PageMeta>()?;
    m.add_class::<iqtech::Employee>()?;
    m.add_class::<iqtech::EmployeePage>()?;
    m.add_class::<iqtech::Machine>()?;
    m.add_class::<iqtech::PlanogramEntry>()?;
    m.add_class::<iqtech::MachinePlanogram>()?;
    m.add_class::<iqtech::MachinePage>()?;
    m.add_class::<iqtech::TransactionMachine>()?;
    m.add_class::<iqtech::BatchDetail>()?;
    m.add_class::<iqtech::UserLimit>()?;
    m.add_class::<iqtech::TransactionDetail>()?;
    m.add_class::<iqtech::Transaction>()?;
    m.add_class::<iqtech::TransactionPage>()?;
    m.add_class::<iqtech::AccessCode>()?;
    m.add_class::<iqtech::ReservationResult>()?;
    m.add_class::<iqtech::ReservationStatus>()?;
    m.add_class::<iqtech::RecallResult>()?;
    m.add_class::<iqtech::ReservationDetail>()?;
    m.add_class::<iqtech::ReportMachine>()?;
    m.add_class::<iqtech::ReservedLockerReport>()?;
    m.add_class::<iqtech::LegacyReservedLockerReport>()?;
    Ok(())
}
