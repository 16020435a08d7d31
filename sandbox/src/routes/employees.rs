//! E1–E6: `/api/Employee…`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::query::{json_body, Query};
use crate::envelope::{self, Kind, MetaData, Paged};
use crate::state::employees::{EmployeeBody, EmployeeError, LookupQuery};
use crate::state::App;

/// A missing required member, as ASP.NET's model validation reports it.
fn missing(field: &str) -> Response {
    let mut pascal = field.to_string();
    if let Some(first) = pascal.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    envelope::problem_field(&pascal, format!("The {pascal} field is required."))
}

/// E1 `GET /api/Employee?page&pageSize`.
pub(crate) async fn list(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let (page, size) = match Query::parse(q.as_deref()).paging("page", "pageSize") {
        Ok(p) => p,
        Err(r) => return r,
    };
    let world = app.world();
    let meta = MetaData::new(page, size, world.employees.len() as u64);
    let items = world.employees.page(meta.offset() as usize, size as usize);
    if items.is_empty() {
        return envelope::empty(app.config.dialect.empty);
    }
    envelope::ok(Paged {
        items,
        meta_data: meta,
    })
}

/// E2 `POST /api/Employee`.
pub(crate) async fn create(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let body: EmployeeBody = match json_body(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    match app.world().employees.create(&body, &app.config.dialect) {
        Ok(()) => envelope::ok_empty(),
        Err(EmployeeError::Missing(field)) => missing(field),
        Err(_) => envelope::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            500,
            "Employee number already exists!",
            Kind::NoResult,
        ),
    }
}

/// The body of E3.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusBody {
    employee_number: Option<String>,
    #[serde(default)]
    active: bool,
}

/// E3 `PUT /api/Employee/UpdateEmployeeStatus`.
pub(crate) async fn set_status(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let body: StatusBody = match json_body(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let number = body.employee_number.unwrap_or_default();
    match app.world().employees.set_status(number.trim(), body.active) {
        Ok(()) => envelope::ok_empty(),
        Err(_) => envelope::error(
            StatusCode::BAD_REQUEST,
            400,
            "Invalid Employee Number",
            Kind::NoResult,
        ),
    }
}

/// E4 `PUT /api/Employee/{employeeNumber}`: the path names the employee, the body's
/// `employeeNumber` is its new number.
pub(crate) async fn update(
    State(app): State<Arc<App>>,
    Path(number): Path<String>,
    body: Bytes,
) -> Response {
    let body: EmployeeBody = match json_body(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    match app
        .world()
        .employees
        .update(number.trim(), &body, &app.config.dialect)
    {
        Ok(()) => envelope::ok_empty(),
        Err(EmployeeError::Duplicate) => envelope::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            500,
            "Employee number already exists!",
            Kind::NoResult,
        ),
        Err(_) => envelope::error(
            StatusCode::BAD_REQUEST,
            500,
            "Invalid employee number",
            Kind::NoResult,
        ),
    }
}

/// The body of E5.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct PinBody {
    account_id: Option<String>,
    employee_number: Option<String>,
    old_pin: Option<String>,
    pin: Option<String>,
    emplid: Option<String>,
}

/// E5 `POST /api/Employee/UpdateEmployeeSetPin`.
pub(crate) async fn set_pin(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let body: PinBody = match json_body(&body) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let number = body.employee_number.unwrap_or_default();
    let result = app.world().employees.set_pin(
        number.trim(),
        body.old_pin.as_deref(),
        body.pin.as_deref().unwrap_or("").trim(),
    );
    match result {
        Ok(()) => envelope::ok_empty(),
        Err(EmployeeError::WrongOldPin) => envelope::error(
            StatusCode::BAD_REQUEST,
            500,
            "Invalid Old Pin",
            Kind::NoResult,
        ),
        Err(EmployeeError::BadPin) => envelope::error(
            StatusCode::BAD_REQUEST,
            400,
            "Invalid Pin: a PIN is 4 to 10 digits",
            Kind::NoResult,
        ),
        Err(_) => envelope::error(
            StatusCode::BAD_REQUEST,
            400,
            "Invalid Employee Number",
            Kind::NoResult,
        ),
    }
}

/// E6 `GET /api/Employee/lookup?firstName&lastName&employeeNumber&badgeNumber&department&active`.
pub(crate) async fn lookup(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> Response {
    let q = Query::parse(q.as_deref());
    let active = match q.bool("active") {
        Ok(a) => a,
        Err(r) => return r,
    };
    let text = |k: &str| q.get(k).map(str::to_string);
    let query = LookupQuery {
        first_name: text("firstName"),
        last_name: text("lastName"),
        employee_number: text("employeeNumber"),
        badge_number: text("badgeNumber"),
        department: text("department"),
        active,
    };
    if query.is_empty() {
        return envelope::error(
            StatusCode::BAD_REQUEST,
            400,
            "At least one search parameter is required.",
            Kind::Lookup,
        );
    }
    let found = app
        .world()
        .employees
        .lookup(&query, &app.config.account_name);
    if found.is_empty() {
        return envelope::error(
            StatusCode::BAD_REQUEST,
            400,
            "No employees found matching the query.",
            Kind::Lookup,
        );
    }
    envelope::ok_kind(Kind::Lookup, found)
}
