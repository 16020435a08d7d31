"""Offline testing: :class:`Sandbox`, a faithful fake iQ Tech server embedded in the SDK.

>>> from iqtech.testing import Sandbox
>>> with Sandbox(seed=7, employees=20) as sandbox:           # doctest: +SKIP
...     client = sandbox.client()
...     sandbox.inject(route="employees.list", status=503, times=1)
...     page = client.employees.list()                       # retried, then served
...     assert sandbox.journal()["per_route"]["employees.list"] == 2

The server listens on 127.0.0.1 (a free port) and runs on the SDK's own background threads, so it
serves both :meth:`Sandbox.client` and :meth:`Sandbox.async_client` and any other HTTP client
pointed at :attr:`Sandbox.api_url` (the admin endpoints are under ``/_sandbox/``).
"""

from ._native import Sandbox

__all__ = ["Sandbox"]
