"""The exceptions of the iQ Tech SDK.

Every exception the SDK raises for an API call is an :class:`IqtechError`. Catch a subclass to act
on one kind of failure; every error carries ``code`` (a stable string, the same in every language
binding) and ``page`` (the page number when an auto-pager failed, else ``None``).

- :class:`ApiError`: the server answered with an error. ``status``, ``error_id``, ``message``,
  ``field_errors``, ``trace_id``, ``body``, ``operation``, ``retry_after``. Subclassed by status:
  :class:`BadRequestError` (400 and other 4xx), :class:`AuthenticationError` (401),
  :class:`PermissionDeniedError` (403), :class:`NotFoundError` (404), :class:`ConflictError` (409),
  :class:`RateLimitError` (429), :class:`ServerError` (5xx).
- :class:`ValidationError` (also a ``ValueError``): a bad argument, caught before anything was
  sent; ``field`` names it.
- :class:`ConfigurationError`: the client is misconfigured (or closed).
- :class:`ConnectionError` / :class:`TimeoutError` (also the built-in ones): no answer, for a
  request that is safe to repeat (already retried).
- :class:`DecodeError`: a 2xx answer that is not the documented shape.
- :class:`OutcomeUnknownError`: a request that must not be repeated was sent and its answer lost;
  ``how_to_check`` says how to find out whether it took effect.
"""

from __future__ import annotations

import builtins
from typing import Any, ClassVar, Dict, List, Optional, Tuple

__all__ = [
    "IqtechError",
    "ApiError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "ServerError",
    "ValidationError",
    "ConfigurationError",
    "ConnectionError",
    "TimeoutError",
    "DecodeError",
    "OutcomeUnknownError",
]


class IqtechError(Exception):
    """Root of every error the SDK raises. ``str(error)`` is one line a person can act on."""

    code: ClassVar[str] = "error"
    """Stable machine-readable class of the error, identical in every binding."""

    def __init__(self, text: str, /, *, page: Optional[int] = None) -> None:
        super().__init__(text)
        self.message: str = text
        """What went wrong (for :class:`ApiError`: the server's message)."""
        self.page: Optional[int] = page
        """The page an auto-pager failed on, else ``None``."""

    def __reduce__(self) -> Tuple[Any, ...]:
        # Keyword-only fields are not in ``args``: pickle them explicitly (multiprocessing).
        return (_rebuild, (type(self), str(self), dict(self.__dict__)))


def _rebuild(cls: "type[IqtechError]", text: str, state: Dict[str, Any]) -> IqtechError:
    error = cls.__new__(cls, text)
    BaseException.__init__(error, text)  # sets args; OSError's __new__ leaves them to __init__
    error.__dict__.update(state)
    return error


class ApiError(IqtechError):
    """The server answered with an error (any of its four error shapes)."""

    code: ClassVar[str] = "api"

    def __init__(
        self,
        text: str,
        /,
        *,
        status: int,
        message: str = "",
        error_id: Optional[int] = None,
        field_errors: Optional[Dict[str, List[str]]] = None,
        trace_id: Optional[str] = None,
        body: Optional[str] = None,
        operation: str = "",
        retry_after: Optional[float] = None,
        page: Optional[int] = None,
    ) -> None:
        super().__init__(text, page=page)
        self.status: int = status
        """HTTP status of the answer."""
        self.message = message
        self.error_id: Optional[int] = error_id
        """The body's ``errorId`` (may disagree with ``status``)."""
        self.field_errors: Dict[str, List[str]] = dict(field_errors or {})
        """Per-field messages from a validation answer."""
        self.trace_id: Optional[str] = trace_id
        """The server's trace id, for the vendor's support."""
        self.body: Optional[str] = body
        """The start of the raw body (at most 512 bytes)."""
        self.operation: str = operation
        """The operation that failed, e.g. ``employees.create``."""
        self.retry_after: Optional[float] = retry_after
        """Seconds the server asked to wait (``Retry-After``), when it said."""


class BadRequestError(ApiError):
    """400 (and other 4xx without a class of their own): the request was refused as invalid."""

    code: ClassVar[str] = "bad_request"


class AuthenticationError(ApiError):
    """401, or a refusal from the token endpoint: the credentials were not accepted."""

    code: ClassVar[str] = "authentication"


class PermissionDeniedError(ApiError):
    """403: valid credentials, not allowed to do this."""

    code: ClassVar[str] = "permission_denied"


class NotFoundError(ApiError):
    """404: the thing addressed does not exist."""

    code: ClassVar[str] = "not_found"


class ConflictError(ApiError):
    """409: the request conflicts with the current state."""

    code: ClassVar[str] = "conflict"


class RateLimitError(ApiError):
    """429: too many requests (already retried as the policy allows); see ``retry_after``."""

    code: ClassVar[str] = "rate_limited"


class ServerError(ApiError):
    """5xx: the server failed (already retried when that was safe)."""

    code: ClassVar[str] = "server"


class ValidationError(IqtechError, ValueError):
    """A bad argument, caught before anything was sent; ``field`` names it."""

    code: ClassVar[str] = "validation"

    def __init__(self, text: str, /, *, field: str = "", page: Optional[int] = None) -> None:
        super().__init__(text, page=page)
        self.field: str = field
        """The offending argument (snake_case; nested ones as ``list[0].name``)."""


class ConfigurationError(IqtechError):
    """The client is misconfigured (missing credentials, bad URL) or closed; nothing was sent."""

    code: ClassVar[str] = "config"


class ConnectionError(IqtechError, builtins.ConnectionError):
    """The server could not be reached, for a request that is safe to repeat."""

    code: ClassVar[str] = "connection"

    def __init__(self, text: str, /, *, operation: str = "", page: Optional[int] = None) -> None:
        super().__init__(text, page=page)
        self.operation: str = operation
        """The operation that failed."""


class TimeoutError(IqtechError, builtins.TimeoutError):
    """No answer within the timeout, for a request that is safe to repeat."""

    code: ClassVar[str] = "timeout"

    def __init__(
        self,
        text: str,
        /,
        *,
        operation: str = "",
        timeout: Optional[float] = None,
        page: Optional[int] = None,
    ) -> None:
        super().__init__(text, page=page)
        self.operation: str = operation
        """The operation that failed."""
        self.timeout: Optional[float] = timeout
        """The request timeout in force, in seconds."""


class DecodeError(IqtechError):
    """A 2xx answer whose body is not the documented shape."""

    code: ClassVar[str] = "decode"

    def __init__(
        self,
        text: str,
        /,
        *,
        operation: str = "",
        status: Optional[int] = None,
        body: Optional[str] = None,
        page: Optional[int] = None,
    ) -> None:
        super().__init__(text, page=page)
        self.operation: str = operation
        """The operation that failed."""
        self.status: Optional[int] = status
        """HTTP status of the answer."""
        self.body: Optional[str] = body
        """The start of the body."""


class OutcomeUnknownError(IqtechError):
    """A request that must not be repeated was sent and its answer lost: it may have taken effect.

    It was not retried. ``how_to_check`` says how to find out before trying again.
    """

    code: ClassVar[str] = "outcome_unknown"

    def __init__(
        self,
        text: str,
        /,
        *,
        operation: str = "",
        cause: str = "",
        how_to_check: str = "",
        page: Optional[int] = None,
    ) -> None:
        super().__init__(text, page=page)
        self.operation: str = operation
        """The operation whose fate is unknown."""
        self.cause: str = cause
        """What happened to the answer."""
        self.how_to_check: str = how_to_check
        """How to find out whether it took effect."""
