"""Issue 11, Python: the SDK against urllib3+json and httpx+json, in one run, ratios printed.

Usage: python bench.py URL [SLOW_URL]   (servers from `iqbench serve`; see ../README.md)

Every contender does the same work on the same pages over keep-alive connections: one call, then
for T1 every money field (`price_per_item`, `total`, `package_price`) of every dispense is read;
for E1 every `employee_number`. The SDK's fields are read twice, to show whether a second read
builds the objects again.

Each comparison runs twice, both in one process and both interleaved so that drift hits every
contender alike (the order rotates every round):
- one call each in turn: every call follows another contender's call, so it pays for that one's
  effect on the caches, the allocator and the server's sleeping vCPU;
- in blocks of BLOCK calls each in turn (the first two of a block not timed): each contender runs
  as a user's own loop would, fetch, read, fetch again.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from decimal import Decimal

import urllib3

try:
    import httpx
except ImportError:  # httpx is optional
    httpx = None

import iqtech

TOKEN = {"Authorization": "Bearer bench-token"}
ROUNDS = 200
BLOCK = 20


def read_sdk_tx(page) -> int:
    n = 0
    for t in page.items:
        for d in t.transaction_details:
            n += (d.price_per_item is not None) + (d.total is not None) + (d.package_price is not None)
    return n


def read_json_tx(body: dict) -> int:
    n = 0
    for t in body["result"]["transactionReport"]["items"]:
        for d in t["transactionDetails"]:
            # Exact money, as the SDK gives: Decimal from the JSON text.
            for k in ("pricePerItem", "total", "packagePrice"):
                v = d.get(k)
                n += Decimal(str(v)) is not None if v is not None else 0
    return n


def interleaved(contenders: dict, rounds: int, block: int = 1) -> dict:
    """Median seconds per call of each contender: `rounds` timed calls each, taken `block` calls
    at a time (after 2 untimed ones when `block` > 1), the contenders' order rotating."""
    names = list(contenders)
    samples = {n: [] for n in names}
    warm = 0 if block == 1 else 2
    first_round = 10 if block == 1 else 1
    for r in range(first_round + -(-rounds // block)):
        for k in range(len(names)):
            name = names[(k + r) % len(names)]
            f = contenders[name]
            for i in range(block + warm):
                t = time.perf_counter()
                f()
                dt = time.perf_counter() - t
                if r >= first_round and i >= warm:
                    samples[name].append(dt)
    return {n: statistics.median(s) for n, s in samples.items()}


def compare(title: str, contenders: dict, rounds: int, sdk: str) -> None:
    """`show` of both orders: one call each in turn, then blocks of BLOCK calls."""
    show(f"{title}, one call each in turn", interleaved(contenders, rounds), sdk)
    show(f"{title}, {BLOCK} calls each in turn", interleaved(contenders, rounds, BLOCK), sdk)


def show(title: str, med: dict, sdk: str) -> None:
    print(f"# {title}")
    for name, m in med.items():
        extra = "" if name == sdk else f"   SDK is {m / med[sdk]:.2f}x faster"
        print(f"  {name:<40} median {m * 1e3:8.3f} ms{extra}")


def main() -> None:
    url = sys.argv[1].rstrip("/")
    client = iqtech.Client(client_id="bench", client_secret="bench-secret", auth_url=url, api_url=url)
    pool = urllib3.HTTPConnectionPool("127.0.0.1", int(url.rsplit(":", 1)[1]), maxsize=8)
    hx = httpx.Client() if httpx else None

    def u3(path: str) -> dict:
        r = pool.request("GET", path, fields={"page": "1", "pageSize": "100"}, headers=TOKEN)
        assert r.status == 200
        return json.loads(r.data)

    def hxget(path: str) -> dict:
        r = hx.get(f"{url}{path}", params={"page": 1, "pageSize": 100}, headers=TOKEN)
        r.raise_for_status()
        return json.loads(r.content)

    def sdk_tx():
        page = client.transactions.list(page=1, page_size=100)
        read_sdk_tx(page)
        read_sdk_tx(page)  # second read: must not rebuild

    contenders = {
        "sdk transactions.list + money, read twice": sdk_tx,
        "sdk transactions.list only": lambda: client.transactions.list(page=1, page_size=100),
        "urllib3 + json + Decimal money": lambda: read_json_tx(u3("/api/Transaction")),
    }
    if hx:
        contenders["httpx + json + Decimal money"] = lambda: read_json_tx(hxget("/api/Transaction"))
    compare("Python, 100 transactions (216 KB)", contenders, ROUNDS, "sdk transactions.list + money, read twice")
    # The same call on its own, as the Rust core's call is timed in its own process: the
    # interleaved rounds above also pay for the baselines' effect on caches and the allocator.
    alone = []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        client.transactions.list(page=1, page_size=100)
        alone.append(time.perf_counter() - t)
    print(f"  sdk transactions.list alone, {ROUNDS} calls in a row  median {statistics.median(alone) * 1e3:.3f} ms")

    # Where the SDK's time after the call goes: each step adds one level of first reads.
    def steps(level: int) -> None:
        page = client.transactions.list(page=1, page_size=100)
        if level >= 1:
            items = page.items
            if level >= 2:
                details = [t.transaction_details for t in items]
                if level >= 3:
                    for ds in details:
                        for d in ds:
                            d.price_per_item, d.total, d.package_price
    split = interleaved({level: (lambda level=level: steps(level)) for level in range(4)}, ROUNDS)
    labels = ["the call", "+ .items (100 transactions)", "+ .transaction_details (300 dispenses)", "+ 3 money fields each (900 Decimals)"]
    print("# Python, first reads of the transaction page, interleaved (each row adds to the one above)")
    for level, label in enumerate(labels):
        extra = "" if level == 0 else f"   +{(split[level] - split[level - 1]) * 1e6:6.0f} us"
        print(f"  {label:<40} median {split[level] * 1e3:8.3f} ms{extra}")

    contenders = {
        "sdk employees.list + numbers": lambda: [e.employee_number for e in client.employees.list(page=1, page_size=100).items],
        "urllib3 + json": lambda: [e["employeeNumber"] for e in u3("/api/Employee")["result"]["items"]],
    }
    if hx:
        contenders["httpx + json"] = lambda: [e["employeeNumber"] for e in hxget("/api/Employee")["result"]["items"]]
    compare("Python, 100 employees (16 KB)", contenders, ROUNDS * 3, "sdk employees.list + numbers")

    if len(sys.argv) > 2:
        slow = sys.argv[2].rstrip("/")
        sc = iqtech.Client(client_id="bench", client_secret="bench-secret", auth_url=slow, api_url=slow)
        best = []
        for _ in range(5):
            t = time.perf_counter()
            n = sum(1 for _ in sc.transactions.iter(page_size=100, concurrency=8))
            best.append(time.perf_counter() - t)
        assert n == 20_000, n
        m = statistics.median(best)
        print(f"# Python walk, 200 pages at 20 ms, concurrency 8: median {m * 1e3:.0f} ms = {m / 0.5:.2f}x the 500 ms floor")


if __name__ == "__main__":
    main()
