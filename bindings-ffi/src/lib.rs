//! # iqtech-ffi — the iQ Tech SDK for Kotlin and Swift
//!
//! A uniffi crate (proc-macros, library mode) over the [`iqtech`] core, for Android and iOS
//! kiosk apps. It converts types and maps errors, nothing more: retries, paging, validation,
//! decoding and defaults are the core's.
//!
//! - [`Client`] from the core's [`iqtech::ClientSettings`] record (or `Client.fromEnv()`).
//! - [`operations`]: every group object (`employees()`, `willCall()`, …), every method and every
//!   pager object, expanded from the core's operation table. Calls are `suspend` in Kotlin and
//!   `async throws` in Swift ([`runtime`] says where they run and what cancelling does).
//! - Records and enums are the core's models (derived under the core's `uniffi` feature);
//!   money, dates and instants cross as text (see `core/src/ffi/uniffi.rs`).
//! - One error type, [`IqtechError`] (`IqtechException` in Kotlin), built from
//!   [`iqtech::Error::details`].
//! - Feature `sandbox`: the embedded fake server as `Sandbox.start()`, for offline tests.
//!
//! Generate the bindings from an unstripped build (`target/debug/libiqtech_ffi.so`): see
//! `scripts/test.sh` and the README.

// The error enum is returned by value because uniffi serialises it field by field into the
// foreign exception; it is large (an API error carries twelve fields), but errors are rare and
// leave Rust at once, so boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!("iqtech_ffi");

mod client;
mod error;
pub mod operations;
pub mod runtime;
#[cfg(feature = "sandbox")]
mod sandbox;

pub use client::Client;
pub use error::IqtechError;
#[cfg(feature = "sandbox")]
pub use sandbox::{parse_dialect, Sandbox, SandboxError};
