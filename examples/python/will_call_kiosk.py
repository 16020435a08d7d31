"""Will-call lockers: book one, read its access codes, send new ones, recall it.

Every real reservation sends SMS or e-mail, so this runs against the embedded sandbox unless
IQTECH_CLIENT_ID is set *and* IQTECH_SERIAL names a locker machine you may use.
"""

from __future__ import annotations

import datetime as dt
import os

import iqtech
from iqtech.testing import Sandbox


def book(client: iqtech.Client, serial: str) -> iqtech.ReservationResult:
    free = client.will_call.reservable_selections(serial)
    if not free:
        raise SystemExit(f"no free locker on {serial}")
    try:
        return client.will_call.add_reservation(
            createdby_user="kiosk-example",
            selection=str(free[0]),
            reservation_type=iqtech.ReservationType.PICKUP,
            send_code=iqtech.SendCode.NONE,  # read the codes from the answer instead
            location_name="Front desk",
            serial_number=serial,
            external_reserve_locker_detail_list=[
                {"assignee_type": iqtech.AssigneeType.CUSTOM, "name": "Stock room", "role": "DropOff"},
                {"assignee_type": "Custom", "name": "Ann Example", "email": "ann@example.com", "role": "Pickup"},
            ],
        )
    except iqtech.OutcomeUnknownError as e:
        # Never retried automatically: booking twice would hold two lockers.
        raise SystemExit(f"booking may or may not have happened: {e.how_to_check}") from e


def main(client: iqtech.Client, serial: str) -> None:
    booked = book(client, serial)
    assert booked.reserve_locker_id is not None
    print(f"booked {booked.reserve_locker_id}: {booked.message}")
    for code in booked.access_codes:
        print(f"  {code.role}: {code.user_name} -> {len(code.code or '')}-digit code")
    print("status:", [(s.selection, s.current_status) for s in client.will_call.reservation_status(serial)])
    renewed = client.will_call.send_new_code(booked.reserve_locker_id)
    print("new codes sent:", renewed.message)
    recalled = client.will_call.recall_reservation(booked.reserve_locker_id, assignee_type="Custom", name="Ann Example")
    print("recalled:", recalled.message)
    today = dt.date.today()
    events = client.will_call.iter_reserved_locker_report(
        serial_number=serial, from_date=today - dt.timedelta(days=1), to_date=today + dt.timedelta(days=1)
    )
    for event in events:
        print(f"  report: {event.activity} {event.assignee!r} at {event.timestamp}")


if __name__ == "__main__":
    if os.environ.get("IQTECH_CLIENT_ID") and os.environ.get("IQTECH_SERIAL"):
        main(iqtech.Client.from_env(), os.environ["IQTECH_SERIAL"])
    else:
        with Sandbox(seed=1) as sandbox:
            main(sandbox.client(), sandbox.locker_machine_serials()[0])
