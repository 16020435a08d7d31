//! `client.employees`: list, auto-pager, create, update, status, PIN, lookup.

use napi::bindgen_prelude::{Object, Unknown};
use napi::Env;
use napi_derive::napi;
use serde::Deserialize;

use crate::convert::{input, output, required};
use crate::pagination::{IterOptions, NativePager};
use crate::promise::{promise, sync};

/// Options of a one-page listing.
#[napi(object)]
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListOptions {
    /// Page, counting from 1; default 1.
    pub page: Option<u32>,
    /// Page size, 1 to 100; default 100.
    pub page_size: Option<u32>,
}

impl ListOptions {
    /// `(page, page_size)` with the defaults filled in.
    pub(crate) fn resolve(&self) -> (u32, u32) {
        (
            self.page.unwrap_or(1),
            self.page_size.unwrap_or(iqtech::MAX_PAGE_SIZE),
        )
    }
}

/// Employee operations (`client.employees`).
#[napi]
pub struct Employees {
    pub(crate) client: iqtech::Client,
}

#[napi]
impl Employees {
    /// One page of employees.
    #[napi(ts_return_type = "Promise<EmployeePage>")]
    pub fn list<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "ListOptions")] options: Option<Unknown<'_>>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let opts = input::<ListOptions>(options.as_ref(), "options");
        promise(
            env,
            opts.map(|o| async move {
                let (page, size) = o.resolve();
                output(&c.employees().list(page, size).await?)
            }),
        )
    }

    /// Every employee, lazily and in order; `concurrency` pages in flight.
    #[napi(ts_return_type = "Pager<Employee>")]
    pub fn iter(
        &self,
        env: Env,
        #[napi(ts_arg_type = "IterOptions")] options: Option<Unknown<'_>>,
    ) -> napi::Result<NativePager> {
        let stream = input::<IterOptions>(options.as_ref(), "options").and_then(|o| {
            self.client
                .employees()
                .iter_pages(o.page_size, o.concurrency.map(|c| c as usize))
        });
        Ok(NativePager::new(sync(&env, stream)?))
    }

    /// Creates an employee. Never sent twice: a lost answer gives `OutcomeUnknownError`.
    #[napi(ts_return_type = "Promise<void>")]
    pub fn create<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "EmployeeInput")] employee: Unknown<'_>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let employee = required::<iqtech::EmployeeInput>(&employee, "employee");
        promise(
            env,
            employee.map(|e| async move { c.employees().create(e).await }),
        )
    }

    /// Replaces employee `employeeNumber`'s record (`employee.employeeNumber` may renumber it).
    #[napi(ts_return_type = "Promise<void>")]
    pub fn update<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "string")] employee_number: Unknown<'_>,
        #[napi(ts_arg_type = "EmployeeInput")] employee: Unknown<'_>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let args = required::<String>(&employee_number, "employeeNumber")
            .and_then(|n| Ok((n, required::<iqtech::EmployeeInput>(&employee, "employee")?)));
        promise(
            env,
            args.map(|(n, e)| async move { c.employees().update(&n, e).await }),
        )
    }

    /// Activates or deactivates an employee.
    #[napi(ts_return_type = "Promise<void>")]
    pub fn set_status<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "string")] employee_number: Unknown<'_>,
        #[napi(ts_arg_type = "boolean")] active: Unknown<'_>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let args = required::<String>(&employee_number, "employeeNumber")
            .and_then(|n| Ok((n, required::<bool>(&active, "active")?)));
        promise(
            env,
            args.map(|(n, a)| async move { c.employees().set_status(&n, a).await }),
        )
    }

    /// Sets an employee's PIN. Never sent twice.
    #[napi(ts_return_type = "Promise<void>")]
    pub fn set_pin<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "SetPinInput")] input: Unknown<'_>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let input = required::<iqtech::SetPinInput>(&input, "input");
        promise(
            env,
            input.map(|i| async move { c.employees().set_pin(i).await }),
        )
    }

    /// Finds employees by any criteria (at least one); no match gives `[]`.
    #[napi(ts_return_type = "Promise<Employee[]>")]
    pub fn lookup<'e>(
        &self,
        env: &'e Env,
        #[napi(ts_arg_type = "EmployeeQuery")] query: Unknown<'_>,
    ) -> napi::Result<Object<'e>> {
        let c = self.client.clone();
        let query = required::<iqtech::EmployeeQuery>(&query, "query");
        promise(
            env,
            query.map(|q| async move { output(&c.employees().lookup(q).await?) }),
        )
    }
}
