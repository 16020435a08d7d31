"""Fixtures: one sandbox for the session, a fresh client per test, faults cleared after each."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any, Awaitable, Callable, Iterator, TypeVar

import pytest

import iqtech
from iqtech.testing import Sandbox
from iqtech.types import EmployeeInput

T = TypeVar("T")

#: Dates wide enough to cover every reservation the sandbox holds.
FAR_PAST = dt.date(2000, 1, 1)
FAR_FUTURE = dt.date.today() + dt.timedelta(days=365)


def run(awaitable: Callable[[], Awaitable[T]]) -> T:
    """Runs an async test body on a new event loop."""

    async def main() -> T:
        return await awaitable()

    return asyncio.run(main())


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(seed=11, employees=250, machines=12, transactions=2000) as sb:
        yield sb


@pytest.fixture(autouse=True)
def _clean_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "sandbox" in request.fixturenames:
        sb: Sandbox = request.getfixturevalue("sandbox")
        if sb.running:
            sb.clear_faults()


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[iqtech.Client]:
    with sandbox.client() as c:
        yield c


@pytest.fixture
def aclient(sandbox: Sandbox) -> iqtech.AsyncClient:
    return sandbox.async_client()


@pytest.fixture
def serial(sandbox: Sandbox) -> str:
    """A machine with lockers."""
    return sandbox.locker_machine_serials()[0]


_counter = [0]


def unique(prefix: str) -> str:
    """A new employee number for tests that create one."""
    _counter[0] += 1
    return f"{prefix}{_counter[0]}-{id(_counter)}"[:30]


def person(number: str, **extra: Any) -> EmployeeInput:
    """A minimal employee record."""
    record: EmployeeInput = {
        "department": "QA",
        "first_name": "Test",
        "last_name": "Person",
        "employee_number": number,
    }
    record.update(extra)  # type: ignore[typeddict-item]
    return record
