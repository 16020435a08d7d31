#!/usr/bin/env bash
# Runs every test of the repository: Rust lints and tests, then each binding against the real
# built artifact, the shared checks, the installable artifacts, the real proxies, a short fuzz
# run, and the sandbox suites again under the opposite dialect. Exits non-zero on the first
# failure.
#
# Usage: scripts/test-all.sh   (from anywhere; needs Rust stable + nightly, Python 3.9+, Node 20,
#                               JDK 17, Maven; root or sudo for apt-get (tinyproxy))
# Slow cross builds (aarch64 and musllinux wheels, the mobile libraries) are not run here:
# `scripts/build-wheels.sh --cross-only`, bindings-ffi/scripts/build-android.sh, build-ios.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check

step "clippy (all default members, all targets, warnings are errors)"
cargo clippy --all-targets --locked -- -D warnings

step "rustdoc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked

# Before `cargo test`: it installs mitmproxy and tinyproxy, which the TLS/proxy tests in the
# workspace need (under CI=true they fail rather than skip when a proxy is missing).
step "TLS and proxies against real programs (HTTPS sandbox, mitmproxy, tinyproxy)"
bash scripts/test-proxies.sh

step "cargo test (core, sandbox, CLI, bindings' Rust tests; debug)"
cargo test --locked

step "Python binding"
bash bindings-python/scripts/test.sh

step "Node binding"
bash bindings-node/scripts/test.sh

step "Kotlin/Swift binding"
bash bindings-ffi/scripts/test.sh

step "every binding exposes every operation and error class of the core's tables"
python3 tests/check_api_coverage.py

step "the sandbox suites of every binding again, under the opposite dialect"
bash scripts/test-dialects.sh

step "one version for every artifact"
bash scripts/check-version.sh
bash packaging/tests/check-version.sh

step "installable artifacts: npm loader and tarballs, Maven jar and consumer, portable wheel"
node --test packaging/npm/test/
bash packaging/tests/npm-pack.sh
bash packaging/tests/maven-consumer.sh
bash scripts/build-wheels.sh --x86-only
bash packaging/tests/wheel-without-rust.sh

step "fuzz targets, about 20 seconds each"
bash scripts/fuzz-smoke.sh

printf '\nall test suites passed\n'
