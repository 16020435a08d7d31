//! `client.employees`: list, iter, create, update, set_status, set_pin, lookup.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{input, to_u32, to_usize};
use crate::macros::operations;

operations! {
    /// Employee operations of `iqtech.Client` (document section 2).
    sync Employees;
    /// Employee operations of `iqtech.AsyncClient` (document section 2).
    async AsyncEmployees;

    /// One page of employees. `page` counts from 1; `page_size` is 1 to 100.
    #[pyo3(signature = (page=1, page_size=100))]
    call fn list(py, c, page: [i64], page_size: [i64]) {
        let (page, size) = (to_u32(py, "page", page)?, to_u32(py, "page_size", page_size)?);
        async move { c.employees().list(page, size).await }
    }

    /// Every employee, lazily and in order; `concurrency` pages are fetched at once (default:
    /// the client's `page_concurrency`).
    #[pyo3(signature = (page_size=None, concurrency=None))]
    iter fn iter(py, c, page_size: [Option<i64>], concurrency: [Option<i64>]) {
        let size = page_size.map(|v| to_u32(py, "page_size", v)).transpose()?;
        let conc = concurrency.map(|v| to_usize(py, "concurrency", v)).transpose()?;
        c.employees().iter(size, conc)
    }

    /// Creates an employee from an `EmployeeInput` dict or keyword arguments. Never retried once
    /// sent: a lost answer raises `OutcomeUnknownError`.
    #[pyo3(signature = (data=None, /, **kwargs))]
    call fn create(py, c, data: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
        let body: iqtech::EmployeeInput = input(py, data, kwargs)?;
        async move { c.employees().create(body).await }
    }

    /// Replaces the record of employee `employee_number` (positional); the input's
    /// `employee_number` is the new number, so this can renumber.
    #[pyo3(signature = (employee_number, data=None, /, **kwargs))]
    call fn update(py, c, employee_number: [String], data: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
        let body: iqtech::EmployeeInput = input(py, data, kwargs)?;
        async move { c.employees().update(&employee_number, body).await }
    }

    /// Activates or deactivates an employee.
    #[pyo3(signature = (employee_number, active))]
    call fn set_status(py, c, employee_number: [String], active: [bool]) {
        async move { c.employees().set_status(&employee_number, active).await }
    }

    /// Sets an employee's PIN (`employee_number`, `pin`, optional `old_pin`, `account_id`,
    /// `emplid`). Never retried once sent.
    #[pyo3(signature = (data=None, /, **kwargs))]
    call fn set_pin(py, c, data: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
        let body: iqtech::SetPinInput = input(py, data, kwargs)?;
        async move { c.employees().set_pin(body).await }
    }

    /// Employees matching every criterion given (`first_name`, `last_name`, `employee_number`,
    /// `badge_number`, `department`, `active`; at least one). No match is an empty list.
    #[pyo3(signature = (data=None, /, **kwargs))]
    call fn lookup(py, c, data: [Option<&Bound<'_, PyAny>>], kwargs: [Option<&Bound<'_, PyDict>>]) {
        let query: iqtech::EmployeeQuery = input(py, data, kwargs)?;
        async move { c.employees().lookup(query).await }
    }
}
