//! `iqtech machines …`, including the low-stock report.

use iqtech::{MachinePlanogram, PlanogramEntry};

use super::{close, walk, Ctx};
use crate::args::MachinesCmd;
use crate::exit::CliError;
use crate::output::flatten::{flatten, flatten_with};
use crate::output::{Row, Shape, View};
use crate::reports::low_stock;

/// Columns a table shows for machines.
const LIST_VIEW: View = View {
    table_columns: &[
        "control_board_serial_no",
        "machine_name",
        "location",
        "machine_type",
        "status",
        "last_activity",
        "selections",
    ],
};

/// Columns a table shows for a planogram.
const PLANOGRAM_VIEW: View = View {
    table_columns: &[
        "selection",
        "product_name",
        "product_item_number",
        "current_count",
        "critical_level",
        "low_level",
        "par_level",
        "max_depth",
        "price",
    ],
};

/// Runs a machines command.
pub async fn run(ctx: &Ctx<'_>, cmd: MachinesCmd) -> Result<(), CliError> {
    let machines = ctx.client.machines();
    match cmd {
        MachinesCmd::List(paging) => {
            let mut out = ctx.output(Shape::Many, LIST_VIEW, None)?;
            let result = match paging.page {
                Some(page) => match machines.list(page, paging.page_size).await {
                    Ok(p) => p
                        .items
                        .iter()
                        .try_for_each(|m| out.item(m, |m| vec![summary(m)])),
                    Err(e) => Err(e.into()),
                },
                None => {
                    let pages =
                        machines.iter_pages(Some(paging.page_size), Some(ctx.concurrency()))?;
                    let mut progress = ctx.progress("machines");
                    walk(pages, &mut progress, |m| out.item(&m, |m| vec![summary(m)]))
                        .await
                        .map(|_| ())
                }
            };
            close(out, result)
        }
        MachinesCmd::Get { serial } => {
            let machine = machines.planogram(&serial).await?.ok_or_else(|| {
                CliError::NotFound(format!("no machine with serial number {serial:?}"))
            })?;
            let mut out = ctx.output(Shape::One, PLANOGRAM_VIEW, None)?;
            let r = out.item(&machine, planogram_rows);
            close(out, r)
        }
        MachinesCmd::LowStock { critical_only } => {
            let pages = machines.iter_pages(None, Some(ctx.concurrency()))?;
            let mut progress = ctx.progress("machines");
            let mut rows = Vec::new();
            walk(pages, &mut progress, |m| {
                rows.extend(low_stock::rows(&m, critical_only));
                Ok(())
            })
            .await?;
            low_stock::sort(&mut rows);
            let mut out = ctx.output(Shape::Many, low_stock::VIEW, None)?;
            let r = rows.iter().try_for_each(|row| out.flat_item(row));
            close(out, r)
        }
    }
}

/// One row per machine: its fields and its number of selections.
fn summary(m: &MachinePlanogram) -> Row {
    let mut row = flatten(&m.machine);
    row.push(("selections".into(), m.machine_planogram.len().to_string()));
    row
}

/// One row per selection, led by the machine's serial number and name.
fn planogram_rows(m: &MachinePlanogram) -> Vec<Row> {
    let head: Row = vec![
        (
            "serial_no".into(),
            m.machine
                .control_board_serial_no
                .clone()
                .unwrap_or_default(),
        ),
        (
            "machine_name".into(),
            m.machine.machine_name.clone().unwrap_or_default(),
        ),
    ];
    m.machine_planogram
        .iter()
        .map(|e: &PlanogramEntry| flatten_with(head.clone(), e))
        .collect()
}
