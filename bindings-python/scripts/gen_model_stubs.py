#!/usr/bin/env python3
"""Writes the model classes of ``python/iqtech/_native.pyi`` from the core's Rust models.

The models are defined once, in ``core/src/models/``; the pyo3 classes are those structs, so the
stub's model section is derived from them too. Run after a model changes:

    python3 bindings-python/scripts/gen_model_stubs.py          # rewrite the section
    python3 bindings-python/scripts/gen_model_stubs.py --check  # fail if it is stale (CI)

Only structs marked ``feature = "python"`` are taken. The section sits between the markers
``# --- models (generated) ---`` and ``# --- end of models ---`` in the stub.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MODELS = ROOT / "core" / "src" / "models"
STUB = HERE.parent / "python" / "iqtech" / "_native.pyi"
BEGIN = "# --- models (generated) ---"
END = "# --- end of models ---"

SCALARS = {
    "String": "str",
    "bool": "bool",
    "i64": "int",
    "u32": "int",
    "Decimal": "Decimal",
    "NaiveDate": "date",
    "Timestamp": "datetime | str",
    "Language": "Language | str",
}


def py_type(rust: str) -> str:
    rust = rust.strip()
    m = re.fullmatch(r"Option<(.+)>", rust)
    if m:
        return f"{py_type(m.group(1))} | None"
    m = re.fullmatch(r"Vec<(.+)>", rust)
    if m:
        return f"list[{py_type(m.group(1))}]"
    return SCALARS.get(rust, rust)


def parse(text: str) -> list[tuple[str, list[str], list[tuple[str, str, list[str]]]]]:
    """(name, doc lines, fields (name, type, doc lines)) of each python-marked struct."""
    out = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if 'feature = "python"' in lines[i] and "pyclass" in " ".join(lines[i : i + 2]):
            # doc comment above the attributes
            j = i
            while j > 0 and not lines[j - 1].lstrip().startswith("///"):
                j -= 1
            docs = []
            k = j - 1
            while k >= 0 and lines[k].lstrip().startswith("///"):
                docs.insert(0, lines[k].strip()[3:].strip())
                k -= 1
            while not lines[i].startswith("pub struct"):
                i += 1
            name = re.match(r"pub struct (\w+)", lines[i]).group(1)  # type: ignore[union-attr]
            fields = []
            field_doc: list[str] = []
            i += 1
            while not lines[i].startswith("}"):
                s = lines[i].strip()
                if s.startswith("///"):
                    field_doc.append(s[3:].strip())
                m = re.match(r"pub (\w+): (.+),$", s)
                if m:
                    fields.append((m.group(1), py_type(m.group(2)), field_doc))
                    field_doc = []
                i += 1
            out.append((name, docs, fields))
        i += 1
    return out


def doc(lines: list[str], indent: str) -> str:
    text = " ".join(line for line in lines if line).replace("\\", "\\\\").replace('"""', "'''")
    return f'{indent}"""{text}"""\n'


def render() -> str:
    parts = [BEGIN + "\n# Written by scripts/gen_model_stubs.py from core/src/models; do not edit.\n"]
    for path in sorted(MODELS.glob("*.rs")):
        for name, docs, fields in parse(path.read_text()):
            parts.append(f"\n@final\nclass {name}:\n")
            if docs:
                parts.append(doc(docs, "    "))
            for fname, ftype, fdoc in fields:
                parts.append(f"    @property\n    def {fname}(self) -> {ftype}:\n")
                parts.append(doc(fdoc, "        ") if fdoc else "        ...\n")
            parts.append(
                "    def to_dict(self) -> dict[str, Any]:\n"
                '        """This record as plain values (the JSON form: decimals and timestamps as str)."""\n'
                "    def __eq__(self, other: object, /) -> bool: ...\n"
                "    def __ne__(self, other: object, /) -> bool: ...\n"
                "    __hash__: ClassVar[None]  # type: ignore[assignment]\n"
            )
    parts.append("\n" + END)
    return "".join(parts)


def main() -> int:
    stub = STUB.read_text()
    start, end = stub.index(BEGIN), stub.index(END) + len(END)
    new = stub[:start] + render() + stub[end:]
    if "--check" in sys.argv:
        if new != stub:
            print(f"{STUB} is stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    STUB.write_text(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
