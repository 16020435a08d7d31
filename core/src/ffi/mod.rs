//! Binding support that must live in the core crate, one module per binding and feature.
//!
//! Rust's orphan rule lets only this crate implement foreign traits (uniffi's custom types,
//! pyo3's `IntoPyObject`) for its own models, so those impls sit here; everything else a binding
//! needs lives in the binding's own crate.

#[cfg(feature = "python")]
pub mod python;
#[cfg(feature = "uniffi")]
mod uniffi;
