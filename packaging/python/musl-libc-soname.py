#!/usr/bin/env python3
"""Renames the C library a musllinux wheel's extension modules need from `libc.so` to musl's own
name, `libc.musl-<arch>.so.1`, and rewrites the wheel (RECORD hashes included) in place.

Why: `maturin --zig` links against zig's musl stub, whose soname is `libc.so`. musl's dynamic
loader treats any `libc.*` name as itself, so the module loads on Alpine either way, but the name
is not in the musllinux policy: `auditwheel show` then reports the wheel as plain `linux_x86_64`
(or, on a glibc host, crashes reading the glibc linker script `/usr/lib/.../libc.so`). A wheel
built natively on Alpine needs `libc.musl-x86_64.so.1`; after this rename the zig-built one is
the same, and `auditwheel show` can prove its tag.

Usage: musl-libc-soname.py WHEEL [PATCHELF]   (PATCHELF defaults to `patchelf` on PATH).
Exits 1 when the wheel is not a musllinux wheel, or holds no extension that needs a C library.
Changes nothing (and says so) when every module already needs the musl name.
"""
import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__.split("\n\n")[-2], file=sys.stderr)
        return 2
    wheel, patchelf = sys.argv[1], (sys.argv[2] if len(sys.argv) == 3 else "patchelf")
    m = re.search(r"musllinux_\d+_\d+_([A-Za-z0-9_]+)\.whl$", os.path.basename(wheel))
    if not m:
        print(f"musl-libc-soname: {wheel} is not a musllinux wheel", file=sys.stderr)
        return 1
    arch = {"x86_64": "x86_64", "aarch64": "aarch64", "i686": "x86", "armv7l": "armv7"}.get(m.group(1), m.group(1))
    musl_name = f"libc.musl-{arch}.so.1"

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as z:
            infos = z.infolist()
            z.extractall(tmp)
        changed, already = [], []
        for info in infos:
            if not re.search(r"\.so(\.\d+)*$", info.filename):
                continue
            path = os.path.join(tmp, info.filename)
            needed = subprocess.run([patchelf, "--print-needed", path], check=True,
                                    capture_output=True, text=True).stdout.split()
            if "libc.so" in needed:
                subprocess.run([patchelf, "--replace-needed", "libc.so", musl_name, path], check=True)
                changed.append(info.filename)
            elif musl_name in needed:
                already.append(info.filename)
        if not changed and not already:
            print(f"musl-libc-soname: no extension module in {wheel} needs a C library", file=sys.stderr)
            return 1
        if not changed:
            print(f"musl-libc-soname: {', '.join(already)} already need {musl_name}")
            return 0
        record = next(i.filename for i in infos if i.filename.endswith(".dist-info/RECORD"))
        lines = []
        for info in infos:
            if info.filename == record:
                lines.append(f"{record},,")
            elif not info.is_dir():
                with open(os.path.join(tmp, info.filename), "rb") as f:
                    data = f.read()
                lines.append(f"{info.filename},{record_hash(data)},{len(data)}")
        with open(os.path.join(tmp, record), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        out = wheel + ".tmp"
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for info in infos:  # same order and times; RECORD stays last, as written by maturin
                with open(os.path.join(tmp, info.filename), "rb") as f:
                    z.writestr(info, f.read(), compress_type=zipfile.ZIP_DEFLATED)
        shutil.move(out, wheel)
    print(f"musl-libc-soname: {', '.join(changed)}: NEEDED libc.so -> {musl_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
