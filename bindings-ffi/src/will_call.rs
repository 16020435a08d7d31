//! Will-call lockers, both generations (document sections 3 and 6).

use std::sync::Arc;

use iqtech::{
    Assignee, LegacyReservedLockerReport, RecallResult, Reservation, ReservationResult,
    ReservationStatus, ReservedLockerReport, ReservedLockerReportQuery,
};

use crate::error::IqtechError;
use crate::pagination::{
    pages, LegacyReservedLockerReportStream, ReservationDetailStream, ReservedLockerReportStream,
};
use crate::runtime::run;

macro_rules! will_call_group {
    ($(#[$doc:meta])* $name:ident, $core:ty, $report:ty, $report_stream:ty) => {
        $(#[$doc])*
        #[derive(Debug, uniffi::Object)]
        pub struct $name {
            inner: $core,
        }

        impl $name {
            pub(crate) fn new(inner: $core) -> Self {
                Self { inner }
            }
        }

        #[uniffi::export]
        impl $name {
            /// Books a locker and sends its access codes (W1/L1). Never sent twice: when the
            /// answer is lost this fails with `OutcomeUnknownError`; check `reservationStatus`
            /// before booking again. Sends real SMS/e-mail in production.
            pub async fn add_reservation(
                &self,
                reservation: Reservation,
            ) -> Result<ReservationResult, IqtechError> {
                let g = self.inner.clone();
                run(async move { g.add_reservation(reservation).await }).await
            }

            /// The reservations on a machine and their states (W2/L2).
            pub async fn reservation_status(
                &self,
                serial_number: String,
            ) -> Result<Vec<ReservationStatus>, IqtechError> {
                let g = self.inner.clone();
                run(async move { g.reservation_status(&serial_number).await }).await
            }

            /// The selections (lockers) of a machine that can be booked now (W3/L3).
            pub async fn reservable_selections(
                &self,
                serial_number: String,
            ) -> Result<Vec<i64>, IqtechError> {
                let g = self.inner.clone();
                run(async move { g.reservable_selections(&serial_number).await }).await
            }

            /// Replaces a reservation's access codes and sends the new ones (W4/L4). Never
            /// sent twice.
            pub async fn send_new_code(
                &self,
                reserve_locker_id: String,
            ) -> Result<ReservationResult, IqtechError> {
                let g = self.inner.clone();
                run(async move { g.send_new_code(&reserve_locker_id).await }).await
            }

            /// One page of the reserved-locker report (W5/L5).
            pub async fn reserved_locker_report(
                &self,
                query: ReservedLockerReportQuery,
            ) -> Result<$report, IqtechError> {
                let g = self.inner.clone();
                run(async move { g.reserved_locker_report(query).await }).await
            }

            /// The whole reserved-locker report, reservation by reservation (the query's
            /// `page_number` is ignored). Lazy; fails at once on invalid options.
            #[uniffi::method(default(concurrency = None))]
            pub fn iter_reserved_locker_report(
                &self,
                query: ReservedLockerReportQuery,
                concurrency: Option<u32>,
            ) -> Result<Arc<ReservationDetailStream>, IqtechError> {
                Ok(ReservationDetailStream::new(
                    self.inner
                        .iter_reserved_locker_report(query, pages(concurrency))?,
                ))
            }

            /// The whole reserved-locker report, page by page; see
            /// `iterReservedLockerReport`.
            #[uniffi::method(default(concurrency = None))]
            pub fn iter_reserved_locker_report_pages(
                &self,
                query: ReservedLockerReportQuery,
                concurrency: Option<u32>,
            ) -> Result<Arc<$report_stream>, IqtechError> {
                Ok(<$report_stream>::new(
                    self.inner
                        .iter_reserved_locker_report_pages(query, pages(concurrency))?,
                ))
            }

            /// Recalls (cancels) a reservation (W6/L6). Never sent twice.
            pub async fn recall_reservation(
                &self,
                reserve_locker_id: String,
                assignee: Assignee,
            ) -> Result<RecallResult, IqtechError> {
                let g = self.inner.clone();
                run(async move { g.recall_reservation(&reserve_locker_id, assignee).await }).await
            }
        }
    };
}

will_call_group!(
    /// Will-call operations, current generation (`/api/2.0/WillCall`). Get one with
    /// `client.willCall()`.
    WillCall,
    iqtech::WillCall,
    ReservedLockerReport,
    ReservedLockerReportStream
);

will_call_group!(
    /// Will-call operations, legacy generation (`/api/WillCall`), for older tenants. Get one
    /// with `client.willCallV1()`. Status items have no `reserveLockerId`; the report is flat.
    WillCallV1,
    iqtech::WillCallV1,
    LegacyReservedLockerReport,
    LegacyReservedLockerReportStream
);
