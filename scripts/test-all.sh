#!/usr/bin/env bash
# Runs every test of the repository: Rust lints and tests, then each binding against the real
# built artifact, then the cross-language completeness check. Exits non-zero on the first failure.
#
# Usage: scripts/test-all.sh            (from anywhere; needs Rust, Python 3.9+, Node 20, JDK 17, Maven)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check

step "clippy (all default members, all targets, warnings are errors)"
cargo clippy --all-targets --locked -- -D warnings

step "rustdoc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked

step "cargo test (core, sandbox, CLI, FFI conversions; debug)"
cargo test --locked

step "Python binding"
bash bindings-python/scripts/test.sh

step "Node binding"
bash bindings-node/scripts/test.sh

step "Kotlin/Swift binding"
bash bindings-ffi/scripts/test.sh

step "every binding exposes every core method"
python3 tests/check_api_coverage.py

printf '\nall test suites passed\n'
