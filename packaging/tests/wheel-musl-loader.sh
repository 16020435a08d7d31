#!/usr/bin/env bash
# What can be proved of the musllinux_1_2_x86_64 wheel on this machine, which has no musl CPython
# (no Alpine root can be downloaded: no internet; Debian's `musl` package is the C library only):
#   1. `auditwheel show` names musllinux_1_2_x86_64 (the tag is true);
#   2. musl's own dynamic loader (Debian's musl 1.2.x, in its `--list` mode) loads the wheel's
#      extension module, resolves its C library to itself, and every symbol it cannot resolve is
#      one of CPython's C API (Py*/_Py*), which the interpreter provides: no glibc-only symbol, no
#      other library.
# Not proved here: importing the module and running the quickstart under a musl CPython (Alpine);
# the release workflow's musllinux job and a user on Alpine are the first to do that.
#
# Usage: packaging/tests/wheel-musl-loader.sh [WHEEL]   (default: $WHEEL_DIR or dist/, the
#        musllinux_1_2_x86_64 wheel; installs Debian's `musl` with apt-get when missing and root).
# Takes a few seconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
wheel="${1:-$(ls "${WHEEL_DIR:-$root/dist}"/iqtech-*-cp39-abi3-musllinux_1_2_x86_64.whl 2>/dev/null | head -1 || true)}"
[ -f "$wheel" ] || { echo "wheel-musl-loader: no musllinux wheel (scripts/build-wheels.sh --musl-only)" >&2; exit 1; }
venv="${IQTECH_TOOLS_VENV:-$root/target/release-tools-venv}"
ldso=/lib/x86_64-linux-musl/libc.so
if [ ! -x "$ldso" ]; then
  [ "$(id -u)" = 0 ] || { echo "wheel-musl-loader: needs Debian's musl package ($ldso)" >&2; exit 1; }
  echo "--- apt-get install musl (the C library and its dynamic loader)"
  apt-get install -y -q musl >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q musl >/dev/null; }
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/iqtech-musl.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "--- wheel: $(basename "$wheel")"

echo "--- auditwheel show"
{ "$venv/bin/auditwheel" show "$wheel" 2>&1 || true; } | grep -v '^WARNING:auditwheel.policy:can.t determine musl' |
  tail -n 12 | tr -s ' \n' ' ' | tee "$work/show" | fold -w 100; echo
grep -q 'consistent with the following platform tag: "musllinux_1_2_x86_64"' "$work/show" ||
  { echo "wheel-musl-loader: auditwheel does not confirm musllinux_1_2_x86_64" >&2; exit 1; }

echo "--- musl's loader on the extension module ($("$ldso" 2>&1 | sed -n 's/^Version //p' | head -1 || true))"
python3 -m zipfile -e "$wheel" "$work/w"
so="$(find "$work/w" -name '*.so' | head -1)"
[ -n "$so" ] || { echo "wheel-musl-loader: no extension module in the wheel" >&2; exit 1; }
"$ldso" --list "$so" >"$work/list" 2>&1 || true
sed 's/^/    /' "$work/list" | grep -v 'Error relocating' || true
libs="$(grep -c '=>' "$work/list" || true)"
grep -Eq "^\s*libc\.musl-x86_64\.so\.1 => $ldso" "$work/list" ||
  { echo "wheel-musl-loader: musl's loader did not resolve the C library to itself" >&2; exit 1; }
[ "$libs" -eq 1 ] || { echo "wheel-musl-loader: the module needs other libraries than musl's C library" >&2; exit 1; }
unresolved="$(grep -c 'Error relocating' "$work/list" || true)"
others="$(grep 'Error relocating' "$work/list" | grep -Ev ': _?Py[A-Za-z0-9_]*: symbol not found$' || true)"
if [ -n "$others" ]; then
  echo "wheel-musl-loader: symbols that musl does not provide and that are not CPython's:" >&2
  printf '%s\n' "$others" >&2
  exit 1
fi
[ "$unresolved" -gt 0 ] || { echo "wheel-musl-loader: no CPython symbol left unresolved: not a Python extension?" >&2; exit 1; }
echo "    ... $unresolved unresolved symbols, all CPython's C API (Py*/_Py*)"
echo "wheel-musl-loader: 2 passed, 0 failed (import and quickstart under a musl CPython: not possible here)"
