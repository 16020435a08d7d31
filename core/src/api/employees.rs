//! Employees (document section 2): list, create, update, status, PIN, lookup.

use crate::error::{Error, Result};
use crate::models::{Employee, EmployeeInput, EmployeePage, EmployeeQuery, SetPinInput};
use crate::operations as ops;
use crate::pagination::{ItemStream, PageStream};
use crate::response;
use crate::transport::{segment, ApiRequest};
use crate::{validate, Client};

/// The message with which the lookup reports "no match" as a 400 (quirk 9).
const NO_EMPLOYEES_FOUND: &str = "No employees found matching the query.";

/// Employee operations. Get one with [`Client::employees`].
#[derive(Debug, Clone)]
pub struct Employees {
    pub(crate) client: Client,
}

impl Employees {
    /// One page of employees (E1). `page` counts from 1; `page_size` is 1 to 100.
    pub async fn list(&self, page: u32, page_size: u32) -> Result<EmployeePage> {
        validate::page(page)?;
        validate::page_size(page_size)?;
        let req = ApiRequest::new(&ops::EMPLOYEES_LIST, "api/Employee")
            .query("page", page)
            .query("pageSize", page_size);
        let raw = self.client.transport.send(&req).await?;
        response::envelope_required(&ops::EMPLOYEES_LIST, &raw)
    }

    /// Every employee, page by page (default page size 100; `concurrency` pages in flight,
    /// default from the client). Fails at once on invalid options.
    pub fn iter_pages(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<PageStream<EmployeePage>> {
        let (size, conc) = super::pager_options(&self.client, page_size, concurrency)?;
        Ok(super::page_stream(
            &self.client,
            conc,
            move |c, n| async move { c.employees().list(n, size).await },
        ))
    }

    /// Every employee, item by item; see [`Employees::iter_pages`].
    pub fn iter(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<ItemStream<Employee>> {
        Ok(self.iter_pages(page_size, concurrency)?.items())
    }

    /// Creates an employee (E2). Not repeatable: never retried once sent; a lost answer gives
    /// [`Error::OutcomeUnknown`]. The server refuses a duplicate number ("Employee number already
    /// exists!").
    pub async fn create(&self, input: EmployeeInput) -> Result<()> {
        validate::employee(&input)?;
        let req = ApiRequest::new(&ops::EMPLOYEES_CREATE, "api/Employee").json(&input)?;
        let raw = self.client.transport.send(&req).await?;
        response::envelope_unit(&ops::EMPLOYEES_CREATE, &raw)
    }

    /// Replaces employee `employee_number`'s record (E4). `input.employee_number` is the new
    /// number, so this can renumber (quirk 13).
    pub async fn update(
        &self,
        employee_number: impl AsRef<str>,
        input: EmployeeInput,
    ) -> Result<()> {
        let employee_number = employee_number.as_ref();
        validate::non_empty("employee_number", employee_number)?;
        validate::employee(&input)?;
        let path = format!("api/Employee/{}", segment(employee_number));
        let req = ApiRequest::new(&ops::EMPLOYEES_UPDATE, path).json(&input)?;
        let raw = self.client.transport.send(&req).await?;
        response::envelope_unit(&ops::EMPLOYEES_UPDATE, &raw)
    }

    /// Activates or deactivates an employee (E3).
    pub async fn set_status(&self, employee_number: impl AsRef<str>, active: bool) -> Result<()> {
        let employee_number = employee_number.as_ref();
        validate::non_empty("employee_number", employee_number)?;
        let body = serde_json::json!({ "employeeNumber": employee_number, "active": active });
        let req = ApiRequest::new(
            &ops::EMPLOYEES_SET_STATUS,
            "api/Employee/UpdateEmployeeStatus",
        )
        .json(&body)?;
        let raw = self.client.transport.send(&req).await?;
        response::envelope_unit(&ops::EMPLOYEES_SET_STATUS, &raw)
    }

    /// Sets an employee's PIN (E5). Not repeatable (a repeat fails on the old PIN).
    pub async fn set_pin(&self, input: SetPinInput) -> Result<()> {
        validate::set_pin(&input)?;
        let req = ApiRequest::new(&ops::EMPLOYEES_SET_PIN, "api/Employee/UpdateEmployeeSetPin")
            .json(&input)?;
        let raw = self.client.transport.send(&req).await?;
        response::envelope_unit(&ops::EMPLOYEES_SET_PIN, &raw)
    }

    /// Finds employees by any criteria (E6; at least one). No match gives an empty list, not an
    /// error (the server's 400 "No employees found matching the query." is translated, quirk 9).
    pub async fn lookup(&self, query: EmployeeQuery) -> Result<Vec<Employee>> {
        validate::lookup(&query)?;
        let mut req = ApiRequest::new(&ops::EMPLOYEES_LOOKUP, "api/Employee/lookup");
        req.query = query.params();
        match self.client.transport.send(&req).await {
            Ok(raw) => match response::envelope::<Vec<Employee>>(&ops::EMPLOYEES_LOOKUP, &raw) {
                Err(e) if is_no_match(&e) => Ok(Vec::new()),
                other => Ok(other?.unwrap_or_default()),
            },
            Err(e) if is_no_match(&e) => Ok(Vec::new()),
            Err(e) => Err(e),
        }
    }
}

fn is_no_match(e: &Error) -> bool {
    e.api().is_some_and(|a| {
        (a.status == 400 || a.status == 200) && a.detail.trim() == NO_EMPLOYEES_FOUND
    })
}
