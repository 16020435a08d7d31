"""The core's log events reach Python's logging under "iqtech", without secrets."""

from __future__ import annotations

import logging

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
