"""What the first read of one field costs, per value, by the field's type (issue 11, goal 2).

Usage: python field_reads.py URL   (a server from `iqbench serve`; see ../README.md)

Each round fetches the 100-transaction page afresh, gathers its 300 dispenses (building them),
then times one loop that reads the given fields of every dispense for the first time. A last row
reads a field a second time (the cached read). Rounds are interleaved; medians are printed.
"""

from __future__ import annotations

import statistics
import sys
import time

import iqtech

ROUNDS = 300

READS = {
    "3 money fields (Decimal)": lambda ds: [(d.price_per_item, d.total, d.package_price) for d in ds],
    "3 text fields (str)": lambda ds: [(d.employee_name, d.employee_number, d.item_number) for d in ds],
    "1 timestamp (datetime)": lambda ds: [d.transaction_date_and_time for d in ds],
}


def main() -> None:
    url = sys.argv[1].rstrip("/")
    client = iqtech.Client(client_id="bench", client_secret="bench-secret", auth_url=url, api_url=url)

    def dispenses() -> list:
        page = client.transactions.list(page=1, page_size=100)
        return [d for t in page.items for d in t.transaction_details]

    def cached(ds: list) -> object:
        READS["3 text fields (str)"](ds)
        start = time.perf_counter()
        [d.item_number for d in ds]
        return time.perf_counter() - start

    samples: dict[str, list[float]] = {name: [] for name in [*READS, "1 text field, second read"]}
    for r in range(ROUNDS + 10):
        for name, read in READS.items():
            ds = dispenses()
            start = time.perf_counter()
            read(ds)
            if r >= 10:
                samples[name].append(time.perf_counter() - start)
        dt = cached(dispenses())
        if r >= 10:
            samples["1 text field, second read"].append(dt)  # type: ignore[arg-type]
    print("# Python, first reads of one dispense field, per value (300 dispenses)")
    for name, s in samples.items():
        per = 3 if name.startswith("3 ") else 1
        print(f"  {name:<32} {statistics.median(s) * 1e9 / 300 / per:6.0f} ns")


if __name__ == "__main__":
    main()
