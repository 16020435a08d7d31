//! The data the API sends and takes, defined once for every binding.
//!
//! Field names are the snake_case of the JSON keys (with `accessCodes` → [`AccessCode::code`] and
//! the report's `type` → [`ReservationDetail::reservation_type`]). Response models decode the
//! server's camelCase and serialize as snake_case; request models serialize to the wire's camelCase
//! and deserialize from snake_case, so a binding can build them from keyword arguments.
//! Everything the document shows as `null`, or does not mark required, is optional; unknown JSON
//! fields are ignored; money is [`rust_decimal::Decimal`].

pub(crate) mod common;
pub(crate) mod de;
mod employee;
mod machine;
mod transaction;
mod will_call;

pub use common::{Language, PageMeta, Timestamp};
pub use de::parse_date;
pub use employee::{
    Employee, EmployeeChanges, EmployeeInput, EmployeePage, EmployeeQuery, SetPinInput,
};
pub use machine::{Machine, MachinePage, MachinePlanogram, PlanogramEntry};
pub use transaction::{
    BatchDetail, Transaction, TransactionDetail, TransactionMachine, TransactionPage,
    TransactionQuery, UserLimit,
};
pub(crate) use will_call::ReportPage;
pub use will_call::{
    AccessCode, Assignee, AssigneeType, LegacyReservedLockerReport, RecallResult, ReportMachine,
    Reservation, ReservationDetail, ReservationResult, ReservationStatus, ReservationType,
    ReservedLockerReport, ReservedLockerReportQuery, SendCode,
};
