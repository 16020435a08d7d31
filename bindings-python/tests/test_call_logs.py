"""Per-attempt debug lines and ``IQTECH_LOG`` (issue 12): the facts and the request id are there,
a client secret, token, PIN or proxy password never is."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

import iqtech
from iqtech.testing import Sandbox

SECRET = "py-Cl13nt-S3cret-4e1d"
TOKEN = "tok-py-Kn0wn-Token-8b2c"
PROXY_PASSWORD = "py-pr0xy-Passw0rd-7a"


def test_debug_lines_carry_the_request_id_and_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="iqtech")
    with Sandbox(client_id="py-logs", client_secret=SECRET, employees=5) as sandbox:
        # The first token handed out is a known one (the API refuses it, the SDK fetches another).
        sandbox.inject(
            route="token",
            respond={
                "status": 200,
                "headers": {"content-type": "application/json"},
                "body": '{"access_token":"%s","token_type":"Bearer","expires_in":3600}' % TOKEN,
            },
            times=1,
        )
        number = sandbox.employee_numbers()[0]
        pin = sandbox.employee_pin(number) or "24680"
        client = sandbox.client(
            proxy=f"http://user:{PROXY_PASSWORD}@127.0.0.1:9", no_proxy="127.0.0.1"
        ).with_options(request_id="py-req-1")
        client.employees.set_pin(employee_number=number, pin="97531", old_pin=sandbox.employee_pin(number))
        assert sandbox.employee_pin(number) == "97531"
    text = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in caplog.records)
    for secret in (SECRET, TOKEN, "97531", pin, PROXY_PASSWORD):
        assert secret not in text, f"{secret} leaked:\n{text}"
    assert "DEBUG iqtech.call: employees.set_pin POST /api/Employee/UpdateEmployeeSetPin -> 200" in text, text
    assert "request id py-req-1" in text
    assert "INFO iqtech.call: employees.set_pin finished with HTTP 200" in text, text


def test_iqtech_log_turns_on_stderr_lines() -> None:
    script = (
        "from iqtech.testing import Sandbox\n"
        "with Sandbox(employees=3) as sb:\n"
        "    sb.client().with_options(request_id='env-log-1').employees.list(page_size=1)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("IQTECH_")}
    quiet = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 0, quiet.stderr
    assert "iqtech.call" not in quiet.stderr
    loud = subprocess.run(
        [sys.executable, "-c", script], env={**env, "IQTECH_LOG": "debug"}, capture_output=True, text=True, timeout=120
    )
    assert loud.returncode == 0, loud.stderr
    assert "DEBUG iqtech.call: employees.list GET /api/Employee -> 200" in loud.stderr, loud.stderr
    assert "request id env-log-1" in loud.stderr
    info = subprocess.run(
        [sys.executable, "-c", script], env={**env, "IQTECH_LOG": "info"}, capture_output=True, text=True, timeout=120
    )
    assert "INFO iqtech.call: employees.list finished" in info.stderr, info.stderr
    assert "DEBUG" not in info.stderr
    assert iqtech._native._surface()  # the module imports here too
