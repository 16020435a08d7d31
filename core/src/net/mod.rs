//! The network set-up of the HTTP client: which certificates it trusts ([`tls`]), which proxy
//! it goes through ([`proxy`]), and how a failure of either reads ([`failure`]).
//!
//! Everything here runs when a client is built (and again after a `fork()`), never per request.
//! Bindings hold none of it: they hand the settings `ca_bundle`, `use_system_roots`, `proxy` and
//! `no_proxy` to the core. See `docs/tls-and-proxies.md` for the user-facing rules.

pub(crate) mod failure;
pub(crate) mod proxy;
pub(crate) mod tls;
