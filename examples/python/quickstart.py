"""Quickstart: one page, every employee, a lookup, the low-stock report, and errors you can act on.

Runs against the real API when IQTECH_CLIENT_ID and IQTECH_CLIENT_SECRET are set, else against
the embedded sandbox (offline).
"""

from __future__ import annotations

import os

import iqtech
from iqtech.testing import Sandbox


def main(client: iqtech.Client) -> None:
    page = client.employees.list(page=1, page_size=100)
    print(f"{page.meta.total_item_count} employees; first: {page.items[0]!r}")

    # Every employee, four pages in flight, yielded lazily and in order.
    departments: dict[str, int] = {}
    for employee in client.employees.iter(page_size=100, concurrency=4):
        key = employee.department or "(none)"
        departments[key] = departments.get(key, 0) + 1
    print("by department:", dict(sorted(departments.items())))

    # No match is an empty list, not an error.
    print("lookup:", client.employees.lookup(last_name="Nobody-By-This-Name"))

    # Whole pages when you want them, and the CLI's low-stock report (worst first).
    sizes = [len(p.items) for p in client.machines.iter_pages(page_size=5)]
    print("machine pages:", sizes)
    for row in client.machines.low_stock()[:3]:
        print(f"low stock: {row.severity} {row.serial_no} #{row.selection} {row.product_name}: "
              f"{row.current_count}/{row.level}")

    # Caller mistakes are caught before anything is sent, naming the argument.
    try:
        client.employees.list(page_size=500)
    except iqtech.ValidationError as e:
        print(f"validation: field={e.field!r}: {e}")

    # Server refusals are ApiError subclasses with the server's details.
    try:
        client.employees.set_status("no-such-employee", active=False)
    except iqtech.BadRequestError as e:
        print(f"refused: HTTP {e.status}, errorId {e.error_id}: {e.detail}")


if __name__ == "__main__":
    if os.environ.get("IQTECH_CLIENT_ID"):
        with iqtech.Client.from_env() as client:
            main(client)
    else:
        with Sandbox(seed=1) as sandbox, sandbox.client() as client:
            main(client)
