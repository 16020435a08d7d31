#!/usr/bin/env bash
# Runs the manylinux2014_aarch64 wheel for real on this x86_64 machine: an arm64 Debian 12 root
# (debootstrap --foreign, then its packages unpacked with dpkg-deb: no chroot and no binfmt_misc
# needed) and the arm64 CPython 3.11 of that root started through qemu-aarch64 -L <root>. The
# wheel is unpacked onto PYTHONPATH (an arm64 pip under emulation would take minutes) and the
# Python quickstart runs against the embedded sandbox, so the extension's code executes on an
# emulated aarch64 CPU against arm64 glibc 2.36.
#
# Usage: packaging/tests/wheel-aarch64-qemu.sh [WHEEL]
#   WHEEL defaults to $WHEEL_DIR (default dist/)/iqtech-*-manylinux_2_17_aarch64*.whl
#   (scripts/build-wheels.sh without --x86-only builds it).
# Needs: qemu-user and debootstrap (Debian packages; installed with apt-get when missing and
# running as root), network access to Debian's mirror the first time (the root is kept in
# target/arm64-root, ~250 MB). Takes ~1 min once the root exists.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
wheel="${1:-$(ls "${WHEEL_DIR:-$root/dist}"/iqtech-*-cp39-abi3-*manylinux_2_17_aarch64*.whl 2>/dev/null | head -1 || true)}"
[ -n "$wheel" ] && [ -f "$wheel" ] || { echo "wheel-aarch64-qemu: no aarch64 wheel; run scripts/build-wheels.sh first" >&2; exit 1; }
sysroot="$root/target/arm64-root"

if ! command -v qemu-aarch64 >/dev/null || ! command -v debootstrap >/dev/null; then
  echo "--- installing qemu-user and debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q qemu-user debootstrap >/dev/null
fi
if [ ! -x "$sysroot/usr/bin/python3.11" ]; then
  echo "--- arm64 Debian root in $sysroot"
  rm -rf "$sysroot"
  debootstrap --foreign --arch=arm64 --variant=minbase --include=python3 bookworm "$sysroot" \
      http://deb.debian.org/debian >/dev/null
  for deb in "$sysroot"/var/cache/apt/archives/*.deb; do dpkg-deb -x "$deb" "$sysroot"; done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "--- $(basename "$wheel") unpacked for the arm64 interpreter"
python3 -m zipfile -e "$wheel" "$work/site"
file "$work"/site/iqtech/_native*.so | grep -q 'ARM aarch64' || { echo "the extension is not aarch64" >&2; exit 1; }

py=(qemu-aarch64 -L "$sysroot" "$sysroot/usr/bin/python3.11")
"${py[@]}" -c 'import platform; assert platform.machine() == "aarch64", platform.machine(); print("---", platform.machine(), *platform.libc_ver())'
echo "--- quickstart on the emulated CPU, against the embedded sandbox"
(cd "$work" && env -u IQTECH_CLIENT_ID -u IQTECH_CLIENT_SECRET PYTHONPATH="$work/site" timeout 600 \
    "${py[@]}" "$root/examples/python/quickstart.py") | tee "$work/out.txt"
grep -Eq '^[0-9]+ employees; first: ' "$work/out.txt" || { echo "wheel-aarch64-qemu: no employee page" >&2; exit 1; }
echo "wheel-aarch64-qemu: 1 passed, 0 failed"
