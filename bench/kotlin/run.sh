#!/usr/bin/env bash
# Issue 11, goal 4: builds and runs the Kotlin benchmark against a running `iqbench serve`.
#
#   bench/kotlin/run.sh URL [ROUNDS] [WARMUP_ROUNDS]
#
# The SDK is used the way bindings-ffi/scripts/test.sh builds and loads it, but in release:
#   1. libiqtech_ffi.so in the release profile (no sandbox feature, as an app ships it);
#   2. uniffi-bindgen (debug, as test.sh builds it) generates the Kotlin from that library
#      (release keeps the symbols uniffi reads; only debug info is stripped);
#   3. Maven compiles the generated Kotlin with this module (JNA, coroutines, Jackson);
#   4. the JVM loads the real library through JNA (jna.library.path).
# Needs cargo, a JDK 17+ and Maven (Maven Central).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
url="${1:?usage: run.sh URL [ROUNDS] [WARMUP_ROUNDS]}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
lib_dir="$target_dir/release"
bindgen="$target_dir/debug/uniffi-bindgen"
gen="$here/target/generated-sources/uniffi"

cd "$root"
nice -n 10 cargo build -q --release -p iqtech-ffi
[ -x "$bindgen" ] || nice -n 10 cargo build -q -p iqtech-ffi --features cli --bin uniffi-bindgen
rm -rf "$gen"
"$bindgen" generate --library "$lib_dir/libiqtech_ffi.so" --language kotlin --out-dir "$gen" --no-format >/dev/null
mvn -q -B -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null
java -Djna.library.path="$lib_dir" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
    bench.BenchKt "$url" "${@:2}"
