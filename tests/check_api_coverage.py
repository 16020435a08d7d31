#!/usr/bin/env python3
"""Proves that every binding exposes every public method of the core.

The list is `iqtech::operations::PUBLIC_METHODS` in core/src/operations.rs, read from the source,
so a method added to the core fails this check until every binding has it. Each binding is
checked on its real built artifact, in its own runtime:

- Python: the installed wheel (the virtualenv that bindings-python/scripts/test.sh made), for
  both `Client` and `AsyncClient`, snake_case;
- Node: the built addon in bindings-node, camelCase;
- Kotlin and Swift: the sources uniffi generated from the real library
  (bindings-ffi/scripts/test.sh), through bindings-ffi/scripts/check_generated.py.

Run after the three binding test scripts (scripts/test-all.sh does). Exits 1 on any gap.
Environment: IQTECH_TEST_PYTHON overrides the Python interpreter that has the wheel installed.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS_RS = ROOT / "core" / "src" / "operations.rs"


def public_methods() -> list[tuple[str, str]]:
    text = OPERATIONS_RS.read_text(encoding="utf-8")
    block = re.search(r"PUBLIC_METHODS: &\[\(&str, &str\)\] = &\[(.*?)\];", text, re.S)
    if not block:
        sys.exit(f"PUBLIC_METHODS not found in {OPERATIONS_RS}")
    pairs = re.findall(r'\("(\w+)",\s*"(\w+)"\)', block.group(1))
    if len(pairs) < 20:
        sys.exit(f"only {len(pairs)} entries read from PUBLIC_METHODS")
    return pairs


def camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(p.capitalize() for p in rest)


PY_PROBE = r"""
import json, sys
import iqtech
pairs = json.loads(sys.argv[1])
missing = []
kw = dict(client_id="x", client_secret="y", auth_url="http://127.0.0.1:9", api_url="http://127.0.0.1:9")
for cls in (iqtech.Client, iqtech.AsyncClient):
    client = cls(**kw)
    for group, method in pairs:
        g = getattr(client, group, None)
        if g is None or not callable(getattr(g, method, None)):
            missing.append(f"{cls.__name__}.{group}.{method}")
print(json.dumps(missing))
"""

NODE_PROBE = r"""
const { Client } = require(process.argv[1]);
const pairs = JSON.parse(process.argv[2]);
const client = new Client({ clientId: 'x', clientSecret: 'y', authUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9' });
const missing = [];
for (const [group, method] of pairs) {
  const g = client[group];
  if (!g || typeof g[method] !== 'function') missing.push(`Client.${group}.${method}`);
}
console.log(JSON.stringify(missing));
"""


def probe(cmd: list[str]) -> list[str]:
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:2])} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    methods = public_methods()
    failures: list[str] = []

    python = os.environ.get("IQTECH_TEST_PYTHON", str(ROOT / "target" / "py-test-venv" / "bin" / "python"))
    missing = probe([python, "-c", PY_PROBE, json.dumps(methods)])
    failures += [f"python: {m}" for m in missing]
    print(f"python: {len(methods) - len(missing)}/{len(methods)} on Client and AsyncClient")

    node_pairs = [(camel(g), camel(m)) for g, m in methods]
    missing = probe(["node", "-e", NODE_PROBE, str(ROOT / "bindings-node"), json.dumps(node_pairs)])
    failures += [f"node: {m}" for m in missing]
    print(f"node: {len(methods) - len(missing)}/{len(methods)}")

    ffi = ROOT / "bindings-ffi"
    generated = subprocess.run(
        [
            sys.executable,
            str(ffi / "scripts" / "check_generated.py"),
            str(OPERATIONS_RS),
            str(ffi / "out" / "swift" / "IqtechSDK.swift"),
            str(ffi / "kotlin" / "target" / "generated-sources" / "uniffi" / "com" / "iqtech" / "sdk" / "iqtech_ffi.kt"),
        ],
        check=False,
    )
    if generated.returncode != 0:
        failures.append("kotlin/swift: see the lines above")

    if failures:
        print("MISSING:\n  " + "\n  ".join(failures))
        return 1
    print(f"every binding exposes all {len(methods)} public methods of the core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
