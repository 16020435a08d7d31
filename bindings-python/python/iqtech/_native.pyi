"""Type stub of the compiled module ``iqtech._native`` (import everything from ``iqtech``)."""

import builtins
from collections.abc import Awaitable, Mapping
from datetime import date, datetime
from decimal import Decimal
from types import TracebackType
from typing import Any, ClassVar, Generic, TypeVar, final, overload

from typing_extensions import Self, Unpack

from ._enums import Language, StockSeverity
from ._meta import ResponseMeta
from .types import *  # the TypedDict of every record input (generated from the core)

# --- __all__ (generated) ---
# Written by scripts/gen_stubs.py from the core's tables and models; do not edit.
__all__ = [
    "__version__",
    "refresh_logging",
    "ItemIterator",
    "AsyncItemIterator",
    "PageIterator",
    "AsyncPageIterator",
    "_surface",
    "Client",
    "AsyncClient",
    "Employees",
    "WillCall",
    "WillCallV1",
    "Machines",
    "Transactions",
    "AsyncEmployees",
    "AsyncWillCall",
    "AsyncWillCallV1",
    "AsyncMachines",
    "AsyncTransactions",
    "Ready",
    "Canceller",
    "Sandbox",
    "PageMeta",
    "Employee",
    "EmployeePage",
    "Machine",
    "PlanogramEntry",
    "MachinePlanogram",
    "MachinePage",
    "TransactionMachine",
    "BatchDetail",
    "UserLimit",
    "TransactionDetail",
    "Transaction",
    "TransactionPage",
    "AccessCode",
    "ReservationResult",
    "ReservationStatus",
    "RecallResult",
    "ReservationDetail",
    "ReportMachine",
    "ReservedLockerReport",
    "LegacyReservedLockerReport",
    "LowStockRow",
]
# --- end of __all__ ---

__version__: str

def refresh_logging() -> None:
    """Makes logging configuration changed since the SDK's first log record take effect."""

_T = TypeVar("_T")

@final
class ItemIterator(Generic[_T]):
    """An auto-pager of items for ``for``: lazy, in order, fetching ahead up to its concurrency."""

    def __iter__(self) -> ItemIterator[_T]: ...
    def __next__(self) -> _T: ...

@final
class AsyncItemIterator(Generic[_T]):
    """An auto-pager of items for ``async for``: lazy, in order, fetching ahead up to its concurrency."""

    def __aiter__(self) -> AsyncItemIterator[_T]: ...
    def __anext__(self) -> Awaitable[_T]: ...

@final
class PageIterator(Generic[_T]):
    """An auto-pager of whole pages for ``for``: lazy, in order, fetching ahead up to its concurrency."""

    def __iter__(self) -> PageIterator[_T]: ...
    def __next__(self) -> _T: ...

@final
class AsyncPageIterator(Generic[_T]):
    """An auto-pager of whole pages for ``async for``: lazy, in order, fetching ahead up to its concurrency."""

    def __aiter__(self) -> AsyncPageIterator[_T]: ...
    def __anext__(self) -> Awaitable[_T]: ...

def _surface() -> str:
    """The core's whole surface as JSON text (operations, settings, request options, errors, enums), for tests."""

# --- clients and groups (generated) ---
# Written by scripts/gen_stubs.py from the core's tables and models; do not edit.

@final
class Client:
    """A synchronous client of the iQ Tech Integration API; safe to share between threads."""

    def __new__(
        cls,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        ca_bundle: str | None = None,
        use_system_roots: bool | None = None,
        proxy: str | None = None,
        no_proxy: str | None = None,
        connect_timeout: float | None = None,
        request_timeout: float | None = None,
        max_attempts: int | None = None,
        page_concurrency: int | None = None,
        user_agent: str | None = None,
        query_date_format: str | None = None,
    ) -> Self: ...
    @classmethod
    def from_env(
        cls,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        ca_bundle: str | None = None,
        use_system_roots: bool | None = None,
        proxy: str | None = None,
        no_proxy: str | None = None,
        connect_timeout: float | None = None,
        request_timeout: float | None = None,
        max_attempts: int | None = None,
        page_concurrency: int | None = None,
        user_agent: str | None = None,
        query_date_format: str | None = None,
    ) -> Client:
        """A client from IQTECH_CLIENT_ID, IQTECH_CLIENT_SECRET (and the URL variables), with these settings on top."""
    @property
    def employees(self) -> Employees:
        """Employee operations (document section 2)."""
    @property
    def will_call(self) -> WillCall:
        """Will-call lockers, current generation (document section 3, `/api/2.0/WillCall`)."""
    @property
    def will_call_v1(self) -> WillCallV1:
        """Will-call lockers, legacy generation (document section 6, `/api/WillCall`), for older tenants."""
    @property
    def machines(self) -> Machines:
        """Machines and their planograms (document section 4)."""
    @property
    def transactions(self) -> Transactions:
        """The transaction report (document section 5)."""
    @property
    def client_id(self) -> str: ...
    @property
    def auth_url(self) -> str: ...
    @property
    def api_url(self) -> str: ...
    def close(self) -> None:
        """Releases the connections; later calls raise ``ConfigurationError``."""
    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_attempts: int | None = None,
        headers: Mapping[str, str] | None = None,
        request_id: str | None = None,
        deadline: float | None = None,
    ) -> Self:
        """A client over the same connections and token whose every call uses these per-call options (seconds for timeout and deadline)."""
    @property
    def last_response(self) -> ResponseMeta | None:
        """What the last call through this client answered (status, headers, elapsed, attempts, request ids)."""
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> bool: ...

@final
class AsyncClient:
    """An asyncio client of the iQ Tech Integration API: its methods return awaitables."""

    def __new__(
        cls,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        ca_bundle: str | None = None,
        use_system_roots: bool | None = None,
        proxy: str | None = None,
        no_proxy: str | None = None,
        connect_timeout: float | None = None,
        request_timeout: float | None = None,
        max_attempts: int | None = None,
        page_concurrency: int | None = None,
        user_agent: str | None = None,
        query_date_format: str | None = None,
    ) -> Self: ...
    @classmethod
    def from_env(
        cls,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        ca_bundle: str | None = None,
        use_system_roots: bool | None = None,
        proxy: str | None = None,
        no_proxy: str | None = None,
        connect_timeout: float | None = None,
        request_timeout: float | None = None,
        max_attempts: int | None = None,
        page_concurrency: int | None = None,
        user_agent: str | None = None,
        query_date_format: str | None = None,
    ) -> AsyncClient:
        """A client from IQTECH_CLIENT_ID, IQTECH_CLIENT_SECRET (and the URL variables), with these settings on top."""
    @property
    def employees(self) -> AsyncEmployees:
        """Employee operations (document section 2)."""
    @property
    def will_call(self) -> AsyncWillCall:
        """Will-call lockers, current generation (document section 3, `/api/2.0/WillCall`)."""
    @property
    def will_call_v1(self) -> AsyncWillCallV1:
        """Will-call lockers, legacy generation (document section 6, `/api/WillCall`), for older tenants."""
    @property
    def machines(self) -> AsyncMachines:
        """Machines and their planograms (document section 4)."""
    @property
    def transactions(self) -> AsyncTransactions:
        """The transaction report (document section 5)."""
    @property
    def client_id(self) -> str: ...
    @property
    def auth_url(self) -> str: ...
    @property
    def api_url(self) -> str: ...
    def close(self) -> None:
        """Releases the connections; later calls raise ``ConfigurationError``."""
    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_attempts: int | None = None,
        headers: Mapping[str, str] | None = None,
        request_id: str | None = None,
        deadline: float | None = None,
    ) -> Self:
        """A client over the same connections and token whose every call uses these per-call options (seconds for timeout and deadline)."""
    @property
    def last_response(self) -> ResponseMeta | None:
        """What the last call through this client answered (status, headers, elapsed, attempts, request ids)."""
    def __aenter__(self) -> Awaitable[Self]: ...
    def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> Awaitable[None]: ...

@final
class Employees:
    """Employee operations (document section 2). Reached as an attribute of ``iqtech.Client``."""

    def list(self, page: int = 1, page_size: int = 100) -> EmployeePage:
        """One page of employees (E1). `page` counts from 1; `page_size` is 1 to 100."""
    def iter_pages(self, page_size: int | None = None, concurrency: int | None = None) -> PageIterator[EmployeePage]:
        """Every employee, page by page (page size 100 unless given; `concurrency` pages in flight, default from the client). Fails at once on invalid options."""
    def iter(self, page_size: int | None = None, concurrency: int | None = None) -> ItemIterator[Employee]:
        """Every employee, item by item, lazily and in order; see `iter_pages`."""
    @overload
    def create(self, input: EmployeeInput, /) -> None:
        """Creates an employee (E2). Never sent twice: a lost or unreadable answer gives an outcome-unknown error. `active` is sent as true unless given. The server refuses a duplicate number."""
    @overload
    def create(self, input: None = None, /, **kwargs: Unpack[EmployeeInput]) -> None:
        """Creates an employee (E2). Never sent twice: a lost or unreadable answer gives an outcome-unknown error. `active` is sent as true unless given. The server refuses a duplicate number."""
    @overload
    def update(self, employee_number: str, input: EmployeeInput, /) -> None:
        """Replaces employee `employee_number`'s whole record (E4); `input.employee_number` is the new number, so this can renumber. Fields left unset may be cleared by the server: use `patch` to change only some fields."""
    @overload
    def update(self, employee_number: str, input: None = None, /, **kwargs: Unpack[EmployeeInput]) -> None:
        """Replaces employee `employee_number`'s whole record (E4); `input.employee_number` is the new number, so this can renumber. Fields left unset may be cleared by the server: use `patch` to change only some fields."""
    def patch(self, employee_number: str, changes: EmployeeChanges | None = None, /, **kwargs: Unpack[EmployeeChanges]) -> None:
        """Changes only the fields set in `changes` and keeps every other field: looks the employee up (E6), merges, and sends the full record (E4). Fails on `employee_number` when no employee has that number."""
    def set_status(self, employee_number: str, active: bool) -> None:
        """Activates or deactivates an employee (E3)."""
    @overload
    def set_pin(self, input: SetPinInput, /) -> None:
        """Sets an employee's PIN (E5). Never sent twice."""
    @overload
    def set_pin(self, input: None = None, /, **kwargs: Unpack[SetPinInput]) -> None:
        """Sets an employee's PIN (E5). Never sent twice."""
    def lookup(self, query: EmployeeQuery | None = None, /, **kwargs: Unpack[EmployeeQuery]) -> builtins.list[Employee]:
        """Employees matching every criterion given (E6; at least one). No match is an empty list. Sent as GET; POST once on a 405, remembered."""

@final
class WillCall:
    """Will-call lockers, current generation (document section 3, `/api/2.0/WillCall`). Reached as an attribute of ``iqtech.Client``."""

    @overload
    def add_reservation(self, reservation: Reservation, /) -> ReservationResult:
        """Books a locker and sends its access codes (W1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    @overload
    def add_reservation(self, reservation: None = None, /, **kwargs: Unpack[Reservation]) -> ReservationResult:
        """Books a locker and sends its access codes (W1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    def reservation_status(self, serial_number: str) -> builtins.list[ReservationStatus]:
        """The reservations on a machine and their states (W2)."""
    def reservable_selections(self, serial_number: str) -> builtins.list[int]:
        """The selections (lockers) of a machine that can be booked now (W3)."""
    def send_new_code(self, reserve_locker_id: str) -> ReservationResult:
        """Replaces a reservation's access codes and sends the new ones (W4). Never sent twice: a repeat sends another message."""
    @overload
    def reserved_locker_report(self, query: ReservedLockerReportQuery, /) -> ReservedLockerReport:
        """One page of the reserved-locker report (W5)."""
    @overload
    def reserved_locker_report(self, query: None = None, /, **kwargs: Unpack[ReservedLockerReportQuery]) -> ReservedLockerReport:
        """One page of the reserved-locker report (W5)."""
    @overload
    def iter_reserved_locker_report_pages(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> PageIterator[ReservedLockerReport]:
        """The whole reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report_pages(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> PageIterator[ReservedLockerReport]:
        """The whole reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> ItemIterator[ReservationDetail]:
        """The whole reserved-locker report, reservation by reservation."""
    @overload
    def iter_reserved_locker_report(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> ItemIterator[ReservationDetail]:
        """The whole reserved-locker report, reservation by reservation."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: Assignee, /) -> RecallResult:
        """Recalls (cancels) a reservation (W6). Never sent twice: a repeat answers "Invalid Operation!"."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: None = None, /, **kwargs: Unpack[Assignee]) -> RecallResult:
        """Recalls (cancels) a reservation (W6). Never sent twice: a repeat answers "Invalid Operation!"."""

@final
class WillCallV1:
    """Will-call lockers, legacy generation (document section 6, `/api/WillCall`), for older tenants. Reached as an attribute of ``iqtech.Client``."""

    @overload
    def add_reservation(self, reservation: Reservation, /) -> ReservationResult:
        """Books a locker and sends its access codes (L1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    @overload
    def add_reservation(self, reservation: None = None, /, **kwargs: Unpack[Reservation]) -> ReservationResult:
        """Books a locker and sends its access codes (L1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    def reservation_status(self, serial_number: str) -> builtins.list[ReservationStatus]:
        """The reservations on a machine and their states (L2)."""
    def reservable_selections(self, serial_number: str) -> builtins.list[int]:
        """The selections (lockers) of a machine that can be booked now (L3)."""
    def send_new_code(self, reserve_locker_id: str) -> ReservationResult:
        """Replaces a reservation's access codes and sends the new ones (L4). Never sent twice: a repeat sends another message."""
    @overload
    def reserved_locker_report(self, query: ReservedLockerReportQuery, /) -> LegacyReservedLockerReport:
        """One page of the legacy reserved-locker report (L5), a flat list."""
    @overload
    def reserved_locker_report(self, query: None = None, /, **kwargs: Unpack[ReservedLockerReportQuery]) -> LegacyReservedLockerReport:
        """One page of the legacy reserved-locker report (L5), a flat list."""
    @overload
    def iter_reserved_locker_report_pages(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> PageIterator[LegacyReservedLockerReport]:
        """The whole legacy reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report_pages(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> PageIterator[LegacyReservedLockerReport]:
        """The whole legacy reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> ItemIterator[ReservationDetail]:
        """The whole legacy reserved-locker report, reservation by reservation."""
    @overload
    def iter_reserved_locker_report(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> ItemIterator[ReservationDetail]:
        """The whole legacy reserved-locker report, reservation by reservation."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: Assignee, /) -> RecallResult:
        """Recalls (cancels) a reservation (L6). Never sent twice: a repeat answers "Invalid Operation!"."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: None = None, /, **kwargs: Unpack[Assignee]) -> RecallResult:
        """Recalls (cancels) a reservation (L6). Never sent twice: a repeat answers "Invalid Operation!"."""

@final
class Machines:
    """Machines and their planograms (document section 4). Reached as an attribute of ``iqtech.Client``."""

    def planogram(self, serial_no: str) -> MachinePlanogram | None:
        """One machine with its planogram, by WTN serial number (M1 with `serialNo`). None when the server has no such machine; never a machine of another serial."""
    def list(self, page: int = 1, page_size: int = 100) -> MachinePage:
        """One page of machines with their planograms (M1 with `page`, `pageSize`)."""
    def iter_pages(self, page_size: int | None = None, concurrency: int | None = None) -> PageIterator[MachinePage]:
        """Every machine, page by page (page size 100 unless given)."""
    def iter(self, page_size: int | None = None, concurrency: int | None = None) -> ItemIterator[MachinePlanogram]:
        """Every machine, item by item, lazily and in order; see `iter_pages`."""
    def low_stock(self, serial_no: str | None = None, concurrency: int | None = None) -> builtins.list[LowStockRow]:
        """The low-stock report: every selection at or under its critical or low level, worst first, for one machine (`serial_no`) or for every machine. The same rows as the CLI's `machines low-stock` (rule in `iqtech::reports`)."""

@final
class Transactions:
    """The transaction report (document section 5). Reached as an attribute of ``iqtech.Client``."""

    def list(self, query: TransactionQuery | None = None, /, **kwargs: Unpack[TransactionQuery]) -> TransactionPage:
        """One page of the report (T1). Dates are inclusive; `page` defaults to 1 and `page_size` to 100."""
    def iter_pages(self, query: TransactionQuery | None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[TransactionQuery]) -> PageIterator[TransactionPage]:
        """The whole report for the query's filters, page by page (its page is ignored)."""
    def iter(self, query: TransactionQuery | None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[TransactionQuery]) -> ItemIterator[Transaction]:
        """The whole report, transaction by transaction; see `iter_pages`."""

@final
class AsyncEmployees:
    """Employee operations (document section 2). Reached as an attribute of ``iqtech.AsyncClient``."""

    def list(self, page: int = 1, page_size: int = 100) -> Awaitable[EmployeePage]:
        """One page of employees (E1). `page` counts from 1; `page_size` is 1 to 100."""
    def iter_pages(self, page_size: int | None = None, concurrency: int | None = None) -> AsyncPageIterator[EmployeePage]:
        """Every employee, page by page (page size 100 unless given; `concurrency` pages in flight, default from the client). Fails at once on invalid options."""
    def iter(self, page_size: int | None = None, concurrency: int | None = None) -> AsyncItemIterator[Employee]:
        """Every employee, item by item, lazily and in order; see `iter_pages`."""
    @overload
    def create(self, input: EmployeeInput, /) -> Awaitable[None]:
        """Creates an employee (E2). Never sent twice: a lost or unreadable answer gives an outcome-unknown error. `active` is sent as true unless given. The server refuses a duplicate number."""
    @overload
    def create(self, input: None = None, /, **kwargs: Unpack[EmployeeInput]) -> Awaitable[None]:
        """Creates an employee (E2). Never sent twice: a lost or unreadable answer gives an outcome-unknown error. `active` is sent as true unless given. The server refuses a duplicate number."""
    @overload
    def update(self, employee_number: str, input: EmployeeInput, /) -> Awaitable[None]:
        """Replaces employee `employee_number`'s whole record (E4); `input.employee_number` is the new number, so this can renumber. Fields left unset may be cleared by the server: use `patch` to change only some fields."""
    @overload
    def update(self, employee_number: str, input: None = None, /, **kwargs: Unpack[EmployeeInput]) -> Awaitable[None]:
        """Replaces employee `employee_number`'s whole record (E4); `input.employee_number` is the new number, so this can renumber. Fields left unset may be cleared by the server: use `patch` to change only some fields."""
    def patch(self, employee_number: str, changes: EmployeeChanges | None = None, /, **kwargs: Unpack[EmployeeChanges]) -> Awaitable[None]:
        """Changes only the fields set in `changes` and keeps every other field: looks the employee up (E6), merges, and sends the full record (E4). Fails on `employee_number` when no employee has that number."""
    def set_status(self, employee_number: str, active: bool) -> Awaitable[None]:
        """Activates or deactivates an employee (E3)."""
    @overload
    def set_pin(self, input: SetPinInput, /) -> Awaitable[None]:
        """Sets an employee's PIN (E5). Never sent twice."""
    @overload
    def set_pin(self, input: None = None, /, **kwargs: Unpack[SetPinInput]) -> Awaitable[None]:
        """Sets an employee's PIN (E5). Never sent twice."""
    def lookup(self, query: EmployeeQuery | None = None, /, **kwargs: Unpack[EmployeeQuery]) -> Awaitable[builtins.list[Employee]]:
        """Employees matching every criterion given (E6; at least one). No match is an empty list. Sent as GET; POST once on a 405, remembered."""

@final
class AsyncWillCall:
    """Will-call lockers, current generation (document section 3, `/api/2.0/WillCall`). Reached as an attribute of ``iqtech.AsyncClient``."""

    @overload
    def add_reservation(self, reservation: Reservation, /) -> Awaitable[ReservationResult]:
        """Books a locker and sends its access codes (W1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    @overload
    def add_reservation(self, reservation: None = None, /, **kwargs: Unpack[Reservation]) -> Awaitable[ReservationResult]:
        """Books a locker and sends its access codes (W1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    def reservation_status(self, serial_number: str) -> Awaitable[builtins.list[ReservationStatus]]:
        """The reservations on a machine and their states (W2)."""
    def reservable_selections(self, serial_number: str) -> Awaitable[builtins.list[int]]:
        """The selections (lockers) of a machine that can be booked now (W3)."""
    def send_new_code(self, reserve_locker_id: str) -> Awaitable[ReservationResult]:
        """Replaces a reservation's access codes and sends the new ones (W4). Never sent twice: a repeat sends another message."""
    @overload
    def reserved_locker_report(self, query: ReservedLockerReportQuery, /) -> Awaitable[ReservedLockerReport]:
        """One page of the reserved-locker report (W5)."""
    @overload
    def reserved_locker_report(self, query: None = None, /, **kwargs: Unpack[ReservedLockerReportQuery]) -> Awaitable[ReservedLockerReport]:
        """One page of the reserved-locker report (W5)."""
    @overload
    def iter_reserved_locker_report_pages(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> AsyncPageIterator[ReservedLockerReport]:
        """The whole reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report_pages(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> AsyncPageIterator[ReservedLockerReport]:
        """The whole reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> AsyncItemIterator[ReservationDetail]:
        """The whole reserved-locker report, reservation by reservation."""
    @overload
    def iter_reserved_locker_report(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> AsyncItemIterator[ReservationDetail]:
        """The whole reserved-locker report, reservation by reservation."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: Assignee, /) -> Awaitable[RecallResult]:
        """Recalls (cancels) a reservation (W6). Never sent twice: a repeat answers "Invalid Operation!"."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: None = None, /, **kwargs: Unpack[Assignee]) -> Awaitable[RecallResult]:
        """Recalls (cancels) a reservation (W6). Never sent twice: a repeat answers "Invalid Operation!"."""

@final
class AsyncWillCallV1:
    """Will-call lockers, legacy generation (document section 6, `/api/WillCall`), for older tenants. Reached as an attribute of ``iqtech.AsyncClient``."""

    @overload
    def add_reservation(self, reservation: Reservation, /) -> Awaitable[ReservationResult]:
        """Books a locker and sends its access codes (L1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    @overload
    def add_reservation(self, reservation: None = None, /, **kwargs: Unpack[Reservation]) -> Awaitable[ReservationResult]:
        """Books a locker and sends its access codes (L1). Never sent twice: a lost answer gives an outcome-unknown error; check `reservation_status` first. Every call sends real SMS or e-mail in production."""
    def reservation_status(self, serial_number: str) -> Awaitable[builtins.list[ReservationStatus]]:
        """The reservations on a machine and their states (L2)."""
    def reservable_selections(self, serial_number: str) -> Awaitable[builtins.list[int]]:
        """The selections (lockers) of a machine that can be booked now (L3)."""
    def send_new_code(self, reserve_locker_id: str) -> Awaitable[ReservationResult]:
        """Replaces a reservation's access codes and sends the new ones (L4). Never sent twice: a repeat sends another message."""
    @overload
    def reserved_locker_report(self, query: ReservedLockerReportQuery, /) -> Awaitable[LegacyReservedLockerReport]:
        """One page of the legacy reserved-locker report (L5), a flat list."""
    @overload
    def reserved_locker_report(self, query: None = None, /, **kwargs: Unpack[ReservedLockerReportQuery]) -> Awaitable[LegacyReservedLockerReport]:
        """One page of the legacy reserved-locker report (L5), a flat list."""
    @overload
    def iter_reserved_locker_report_pages(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> AsyncPageIterator[LegacyReservedLockerReport]:
        """The whole legacy reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report_pages(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> AsyncPageIterator[LegacyReservedLockerReport]:
        """The whole legacy reserved-locker report, page by page (the query's page is ignored)."""
    @overload
    def iter_reserved_locker_report(self, query: ReservedLockerReportQuery, /, *, concurrency: int | None = None) -> AsyncItemIterator[ReservationDetail]:
        """The whole legacy reserved-locker report, reservation by reservation."""
    @overload
    def iter_reserved_locker_report(self, query: None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[ReservedLockerReportQuery]) -> AsyncItemIterator[ReservationDetail]:
        """The whole legacy reserved-locker report, reservation by reservation."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: Assignee, /) -> Awaitable[RecallResult]:
        """Recalls (cancels) a reservation (L6). Never sent twice: a repeat answers "Invalid Operation!"."""
    @overload
    def recall_reservation(self, reserve_locker_id: str, assignee: None = None, /, **kwargs: Unpack[Assignee]) -> Awaitable[RecallResult]:
        """Recalls (cancels) a reservation (L6). Never sent twice: a repeat answers "Invalid Operation!"."""

@final
class AsyncMachines:
    """Machines and their planograms (document section 4). Reached as an attribute of ``iqtech.AsyncClient``."""

    def planogram(self, serial_no: str) -> Awaitable[MachinePlanogram | None]:
        """One machine with its planogram, by WTN serial number (M1 with `serialNo`). None when the server has no such machine; never a machine of another serial."""
    def list(self, page: int = 1, page_size: int = 100) -> Awaitable[MachinePage]:
        """One page of machines with their planograms (M1 with `page`, `pageSize`)."""
    def iter_pages(self, page_size: int | None = None, concurrency: int | None = None) -> AsyncPageIterator[MachinePage]:
        """Every machine, page by page (page size 100 unless given)."""
    def iter(self, page_size: int | None = None, concurrency: int | None = None) -> AsyncItemIterator[MachinePlanogram]:
        """Every machine, item by item, lazily and in order; see `iter_pages`."""
    def low_stock(self, serial_no: str | None = None, concurrency: int | None = None) -> Awaitable[builtins.list[LowStockRow]]:
        """The low-stock report: every selection at or under its critical or low level, worst first, for one machine (`serial_no`) or for every machine. The same rows as the CLI's `machines low-stock` (rule in `iqtech::reports`)."""

@final
class AsyncTransactions:
    """The transaction report (document section 5). Reached as an attribute of ``iqtech.AsyncClient``."""

    def list(self, query: TransactionQuery | None = None, /, **kwargs: Unpack[TransactionQuery]) -> Awaitable[TransactionPage]:
        """One page of the report (T1). Dates are inclusive; `page` defaults to 1 and `page_size` to 100."""
    def iter_pages(self, query: TransactionQuery | None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[TransactionQuery]) -> AsyncPageIterator[TransactionPage]:
        """The whole report for the query's filters, page by page (its page is ignored)."""
    def iter(self, query: TransactionQuery | None = None, /, *, concurrency: int | None = None, **kwargs: Unpack[TransactionQuery]) -> AsyncItemIterator[Transaction]:
        """The whole report, transaction by transaction; see `iter_pages`."""

# --- end of clients and groups ---

@final
class Ready:
    """An awaitable whose outcome is already known (internal)."""

    def __await__(self) -> Ready: ...
    def __iter__(self) -> Ready: ...
    def __next__(self) -> Any: ...

@final
class Canceller:
    """Done-callback that aborts a cancelled operation (internal)."""

    def __call__(self, future: Any) -> None: ...

@final
class Sandbox:
    """The embedded fake iQ Tech server on 127.0.0.1 (use ``iqtech.testing.Sandbox``)."""

# --- sandbox settings (generated) ---
# Written by scripts/gen_stubs.py from the core's tables and models; do not edit.
    def __new__(
        cls,
        *,
        seed: int | None = None,
        employees: int | None = None,
        machines: int | None = None,
        transactions: int | None = None,
        transactions_start: str | None = None,
        transactions_days: int | None = None,
        token_lifetime: float | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        account_name: str | None = None,
        journal_capacity: int | None = None,
        host: str | None = None,
        port: int | None = None,
        https: bool | None = None,
        faults: list[FaultSpec] | None = None,
        dialect: dict[str, Any] | None = None,
    ) -> Self:
        """Configures a sandbox from the fields of iqtech_sandbox::SandboxSettings (durations in seconds); each has a default. Nothing runs until start() or with."""

# --- end of sandbox settings ---
    def start(self) -> Self:
        """Starts the server (a no-op when it runs)."""
    def stop(self) -> None:
        """Stops the server, letting requests in flight finish."""
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> bool: ...
    @property
    def running(self) -> bool: ...
    @property
    def auth_url(self) -> str: ...
    @property
    def api_url(self) -> str: ...
    @property
    def client_id(self) -> str: ...
    @property
    def client_secret(self) -> str: ...
# --- sandbox clients (generated) ---
# Written by scripts/gen_stubs.py from the core's tables and models; do not edit.
    def client(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        ca_bundle: str | None = None,
        use_system_roots: bool | None = None,
        proxy: str | None = None,
        no_proxy: str | None = None,
        connect_timeout: float | None = None,
        request_timeout: float | None = None,
        max_attempts: int | None = None,
        page_concurrency: int | None = None,
        user_agent: str | None = None,
        query_date_format: str | None = None,
    ) -> Client:
        """A ready client for this sandbox: its URLs and credentials unless given."""
    def async_client(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        auth_url: str | None = None,
        api_url: str | None = None,
        ca_bundle: str | None = None,
        use_system_roots: bool | None = None,
        proxy: str | None = None,
        no_proxy: str | None = None,
        connect_timeout: float | None = None,
        request_timeout: float | None = None,
        max_attempts: int | None = None,
        page_concurrency: int | None = None,
        user_agent: str | None = None,
        query_date_format: str | None = None,
    ) -> AsyncClient:
        """A ready asyncio client for this sandbox: its URLs and credentials unless given."""

# --- end of sandbox clients ---
    @overload
    def inject(self, spec: FaultSpec, /) -> int: ...
    @overload
    def inject(self, spec: None = None, /, **kwargs: Unpack[FaultSpec]) -> int: ...
    def faults(self) -> builtins.list[dict[str, Any]]:
        """The installed fault rules (``id``, ``spec``, ``remaining``)."""
    def remove_fault(self, id: int) -> bool: ...
    def clear_faults(self) -> None: ...
    def expire_tokens(self) -> None:
        """Makes every token issued so far expire now."""
    def journal(self) -> dict[str, Any]:
        """``token_requests``, ``per_route``, ``total_requests`` and the recent ``requests``."""
    def clear_journal(self) -> None: ...
    def machine_serials(self) -> builtins.list[str]: ...
    def locker_machine_serials(self) -> builtins.list[str]: ...
    def employee_numbers(self) -> builtins.list[str]: ...
    def employee_pin(self, employee_number: str) -> str | None: ...
    def reservations(self) -> builtins.list[dict[str, Any]]:
        """Every reservation, oldest first, with its status and live access codes."""

# --- models (generated) ---
# Written by scripts/gen_stubs.py from the core's tables and models; do not edit.

@final
class PageMeta:
    """The `metaData` block of a paged answer (named `meta` here)."""
    @property
    def first_item_on_page(self) -> int | None:
        """Index (1-based, over all items) of this page's first item."""
    @property
    def has_next_page(self) -> bool | None:
        """Whether a later page exists."""
    @property
    def has_previous_page(self) -> bool | None:
        """Whether an earlier page exists."""
    @property
    def is_first_page(self) -> bool | None:
        """Whether this is page 1."""
    @property
    def is_last_page(self) -> bool | None:
        """Whether this is the last page."""
    @property
    def last_item_on_page(self) -> int | None:
        """Index of this page's last item."""
    @property
    def page_count(self) -> int | None:
        """Number of pages at this page size."""
    @property
    def page_number(self) -> int | None:
        """This page's number (1-based)."""
    @property
    def page_size(self) -> int | None:
        """The page size in force."""
    @property
    def total_item_count(self) -> int | None:
        """Number of items over all pages."""
    @property
    def this_page_item_count(self) -> int | None:
        """Number of items on this page."""
    @property
    def item_start(self) -> int | None:
        """Same as `first_item_on_page` in every example seen."""
    @property
    def item_end(self) -> int | None:
        """Index of this page's last item."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Employee:
    """An employee as returned by the list (E1) and lookup (E6) operations. The list sends the first seven fields; the lookup sends them all (with `language` as an integer instead of a name, quirk 5). Fields a response lacks are `None`."""
    @property
    def first_name(self) -> str | None:
        """First name."""
    @property
    def last_name(self) -> str | None:
        """Last name."""
    @property
    def employee_number(self) -> str | None:
        """The employee number, the identifier every other employee operation takes."""
    @property
    def badge(self) -> str | None:
        """Badge number (`""` and `null` both occur)."""
    @property
    def language(self) -> Language | str | None:
        """Language, from a name (list) or a code (lookup)."""
    @property
    def active(self) -> bool | None:
        """Whether the employee may use machines."""
    @property
    def department(self) -> str | None:
        """Department."""
    @property
    def email(self) -> str | None:
        """E-mail (lookup only)."""
    @property
    def is_vt_admin(self) -> bool | None:
        """Whether the employee administers VT machines (lookup only; JSON `isVTAdmin`)."""
    @property
    def pin_option(self) -> str | None:
        """PIN option code (lookup only)."""
    @property
    def active_status(self) -> str | None:
        """Active status text (lookup only)."""
    @property
    def language_description(self) -> str | None:
        """The language's name (lookup only)."""
    @property
    def account_name(self) -> str | None:
        """The tenant's account name (lookup only)."""
    @property
    def employee_ids(self) -> str | None:
        """Undocumented (lookup only; `null` in the document)."""
    @property
    def separatesave(self) -> str | None:
        """Undocumented (lookup only; `null` in the document)."""
    @property
    def ignore_finger_print(self) -> bool | None:
        """Whether fingerprint checks are skipped (lookup only)."""
    @property
    def ignore_finger_print_string(self) -> str | None:
        """Text form of `ignore_finger_print` (lookup only)."""
    @property
    def manager_email(self) -> str | None:
        """Manager's e-mail (lookup only)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class EmployeePage:
    """One page of employees (E1)."""
    @property
    def items(self) -> list[Employee]:
        """The employees on this page."""
    @property
    def meta(self) -> PageMeta:
        """Paging metadata (JSON `metaData`)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Machine:
    """A vending machine or locker bank."""
    @property
    def machine_name(self) -> str | None:
        """Display name (may carry stray spaces, as the server stores it)."""
    @property
    def control_board_serial_no(self) -> str | None:
        """The control board's WTN serial number: the `serial_no` other operations take."""
    @property
    def machine_serial_no(self) -> str | None:
        """The cabinet's own serial number (often `null`)."""
    @property
    def location(self) -> str | None:
        """Location name."""
    @property
    def machine_type(self) -> int | None:
        """Machine type code (undocumented values, e.g. 2 touchscreen, 3 virtual tracker)."""
    @property
    def status(self) -> bool | None:
        """Whether the machine is enabled."""
    @property
    def last_activity(self) -> datetime | str | None:
        """Last time the machine reported in (server local time, no offset)."""
    @property
    def control_board_version(self) -> str | None:
        """Firmware version (may be `null`)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class PlanogramEntry:
    """One selection (slot) of a machine's planogram."""
    @property
    def selection(self) -> str | None:
        """Selection (slot) number, as text."""
    @property
    def product_name(self) -> str | None:
        """Product name."""
    @property
    def product_item_number(self) -> str | None:
        """Product item number."""
    @property
    def critical_level(self) -> int | None:
        """Count at or under which stock is critical."""
    @property
    def low_level(self) -> int | None:
        """Count at or under which stock is low."""
    @property
    def par_level(self) -> int | None:
        """Target count after restocking."""
    @property
    def max_depth(self) -> int | None:
        """Capacity of the selection."""
    @property
    def current_count(self) -> int | None:
        """Items in the selection now."""
    @property
    def price(self) -> Decimal | None:
        """Unit price, exact (the server sends the string `"0.00"`)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class MachinePlanogram:
    """A machine with its planogram (one item of M1)."""
    @property
    def machine(self) -> Machine:
        """The machine."""
    @property
    def machine_planogram(self) -> list[PlanogramEntry]:
        """Its selections."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class MachinePage:
    """One page of machines with planograms (M1, all machines)."""
    @property
    def items(self) -> list[MachinePlanogram]:
        """The machines on this page."""
    @property
    def meta(self) -> PageMeta:
        """Paging metadata (JSON `metaData`)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class TransactionMachine:
    """The machine a transaction happened on."""
    @property
    def serial_no(self) -> str | None:
        """WTN serial number."""
    @property
    def organization(self) -> str | None:
        """Organization."""
    @property
    def account(self) -> str | None:
        """Account."""
    @property
    def machine_name(self) -> str | None:
        """Machine name."""
    @property
    def location(self) -> str | None:
        """Location."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class BatchDetail:
    """A lot taken in a transaction."""
    @property
    def lot_number(self) -> str | None:
        """Lot number."""
    @property
    def exp_date(self) -> str | None:
        """Expiry date, as sent."""
    @property
    def qty_taken(self) -> Decimal | None:
        """Quantity taken (the server sends the string `"1"`)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class UserLimit:
    """An answer to a question asked at the machine (user limits)."""
    @property
    def question(self) -> str | None:
        """The question."""
    @property
    def response(self) -> str | None:
        """The answer given."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class TransactionDetail:
    """One dispense."""
    @property
    def transaction_date_and_time(self) -> datetime | str | None:
        """When (server local time, no offset, seven fractional digits)."""
    @property
    def employee_name(self) -> str | None:
        """"Last, First"."""
    @property
    def employee_number(self) -> str | None:
        """Employee number."""
    @property
    def product_name(self) -> str | None:
        """Product name."""
    @property
    def product_group(self) -> str | None:
        """Product group."""
    @property
    def product_group_name(self) -> str | None:
        """Product group name."""
    @property
    def offline_purchase(self) -> str | None:
        """"Yes" or "No"."""
    @property
    def selection(self) -> str | None:
        """Selection (slot)."""
    @property
    def manufacturer_name(self) -> str | None:
        """Manufacturer."""
    @property
    def manufacturer_item_number(self) -> str | None:
        """Manufacturer's item number."""
    @property
    def dispensed_quantity(self) -> Decimal | None:
        """Quantity dispensed (exact; numbers and numeric strings both decode)."""
    @property
    def second_person_auth(self) -> str | None:
        """Second person who authorised it."""
    @property
    def batch_details(self) -> list[BatchDetail]:
        """Lots taken."""
    @property
    def user_limit(self) -> list[UserLimit]:
        """Questions answered."""
    @property
    def price_per_item(self) -> Decimal | None:
        """Unit price, exact."""
    @property
    def total(self) -> Decimal | None:
        """Total, exact."""
    @property
    def item_number(self) -> str | None:
        """Item number."""
    @property
    def taken_weight(self) -> str | None:
        """Weight taken, as sent."""
    @property
    def asset_number(self) -> str | None:
        """Asset number."""
    @property
    def department(self) -> str | None:
        """Department."""
    @property
    def package_quantity(self) -> Decimal | None:
        """Items per package (exact)."""
    @property
    def package_price(self) -> Decimal | None:
        """Package price, exact."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Transaction:
    """One item of the transaction report: a machine and its dispenses."""
    @property
    def machine_details(self) -> TransactionMachine:
        """The machine."""
    @property
    def transaction_details(self) -> list[TransactionDetail]:
        """The dispenses."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class TransactionPage:
    """One page of the transaction report."""
    @property
    def items(self) -> list[Transaction]:
        """The transactions on this page."""
    @property
    def meta(self) -> PageMeta:
        """Paging metadata (JSON `metaData`)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class AccessCode:
    """One access code sent to an assignee. `Debug` hides the code and its bar-code URL (which embeds the code): a locker code in a log opens the locker."""
    @property
    def user_name(self) -> str | None:
        """The assignee's name."""
    @property
    def role(self) -> str | None:
        """The assignee's role, e.g. `DropOff`."""
    @property
    def code(self) -> str | None:
        """The code, a string of digits (JSON `accessCodes`, which holds ONE code)."""
    @property
    def bar_code(self) -> str | None:
        """URL of the bar code image."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ReservationResult:
    """The answer of add-reservation and send-new-code."""
    @property
    def reserve_locker_id(self) -> str | None:
        """The reservation's id (a GUID), for send-new-code and recall."""
    @property
    def access_codes(self) -> list[AccessCode]:
        """One code per assignee."""
    @property
    def message(self) -> str | None:
        """The server's message, e.g. "Reservation added successfully"."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ReservationStatus:
    """One reservation's state on a machine (W2/L2)."""
    @property
    def reserve_locker_id(self) -> str | None:
        """The reservation's id (v2 only; the legacy route omits it)."""
    @property
    def selection(self) -> str | None:
        """The locker selection."""
    @property
    def current_status(self) -> str | None:
        """E.g. "Drop Off Pending"."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class RecallResult:
    """The answer of recall (W6/L6)."""
    @property
    def message(self) -> str | None:
        """E.g. "Reservation Recalled Successfully"."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ReservationDetail:
    """One reservation event in the reserved-locker report."""
    @property
    def reservation_type(self) -> str | None:
        """Reservation type (JSON `type`, renamed because `type` is a keyword in most languages)."""
    @property
    def selection(self) -> str | None:
        """Locker selection."""
    @property
    def product_name(self) -> str | None:
        """Product."""
    @property
    def activity(self) -> str | None:
        """E.g. "Stock Pending"."""
    @property
    def timestamp(self) -> datetime | str | None:
        """When it happened."""
    @property
    def reserved_user(self) -> str | None:
        """Who reserved it."""
    @property
    def role(self) -> str | None:
        """E.g. "Drop Off"."""
    @property
    def assignee(self) -> str | None:
        """The assignee's name."""
    @property
    def assignee_type(self) -> str | None:
        """Employee, User or Custom."""
    @property
    def date_string(self) -> str | None:
        """The server's local-time text, e.g. "12/13/2023 06:00 PM"."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ReportMachine:
    """One machine's section of the v2 report."""
    @property
    def machine_name(self) -> str | None:
        """Machine name."""
    @property
    def location_name(self) -> str | None:
        """Location name."""
    @property
    def reservation_details(self) -> list[ReservationDetail]:
        """Its reservation events."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ReservedLockerReport:
    """One page of the v2 reserved-locker report (W5). Not enveloped; pages by `has_next_page`."""
    @property
    def account_name(self) -> str | None:
        """The tenant's account name."""
    @property
    def has_next_page(self) -> bool | None:
        """Whether a later page exists."""
    @property
    def total_pages(self) -> int | None:
        """Number of pages."""
    @property
    def machine_details(self) -> list[ReportMachine]:
        """Per-machine sections."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class LegacyReservedLockerReport:
    """One page of the legacy reserved-locker report (L5): flat, one machine."""
    @property
    def machine_name(self) -> str | None:
        """Machine name."""
    @property
    def account_name(self) -> str | None:
        """The tenant's account name."""
    @property
    def location_name(self) -> str | None:
        """Location name."""
    @property
    def has_next_page(self) -> bool | None:
        """Whether a later page exists."""
    @property
    def total_pages(self) -> int | None:
        """Number of pages."""
    @property
    def reservation_details(self) -> list[ReservationDetail]:
        """The reservation events."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class LowStockRow:
    """One selection at or under its critical or low level."""
    @property
    def severity(self) -> StockSeverity:
        """Critical or low."""
    @property
    def serial_no(self) -> str | None:
        """The machine's WTN serial number (`control_board_serial_no`)."""
    @property
    def machine_name(self) -> str | None:
        """The machine's name."""
    @property
    def location(self) -> str | None:
        """The machine's location."""
    @property
    def selection(self) -> str | None:
        """The selection (slot)."""
    @property
    def product_name(self) -> str | None:
        """The product in it."""
    @property
    def product_item_number(self) -> str | None:
        """The product's item number."""
    @property
    def current_count(self) -> int:
        """Items in the selection now."""
    @property
    def level(self) -> int:
        """The level that triggered: the critical level for critical rows, the low level for low."""
    @property
    def critical_level(self) -> int | None:
        """The selection's critical level as sent."""
    @property
    def low_level(self) -> int | None:
        """The selection's low level as sent."""
    @property
    def par_level(self) -> int | None:
        """The selection's par level as sent."""
    @property
    def max_depth(self) -> int | None:
        """The selection's capacity as sent."""
    @property
    def shortfall(self) -> int:
        """How far under the level: `level - current_count` (0 when exactly at it)."""
    @property
    def refill(self) -> int | None:
        """Items to add to reach the par level, or the capacity when no par level is set (`None` when neither is set)."""
    def to_dict(self) -> dict[str, Any]:
        """This record as plain values (the JSON form: decimals and timestamps as str)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

# --- end of models ---
