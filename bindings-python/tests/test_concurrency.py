"""The GIL is released while waiting, threads share a client, Ctrl-C interrupts a blocking call,
threads that come and go leave nothing behind, asyncio gets real awaitables, and a forked child
works."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import iqtech
from iqtech.testing import Sandbox

from conftest import run


def test_gil_is_released_while_waiting(sandbox: Sandbox, client: iqtech.Client) -> None:
    client.employees.list(page_size=1)  # token first
    sandbox.inject(route="employees.list", latency_ms=400, times=1)
    ticks = 0
    stop = threading.Event()

    def spin() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    worker = threading.Thread(target=spin)
    worker.start()
    time.sleep(0.05)
    before = ticks
    start = time.perf_counter()
    client.employees.list(page_size=1)
    waited = time.perf_counter() - start
    during = ticks - before
    stop.set()
    worker.join()
    assert waited >= 0.35
    # Holding the GIL through the wait would let the spinner run only at the call's edges.
    assert during > 100_000, during


def test_many_threads_share_one_client(client: iqtech.Client) -> None:
    expected = client.employees.list(page=3, page_size=20)

    def call(i: int) -> iqtech.EmployeePage:
        return client.employees.list(page=3, page_size=20)

    with ThreadPoolExecutor(max_workers=16) as pool:
        pages = list(pool.map(call, range(64)))
    assert all(p == expected for p in pages)


def test_iterators_in_threads(client: iqtech.Client) -> None:
    def walk(_: int) -> int:
        return sum(1 for _ in client.machines.iter(page_size=3, concurrency=2))

    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(walk, range(8)))
    assert len(set(counts)) == 1 and counts[0] > 0


def test_sync_client_inside_asyncio_executor(client: iqtech.Client) -> None:
    async def body() -> int:
        loop = asyncio.get_running_loop()
        pages = await asyncio.gather(
            *(loop.run_in_executor(None, lambda: client.employees.list(page_size=5)) for _ in range(8))
        )
        return len({p.items[0].employee_number for p in pages})

    assert run(body) == 1


def test_event_loop_runs_while_awaiting(sandbox: Sandbox) -> None:
    client = sandbox.async_client()
    sandbox.inject(route="machines.list", latency_ms=300, times=1)

    async def body() -> int:
        ticks = 0
        done = False

        async def ticker() -> None:
            nonlocal ticks
            while not done:
                ticks += 1
                await asyncio.sleep(0.01)

        task = asyncio.ensure_future(ticker())
        await client.machines.list()
        done = True
        await task
        return ticks

    assert run(body) >= 10


def test_async_cancellation(sandbox: Sandbox) -> None:
    client = sandbox.async_client()
    sandbox.inject(route="machines.list", latency_ms=2000, times=1)

    async def body() -> None:
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(client.machines.list(), timeout=0.2)
        # the client still works afterwards
        assert (await client.machines.list(page_size=1)).items

    run(body)


def test_async_without_a_running_loop_fails_clearly(sandbox: Sandbox) -> None:
    client = sandbox.async_client()
    with pytest.raises(RuntimeError, match="no running event loop"):
        client.machines.list()


def test_async_clients_across_loops(sandbox: Sandbox) -> None:
    client = sandbox.async_client()
    for _ in range(3):
        page = run(lambda: client.employees.list(page_size=2))
        assert len(page.items) == 2


def _child(action: str, client: iqtech.Client, sandbox: Sandbox) -> int:
    """Runs in a forked child; returns its exit status."""
    try:
        if action == "same-client":
            page = client.employees.list(page_size=5)
            assert len(page.items) == 5
            assert sum(1 for _ in client.machines.iter(page_size=4, concurrency=2)) == len(
                client.machines.list().items
            )
        elif action == "new-async-client":
            c = iqtech.Client(
                client_id=sandbox.client_id,
                client_secret=sandbox.client_secret,
                auth_url=sandbox.auth_url,
                api_url=sandbox.api_url,
            )
            assert c.employees.list(page_size=1).items
            ac = iqtech.AsyncClient(
                client_id=sandbox.client_id,
                client_secret=sandbox.client_secret,
                auth_url=sandbox.auth_url,
                api_url=sandbox.api_url,
            )
            assert run(lambda: ac.machines.list(page_size=1)).items
        return 0
    except BaseException as e:  # report anything to the parent through the exit status
        os.write(2, f"child failed: {e!r}\n".encode())
        return 1


FORK_WARNING = "ignore:This process .* is multi-threaded:DeprecationWarning"


@pytest.mark.filterwarnings(FORK_WARNING)
@pytest.mark.parametrize("action", ["same-client", "new-async-client"])
def test_fork(client: iqtech.Client, sandbox: Sandbox, action: str) -> None:
    # Warm up the parent: runtime threads, pooled connections, a cached token.
    assert client.employees.list(page_size=5).items
    run(lambda: sandbox.async_client().employees.list(page_size=1))
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = _child(action, client, sandbox)
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    # the parent is unaffected
    assert client.employees.list(page_size=1).items


@pytest.mark.filterwarnings(FORK_WARNING)
def test_iterator_started_before_fork_fails_clearly_in_child(client: iqtech.Client) -> None:
    it = client.employees.iter(page_size=5)
    next(it)
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            for _ in range(20):
                next(it)
        except RuntimeError as e:
            code = 0 if "fork" in str(e) else 2
        except BaseException:
            code = 4
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    # Either it still had buffered items and then failed clearly (0), never a hang.
    assert os.waitstatus_to_exitcode(status) == 0


def test_ctrl_c_interrupts_a_blocking_call(sandbox: Sandbox, client: iqtech.Client) -> None:
    for _ in range(3):  # the token, and past the calls made on the shared runtime
        client.employees.list(page_size=1)
    sandbox.inject(route="employees.list", latency_ms=5000, times=1)
    main = threading.get_ident()
    timer = threading.Timer(0.3, lambda: signal.pthread_kill(main, signal.SIGINT))
    timer.start()
    start = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        client.employees.list(page_size=1)
    waited = time.perf_counter() - start
    timer.join()
    assert 0.25 <= waited < 2.0, waited
    # The abandoned call leaves the client usable.
    assert client.employees.list(page_size=1).items


def test_calls_from_short_lived_threads(client: iqtech.Client, capfd: pytest.CaptureFixture[str]) -> None:
    expected = client.employees.list(page=2, page_size=10)
    pages: list[iqtech.EmployeePage] = []

    def calls() -> None:
        # A thread's first calls use the shared runtime, later ones a runtime of its own.
        for _ in range(4):
            pages.append(client.employees.list(page=2, page_size=10))

    for _ in range(5):
        threads = [threading.Thread(target=calls) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(pages) == 160 and all(p == expected for p in pages)
    assert client.employees.list(page=2, page_size=10) == expected
    # A thread's own runtime and connections go away with it, quietly.
    assert "panicked" not in capfd.readouterr().err


def test_interpreter_exit_after_calls_is_quiet() -> None:
    script = (
        "import threading\n"
        "from iqtech.testing import Sandbox\n"
        "with Sandbox(seed=1, employees=5) as sb:\n"
        "    c = sb.client()\n"
        "    calls = lambda: [c.employees.list(page_size=2) for _ in range(4)]\n"
        "    t = threading.Thread(target=calls)\n"
        "    t.start(); t.join()\n"
        "    assert all(p.items for p in calls())\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
    assert done.stderr == "", done.stderr
