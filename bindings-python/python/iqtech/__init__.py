"""Typed sync and asyncio client for the iQ Tech Integration API v2.7.0.

>>> import iqtech
>>> client = iqtech.Client.from_env()                      # doctest: +SKIP
>>> page = client.employees.list(page=1, page_size=100)    # doctest: +SKIP
>>> for employee in client.employees.iter(concurrency=4):  # doctest: +SKIP
...     print(employee.employee_number, employee.last_name)

The compiled core (``iqtech._native``) does all the work: HTTP, tokens, retries, paging,
validation and decoding; this package adds the exception classes (:mod:`iqtech.errors`), the
``str`` enums, the input shapes (:mod:`iqtech.types`) and the sandbox (:mod:`iqtech.testing`).
"""

import logging as _logging
import os as _os
import sys as _sys

from ._enums import AssigneeType, Language, ReservationType, SendCode, StockSeverity
from ._native import (
    AccessCode,
    AsyncClient,
    AsyncEmployees,
    AsyncItemIterator,
    AsyncMachines,
    AsyncPageIterator,
    AsyncTransactions,
    AsyncWillCall,
    AsyncWillCallV1,
    BatchDetail,
    Client,
    Employee,
    EmployeePage,
    Employees,
    ItemIterator,
    LegacyReservedLockerReport,
    LowStockRow,
    Machine,
    MachinePage,
    MachinePlanogram,
    Machines,
    PageIterator,
    PageMeta,
    PlanogramEntry,
    RecallResult,
    ReportMachine,
    ReservationDetail,
    ReservationResult,
    ReservationStatus,
    ReservedLockerReport,
    Transaction,
    TransactionDetail,
    TransactionMachine,
    TransactionPage,
    Transactions,
    UserLimit,
    WillCall,
    WillCallV1,
    __version__,
    refresh_logging,
)
from ._meta import ResponseMeta
from .errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ConnectionError,
    DecodeError,
    InternalError,
    IqtechError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TimeoutError,
    ValidationError,
)

__all__ = [
    "AccessCode",
    "ApiError",
    "AssigneeType",
    "AsyncClient",
    "AsyncEmployees",
    "AsyncItemIterator",
    "AsyncMachines",
    "AsyncPageIterator",
    "AsyncTransactions",
    "AsyncWillCall",
    "AsyncWillCallV1",
    "AuthenticationError",
    "BadRequestError",
    "BatchDetail",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "ConnectionError",
    "DecodeError",
    "Employee",
    "EmployeePage",
    "Employees",
    "InternalError",
    "IqtechError",
    "ItemIterator",
    "Language",
    "LegacyReservedLockerReport",
    "LowStockRow",
    "Machine",
    "MachinePage",
    "MachinePlanogram",
    "Machines",
    "NotFoundError",
    "PageIterator",
    "OutcomeUnknownError",
    "PageMeta",
    "PermissionDeniedError",
    "PlanogramEntry",
    "RateLimitError",
    "RecallResult",
    "ReportMachine",
    "ReservationDetail",
    "ReservationResult",
    "ReservationStatus",
    "ReservationType",
    "ReservedLockerReport",
    "ResponseMeta",
    "SendCode",
    "StockSeverity",
    "ServerError",
    "TimeoutError",
    "Transaction",
    "TransactionDetail",
    "TransactionMachine",
    "TransactionPage",
    "Transactions",
    "UserLimit",
    "ValidationError",
    "WillCall",
    "WillCallV1",
    "__version__",
    "refresh_logging",
]


def _log_from_env() -> None:
    """``IQTECH_LOG=info|debug``: sets the ``iqtech`` logger's level and, when no handler would
    receive its records, adds one on stderr. The program's own logging set-up wins otherwise."""
    wanted = _os.environ.get("IQTECH_LOG", "").strip().upper()
    level = {"TRACE": _logging.DEBUG, "WARN": _logging.WARNING}.get(wanted, wanted)
    if not isinstance(_logging.getLevelName(level), int) and not isinstance(level, int):
        return
    logger = _logging.getLogger("iqtech")
    logger.setLevel(level)
    if not logger.hasHandlers():
        handler = _logging.StreamHandler(_sys.stderr)
        handler.setFormatter(_logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    refresh_logging()


_log_from_env()
