//! `client.will_call` and `client.will_call_v1`: the two generations of will-call lockers, with
//! the same methods (only the report's shape differs).

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{input, to_usize};
use crate::macros::operations;

macro_rules! will_call_group {
    ($(#[doc = $sdoc:literal])* sync $Sync:ident; $(#[doc = $adoc:literal])* async $Async:ident; $group:ident) => {
        operations! {
            $(#[doc = $sdoc])*
            sync $Sync;
            $(#[doc = $adoc])*
            async $Async;

            /// Books a locker and sends its access codes, from a `Reservation` dict or keyword
            /// arguments. Never sent twice: a lost answer raises `OutcomeUnknownError` (check
            /// `reservation_status` before booking again).
            #[pyo3(signature = (data=None, /, **kwargs))]
            call fn add_reservation(py, c, data: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
                let reservation: iqtech::Reservation = input(py, data, kwargs)?;
                async move { c.$group().add_reservation(reservation).await }
            }

            /// The open reservations of a machine and their states.
            #[pyo3(signature = (serial_number))]
            call fn reservation_status(py, c, serial_number: [String]) {
                async move { c.$group().reservation_status(&serial_number).await }
            }

            /// The selections (lockers) of a machine that can be booked now.
            #[pyo3(signature = (serial_number))]
            call fn reservable_selections(py, c, serial_number: [String]) {
                async move { c.$group().reservable_selections(&serial_number).await }
            }

            /// Replaces a reservation's access codes and sends the new ones. Never retried once
            /// sent.
            #[pyo3(signature = (reserve_locker_id))]
            call fn send_new_code(py, c, reserve_locker_id: [String]) {
                async move { c.$group().send_new_code(&reserve_locker_id).await }
            }

            /// One page of the reserved-locker report: `serial_number`, `from_date`, `to_date`
            /// (inclusive `datetime.date`s), optional `page_number`, `page_size`.
            #[pyo3(signature = (data=None, /, **kwargs))]
            call fn reserved_locker_report(py, c, data: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
                let query: iqtech::ReservedLockerReportQuery = input(py, data, kwargs)?;
                async move { c.$group().reserved_locker_report(query).await }
            }

            /// The whole reserved-locker report, reservation event by event (`page_number` is
            /// ignored).
            #[pyo3(signature = (data=None, /, *, concurrency=None, **kwargs))]
            iter fn iter_reserved_locker_report(py, c, data: [Option<&Bound<'_, PyAny>>], concurrency: [Option<i64>], kwargs: [Option<&Bound<'_, PyDict>>]) {
                let query: iqtech::ReservedLockerReportQuery = input(py, data, kwargs)?;
                let conc = concurrency.map(|v| to_usize(py, "concurrency", v)).transpose()?;
                c.$group().iter_reserved_locker_report(query, conc)
            }

            /// Recalls (cancels) a reservation; the assignee is an `Assignee` dict or keyword
            /// arguments. Never retried once sent.
            #[pyo3(signature = (reserve_locker_id, assignee=None, /, **kwargs))]
            call fn recall_reservation(py, c, reserve_locker_id: [String], assignee: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
                let assignee: iqtech::Assignee = input(py, assignee, kwargs)?;
                async move { c.$group().recall_reservation(&reserve_locker_id, assignee).await }
            }
        }
    };
}

will_call_group! {
    /// Will-call operations of `iqtech.Client`, current generation (`/api/2.0/WillCall`).
    sync WillCall;
    /// Will-call operations of `iqtech.AsyncClient`, current generation (`/api/2.0/WillCall`).
    async AsyncWillCall;
    will_call
}

will_call_group! {
    /// Will-call operations of `iqtech.Client`, legacy generation (`/api/WillCall`).
    sync WillCallV1;
    /// Will-call operations of `iqtech.AsyncClient`, legacy generation (`/api/WillCall`).
    async AsyncWillCallV1;
    will_call_v1
}
