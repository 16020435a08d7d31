#!/usr/bin/env python3
"""Proves that every binding exposes every public method and error class of the core.

The lists come from the core's own tables (`iqtech::operations::OPERATIONS` and
`iqtech::ERROR_CLASSES`), printed as JSON by `cargo run -q -p iqtech --example surface`, so an
operation added to the table fails this check until every binding has it. Each binding is
checked on its real built artifact, in its own runtime:

- Python: the installed wheel (the virtualenv that bindings-python/scripts/test.sh made), for
  both `Client` and `AsyncClient`, snake_case, and every error class by name;
- Node: the built addon in bindings-node, camelCase, and every error class by name;
- Kotlin and Swift: the sources uniffi generated from the real library
  (bindings-ffi/scripts/test.sh), through bindings-ffi/scripts/check_generated.py.

Run after the three binding test scripts (scripts/test-all.sh does). Exits 1 on any gap.
Environment: IQTECH_TEST_PYTHON overrides the Python interpreter that has the wheel installed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def surface() -> dict:
    out = subprocess.run(
        ["cargo", "run", "-q", "--locked", "-p", "iqtech", "--example", "surface"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def public_methods(table: dict) -> list[tuple[str, str]]:
    pairs = [(o["group"], o["method"]) for o in table["operations"]]
    if len(pairs) < 20:
        sys.exit(f"only {len(pairs)} operations in the core's table")
    return pairs


def camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(p.capitalize() for p in rest)


PY_PROBE = r"""
import json, sys
import iqtech
pairs = json.loads(sys.argv[1])
classes = json.loads(sys.argv[2])
missing = [f"iqtech.{name}" for name in classes if not isinstance(getattr(iqtech, name, None), type)]
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
const classes = JSON.parse(process.argv[3]);
const client = new Client({ clientId: 'x', clientSecret: 'y', authUrl: 'http://127.0.0.1:9', apiUrl: 'http://127.0.0.1:9' });
const mod = require(process.argv[1]);
const missing = classes.filter((name) => typeof mod[name] !== 'function').map((name) => `iqtech.${name}`);
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
    table = surface()
    methods = public_methods(table)
    classes = [c["name"] for c in table["errors"]]
    failures: list[str] = []

    python = os.environ.get("IQTECH_TEST_PYTHON", str(ROOT / "target" / "py-test-venv" / "bin" / "python"))
    missing = probe([python, "-c", PY_PROBE, json.dumps(methods), json.dumps(classes)])
    failures += [f"python: {m}" for m in missing]
    print(f"python: {len(missing)} missing of {len(methods)} methods on Client and AsyncClient and {len(classes)} error classes")

    node_pairs = [(camel(g), camel(m)) for g, m in methods]
    missing = probe(["node", "-e", NODE_PROBE, str(ROOT / "bindings-node"), json.dumps(node_pairs), json.dumps(classes)])
    failures += [f"node: {m}" for m in missing]
    print(f"node: {len(missing)} missing of {len(methods)} methods and {len(classes)} error classes")

    ffi = ROOT / "bindings-ffi"
    surface_file = Path(tempfile.mkdtemp()) / "surface.json"
    surface_file.write_text(json.dumps(table), encoding="utf-8")
    generated = subprocess.run(
        [
            sys.executable,
            str(ffi / "scripts" / "check_generated.py"),
            str(surface_file),
            str(ffi / "out" / "swift" / "IqtechSDK.swift"),
            str(ffi / "out" / "swift" / "IqtechModels.swift"),
            str(ffi / "kotlin" / "target" / "generated-sources" / "uniffi" / "com" / "iqtech" / "sdk" / "iqtech_ffi.kt"),
            str(ffi / "kotlin" / "target" / "generated-sources" / "uniffi" / "com" / "iqtech" / "sdk" / "models" / "iqtech.kt"),
        ],
        check=False,
    )
    if generated.returncode != 0:
        failures.append("kotlin/swift: see the lines above")

    if failures:
        print("MISSING:\n  " + "\n  ".join(failures))
        return 1
    print(f"every binding exposes all {len(methods)} public methods and {len(classes)} error classes of the core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
