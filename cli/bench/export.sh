#!/usr/bin/env bash
# Benchmark of `iqtech transactions export` (issue 3). Not part of CI.
#
# 1. Builds the release `iqtech` and `iqtech-sandbox` binaries.
# 2. Starts the sandbox as its own process (so the CLI's peak memory is the CLI's alone) with
#    100,000 transactions.
# 3. Exports all of them to CSV with no injected latency, at page concurrency 1 and 8: prints
#    rows per second (the CLI's own timing of the export) and peak memory (max RSS from
#    /usr/bin/time -v when present, else the CLI's VmHWM via its hidden --report-memory flag).
# 4. Injects 20 ms of latency on every transaction page (POST /_sandbox/faults, route
#    "transactions.list") and exports again at concurrency 1 and 8; prints the speed-up ratio.
#
# Usage: cli/bench/export.sh [TRANSACTIONS]   (default 100000)
set -euo pipefail

COUNT="${1:-100000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

echo "building release binaries…" >&2
cargo build --release -q -p iqtech-cli -p iqtech-sandbox
BIN="$ROOT/target/release/iqtech"
SANDBOX="$ROOT/target/release/iqtech-sandbox"

WORK="$(mktemp -d)"
SANDBOX_PID=""
cleanup() {
    if [[ -n "$SANDBOX_PID" ]]; then kill "$SANDBOX_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$SANDBOX" --port 0 --transactions "$COUNT" >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
URL=""
for _ in $(seq 1 100); do
    URL="$(sed -n 's/^API URL: *\(http[^ ]*\).*/\1/p' "$WORK/sandbox.log" | head -n1)"
    [[ -n "$URL" ]] && break
    sleep 0.1
done
[[ -n "$URL" ]] || { echo "the sandbox did not start:" >&2; cat "$WORK/sandbox.log" >&2; exit 1; }
echo "sandbox at $URL with $COUNT transactions" >&2

HAVE_TIME=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then HAVE_TIME=1; fi

# export CONCURRENCY LABEL → prints "LABEL: rows/s, peak memory, seconds"; sets RATE.
export_once() {
    local conc="$1" label="$2"
    local out="$WORK/tx.csv" err="$WORK/err.txt"
    local cmd=("$BIN" --api-url "$URL" --auth-url "$URL" --client-id sandbox-client
        --concurrency "$conc" --report-memory -o "$out" transactions export)
    if [[ $HAVE_TIME == 1 ]]; then
        IQTECH_CLIENT_SECRET=sandbox-secret /usr/bin/time -v "${cmd[@]}" 2>"$err"
    else
        IQTECH_CLIENT_SECRET=sandbox-secret "${cmd[@]}" 2>"$err"
    fi
    local rows secs rate rss
    rows="$(($(wc -l <"$out") - 1))"
    [[ "$rows" == "$COUNT" ]] || { echo "expected $COUNT rows, got $rows" >&2; cat "$err" >&2; exit 1; }
    secs="$(sed -n 's/^exported .* in \([0-9.]*\) s .*/\1/p' "$err")"
    rate="$(sed -n 's/^exported .*(\([0-9]*\) rows\/s)$/\1/p' "$err")"
    if [[ $HAVE_TIME == 1 ]]; then
        rss="$(sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\)/\1/p' "$err") kB (max RSS)"
    else
        rss="$(sed -n 's/^peak memory (VmHWM): *//p' "$err") (VmHWM)"
    fi
    printf '%-34s %8s rows/s  %7s s  peak memory %s\n' "$label" "$rate" "$secs" "$rss"
    SECS="$secs"
}

echo
echo "== export of $COUNT transactions to CSV (release build, sandbox in its own process) =="
export_once 1 "no latency, concurrency 1:"
export_once 8 "no latency, concurrency 8:"

curl -fsS -X POST "$URL/_sandbox/faults" -H 'content-type: application/json' \
    -d '{"route": "transactions.list", "latency_ms": 20}' >/dev/null
export_once 1 "20 ms latency, concurrency 1:"
SLOW="$SECS"
export_once 8 "20 ms latency, concurrency 8:"
FAST="$SECS"
awk -v slow="$SLOW" -v fast="$FAST" \
    'BEGIN { printf "20 ms latency: concurrency 8 is %.2fx faster than concurrency 1\n", slow / fast }'
