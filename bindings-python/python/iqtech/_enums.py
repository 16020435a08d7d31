"""``str``-valued enums of the API's closed-but-growing value sets.

Members compare equal to their text (``Language.ENGLISH == "English"``) and are accepted wherever
the text is. Values the SDK does not know yet are never an error: model attributes then hold the
plain ``str`` the server sent, so type them as ``Language | str``.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["Language", "ReservationType", "SendCode", "AssigneeType", "StockSeverity"]


class _StrEnum(str, Enum):
    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Language(_StrEnum):
    """An employee's language (the API sends a code or a name; both map here)."""

    ENGLISH = "English"
    SPANISH = "Spanish"
    FRENCH = "French"


class ReservationType(_StrEnum):
    """What a will-call reservation is for; it decides how many assignees it takes."""

    RELEASE = "Release"
    EXCHANGE = "Exchange"
    PICKUP = "Pickup"
    DROP_OFF = "DropOff"


class SendCode(_StrEnum):
    """How access codes are delivered."""

    SMS = "SMS"
    EMAIL = "EMAIL"
    BOTH = "BOTH"
    NONE = "NONE"


class AssigneeType(_StrEnum):
    """Who an assignee is."""

    EMPLOYEE = "Employee"
    USER = "User"
    CUSTOM = "Custom"


class StockSeverity(_StrEnum):
    """How bad a selection's stock is, in the low-stock report."""

    CRITICAL = "critical"
    LOW = "low"
