#!/usr/bin/env python3
"""Gives back their full sources to vendored crates that cargo-vendor-filterer replaced with an
empty stub although the build needs them, and fails if any needed crate stays missing.

cargo-vendor-filterer 0.5.18 stubs some crates that are needed: seen here, getrandom 0.3.4 (reached
through rand 0.9 -> rand_core 0.9's `os_rng` feature, while getrandom 0.2 and 0.4 are in the
lock file too), which broke the sdist's offline build with "cannot find function `fill` in crate
`getrandom`". This asks cargo itself which packages the build reaches (`cargo tree -e
normal,build` for each platform the sdist is built on) and, for each one whose vendored folder is
a stub (only Cargo.toml and an empty src/lib.rs), unpacks the crate's own .crate file from cargo's
download cache (the crates were just fetched to vendor them) and writes its .cargo-checksum.json
(file hashes; the package checksum the lock file has).

Usage: unstub-needed.py SDIST_DIR TARGET...   (TARGET: rustc target triples)
"""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib

EMPTY = hashlib.sha256(b"").hexdigest()


def is_stub(folder):
    with open(os.path.join(folder, ".cargo-checksum.json"), encoding="utf-8") as f:
        files = json.load(f)["files"]
    return set(files) <= {"Cargo.toml", "src/lib.rs"} and files.get("src/lib.rs") == EMPTY


def main():
    src, targets = sys.argv[1], sys.argv[2:]
    if not targets:
        sys.exit(__doc__.split("\n\n")[-1])
    vendor = os.path.join(src, "vendor")
    cmd = ["cargo", "tree", "--offline", "--locked", "--workspace", "--manifest-path",
           os.path.join(src, "Cargo.toml"), "-e", "normal,build", "--prefix", "none", "--format", "{p}"]
    for t in targets:
        cmd += ["--target", t]
    needed = set()
    for line in subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=src).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].startswith("v") and not any(p.startswith("(/") for p in parts[2:]):
            needed.add((parts[0], parts[1][1:]))
    folders = {}
    for manifest in glob.glob(os.path.join(vendor, "*", "Cargo.toml")):
        with open(manifest, "rb") as f:
            pkg = tomllib.load(f).get("package", {})
        folders[(pkg.get("name"), str(pkg.get("version")))] = os.path.dirname(manifest)
    cargo_home = os.environ.get("CARGO_HOME") or os.path.expanduser("~/.cargo")
    restored, missing = [], []
    for name, version in sorted(needed):
        folder = folders.get((name, version))
        if folder is None:
            missing.append(f"{name} {version} (not vendored)")
            continue
        if not is_stub(folder):
            continue
        crates = glob.glob(os.path.join(cargo_home, "registry", "cache", "*", f"{name}-{version}.crate"))
        if not crates:
            missing.append(f"{name} {version} (stubbed, and no .crate in {cargo_home}/registry/cache)")
            continue
        with open(os.path.join(folder, ".cargo-checksum.json"), encoding="utf-8") as f:
            package_sum = json.load(f)["package"]
        with open(crates[0], "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() != package_sum:
                missing.append(f"{name} {version} (the cached .crate does not match the lock file)")
                continue
        with tempfile.TemporaryDirectory() as tmp:
            with tarfile.open(crates[0]) as t:
                t.extractall(tmp, filter="data")
            unpacked = os.path.join(tmp, f"{name}-{version}")
            shutil.rmtree(folder)
            shutil.copytree(unpacked, folder, symlinks=True)
        files = {}
        for dirpath, _, names in os.walk(folder):
            for n in names:
                p = os.path.join(dirpath, n)
                rel = os.path.relpath(p, folder)
                if rel in (".cargo-checksum.json", ".cargo-ok", ".cargo_vcs_info.json") or os.path.islink(p):
                    continue
                with open(p, "rb") as f:
                    files[rel] = hashlib.sha256(f.read()).hexdigest()
        with open(os.path.join(folder, ".cargo-checksum.json"), "w", encoding="utf-8") as f:
            json.dump({"files": files, "package": package_sum}, f)
        restored.append(f"{name} {version}")
    if restored:
        print(f"--- unstubbed {len(restored)} needed crate(s) the filterer had stubbed: {', '.join(restored)}")
    if missing:
        sys.exit("unstub-needed: needed crates missing from vendor/: " + "; ".join(missing))
    print(f"--- every one of the {len(needed)} crates the build needs on {len(targets)} platforms is vendored in full")


if __name__ == "__main__":
    main()
