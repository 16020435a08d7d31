"""Asyncio: export a month of the transaction report as CSV while fetching planograms at once.

Runs against the real API when IQTECH_CLIENT_ID and IQTECH_CLIENT_SECRET are set, else against
the embedded sandbox (offline).
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import os
import sys

import iqtech
from iqtech.testing import Sandbox


async def export(client: iqtech.AsyncClient, start: dt.date, end: dt.date) -> int:
    writer = csv.writer(sys.stdout)
    writer.writerow(["when", "machine", "employee", "product", "quantity", "total"])
    rows = 0
    async for tx in client.transactions.iter(from_date=start, to_date=end, concurrency=4):
        for d in tx.transaction_details:
            when = d.transaction_date_and_time
            writer.writerow(
                [
                    when.isoformat() if isinstance(when, dt.datetime) else when,
                    tx.machine_details.serial_no,
                    d.employee_number,
                    d.product_name,
                    d.dispensed_quantity,
                    d.total,
                ]
            )
            rows += 1
    return rows


async def main(client: iqtech.AsyncClient) -> None:
    async with client:
        machines = await client.machines.list(page_size=100)
        serials = [m.machine.control_board_serial_no for m in machines.items]
        # Several calls in flight at once on one client.
        planograms = await asyncio.gather(*(client.machines.planogram(s) for s in serials[:4] if s))
        slots = sum(len(p.machine_planogram) for p in planograms if p is not None)
        print(f"{len(serials)} machines; {slots} slots in the first four", file=sys.stderr)
        rows = await export(client, dt.date(2024, 4, 1), dt.date(2024, 4, 30))
        print(f"exported {rows} dispenses", file=sys.stderr)


if __name__ == "__main__":
    if os.environ.get("IQTECH_CLIENT_ID"):
        asyncio.run(main(iqtech.AsyncClient.from_env()))
    else:
        with Sandbox(seed=1, transactions=500) as sandbox:
            asyncio.run(main(sandbox.async_client()))
