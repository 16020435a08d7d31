"""The shapes of the SDK's inputs, as ``TypedDict``\\ s for type checkers.

Every method that takes a record accepts it as keyword arguments or as one positional ``dict`` of
this shape (``client.employees.create(**person)`` and ``client.employees.create(person)`` are the
same). Keys are snake_case; a misspelt or missing key raises :class:`iqtech.ValidationError`
naming it, before anything is sent. Dates are ``datetime.date``; ``suspend_until`` is an aware
``datetime.datetime``; enum-valued keys take the enum member or its text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import List, Literal, Optional, TypedDict, Union


from ._enums import AssigneeType, Language, ReservationType, SendCode

__all__ = [
    "EmployeeInput",
    "SetPinInput",
    "EmployeeQuery",
    "Assignee",
    "Reservation",
    "ReservedLockerReportQuery",
    "TransactionQuery",
    "FaultSpec",
]


class _EmployeeInputRequired(TypedDict):
    department: str
    first_name: str
    last_name: str
    employee_number: str


class EmployeeInput(_EmployeeInputRequired, total=False):
    """The record of ``employees.create`` and ``employees.update``."""

    email: Optional[str]
    badge: Optional[str]
    language: Union[Language, str, int, None]
    active: Optional[bool]
    is_vt_admin: Optional[bool]
    pin_option: Optional[str]
    ignore_finger_print: Optional[bool]
    manager_email: Optional[str]
    clear_pin: Optional[bool]
    reset_pin: Optional[bool]
    old_pin: Optional[str]
    suspend_until: Optional[datetime]
    suspenduntil_string: Optional[str]
    is_suspended: Optional[bool]


class _SetPinInputRequired(TypedDict):
    employee_number: str
    pin: str


class SetPinInput(_SetPinInputRequired, total=False):
    """The record of ``employees.set_pin``."""

    old_pin: Optional[str]
    account_id: Optional[str]
    emplid: Optional[str]


class EmployeeQuery(TypedDict, total=False):
    """Criteria of ``employees.lookup`` (at least one)."""

    first_name: Optional[str]
    last_name: Optional[str]
    employee_number: Optional[str]
    badge_number: Optional[str]
    department: Optional[str]
    active: Optional[bool]


class _AssigneeRequired(TypedDict):
    assignee_type: Union[AssigneeType, str]


class Assignee(_AssigneeRequired, total=False):
    """A person a reservation's codes go to (and the body of ``recall_reservation``)."""

    contact_number: Optional[str]
    country_dial_code: Optional[str]
    country_code: Optional[str]
    email: Optional[str]
    user_id: Optional[str]
    name: Optional[str]
    role: Optional[str]
    send_bar_code: Optional[bool]
    description: Optional[str]


class _ReservationRequired(TypedDict):
    createdby_user: str
    selection: str
    reservation_type: Union[ReservationType, str]
    send_code: Union[SendCode, str]
    location_name: str
    serial_number: str
    external_reserve_locker_detail_list: List[Assignee]


class Reservation(_ReservationRequired, total=False):
    """The record of ``will_call.add_reservation``: 1 assignee for Release, 2 for Pickup and
    DropOff, 3 for Exchange."""

    product_name: Optional[str]


class _ReportQueryRequired(TypedDict):
    serial_number: str
    from_date: date
    to_date: date


class ReservedLockerReportQuery(_ReportQueryRequired, total=False):
    """Parameters of the reserved-locker report (dates inclusive)."""

    page_number: Optional[int]
    page_size: Optional[int]


class TransactionQuery(TypedDict, total=False):
    """Filters of the transaction report (dates inclusive)."""

    from_date: Optional[date]
    to_date: Optional[date]
    serial_no: Optional[str]
    page: Optional[int]
    page_size: Optional[int]


class FaultSpec(TypedDict, total=False):
    """A sandbox fault rule (see :meth:`iqtech.testing.Sandbox.inject`)."""

    route: str
    latency_ms: int
    jitter_ms: int
    status: Optional[int]
    times: Optional[int]
    rate: Optional[float]
    retry_after_secs: Optional[int]
    drop_connection: bool
    body: Optional[Literal["truncated", "malformed", "failed_envelope"]]
