"""Benchmark of the Python binding against plain HTTP clients, on loopback, ratios from one run.

1. One call: ``client.employees.list(page_size=100)`` (and reading every item) vs ``httpx`` plus
   ``json`` doing the same request with a token fetched beforehand.
2. Walking 200 pages of 100 employees with 20 ms of injected latency per page:
   ``client.employees.iter(concurrency=8)`` vs a sequential ``requests`` loop.

The sandbox runs in a separate process (started from this same package), so the server does not
share the benchmark's interpreter. Run through ``bench/run.sh`` (release build).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Callable

import httpx
import requests

import iqtech

SERVER = """
import sys
from iqtech.testing import Sandbox
sb = Sandbox(seed=3, employees=20_000, machines=4, transactions=10).start()
print(sb.api_url, sb.client_id, sb.client_secret, flush=True)
sys.stdin.read()
"""


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def summary(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1e3:8.3f} ms  mean {statistics.fmean(samples) * 1e3:8.3f} ms"


def main() -> None:
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url, client_id, secret = server.stdout.readline().split()
        run(url, client_id, secret)
    finally:
        server.kill()
        server.wait()


def run(url: str, client_id: str, secret: str) -> None:
    client = iqtech.Client(client_id=client_id, client_secret=secret, auth_url=url, api_url=url)
    hx = httpx.Client()
    token = hx.post(
        f"{url}/connect/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    params = {"page": 1, "pageSize": 100}

    def binding_call() -> Any:
        return client.employees.list(page=1, page_size=100)

    def binding_call_items() -> Any:
        page = client.employees.list(page=1, page_size=100)
        return [e.employee_number for e in page.items]

    def httpx_call() -> Any:
        r = hx.get(f"{url}/api/Employee", params=params, headers=headers)
        r.raise_for_status()
        body = json.loads(r.text)
        return [e["employeeNumber"] for e in body["result"]["items"]]

    for fn in (binding_call, binding_call_items, httpx_call):
        timed(fn, 50)  # warm up: connections, token, caches
    repeat = int(os.environ.get("BENCH_REPEAT", "400"))
    results = {}
    for _ in range(3):  # interleave rounds so drift hits every contender alike
        for name, fn in (
            ("binding list()", binding_call),
            ("binding list() + read items", binding_call_items),
            ("httpx + json", httpx_call),
        ):
            results.setdefault(name, []).extend(timed(fn, repeat))
    print(f"1. one employees.list(page_size=100) call, {3 * repeat} samples each")
    for name, samples in results.items():
        print(f"   {name:30s} {summary(samples)}")
    base = statistics.median(results["httpx + json"])
    for name in ("binding list()", "binding list() + read items"):
        print(f"   speed-up vs httpx + json, {name}: {base / statistics.median(results[name]):.2f}x")

    # 2. 200 pages with 20 ms latency each.
    hx.post(f"{url}/_sandbox/faults", json={"route": "employees.list", "latency_ms": 20}).raise_for_status()
    session = requests.Session()

    def sequential() -> int:
        n = 0
        page = 1
        while True:
            r = session.get(f"{url}/api/Employee", params={"page": page, "pageSize": 100}, headers=headers)
            r.raise_for_status()
            result = r.json()["result"]
            n += len(result["items"])
            if not result["metaData"]["hasNextPage"]:
                return n
            page += 1

    def concurrent() -> int:
        return sum(1 for _ in client.employees.iter(page_size=100, concurrency=8))

    seq_n, seq_t = 0, []
    par_n, par_t = 0, []
    for _ in range(2):
        start = time.perf_counter()
        par_n = concurrent()
        par_t.append(time.perf_counter() - start)
        start = time.perf_counter()
        seq_n = sequential()
        seq_t.append(time.perf_counter() - start)
    assert seq_n == par_n == 20_000, (seq_n, par_n)
    print("2. 200 pages of 100 employees, 20 ms injected latency per page")
    print(f"   binding iter(concurrency=8)     best {min(par_t):.3f} s")
    print(f"   requests, sequential loop       best {min(seq_t):.3f} s")
    print(f"   speed-up: {min(seq_t) / min(par_t):.2f}x")


if __name__ == "__main__":
    main()
