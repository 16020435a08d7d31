"""The exceptions of the iQ Tech SDK, one class per entry of the core's ``ERROR_CLASSES``.

Written by ``scripts/gen_stubs.py`` from the core's tables; do not edit.

Every exception the SDK raises for a call is an :class:`IqtechError`; ``str(error)`` is one
line a person can act on. Every error carries ``code`` (a stable string, the same in every
language binding), ``operation`` and ``page`` (the page an auto-pager failed on); each class
adds the fields listed in its ``fields``, named as in ``iqtech::ErrorDetails``: ``detail`` is
the server's message (or what is wrong), ``reason`` the cause of an unknown outcome,
``field_errors`` a list of ``{"field": ..., "messages": [...]}``, and ``retry_after`` and
``timeout`` are seconds. Fields that an error does not carry are ``None`` (``[]`` for
``field_errors``).
"""

from __future__ import annotations

import builtins
from typing import Any, ClassVar, Dict, List, Optional, Tuple, TypedDict

__all__ = [
    "FieldError",
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
    "InternalError",
]


class FieldError(TypedDict):
    """One field's messages from a validation answer (ProblemDetails ``errors``)."""

    field: str
    messages: List[str]


class IqtechError(Exception):
    """Root of every error the SDK raises."""

    code: ClassVar[str] = ""
    fields: ClassVar[Tuple[str, ...]] = ()
    operation: Optional[str]
    """The operation that failed, e.g. `employees.create`."""
    page: Optional[int]
    """The page an auto-pager failed on."""
    request_id: Optional[str]
    """The `X-Request-ID` the SDK sent (every error of a call that was sent)."""
    server_request_id: Optional[str]
    """The request id the server returned (`x-request-id`, `request-id`, `x-correlation-id`, `traceparent`, ...), when it returned one."""

    def __init__(self, message: str, /, **details: Any) -> None:
        super().__init__(message)
        self.operation = details.pop("operation", None)
        self.page = details.pop("page", None)
        self.request_id = details.pop("request_id", None)
        self.server_request_id = details.pop("server_request_id", None)
        for name in type(self).fields:
            setattr(self, name, details.pop(name, [] if name == "field_errors" else None))
        if details:
            unknown = ", ".join(sorted(details))
            raise TypeError(f"{type(self).__name__} has no field {unknown}")

    def __reduce__(self) -> Tuple[Any, ...]:
        # The fields are not in ``args``: pickle them explicitly (multiprocessing).
        return (_rebuild, (type(self), str(self), dict(self.__dict__)))


class ApiError(IqtechError):
    """The server answered with an error (also a 2xx whose envelope says isSuccess: false)."""

    code: ClassVar[str] = "api"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")
    status: Optional[int]
    """The HTTP status (API and decode errors)."""
    error_id: Optional[int]
    """The server's `errorId`, which may disagree with the status."""
    detail: Optional[str]
    """The server's message (API errors), or what is wrong (validation, configuration, connection, decode, internal)."""
    field_errors: List[FieldError]
    """Field errors from a ProblemDetails body."""
    trace_id: Optional[str]
    """ProblemDetails `traceId`, for the vendor's support."""
    body: Optional[str]
    """The first [`BODY_SNIPPET_LIMIT`] bytes of the body (API and decode errors)."""
    retry_after: Optional[float]
    """How long the server asked us to wait (`Retry-After`)."""


class BadRequestError(ApiError):
    """HTTP 400 or another 4xx without a class of its own: the request was refused as invalid."""

    code: ClassVar[str] = "bad_request"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")


class AuthenticationError(ApiError):
    """HTTP 401 or a refusal from the token endpoint: check the client id and secret."""

    code: ClassVar[str] = "authentication"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")


class PermissionDeniedError(ApiError):
    """HTTP 403: the credentials are valid but not allowed to do this."""

    code: ClassVar[str] = "permission_denied"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")


class NotFoundError(ApiError):
    """HTTP 404: the thing addressed does not exist."""

    code: ClassVar[str] = "not_found"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")


class ConflictError(ApiError):
    """HTTP 409: the request conflicts with the current state."""

    code: ClassVar[str] = "conflict"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")


class RateLimitError(ApiError):
    """HTTP 429 after every attempt: slow down; retry_after says for how long."""

    code: ClassVar[str] = "rate_limited"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")


class ServerError(ApiError):
    """HTTP 5xx after every attempt: the server failed."""

    code: ClassVar[str] = "server"
    fields: ClassVar[Tuple[str, ...]] = ("status", "error_id", "detail", "field_errors", "trace_id", "body", "retry_after")


class ValidationError(IqtechError, ValueError):
    """The caller passed something invalid; nothing was sent. field names it."""

    code: ClassVar[str] = "validation"
    fields: ClassVar[Tuple[str, ...]] = ("field", "detail")
    field: Optional[str]
    """The offending input field (validation errors), snake_case."""
    detail: Optional[str]
    """The server's message (API errors), or what is wrong (validation, configuration, connection, decode, internal)."""


class ConfigurationError(IqtechError):
    """The client is misconfigured (missing credentials, bad URL); nothing was sent."""

    code: ClassVar[str] = "config"
    fields: ClassVar[Tuple[str, ...]] = ("detail",)
    detail: Optional[str]
    """The server's message (API errors), or what is wrong (validation, configuration, connection, decode, internal)."""


class ConnectionError(IqtechError, builtins.ConnectionError):
    """The server could not be reached, for a request that is safe to repeat or was never sent."""

    code: ClassVar[str] = "connection"
    fields: ClassVar[Tuple[str, ...]] = ("detail",)
    detail: Optional[str]
    """The server's message (API errors), or what is wrong (validation, configuration, connection, decode, internal)."""


class TimeoutError(IqtechError, builtins.TimeoutError):
    """No answer within the timeout, for a request that is safe to repeat."""

    code: ClassVar[str] = "timeout"
    fields: ClassVar[Tuple[str, ...]] = ("timeout",)
    timeout: Optional[float]
    """The request timeout in force, or the call's deadline (timeout errors)."""


class DecodeError(IqtechError):
    """A 2xx answer whose body is not the documented shape."""

    code: ClassVar[str] = "decode"
    fields: ClassVar[Tuple[str, ...]] = ("status", "detail", "body")
    status: Optional[int]
    """The HTTP status (API and decode errors)."""
    detail: Optional[str]
    """The server's message (API errors), or what is wrong (validation, configuration, connection, decode, internal)."""
    body: Optional[str]
    """The first [`BODY_SNIPPET_LIMIT`] bytes of the body (API and decode errors)."""


class OutcomeUnknownError(IqtechError):
    """A request that must not be repeated was sent and its answer lost: check before trying again (how_to_check)."""

    code: ClassVar[str] = "outcome_unknown"
    fields: ClassVar[Tuple[str, ...]] = ("reason", "how_to_check")
    reason: Optional[str]
    """What happened to the answer (outcome-unknown errors)."""
    how_to_check: Optional[str]
    """How to find out whether the request took effect (outcome-unknown errors)."""


class InternalError(IqtechError):
    """A bug inside the SDK, caught at the language boundary: please report it."""

    code: ClassVar[str] = "internal"
    fields: ClassVar[Tuple[str, ...]] = ("detail",)
    detail: Optional[str]
    """The server's message (API errors), or what is wrong (validation, configuration, connection, decode, internal)."""


def _rebuild(cls: "type[IqtechError]", text: str, state: Dict[str, Any]) -> IqtechError:
    error = cls.__new__(cls, text)
    BaseException.__init__(error, text)  # sets args; OSError's __new__ leaves them to __init__
    error.__dict__.update(state)
    return error
