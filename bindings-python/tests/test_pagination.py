"""Auto-pagination: lazy, in order, to the end, bounded, with and without concurrency."""

from __future__ import annotations

import time

import pytest

import iqtech
from iqtech.testing import Sandbox

from conftest import run


def _pages(client: iqtech.Client, size: int) -> list[str | None]:
    out: list[str | None] = []
    page = 1
    while True:
        p = client.employees.list(page=page, page_size=size)
        out += [e.employee_number for e in p.items]
        if not p.meta.has_next_page:
            return out
        page += 1


@pytest.mark.parametrize("concurrency", [1, 4, 8])
def test_iter_matches_the_pages_in_order(client: iqtech.Client, concurrency: int) -> None:
    expected = _pages(client, 30)
    got = [e.employee_number for e in client.employees.iter(page_size=30, concurrency=concurrency)]
    assert got == expected


def test_async_iter_matches(sandbox: Sandbox, client: iqtech.Client) -> None:
    expected = _pages(client, 25)
    aclient = sandbox.async_client()

    async def body() -> list[str | None]:
        return [e.employee_number async for e in aclient.employees.iter(page_size=25, concurrency=4)]

    assert run(body) == expected


@pytest.mark.parametrize("concurrency", [1, 2])
def test_lazy_and_bounded(concurrency: int) -> None:
    with Sandbox(employees=4000) as sandbox:
        client = sandbox.client()
        client.employees.list(page_size=1)
        sandbox.clear_journal()
        it = client.employees.iter(page_size=100, concurrency=concurrency)
        time.sleep(0.2)
        assert sandbox.journal()["per_route"].get("employees.list", 0) == 0, "fetched before next()"
        assert next(it) is not None
        time.sleep(0.3)
        fetched = sandbox.journal()["per_route"]["employees.list"]
        # The core's bound, the same in every language: the consumer's page, then for a
        # concurrent pager its pages in flight, two fetched ahead of their turn and two ready; a
        # sequential one reads nothing ahead. Never the whole list (40 pages) however slowly the
        # consumer goes.
        bound = 1 if concurrency == 1 else 1 + concurrency + 4
        assert fetched <= bound, fetched
        if concurrency > 1:
            assert fetched > 1, "a concurrent pager reads ahead"
        rest = sum(1 for _ in it)
        assert rest == 3999


def test_concurrency_overlaps_latency(sandbox: Sandbox, client: iqtech.Client) -> None:
    client.employees.list(page_size=1)
    sandbox.inject(route="employees.list", latency_ms=50)
    start = time.perf_counter()
    n = sum(1 for _ in client.employees.iter(page_size=25, concurrency=5))
    parallel = time.perf_counter() - start
    assert n >= 250
    # 10 pages at 50 ms: sequential is >= 0.5 s; five in flight finish in about a third of that
    assert parallel < 0.45, parallel


def test_default_concurrency_comes_from_the_client(sandbox: Sandbox) -> None:
    client = sandbox.client(page_concurrency=4)
    assert sum(1 for _ in client.machines.iter(page_size=2)) == len(sandbox.machine_serials())


def test_empty_report(client: iqtech.Client, serial: str) -> None:
    import datetime as dt

    got = list(
        client.will_call.iter_reserved_locker_report(
            serial_number=serial, from_date=dt.date(1999, 1, 1), to_date=dt.date(1999, 1, 2)
        )
    )
    assert got == []


def test_exhausted_iterator_stays_exhausted(client: iqtech.Client) -> None:
    it = client.machines.iter(page_size=100)
    items = list(it)
    assert items
    assert list(it) == []
    with pytest.raises(StopIteration):
        next(it)
