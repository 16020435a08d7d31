//! `iqtech transactions list|export`. The export streams: each page is written as it arrives,
//! so memory holds only the pages in flight.

use std::time::Instant;

use iqtech::{Transaction, TransactionDetail, TransactionQuery};

use super::{close, walk, Ctx};
use crate::args::{Format, TransactionFilter, TransactionsCmd};
use crate::exit::CliError;
use crate::output::flatten::flatten;
use crate::output::{Row, Shape, View};

/// Columns a table shows.
const VIEW: View = View {
    table_columns: &[
        "transaction_date_and_time",
        "serial_no",
        "employee_number",
        "employee_name",
        "product_name",
        "selection",
        "dispensed_quantity",
        "total",
    ],
};

/// Runs a transactions command.
pub async fn run(ctx: &Ctx<'_>, cmd: TransactionsCmd) -> Result<(), CliError> {
    let transactions = ctx.client.transactions();
    match cmd {
        TransactionsCmd::List {
            filter,
            page,
            page_size,
        } => {
            let result = transactions
                .list(query(filter, Some(page), Some(page_size)))
                .await?;
            let mut out = ctx.output(Shape::Many, VIEW, None)?;
            let r = result.items.iter().try_for_each(|t| out.item(t, rows));
            close(out, r)
        }
        TransactionsCmd::Export { filter, page_size } => {
            let started = Instant::now();
            let pages = transactions.iter_pages(
                query(filter, None, Some(page_size)),
                Some(ctx.concurrency()),
            )?;
            let mut out = ctx.output(Shape::Many, VIEW, Some(Format::Csv))?;
            let mut progress = ctx.progress("transactions");
            let result = walk(pages, &mut progress, |t| out.item(&t, rows)).await;
            let (items, written) = (out.items(), out.rows());
            close(out, result)?;
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "exported {items} transactions ({written} rows) in {secs:.2} s ({:.0} rows/s)",
                written as f64 / secs.max(1e-9)
            );
            Ok(())
        }
    }
}

fn query(f: TransactionFilter, page: Option<u32>, page_size: Option<u32>) -> TransactionQuery {
    TransactionQuery {
        from_date: f.from,
        to_date: f.to,
        serial_no: f.serial_no,
        page,
        page_size,
    }
}

/// One row per dispense: the machine's fields, then the dispense's. A transaction without
/// dispenses still gives one row, with the dispense columns empty.
fn rows(t: &Transaction) -> Vec<Row> {
    let machine = flatten(&t.machine_details);
    if t.transaction_details.is_empty() {
        let mut row = machine;
        row.extend(
            flatten(&TransactionDetail::default())
                .into_iter()
                .map(|(k, _)| (k, String::new())),
        );
        return vec![row];
    }
    t.transaction_details
        .iter()
        .map(|d| {
            let mut row = machine.clone();
            row.extend(flatten(d));
            row
        })
        .collect()
}
