//! Will-call lockers (document section 3) and the legacy routes (section 6).
//!
//! Both generations stay supported: integrators on older tenants still call the legacy ones.
//! They share one implementation, parameterised by [`Routes`]; only the report's shape differs.

use serde::de::DeserializeOwned;

use crate::error::Result;
use crate::models::{
    Assignee, LegacyReservedLockerReport, RecallResult, Reservation, ReservationDetail,
    ReservationResult, ReservationStatus, ReservedLockerReport, ReservedLockerReportQuery,
};
use crate::operations::{self as ops, Operation};
use crate::pagination::{ItemStream, PageStream, Paged};
use crate::response;
use crate::transport::{ApiRequest, Learned, FIRST, OTHER};
use crate::validate::{self, QUERY_DATE_FORMAT};
use crate::Client;

/// One generation's operations (their paths come from the operation table).
struct Routes {
    add: &'static Operation,
    status: &'static Operation,
    selections: &'static Operation,
    /// A second path template for `selections`, tried once on a 404 that is not an API envelope
    /// (W3 only: the document's example URL has no `/2.0/`).
    selections_fallback: Option<&'static str>,
    new_code: &'static Operation,
    report: &'static Operation,
    recall: &'static Operation,
}

const V2: Routes = Routes {
    add: &ops::WILL_CALL_ADD_RESERVATION,
    status: &ops::WILL_CALL_RESERVATION_STATUS,
    selections: &ops::WILL_CALL_RESERVABLE_SELECTIONS,
    selections_fallback: Some(ops::WILL_CALL_V1_RESERVABLE_SELECTIONS.path),
    new_code: &ops::WILL_CALL_SEND_NEW_CODE,
    report: &ops::WILL_CALL_RESERVED_LOCKER_REPORT,
    recall: &ops::WILL_CALL_RECALL_RESERVATION,
};

const V1: Routes = Routes {
    add: &ops::WILL_CALL_V1_ADD_RESERVATION,
    status: &ops::WILL_CALL_V1_RESERVATION_STATUS,
    selections: &ops::WILL_CALL_V1_RESERVABLE_SELECTIONS,
    selections_fallback: None,
    new_code: &ops::WILL_CALL_V1_SEND_NEW_CODE,
    report: &ops::WILL_CALL_V1_RESERVED_LOCKER_REPORT,
    recall: &ops::WILL_CALL_V1_RECALL_RESERVATION,
};

impl Routes {
    async fn add_reservation(
        &self,
        client: &Client,
        reservation: Reservation,
    ) -> Result<ReservationResult> {
        validate::reservation(&reservation)?;
        let req = ApiRequest::new(self.add, &[])?.json(&reservation)?;
        client
            .transport
            .call(&req, response::envelope_required)
            .await
    }

    async fn reservation_status(
        &self,
        client: &Client,
        serial_number: &str,
    ) -> Result<Vec<ReservationStatus>> {
        validate::non_empty("serial_number", serial_number)?;
        let req = ApiRequest::new(self.status, &[("serialNumber", serial_number)])?;
        client.transport.call(&req, response::bare).await
    }

    async fn reservable_selections(
        &self,
        client: &Client,
        serial_number: &str,
    ) -> Result<Vec<i64>> {
        validate::non_empty("serial_number", serial_number)?;
        let args = [("serialNumber", serial_number)];
        let Some(fallback) = self.selections_fallback else {
            let req = ApiRequest::new(self.selections, &args)?;
            return client.transport.call(&req, response::bare).await;
        };
        let learned = &client.transport.learned.w3_path;
        if Learned::get(learned) == OTHER {
            let req = ApiRequest::at(self.selections, fallback, &args)?;
            return client.transport.call(&req, response::bare).await;
        }
        let req = ApiRequest::new(self.selections, &args)?;
        match client.transport.call(&req, response::bare).await {
            Err(e) if is_missing_route(&e) => {
                let req = ApiRequest::at(self.selections, fallback, &args)?;
                let found = client.transport.call(&req, response::bare).await;
                if found.is_ok() {
                    log::info!(
                        "{}: only {fallback} answers; remembered for this client",
                        self.selections.name
                    );
                    Learned::set(learned, OTHER);
                }
                found
            }
            other => {
                if other.is_ok() {
                    Learned::set(learned, FIRST);
                }
                other
            }
        }
    }

    async fn send_new_code(
        &self,
        client: &Client,
        reserve_locker_id: &str,
    ) -> Result<ReservationResult> {
        validate::non_empty("reserve_locker_id", reserve_locker_id)?;
        let req = ApiRequest::new(self.new_code, &[("reserveLockerId", reserve_locker_id)])?;
        client
            .transport
            .call(&req, response::envelope_required)
            .await
    }

    /// One report page. The page number is sent as both `pageNumber` (the example) and `page`
    /// (the parameter list), so the server reads it whichever name it takes (docs/api-notes.md,
    /// W5).
    async fn report<R: DeserializeOwned + Default>(
        &self,
        client: &Client,
        query: &ReservedLockerReportQuery,
    ) -> Result<R> {
        validate::non_empty("serial_number", &query.serial_number)?;
        validate::date_range(Some(query.from_date), Some(query.to_date))?;
        let page = query.page_number.unwrap_or(1);
        let size = query.page_size.unwrap_or(crate::config::MAX_PAGE_SIZE);
        validate::page(page)?;
        validate::page_size(size)?;
        let req = ApiRequest::new(self.report, &[])?
            .query("serialNumber", &query.serial_number)
            .query("fromDate", query.from_date.format(QUERY_DATE_FORMAT))
            .query("toDate", query.to_date.format(QUERY_DATE_FORMAT))
            .query("pageNumber", page)
            .query("page", page)
            .query("pageSize", size);
        client.transport.call(&req, response::bare).await
    }

    fn report_pages<R>(
        &'static self,
        client: &Client,
        query: ReservedLockerReportQuery,
        concurrency: Option<u32>,
    ) -> Result<PageStream<R>>
    where
        R: Paged + DeserializeOwned + Default,
    {
        let (size, conc) = super::pager_options(client, query.page_size, concurrency)?;
        validate::non_empty("serial_number", &query.serial_number)?;
        validate::date_range(Some(query.from_date), Some(query.to_date))?;
        Ok(super::page_stream(client, conc, move |c, n| {
            let q = ReservedLockerReportQuery {
                page_number: Some(n),
                page_size: Some(size),
                ..query.clone()
            };
            async move { self.report::<R>(&c, &q).await }
        }))
    }

    async fn recall_reservation(
        &self,
        client: &Client,
        reserve_locker_id: &str,
        assignee: Assignee,
    ) -> Result<RecallResult> {
        validate::non_empty("reserve_locker_id", reserve_locker_id)?;
        let req = ApiRequest::new(self.recall, &[])?
            .query("reservationLockerId", reserve_locker_id)
            .json(&assignee)?;
        client
            .transport
            .call(&req, response::envelope_or_empty)
            .await
    }
}

/// Whether an error is a 404 without an API envelope: the route does not exist on this server.
fn is_missing_route(e: &crate::Error) -> bool {
    e.api()
        .is_some_and(|a| a.status == 404 && !response::is_envelope_error(a))
}

macro_rules! will_call_group {
    ($(#[$doc:meta])* $name:ident, $routes:ident, $report:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name {
            pub(crate) client: Client,
        }

        impl $name {
            /// Books a locker and sends its access codes (W1/L1).
            ///
            /// **Never sent twice**: retried only when the connection provably failed before
            /// sending, or on 429. When the answer is lost this returns
            /// [`crate::Error::OutcomeUnknown`]: check `reservation_status` for the machine before
            /// booking again. Every call sends real SMS/e-mail in production.
            pub async fn add_reservation(&self, reservation: Reservation) -> Result<ReservationResult> {
                $routes.add_reservation(&self.client, reservation).await
            }

            /// The reservations on a machine and their states (W2/L2). An empty answer (204, or
            /// an envelope with a `null` result instead of the bare array) is an empty list.
            pub async fn reservation_status(&self, serial_number: impl AsRef<str>) -> Result<Vec<ReservationStatus>> {
                $routes.reservation_status(&self.client, serial_number.as_ref()).await
            }

            /// The selections (lockers) of a machine that can be booked now (W3/L3). An empty
            /// answer (204, or an envelope with a `null` result) is an empty list. For W3, a 404
            /// that is not an API envelope makes the client try the legacy path once and
            /// remember which answered (docs/api-notes.md, W3).
            pub async fn reservable_selections(&self, serial_number: impl AsRef<str>) -> Result<Vec<i64>> {
                $routes.reservable_selections(&self.client, serial_number.as_ref()).await
            }

            /// Replaces a reservation's access codes and sends the new ones (W4/L4). Not
            /// repeatable: a repeat sends another message.
            pub async fn send_new_code(&self, reserve_locker_id: impl AsRef<str>) -> Result<ReservationResult> {
                $routes.send_new_code(&self.client, reserve_locker_id.as_ref()).await
            }

            /// One page of the reserved-locker report (W5/L5). Not enveloped; pages by
            /// `has_next_page`/`total_pages`. The page number is sent as both `pageNumber` and
            /// `page` (docs/api-notes.md, W5).
            pub async fn reserved_locker_report(&self, query: ReservedLockerReportQuery) -> Result<$report> {
                $routes.report(&self.client, &query).await
            }

            /// The whole reserved-locker report, page by page (the query's `page_number` is
            /// ignored).
            pub fn iter_reserved_locker_report_pages(
                &self,
                query: ReservedLockerReportQuery,
                concurrency: Option<u32>,
            ) -> Result<PageStream<$report>> {
                $routes.report_pages(&self.client, query, concurrency)
            }

            /// The whole reserved-locker report, reservation by reservation.
            pub fn iter_reserved_locker_report(
                &self,
                query: ReservedLockerReportQuery,
                concurrency: Option<u32>,
            ) -> Result<ItemStream<ReservationDetail>> {
                Ok(self.iter_reserved_locker_report_pages(query, concurrency)?.items())
            }

            /// Recalls (cancels) a reservation (W6/L6). Not repeatable: a repeat answers
            /// "Invalid Operation!".
            pub async fn recall_reservation(&self, reserve_locker_id: impl AsRef<str>, assignee: Assignee) -> Result<RecallResult> {
                $routes.recall_reservation(&self.client, reserve_locker_id.as_ref(), assignee).await
            }
        }
    };
}

will_call_group!(
    /// Will-call operations, current generation (`/api/2.0/WillCall`). Get one with
    /// [`Client::will_call`].
    WillCall, V2, ReservedLockerReport
);

will_call_group!(
    /// Will-call operations, legacy generation (`/api/WillCall`), for older tenants. Get one with
    /// [`Client::will_call_v1`]. Differences: status items have no `reserve_locker_id`; the
    /// report is flat ([`LegacyReservedLockerReport`]); the recall body may carry `country_code`.
    WillCallV1, V1, LegacyReservedLockerReport
);
