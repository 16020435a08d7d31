#!/usr/bin/env bash
# Node binding (npm package `iqtech`): install, build the addon (debug), run the tests against
# the embedded sandbox, type-check and run the JS/TS examples as another project would, and
# check both `require` (CommonJS) and `import` (ESM). Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
# The examples use the real API when credentials are set; tests must only reach loopback.
unset IQTECH_CLIENT_ID IQTECH_CLIENT_SECRET IQTECH_AUTH_URL IQTECH_API_URL

echo "== node binding: npm ci"
cd "$here"
npm ci --no-audit --no-fund

echo "== node binding: napi build --platform (debug)"
node scripts/build.mjs

echo "== node binding: node --test"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
node --test --test-reporter=tap tests/ | tee "$report"
count="$(sed -n 's/^# tests \([0-9][0-9]*\)$/\1/p' "$report" | tail -1)"
if [ -z "$count" ] || [ "$count" -eq 0 ]; then
  echo "node binding: no test ran" >&2
  exit 1
fi
grep -q '^# fail 0$' "$report" || { echo "node binding: tests failed" >&2; exit 1; }

echo "== node binding: examples (installed from ../../bindings-node like another project)"
cd "$root/examples/node"
npm ci --no-audit --no-fund
npx tsc -p . --noEmit --strict
rm -rf dist
npx tsc -p .
for example in quickstart.js quickstart.mjs dist/will-call.js dist/employees.mjs; do
  echo "-- $example"
  node "$example"
done

echo "== node binding: require (CommonJS) and import (ESM) of the installed package"
node -e "
const iq = require('iqtech');
for (const name of ['Client', 'Sandbox', 'IqtechError', 'ApiError', 'NotFoundError', 'ValidationError']) {
  if (typeof iq[name] !== 'function') { console.error('require: missing ' + name); process.exit(1) }
}
console.log('require ok')"
node --input-type=module -e "
import iq, { Client, Sandbox, NotFoundError, IqtechError } from 'iqtech';
import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('iqtech');
if (Client !== cjs.Client || iq.Client !== Client || typeof Sandbox.start !== 'function'
    || !(Object.create(NotFoundError.prototype) instanceof IqtechError)) process.exit(1);
console.log('import ok')"

echo "node binding: $count tests passed; examples, tsc --strict, ESM and CJS ok"
