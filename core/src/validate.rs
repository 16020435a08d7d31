//! Checks on caller input, run before anything is sent. Each failure names the field.

use chrono::NaiveDate;

use crate::config::MAX_PAGE_SIZE;
use crate::error::{Error, Result};
use crate::models::{EmployeeInput, EmployeeQuery, Reservation, SetPinInput};

/// The date format of every date query parameter (`06-21-2022`): documented for the
/// reserved-locker report, and the default of the client setting `query_date_format` for the
/// transaction report (docs/api-notes.md, quirks 11 and 12).
pub const QUERY_DATE_FORMAT: &str = "%m-%d-%Y";

pub(crate) fn non_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    Ok(())
}

pub(crate) fn page(page: u32) -> Result<()> {
    if page == 0 {
        return Err(Error::validation(
            "page",
            "must be 1 or more (pages count from 1)",
        ));
    }
    Ok(())
}

pub(crate) fn page_size(size: u32) -> Result<()> {
    if !(1..=MAX_PAGE_SIZE).contains(&size) {
        return Err(Error::validation(
            "page_size",
            format!("must be between 1 and {MAX_PAGE_SIZE}, got {size}"),
        ));
    }
    Ok(())
}

pub(crate) fn concurrency(n: usize) -> Result<()> {
    if !(1..=32).contains(&n) {
        return Err(Error::validation(
            "concurrency",
            format!("must be between 1 and 32, got {n}"),
        ));
    }
    Ok(())
}

pub(crate) fn date_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(Error::validation(
                "from_date",
                format!("{f} is after to_date {t}"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn employee(input: &EmployeeInput) -> Result<()> {
    non_empty("department", &input.department)?;
    non_empty("first_name", &input.first_name)?;
    non_empty("last_name", &input.last_name)?;
    non_empty("employee_number", &input.employee_number)
}

pub(crate) fn set_pin(input: &SetPinInput) -> Result<()> {
    non_empty("employee_number", &input.employee_number)?;
    non_empty("pin", &input.pin)
}

pub(crate) fn lookup(query: &EmployeeQuery) -> Result<()> {
    if query.params().iter().all(|(_, v)| v.trim().is_empty()) {
        return Err(Error::validation(
            "query",
            "give at least one of first_name, last_name, employee_number, badge_number, department, active",
        ));
    }
    Ok(())
}

pub(crate) fn reservation(r: &Reservation) -> Result<()> {
    non_empty("createdby_user", &r.createdby_user)?;
    non_empty("selection", &r.selection)?;
    non_empty("location_name", &r.location_name)?;
    non_empty("serial_number", &r.serial_number)?;
    if let Some(expected) = r.reservation_type.assignee_count() {
        let got = r.external_reserve_locker_detail_list.len();
        if got != expected {
            return Err(Error::validation(
                "external_reserve_locker_detail_list",
                format!(
                    "a {} reservation takes {expected} assignee{}, got {got}",
                    r.reservation_type,
                    if expected == 1 { "" } else { "s" }
                ),
            ));
        }
    }
    Ok(())
}
