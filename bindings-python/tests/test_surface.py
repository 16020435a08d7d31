"""Every public method of the core (core/src/operations.rs, PUBLIC_METHODS) exists on both clients."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import iqtech

OPERATIONS = Path(__file__).resolve().parents[2] / "core" / "src" / "operations.rs"


def public_methods() -> list[tuple[str, str]]:
    text = OPERATIONS.read_text()
    block = text[text.index("pub const PUBLIC_METHODS") :]
    block = block[: block.index("];")]
    pairs = re.findall(r'\("(\w+)",\s*"(\w+)"\)', block)
    assert len(pairs) >= 26
    return pairs


@pytest.mark.parametrize("cls", [iqtech.Client, iqtech.AsyncClient])
def test_every_core_method_is_exposed(cls: type) -> None:
    missing = []
    for group, method in public_methods():
        holder = getattr(cls, group, None)
        group_cls = {
            "employees": (iqtech.Employees, iqtech.AsyncEmployees),
            "will_call": (iqtech.WillCall, iqtech.AsyncWillCall),
            "will_call_v1": (iqtech.WillCallV1, iqtech.AsyncWillCallV1),
            "machines": (iqtech.Machines, iqtech.AsyncMachines),
            "transactions": (iqtech.Transactions, iqtech.AsyncTransactions),
        }[group][cls is iqtech.AsyncClient]
        if holder is None or not callable(getattr(group_cls, method, None)):
            missing.append(f"{group}.{method}")
    assert missing == []


def test_methods_have_signatures_and_docs() -> None:
    for group_cls in (iqtech.Employees, iqtech.AsyncWillCall, iqtech.Transactions):
        for name, member in inspect.getmembers(group_cls, callable):
            if name.startswith("_"):
                continue
            assert member.__doc__, f"{group_cls.__name__}.{name} has no docstring"
            inspect.signature(member)  # pyo3 provides __text_signature__
