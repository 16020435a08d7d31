//! End-to-end tests of the `iqtech` binary against the sandbox: every subcommand, every output
//! format, exit codes, configuration, and a 100,000-transaction export.

mod commands;
mod common;
mod config;
mod errors;
mod export;
mod formats;
mod logs;
mod tls;
