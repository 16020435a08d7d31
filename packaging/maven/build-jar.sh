#!/usr/bin/env bash
# Builds and installs (into the local Maven repository) com.iqtech:iqtech-sdk, the Kotlin/JVM jar:
#   1. the FFI library with the sandbox, in debug (unstripped: uniffi-bindgen reads its metadata),
#      and uniffi-bindgen — the same `cargo build` bindings-ffi/scripts/test.sh runs, so it is
#      cached after that script;
#   2. the Kotlin generated from THAT library (the generated code checks the library's API
#      checksums when it loads, so code and library must come from the same build);
#   3. the library, stripped of debug info, staged at JNA's resource path linux-x86-64/;
#   4. `mvn install` of packaging/maven/pom.xml; then checks the jar holds the library and the classes.
#
# Usage: packaging/maven/build-jar.sh
# Env: IQTECH_FFI_LIB   a prebuilt unstripped libiqtech_ffi.so to package instead of step 1
#                       (its uniffi-bindgen must be next to it, or IQTECH_UNIFFI_BINDGEN set);
#      IQTECH_NATIVE_EXTRA  a folder of more JNA resource folders (linux-aarch64/, darwin-aarch64/…)
#                       to add, as the release workflow does;
#      MAVEN_ARGS       extra arguments for mvn (e.g. -Prelease).
# Needs cargo, a JDK 17+ and Maven. Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"

if [ -z "${IQTECH_FFI_LIB:-}" ]; then
  echo "==> FFI library (debug, with the sandbox) and uniffi-bindgen"
  (cd "$root" && cargo build --locked -p iqtech-ffi --features cli,sandbox)
  lib="$target_dir/debug/libiqtech_ffi.so"
else
  lib="$IQTECH_FFI_LIB"
fi
bindgen="${IQTECH_UNIFFI_BINDGEN:-$(dirname "$lib")/uniffi-bindgen}"

stage="$here/target/staged"
rm -rf "$stage" && mkdir -p "$stage/kotlin" "$stage/native/linux-x86-64"
echo "==> Kotlin generated from $lib"
# From the workspace root: uniffi-bindgen finds each crate's uniffi.toml through cargo metadata.
(cd "$root" && "$bindgen" generate --library "$lib" --language kotlin --out-dir "$stage/kotlin" --no-format)
grep -q "package com.iqtech.sdk" "$stage/kotlin/com/iqtech/sdk/iqtech_ffi.kt"

echo "==> library at JNA's resource path linux-x86-64/"
cp "$lib" "$stage/native/linux-x86-64/libiqtech_ffi.so"
strip --strip-debug "$stage/native/linux-x86-64/libiqtech_ffi.so"
if [ -n "${IQTECH_NATIVE_EXTRA:-}" ]; then
  cp -R "$IQTECH_NATIVE_EXTRA"/. "$stage/native/"
fi

echo "==> mvn install"
# shellcheck disable=SC2086
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" ${MAVEN_ARGS:-} install

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")"
jar="$here/target/iqtech-sdk-$version.jar"
listing="$(unzip -l "$jar")"
for entry in linux-x86-64/libiqtech_ffi.so com/iqtech/sdk/Client.class com/iqtech/sdk/Sandbox.class \
    com/iqtech/sdk/models/Employee.class META-INF/LICENSE-MIT META-INF/LICENSE-APACHE; do
  grep -q " $entry\$" <<<"$listing" || { echo "build-jar: $entry is not in $jar" >&2; exit 1; }
done
installed="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/com/iqtech/iqtech-sdk/$version/iqtech-sdk-$version.jar"
[ -f "$installed" ] || { echo "build-jar: mvn install left no $installed" >&2; exit 1; }
echo "==> $jar ($(du -h "$jar" | cut -f1)) installed as com.iqtech:iqtech-sdk:$version"
