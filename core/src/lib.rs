//! # iqtech — the iQ Tech Integration API client
//!
//! A complete async client for the iQ Tech Integration API v2.7.0: employees, will-call lockers
//! (both generations), machine planograms and the transaction report. It is the core of the
//! Python, Node.js and Kotlin/Swift SDKs, which wrap it without adding logic.
//!
//! ## Quickstart
//!
//! ```no_run
//! use futures::StreamExt;
//! use iqtech::{Client, EmployeeQuery};
//!
//! # async fn run() -> Result<(), iqtech::Error> {
//! // Reads IQTECH_CLIENT_ID and IQTECH_CLIENT_SECRET (and optional IQTECH_AUTH_URL/IQTECH_API_URL).
//! let client = Client::from_env()?;
//!
//! // One page.
//! let page = client.employees().list(1, 100).await?;
//! println!("{} employees in all", page.meta.total_item_count.unwrap_or(0));
//!
//! // Every employee, four pages in flight, in order.
//! let mut employees = client.employees().iter(None, Some(4))?;
//! while let Some(employee) = employees.next().await {
//!     let employee = employee?;
//!     println!("{:?} {:?}", employee.employee_number, employee.last_name);
//! }
//!
//! // Lookup: no match is an empty list.
//! let found = client
//!     .employees()
//!     .lookup(EmployeeQuery { last_name: Some("Pierce".into()), ..Default::default() })
//!     .await?;
//! # let _ = found;
//! # Ok(())
//! # }
//! ```
//!
//! ## Behaviour worth knowing
//! - **Tokens** are fetched once, shared by every clone, refreshed before they expire.
//! - **Retries** (3 attempts by default) cover connection failures, timeouts, 429, 502, 503 and
//!   504 for operations that are safe to repeat. Bookings, PINs, new codes and recalls are never
//!   sent twice: a lost answer gives [`Error::OutcomeUnknown`] with advice on how to check.
//! - **Errors**: every server error shape becomes [`ApiError`], classed by HTTP status; caller
//!   mistakes are [`Error::Validation`] naming the field, before anything is sent.
//! - **Models** decode tolerantly: unknown fields are ignored, enums keep unknown values, money
//!   is an exact [`rust_decimal::Decimal`], timestamps keep their raw text ([`Timestamp`]).
//! - Page types are concrete per operation ([`EmployeePage`], [`MachinePage`],
//!   [`TransactionPage`]) rather than a generic `Page<T>`, because the FFI binding cannot export
//!   generic types.

#![warn(missing_docs)]

mod api;
mod auth;
pub mod call;
mod client;
mod config;
mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod models;
mod net;
pub mod operations;
mod pagination;
pub mod reports;
mod response;
pub mod runtime;
mod settings;
pub mod surface;
mod transport;
mod validate;

// uniffi (feature `uniffi`, for bindings-ffi): the scaffolding must sit at the crate root, where
// the model derives look for `crate::UniFfiTag`.
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("iqtech");
// What each binding needs inside the core because of Rust's orphan rule: custom-type
// conversions (uniffi) and pyo3 class methods (python).
#[cfg(any(feature = "uniffi", feature = "python"))]
pub mod ffi;

pub use api::{Employees, Machines, Transactions, WillCall, WillCallV1};
pub use call::{HttpHeader, LogSink, RequestOptions, ResponseMeta, REQUEST_OPTIONS};
pub use client::Client;
pub use config::{
    ClientBuilder, Config, RetryPolicy, DEFAULT_API_URL, DEFAULT_AUTH_URL, ENV_API_URL,
    ENV_AUTH_URL, ENV_CA_BUNDLE, ENV_CLIENT_ID, ENV_CLIENT_SECRET, MAX_PAGE_SIZE,
};
pub use error::{
    error_class, ApiError, ApiErrorKind, Error, ErrorClass, ErrorDetails, FieldError, Result,
    BODY_SNIPPET_LIMIT, ERROR_CLASSES,
};
pub use models::*;
pub use pagination::{ItemStream, PageStream, Paged, Pager, ReadAhead, ReadAheadValues};
pub use reports::{LowStockRow, StockSeverity};
pub use settings::{ClientSettings, SettingKind, SettingSpec, TestServer, SETTINGS};
pub use validate::QUERY_DATE_FORMAT;

/// Compiles the root README's Rust quickstart as a doc test.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Re-exported so callers can name the types the models use.
pub use chrono::{NaiveDate, NaiveDateTime};
pub use rust_decimal::Decimal;
