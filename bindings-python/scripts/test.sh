#!/usr/bin/env bash
# Tests the Python binding for real: builds the wheel (debug) with maturin, installs it into a
# fresh virtualenv, and runs pytest, mypy --strict, stubtest and the examples against the
# embedded sandbox. Exits non-zero on any failure.
#
# Usage: bindings-python/scripts/test.sh   (from anywhere; needs Rust and Python >= 3.9)
# Env:   PYTHON (interpreter to use, default python3), IQTECH_PY_VENV (venv folder, recreated
#        on every run; default target/py-test-venv, a fixed path so pyo3's build cache stays valid).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"   # bindings-python/
root="$(cd "$here/.." && pwd)"
cd "$here"

python="${PYTHON:-python3}"
step() { printf '\n--- python binding: %s ---\n' "$*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/iqtech-py.XXXXXX")"
trap 'rm -rf "$work"' EXIT
venv="${IQTECH_PY_VENV:-$root/target/py-test-venv}"

step "fresh virtualenv ($("$python" --version 2>&1)) with maturin, pytest, pytest-timeout, mypy"
rm -rf "$venv"
"$python" -m venv "$venv"
vpy="$venv/bin/python"
"$vpy" -m pip install --quiet --disable-pip-version-check "maturin>=1.16,<2" "pytest>=7" "pytest-timeout>=2" "mypy>=1.10"

step "generated files (stub, errors.py, types.py) are up to date with the core's tables and models"
"$vpy" scripts/gen_stubs.py --check

step "clippy (iqtech-python, and the core's python feature), warnings are errors"
export PYO3_PYTHON="$vpy"
(cd "$root" && cargo clippy --locked -p iqtech-python --all-targets -- -D warnings)
(cd "$root" && cargo clippy --locked -p iqtech --features python --lib -- -D warnings)

step "rustdoc of the core's python feature, warnings are errors"
# The workspace's rustdoc step builds the core without this feature, so it cannot see these docs.
(cd "$root" && RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p iqtech --features python)

step "core unit tests of the python feature"
# The filter is a module path; a filter that matches nothing runs 0 tests and passes, so the
# count is checked.
ran="$(cd "$root" && cargo test --locked -q -p iqtech --features python --lib ffi::python:: 2>&1)" \
  || { printf '%s\n' "$ran"; exit 1; }
printf '%s\n' "$ran" | tail -1
printf '%s\n' "$ran" | grep -Eq 'test result: ok\. [1-9][0-9]* passed' \
  || { echo "no core unit test of the python feature ran" >&2; exit 1; }

step "build the wheel (debug) and install it"
"$venv/bin/maturin" build --locked --interpreter "$vpy" --out "$work/wheels"
wheel="$(ls "$work"/wheels/iqtech-*.whl)"
"$vpy" -m pip install --quiet --disable-pip-version-check --force-reinstall "$wheel"
"$vpy" - <<'EOF'
import pathlib, iqtech
pkg = pathlib.Path(iqtech.__file__).parent
for name in ("py.typed", "_native.pyi"):
    assert (pkg / name).is_file(), f"{name} is not in the wheel"
print("installed", iqtech.__version__, "from", pkg)
EOF

step "pytest against the sandbox"
# Run from a temporary folder so `import iqtech` finds the installed wheel, not the sources.
# pytest exits 5 when it collects nothing: that is a failure here too (set -e). A test that hangs
# (the deadlock this binding guards against) fails after 120 s with every thread's stack.
junit="$work/pytest.xml"
(cd "$work" && timeout 900 "$vpy" -m pytest "$here/tests" -p no:cacheprovider -q --timeout 120 --junitxml "$junit")
"$vpy" - "$junit" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root if root.tag == "testsuite" else root.find("testsuite")
ran = int(suite.get("tests", 0)) - int(suite.get("skipped", 0))
if ran < 40:
    sys.exit(f"only {ran} tests ran; the Python binding's suite has more than 40")
EOF

step "mypy --strict on the tests and the examples (against the installed stub)"
(cd "$work" && "$vpy" -m mypy --strict --no-incremental "$here/tests")
(cd "$work" && "$vpy" -m mypy --strict --no-incremental "$root/examples/python")

step "stubtest: the stub agrees with the built module"
(cd "$work" && "$vpy" -m mypy.stubtest iqtech._native)

step "examples under examples/python (offline, against the sandbox)"
for example in "$root"/examples/python/*.py; do
    printf '  %s\n' "${example#"$root"/}"
    (cd "$work" && env -u IQTECH_CLIENT_ID -u IQTECH_CLIENT_SECRET timeout 300 "$vpy" "$example" >"$work/example.out" 2>&1) || {
        cat "$work/example.out"
        echo "example failed: $example" >&2
        exit 1
    }
done

step "all Python binding checks passed"
