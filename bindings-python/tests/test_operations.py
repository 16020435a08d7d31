"""Every operation of the core, through the sync client and the asyncio client, against the
sandbox."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import iqtech
from iqtech.testing import Sandbox

from conftest import FAR_FUTURE, FAR_PAST, person, run, unique


def test_employees_list_returns_typed_page(client: iqtech.Client) -> None:
    page = client.employees.list(page=2, page_size=10)
    assert isinstance(page, iqtech.EmployeePage)
    assert len(page.items) == 10
    assert page.meta.page_number == 2
    assert page.meta.page_size == 10
    assert page.meta.total_item_count is not None and page.meta.total_item_count >= 250
    first = page.items[0]
    assert isinstance(first, iqtech.Employee)
    assert isinstance(first.employee_number, str)
    assert first.language is None or isinstance(first.language, (iqtech.Language, str))


def test_employee_lifecycle(client: iqtech.Client, sandbox: Sandbox) -> None:
    number = unique("py")
    client.employees.create(person(number, email="t@example.com", language=iqtech.Language.SPANISH))
    found = client.employees.lookup(employee_number=number)
    assert [e.employee_number for e in found] == [number]
    assert found[0].language == iqtech.Language.SPANISH
    assert found[0].email == "t@example.com"

    renumbered = number + "b"
    client.employees.update(number, person(renumbered, department="Ops"))
    assert client.employees.lookup(employee_number=number) == []
    (after,) = client.employees.lookup({"employee_number": renumbered})
    assert after.department == "Ops"

    client.employees.set_status(renumbered, False)
    (inactive,) = client.employees.lookup(employee_number=renumbered)
    assert inactive.active is False

    client.employees.set_pin(employee_number=renumbered, pin="4321")
    assert sandbox.employee_pin(renumbered) == "4321"
    client.employees.set_pin({"employee_number": renumbered, "pin": "98765", "old_pin": "4321"})
    assert sandbox.employee_pin(renumbered) == "98765"


def test_lookup_without_match_is_empty(client: iqtech.Client) -> None:
    assert client.employees.lookup(last_name="No-Such-Person-Here") == []


def test_employees_iter_walks_everything(client: iqtech.Client) -> None:
    numbers = [e.employee_number for e in client.employees.iter(page_size=40)]
    total = client.employees.list(page_size=1).meta.total_item_count
    assert len(numbers) == total
    assert len(set(numbers)) == len(numbers)


def test_machines(client: iqtech.Client, sandbox: Sandbox) -> None:
    serials = sandbox.machine_serials()
    page = client.machines.list(page=1, page_size=5)
    assert [m.machine.control_board_serial_no for m in page.items] == serials[:5]
    assert [m.machine.control_board_serial_no for m in client.machines.iter(page_size=5)] == serials
    planogram = client.machines.planogram(serials[0])
    assert planogram is not None
    assert planogram == page.items[0]
    entry = planogram.machine_planogram[0]
    assert entry.price is None or isinstance(entry.price, Decimal)
    activity = planogram.machine.last_activity
    assert activity is None or isinstance(activity, (dt.datetime, str))


def test_transactions(client: iqtech.Client, sandbox: Sandbox) -> None:
    serial = sandbox.machine_serials()[1]
    query = {"from_date": dt.date(2024, 3, 1), "to_date": dt.date(2024, 3, 31)}
    page = client.transactions.list(page_size=3, **query)  # type: ignore[arg-type]
    assert page.meta.page_size == 3
    total = page.meta.total_item_count
    assert total is not None and total > 3
    walked = list(client.transactions.iter(from_date=dt.date(2024, 3, 1), to_date=dt.date(2024, 3, 31)))
    assert len(walked) == total
    detail = walked[0].transaction_details[0]
    assert isinstance(detail.transaction_date_and_time, dt.datetime)
    assert detail.transaction_date_and_time.tzinfo is None
    assert dt.date(2024, 3, 1) <= detail.transaction_date_and_time.date() <= dt.date(2024, 3, 31)
    assert detail.total is None or isinstance(detail.total, Decimal)
    one = client.transactions.list(serial_no=serial, from_date=dt.date(2024, 3, 1), to_date=dt.date(2024, 3, 31))
    assert all(t.machine_details.serial_no == serial for t in one.items)


def _book(client: iqtech.Client, serial: str, generation: str) -> iqtech.ReservationResult:
    group = client.will_call if generation == "v2" else client.will_call_v1
    free = group.reservable_selections(serial)
    assert free and all(isinstance(s, int) for s in free)
    machine = client.machines.planogram(serial)
    assert machine is not None and machine.machine.location is not None
    return group.add_reservation(
        createdby_user="pytest",
        selection=str(free[0]),
        reservation_type=iqtech.ReservationType.PICKUP,
        send_code=iqtech.SendCode.NONE,
        location_name=machine.machine.location,
        serial_number=serial,
        external_reserve_locker_detail_list=[
            {"assignee_type": iqtech.AssigneeType.CUSTOM, "name": "Drop", "email": "d@example.com"},
            {"assignee_type": "Custom", "name": "Pick", "contact_number": "5550100", "country_dial_code": "+1"},
        ],
    )


@pytest.mark.parametrize("generation", ["v2", "v1"])
def test_will_call_lifecycle(client: iqtech.Client, serial: str, generation: str) -> None:
    group = client.will_call if generation == "v2" else client.will_call_v1
    booked = _book(client, serial, generation)
    assert booked.reserve_locker_id
    assert len(booked.access_codes) == 2
    assert all(code.code and code.code.isdigit() for code in booked.access_codes)

    statuses = group.reservation_status(serial)
    assert any(s.current_status for s in statuses)
    if generation == "v2":
        assert booked.reserve_locker_id in {s.reserve_locker_id for s in statuses}

    renewed = group.send_new_code(booked.reserve_locker_id)
    assert renewed.access_codes and renewed.access_codes != booked.access_codes

    recalled = group.recall_reservation(booked.reserve_locker_id, {"assignee_type": "Custom", "name": "Drop"})
    assert recalled.message

    report = group.reserved_locker_report(serial_number=serial, from_date=FAR_PAST, to_date=FAR_FUTURE)
    if generation == "v2":
        assert isinstance(report, iqtech.ReservedLockerReport)
        details = [d for m in report.machine_details for d in m.reservation_details]
    else:
        assert isinstance(report, iqtech.LegacyReservedLockerReport)
        details = list(report.reservation_details)
    walked = list(
        group.iter_reserved_locker_report(
            serial_number=serial, from_date=FAR_PAST, to_date=FAR_FUTURE, page_size=2, concurrency=2
        )
    )
    assert len(walked) >= len(details) > 0
    assert all(isinstance(d, iqtech.ReservationDetail) for d in walked)


def test_async_client_does_every_operation(aclient: iqtech.AsyncClient, sandbox: Sandbox, serial: str) -> None:
    async def body() -> None:
        async with aclient as c:
            page = await c.employees.list(page=1, page_size=5)
            assert isinstance(page, iqtech.EmployeePage) and len(page.items) == 5
            count = 0
            async for _ in c.employees.iter(page_size=50, concurrency=3):
                count += 1
            assert count == page.meta.total_item_count

            number = unique("as")
            await c.employees.create(person(number))
            await c.employees.update(number, person(number, department="Async"))
            await c.employees.set_status(number, True)
            await c.employees.set_pin(employee_number=number, pin="2468")
            (found,) = await c.employees.lookup(employee_number=number)
            assert found.department == "Async"
            assert sandbox.employee_pin(number) == "2468"

            serials = sandbox.machine_serials()
            planogram = await c.machines.planogram(serials[0])
            assert planogram is not None
            machines = await c.machines.list(page_size=100)
            assert len(machines.items) == len(serials)
            assert [m.machine.control_board_serial_no async for m in c.machines.iter(page_size=4)] == serials

            tx = await c.transactions.list(from_date=dt.date(2024, 2, 1), to_date=dt.date(2024, 2, 29), page_size=10)
            walked = [t async for t in c.transactions.iter(from_date=dt.date(2024, 2, 1), to_date=dt.date(2024, 2, 29), concurrency=2)]
            assert len(walked) == tx.meta.total_item_count

            for group in (c.will_call, c.will_call_v1):
                free = await group.reservable_selections(serial)
                booked = await group.add_reservation(
                    createdby_user="pytest",
                    selection=str(free[0]),
                    reservation_type="Release",
                    send_code="NONE",
                    location_name="Somewhere",
                    serial_number=serial,
                    external_reserve_locker_detail_list=[{"assignee_type": "Custom", "name": "Solo"}],
                )
                assert booked.reserve_locker_id
                assert await group.reservation_status(serial)
                assert (await group.send_new_code(booked.reserve_locker_id)).access_codes
                report = await group.reserved_locker_report(serial_number=serial, from_date=FAR_PAST, to_date=FAR_FUTURE)
                assert report.total_pages
                events = [d async for d in group.iter_reserved_locker_report(serial_number=serial, from_date=FAR_PAST, to_date=FAR_FUTURE)]
                assert events
                recalled = await group.recall_reservation(booked.reserve_locker_id, assignee_type="Custom", name="Solo")
                assert recalled.message

    run(body)


def test_async_calls_run_concurrently(sandbox: Sandbox) -> None:
    """Ten calls with 200 ms of latency each finish in far less than 2 s: real awaitables."""
    import asyncio
    import time

    sandbox.inject(route="employees.list", latency_ms=200)
    client = sandbox.async_client()

    async def body() -> float:
        start = time.perf_counter()
        pages = await asyncio.gather(*(client.employees.list(page=n, page_size=5) for n in range(1, 11)))
        assert [p.meta.page_number for p in pages] == list(range(1, 11))
        return time.perf_counter() - start

    elapsed = run(body)
    assert elapsed < 1.2, elapsed


def test_sandbox_controls(sandbox: Sandbox, client: iqtech.Client) -> None:
    sandbox.clear_journal()
    client.employees.list(page_size=1)
    journal = sandbox.journal()
    assert journal["per_route"]["employees.list"] == 1
    fault = sandbox.inject({"route": "machines.list", "status": 503, "times": 5})
    assert [f["id"] for f in sandbox.faults()] == [fault]
    assert sandbox.remove_fault(fault) is True
    assert sandbox.faults() == []
    with pytest.raises(iqtech.ValidationError) as info:
        sandbox.inject(route="machines.list", statuss=503)  # type: ignore[call-overload]
    assert info.value.field == "statuss"
    with pytest.raises(ValueError):
        sandbox.inject(route="no.such.route")
    assert sandbox.client_id and sandbox.client_secret
    assert sandbox.auth_url.startswith("http://127.0.0.1:")
    assert isinstance(sandbox.reservations(), list)
    assert sandbox.employee_numbers()[:1] == [client.employees.list(page_size=1).items[0].employee_number]


def test_an_https_sandbox_client_trusts_its_test_ca_and_given_settings_win() -> None:
    with Sandbox(https=True, employees=3) as sb:
        assert sb.api_url.startswith("https://")
        assert len(sb.client(max_attempts=1).employees.list().items) == 3
        with pytest.raises(iqtech.AuthenticationError):
            sb.client(client_secret="wrong", max_attempts=1).employees.list()
