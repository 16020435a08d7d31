//! # iqtech-node-support — the pure-Rust half of the Node binding
//!
//! Code the Node binding needs that does not touch napi, so it builds and tests as an ordinary
//! crate:
//!
//! - [`case`]: camelCase objects ⇄ the core's snake_case serde models (used by the addon at run
//!   time for every input and output);
//! - `typescript` (feature `codegen`): the TypeScript declarations of the whole public surface,
//!   generated from the core's tables and the ts-rs derives; the bin `iqtech-node-codegen` writes
//!   them at build time (`scripts/build.mjs`), so no generator ships in the addon.

#![deny(missing_docs)]

pub mod case;
mod json_text;
#[cfg(feature = "codegen")]
pub mod typescript;
