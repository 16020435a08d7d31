"""The shapes of the SDK's record inputs, as ``TypedDict`` classes for type checkers.

Written by ``scripts/gen_stubs.py`` from the core's input models; do not edit.

Every method that takes a record accepts it as keyword arguments or as one positional ``dict`` of
this shape (``client.employees.create(**person)`` and ``client.employees.create(person)`` are the
same). Keys are snake_case; a misspelt or missing key raises :class:`iqtech.ValidationError`
naming it, before anything is sent. Dates are ``datetime.date``; ``suspend_until`` is an aware
``datetime.datetime``; enum-valued keys take the enum member or its text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

from ._enums import AssigneeType, Language, ReservationType, SendCode

__all__ = [
    "EmployeeInput",
    "EmployeeChanges",
    "SetPinInput",
    "EmployeeQuery",
    "ReservedLockerReportQuery",
    "TransactionQuery",
    "Reservation",
    "Assignee",
    "FaultSpec",
]


class _EmployeeInputRequired(TypedDict):
    department: str
    """Department (required)."""
    first_name: str
    """First name (required)."""
    last_name: str
    """Last name (required)."""
    employee_number: str
    """Employee number (required)."""


class EmployeeInput(_EmployeeInputRequired, total=False):
    """The body of create (E2) and update (E4). `department`, `first_name`, `last_name` and `employee_number` are required (checked before sending). In an update the path names the employee being changed and this `employee_number` is the new value, so an update can renumber (quirk 13)."""
    email: Optional[str]
    """E-mail."""
    badge: Optional[str]
    """Badge number."""
    language: Optional[Union[Language, str, int]]
    """Language (sent as its integer code)."""
    active: Optional[bool]
    """Whether the employee may use machines."""
    is_vt_admin: Optional[bool]
    """VT administrator flag (JSON `isVTAdmin`)."""
    pin_option: Optional[str]
    """PIN option code."""
    ignore_finger_print: Optional[bool]
    """Skip fingerprint checks."""
    manager_email: Optional[str]
    """Manager's e-mail."""
    clear_pin: Optional[bool]
    """Clear the PIN."""
    reset_pin: Optional[bool]
    """Reset the PIN."""
    old_pin: Optional[str]
    """The current PIN (never shown by `Debug`)."""
    suspend_until: Optional[datetime]
    """Suspend the employee until this instant (sent as RFC 3339 with `Z`)."""
    suspenduntil_string: Optional[str]
    """Text form of `suspend_until` (JSON `suspenduntilString`)."""
    is_suspended: Optional[bool]
    """Whether the employee is suspended."""


class EmployeeChanges(TypedDict, total=False):
    """The changes [`crate::Employees::patch`] makes to one employee: every field is optional, and only the fields set are changed; the others keep their current values (read with the lookup). `employee_number` set here renumbers the employee. `Debug` never shows `old_pin`."""
    department: Optional[str]
    """New department."""
    first_name: Optional[str]
    """New first name."""
    last_name: Optional[str]
    """New last name."""
    employee_number: Optional[str]
    """New employee number (renumbers the employee)."""
    email: Optional[str]
    """New e-mail."""
    badge: Optional[str]
    """New badge number."""
    language: Optional[Union[Language, str, int]]
    """New language."""
    active: Optional[bool]
    """Whether the employee may use machines."""
    is_vt_admin: Optional[bool]
    """VT administrator flag."""
    pin_option: Optional[str]
    """PIN option code."""
    ignore_finger_print: Optional[bool]
    """Skip fingerprint checks."""
    manager_email: Optional[str]
    """Manager's e-mail."""
    clear_pin: Optional[bool]
    """Clear the PIN."""
    reset_pin: Optional[bool]
    """Reset the PIN."""
    old_pin: Optional[str]
    """The current PIN (never shown by `Debug`)."""
    suspend_until: Optional[datetime]
    """Suspend the employee until this instant."""
    suspenduntil_string: Optional[str]
    """Text form of `suspend_until`."""
    is_suspended: Optional[bool]
    """Whether the employee is suspended."""


class _SetPinInputRequired(TypedDict):
    employee_number: str
    """The employee whose PIN changes (required)."""
    pin: str
    """The new PIN (required)."""


class SetPinInput(_SetPinInputRequired, total=False):
    """The body of set-PIN (E5). `Debug` never shows either PIN."""
    old_pin: Optional[str]
    """The current PIN; the server checks it ("Invalid Old Pin")."""
    account_id: Optional[str]
    """The tenant's account id."""
    emplid: Optional[str]
    """The employee's id in the HR system."""


class EmployeeQuery(TypedDict, total=False):
    """Criteria for the lookup (E6); at least one must be set."""
    first_name: Optional[str]
    """First name."""
    last_name: Optional[str]
    """Last name."""
    employee_number: Optional[str]
    """Employee number."""
    badge_number: Optional[str]
    """Badge number."""
    department: Optional[str]
    """Department."""
    active: Optional[bool]
    """Active flag."""


class _ReservedLockerReportQueryRequired(TypedDict):
    serial_number: str
    """The machine's WTN serial number."""
    from_date: date
    """First day (inclusive); sent as `MM-dd-yyyy`."""
    to_date: date
    """Last day (inclusive); sent as `MM-dd-yyyy`."""


class ReservedLockerReportQuery(_ReservedLockerReportQueryRequired, total=False):
    """Parameters of the reserved-locker report (W5/L5)."""
    page_number: Optional[int]
    """Page (1-based; default 1). Sent as `pageNumber` (quirk 11)."""
    page_size: Optional[int]
    """Page size, 1 to 100 (default 100)."""


class TransactionQuery(TypedDict, total=False):
    """Filters of the transaction report. Dates are inclusive and sent as `MM-dd-yyyy`."""
    from_date: Optional[date]
    """First day (JSON parameter `FromDate`)."""
    to_date: Optional[date]
    """Last day (JSON parameter `ToDate`)."""
    serial_no: Optional[str]
    """One machine's WTN serial number."""
    page: Optional[int]
    """Page (1-based; default 1). Ignored by the auto-pagers."""
    page_size: Optional[int]
    """Page size, 1 to 100 (default 100)."""


class _ReservationRequired(TypedDict):
    createdby_user: str
    """Who creates it (JSON `createdbyUser`)."""
    selection: str
    """The locker selection, e.g. `"172"` (see `reservable_selections`)."""
    reservation_type: Union[ReservationType, str]
    """What the reservation is for."""
    send_code: Union[SendCode, str]
    """How codes are delivered."""
    location_name: str
    """The machine's location name."""
    serial_number: str
    """The machine's WTN serial number."""
    external_reserve_locker_detail_list: List[Assignee]
    """The assignees: 1 for Release, 2 for Pickup and DropOff, 3 for Exchange."""


class Reservation(_ReservationRequired, total=False):
    """The body of add-reservation (W1/L1)."""
    product_name: Optional[str]
    """Product; the server assigns a default if absent or unknown."""


class _AssigneeRequired(TypedDict):
    assignee_type: Union[AssigneeType, str]
    """Employee, User or Custom."""


class Assignee(_AssigneeRequired, total=False):
    """A person a reservation's codes go to (W1 list entries, W6/L6 body)."""
    contact_number: Optional[str]
    """Phone number for SMS."""
    country_dial_code: Optional[str]
    """Country dialling code, e.g. `+1`."""
    country_code: Optional[str]
    """Country code (legacy recall body only)."""
    email: Optional[str]
    """E-mail address."""
    user_id: Optional[str]
    """The employee's or user's id (Employee type)."""
    name: Optional[str]
    """Display name."""
    role: Optional[str]
    """Role in the reservation, e.g. `DropOff`."""
    send_bar_code: Optional[bool]
    """Whether to send a bar code image too."""
    description: Optional[str]
    """Free text."""


class CannedResponse(TypedDict, total=False):
    """An answer a `respond` rule gives verbatim: this status, these headers, this body, and nothing else (the server adds only `content-length` and `date`; no `content-type` unless given). JSON: `{"status": 401, "headers": {"www-authenticate": "Bearer"}, "body": ""}`; `headers` and `body` may be left out (empty), unknown members are refused. Header names are data and keep their spelling in every binding."""
    status: int
    """HTTP status, 200–599 (204 and 304 with an empty body)."""
    headers: Dict[str, str]
    """Response headers, name → value (names any case; `content-length` and `transfer-encoding` are refused: the server sets them from the body)."""
    body: str
    """Response body, sent as is (UTF-8). Default empty."""


class FaultSpec(TypedDict, total=False):
    """A sandbox fault rule (see :meth:`iqtech.testing.Sandbox.inject`); every key is optional."""
    route: str
    """Which requests the rule applies to: a route name (see [`ROUTE_NAMES`]), a group pattern such as `"employees.*"` or `"will_call_v1.*"`, or `"*"` for every API route and the token endpoint. Admin routes (`/_sandbox/…`) are never faulted."""
    latency_ms: int
    """Fixed delay before anything else, in milliseconds."""
    jitter_ms: int
    """Extra random delay of `0..=jitter_ms` milliseconds."""
    status: Optional[int]
    """Answer with this HTTP status (400–599) instead of running the operation."""
    times: Optional[int]
    """Apply the rule `times` times (after the `after` skipped requests), then remove it. `None`: no limit."""
    rate: Optional[float]
    """Apply the rule to each matching request (once `after` are skipped) with this probability (0.0–1.0). `None`: always."""
    retry_after_secs: Optional[int]
    """`Retry-After` in seconds on a `status` answer (default 1 for 429, none otherwise); refused with `respond` (give a `retry-after` header there)."""
    drop_connection: bool
    """Run the operation, then close the connection without any response."""
    body: Optional[Literal["truncated", "malformed", "failed_envelope"]]
    """Run the operation, then damage the response body (`truncated`, `malformed`); or answer 200 with a failed envelope instead of running it (`failed_envelope`)."""
    respond: Optional[CannedResponse]
    """Answer with exactly this status, headers and body instead of running the operation (token check included, so a 401 on an API route is possible)."""
    after: Optional[int]
    """Let the first `after` matching requests through untouched before the rule starts firing (see the [module docs](self) for how it combines with `times` and `rate`). `None` or 0: fire from the first."""
