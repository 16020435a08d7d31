//! Employees: the seeded roster and the E1–E6 operations on it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::dialect::{Dialect, MissingBool, PutMode};
use crate::seed::{SeedRng, DEPARTMENTS, FIRST_NAMES, LAST_NAMES};

/// One employee as the server stores it.
#[derive(Debug, Clone)]
pub(crate) struct Employee {
    pub department: String,
    pub first_name: String,
    pub last_name: String,
    pub employee_number: String,
    pub email: Option<String>,
    pub badge: Option<String>,
    pub language: i64,
    pub active: bool,
    pub is_vt_admin: bool,
    pub pin_option: Option<String>,
    pub ignore_finger_print: bool,
    pub manager_email: Option<String>,
    pub pin: Option<String>,
}

/// The name of a language code (section 1.5 of the document).
pub(crate) fn language_name(code: i64) -> &'static str {
    match code {
        0 => "English",
        1 => "Spanish",
        2 => "French",
        _ => "Unknown",
    }
}

/// A `language` value in a request: the integer code or its English name.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum LanguageIn {
    /// `0`, `1`, `2`.
    Code(i64),
    /// `"English"`, `"Spanish"`, `"French"` (anything else is English).
    Name(String),
}

impl LanguageIn {
    fn code(&self) -> i64 {
        match self {
            LanguageIn::Code(c) => *c,
            LanguageIn::Name(n) => match n.to_ascii_lowercase().as_str() {
                "spanish" | "1" => 1,
                "french" | "2" => 2,
                _ => 0,
            },
        }
    }
}

/// The employee body of E2 (create) and E4 (update); every member is optional here and E2
/// checks its required ones itself.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EmployeeBody {
    pub department: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub employee_number: Option<String>,
    pub email: Option<String>,
    pub badge: Option<String>,
    pub language: Option<LanguageIn>,
    pub active: Option<bool>,
    #[serde(rename = "isVTAdmin")]
    pub is_vt_admin: Option<bool>,
    pub pin_option: Option<String>,
    pub ignore_finger_print: Option<bool>,
    pub manager_email: Option<String>,
    pub clear_pin: Option<bool>,
}

/// An E1 item.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ListItem {
    first_name: String,
    last_name: String,
    employee_number: String,
    badge: Option<String>,
    language: &'static str,
    active: bool,
    department: String,
}

/// An E6 item (the richer shape).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LookupItem {
    department: String,
    first_name: String,
    last_name: String,
    employee_number: String,
    email: Option<String>,
    badge: Option<String>,
    language: i64,
    active: bool,
    #[serde(rename = "isVTAdmin")]
    is_vt_admin: bool,
    pin_option: Option<String>,
    active_status: Option<()>,
    language_description: &'static str,
    account_name: String,
    employee_ids: Option<()>,
    separatesave: Option<()>,
    ignore_finger_print: bool,
    ignore_finger_print_string: Option<()>,
    manager_email: Option<String>,
}

/// The filters of E6; `None` means "not filtered". Text filters match whole values, ignoring
/// case.
#[derive(Debug, Default, Clone)]
pub(crate) struct LookupQuery {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub employee_number: Option<String>,
    pub badge_number: Option<String>,
    pub department: Option<String>,
    pub active: Option<bool>,
}

impl LookupQuery {
    /// True when no filter is given.
    pub(crate) fn is_empty(&self) -> bool {
        self.first_name.is_none()
            && self.last_name.is_none()
            && self.employee_number.is_none()
            && self.badge_number.is_none()
            && self.department.is_none()
            && self.active.is_none()
    }

    fn matches(&self, e: &Employee) -> bool {
        fn eq(filter: &Option<String>, value: Option<&str>) -> bool {
            filter
                .as_deref()
                .map_or(true, |f| value.is_some_and(|v| v.eq_ignore_ascii_case(f)))
        }
        eq(&self.first_name, Some(&e.first_name))
            && eq(&self.last_name, Some(&e.last_name))
            && eq(&self.employee_number, Some(&e.employee_number))
            && eq(&self.badge_number, e.badge.as_deref())
            && eq(&self.department, Some(&e.department))
            && self.active.map_or(true, |a| a == e.active)
    }
}

/// Why an employee operation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EmployeeError {
    /// A required member is missing or empty (the member's name, camelCase).
    Missing(&'static str),
    /// The employee number is taken.
    Duplicate,
    /// No employee has that number.
    Unknown,
    /// The old PIN does not match.
    WrongOldPin,
    /// The new PIN is not 4–10 digits.
    BadPin,
}

/// The roster, in creation order, indexed by employee number.
#[derive(Debug, Default)]
pub(crate) struct Employees {
    list: Vec<Employee>,
    by_number: HashMap<String, usize>,
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Employees {
    /// `count` employees drawn from `rng`; numbers are `1000`, `1001`, …
    pub(crate) fn seeded(rng: &mut SeedRng, count: usize) -> Employees {
        let mut roster = Employees::default();
        for i in 0..count {
            let first = rng.pick(FIRST_NAMES).to_string();
            let last = rng.pick(LAST_NAMES).to_string();
            let number = (1000 + i).to_string();
            let badge = match rng.below(4) {
                0 => None,
                1 => Some(String::new()),
                _ => Some(rng.digits(5)),
            };
            let email = rng.chance(0.7).then(|| {
                format!(
                    "{}.{}{}@example.com",
                    first.to_lowercase(),
                    last.to_lowercase(),
                    i
                )
            });
            let e = Employee {
                department: rng.pick(DEPARTMENTS).to_string(),
                first_name: first,
                last_name: last,
                employee_number: number,
                email,
                badge,
                language: [0, 0, 0, 0, 1, 2][rng.below(6) as usize],
                active: rng.chance(0.85),
                is_vt_admin: rng.chance(0.05),
                pin_option: Some(rng.range(0, 7).to_string()),
                ignore_finger_print: rng.chance(0.5),
                manager_email: None,
                pin: None,
            };
            roster.push(e);
        }
        roster
    }

    fn push(&mut self, e: Employee) {
        self.by_number
            .insert(e.employee_number.clone(), self.list.len());
        self.list.push(e);
    }

    /// Number of employees.
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    /// All employees, in creation order.
    pub(crate) fn all(&self) -> &[Employee] {
        &self.list
    }

    /// E1 items `offset..offset+limit`.
    pub(crate) fn page(&self, offset: usize, limit: usize) -> Vec<ListItem> {
        self.list
            .iter()
            .skip(offset)
            .take(limit)
            .map(|e| ListItem {
                first_name: e.first_name.clone(),
                last_name: e.last_name.clone(),
                employee_number: e.employee_number.clone(),
                badge: e.badge.clone(),
                language: language_name(e.language),
                active: e.active,
                department: e.department.clone(),
            })
            .collect()
    }

    /// E2: adds an employee.
    pub(crate) fn create(
        &mut self,
        body: &EmployeeBody,
        dialect: &Dialect,
    ) -> Result<(), EmployeeError> {
        // A missing bool is `false` to an ASP.NET model binder (`missing_bool: default_false`).
        let missing = dialect.missing_bool == MissingBool::Keep;
        let department = non_empty(&body.department).ok_or(EmployeeError::Missing("department"))?;
        let first = non_empty(&body.first_name).ok_or(EmployeeError::Missing("firstName"))?;
        let last = non_empty(&body.last_name).ok_or(EmployeeError::Missing("lastName"))?;
        let number =
            non_empty(&body.employee_number).ok_or(EmployeeError::Missing("employeeNumber"))?;
        if self.by_number.contains_key(number) {
            return Err(EmployeeError::Duplicate);
        }
        let e = Employee {
            department: department.to_string(),
            first_name: first.to_string(),
            last_name: last.to_string(),
            employee_number: number.to_string(),
            email: body.email.clone(),
            badge: body.badge.clone(),
            language: body.language.as_ref().map_or(0, LanguageIn::code),
            active: body.active.unwrap_or(missing),
            is_vt_admin: body.is_vt_admin.unwrap_or(false),
            pin_option: body.pin_option.clone(),
            ignore_finger_print: body.ignore_finger_print.unwrap_or(false),
            manager_email: body.manager_email.clone(),
            pin: None,
        };
        self.push(e);
        Ok(())
    }

    /// E3: activates or deactivates an employee.
    pub(crate) fn set_status(&mut self, number: &str, active: bool) -> Result<(), EmployeeError> {
        let i = *self.by_number.get(number).ok_or(EmployeeError::Unknown)?;
        self.list[i].active = active;
        Ok(())
    }

    /// E4: changes the employee numbered `number`; members present in `body` replace the stored
    /// ones, and a different `employeeNumber` renumbers the employee.
    pub(crate) fn update(
        &mut self,
        number: &str,
        body: &EmployeeBody,
        dialect: &Dialect,
    ) -> Result<(), EmployeeError> {
        let i = *self.by_number.get(number).ok_or(EmployeeError::Unknown)?;
        if dialect.put == PutMode::Replace {
            // The body is the whole record: what it leaves out is cleared (bools to false under
            // `missing_bool: default_false`, else kept), the required texts must be there.
            let keep_bools = dialect.missing_bool == MissingBool::Keep;
            let current = self.list[i].clone();
            let mut full = body.clone();
            for (slot, name) in [
                (&full.department, "department"),
                (&full.first_name, "firstName"),
                (&full.last_name, "lastName"),
            ] {
                if non_empty(slot).is_none() {
                    return Err(EmployeeError::Missing(name));
                }
            }
            let e = &mut self.list[i];
            e.email = full.email.take();
            e.badge = full.badge.take();
            e.language = full.language.as_ref().map_or(0, LanguageIn::code);
            e.pin_option = full.pin_option.take();
            e.manager_email = full.manager_email.take();
            let bool_or = |v: Option<bool>, old: bool| v.unwrap_or(keep_bools && old);
            e.active = bool_or(full.active, current.active);
            e.is_vt_admin = bool_or(full.is_vt_admin, current.is_vt_admin);
            e.ignore_finger_print = bool_or(full.ignore_finger_print, current.ignore_finger_print);
            full.active = Some(e.active);
            full.is_vt_admin = Some(e.is_vt_admin);
            full.ignore_finger_print = Some(e.ignore_finger_print);
            return self.update(
                number,
                &full,
                &Dialect {
                    put: PutMode::Merge,
                    ..*dialect
                },
            );
        }
        let new_number = non_empty(&body.employee_number).map(str::to_string);
        if let Some(n) = &new_number {
            if n != number && self.by_number.contains_key(n) {
                return Err(EmployeeError::Duplicate);
            }
        }
        let e = &mut self.list[i];
        let set = |slot: &mut String, v: &Option<String>| {
            if let Some(v) = non_empty(v) {
                *slot = v.to_string();
            }
        };
        set(&mut e.department, &body.department);
        set(&mut e.first_name, &body.first_name);
        set(&mut e.last_name, &body.last_name);
        if body.email.is_some() {
            e.email = body.email.clone();
        }
        if body.badge.is_some() {
            e.badge = body.badge.clone();
        }
        if let Some(l) = &body.language {
            e.language = l.code();
        }
        if let Some(a) = body.active {
            e.active = a;
        }
        if let Some(a) = body.is_vt_admin {
            e.is_vt_admin = a;
        }
        if body.pin_option.is_some() {
            e.pin_option = body.pin_option.clone();
        }
        if let Some(a) = body.ignore_finger_print {
            e.ignore_finger_print = a;
        }
        if body.manager_email.is_some() {
            e.manager_email = body.manager_email.clone();
        }
        if body.clear_pin == Some(true) {
            e.pin = None;
        }
        if let Some(n) = new_number {
            if n != number {
                self.by_number.remove(number);
                self.by_number.insert(n.clone(), i);
                self.list[i].employee_number = n;
            }
        }
        Ok(())
    }

    /// E5: sets an employee's PIN. An employee without a PIN accepts any `old_pin`; one with a
    /// PIN needs it repeated in `old_pin`. The new PIN is 4–10 digits.
    pub(crate) fn set_pin(
        &mut self,
        number: &str,
        old_pin: Option<&str>,
        pin: &str,
    ) -> Result<(), EmployeeError> {
        let i = *self.by_number.get(number).ok_or(EmployeeError::Unknown)?;
        let e = &mut self.list[i];
        if let Some(current) = &e.pin {
            if old_pin != Some(current.as_str()) {
                return Err(EmployeeError::WrongOldPin);
            }
        }
        if !(4..=10).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(EmployeeError::BadPin);
        }
        e.pin = Some(pin.to_string());
        Ok(())
    }

    /// The current PIN of an employee (`None`: unknown employee or no PIN).
    pub(crate) fn pin(&self, number: &str) -> Option<String> {
        self.by_number
            .get(number)
            .and_then(|&i| self.list[i].pin.clone())
    }

    /// E6: the employees matching every given filter.
    pub(crate) fn lookup(&self, q: &LookupQuery, account_name: &str) -> Vec<LookupItem> {
        self.list
            .iter()
            .filter(|e| q.matches(e))
            .map(|e| LookupItem {
                department: e.department.clone(),
                first_name: e.first_name.clone(),
                last_name: e.last_name.clone(),
                employee_number: e.employee_number.clone(),
                email: e.email.clone(),
                badge: e.badge.clone(),
                language: e.language,
                active: e.active,
                is_vt_admin: e.is_vt_admin,
                pin_option: e.pin_option.clone(),
                active_status: None,
                language_description: language_name(e.language),
                account_name: account_name.to_string(),
                employee_ids: None,
                separatesave: None,
                ignore_finger_print: e.ignore_finger_print,
                ignore_finger_print_string: None,
                manager_email: e.manager_email.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbering_and_pins() {
        let mut r = Employees::seeded(&mut SeedRng::new(1), 3);
        let merge = Dialect {
            put: PutMode::Merge,
            ..Default::default()
        };
        let body = EmployeeBody {
            employee_number: Some("9000".into()),
            ..Default::default()
        };
        r.update("1000", &body, &merge).unwrap();
        assert_eq!(r.update("1000", &body, &merge), Err(EmployeeError::Unknown));
        assert_eq!(
            r.update(
                "1001",
                &EmployeeBody {
                    employee_number: Some("9000".into()),
                    ..Default::default()
                },
                &merge
            ),
            Err(EmployeeError::Duplicate)
        );
        r.set_pin("9000", None, "1234").unwrap();
        assert_eq!(
            r.set_pin("9000", Some("0000"), "5555"),
            Err(EmployeeError::WrongOldPin)
        );
        r.set_pin("9000", Some("1234"), "5555").unwrap();
        assert_eq!(r.pin("9000").as_deref(), Some("5555"));
    }
}
