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
#[doc(hidden)]
pub mod json;
mod machine;
mod transaction;
mod will_call;

pub use common::{Language, PageMeta, Timestamp};

/// A string-valued enum of the models, for code generators: every binding that spells its
/// enums out (Python's `str` enums) generates them from [`ENUMS`], never by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumSpec {
    /// The Rust (and every binding's) type name.
    pub name: &'static str,
    /// One-paragraph doc.
    pub doc: &'static str,
    /// `(variant, wire text)` of every known value, in order. Unknown values are kept as text
    /// by every decoder (except `StockSeverity`, which the SDK computes).
    pub values: &'static [(&'static str, &'static str)],
}

/// Every string-valued enum a binding hands out, in the order the docs list them.
pub const ENUMS: &[EnumSpec] = &[
    Language::SPEC,
    ReservationType::SPEC,
    SendCode::SPEC,
    AssigneeType::SPEC,
    crate::reports::StockSeverity::SPEC,
];
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
