"""The shared behaviour vectors (``tests/vectors/*.json`` at the repository root), run against
the sandbox: every case of every file, and a case this runner cannot run fails.

Each case names an operation of the core's table; the call is built from the table
(``iqtech._native._surface()``): arguments before a record positionally, the record as one
positional dict, the rest as keywords. See ``tests/vectors/README.md``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

import iqtech
from iqtech import _native, errors
from iqtech.testing import Sandbox

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
SURFACE = json.loads(_native._surface())
OPERATIONS = {f"{o['group']}.{o['method']}": o for o in SURFACE["operations"]}
SETTING_KINDS = {s["name"]: s["kind"] for s in SURFACE["settings"]}
CHECKS = {
    "code", "class", "status", "error_id", "detail", "detail_contains", "field", "field_errors",
    "trace_id", "reason", "page", "retry_after_ms", "body_contains", "items_before_error",
}


def cases() -> Iterator[Any]:
    files = sorted(VECTORS.glob("*.json"))
    assert files, f"no vectors in {VECTORS}"
    for path in files:
        for case in json.loads(path.read_text()):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def settings(case: Dict[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {"max_attempts": 1}
    for name, value in case.get("settings", {}).items():
        out[name] = value / 1000 if SETTING_KINDS[name] == "duration" else value
    return out


def arguments(op: Dict[str, Any], spec: Dict[str, Any]) -> tuple[List[Any], Dict[str, Any]]:
    """The Python arguments of the case's call: records and what precedes them positional."""
    given = dict(spec.get("args", {}))
    positional: List[Any] = []
    keywords: Dict[str, Any] = {}
    has_record = any(a["record"] for a in op["args"])
    seen_record = False
    for arg in op["args"]:
        if arg["record"]:
            positional.append(given.pop(arg["name"], None))
            seen_record = True
        elif arg["name"] in given:
            value = given.pop(arg["name"])
            if has_record and not seen_record:
                positional.append(value)
            else:
                keywords[arg["name"]] = value
    assert not given, f"arguments not in the table: {sorted(given)}"
    return positional, keywords


def call(client: iqtech.Client, spec: Dict[str, Any]) -> tuple[Any, List[Any]]:
    """Runs the case's call; returns (the error raised or None, the items delivered before)."""
    op = OPERATIONS[spec["operation"]]
    positional, keywords = arguments(op, spec)
    method = getattr(getattr(client, op["group"]), op["method"])
    items: List[Any] = []
    try:
        result = method(*positional, **keywords)
        if op["kind"] != "call":
            for item in result:
                items.extend(item.items if op["kind"] == "pages" else [item])
    except iqtech.IqtechError as e:
        return e, items
    return None, items


def check(expect: Dict[str, Any], error: Optional[iqtech.IqtechError], items: List[Any]) -> None:
    unknown = set(expect) - CHECKS
    assert not unknown, f"this runner cannot check {sorted(unknown)}"
    if "items_before_error" in expect:
        assert len(items) == expect["items_before_error"]
    if "code" not in expect:
        assert error is None, f"unexpected {error!r}"
        return
    assert error is not None, "no error was raised"
    e: Any = error
    assert e.code == expect["code"], str(e)
    if "class" in expect:
        assert isinstance(e, getattr(errors, expect["class"])), type(e)
    for name in ("status", "error_id", "detail", "field", "field_errors", "trace_id", "reason", "page"):
        if name in expect:
            assert getattr(e, name) == expect[name], (name, str(e))
    if "detail_contains" in expect:
        assert expect["detail_contains"] in (e.detail or "")
    if "body_contains" in expect:
        assert expect["body_contains"] in (e.body or "")
    if "retry_after_ms" in expect:
        assert e.retry_after is not None and round(e.retry_after * 1000) == expect["retry_after_ms"]


def check_read_ahead(sb: Sandbox, client: iqtech.Client, case: Dict[str, Any]) -> None:
    """Takes `call.take` items, leaves the pager open and idle, then checks the journal."""
    spec, expect = case["call"], case["expect"]
    assert set(expect) == {"requests_at_most"}, f"this runner cannot check {sorted(expect)}"
    op = OPERATIONS[spec["operation"]]
    assert op["kind"] == "items", "take applies to item pagers"
    positional, keywords = arguments(op, spec)
    sb.clear_journal()
    pager = getattr(getattr(client, op["group"]), op["method"])(*positional, **keywords)
    for _ in range(spec["take"]):
        next(pager)
    time.sleep(0.3)
    per_route = sb.journal()["per_route"]
    for route, most in expect["requests_at_most"].items():
        assert 0 < per_route.get(route, 0) <= most, (route, per_route)
    del pager


@pytest.mark.parametrize("case", list(cases()))
def test_vector(case: Dict[str, Any], sandbox: Sandbox) -> None:
    own = Sandbox(**case["sandbox"]) if "sandbox" in case else None
    sb = own.start() if own is not None else sandbox
    try:
        client = sb.client(**settings(case))
        if "fault" in case:
            sb.inject(case["fault"])
        if "take" in case["call"]:
            check_read_ahead(sb, client, case)
            return
        error, items = call(client, case["call"])
        check(case["expect"], error, items)
    finally:
        sb.clear_faults()
        if own is not None:
            own.stop()
