"""The core's log events reach Python's logging under "iqtech", without secrets."""

from __future__ import annotations

import logging
import threading

import pytest

import iqtech
from iqtech.testing import Sandbox

SECRET = "py-s3cr3t-value-do-not-log"


def test_log_records_reach_python_without_secrets(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="iqtech")
    with Sandbox(client_id="py-client", client_secret=SECRET, employees=30) as sandbox:
        client = sandbox.client()  # creating a client picks up the new level
        client.employees.list(page_size=5)
        sandbox.expire_tokens()
        client.employees.list(page_size=5)  # 401, new token, replay
        sandbox.inject(route="employees.list", status=503, times=1)
        client.employees.list(page_size=5)  # retried
        with pytest.raises(iqtech.BadRequestError):
            client.employees.set_pin(employee_number="1000", pin="12", old_pin="9999")
        pin_sent = "12"
        del pin_sent
    records = [r for r in caplog.records if r.name.startswith("iqtech")]
    assert records, "no log record from the core"
    assert any(r.levelno == logging.DEBUG and "employees.list" in r.getMessage() for r in records)
    assert any(r.levelno >= logging.INFO and "401" in r.getMessage() for r in records)
    assert any("retrying" in r.getMessage() for r in records)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET not in text
    assert "9999" not in text
    assert "Bearer" not in text


def test_quiet_by_default(caplog: pytest.LogCaptureFixture, client: iqtech.Client) -> None:
    caplog.set_level(logging.WARNING, logger="iqtech")
    iqtech.refresh_logging()
    client.employees.list(page_size=1)
    assert not [r for r in caplog.records if r.name.startswith("iqtech")]


def test_a_blocking_call_from_a_log_handler_is_refused_with_internal_error() -> None:
    # A handler runs where the record was made: inside a call, on a thread that runs the SDK's
    # runtime. Blocking there would stall the call; the core refuses it, as in every binding.
    caught: list[BaseException] = []

    class CallingHandler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "employees.list" not in record.getMessage():
                return
            try:
                inner.machines.list(page_size=1)
                caught.append(AssertionError("the nested call was not refused"))
            except BaseException as e:  # recorded here: logging swallows a handler's errors
                caught.append(e)

    logger = logging.getLogger("iqtech")
    handler = CallingHandler(level=logging.DEBUG)
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    failed: list[BaseException] = []
    try:
        with Sandbox(employees=3) as sandbox:
            inner = sandbox.client()
            outer = sandbox.client()  # created after the level change, so it logs at DEBUG

            def four_calls() -> None:
                try:
                    for _ in range(4):
                        outer.employees.list(page_size=1)
                except BaseException as e:
                    failed.append(e)

            # On a new thread, so its first two calls take the shared runtime (the handler runs
            # on a worker) and the next two the thread's own lane (the handler runs here).
            thread = threading.Thread(target=four_calls)
            thread.start()
            thread.join()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        iqtech.refresh_logging()
    assert not failed, failed
    assert len(caught) >= 4, f"the handler ran during {len(caught)} records, not every call"
    for e in caught:
        assert isinstance(e, iqtech.InternalError), repr(e)
        assert "blocking call" in str(e) and "async client" in str(e)
