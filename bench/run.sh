#!/usr/bin/env bash
# The benchmark of issue 11, every part in one run (see README.md). Not run by CI.
#
#   bench/run.sh [rust] [python] [node] [kotlin] [export] [floor]     (default: all that can run)
#
# Starts two static loopback servers (`iqbench serve`): a fast one and one with 20 ms latency per
# API answer (the paging walk), runs each language's contenders against them, and stops them.
# Builds in release: bench/rust (its own workspace and target dir) and, for `export`, the CLI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(floor rust python node kotlin export)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"

(cd "$here/rust" && nice -n 10 cargo build --release -q)
bin="$here/rust/target/release/iqbench"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
serve() { # serve OUTVAR ARGS...: starts a server, sets OUTVAR to its URL
  local var=$1; shift
  local log; log="$(mktemp)"
  "$bin" serve "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do [ -s "$log" ] && break; sleep 0.1; done
  printf -v "$var" '%s' "$(head -1 "$log")"
}
serve fast
serve slow --latency-ms 20

if want floor; then "$bin" floor; fi
if want rust; then "$bin" rust --url "$fast" --slow-url "$slow"; fi
if want python; then
  if python3 -c 'import iqtech' 2>/dev/null; then
    python3 "$here/python/bench.py" "$fast" "$slow"
  else
    echo "# python: skipped (no iqtech module; build it with maturin in bindings-python)"
  fi
fi
if want node; then
  if ls "$root"/bindings-node/*.node >/dev/null 2>&1; then
    node "$here/node/bench.mjs" "$fast" "$slow"
  else
    echo "# node: skipped (no built addon in bindings-node)"
  fi
fi
if want kotlin; then
  if command -v mvn >/dev/null && command -v java >/dev/null; then
    "$here/kotlin/run.sh" "$fast"
  else
    echo "# kotlin: skipped (needs a JDK 17+ and Maven)"
  fi
fi
if want export; then
  (cd "$root" && nice -n 10 cargo build --release -q -p iqtech-cli)
  # Three exports per N with the floor before, between and after, in the same run: this VM kind
  # varies by up to 2× from minute to minute, so one export against one floor says little.
  floor_rate() { "$bin" floor | sed -n 's/^decode floor: .* = \([0-9]*\) rows\/s.*/\1/p'; }
  for n in 100000 1000000; do
    serve big --transactions "$n"
    echo "# CLI export of $n transactions ($((n * 3)) rows) to CSV, concurrency 8, load $(cut -d' ' -f1 /proc/loadavg)"
    floors=("$(floor_rate)") rates=()
    for run in 1 2 3; do
      out="$(mktemp)"
      log="$(IQTECH_CLIENT_ID=bench IQTECH_CLIENT_SECRET=bench-secret IQTECH_AUTH_URL="$big" IQTECH_API_URL="$big" \
        /usr/bin/time -f "peak RSS %M KB, %e s wall, %U s user, %S s sys" \
        "$root/target/release/iqtech" --no-progress --concurrency 8 -o "$out" transactions export 2>&1)"
      rate="$(sed -n 's/^exported .*(\([0-9]*\) rows\/s)$/\1/p' <<<"$log")"
      rates+=("$rate")
      echo "  run $run: $(tr '\n' ' ' <<<"$log")| $(wc -l <"$out") lines, $(du -h "$out" | cut -f1)"
      rm -f "$out"
      floors+=("$(floor_rate)")
    done
    python3 - "${floors[*]}" "${rates[*]}" <<'PY'
import statistics, sys
floors = [int(x) for x in sys.argv[1].split()]
rates = [int(x) for x in sys.argv[2].split()]
floor, rate = statistics.median(floors), statistics.median(rates)
print(f"  decode floor {min(floors)}–{max(floors)} rows/s (median {floor:.0f}); export {min(rates)}–{max(rates)} rows/s (median {rate:.0f})")
print(f"  export / floor: median {rate / floor:.2f} (each run against the floor before it: "
      + ", ".join(f"{r / f:.2f}" for r, f in zip(rates, floors)) + "); goal ≥ 0.7")
PY
  done
fi
