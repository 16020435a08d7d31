//! Entry points for the fuzz targets in `core/fuzz/` (not part of the supported API; hidden from
//! the docs). Each runs the core's own code on untrusted bytes exactly as a client call would,
//! so a panic found here is a panic a server answer or a caller's record could cause. Every
//! function returns nothing: the targets only look for panics, hangs and runaway memory.

use crate::api::{employees, machines, transactions};
use crate::models::{
    EmployeeChanges, EmployeeInput, EmployeePage, EmployeeQuery, LegacyReservedLockerReport,
    MachinePage, RecallResult, Reservation, ReservationResult, ReservationStatus,
    ReservedLockerReport, ReservedLockerReportQuery, SetPinInput, TransactionQuery,
};
use crate::operations::{self as ops, Operation};
use crate::pagination::Paged;
use crate::response::{self, RawResponse};
use crate::settings::ClientSettings;
use crate::{validate, Error, Result};

/// Every operation with a response decoder, in the order [`decode_response`] numbers them.
pub const DECODED: &[&Operation] = &[
    &ops::EMPLOYEES_LIST,
    &ops::EMPLOYEES_CREATE,
    &ops::EMPLOYEES_UPDATE,
    &ops::EMPLOYEES_SET_STATUS,
    &ops::EMPLOYEES_SET_PIN,
    &ops::EMPLOYEES_LOOKUP,
    &ops::WILL_CALL_ADD_RESERVATION,
    &ops::WILL_CALL_RESERVATION_STATUS,
    &ops::WILL_CALL_RESERVABLE_SELECTIONS,
    &ops::WILL_CALL_SEND_NEW_CODE,
    &ops::WILL_CALL_RESERVED_LOCKER_REPORT,
    &ops::WILL_CALL_RECALL_RESERVATION,
    &ops::WILL_CALL_V1_ADD_RESERVATION,
    &ops::WILL_CALL_V1_RESERVATION_STATUS,
    &ops::WILL_CALL_V1_RESERVABLE_SELECTIONS,
    &ops::WILL_CALL_V1_SEND_NEW_CODE,
    &ops::WILL_CALL_V1_RESERVED_LOCKER_REPORT,
    &ops::WILL_CALL_V1_RECALL_RESERVATION,
    &ops::MACHINES_PLANOGRAM,
    &ops::MACHINES_LIST,
    &ops::TRANSACTIONS_LIST,
];

/// Runs operation `DECODED[index % len]`'s decoder on a 2xx `body`, then everything the client
/// does with a decoded value (paging facts, items, the single-machine rule, Debug output) and,
/// on failure, everything it does with the error (its details, its text, the corrupt-body test).
pub fn decode_response(index: u8, status: u16, body: &[u8]) {
    let op = DECODED[usize::from(index) % DECODED.len()];
    let raw = RawResponse {
        status: 200 + status % 100,
        body: bytes::Bytes::copy_from_slice(body),
    };
    let outcome: Result<String> = match op.name {
        "employees.list" => response::envelope_or_empty::<EmployeePage>(op, &raw).map(paged),
        "employees.create" | "employees.update" | "employees.set_status" | "employees.set_pin" => {
            response::envelope_unit(op, &raw).map(|()| String::new())
        }
        "employees.lookup" => employees::decode_lookup(op, &raw).map(|v| format!("{v:?}")),
        "will_call.add_reservation"
        | "will_call.send_new_code"
        | "will_call_v1.add_reservation"
        | "will_call_v1.send_new_code" => {
            response::envelope_required::<ReservationResult>(op, &raw).map(|v| format!("{v:?}"))
        }
        "will_call.reservation_status" | "will_call_v1.reservation_status" => {
            response::bare::<Vec<ReservationStatus>>(op, &raw).map(|v| format!("{v:?}"))
        }
        "will_call.reservable_selections" | "will_call_v1.reservable_selections" => {
            response::bare::<Vec<i64>>(op, &raw).map(|v| format!("{v:?}"))
        }
        "will_call.reserved_locker_report" => {
            response::bare::<ReservedLockerReport>(op, &raw).map(paged)
        }
        "will_call_v1.reserved_locker_report" => {
            response::bare::<LegacyReservedLockerReport>(op, &raw).map(paged)
        }
        "will_call.recall_reservation" | "will_call_v1.recall_reservation" => {
            response::envelope_or_empty::<RecallResult>(op, &raw).map(|v| format!("{v:?}"))
        }
        "machines.planogram" => response::envelope_or_empty::<MachinePage>(op, &raw).map(|p| {
            format!(
                "{:?}",
                machines::pick_machine(p.items, "WTN42246643220217481")
            )
        }),
        "machines.list" => response::envelope_or_empty::<MachinePage>(op, &raw).map(paged),
        "transactions.list" => transactions::decode_report(op, &raw).map(|mut p| {
            crate::api::infer_next_page(&mut p.meta, p.items.len(), 100);
            paged(p)
        }),
        other => unreachable!("no decoder listed for {other}"),
    };
    if let Err(e) = outcome {
        use_error(&e);
        let _ = crate::transport::is_corrupt_json(body);
    }
    fast_reader_agrees(index, body);
}

/// Panics unless the models' fast reader (`models::json`), wherever it accepts `body`, gives
/// exactly what serde_json gives: as a `serde_json::Value` (every token as serde_json reads it)
/// and as the envelope of the answer types the fast path decodes.
fn fast_reader_agrees(index: u8, body: &[u8]) {
    use crate::models::{RecallResult, TransactionPage};
    use crate::response::Envelope;
    agree::<serde_json::Value>(body);
    match index % 5 {
        0 => agree::<Envelope<EmployeePage>>(body),
        1 => agree::<Envelope<TransactionPage>>(body),
        2 => agree::<Envelope<MachinePage>>(body),
        3 => agree::<Envelope<ReservationResult>>(body),
        _ => agree::<Envelope<RecallResult>>(body),
    }
}

fn agree<T>(body: &[u8])
where
    T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    if let Some(fast) = crate::models::json::read::<T>(body) {
        let slow = serde_json::from_slice::<T>(body);
        assert!(
            matches!(&slow, Ok(v) if *v == fast),
            "the fast reader read {fast:?}; serde_json: {slow:?}"
        );
    }
}

/// Reads an error answer of any shape (`status`, `body`) as the transport does, then renders it
/// every way a binding does.
pub fn error_shape(status: u16, body: &[u8]) {
    let op = DECODED[usize::from(status) % DECODED.len()];
    let retry_after = (status % 3 == 0).then(|| std::time::Duration::from_secs(u64::from(status)));
    let api = response::api_error(op, status, retry_after, body);
    let _ = response::is_envelope_error(&api);
    let error = Error::from(api);
    use_error(&error);
    let paged_error = Error::Page {
        page: u32::from(status),
        source: Box::new(error),
    };
    use_error(&paged_error);
}

/// Which caller record [`validate_input`] builds from the JSON.
pub const RECORDS: &[&str] = &[
    "EmployeeInput",
    "EmployeeChanges",
    "SetPinInput",
    "EmployeeQuery",
    "Reservation",
    "ReservedLockerReportQuery",
    "TransactionQuery",
    "ClientSettings",
    "date_format",
    "path",
];

/// Builds caller input `RECORDS[index % len]` from `data` (JSON, as a binding hands a dict or
/// object over), runs the core's checks on it and, when they pass, what the client then does
/// with it (serialising the body, formatting dates, filling a path, building a client config).
pub fn validate_input(index: u8, data: &[u8]) {
    match RECORDS[usize::from(index) % RECORDS.len()] {
        "EmployeeInput" => {
            if let Ok(input) = serde_json::from_slice::<EmployeeInput>(data) {
                if validate::employee(&input).is_ok() {
                    let _ = serde_json::to_vec(&input);
                }
                let _ = format!("{input:?}");
            }
        }
        "EmployeeChanges" => {
            if let Ok(changes) = serde_json::from_slice::<EmployeeChanges>(data) {
                let _ = format!("{changes:?}");
                let merged = changes.merge_into(crate::Employee::default(), "1000");
                let _ = validate::employee(&merged);
                let _ = serde_json::to_vec(&merged);
            }
        }
        "SetPinInput" => {
            if let Ok(input) = serde_json::from_slice::<SetPinInput>(data) {
                let _ = validate::set_pin(&input);
                let _ = serde_json::to_vec(&input);
                let _ = format!("{input:?}");
            }
        }
        "EmployeeQuery" => {
            if let Ok(query) = serde_json::from_slice::<EmployeeQuery>(data) {
                let _ = validate::lookup(&query);
                let _ = query.params();
            }
        }
        "Reservation" => {
            if let Ok(r) = serde_json::from_slice::<Reservation>(data) {
                let _ = validate::reservation(&r);
                let _ = serde_json::to_vec(&r);
                let _ = format!("{r:?}");
            }
        }
        "ReservedLockerReportQuery" => {
            if let Ok(q) = serde_json::from_slice::<ReservedLockerReportQuery>(data) {
                let _ = validate::non_empty("serial_number", &q.serial_number);
                let _ = validate::date_range(Some(q.from_date), Some(q.to_date));
                let _ = q.page_number.map(validate::page);
                let _ = q.page_size.map(validate::page_size);
                let _ = q.from_date.format(validate::QUERY_DATE_FORMAT).to_string();
            }
        }
        "TransactionQuery" => {
            if let Ok(q) = serde_json::from_slice::<TransactionQuery>(data) {
                let _ = validate::date_range(q.from_date, q.to_date);
                let _ = q.page.map(validate::page);
                let _ = q.page_size.map(validate::page_size);
            }
        }
        "ClientSettings" => {
            if let Ok(s) = serde_json::from_slice::<ClientSettings>(data) {
                let _ = format!("{s:?}");
                let _ = s.apply(crate::ClientBuilder::default()).build_config();
            }
        }
        "date_format" => {
            let format = String::from_utf8_lossy(data);
            if crate::config::check_date_format(&format).is_ok() {
                // A format the builder accepts must render every date without panicking.
                for date in [chrono::NaiveDate::MIN, chrono::NaiveDate::MAX] {
                    let _ = date.format(&format).to_string();
                }
            }
        }
        "path" => {
            let value = String::from_utf8_lossy(data);
            for op in DECODED {
                let args = [
                    ("employeeNumber", value.as_ref()),
                    ("serialNumber", value.as_ref()),
                    ("reserveLockerId", value.as_ref()),
                ];
                if let Ok(path) = crate::transport::fill_path(op.path, &args) {
                    let base = url::Url::parse("https://h.example/api-root/").expect("valid");
                    let joined = base.join(&path).expect("a filled path always joins");
                    let segments = joined.path_segments().map_or(0, Iterator::count);
                    assert_eq!(
                        segments,
                        1 + op.path.trim_start_matches('/').split('/').count(),
                        "{path:?} does not address the operation's route: {joined}"
                    );
                }
            }
        }
        other => unreachable!("no record {other}"),
    }
}

/// Everything a client does with a decoded page.
fn paged<P: Paged + std::fmt::Debug>(page: P) -> String {
    let text = format!("{page:?}");
    let _ = page.page_info();
    let _ = page.into_items().len();
    text
}

/// Everything a binding does with an error.
fn use_error(e: &Error) {
    let _ = e.to_string();
    let _ = format!("{e:?}");
    let _ = e.code();
    let _ = e.details();
}
