#!/usr/bin/env bash
# Builds the Kotlin/Swift binding and tests it for real:
#   1. the FFI library in debug (unstripped: uniffi-bindgen reads its metadata), with the
#      sandbox, plus the uniffi-bindgen binary of this crate (debug: LTO makes it slow);
#   2. Kotlin and Swift sources generated from that library (library mode);
#   3. the core's tables (`cargo run -q -p iqtech --example surface`): every operation, pager
#      and error class is checked in the generated Swift and Kotlin (no Swift compiler here;
#      the Swift side is compiled only on a Mac), and the Kotlin Flows are generated from them;
#   4. Kotlin: compiled with Maven (JNA, kotlinx-coroutines) and the JUnit tests run on this
#      JVM against the embedded sandbox, loading the real library; they read the same surface
#      JSON (error classes) and the shared vectors in tests/vectors.
# Exits non-zero on any failure. Needs cargo, python3, a JDK 17+ and Maven (Maven Central).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
crate="$(dirname "$here")"
root="$(dirname "$crate")"
cd "$root"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
lib_dir="$target_dir/debug"
lib="$lib_dir/libiqtech_ffi.so"
bindgen="$lib_dir/uniffi-bindgen"
kotlin_out="$crate/kotlin/target/generated-sources/uniffi"
swift_out="$crate/out/swift"
surface="$crate/kotlin/target/surface.json"

echo "==> building the FFI library (debug, with the sandbox) and uniffi-bindgen"
cargo build -p iqtech-ffi --features cli,sandbox

echo "==> generating Kotlin and Swift from $lib"
rm -rf "$kotlin_out" "$swift_out"
"$bindgen" generate --library "$lib" --language kotlin --out-dir "$kotlin_out" --no-format
# swift-format is absent here; the warning it prints is harmless.
"$bindgen" generate --library "$lib" --language swift --out-dir "$swift_out" --no-format

echo "==> reading the core's tables and checking the generated Swift and Kotlin against them"
cargo run -q -p iqtech --example surface > "$surface"
python3 "$here/check_generated.py" "$surface" \
    "$swift_out/IqtechSDK.swift" "$swift_out/IqtechModels.swift" \
    "$kotlin_out/com/iqtech/sdk/iqtech_ffi.kt" "$kotlin_out/com/iqtech/sdk/models/iqtech.kt"
python3 "$here/gen_flows.py" "$surface" "$kotlin_out/com/iqtech/sdk/PagerFlows.kt"

echo "==> compiling the Kotlin and running the JUnit tests"
# The tests assert that fromEnv() fails without credentials: keep the variables out.
env -u IQTECH_CLIENT_ID -u IQTECH_CLIENT_SECRET -u IQTECH_AUTH_URL -u IQTECH_API_URL \
    mvn -q -B -f "$crate/kotlin/pom.xml" -Diqtech.lib.dir="$lib_dir" -Diqtech.surface="$surface" test

reports="$crate/kotlin/target/surefire-reports"
python3 - "$reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failures = skipped = 0
for path in glob.glob(sys.argv[1] + "/TEST-*.xml"):
    suite = ET.parse(path).getroot()
    tests += int(suite.get("tests", 0))
    failures += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(f"JUnit: {tests} tests, {failures} failed, {skipped} skipped")
sys.exit(1 if tests == 0 or failures else 0)
PY
echo "==> bindings-ffi: all checks passed"
