"""A real forward proxy (tinyproxy, from Debian's packages; scripts/test-proxies.sh installs it)
is reached through ``proxy=`` and through ``HTTP_PROXY``/``HTTPS_PROXY``, and ``no_proxy``
bypasses it. Skipped, with the reason, only when tinyproxy is not installed."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

import iqtech
from iqtech.testing import Sandbox

TINYPROXY = os.environ.get("TINYPROXY") or shutil.which("tinyproxy") or "/usr/sbin/tinyproxy"


class Tinyproxy:
    def __init__(self, folder: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = folder / "tinyproxy.log"
        conf = folder / "tinyproxy.conf"
        conf.write_text(
            f"Port {self.port}\nListen 127.0.0.1\nTimeout 30\nLogFile \"{self.log}\"\nLogLevel Info\n"
            f"MaxClients 20\nAllow 127.0.0.1\nPidFile \"{folder / 'tinyproxy.pid'}\"\n"
        )
        self.process = subprocess.Popen([TINYPROXY, "-d", "-c", str(conf)], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError("tinyproxy did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def requests_to(self, host: str) -> int:
        """How many requests for ``host`` the proxy logged (it logs each line as it happens)."""
        time.sleep(0.3)
        text = self.log.read_text() if self.log.exists() else ""
        return sum(1 for line in text.splitlines() if host in line and ("GET http://" in line or "CONNECT" in line))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def tinyproxy() -> Iterator[Tinyproxy]:
    if not Path(TINYPROXY).is_file():
        pytest.skip("tinyproxy is not installed (apt-get install tinyproxy, or scripts/test-proxies.sh)")
    with tempfile.TemporaryDirectory() as folder:
        proxy = Tinyproxy(Path(folder))
        yield proxy
        proxy.stop()


def plain_client(sandbox: Sandbox, **settings: str) -> iqtech.Client:
    return iqtech.Client(
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        auth_url=sandbox.auth_url,
        api_url=sandbox.api_url,
        # tinyproxy closes its client connection after each plain-HTTP answer, so a pooled
        # connection can close under the next request ("connection closed before message
        # completed"); a second attempt of a read covers that, as it would for a user.
        max_attempts=2,
        **settings,  # type: ignore[arg-type]
    )


def clear_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_the_proxy_option_goes_through_tinyproxy_and_no_proxy_bypasses_it(
    sandbox: Sandbox, tinyproxy: Tinyproxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    clear_proxy_env(monkeypatch)
    host = sandbox.api_url.split("//")[1].rstrip("/")
    plain_client(sandbox, proxy=tinyproxy.url).machines.list(page_size=1)
    through = tinyproxy.requests_to(host)
    assert through >= 2, tinyproxy.log.read_text()  # the token request and the call
    plain_client(sandbox, proxy=tinyproxy.url, no_proxy="127.0.0.1").machines.list(page_size=1)
    assert tinyproxy.requests_to(host) == through, "no_proxy must bypass the proxy"


def test_https_proxy_and_http_proxy_from_the_environment(
    sandbox: Sandbox, tinyproxy: Tinyproxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = sandbox.api_url.split("//")[1].rstrip("/")
    clear_proxy_env(monkeypatch)
    monkeypatch.setenv("HTTPS_PROXY", tinyproxy.url)
    monkeypatch.setenv("HTTP_PROXY", tinyproxy.url)
    plain_client(sandbox).machines.list(page_size=1)
    through = tinyproxy.requests_to(host)
    assert through >= 2, tinyproxy.log.read_text()
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    plain_client(sandbox).machines.list(page_size=1)
    assert tinyproxy.requests_to(host) == through, "NO_PROXY must bypass the proxy"
