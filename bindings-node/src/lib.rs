//! # iqtech-node — the Node.js binding of the iQ Tech SDK (npm package `iqtech`)
//!
//! A napi-rs addon over the Rust core (`iqtech`). It converts types and maps errors, nothing
//! more: every check, retry, page walk and decoding rule lives in the core.
//!
//! One file per core module, as in the core: [`client`], [`employees`], [`will_call`],
//! [`machines`], [`transactions`], [`pagination`], [`error`], plus the glue that has no core
//! twin: [`convert`] (JavaScript values ⇄ the core's serde models, camelCase keys), [`promise`]
//! (settling JavaScript promises from the core's runtime) and [`sandbox`] (the embedded fake
//! server for tests).
//!
//! The thin JavaScript layer beside this crate (`index.js`, `index.mjs`, `index.d.ts`) defines
//! the error classes (registered here through `__setErrorFactory`), makes pagers async-iterable
//! and provides the ESM/CommonJS entry points.

#![deny(missing_docs)]

pub mod client;
pub mod convert;
pub mod employees;
pub mod error;
pub mod machines;
pub mod pagination;
pub mod promise;
pub mod sandbox;
pub mod transactions;
pub mod will_call;

use napi_derive::napi;

/// The TypeScript declarations of the core's models and of the sandbox's types, generated from
/// their Rust definitions (used by the build to complete the generated `.d.ts`; not part of the
/// public API).
#[napi(js_name = "__typescriptDeclarations")]
pub fn typescript_declarations() -> String {
    let mut sandbox = iqtech::ffi::node::Declarations::new();
    iqtech_sandbox::typescript::visit_types(&mut sandbox);
    let header = "Types of the sandbox, generated from iqtech-sandbox (iqtech_sandbox::typescript). Do not edit.";
    format!(
        "{}\n{}",
        iqtech::ffi::node::typescript_declarations(),
        sandbox.module(header)
    )
}

/// The `User-Agent` this binding sends.
pub(crate) fn user_agent() -> String {
    format!("iqtech-node/{}", env!("CARGO_PKG_VERSION"))
}
