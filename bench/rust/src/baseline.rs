//! What a Rust user would write instead of the SDK: plain `#[derive(Deserialize)]` structs of
//! the same shapes (every field optional, money as an exact `rust_decimal::Decimal` from a JSON
//! number or string, the way rust_decimal's own number visitor does it), decoded by
//! `serde_json::from_slice`.

#![allow(dead_code)] // Fields are decoded to do the same work; the benchmark reads only a few.

use rust_decimal::Decimal;
use serde::de::{Deserializer, Visitor};
use serde::Deserialize;
use std::str::FromStr;

/// Money: a number (via its shortest text, as rust_decimal's visitor does) or a string.
fn money<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<Decimal>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a decimal")
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Decimal::from(v)))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Decimal::from_str(&v.to_string())
                .map(Some)
                .map_err(E::custom)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Decimal::from_str(v).map(Some).map_err(E::custom)
        }
    }
    d.deserialize_any(V)
}

/// `{result, isSuccess}` of every enveloped answer.
#[derive(Deserialize)]
pub struct Envelope<T> {
    pub result: Option<T>,
    #[serde(rename = "isSuccess")]
    pub is_success: Option<bool>,
}

/// `metaData`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub first_item_on_page: Option<i64>,
    pub has_next_page: Option<bool>,
    pub has_previous_page: Option<bool>,
    pub is_first_page: Option<bool>,
    pub is_last_page: Option<bool>,
    pub last_item_on_page: Option<i64>,
    pub page_count: Option<i64>,
    pub page_number: Option<i64>,
    pub page_size: Option<i64>,
    pub total_item_count: Option<i64>,
    pub this_page_item_count: Option<i64>,
    pub item_start: Option<i64>,
    pub item_end: Option<i64>,
}

/// E1 item.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Employee {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub employee_number: Option<String>,
    pub badge: Option<String>,
    pub language: Option<String>,
    pub active: Option<bool>,
    pub department: Option<String>,
}

/// E1 result.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EmployeePage {
    pub items: Vec<Employee>,
    pub meta_data: Option<Meta>,
}

/// T1 `machineDetails`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Machine {
    pub serial_no: Option<String>,
    pub organization: Option<String>,
    pub account: Option<String>,
    pub machine_name: Option<String>,
    pub location: Option<String>,
}

/// T1 `batchDetails` entry.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    pub lot_number: Option<String>,
    pub exp_date: Option<String>,
    #[serde(default, deserialize_with = "money")]
    pub qty_taken: Option<Decimal>,
}

/// T1 `userLimit` entry.
#[derive(Deserialize)]
pub struct Limit {
    pub question: Option<String>,
    pub response: Option<String>,
}

/// T1 dispense.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Detail {
    pub transaction_date_and_time: Option<String>,
    pub employee_name: Option<String>,
    pub employee_number: Option<String>,
    pub product_name: Option<String>,
    pub product_group: Option<String>,
    pub product_group_name: Option<String>,
    pub offline_purchase: Option<String>,
    pub selection: Option<String>,
    pub manufacturer_name: Option<String>,
    pub manufacturer_item_number: Option<String>,
    #[serde(default, deserialize_with = "money")]
    pub dispensed_quantity: Option<Decimal>,
    pub second_person_auth: Option<String>,
    pub batch_details: Option<Vec<Batch>>,
    pub user_limit: Option<Vec<Limit>>,
    #[serde(default, deserialize_with = "money")]
    pub price_per_item: Option<Decimal>,
    #[serde(default, deserialize_with = "money")]
    pub total: Option<Decimal>,
    pub item_number: Option<String>,
    pub taken_weight: Option<String>,
    pub asset_number: Option<String>,
    pub department: Option<String>,
    #[serde(default, deserialize_with = "money")]
    pub package_quantity: Option<Decimal>,
    #[serde(default, deserialize_with = "money")]
    pub package_price: Option<Decimal>,
}

/// T1 item.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    pub machine_details: Option<Machine>,
    pub transaction_details: Option<Vec<Detail>>,
}

/// T1 page.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactionPage {
    pub items: Vec<Transaction>,
    pub meta_data: Option<Meta>,
}

/// T1 result.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub transaction_report: TransactionPage,
}
