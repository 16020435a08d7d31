//! Employees (document section 2).

use std::sync::Arc;

use iqtech::{Employee, EmployeeInput, EmployeePage, EmployeeQuery, SetPinInput};

use crate::error::IqtechError;
use crate::pagination::{pages, EmployeePageStream, EmployeeStream};
use crate::runtime::run;

/// Employee operations. Get one with `client.employees()`.
#[derive(Debug, uniffi::Object)]
pub struct Employees {
    inner: iqtech::Employees,
}

impl Employees {
    pub(crate) fn new(inner: iqtech::Employees) -> Self {
        Self { inner }
    }
}

#[uniffi::export]
impl Employees {
    /// One page of employees (E1). `page` counts from 1; `page_size` is 1 to 100.
    pub async fn list(&self, page: u32, page_size: u32) -> Result<EmployeePage, IqtechError> {
        let g = self.inner.clone();
        run(async move { g.list(page, page_size).await }).await
    }

    /// Every employee, item by item (default page size 100; `concurrency` pages in flight,
    /// default from the client). Lazy: nothing is fetched before the first `next()`. Fails at
    /// once on invalid options.
    #[uniffi::method(default(page_size = None, concurrency = None))]
    pub fn iter(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<Arc<EmployeeStream>, IqtechError> {
        Ok(EmployeeStream::new(
            self.inner.iter(page_size, pages(concurrency))?,
        ))
    }

    /// Every employee, page by page; see `iter`.
    #[uniffi::method(default(page_size = None, concurrency = None))]
    pub fn iter_pages(
        &self,
        page_size: Option<u32>,
        concurrency: Option<u32>,
    ) -> Result<Arc<EmployeePageStream>, IqtechError> {
        Ok(EmployeePageStream::new(
            self.inner.iter_pages(page_size, pages(concurrency))?,
        ))
    }

    /// Creates an employee (E2). Never sent twice: a lost answer gives `OutcomeUnknownError`.
    pub async fn create(&self, input: EmployeeInput) -> Result<(), IqtechError> {
        let g = self.inner.clone();
        run(async move { g.create(input).await }).await
    }

    /// Replaces employee `employee_number`'s record (E4); `input.employee_number` is the new
    /// number, so this can renumber.
    pub async fn update(
        &self,
        employee_number: String,
        input: EmployeeInput,
    ) -> Result<(), IqtechError> {
        let g = self.inner.clone();
        run(async move { g.update(&employee_number, input).await }).await
    }

    /// Activates or deactivates an employee (E3).
    pub async fn set_status(
        &self,
        employee_number: String,
        active: bool,
    ) -> Result<(), IqtechError> {
        let g = self.inner.clone();
        run(async move { g.set_status(&employee_number, active).await }).await
    }

    /// Sets an employee's PIN (E5). Never sent twice.
    pub async fn set_pin(&self, input: SetPinInput) -> Result<(), IqtechError> {
        let g = self.inner.clone();
        run(async move { g.set_pin(input).await }).await
    }

    /// Finds employees by any criteria (E6; at least one). No match is an empty list.
    pub async fn lookup(&self, query: EmployeeQuery) -> Result<Vec<Employee>, IqtechError> {
        let g = self.inner.clone();
        run(async move { g.lookup(query).await }).await
    }
}
