//! W1–W6 (`/api/2.0/WillCall/…`) and L1–L6 (`/api/WillCall/…`): one set of handlers, shaped
//! per generation.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::query::{json_body, parse_guid, Query};
use crate::dialect::PageParam;
use crate::envelope::{self, Kind};
use crate::state::will_call::{Assignee, ReportEntry, ReservationBody, WillCallError};
use crate::state::App;

/// Which generation of the Will Call API a request came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gen {
    /// `/api/2.0/WillCall/…`.
    V2,
    /// `/api/WillCall/…` (section 6 of the document).
    Legacy,
}

fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

fn invalid_serial() -> Response {
    envelope::error(
        StatusCode::BAD_REQUEST,
        400,
        "Invalid Serial Number",
        Kind::WithResult,
    )
}

/// W1/L1 `POST …/AddReservation`: failures are 500 exception envelopes.
pub(crate) async fn add_reservation(app: Arc<App>, body: Bytes) -> Response {
    let body: ReservationBody = match json_body(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let mut guard = app.world();
    let world = &mut *guard;
    match world
        .will_call
        .add(&world.machines, &body, now(), &mut world.rng, &app.base_url)
    {
        Ok(result) => envelope::ok(result),
        Err(e) => envelope::exception(
            StatusCode::INTERNAL_SERVER_ERROR,
            &e.message(),
            Kind::WithResult,
        ),
    }
}

/// W2/L2 `GET …/GetReservationStatus/{serialNumber}`: a bare array on success.
pub(crate) async fn reservation_status(app: Arc<App>, gen: Gen, serial: String) -> Response {
    let world = app.world();
    match world.machines.find(serial.trim()) {
        Some((i, _)) => {
            let list = world.will_call.status(i, gen == Gen::V2);
            if list.is_empty() {
                return envelope::empty(app.config.dialect.empty);
            }
            envelope::json(StatusCode::OK, &list)
        }
        None => invalid_serial(),
    }
}

/// W3/L3 `GET …/GetReservableSelections/{serialNumber}`: a bare array of integers.
pub(crate) async fn reservable_selections(app: Arc<App>, serial: String) -> Response {
    let world = app.world();
    match world.machines.find(serial.trim()) {
        Some((i, _)) => {
            let list = world.will_call.reservable(i, &world.machines);
            if list.is_empty() {
                return envelope::empty(app.config.dialect.empty);
            }
            envelope::json(StatusCode::OK, &list)
        }
        None => invalid_serial(),
    }
}

/// W4/L4 `POST …/SendNewCode/{reserveLockerId}`: a non-GUID id gets ProblemDetails; an
/// unknown id a 400 envelope "Invalid Reservation Locker Id"; a recalled one a 400 envelope
/// "Invalid Operation!".
pub(crate) async fn send_new_code(app: Arc<App>, id: String) -> Response {
    let Some(guid) = parse_guid(&id) else {
        return envelope::problem_field(
            "reservationLockerId",
            format!("The value '{id}' is not valid."),
        );
    };
    let mut guard = app.world();
    let world = &mut *guard;
    match world
        .will_call
        .send_new_code(&guid, now(), &mut world.rng, &app.base_url)
    {
        Ok(result) => envelope::ok(result),
        Err(e) => envelope::error(StatusCode::BAD_REQUEST, 400, &e.message(), Kind::WithResult),
    }
}

/// `machineDetails` entry of W5.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportMachine {
    machine_name: String,
    location_name: String,
    reservation_details: Vec<ReportEntry>,
}

/// W5 body.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportV2 {
    account_name: String,
    has_next_page: bool,
    total_pages: u64,
    machine_details: Vec<ReportMachine>,
}

/// L5 body.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportLegacy {
    machine_name: String,
    account_name: String,
    location_name: String,
    has_next_page: bool,
    total_pages: u64,
    reservation_details: Vec<ReportEntry>,
}

/// W5/L5 `GET …/GetReservedLockerReport?serialNumber&fromDate&toDate&pageNumber&pageSize`:
/// not enveloped on success.
pub(crate) async fn reserved_locker_report(
    app: Arc<App>,
    gen: Gen,
    raw: Option<String>,
) -> Response {
    let q = Query::parse(raw.as_deref());
    let page_key = match app.config.dialect.w5_page_param {
        PageParam::Page => "page",
        PageParam::PageNumber => "pageNumber",
    };
    let (page, size) = match q.paging(page_key, "pageSize") {
        Ok(p) => p,
        Err(r) => return r,
    };
    let (from, to) = match (q.date("fromDate"), q.date("toDate")) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let world = app.world();
    let Some((i, m)) = q.get("serialNumber").and_then(|s| world.machines.find(s)) else {
        return invalid_serial();
    };
    let entries = world.will_call.report(
        i,
        from.and_then(|d| d.and_hms_opt(0, 0, 0)),
        to.and_then(|d| d.and_hms_nano_opt(23, 59, 59, 999_999_999)),
    );
    let total_pages = (entries.len() as u64).div_ceil(size);
    let has_next_page = page < total_pages;
    let details: Vec<ReportEntry> = entries
        .into_iter()
        .skip(((page - 1) * size) as usize)
        .take(size as usize)
        .collect();
    match gen {
        Gen::V2 => envelope::json(
            StatusCode::OK,
            &ReportV2 {
                account_name: app.config.account_name.clone(),
                has_next_page,
                total_pages,
                machine_details: vec![ReportMachine {
                    machine_name: m.name.clone(),
                    location_name: m.location.clone(),
                    reservation_details: details,
                }],
            },
        ),
        Gen::Legacy => envelope::json(
            StatusCode::OK,
            &ReportLegacy {
                machine_name: m.name.clone(),
                account_name: app.config.account_name.clone(),
                location_name: m.location.clone(),
                has_next_page,
                total_pages,
                reservation_details: details,
            },
        ),
    }
}

/// `result` of W6/L6.
#[derive(Serialize)]
struct Message {
    message: &'static str,
}

/// W6/L6 `POST …/RecallReservation?reservationLockerId=…` with one assignee as the body (an
/// empty body is accepted). An unknown or already recalled reservation is a 404 envelope with
/// `errorId` 400 "Invalid Operation!" (W6) or a 500 exception "Invalid Operation!" (L6).
pub(crate) async fn recall_reservation(
    app: Arc<App>,
    gen: Gen,
    raw: Option<String>,
    body: Bytes,
) -> Response {
    let q = Query::parse(raw.as_deref());
    let raw_id = q.get("reservationLockerId").unwrap_or("");
    let Some(guid) = parse_guid(raw_id) else {
        let msg = if raw_id.is_empty() {
            "The reservationLockerId field is required.".to_string()
        } else {
            format!("The value '{raw_id}' is not valid.")
        };
        return envelope::problem_field("reservationLockerId", msg);
    };
    if !body.iter().all(u8::is_ascii_whitespace) {
        if let Err(r) = json_body::<Assignee>(&body) {
            return r;
        }
    }
    match app.world().will_call.recall(&guid) {
        Ok(()) => envelope::ok(Message {
            message: "Reservation Recalled Successfully",
        }),
        Err(WillCallError::UnknownReservation | WillCallError::Recalled) => match gen {
            Gen::V2 => envelope::error(
                StatusCode::NOT_FOUND,
                400,
                "Invalid Operation!",
                Kind::NoResult,
            ),
            Gen::Legacy => envelope::exception(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Invalid Operation!",
                Kind::NoResult,
            ),
        },
        Err(e) => envelope::exception(
            StatusCode::INTERNAL_SERVER_ERROR,
            &e.message(),
            Kind::NoResult,
        ),
    }
}

/// Handlers bound to one generation, for the router.
pub(crate) mod bind {
    use super::*;
    use axum::routing::{get, post, MethodRouter};

    /// The six routes of `gen`, as `(path, method router)` pairs.
    pub(crate) fn routes(gen: Gen) -> Vec<(&'static str, MethodRouter<Arc<App>>)> {
        let paths: [&'static str; 6] = match gen {
            Gen::V2 => [
                "/api/2.0/WillCall/AddReservation",
                "/api/2.0/WillCall/GetReservationStatus/{serial}",
                "/api/2.0/WillCall/GetReservableSelections/{serial}",
                "/api/2.0/WillCall/SendNewCode/{id}",
                "/api/2.0/WillCall/GetReservedLockerReport",
                "/api/2.0/WillCall/RecallReservation",
            ],
            Gen::Legacy => [
                "/api/WillCall/AddReservation",
                "/api/WillCall/GetReservationStatus/{serial}",
                "/api/WillCall/GetReservableSelections/{serial}",
                "/api/WillCall/SendNewCode/{id}",
                "/api/WillCall/GetReservedLockerReport",
                "/api/WillCall/RecallReservation",
            ],
        };
        vec![
            (
                paths[0],
                post(|State(app): State<Arc<App>>, body: Bytes| add_reservation(app, body)),
            ),
            (
                paths[1],
                get(move |State(app): State<Arc<App>>, Path(s): Path<String>| {
                    reservation_status(app, gen, s)
                }),
            ),
            (
                paths[2],
                get(|State(app): State<Arc<App>>, Path(s): Path<String>| {
                    reservable_selections(app, s)
                }),
            ),
            (
                paths[3],
                post(|State(app): State<Arc<App>>, Path(id): Path<String>| send_new_code(app, id)),
            ),
            (
                paths[4],
                get(move |State(app): State<Arc<App>>, RawQuery(q): RawQuery| {
                    reserved_locker_report(app, gen, q)
                }),
            ),
            (
                paths[5],
                post(
                    move |State(app): State<Arc<App>>, RawQuery(q): RawQuery, body: Bytes| {
                        recall_reservation(app, gen, q, body)
                    },
                ),
            ),
        ]
    }
}
