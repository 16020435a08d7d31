"""Testing your own integration offline with iqtech.testing.Sandbox and fault injection.

Run it with pytest (`pytest examples/python/test_my_integration.py`) or as a script.
"""

from __future__ import annotations

from typing import Iterator

import iqtech
from iqtech.testing import Sandbox


def sync_roster(client: iqtech.Client, roster: list[dict[str, str]]) -> list[str]:
    """Your code: creates the employees of an HR roster that iQ Tech does not have yet."""
    existing = {e.employee_number for e in client.employees.iter(concurrency=4)}
    created = []
    for row in roster:
        if row["number"] in existing:
            continue
        try:
            client.employees.create(
                department=row["department"],
                first_name=row["first"],
                last_name=row["last"],
                employee_number=row["number"],
            )
        except iqtech.OutcomeUnknownError:
            # The answer was lost; the SDK did not resend. Check before trying again.
            if not client.employees.lookup(employee_number=row["number"]):
                raise
        created.append(row["number"])
    return created


ROSTER = [
    {"number": "HR-1", "first": "Ada", "last": "Lovelace", "department": "R&D"},
    {"number": "HR-2", "first": "Alan", "last": "Turing", "department": "R&D"},
]


def sandbox() -> Iterator[Sandbox]:
    with Sandbox(employees=40) as sb:
        yield sb


def test_creates_only_new_people() -> None:
    for sb in sandbox():
        client = sb.client()
        assert sync_roster(client, ROSTER) == ["HR-1", "HR-2"]
        assert sync_roster(client, ROSTER) == []


def test_survives_a_flaky_server_and_a_lost_answer() -> None:
    for sb in sandbox():
        client = sb.client()
        sb.inject(route="employees.list", status=503, times=2)  # retried by the SDK
        sb.inject(route="employees.create", drop_connection=True, times=1)  # answer lost
        assert sync_roster(client, ROSTER) == ["HR-1", "HR-2"]
        assert sb.journal()["per_route"]["employees.create"] == 2  # never sent twice per person


if __name__ == "__main__":
    test_creates_only_new_people()
    test_survives_a_flaky_server_and_a_lost_answer()
    print("2 passed")
