//! `client.willCall` and `client.willCallV1`: lockers booked for pick-up, both generations.

use napi::bindgen_prelude::{Object, Unknown};
use napi::Env;
use napi_derive::napi;

use crate::convert::{options_json, output, required};
use crate::pagination::{take_concurrency, NativePager};
use crate::promise::{promise, sync};

macro_rules! will_call_class {
    ($doc:literal, $name:ident, $group:ident, $report_ts:literal) => {
        #[doc = $doc]
        #[napi]
        pub struct $name {
            pub(crate) client: iqtech::Client,
        }

        #[napi]
        impl $name {
            /// Books a locker and sends its access codes. Never sent twice: a lost answer gives
            /// `OutcomeUnknownError` (check `reservationStatus` before booking again).
            #[napi(ts_return_type = "Promise<ReservationResult>")]
            pub fn add_reservation<'e>(
                &self,
                env: &'e Env,
                #[napi(ts_arg_type = "Reservation")] reservation: Unknown<'_>,
            ) -> napi::Result<Object<'e>> {
                let c = self.client.clone();
                let r = required::<iqtech::Reservation>(&reservation, "reservation");
                promise(
                    env,
                    r.map(|r| async move { output(&c.$group().add_reservation(r).await?) }),
                )
            }

            /// The open reservations of a machine and their states.
            #[napi(ts_return_type = "Promise<ReservationStatus[]>")]
            pub fn reservation_status<'e>(
                &self,
                env: &'e Env,
                #[napi(ts_arg_type = "string")] serial_number: Unknown<'_>,
            ) -> napi::Result<Object<'e>> {
                let c = self.client.clone();
                let s = required::<String>(&serial_number, "serialNumber");
                promise(
                    env,
                    s.map(|s| async move { output(&c.$group().reservation_status(&s).await?) }),
                )
            }

            /// The lockers of a machine that can be booked now.
            #[napi(ts_return_type = "Promise<number[]>")]
            pub fn reservable_selections<'e>(
                &self,
                env: &'e Env,
                #[napi(ts_arg_type = "string")] serial_number: Unknown<'_>,
            ) -> napi::Result<Object<'e>> {
                let c = self.client.clone();
                let s = required::<String>(&serial_number, "serialNumber");
                promise(
                    env,
                    s.map(|s| async move { output(&c.$group().reservable_selections(&s).await?) }),
                )
            }

            /// Replaces a reservation's access codes and sends the new ones. Never sent twice.
            #[napi(ts_return_type = "Promise<ReservationResult>")]
            pub fn send_new_code<'e>(
                &self,
                env: &'e Env,
                #[napi(ts_arg_type = "string")] reserve_locker_id: Unknown<'_>,
            ) -> napi::Result<Object<'e>> {
                let c = self.client.clone();
                let id = required::<String>(&reserve_locker_id, "reserveLockerId");
                promise(
                    env,
                    id.map(|id| async move { output(&c.$group().send_new_code(&id).await?) }),
                )
            }

            /// One page of the reserved-locker report.
            #[napi(ts_return_type = $report_ts)]
            pub fn reserved_locker_report<'e>(
                &self,
                env: &'e Env,
                #[napi(ts_arg_type = "ReservedLockerReportQuery")] query: Unknown<'_>,
            ) -> napi::Result<Object<'e>> {
                let c = self.client.clone();
                let q = required::<iqtech::ReservedLockerReportQuery>(&query, "query");
                promise(
                    env,
                    q.map(|q| async move { output(&c.$group().reserved_locker_report(q).await?) }),
                )
            }

            /// The whole reserved-locker report, reservation by reservation, lazily and in
            /// order (`pageNumber` is ignored).
            #[napi(ts_return_type = "Pager<ReservationDetail>")]
            pub fn iter_reserved_locker_report(
                &self,
                env: Env,
                #[napi(
                    ts_arg_type = "ReservedLockerReportQuery & { concurrency?: number | null }"
                )]
                query: Unknown<'_>,
            ) -> napi::Result<NativePager> {
                let stream = options_json(Some(&query), "query")
                    .and_then(take_concurrency)
                    .and_then(|(json, conc)| {
                        let q = iqtech::case::from_camel_value::<iqtech::ReservedLockerReportQuery>(
                            json, "query",
                        )?;
                        self.client
                            .$group()
                            .iter_reserved_locker_report_pages(q, conc)
                    });
                Ok(NativePager::new(sync(&env, stream)?))
            }

            /// Recalls (cancels) a reservation. Never sent twice.
            #[napi(ts_return_type = "Promise<RecallResult>")]
            pub fn recall_reservation<'e>(
                &self,
                env: &'e Env,
                #[napi(ts_arg_type = "string")] reserve_locker_id: Unknown<'_>,
                #[napi(ts_arg_type = "Assignee")] assignee: Unknown<'_>,
            ) -> napi::Result<Object<'e>> {
                let c = self.client.clone();
                let args = required::<String>(&reserve_locker_id, "reserveLockerId")
                    .and_then(|id| Ok((id, required::<iqtech::Assignee>(&assignee, "assignee")?)));
                promise(
                    env,
                    args.map(|(id, a)| async move {
                        output(&c.$group().recall_reservation(&id, a).await?)
                    }),
                )
            }
        }
    };
}

will_call_class!(
    "Will-call operations, current generation (`client.willCall`, `/api/2.0/WillCall`).",
    WillCall,
    will_call,
    "Promise<ReservedLockerReport>"
);

will_call_class!(
    "Will-call operations, legacy generation (`client.willCallV1`, `/api/WillCall`): status items have no `reserveLockerId` and the report is flat.",
    WillCallV1, will_call_v1, "Promise<LegacyReservedLockerReport>"
);
