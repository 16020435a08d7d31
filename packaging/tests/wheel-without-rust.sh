#!/usr/bin/env bash
# Installs the manylinux2014 x86_64 wheel into a fresh virtualenv and runs the Python quickstart
# (examples/python/quickstart.py) against the embedded sandbox, with NO Rust anywhere on PATH:
# the process runs under `env -i` with a PATH holding only an empty folder, so neither cargo nor
# rustc (nor a C compiler) could be used, and pip installs from the wheel file with --no-index.
# Proves a user without a Rust toolchain can `pip install iqtech` from the wheel.
#
# Usage: packaging/tests/wheel-without-rust.sh [WHEEL]
#   WHEEL defaults to $WHEEL_DIR (default dist/)/iqtech-*-manylinux_2_17_x86_64*.whl; when there is
#   none, scripts/build-wheels.sh --x86-only builds it first.
# Env: PYTHON (interpreter for the venv, default python3). Takes ~10 s once the wheel exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
wheel_dir="${WHEEL_DIR:-$root/dist}"
wheel="${1:-}"
if [ -z "$wheel" ]; then
  wheel="$(ls "$wheel_dir"/iqtech-*-cp39-abi3-*manylinux_2_17_x86_64*.whl 2>/dev/null | head -1 || true)"
  if [ -z "$wheel" ]; then
    echo "--- no x86_64 wheel in $wheel_dir: building it"
    WHEEL_DIR="$wheel_dir" "$root/scripts/build-wheels.sh" --x86-only
    wheel="$(ls "$wheel_dir"/iqtech-*-cp39-abi3-*manylinux_2_17_x86_64*.whl | head -1)"
  fi
fi
wheel="$(cd "$(dirname "$wheel")" && pwd)/$(basename "$wheel")"
echo "--- wheel: $(basename "$wheel")"

# The real interpreter (pyenv's `python3` is a shell shim that needs PATH).
python="$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')"
work="$(mktemp -d "${TMPDIR:-/tmp}/iqtech-wheel.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty-bin" "$work/home" "$work/run"
# The environment every step below runs in: nothing inherited, nothing on PATH.
clean=(env -i HOME="$work/home" PATH="$work/empty-bin" LANG=C.UTF-8 TMPDIR="$work")

if "${clean[@]}" /bin/sh -c 'command -v cargo || command -v rustc || command -v cc' >/dev/null 2>&1; then
  echo "wheel-without-rust: the clean PATH still finds a compiler" >&2
  exit 1
fi

echo "--- fresh venv ($("$python" --version)) and pip install --no-index of the wheel"
"${clean[@]}" "$python" -m venv "$work/venv"
vpy="$work/venv/bin/python"
"${clean[@]}" "$vpy" -m pip install --quiet --no-index --disable-pip-version-check --only-binary :all: "$wheel"

echo "--- the installed package is the wheel's (not a checkout), with its stub and licenses"
(cd "$work/run" && "${clean[@]}" "$vpy" - "$work/venv" <<'PY'
import importlib.metadata as md, pathlib, sys
import iqtech, iqtech._native
pkg = pathlib.Path(iqtech.__file__).resolve().parent
assert str(pkg).startswith(sys.argv[1]), f"iqtech imported from {pkg}, not the venv"
for name in ("py.typed", "_native.pyi"):
    assert (pkg / name).is_file(), f"{name} missing from the wheel"
dist = md.distribution("iqtech")
assert dist.version == iqtech.__version__, (dist.version, iqtech.__version__)
files = {str(f) for f in dist.files or []}
assert any(f.endswith("LICENSE-MIT") for f in files) and any(f.endswith("LICENSE-APACHE") for f in files), files
tags = [l.split(":", 1)[1].strip() for l in dist.read_text("WHEEL").splitlines() if l.startswith("Tag:")]
assert {"cp39-abi3-manylinux2014_x86_64", "cp39-abi3-manylinux_2_17_x86_64"} <= set(tags), tags
tag = ", ".join(tags)
print(f"iqtech {iqtech.__version__} from {pkg} ({tag})")
PY
)

echo "--- quickstart against the embedded sandbox"
"${clean[@]}" /bin/sh -c "cd '$work/run' && exec '$vpy' '$root/examples/python/quickstart.py'" | tee "$work/out.txt"
grep -Eq '^[0-9]+ employees; first: ' "$work/out.txt" || { echo "wheel-without-rust: the quickstart printed no employee page" >&2; exit 1; }
grep -q '^validation: field=' "$work/out.txt" || { echo "wheel-without-rust: the quickstart's validation step did not run" >&2; exit 1; }
echo "wheel-without-rust: 1 passed, 0 failed"
