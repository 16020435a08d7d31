#!/usr/bin/env bash
# Proves the Kotlin/JVM artifact works as a user gets it: packaging/maven/build-jar.sh builds
# com.iqtech:iqtech-sdk (generated Kotlin + linux-x86-64/libiqtech_ffi.so inside) and installs it
# into the local Maven repository; then packaging/maven-consumer/, a separate project that knows
# only the coordinates, compiles and runs one call against the embedded sandbox. JNA must find the
# library in the jar: no jna.library.path, and LD_LIBRARY_PATH is cleared.
#
# Usage: packaging/tests/maven-consumer.sh     (needs cargo, JDK 17+, Maven; ~2 min when the FFI
#        library and the Maven packages are cached, ~10 the first time on 2 busy cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# IQTECH_JAR_BUILT=1 reuses the jar already installed (when build-jar.sh has just run).
[ "${IQTECH_JAR_BUILT:-}" = 1 ] || bash "$root/packaging/maven/build-jar.sh"

echo "==> consumer project: compile and run against the sandbox"
consumer="$root/packaging/maven-consumer"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
# A copy of the consumer outside the tree would work the same; its target/ is ignored by git.
env -u LD_LIBRARY_PATH -u IQTECH_CLIENT_ID -u IQTECH_CLIENT_SECRET \
    mvn -q -B -Dstyle.color=never -Djna.debug_load=true -f "$consumer/pom.xml" clean compile exec:java \
    2>&1 | tee "$out" | { grep -v '^INFO: \|com.sun.jna.Native' || true; }
grep -Eq 'consumer: [1-9][0-9]* of [0-9]+ employees' "$out" || { echo "maven-consumer: no employees listed" >&2; exit 1; }
# JNA's load log (jna.debug_load) says where the library came from: the installed jar.
grep -Eq 'Found library resource at jar:file:.*/com/iqtech/iqtech-sdk/[^/]+/iqtech-sdk-[^/]+\.jar!/linux-x86-64/libiqtech_ffi\.so' "$out" \
  || { echo "maven-consumer: libiqtech_ffi.so was not loaded from the iqtech-sdk jar" >&2; exit 1; }
echo "    libiqtech_ffi.so loaded from the installed jar (linux-x86-64/)"
echo "maven-consumer: 1 passed, 0 failed"
