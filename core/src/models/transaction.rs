//! Transaction report models (T1).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::common::{opt_timestamp, PageMeta, Timestamp};
use super::de;

/// The machine a transaction happened on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "iqtech", get_all, frozen, dict)
)]
pub struct TransactionMachine {
    /// WTN serial number.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub serial_no: Option<String>,
    /// Organization.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub organization: Option<String>,
    /// Account.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub account: Option<String>,
    /// Machine name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub machine_name: Option<String>,
    /// Location.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub location: Option<String>,
}

/// A lot taken in a transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "iqtech", get_all, frozen, dict)
)]
pub struct BatchDetail {
    /// Lot number.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub lot_number: Option<String>,
    /// Expiry date, as sent.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub exp_date: Option<String>,
    /// Quantity taken (the server sends the string `"1"`).
    #[serde(default, deserialize_with = "de::opt_decimal")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub qty_taken: Option<Decimal>,
}

/// An answer to a question asked at the machine (user limits).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(module = "iqtech", get_all, frozen, dict)
)]
pub struct UserLimit {
    /// The question.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub question: Option<String>,
    /// The answer given.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub response: Option<String>,
}

/// One dispense.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct TransactionDetail {
    /// When (server local time, no offset, seven fractional digits).
    #[serde(default, deserialize_with = "opt_timestamp")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub transaction_date_and_time: Option<Timestamp>,
    /// "Last, First".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub employee_name: Option<String>,
    /// Employee number.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub employee_number: Option<String>,
    /// Product name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub product_name: Option<String>,
    /// Product group.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub product_group: Option<String>,
    /// Product group name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub product_group_name: Option<String>,
    /// "Yes" or "No".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub offline_purchase: Option<String>,
    /// Selection (slot).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub selection: Option<String>,
    /// Manufacturer.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub manufacturer_name: Option<String>,
    /// Manufacturer's item number.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub manufacturer_item_number: Option<String>,
    /// Quantity dispensed (exact; numbers and numeric strings both decode).
    #[serde(default, deserialize_with = "de::opt_decimal")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub dispensed_quantity: Option<Decimal>,
    /// Second person who authorised it.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub second_person_auth: Option<String>,
    /// Lots taken.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub batch_details: Vec<BatchDetail>,
    /// Questions answered.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub user_limit: Vec<UserLimit>,
    /// Unit price, exact.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub price_per_item: Option<Decimal>,
    /// Total, exact.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub total: Option<Decimal>,
    /// Item number.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub item_number: Option<String>,
    /// Weight taken, as sent.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub taken_weight: Option<String>,
    /// Asset number.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub asset_number: Option<String>,
    /// Department.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub department: Option<String>,
    /// Items per package (exact).
    #[serde(default, deserialize_with = "de::opt_decimal")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub package_quantity: Option<Decimal>,
    /// Package price, exact.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub package_price: Option<Decimal>,
}

/// One item of the transaction report: a machine and its dispenses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct Transaction {
    /// The machine.
    #[serde(default, deserialize_with = "de::null_default")]
    pub machine_details: TransactionMachine,
    /// The dispenses.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub transaction_details: Vec<TransactionDetail>,
}

/// One page of the transaction report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct TransactionPage {
    /// The transactions on this page.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub items: Vec<Transaction>,
    /// Paging metadata (JSON `metaData`).
    #[serde(
        default,
        deserialize_with = "de::null_default",
        rename(deserialize = "metaData")
    )]
    pub meta: PageMeta,
}

/// Filters of the transaction report. Dates are inclusive and sent as `MM-dd-yyyy`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct TransactionQuery {
    /// First day (JSON parameter `FromDate`).
    #[serde(default, deserialize_with = "de::opt_date")]
    #[cfg_attr(feature = "typescript", ts(type = "Date | string | null", optional))]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub from_date: Option<NaiveDate>,
    /// Last day (JSON parameter `ToDate`).
    #[serde(default, deserialize_with = "de::opt_date")]
    #[cfg_attr(feature = "typescript", ts(type = "Date | string | null", optional))]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to_date: Option<NaiveDate>,
    /// One machine's WTN serial number.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub serial_no: Option<String>,
    /// Page (1-based; default 1). Ignored by the auto-pagers.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<u32>,
    /// Page size, 1 to 100 (default 100).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page_size: Option<u32>,
}
