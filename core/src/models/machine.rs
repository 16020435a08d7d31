//! Machine and planogram models (M1).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::common::{opt_timestamp, PageMeta, Timestamp};
use super::de;

/// A vending machine or locker bank.
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
pub struct Machine {
    /// Display name (may carry stray spaces, as the server stores it).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub machine_name: Option<String>,
    /// The control board's WTN serial number: the `serial_no` other operations take.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub control_board_serial_no: Option<String>,
    /// The cabinet's own serial number (often `null`).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub machine_serial_no: Option<String>,
    /// Location name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub location: Option<String>,
    /// Machine type code (undocumented values, e.g. 2 touchscreen, 3 virtual tracker).
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub machine_type: Option<i64>,
    /// Whether the machine is enabled.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub status: Option<bool>,
    /// Last time the machine reported in (server local time, no offset).
    #[serde(default, deserialize_with = "opt_timestamp")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub last_activity: Option<Timestamp>,
    /// Firmware version (may be `null`).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub control_board_version: Option<String>,
}

/// One selection (slot) of a machine's planogram.
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
pub struct PlanogramEntry {
    /// Selection (slot) number, as text.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub selection: Option<String>,
    /// Product name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub product_name: Option<String>,
    /// Product item number.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub product_item_number: Option<String>,
    /// Count at or under which stock is critical.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub critical_level: Option<i64>,
    /// Count at or under which stock is low.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub low_level: Option<i64>,
    /// Target count after restocking.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub par_level: Option<i64>,
    /// Capacity of the selection.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub max_depth: Option<i64>,
    /// Items in the selection now.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub current_count: Option<i64>,
    /// Unit price, exact (the server sends the string `"0.00"`).
    #[serde(default, deserialize_with = "de::opt_decimal")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub price: Option<Decimal>,
}

/// A machine with its planogram (one item of M1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct MachinePlanogram {
    /// The machine.
    #[serde(default, deserialize_with = "de::null_default")]
    pub machine: Machine,
    /// Its selections.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub machine_planogram: Vec<PlanogramEntry>,
}

/// One page of machines with planograms (M1, all machines).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct MachinePage {
    /// The machines on this page.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub items: Vec<MachinePlanogram>,
    /// Paging metadata (JSON `metaData`).
    #[serde(
        default,
        deserialize_with = "de::null_default",
        rename(deserialize = "metaData")
    )]
    pub meta: PageMeta,
}
