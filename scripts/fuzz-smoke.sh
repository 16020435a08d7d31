#!/usr/bin/env bash
# Runs every fuzz target of the core briefly (default 20 s each, FUZZ_SECONDS to change), one at
# a time, from the committed seeds (core/fuzz/seeds). Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`). Fails on the first crash; the input is left in
# core/fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../core"
seconds="${FUZZ_SECONDS:-20}"
for target in decode_responses error_shapes validators; do
  mkdir -p "fuzz/corpus/$target"
  echo "fuzz-smoke: $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=1024 -max_len=8192
done
