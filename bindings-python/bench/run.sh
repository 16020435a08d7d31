#!/usr/bin/env bash
# Builds the wheel in release mode into a fresh virtualenv with httpx and requests, then runs
# bench.py. Not part of the tests: it reports ratios measured in one run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
venv="${IQTECH_BENCH_VENV:-$root/target/py-bench-venv}"
rm -rf "$venv"
"${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.16,<2" httpx requests
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$here" && "$venv/bin/maturin" build --release --locked --interpreter "$venv/bin/python" --out "$out")
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall "$out"/iqtech-*.whl
cd "$out" && "$venv/bin/python" "$here/bench/bench.py"
