//! Will-call locker models (W1–W6 and their legacy twins L1–L6).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::common::{open_enum, opt_timestamp, Timestamp};
use super::de;

open_enum! {
    /// What a reservation is for; it decides how many assignees it takes.
    ReservationType {
        /// One assignee picks up stock released to them.
        Release => "Release",
        /// Three assignees: drop off, pick up, and the exchange's third party.
        Exchange => "Exchange",
        /// Two assignees: one drops off, one picks up.
        Pickup => "Pickup",
        /// Two assignees: one drops off, one picks up.
        DropOff => "DropOff",
    }
}

impl ReservationType {
    /// How many assignees the server expects (document comments on W1); `None` if unknown.
    pub fn assignee_count(&self) -> Option<usize> {
        match self {
            Self::Release => Some(1),
            Self::Pickup | Self::DropOff => Some(2),
            Self::Exchange => Some(3),
            Self::Other { .. } => None,
        }
    }
}

open_enum! {
    /// How access codes are delivered.
    SendCode {
        /// Text message.
        Sms => "SMS",
        /// E-mail.
        Email => "EMAIL",
        /// Text message and e-mail.
        Both => "BOTH",
        /// Not sent; read them from the answer.
        None => "NONE",
    }
}

open_enum! {
    /// Who an assignee is.
    AssigneeType {
        /// An employee (`user_id` applies).
        Employee => "Employee",
        /// A portal user.
        User => "User",
        /// Anyone else, by contact details.
        Custom => "Custom",
    }
}

/// A person a reservation's codes go to (W1 list entries, W6/L6 body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct Assignee {
    /// Employee, User or Custom.
    pub assignee_type: AssigneeType,
    /// Phone number for SMS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub contact_number: Option<String>,
    /// Country dialling code, e.g. `+1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub country_dial_code: Option<String>,
    /// Country code (legacy recall body only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub country_code: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// The employee's or user's id (Employee type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user_id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Role in the reservation, e.g. `DropOff`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub role: Option<String>,
    /// Whether to send a bar code image too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub send_bar_code: Option<bool>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub description: Option<String>,
}

/// The body of add-reservation (W1/L1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct Reservation {
    /// Who creates it (JSON `createdbyUser`).
    #[serde(rename(serialize = "createdbyUser"))]
    pub createdby_user: String,
    /// The locker selection, e.g. `"172"` (see `reservable_selections`).
    pub selection: String,
    /// What the reservation is for.
    pub reservation_type: ReservationType,
    /// How codes are delivered.
    pub send_code: SendCode,
    /// The machine's location name.
    pub location_name: String,
    /// The machine's WTN serial number.
    pub serial_number: String,
    /// Product; the server assigns a default if absent or unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub product_name: Option<String>,
    /// The assignees: 1 for Release, 2 for Pickup and DropOff, 3 for Exchange.
    pub external_reserve_locker_detail_list: Vec<Assignee>,
}

/// One access code sent to an assignee. `Debug` hides the code and its bar-code URL (which
/// embeds the code): a locker code in a log opens the locker.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct AccessCode {
    /// The assignee's name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub user_name: Option<String>,
    /// The assignee's role, e.g. `DropOff`.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub role: Option<String>,
    /// The code, a string of digits (JSON `accessCodes`, which holds ONE code).
    #[serde(
        default,
        rename(deserialize = "accessCodes"),
        deserialize_with = "de::opt_string"
    )]
    pub code: Option<String>,
    /// URL of the bar code image.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub bar_code: Option<String>,
}

impl std::fmt::Debug for AccessCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hidden = |v: &Option<String>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("AccessCode")
            .field("user_name", &self.user_name)
            .field("role", &self.role)
            .field("code", &hidden(&self.code))
            .field("bar_code", &hidden(&self.bar_code))
            .finish()
    }
}

/// The answer of add-reservation and send-new-code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct ReservationResult {
    /// The reservation's id (a GUID), for send-new-code and recall.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub reserve_locker_id: Option<String>,
    /// One code per assignee.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub access_codes: Vec<AccessCode>,
    /// The server's message, e.g. "Reservation added successfully".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message: Option<String>,
}

/// One reservation's state on a machine (W2/L2).
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
pub struct ReservationStatus {
    /// The reservation's id (v2 only; the legacy route omits it).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub reserve_locker_id: Option<String>,
    /// The locker selection.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub selection: Option<String>,
    /// E.g. "Drop Off Pending".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub current_status: Option<String>,
}

/// The answer of recall (W6/L6).
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
pub struct RecallResult {
    /// E.g. "Reservation Recalled Successfully".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub message: Option<String>,
}

/// Parameters of the reserved-locker report (W5/L5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct ReservedLockerReportQuery {
    /// The machine's WTN serial number.
    pub serial_number: String,
    /// First day (inclusive); sent as `MM-dd-yyyy`.
    #[serde(deserialize_with = "de::date")]
    #[cfg_attr(feature = "typescript", ts(type = "Date | string"))]
    pub from_date: NaiveDate,
    /// Last day (inclusive); sent as `MM-dd-yyyy`.
    #[serde(deserialize_with = "de::date")]
    #[cfg_attr(feature = "typescript", ts(type = "Date | string"))]
    pub to_date: NaiveDate,
    /// Page (1-based; default 1). Sent as `pageNumber` (quirk 11).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page_number: Option<u32>,
    /// Page size, 1 to 100 (default 100).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page_size: Option<u32>,
}

/// One reservation event in the reserved-locker report.
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
pub struct ReservationDetail {
    /// Reservation type (JSON `type`, renamed because `type` is a keyword in most languages).
    #[serde(
        default,
        rename(deserialize = "type"),
        deserialize_with = "de::opt_string"
    )]
    pub reservation_type: Option<String>,
    /// Locker selection.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub selection: Option<String>,
    /// Product.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub product_name: Option<String>,
    /// E.g. "Stock Pending".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub activity: Option<String>,
    /// When it happened.
    #[serde(default, deserialize_with = "opt_timestamp")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<String>"))]
    pub timestamp: Option<Timestamp>,
    /// Who reserved it.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub reserved_user: Option<String>,
    /// E.g. "Drop Off".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub role: Option<String>,
    /// The assignee's name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub assignee: Option<String>,
    /// Employee, User or Custom.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub assignee_type: Option<String>,
    /// The server's local-time text, e.g. "12/13/2023 06:00 PM".
    #[serde(default, deserialize_with = "de::opt_string")]
    pub date_string: Option<String>,
}

/// One machine's section of the v2 report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct ReportMachine {
    /// Machine name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub machine_name: Option<String>,
    /// Location name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub location_name: Option<String>,
    /// Its reservation events.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub reservation_details: Vec<ReservationDetail>,
}

/// One page of the v2 reserved-locker report (W5). Not enveloped; pages by `has_next_page`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct ReservedLockerReport {
    /// The tenant's account name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub account_name: Option<String>,
    /// Whether a later page exists.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub has_next_page: Option<bool>,
    /// Number of pages.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub total_pages: Option<i64>,
    /// Per-machine sections.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub machine_details: Vec<ReportMachine>,
}

/// One page of the legacy reserved-locker report (L5): flat, one machine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct LegacyReservedLockerReport {
    /// Machine name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub machine_name: Option<String>,
    /// The tenant's account name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub account_name: Option<String>,
    /// Location name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub location_name: Option<String>,
    /// Whether a later page exists.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub has_next_page: Option<bool>,
    /// Number of pages.
    #[serde(default, deserialize_with = "de::opt_i64")]
    pub total_pages: Option<i64>,
    /// The reservation events.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub reservation_details: Vec<ReservationDetail>,
}

/// Either generation's report page, for code that pages both the same way.
pub(crate) trait ReportPage {
    fn has_next(&self) -> Option<bool>;
    fn total_pages(&self) -> Option<i64>;
    fn detail_count(&self) -> usize;
    fn into_details(self) -> Vec<ReservationDetail>;
}

impl ReportPage for ReservedLockerReport {
    fn has_next(&self) -> Option<bool> {
        self.has_next_page
    }
    fn total_pages(&self) -> Option<i64> {
        self.total_pages
    }
    fn detail_count(&self) -> usize {
        self.machine_details
            .iter()
            .map(|m| m.reservation_details.len())
            .sum()
    }
    fn into_details(self) -> Vec<ReservationDetail> {
        self.machine_details
            .into_iter()
            .flat_map(|m| m.reservation_details)
            .collect()
    }
}

impl ReportPage for LegacyReservedLockerReport {
    fn has_next(&self) -> Option<bool> {
        self.has_next_page
    }
    fn total_pages(&self) -> Option<i64> {
        self.total_pages
    }
    fn detail_count(&self) -> usize {
        self.reservation_details.len()
    }
    fn into_details(self) -> Vec<ReservationDetail> {
        self.reservation_details
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_access_codes() {
        let c = AccessCode {
            user_name: Some("A".into()),
            role: None,
            code: Some("828459".into()),
            bar_code: Some("https://x/828459.png".into()),
        };
        assert!(!format!("{c:?}").contains("828459"));
    }

    #[test]
    fn unknown_enum_values_are_kept() {
        let t: ReservationType = serde_json::from_str(r#""Teleport""#).unwrap();
        assert_eq!(
            t,
            ReservationType::Other {
                value: "Teleport".into()
            }
        );
        assert_eq!(serde_json::to_string(&t).unwrap(), r#""Teleport""#);
        assert_eq!(ReservationType::parse("dropoff"), ReservationType::DropOff);
        assert_eq!(SendCode::Sms.as_str(), "SMS");
    }

    #[test]
    fn reservation_serializes_with_the_wire_names() {
        let r = Reservation {
            createdby_user: "api".into(),
            selection: "172".into(),
            reservation_type: ReservationType::Release,
            send_code: SendCode::None,
            location_name: "L".into(),
            serial_number: "WTN1".into(),
            product_name: None,
            external_reserve_locker_detail_list: vec![Assignee {
                assignee_type: AssigneeType::Custom,
                contact_number: None,
                country_dial_code: Some("+1".into()),
                country_code: None,
                email: None,
                user_id: None,
                name: Some("A".into()),
                role: None,
                send_bar_code: Some(true),
                description: None,
            }],
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["createdbyUser"], "api");
        assert_eq!(v["reservationType"], "Release");
        assert_eq!(v["sendCode"], "NONE");
        let a = &v["externalReserveLockerDetailList"][0];
        assert_eq!(a["assigneeType"], "Custom");
        assert_eq!(a["countryDialCode"], "+1");
        assert_eq!(a["sendBarCode"], true);
    }
}
