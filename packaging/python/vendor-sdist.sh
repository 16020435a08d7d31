#!/usr/bin/env bash
# Makes an unpacked maturin sdist build offline from its own contents: vendors the crates its
# (trimmed) workspace needs into vendor/, points cargo at them (.cargo/config.toml, found by
# cargo in the folder pip builds in), and prunes Cargo.lock to that workspace.
#
# Plain `cargo vendor` takes every platform's crates (~390 MB here, ~47 MB compressed, mostly
# Windows import libraries and windows-sys). cargo-vendor-filterer keeps the crates of the
# platforms an sdist is built on — Linux (gnu and musl, any CPU), macOS, FreeBSD — and turns the
# others into empty stubs that cargo's resolver still accepts (~126 MB, ~19 MB compressed).
# Windows is left out on purpose: it has wheels, and windows-sys alone would double the size; a
# Windows source build fails on the stubs. (Its --keep-dep-kinds=no-dev fails on this workspace,
# so dev-dependencies stay.)
#
# Usage: packaging/python/vendor-sdist.sh SDIST_DIR   (called by scripts/build-wheels.sh; needs
#        python3 >= 3.11 for packaging/python/unstub-needed.py)
# Installs cargo-vendor-filterer (crates.io, pinned) into target/release-tools when missing.
set -euo pipefail
src="$(cd "${1:?usage: vendor-sdist.sh SDIST_DIR}" && pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/target/release-tools"
filterer="$tools/bin/cargo-vendor-filterer"
filterer_version="0.5.18"

if ! "$filterer" --version 2>/dev/null | grep -q "$filterer_version"; then
  echo "--- installing cargo-vendor-filterer $filterer_version into $tools"
  cargo install --quiet --locked --root "$tools" --version "$filterer_version" cargo-vendor-filterer
fi

platforms=('*-unknown-linux-gnu' '*-unknown-linux-musl' '*-apple-darwin' '*-unknown-freebsd')
args=(--manifest-path "$src/Cargo.toml")
for p in "${platforms[@]}"; do args+=(--platform "$p"); done

cd "$src"
rm -rf vendor .cargo
# The sdist keeps the whole workspace's lock file: prune it to the sdist's own workspace first
# (no version changes), so the vendored set and a --locked build agree.
cargo metadata --quiet --format-version 1 --manifest-path "$src/Cargo.toml" >/dev/null
"$filterer" "${args[@]}" vendor >/dev/null
mkdir -p .cargo
cat >.cargo/config.toml <<'TOML'
# Written by packaging/python/vendor-sdist.sh: build from the crates in vendor/, never the network.
[source.crates-io]
replace-with = "vendored-sources"

[source.vendored-sources]
directory = "vendor"

[net]
offline = true
TOML
# The filterer stubs some crates the build needs (getrandom 0.3 here): give those back their
# sources, and fail when cargo's own dependency tree for these platforms reaches a missing one.
python3 "$root/packaging/python/unstub-needed.py" "$src" \
  x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl \
  x86_64-apple-darwin aarch64-apple-darwin x86_64-unknown-freebsd
echo "--- vendored $(ls vendor | wc -l) crates ($(du -sh vendor | cut -f1)) into $src/vendor"
