//! `iqtech transactions list|export`. The export streams: each page is written as it arrives,
//! so memory holds only the pages in flight.

use std::time::Instant;

use iqtech::{
    BatchDetail, Decimal, Timestamp, Transaction, TransactionDetail, TransactionMachine,
    TransactionQuery, UserLimit,
};

use super::{close, walk, walk_prepared, Ctx};
use crate::args::{Format, TransactionFilter, TransactionsCmd};
use crate::exit::CliError;
use crate::output::csv_line::CsvLine;
use crate::output::flatten::flatten;
use crate::output::{encode_records, CsvRecords, Row, Shape, View};

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
            let result = if out.is_csv() {
                // Rows are encoded on the runtime's threads, beside the decoding; only the
                // bytes are written here.
                let encode = |items: Vec<Transaction>| encode_records(&items);
                walk_prepared(pages, &mut progress, encode, |rows| {
                    out.encoded_records::<Transaction>(&rows)
                })
                .await
            } else {
                walk(pages, &mut progress, |t| out.item_records(&t, rows)).await
            };
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

/// The CSV of [`rows`], encoded straight from the fields: same columns, same texts (the tests
/// below compare the bytes), without a JSON round trip or an owned string per cell. The
/// machine's cells are encoded once per transaction and copied into each of its rows.
impl CsvRecords for Transaction {
    fn columns() -> Vec<String> {
        flatten(&TransactionMachine::default())
            .into_iter()
            .chain(flatten(&TransactionDetail::default()))
            .map(|(k, _)| k)
            .collect()
    }

    fn encode(&self, out: &mut Vec<u8>) -> u64 {
        SCRATCH.with_borrow_mut(|(machine, json)| {
            machine.clear();
            let mut line = CsvLine::new(machine);
            machine_cells(&mut line, &self.machine_details);
            let fields = line.fields();
            if self.transaction_details.is_empty() {
                let mut line = CsvLine::with_encoded(out, machine, fields);
                for _ in 0..DETAIL_COLUMNS {
                    line.field(b"");
                }
                line.end();
                return 1;
            }
            for d in &self.transaction_details {
                let mut line = CsvLine::with_encoded(out, machine, fields);
                detail_cells(&mut line, json, d);
                line.end();
            }
            self.transaction_details.len() as u64
        })
    }
}

thread_local! {
    /// Reused by [`Transaction::encode`]: the machine's encoded cells and a list cell's JSON.
    static SCRATCH: std::cell::RefCell<(Vec<u8>, Vec<u8>)> = const {
        std::cell::RefCell::new((Vec::new(), Vec::new()))
    };
}

/// Number of [`TransactionDetail`] columns (checked against [`detail_cells`] by the tests).
const DETAIL_COLUMNS: usize = 22;

fn text(line: &mut CsvLine<'_>, v: &Option<String>) {
    line.text(v.as_deref());
}

fn when(line: &mut CsvLine<'_>, v: &Option<Timestamp>) {
    line.text(v.as_ref().map(Timestamp::as_str));
}

/// A list cell as [`crate::output::flatten`] writes it: empty, or the list's JSON with each
/// object's members in sorted order (as `serde_json::Value` writes them). `cells` maps one
/// element to its sorted mirror (below).
fn list<'a, T, C: serde::Serialize>(
    line: &mut CsvLine<'_>,
    json: &mut Vec<u8>,
    v: &'a [T],
    cells: fn(&'a T) -> C,
) {
    if v.is_empty() {
        line.field(b"");
        return;
    }
    json.clear();
    if let Err(e) = serde_json::to_writer(&mut *json, &Seq(v, cells)) {
        json.clear();
        json.extend_from_slice(e.to_string().as_bytes());
    }
    line.field(json);
}

/// A slice serialized as a JSON array of `.1` of each element, without collecting them.
struct Seq<'a, T, C>(&'a [T], fn(&'a T) -> C);

impl<'a, T, C: serde::Serialize> serde::Serialize for Seq<'a, T, C> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

/// [`BatchDetail`] with its members in sorted order.
#[derive(serde::Serialize)]
struct BatchCell<'a> {
    exp_date: &'a Option<String>,
    lot_number: &'a Option<String>,
    qty_taken: &'a Option<Decimal>,
}

fn batch_cell(b: &BatchDetail) -> BatchCell<'_> {
    let BatchDetail {
        lot_number,
        exp_date,
        qty_taken,
    } = b;
    BatchCell {
        exp_date,
        lot_number,
        qty_taken,
    }
}

/// [`UserLimit`] with its members in sorted order.
#[derive(serde::Serialize)]
struct LimitCell<'a> {
    question: &'a Option<String>,
    response: &'a Option<String>,
}

fn limit_cell(u: &UserLimit) -> LimitCell<'_> {
    let UserLimit { question, response } = u;
    LimitCell { question, response }
}

fn machine_cells(line: &mut CsvLine<'_>, m: &TransactionMachine) {
    // Destructured so a new field fails to compile here instead of shifting columns.
    let TransactionMachine {
        serial_no,
        organization,
        account,
        machine_name,
        location,
    } = m;
    for v in [serial_no, organization, account, machine_name, location] {
        text(line, v);
    }
}

fn detail_cells(line: &mut CsvLine<'_>, json: &mut Vec<u8>, d: &TransactionDetail) {
    let TransactionDetail {
        transaction_date_and_time,
        employee_name,
        employee_number,
        product_name,
        product_group,
        product_group_name,
        offline_purchase,
        selection,
        manufacturer_name,
        manufacturer_item_number,
        dispensed_quantity,
        second_person_auth,
        batch_details,
        user_limit,
        price_per_item,
        total,
        item_number,
        taken_weight,
        asset_number,
        department,
        package_quantity,
        package_price,
    } = d;
    when(line, transaction_date_and_time);
    for v in [
        employee_name,
        employee_number,
        product_name,
        product_group,
        product_group_name,
        offline_purchase,
        selection,
        manufacturer_name,
        manufacturer_item_number,
    ] {
        text(line, v);
    }
    line.decimal(dispensed_quantity.as_ref());
    text(line, second_person_auth);
    list(line, json, batch_details, batch_cell);
    list(line, json, user_limit, limit_cell);
    line.decimal(price_per_item.as_ref());
    line.decimal(total.as_ref());
    for v in [item_number, taken_weight, asset_number, department] {
        text(line, v);
    }
    line.decimal(package_quantity.as_ref());
    line.decimal(package_price.as_ref());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// The bytes the general path writes for `t`'s rows: the csv crate, from [`rows`].
    fn general_csv(t: &Transaction) -> String {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        for row in rows(t) {
            let names: Vec<&str> = row.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(names, Transaction::columns());
            w.write_record(row.iter().map(|(_, v)| v)).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    fn same_as_rows(t: &Transaction) {
        let mut fast = Vec::new();
        let n = t.encode(&mut fast);
        let fast = String::from_utf8(fast).unwrap();
        assert_eq!(fast, general_csv(t));
        assert_eq!(n as usize, t.transaction_details.len().max(1));
        let mut twice = Vec::new();
        t.encode(&mut twice);
        t.encode(&mut twice);
        assert_eq!(String::from_utf8(twice).unwrap(), fast.repeat(2));
    }

    #[test]
    fn records_match_the_general_rows_exactly() {
        let d = |n: &str| Some(Decimal::from_str(n).unwrap());
        let s = |t: &str| Some(t.to_owned());
        let full = TransactionDetail {
            transaction_date_and_time: Some(Timestamp::new("2024-04-25T18:46:51.6717682")),
            employee_name: s("Murphy, \"Paul\""),
            employee_number: s("12354"),
            product_name: s("Gloves, Large\nBox"),
            product_group: s("Phase Releases "),
            product_group_name: None,
            offline_purchase: s("No"),
            selection: s("100"),
            manufacturer_name: s("3M"),
            manufacturer_item_number: s("M-1"),
            dispensed_quantity: d("2"),
            second_person_auth: s(" "),
            batch_details: vec![
                BatchDetail {
                    lot_number: s("L1"),
                    exp_date: None,
                    qty_taken: d("1"),
                },
                BatchDetail {
                    lot_number: s("L\"2\"\u{e9}"),
                    exp_date: s("2025-01-31"),
                    qty_taken: None,
                },
            ],
            user_limit: vec![UserLimit {
                question: s("Q"),
                response: s("2"),
            }],
            price_per_item: d("12.50"),
            total: d("-25.00"),
            item_number: s("66"),
            taken_weight: None,
            asset_number: s("A"),
            department: s("Service"),
            package_quantity: d("12"),
            package_price: d("0.1"),
        };
        let t = Transaction {
            machine_details: TransactionMachine {
                serial_no: s("WTN1"),
                organization: s("EMS"),
                account: s("Mason, Testing :)"),
                machine_name: None,
                location: s("Waukee"),
            },
            transaction_details: vec![full, TransactionDetail::default()],
        };
        same_as_rows(&t);
        same_as_rows(&Transaction::default());
        assert_eq!(Transaction::columns().len(), 5 + DETAIL_COLUMNS);
    }
}
