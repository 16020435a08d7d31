#!/usr/bin/env bash
# Proves the sdist builds OFFLINE from its own contents, as a user without network would build it:
#   1. the tarball carries vendor/ and .cargo/config.toml (crates.io replaced by vendor/);
#   2. `pip wheel` of the unpacked sdist runs with no network at all (in a network namespace
#      without interfaces, `unshare -n`, when the kernel allows it; otherwise with the
#      environment alone, and the script says so), under `env -i` with: an EMPTY `CARGO_HOME`
#      (no ~/.cargo/registry, no git cache), `CARGO_NET_OFFLINE=true`, the Rust toolchain's own
#      bin folder on PATH (no rustup proxy), `PIP_NO_INDEX=1` and maturin from a local wheelhouse
#      (pip's build isolation installs pyproject's `build-system.requires` from it);
#   3. the empty CARGO_HOME still has no registry/ or git/ folder afterwards (nothing was
#      fetched or unpacked from anywhere but vendor/);
#   4. the wheel installs with --no-index into a fresh venv, imports, and runs the quickstart
#      (examples/python/quickstart.py) against the embedded sandbox.
#
# Usage: packaging/tests/sdist-offline.sh [--cold] [SDIST]
#   SDIST  defaults to $WHEEL_DIR (default dist/)/iqtech-<version>.tar.gz; when missing,
#          scripts/build-wheels.sh --sdist-only makes it (which calls this script).
#   --cold start from an empty cargo target folder (default: reuse target/sdist-check/target,
#          so a second run compiles only what changed; the sources still come from the sdist).
# The build is the dev profile (MATURIN_PEP517_ARGS=--profile dev): the question is whether it
# builds without a network, not how fast the result runs. Needs python3 >= 3.9, rustc/cargo, and
# PyPI once (to fill the maturin wheelhouse, target/sdist-wheelhouse). Times: see packaging/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cold=false
sdist=""
for arg in "$@"; do
  case "$arg" in
    --cold) cold=true ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "sdist-offline: unknown option '$arg'" >&2; exit 2 ;;
    *) sdist="$arg" ;;
  esac
done
start=$SECONDS
step() { printf -- '--- [%ds] %s\n' "$((SECONDS - start))" "$*"; }

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")"
if [ -z "$sdist" ]; then
  sdist="${WHEEL_DIR:-$root/dist}/iqtech-$version.tar.gz"
  [ -f "$sdist" ] || "$root/scripts/build-wheels.sh" --sdist-only
fi
sdist="$(cd "$(dirname "$sdist")" && pwd)/$(basename "$sdist")"
[ -f "$sdist" ] || { echo "sdist-offline: no sdist at $sdist" >&2; exit 1; }
step "sdist: $(basename "$sdist") ($(du -h "$sdist" | cut -f1))"

python="$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')"
toolchain_bin="$(rustc --print sysroot)/bin"
[ -x "$toolchain_bin/cargo" ] || { echo "sdist-offline: no cargo in $toolchain_bin" >&2; exit 1; }

# maturin for pip's isolated build environment, as pyproject's build-system.requires asks.
requires="$(sed -n '/^\[build-system\]/,/^\[/s/^requires = \["\(.*\)"\]/\1/p' "$root/bindings-python/pyproject.toml")"
wheelhouse="$root/target/sdist-wheelhouse"
if ! ls "$wheelhouse"/maturin-*.whl >/dev/null 2>&1; then
  step "wheelhouse: pip download '$requires' (the only network use, before the offline part)"
  "$python" -m pip download --quiet --disable-pip-version-check --only-binary :all: \
      --dest "$wheelhouse" "$requires"
fi

check="$root/target/sdist-check"
$cold && rm -rf "$check/target"
rm -rf "$check/src" "$check/home" "$check/cargo-home" "$check/out" "$check/venv" "$check/tmp"
mkdir -p "$check/home" "$check/cargo-home" "$check/out" "$check/tmp" "$check/target"
# Unpacked to the same path every run (tar keeps the files' times), so a warm target folder
# stays valid; pip builds a local folder in place.
tar -xzf "$sdist" -C "$check" && mv "$check/iqtech-$version" "$check/src"
# The SDK's own sources are stamped now, so a warm target folder rebuilds them: the sdist's file
# times can be older than that folder's last build (a stale build of the core went unnoticed that
# way). The vendored crates keep their times and stay built.
find "$check/src" -path "$check/src/vendor" -prune -o -type f -print0 | xargs -0 touch
for f in pyproject.toml Cargo.toml Cargo.lock PKG-INFO .cargo/config.toml vendor; do
  [ -e "$check/src/$f" ] || { echo "sdist-offline: the sdist lacks $f" >&2; exit 1; }
done
grep -q 'replace-with = "vendored-sources"' "$check/src/.cargo/config.toml" ||
  { echo "sdist-offline: .cargo/config.toml does not replace crates.io with vendor/" >&2; exit 1; }

isolate=()
if unshare -n true 2>/dev/null; then
  isolate=(unshare -n)
  how="in a network namespace with no interfaces (unshare -n)"
elif unshare -rn true 2>/dev/null; then  # unprivileged: a user namespace too (hosted CI runners)
  isolate=(unshare -rn)
  how="in a network namespace with no interfaces (unshare -rn)"
else
  how="WITHOUT network isolation (unshare -n is not permitted here): offline by environment only"
fi
step "pip wheel of the unpacked sdist, $how; empty CARGO_HOME, CARGO_NET_OFFLINE=true"
t0=$SECONDS
"${isolate[@]}" env -i HOME="$check/home" TMPDIR="$check/tmp" LANG=C.UTF-8 \
    PATH="$toolchain_bin:/usr/local/bin:/usr/bin:/bin" \
    CARGO_HOME="$check/cargo-home" CARGO_NET_OFFLINE=true CARGO_TARGET_DIR="$check/target" \
    PIP_NO_INDEX=1 PIP_FIND_LINKS="$wheelhouse" PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MATURIN_PEP517_ARGS="--profile dev --locked" \
    "$python" -m pip wheel --quiet --no-deps --wheel-dir "$check/out" "$check/src"
build_s=$((SECONDS - t0))
wheel="$(ls "$check"/out/iqtech-"$version"-*.whl)"
step "built $(basename "$wheel") in ${build_s} s"
# cargo leaves its lock files (.package-cache, .global-cache) there even offline; a registry or
# git folder would mean it fetched or unpacked crates from somewhere else than vendor/.
for d in registry git; do
  if [ -e "$check/cargo-home/$d" ]; then
    echo "sdist-offline: the build filled CARGO_HOME/$d: $(ls "$check/cargo-home/$d")" >&2
    exit 1
  fi
done

step "fresh venv, pip install --no-index of that wheel, quickstart against the sandbox"
clean=(env -i HOME="$check/home" PATH="$check/tmp" LANG=C.UTF-8 TMPDIR="$check/tmp")
"${clean[@]}" "$python" -m venv "$check/venv"
"${clean[@]}" "$check/venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$wheel"
mkdir -p "$check/run"
(cd "$check/run" && "${clean[@]}" "$check/venv/bin/python" -c "
import iqtech, pathlib, sys
pkg = pathlib.Path(iqtech.__file__).resolve()
assert str(pkg).startswith('$check/venv'), pkg
assert iqtech.__version__ == '$version', iqtech.__version__
print('    import iqtech', iqtech.__version__, 'from', pkg.parent)")
(cd "$check/run" && "${clean[@]}" "$check/venv/bin/python" "$root/examples/python/quickstart.py") | tee "$check/out.txt" | sed 's/^/    /'
grep -Eq '^[0-9]+ employees; first: ' "$check/out.txt" ||
  { echo "sdist-offline: the quickstart printed no employee page" >&2; exit 1; }
echo "sdist-offline: 1 passed, 0 failed (offline build ${build_s} s, total $((SECONDS - start)) s)"
