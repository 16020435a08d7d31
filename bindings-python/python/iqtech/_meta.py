"""``ResponseMeta``: what the last call through a client answered (``client.last_response``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

__all__ = ["ResponseMeta"]


@dataclass(frozen=True)
class ResponseMeta:
    """The facts of one finished call, as the core's ``iqtech::ResponseMeta`` has them.

    ``headers`` is every header of the last answer, in order, names lower-case; ``elapsed`` is
    seconds from the start of the call to its end, every attempt and backoff included;
    ``request_id`` is the ``X-Request-ID`` the SDK sent and ``server_request_id`` the id the
    server returned (``x-request-id``, ``request-id``, ``x-correlation-id``, ``traceparent``...).
    """

    status: int
    headers: List[Tuple[str, str]]
    elapsed: float
    attempts: int
    request_id: str
    server_request_id: Optional[str]

    def header(self, name: str) -> Optional[str]:
        """The first value of header ``name`` (any case), or ``None``."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k == wanted), None)
