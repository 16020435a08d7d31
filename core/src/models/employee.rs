//! Employee models: the list item (E1), the lookup record (E6) and the request bodies (E2–E5).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use super::common::{opt_language, Language, PageMeta};
use super::de;

/// An employee as returned by the list (E1) and lookup (E6) operations.
///
/// The list sends the first seven fields; the lookup sends them all (with `language` as an integer
/// instead of a name, quirk 5). Fields a response lacks are `None`.
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
pub struct Employee {
    /// First name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub last_name: Option<String>,
    /// The employee number, the identifier every other employee operation takes.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub employee_number: Option<String>,
    /// Badge number (`""` and `null` both occur).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub badge: Option<String>,
    /// Language, from a name (list) or a code (lookup).
    #[serde(default, deserialize_with = "opt_language")]
    pub language: Option<Language>,
    /// Whether the employee may use machines.
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub active: Option<bool>,
    /// Department.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub department: Option<String>,
    /// E-mail (lookup only).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub email: Option<String>,
    /// Whether the employee administers VT machines (lookup only; JSON `isVTAdmin`).
    #[serde(
        default,
        rename(deserialize = "isVTAdmin"),
        deserialize_with = "de::opt_bool"
    )]
    pub is_vt_admin: Option<bool>,
    /// PIN option code (lookup only).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub pin_option: Option<String>,
    /// Active status text (lookup only).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub active_status: Option<String>,
    /// The language's name (lookup only).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub language_description: Option<String>,
    /// The tenant's account name (lookup only).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub account_name: Option<String>,
    /// Undocumented (lookup only; `null` in the document).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub employee_ids: Option<String>,
    /// Undocumented (lookup only; `null` in the document).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub separatesave: Option<String>,
    /// Whether fingerprint checks are skipped (lookup only).
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub ignore_finger_print: Option<bool>,
    /// Text form of `ignore_finger_print` (lookup only).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub ignore_finger_print_string: Option<String>,
    /// Manager's e-mail (lookup only).
    #[serde(default, deserialize_with = "de::opt_string")]
    pub manager_email: Option<String>,
}

/// One page of employees (E1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "python", pyo3::pyclass(module = "iqtech", get_all, dict))]
pub struct EmployeePage {
    /// The employees on this page.
    #[serde(default, deserialize_with = "de::vec_or_null")]
    pub items: Vec<Employee>,
    /// Paging metadata (JSON `metaData`).
    #[serde(
        default,
        deserialize_with = "de::null_default",
        rename(deserialize = "metaData")
    )]
    pub meta: PageMeta,
}

/// The body of create (E2) and update (E4).
///
/// `department`, `first_name`, `last_name` and `employee_number` are required (checked before
/// sending). In an update the path names the employee being changed and this `employee_number`
/// is the new value, so an update can renumber (quirk 13).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct EmployeeInput {
    /// Department (required).
    pub department: String,
    /// First name (required).
    pub first_name: String,
    /// Last name (required).
    pub last_name: String,
    /// Employee number (required).
    pub employee_number: String,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Badge number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub badge: Option<String>,
    /// Language (sent as its integer code).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "Language::serialize_code"
    )]
    #[cfg_attr(
        feature = "typescript",
        ts(type = "Language | number | null", optional)
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub language: Option<Language>,
    /// Whether the employee may use machines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub active: Option<bool>,
    /// VT administrator flag (JSON `isVTAdmin`).
    #[serde(
        default,
        rename(serialize = "isVTAdmin"),
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_vt_admin: Option<bool>,
    /// PIN option code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pin_option: Option<String>,
    /// Skip fingerprint checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub ignore_finger_print: Option<bool>,
    /// Manager's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub manager_email: Option<String>,
    /// Clear the PIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub clear_pin: Option<bool>,
    /// Reset the PIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reset_pin: Option<bool>,
    /// The current PIN (never shown by `Debug`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub old_pin: Option<String>,
    /// Suspend the employee until this instant (sent as RFC 3339 with `Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(type = "Date | string | null", optional))]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub suspend_until: Option<DateTime<Utc>>,
    /// Text form of `suspend_until` (JSON `suspenduntilString`).
    #[serde(
        default,
        rename(serialize = "suspenduntilString"),
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub suspenduntil_string: Option<String>,
    /// Whether the employee is suspended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_suspended: Option<bool>,
}

impl fmt::Debug for EmployeeInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmployeeInput")
            .field("department", &self.department)
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("employee_number", &self.employee_number)
            .field("email", &self.email)
            .field("badge", &self.badge)
            .field("language", &self.language)
            .field("active", &self.active)
            .field("is_vt_admin", &self.is_vt_admin)
            .field("pin_option", &self.pin_option)
            .field("ignore_finger_print", &self.ignore_finger_print)
            .field("manager_email", &self.manager_email)
            .field("clear_pin", &self.clear_pin)
            .field("reset_pin", &self.reset_pin)
            .field("old_pin", &self.old_pin.as_ref().map(|_| "<redacted>"))
            .field("suspend_until", &self.suspend_until)
            .field("suspenduntil_string", &self.suspenduntil_string)
            .field("is_suspended", &self.is_suspended)
            .finish()
    }
}

/// The changes [`crate::Employees::patch`] makes to one employee: every field is optional, and
/// only the fields set are changed; the others keep their current values (read with the lookup).
/// `employee_number` set here renumbers the employee. `Debug` never shows `old_pin`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct EmployeeChanges {
    /// New department.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub department: Option<String>,
    /// New first name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub first_name: Option<String>,
    /// New last name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_name: Option<String>,
    /// New employee number (renumbers the employee).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub employee_number: Option<String>,
    /// New e-mail.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// New badge number.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub badge: Option<String>,
    /// New language.
    #[serde(default)]
    #[cfg_attr(
        feature = "typescript",
        ts(type = "Language | number | null", optional)
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub language: Option<Language>,
    /// Whether the employee may use machines.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub active: Option<bool>,
    /// VT administrator flag.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_vt_admin: Option<bool>,
    /// PIN option code.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pin_option: Option<String>,
    /// Skip fingerprint checks.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub ignore_finger_print: Option<bool>,
    /// Manager's e-mail.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub manager_email: Option<String>,
    /// Clear the PIN.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub clear_pin: Option<bool>,
    /// Reset the PIN.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reset_pin: Option<bool>,
    /// The current PIN (never shown by `Debug`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub old_pin: Option<String>,
    /// Suspend the employee until this instant.
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(type = "Date | string | null", optional))]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub suspend_until: Option<DateTime<Utc>>,
    /// Text form of `suspend_until`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub suspenduntil_string: Option<String>,
    /// Whether the employee is suspended.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_suspended: Option<bool>,
}

impl fmt::Debug for EmployeeChanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmployeeChanges")
            .field("department", &self.department)
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("employee_number", &self.employee_number)
            .field("email", &self.email)
            .field("badge", &self.badge)
            .field("language", &self.language)
            .field("active", &self.active)
            .field("is_vt_admin", &self.is_vt_admin)
            .field("pin_option", &self.pin_option)
            .field("ignore_finger_print", &self.ignore_finger_print)
            .field("manager_email", &self.manager_email)
            .field("clear_pin", &self.clear_pin)
            .field("reset_pin", &self.reset_pin)
            .field("old_pin", &self.old_pin.as_ref().map(|_| "<redacted>"))
            .field("suspend_until", &self.suspend_until)
            .field("suspenduntil_string", &self.suspenduntil_string)
            .field("is_suspended", &self.is_suspended)
            .finish()
    }
}

impl EmployeeChanges {
    /// The full record to send: `current` (as the lookup returned it) with these changes on top.
    /// `number` is the employee's current number, used when the lookup left it out.
    pub(crate) fn merge_into(self, current: Employee, number: &str) -> EmployeeInput {
        EmployeeInput {
            department: self.department.or(current.department).unwrap_or_default(),
            first_name: self.first_name.or(current.first_name).unwrap_or_default(),
            last_name: self.last_name.or(current.last_name).unwrap_or_default(),
            employee_number: self
                .employee_number
                .or(current.employee_number)
                .unwrap_or_else(|| number.to_owned()),
            email: self.email.or(current.email),
            badge: self.badge.or(current.badge),
            language: self.language.or(current.language),
            active: self.active.or(current.active),
            is_vt_admin: self.is_vt_admin.or(current.is_vt_admin),
            pin_option: self.pin_option.or(current.pin_option),
            ignore_finger_print: self.ignore_finger_print.or(current.ignore_finger_print),
            manager_email: self.manager_email.or(current.manager_email),
            clear_pin: self.clear_pin,
            reset_pin: self.reset_pin,
            old_pin: self.old_pin,
            suspend_until: self.suspend_until,
            suspenduntil_string: self.suspenduntil_string,
            is_suspended: self.is_suspended,
        }
    }
}

/// The body of set-PIN (E5). `Debug` never shows either PIN.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct SetPinInput {
    /// The employee whose PIN changes (required).
    pub employee_number: String,
    /// The new PIN (required).
    pub pin: String,
    /// The current PIN; the server checks it ("Invalid Old Pin").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub old_pin: Option<String>,
    /// The tenant's account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub account_id: Option<String>,
    /// The employee's id in the HR system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub emplid: Option<String>,
}

impl fmt::Debug for SetPinInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SetPinInput")
            .field("employee_number", &self.employee_number)
            .field("pin", &"<redacted>")
            .field("old_pin", &self.old_pin.as_ref().map(|_| "<redacted>"))
            .field("account_id", &self.account_id)
            .field("emplid", &self.emplid)
            .finish()
    }
}

/// Criteria for the lookup (E6); at least one must be set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename_all = "camelCase", optional_fields = nullable))]
pub struct EmployeeQuery {
    /// First name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_name: Option<String>,
    /// Employee number.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub employee_number: Option<String>,
    /// Badge number.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub badge_number: Option<String>,
    /// Department.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub department: Option<String>,
    /// Active flag.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub active: Option<bool>,
}

impl EmployeeQuery {
    /// The query parameters, with the API's names, for the criteria that are set.
    pub(crate) fn params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        let text = [
            ("firstName", &self.first_name),
            ("lastName", &self.last_name),
            ("employeeNumber", &self.employee_number),
            ("badgeNumber", &self.badge_number),
            ("department", &self.department),
        ];
        for (name, value) in text {
            if let Some(v) = value {
                p.push((name, v.clone()));
            }
        }
        if let Some(active) = self.active {
            p.push(("active", active.to_string()));
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_pins() {
        let input = SetPinInput {
            employee_number: "1000".into(),
            pin: "4321".into(),
            old_pin: Some("1234".into()),
            ..Default::default()
        };
        let shown = format!("{input:?}");
        assert!(
            !shown.contains("4321") && !shown.contains("1234"),
            "{shown}"
        );
        let e = EmployeeInput {
            old_pin: Some("9876".into()),
            ..Default::default()
        };
        assert!(!format!("{e:?}").contains("9876"));
        let c = EmployeeChanges {
            old_pin: Some("5555".into()),
            ..Default::default()
        };
        assert!(!format!("{c:?}").contains("5555"));
    }

    #[test]
    fn input_serializes_with_the_wire_names() {
        let e = EmployeeInput {
            department: "D".into(),
            first_name: "F".into(),
            last_name: "L".into(),
            employee_number: "1".into(),
            is_vt_admin: Some(true),
            language: Some(Language::Spanish),
            suspenduntil_string: Some("x".into()),
            ..Default::default()
        };
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["firstName"], "F");
        assert_eq!(v["isVTAdmin"], true);
        assert_eq!(v["language"], 1);
        assert_eq!(v["suspenduntilString"], "x");
        assert!(v.get("email").is_none());
    }

    #[test]
    fn changes_keep_every_field_they_do_not_name() {
        let current = Employee {
            first_name: Some("Hawkeye".into()),
            last_name: Some("Pierce".into()),
            employee_number: Some("1000".into()),
            department: Some("Surgery".into()),
            email: Some("h@example.com".into()),
            active: Some(true),
            is_vt_admin: Some(true),
            ..Default::default()
        };
        let merged = EmployeeChanges {
            last_name: Some("Pierce Jr".into()),
            active: Some(false),
            ..Default::default()
        }
        .merge_into(current, "1000");
        assert_eq!(merged.first_name, "Hawkeye");
        assert_eq!(merged.last_name, "Pierce Jr");
        assert_eq!(merged.department, "Surgery");
        assert_eq!(merged.employee_number, "1000");
        assert_eq!(merged.email.as_deref(), Some("h@example.com"));
        assert_eq!(
            (merged.active, merged.is_vt_admin),
            (Some(false), Some(true))
        );
    }

    #[test]
    fn input_rejects_unknown_fields_by_name() {
        let err = serde_json::from_str::<EmployeeInput>(
            r#"{"department":"D","first_name":"F","last_name":"L","employee_number":"1","frist_name":"x"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("frist_name"), "{err}");
    }
}
