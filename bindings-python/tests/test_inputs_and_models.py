"""Client-side validation of inputs, and the Python shape of the models."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import iqtech
from iqtech.testing import Sandbox

from conftest import person, unique


def test_misspelt_keyword_is_named(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.create(department="D", first_name="F", last_name="L", employee_numbr="1")  # type: ignore[call-overload]
    assert info.value.field == "employee_numbr"
    assert "unknown field" in str(info.value)


def test_missing_field_is_named(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.set_pin(employee_number="1000")  # type: ignore[call-overload]
    assert info.value.field == "pin"


def test_nested_field_is_named(client: iqtech.Client, serial: str) -> None:
    with pytest.raises(iqtech.ValidationError) as info:
        client.will_call.add_reservation(
            createdby_user="x",
            selection="1",
            reservation_type="Release",
            send_code="NONE",
            location_name="L",
            serial_number=serial,
            external_reserve_locker_detail_list=[{"assignee_type": "Custom", "nmae": "typo"}],  # type: ignore[typeddict-unknown-key]
        )
    assert info.value.field == "external_reserve_locker_detail_list[0].nmae"


def test_wrong_types_are_validation_errors(client: iqtech.Client) -> None:
    with pytest.raises(iqtech.ValidationError) as info:
        client.transactions.list(from_date="yesterday")  # type: ignore[arg-type]
    assert info.value.field == "from_date"
    with pytest.raises(iqtech.ValidationError) as info:
        client.transactions.list(from_date=dt.date(2024, 5, 1), to_date=dt.date(2024, 4, 1))
    assert info.value.field == "from_date"
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.list(page=-1)
    assert info.value.field == "page"
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.iter(concurrency=0)
    assert info.value.field == "concurrency"
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.lookup()
    assert info.value.field == "query"
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.create(42)  # type: ignore[call-overload]
    assert info.value.field == "data"
    with pytest.raises(iqtech.ValidationError) as info:
        client.employees.lookup(first_name=object())  # type: ignore[arg-type]
    assert info.value.field == "first_name"


def test_nothing_is_sent_for_invalid_input(sandbox: Sandbox, client: iqtech.Client) -> None:
    sandbox.clear_journal()
    with pytest.raises(iqtech.ValidationError):
        client.employees.create(person("  "))
    assert sandbox.journal()["total_requests"] == 0


def test_dict_and_keywords_are_the_same(client: iqtech.Client) -> None:
    query = {"from_date": dt.date(2024, 6, 1), "to_date": dt.date(2024, 6, 30), "page_size": 7}
    a = client.transactions.list(query)  # type: ignore[arg-type]
    b = client.transactions.list(from_date=dt.date(2024, 6, 1), to_date=dt.date(2024, 6, 30), page_size=7)
    assert a == b
    # keywords win over the dict
    c = client.transactions.list(query, page_size=3)  # type: ignore[arg-type]
    assert c.meta.page_size == 3


def test_models_are_typed_frozen_comparable(client: iqtech.Client) -> None:
    page = client.employees.list(page_size=3)
    again = client.employees.list(page_size=3)
    assert page == again and page.items[0] != page.items[1]
    e = page.items[0]
    with pytest.raises(AttributeError):
        e.first_name = "changed"  # type: ignore[misc]
    d = e.to_dict()
    assert d["employee_number"] == e.employee_number
    assert set(d) >= {"first_name", "last_name", "employee_number", "language", "active"}
    assert repr(e).startswith("Employee(") and repr(e.employee_number) in repr(e)
    assert type(e).__module__ == "iqtech"
    with pytest.raises(TypeError):
        hash(e)


def test_fields_are_built_once_and_stay_read_only(client: iqtech.Client) -> None:
    tx = client.transactions.list(from_date=dt.date(2024, 1, 1), to_date=dt.date(2024, 12, 31), page_size=5)
    untouched = client.transactions.list(from_date=dt.date(2024, 1, 1), to_date=dt.date(2024, 12, 31), page_size=5)
    # A second read returns the very objects of the first: nothing is built twice.
    assert tx.items is tx.items
    t = tx.items[0]
    assert t.transaction_details is t.transaction_details
    assert t.machine_details is t.machine_details
    d = t.transaction_details[0]
    assert d.total is d.total and d.transaction_date_and_time is d.transaction_date_and_time
    assert tx.meta is tx.meta
    # Reading changes nothing a caller can see: equality, to_dict(), repr.
    assert tx == untouched and tx.to_dict() == untouched.to_dict() and repr(tx) == repr(untouched)
    for target, name in ((d, "total"), (d, "not_a_field"), (t, "machine_details")):
        with pytest.raises(AttributeError, match="read-only"):
            setattr(target, name, 1)
        with pytest.raises(AttributeError, match="read-only"):
            delattr(target, name)
    assert d.total == Decimal(d.to_dict()["total"])
    # The class still documents its fields.
    assert type(d).total.__doc__


def test_lists_read_first_still_count_in_equality_dicts_and_reprs(client: iqtech.Client) -> None:
    # A list of records moves into Python objects on its first read; the record keeps it.
    year = dict(from_date=dt.date(2024, 1, 1), to_date=dt.date(2024, 12, 31))
    a = client.transactions.list(**year, page=1, page_size=2)  # type: ignore[arg-type]
    b = client.transactions.list(**year, page=2, page_size=2)  # type: ignore[arg-type]
    fresh_a = client.transactions.list(**year, page=1, page_size=2)  # type: ignore[arg-type]
    assert a.meta != b.meta and a.items and b.items
    before = (a.to_dict(), repr(a))
    # Read every list, two levels down, on both pages.
    for page in (a, b):
        for t in page.items:
            for d in t.transaction_details:
                d.batch_details, d.user_limit
    assert (a.to_dict(), repr(a)) == before
    assert a == fresh_a and fresh_a == a
    assert a.items[0] != b.items[0] and a.items[0] == fresh_a.items[0]
    # Two transactions at the same machine differ only in their dispenses: once those moved out,
    # they must still be unequal.
    page = client.transactions.list(**year, page_size=50)  # type: ignore[arg-type]
    by_machine: dict[str, list[iqtech.Transaction]] = {}
    for t in page.items:
        by_machine.setdefault(repr(t.machine_details), []).append(t)
    pairs = [ts[:2] for ts in by_machine.values() if len(ts) > 1]
    assert pairs, "the sandbox's transactions should share a machine"
    x, y = pairs[0]
    assert x.transaction_details and y.transaction_details
    assert x != y and x.to_dict() != y.to_dict()
    detail = a.items[0].transaction_details[0]
    assert detail == fresh_a.items[0].transaction_details[0]
    assert detail.to_dict()["batch_details"] == [batch.to_dict() for batch in detail.batch_details]
    # A read through the SDK's descriptor itself gives the same list, not an emptied one.
    assert vars(type(a))["items"].__get__(a, type(a)) is a.items
    assert len(a.items) == len(before[0]["items"])
    with pytest.raises(TypeError):
        hash(a)
    assert (a == 1) is False and a != "page"
    # The list is the caller's to change; the record still gives the server's answer.
    a.items.reverse()
    a.items.pop()
    assert a.to_dict() == before[0] and repr(a) == before[1] and a == fresh_a


def test_decimal_and_timestamps(client: iqtech.Client) -> None:
    tx = client.transactions.list(from_date=dt.date(2024, 1, 1), to_date=dt.date(2024, 12, 31), page_size=5)
    detail = tx.items[0].transaction_details[0]
    assert isinstance(detail.price_per_item, Decimal)
    assert isinstance(detail.transaction_date_and_time, dt.datetime)
    raw = detail.to_dict()
    assert isinstance(raw["price_per_item"], str) and Decimal(raw["price_per_item"]) == detail.price_per_item
    assert raw["transaction_date_and_time"].startswith(detail.transaction_date_and_time.strftime("%Y-%m-%dT%H:%M:%S"))


def test_enums_keep_unknown_values(client: iqtech.Client) -> None:
    number = unique("lang")
    client.employees.create(person(number, language=7))
    (e,) = client.employees.lookup(employee_number=number)
    assert e.language == "7" and not isinstance(e.language, iqtech.Language)
    known = unique("lang")
    client.employees.create(person(known, language="french"))
    (f,) = client.employees.lookup(employee_number=known)
    assert f.language is iqtech.Language.FRENCH
    language: object = f.language
    assert language == "French" and str(f.language) == "French" and f"{f.language}" == "French"


def test_reprs_hide_access_codes(client: iqtech.Client, serial: str, sandbox: Sandbox) -> None:
    free = client.will_call.reservable_selections(serial)
    booked = client.will_call.add_reservation(
        createdby_user="repr",
        selection=str(free[0]),
        reservation_type="Release",
        send_code="NONE",
        location_name="L",
        serial_number=serial,
        external_reserve_locker_detail_list=[{"assignee_type": "Custom", "name": "Solo"}],
    )
    code = booked.access_codes[0].code
    assert code is not None
    live = [r for r in sandbox.reservations() if r["reserve_locker_id"] == booked.reserve_locker_id]
    assert live and code in live[0]["access_codes"]
    assert code not in repr(booked.access_codes[0])
    assert code not in repr(booked)
    assert booked.reserve_locker_id is not None
    client.will_call.recall_reservation(booked.reserve_locker_id, assignee_type="Custom", name="Solo")


def test_client_repr_hides_the_secret(sandbox: Sandbox) -> None:
    client = sandbox.client()
    assert sandbox.client_secret not in repr(client)
    assert sandbox.client_id in repr(client)
