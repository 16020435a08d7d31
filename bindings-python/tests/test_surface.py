"""The module matches the core's tables: every operation of ``iqtech::operations::OPERATIONS``
exists on both clients with the table's arguments, defaults and doc; every error class of
``iqtech::ERROR_CLASSES`` is in ``iqtech.errors`` as the table says; the clients take exactly
the settings of ``iqtech::SETTINGS``."""

from __future__ import annotations

import builtins
import inspect
import json
from typing import Any

import pytest

import iqtech
from iqtech import _native, errors
from iqtech.testing import Sandbox

SURFACE = json.loads(_native._surface())


def group_class(sandbox: Sandbox, group: str, asynchronous: bool) -> Any:
    client = sandbox.async_client() if asynchronous else sandbox.client()
    cls: Any = type(getattr(client, group))
    assert getattr(iqtech, cls.__name__) is cls
    assert cls.__name__.startswith("Async") == asynchronous
    return cls


def test_the_table_is_not_empty_and_includes_low_stock() -> None:
    ops = {(o["group"], o["method"]) for o in SURFACE["operations"]}
    assert len(ops) >= 30
    assert ("machines", "low_stock") in ops
    assert ("employees", "iter_pages") in ops


@pytest.mark.parametrize("asynchronous", [False, True])
def test_every_operation_is_exposed_with_the_tables_arguments(
    sandbox: Sandbox, asynchronous: bool
) -> None:
    problems = []
    for op in SURFACE["operations"]:
        cls = group_class(sandbox, op["group"], asynchronous)
        method = getattr(cls, op["method"], None)
        if method is None or not callable(method):
            problems.append(f"{op['group']}.{op['method']} is missing")
            continue
        params = list(inspect.signature(method).parameters.values())[1:]
        expected = [a["name"] for a in op["args"]]
        if any(a["record"] for a in op["args"]):
            expected.append("kwargs")
        if [p.name for p in params] != expected:
            problems.append(f"{op['group']}.{op['method']}: {[p.name for p in params]} != {expected}")
        for p, a in zip(params, op["args"]):
            if a["record"]:
                assert p.kind is inspect.Parameter.POSITIONAL_ONLY and p.default is None
            elif a["default"] is not None:
                assert str(p.default) == a["default"], (op, p)
            else:
                assert p.default is inspect.Parameter.empty, (op, p)
        assert method.__doc__ and op["doc"].split(".")[0] in " ".join(method.__doc__.split())
    assert problems == []


def test_error_classes_match_the_table() -> None:
    table = SURFACE["errors"]
    assert [c["name"] for c in table] == [n for n in errors.__all__ if n != "FieldError"]
    for c in table:
        cls: Any = getattr(errors, c["name"])
        assert getattr(iqtech, c["name"]) is cls
        assert cls.code == c["code"]
        assert list(cls.fields) == c["fields"]
        assert " ".join((cls.__doc__ or "").split()) == c["doc"]
        parent = cls.__mro__[1]
        assert (parent.__name__ if c["parent"] else parent) == (c["parent"] or Exception)
    assert issubclass(errors.InternalError, errors.IqtechError)
    assert issubclass(errors.ValidationError, ValueError)
    assert issubclass(errors.ConnectionError, builtins.ConnectionError)
    assert issubclass(errors.TimeoutError, builtins.TimeoutError)


def test_clients_take_exactly_the_settings(sandbox: Sandbox) -> None:
    names = [s["name"] for s in SURFACE["settings"]]
    assert "request_timeout" in names and "timeout" not in names
    with pytest.raises(TypeError, match="'timeout'"):
        iqtech.Client(client_id="a", client_secret="b", timeout=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="'nope'"):
        sandbox.client(nope=1)  # type: ignore[call-arg]
    with pytest.raises(iqtech.ValidationError) as info:
        sandbox.client(max_attempts=-1)
    assert info.value.field == "max_attempts"
    client = sandbox.client(request_timeout=2.5, connect_timeout=1, max_attempts=2, page_concurrency=2)
    assert client.employees.list(page_size=1).items


def test_methods_have_signatures_and_docs() -> None:
    for group_cls in (iqtech.Employees, iqtech.AsyncWillCall, iqtech.Transactions, iqtech.Machines):
        for name, member in inspect.getmembers(group_cls, callable):
            if name.startswith("_"):
                continue
            assert member.__doc__, f"{group_cls.__name__}.{name} has no docstring"
            inspect.signature(member)  # pyo3 provides __text_signature__


def test_sandbox_takes_exactly_its_settings() -> None:
    with pytest.raises(iqtech.ValidationError) as info:
        Sandbox(nope=1)  # type: ignore[call-arg]
    assert info.value.field == "nope"
    with pytest.raises(iqtech.ValidationError) as info:
        Sandbox(transactions_start="2024-13-01")
    assert info.value.field == "transactions_start"
    with Sandbox(
        seed=3,
        employees=5,
        transactions=40,
        transactions_start="2025-01-01",
        transactions_days=10,
        token_lifetime=60.5,
        faults=[{"route": "machines.list", "status": 500, "times": 1}],
    ) as sb:
        client = sb.client(max_attempts=1)
        assert len(client.employees.list().items) == 5
        with pytest.raises(iqtech.ServerError):
            client.machines.list()
        assert client.machines.list().items
