//! Employees (document section 2): list, create, update, patch, status, PIN, lookup.

use crate::error::{Error, Result};
use crate::models::{
    Employee, EmployeeChanges, EmployeeInput, EmployeePage, EmployeeQuery, SetPinInput,
};
use crate::operations::{self as ops, Operation};
use crate::pagination::{ItemStream, PageStream};
use crate::response::{self, RawResponse};
use crate::transport::{ApiRequest, Learned, FIRST, OTHER};
use crate::{validate, Client};

/// The words with which the lookup reports "no match" (the document's 400 says "No employees
/// found matching the query."), lower case: matched case-insensitively (quirk 9).
const NO_EMPLOYEES_FOUND: &str = "no employees found";

/// Employee operations. Get one with [`Client::employees`].
#[derive(Debug, Clone)]
pub struct Employees {
    pub(crate) client: Client,
}

impl Employees {
    /// One page of employees (E1). `page` counts from 1; `page_size` is 1 to 100. A missing or
    /// `null` result, or a 204, is an empty page.
    pub async fn list(&self, page: u32, page_size: u32) -> Result<EmployeePage> {
        validate::page(page)?;
        validate::page_size(page_size)?;
        let req = ApiRequest::new(&ops::EMPLOYEES_LIST, &[])?
            .query("page", page)
            .query("pageSize", page_size);
        self.client
            .transport
            .call(&req, response::envelope_or_empty)
            .await
    }

    /// Every employee, page by page (default page size 100; `concurrency` pages in flight,
    /// default from the client). Fails at once on invalid options. Pages without `metaData`
    /// follow the rule of docs/api-notes.md ("Paging without metaData").
    pub fn iter_pages(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<PageStream<EmployeePage>> {
        let (size, conc) = super::pager_options(&self.client, page_size, concurrency)?;
        Ok(super::page_stream(
            &self.client,
            conc,
            move |c, n| async move {
                let mut page = c.employees().list(n, size).await?;
                super::infer_next_page(&mut page.meta, page.items.len(), size);
                Ok(page)
            },
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

    /// Creates an employee (E2). Not repeatable: never retried once sent; a lost or unreadable
    /// answer gives [`Error::OutcomeUnknown`]. The server refuses a duplicate number ("Employee
    /// number already exists!").
    ///
    /// `active` is sent as `true` unless the input says otherwise: an ASP.NET server reads a
    /// missing bool as `false` and would create an inactive employee (docs/api-notes.md, E2).
    pub async fn create(&self, mut input: EmployeeInput) -> Result<()> {
        validate::employee(&input)?;
        input.active.get_or_insert(true);
        let req = ApiRequest::new(&ops::EMPLOYEES_CREATE, &[])?.json(&input)?;
        self.client
            .transport
            .call(&req, response::envelope_unit)
            .await
    }

    /// Replaces employee `employee_number`'s **whole record** (E4) with `input`.
    /// `input.employee_number` is the new number, so this can renumber (quirk 13).
    ///
    /// Fields left unset may be cleared, or read as `false`, by the server (docs/api-notes.md,
    /// E4): to change a few fields and keep the others, use [`Employees::patch`].
    pub async fn update(
        &self,
        employee_number: impl AsRef<str>,
        input: EmployeeInput,
    ) -> Result<()> {
        let employee_number = employee_number.as_ref();
        validate::non_empty("employee_number", employee_number)?;
        validate::employee(&input)?;
        let req = ApiRequest::new(
            &ops::EMPLOYEES_UPDATE,
            &[("employeeNumber", employee_number)],
        )?
        .json(&input)?;
        self.client
            .transport
            .call(&req, response::envelope_unit)
            .await
    }

    /// Changes only the fields set in `changes` of employee `employee_number`, keeping every
    /// other field as it is: it looks the employee up (E6), merges the changes into the record
    /// found, and sends the full record with [`Employees::update`] (E4), so the result does not
    /// depend on whether the server's PUT replaces or merges (docs/api-notes.md, E4).
    ///
    /// Fails with [`Error::Validation`] on `employee_number` when no employee has that number
    /// (nothing is sent then), and as `lookup` and `update` fail otherwise. Fields the lookup
    /// does not return (PIN resets, suspension) are sent only when `changes` sets them.
    pub async fn patch(
        &self,
        employee_number: impl AsRef<str>,
        changes: EmployeeChanges,
    ) -> Result<()> {
        let employee_number = employee_number.as_ref();
        validate::non_empty("employee_number", employee_number)?;
        let found = self
            .lookup(EmployeeQuery {
                employee_number: Some(employee_number.to_owned()),
                ..Default::default()
            })
            .await?;
        let wanted = employee_number.trim();
        let current = found
            .into_iter()
            .find(|e| {
                e.employee_number
                    .as_deref()
                    .is_some_and(|n| n.trim() == wanted)
            })
            .ok_or_else(|| {
                Error::validation(
                    "employee_number",
                    format!("no employee has number {wanted:?}; nothing was changed"),
                )
            })?;
        let merged = changes.merge_into(current, wanted);
        self.update(employee_number, merged).await
    }

    /// Activates or deactivates an employee (E3).
    pub async fn set_status(&self, employee_number: impl AsRef<str>, active: bool) -> Result<()> {
        let employee_number = employee_number.as_ref();
        validate::non_empty("employee_number", employee_number)?;
        let body = serde_json::json!({ "employeeNumber": employee_number, "active": active });
        let req = ApiRequest::new(&ops::EMPLOYEES_SET_STATUS, &[])?.json(&body)?;
        self.client
            .transport
            .call(&req, response::envelope_unit)
            .await
    }

    /// Sets an employee's PIN (E5). Not repeatable (a repeat fails on the old PIN); a lost or
    /// unreadable answer gives [`Error::OutcomeUnknown`].
    pub async fn set_pin(&self, input: SetPinInput) -> Result<()> {
        validate::set_pin(&input)?;
        let req = ApiRequest::new(&ops::EMPLOYEES_SET_PIN, &[])?.json(&input)?;
        self.client
            .transport
            .call(&req, response::envelope_unit)
            .await
    }

    /// Finds employees by any criteria (E6; at least one). No match gives an empty list, not an
    /// error: the server's "No employees found…" (any case, any status), a 404 carrying an API
    /// envelope, a `null` result and a 204 all mean no match (docs/api-notes.md, E6).
    ///
    /// Sent as GET with query parameters. When the server answers 405, or a 404 that is not an
    /// API envelope (no such route), the same query is sent once as POST, and the method that
    /// answered is remembered for this client and its clones.
    pub async fn lookup(&self, query: EmployeeQuery) -> Result<Vec<Employee>> {
        validate::lookup(&query)?;
        let learned = &self.client.transport.learned.e6_method;
        let params = query.params();
        if Learned::get(learned) == OTHER {
            return self.lookup_with(&LOOKUP_POST, params).await;
        }
        match self
            .lookup_with(&ops::EMPLOYEES_LOOKUP, params.clone())
            .await
        {
            Err(e) if wrong_method(&e) => {
                let found = self.lookup_with(&LOOKUP_POST, params).await;
                if found.is_ok() {
                    log::info!("employees.lookup: the server answers POST, not GET; remembered");
                    Learned::set(learned, OTHER);
                }
                found
            }
            other => {
                if other.is_ok() {
                    Learned::set(learned, FIRST);
                }
                other
            }
        }
    }

    /// One lookup request with `op`'s method, no match translated to an empty list.
    async fn lookup_with(
        &self,
        op: &'static Operation,
        params: Vec<(&'static str, String)>,
    ) -> Result<Vec<Employee>> {
        let mut req = ApiRequest::new(op, &[])?;
        req.query = params;
        match self.client.transport.call(&req, decode_lookup).await {
            Err(e) if is_no_match(&e) => Ok(Vec::new()),
            other => other,
        }
    }
}

/// Decodes E6: the employees found; "no match" (see [`is_no_match`]) is an empty list.
pub(crate) fn decode_lookup(op: &'static Operation, raw: &RawResponse) -> Result<Vec<Employee>> {
    match response::envelope_or_empty::<Vec<Employee>>(op, raw) {
        Err(e) if is_no_match(&e) => Ok(Vec::new()),
        other => other,
    }
}

/// E6 sent as POST (the document's example), with the same query and retry class as the GET.
const LOOKUP_POST: Operation = Operation {
    method: "POST",
    ..ops::EMPLOYEES_LOOKUP
};

/// Whether a lookup answer says the server does not take GET there: 405, or a 404 that is not
/// an API envelope.
fn wrong_method(e: &Error) -> bool {
    e.api()
        .is_some_and(|a| a.status == 405 || (a.status == 404 && !response::is_envelope_error(a)))
}

/// Whether an error is the lookup's "no match": the documented sentence in any case (on a 400
/// or a 2xx with `isSuccess: false`, or any 4xx), or a 404 with an API envelope.
fn is_no_match(e: &Error) -> bool {
    e.api().is_some_and(|a| {
        let says_no_match = a.detail.to_ascii_lowercase().contains(NO_EMPLOYEES_FOUND);
        (says_no_match && (a.status < 300 || (400..500).contains(&a.status)))
            || (a.status == 404 && response::is_envelope_error(a))
    })
}
