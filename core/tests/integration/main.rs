//! Integration tests of the `iqtech` core against real HTTP servers on loopback.
//!
//! One test binary (one link step) with a module per concern:
//! - `operations`: the request each of the 21 operations sends, and the decoding of the vendor
//!   document's own example payloads (`tests/fixtures/`);
//! - `errors`: every error shape the server produces;
//! - `auth`: the token request, caching, refresh, single-flight, 401 replay, secrets;
//! - `retries`: what is retried per operation class, `Retry-After`, lost answers;
//! - `pagination`: the auto-pagers, with and without concurrency;
//! - `validation`: caller mistakes caught before anything is sent;
//! - `config_env`: `Client::from_env`;
//! - `readings`: each place the vendor document reads two ways, under each reading;
//! - `corrupt`: corrupt 2xx answers (retried, or outcome unknown).

mod auth;
mod config_env;
mod corrupt;
mod errors;
mod operations;
mod pagination;
mod readings;
mod retries;
mod support;
mod validation;
