//! `iqtech employees …`

use iqtech::{Employee, EmployeeInput, EmployeeQuery, Language, SetPinInput};
use serde::Serialize;

use super::{close, walk, Ctx};
use crate::args::{EmployeeFields, EmployeesCmd, LookupArgs};
use crate::exit::CliError;
use crate::input;
use crate::output::{Shape, View};

/// Columns a table shows for employees.
const VIEW: View = View {
    table_columns: &[
        "employee_number",
        "first_name",
        "last_name",
        "department",
        "badge",
        "language",
        "active",
        "email",
    ],
};

/// The result printed by commands that change something.
#[derive(Serialize)]
struct Done<'a> {
    result: &'a str,
    employee_number: &'a str,
}

/// Runs an employees command.
pub async fn run(ctx: &Ctx<'_>, cmd: EmployeesCmd) -> Result<(), CliError> {
    let employees = ctx.client.employees();
    match cmd {
        EmployeesCmd::List(paging) => {
            let mut out = ctx.output(Shape::Many, VIEW, None)?;
            let result = match paging.page {
                Some(page) => match employees.list(page, paging.page_size).await {
                    Ok(p) => p.items.iter().try_for_each(|e| out.flat_item(e)),
                    Err(e) => Err(e.into()),
                },
                None => {
                    let pages =
                        employees.iter_pages(Some(paging.page_size), Some(ctx.concurrency()))?;
                    let mut progress = ctx.progress("employees");
                    walk(pages, &mut progress, |e| out.flat_item(&e))
                        .await
                        .map(|_| ())
                }
            };
            close(out, result)
        }
        EmployeesCmd::Get { number } => {
            let found = employees
                .lookup(EmployeeQuery {
                    employee_number: Some(number.clone()),
                    ..Default::default()
                })
                .await?;
            let employee = pick_exact(found, &number)
                .ok_or_else(|| CliError::NotFound(format!("no employee with number {number:?}")))?;
            let mut out = ctx.output(Shape::One, View::ALL, None)?;
            let result = out.flat_item(&employee);
            close(out, result)
        }
        EmployeesCmd::Lookup(args) => {
            let found = employees.lookup(query(args)).await?;
            let mut out = ctx.output(Shape::Many, VIEW, None)?;
            let result = found.iter().try_for_each(|e| out.flat_item(e));
            close(out, result)
        }
        EmployeesCmd::Create(fields) => {
            let input = employee_input(fields, None)?;
            let number = input.employee_number.clone();
            employees.create(input).await?;
            done(ctx, "created", &number)
        }
        EmployeesCmd::Update { number, fields } => {
            let input = employee_input(fields, Some(&number))?;
            let new_number = input.employee_number.clone();
            employees.update(&number, input).await?;
            done(ctx, "updated", &new_number)
        }
        EmployeesCmd::SetStatus { number, active } => {
            employees.set_status(&number, active).await?;
            done(
                ctx,
                if active { "activated" } else { "deactivated" },
                &number,
            )
        }
        EmployeesCmd::SetPin {
            number,
            pin,
            old_pin,
            pin_stdin,
        } => {
            let (pin, old_pin) = if pin_stdin {
                input::pins_from_stdin()?
            } else {
                (pin.unwrap_or_default(), old_pin)
            };
            employees
                .set_pin(SetPinInput {
                    employee_number: number.clone(),
                    pin,
                    old_pin,
                    account_id: None,
                    emplid: None,
                })
                .await?;
            done(ctx, "pin set", &number)
        }
    }
}

fn done(ctx: &Ctx<'_>, result: &str, number: &str) -> Result<(), CliError> {
    let mut out = ctx.output(Shape::One, View::ALL, None)?;
    let r = out.flat_item(&Done {
        result,
        employee_number: number,
    });
    close(out, r)
}

/// The lookup answer's employee whose number is exactly `number` (the server matches whole
/// values ignoring case), else its first.
fn pick_exact(found: Vec<Employee>, number: &str) -> Option<Employee> {
    let exact = found
        .iter()
        .position(|e| e.employee_number.as_deref() == Some(number));
    match exact {
        Some(i) => found.into_iter().nth(i),
        None => found.into_iter().next(),
    }
}

fn query(args: LookupArgs) -> EmployeeQuery {
    EmployeeQuery {
        first_name: args.first_name,
        last_name: args.last_name,
        employee_number: args.number,
        badge_number: args.badge,
        department: args.department,
        active: args.active,
    }
}

/// The record from `--json` or from the flags; `current` is the number being updated.
fn employee_input(f: EmployeeFields, current: Option<&str>) -> Result<EmployeeInput, CliError> {
    if let Some(path) = &f.json {
        return input::read_json(path);
    }
    let required = |value: Option<String>, flag: &str| {
        value.ok_or_else(|| {
            CliError::Config(format!(
                "{flag} is required (or give the record with --json FILE)"
            ))
        })
    };
    Ok(EmployeeInput {
        employee_number: match current {
            Some(n) => f.new_number.unwrap_or_else(|| n.to_owned()),
            None => required(f.new_number, "--number")?,
        },
        first_name: required(f.first_name, "--first-name")?,
        last_name: required(f.last_name, "--last-name")?,
        department: required(f.department, "--department")?,
        email: f.email,
        badge: f.badge,
        language: f.language.as_deref().map(Language::parse),
        active: f.active,
        is_vt_admin: f.vt_admin,
        manager_email: f.manager_email,
        ..Default::default()
    })
}
