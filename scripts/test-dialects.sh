#!/usr/bin/env bash
# Runs every binding's sandbox suite again with the sandbox playing the OPPOSITE reading of the
# vendor document on every ambiguity (IQTECH_SANDBOX_DIALECT=opposite; the default is the strict
# reading, see sandbox/src/dialect.rs and docs/api-notes.md), reusing the builds that
# scripts/test-all.sh made before it: the CLI's tests, the installed Python wheel, the built Node
# addon and the FFI library. The core's own end-to-end tests cover each dialect setting on its
# own (core/tests/sandbox_e2e.rs), so they are not repeated here.
#
# Usage: scripts/test-dialects.sh [DIALECT]   (default: opposite; any `key=value,...` works)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
export IQTECH_SANDBOX_DIALECT="${1:-opposite}"
unset IQTECH_CLIENT_ID IQTECH_CLIENT_SECRET IQTECH_AUTH_URL IQTECH_API_URL
echo "sandbox dialect: $IQTECH_SANDBOX_DIALECT"

echo "--- CLI (cargo test -p iqtech-cli)"
cargo test --locked -q -p iqtech-cli

echo "--- Python (installed wheel in target/py-test-venv)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# pytest exits 5 when it collects nothing: a failure here too.
(cd "$work" && "$root/target/py-test-venv/bin/python" -m pytest "$root/bindings-python/tests" \
    -p no:cacheprovider -q --timeout 120)

echo "--- Node (built addon in bindings-node)"
(cd bindings-node && node --test tests/) > "$work/node.tap" 2>&1 || { cat "$work/node.tap"; exit 1; }
tail -n 9 "$work/node.tap"
grep -Eq '^# pass [1-9]' "$work/node.tap" || { echo "node: no test passed" >&2; exit 1; }

echo "--- Kotlin (JUnit on the FFI library in target/debug)"
mvn -q -B -f bindings-ffi/kotlin/pom.xml -Diqtech.lib.dir="$root/target/debug" surefire:test
python3 - bindings-ffi/kotlin/target/surefire-reports <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failures = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    r = ET.parse(path).getroot()
    tests += int(r.get("tests", 0)); failures += int(r.get("failures", 0)) + int(r.get("errors", 0))
print(f"kotlin: {tests - failures} passed, {failures} failed")
sys.exit(1 if tests == 0 or failures else 0)
PY
