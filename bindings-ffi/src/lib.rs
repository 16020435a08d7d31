//! # iqtech-ffi — the iQ Tech SDK for Kotlin and Swift
//!
//! A uniffi crate (proc-macros, library mode) over the [`iqtech`] core, for Android and iOS
//! kiosk apps. It converts types and maps errors, nothing more: retries, paging, validation
//! and decoding are the core's.
//!
//! - [`Client`] from a [`ClientConfig`] record (or `Client.fromEnv()`), with the core's groups
//!   as objects: `employees()`, `willCall()`, `willCallV1()`, `machines()`, `transactions()`.
//!   Every operation is `suspend` in Kotlin and `async throws` in Swift ([`runtime`] says
//!   where it runs and what cancelling does).
//! - Records and enums are the core's models (derived under the core's `uniffi` feature);
//!   money, dates and instants cross as text (see `core/src/ffi/uniffi.rs`).
//! - Paging: one pager object per item or page type ([`pagination`]), plus `Flow`s in Kotlin.
//! - One error type, [`IqtechError`] (`IqtechException` in Kotlin).
//! - Feature `sandbox`: the embedded fake server as `Sandbox.start()`, for offline tests.
//!
//! Generate the bindings from an unstripped build (`target/debug/libiqtech_ffi.so`): see
//! `scripts/test.sh` and the README.

// The error enum is returned by value because uniffi serialises it field by field into the
// foreign exception; it is large (an API error carries eight fields), but errors are rare and
// leave Rust at once, so boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!("iqtech_ffi");

mod client;
mod employees;
mod error;
mod machines;
pub mod pagination;
pub mod runtime;
#[cfg(feature = "sandbox")]
mod sandbox;
mod transactions;
mod will_call;

pub use client::{Client, ClientConfig};
pub use employees::Employees;
pub use error::IqtechError;
pub use machines::Machines;
pub use pagination::{
    EmployeePageStream, EmployeeStream, LegacyReservedLockerReportStream, MachinePageStream,
    MachinePlanogramStream, ReservationDetailStream, ReservedLockerReportStream,
    TransactionPageStream, TransactionStream,
};
#[cfg(feature = "sandbox")]
pub use sandbox::{FaultRule, Sandbox, SandboxError, SandboxOptions};
pub use transactions::Transactions;
pub use will_call::{WillCall, WillCallV1};
