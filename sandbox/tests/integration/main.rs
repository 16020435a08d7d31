//! Integration tests: real HTTP on loopback against an in-process sandbox.

mod auth;
mod common;
mod employees;
mod faults;
mod machines;
mod transactions;
mod will_call;
