//! A faithful local fake of the iQ Tech Integration API v2.7.0 server, for tests and demos.
//!
//! ```no_run
//! use iqtech_sandbox::{FaultSpec, Sandbox, SandboxConfig};
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::start(SandboxConfig::default().seed(7).transactions(1_000_000)).await?;
//! // Token: POST {auth_url}/connect/token; API: {api_url}/api/...
//! println!("{} {} {}", sandbox.api_url(), sandbox.client_id(), sandbox.client_secret());
//! sandbox.inject(FaultSpec::new("employees.list").status(503).times(2))?;
//! // ... run the client ...
//! assert_eq!(sandbox.journal().count("employees.list"), 3);
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Routes
//! One listener serves everything; [`Sandbox::auth_url`] and [`Sandbox::api_url`] are both
//! `http://127.0.0.1:PORT`. Literal path segments ignore case; doubled and trailing slashes are
//! ignored. Every `/api/…` route needs `Authorization: Bearer <token>`: a missing, unknown or
//! expired token gets `401` with an empty body and `WWW-Authenticate: Bearer
//! error="invalid_token"` (just `Bearer` when the header is missing).
//!
//! | route name | method and path | success |
//! | --- | --- | --- |
//! | `token` | POST `/connect/token` (form: `grant_type=client_credentials`, `client_id`, `client_secret`; HTTP Basic also works) | `{access_token, token_type: "Bearer", expires_in, scope}`; bad credentials → 400 `invalid_client`, other grant → 400 `unsupported_grant_type`, none → 400 `invalid_request` |
//! | `employees.list` | GET `/api/Employee?page&pageSize` | envelope, `result{items, metaData}` |
//! | `employees.create` | POST `/api/Employee` | envelope without `result`; missing required member → ProblemDetails; duplicate number → 500, `errorId` 500 |
//! | `employees.set_status` | PUT `/api/Employee/UpdateEmployeeStatus` | unknown → 400, `errorId` 400 "Invalid Employee Number" |
//! | `employees.update` | PUT `/api/Employee/{employeeNumber}` | body members replace stored ones; body `employeeNumber` renumbers; unknown → 400, `errorId` 500 "Invalid employee number"; new number taken → 500 |
//! | `employees.set_pin` | POST `/api/Employee/UpdateEmployeeSetPin` | wrong old PIN → 400, `errorId` 500 "Invalid Old Pin"; no PIN yet → any old PIN passes; PIN must be 4–10 digits |
//! | `employees.lookup` | GET `/api/Employee/lookup?…` | envelope + `errorStatusVal`; filters match whole values ignoring case; nothing → 400 "No employees found matching the query." |
//! | `will_call.add_reservation` | POST `/api/2.0/WillCall/AddReservation` | `result{reserveLockerId, accessCodes, message}`; failures are 500 exception envelopes |
//! | `will_call.reservation_status` | GET `/api/2.0/WillCall/GetReservationStatus/{serial}` | bare array of open reservations |
//! | `will_call.reservable_selections` | GET `/api/2.0/WillCall/GetReservableSelections/{serial}` | bare array of free lockers |
//! | `will_call.send_new_code` | POST `/api/2.0/WillCall/SendNewCode/{id}` | new codes replace old ones; non-GUID → ProblemDetails; unknown GUID → 400 envelope "Invalid Reservation Locker Id"; recalled → 400 "Invalid Operation!" |
//! | `will_call.reserved_locker_report` | GET `/api/2.0/WillCall/GetReservedLockerReport?serialNumber&fromDate&toDate&pageNumber&pageSize` | not enveloped |
//! | `will_call.recall_reservation` | POST `/api/2.0/WillCall/RecallReservation?reservationLockerId=` | unknown/recalled → 404, `errorId` 400 "Invalid Operation!" |
//! | `will_call_v1.*` | the same six under `/api/WillCall/` | L2 without `reserveLockerId`, flat L5, L6 failure = 500 exception |
//! | `machines.planogram` / `machines.list` | GET `/api/Machine/GetMachinePlanogramDetails?serialNo=` / `?page&pageSize` | envelope, `result{items, metaData}` |
//! | `transactions.list` | GET `/api/Transaction?page&pageSize&FromDate&ToDate&serialNo` | envelope, `result.transactionReport{items, metaData}` |
//!
//! Paged GETs refuse a page below 1 or a size outside 1–100 with a 400 envelope (`errorId`
//! 400). Dates are `MM-dd-yyyy`, whole days, inclusive, UTC. An unknown serial number is a 400
//! envelope "Invalid Serial Number".
//!
//! Reservation statuses: a new DropOff or Exchange reservation is "Drop Off Pending", a
//! Pickup or Release one "Pick Up Pending". Recalling removes it from the status list, frees
//! its locker and voids its codes; the reports keep it with activity "Recalled". Both API
//! generations share one store.
//!
//! # Seeding
//! [`SandboxConfig::seed`] fixes all data: employees numbered from `1000`, machines with
//! `WTN…` serials (every fourth machine a virtual tracker without lockers; the others have
//! lockers 162–206, two of them pre-booked), planograms with slots under critical and low
//! levels. Transactions are computed on demand from `(seed, index)`: times increase with the
//! index over [`SandboxConfig::transactions_start`] + [`SandboxConfig::transactions_days`]
//! and machines go round robin, so a page or a filtered count costs the same with a million
//! transactions as with ten.
//!
//! # Faults
//! [`FaultSpec`] rules delay, fail (`status`), cut (`body`) or drop (`drop_connection`) the
//! responses of a route, a group (`"employees.*"`) or all (`"*"`), for the next `times`
//! requests or at a `rate`; `body: "failed_envelope"` ([`BodyFault::FailedEnvelope`]) answers
//! HTTP 200 with a failed envelope (`isSuccess: false`) instead of running the operation, the
//! 2xx-that-is-an-error case; `respond` ([`CannedResponse`]) answers with exactly the status,
//! headers and body given (any server answer: envelopes, ProblemDetails, HTML, a 401 on an API
//! route, a 429 with `retry-after`, a 2xx with a bogus body); `after: N` lets the first N
//! matching requests through first (a pager failing on page 3). Install them with [`Sandbox::inject`] or `POST /_sandbox/faults`;
//! see [`faults`] for the exact behaviour and `routes::admin` for the admin endpoints
//! (`/_sandbox/faults`, `/_sandbox/expire-tokens`, `/_sandbox/journal`, `/_sandbox/info`,
//! `/_sandbox/reservations`).
//!
//! # Journal
//! Every request (but the admin ones) is counted per route name and recorded (method, path,
//! query, route, body, response status, fault applied): [`Sandbox::journal`] or
//! `GET /_sandbox/journal`.

#![warn(missing_docs)]

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("iqtech_sandbox");

mod auth;
mod config;
pub mod dialect;
mod envelope;
pub mod faults;
mod journal;
mod routes;
mod seed;
mod server;
pub mod settings;
mod state;
mod tls;
#[cfg(feature = "typescript")]
pub mod typescript;

pub use config::{SandboxConfig, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET};
pub use dialect::{Dialect, ENV_DIALECT};
pub use faults::{ActiveFault, BodyFault, CannedResponse, FaultError, FaultSpec, Headers};
pub use journal::{JournalSnapshot, RequestRecord};
pub use routes::names::ROUTE_NAMES;
pub use server::{Sandbox, SandboxError};
pub use settings::{SandboxSettings, SettingsError};
pub use state::will_call::ReservationInfo;
