//! Output in the chosen format. Lists stream: each item is written as it arrives (except the
//! table, which must see every row to align its columns).

mod csv;
pub mod csv_line;
pub mod flatten;
mod json;
mod ndjson;
mod table;

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use serde::Serialize;

use crate::args::Format;
use crate::exit::CliError;

/// One flat row: (column, text) pairs, in column order.
pub type Row = Vec<(String, String)>;

/// An item that encodes its CSV rows itself, straight into the output's byte buffer, for the
/// big exports.
///
/// The general path ([`Output::item`] with a `rows` function) builds a [`Row`] of owned column
/// names and texts per row, through a JSON round trip of the item: fine for a page, but it made
/// `transactions export` CPU-bound at ~40k rows/s. An implementation must give exactly the
/// columns and texts that its `rows` function gives, and [`csv_line::CsvLine`] quotes them
/// exactly as the csv crate does (the CLI's tests compare the bytes of both paths).
pub trait CsvRecords {
    /// The column names, in order.
    fn columns() -> Vec<String>;
    /// Appends each of the item's rows, cells in [`CsvRecords::columns`] order, to `out`
    /// (through [`csv_line::CsvLine`]); returns the number of rows.
    fn encode(&self, out: &mut Vec<u8>) -> u64;
}

/// Items' CSV rows, encoded by [`encode_records`] (without a header).
pub struct Encoded {
    bytes: Vec<u8>,
    items: u64,
    rows: u64,
}

/// Encodes the CSV rows of `items` (as [`Output::item_records`] would write them), for
/// [`Output::encoded_records`]; it can run on another thread than the output's.
pub fn encode_records<T: CsvRecords>(items: &[T]) -> Encoded {
    let mut bytes = Vec::new();
    let mut rows = 0;
    if let Some((first, rest)) = items.split_first() {
        rows += first.encode(&mut bytes);
        // Room for the rest at the first item's size and a quarter more: growing the buffer
        // by doubling copied it again and again (4 % of an export's instructions).
        bytes.reserve(bytes.len() * rest.len() * 5 / 4);
        rows += rest.iter().map(|item| item.encode(&mut bytes)).sum::<u64>();
    }
    Encoded {
        bytes,
        items: items.len() as u64,
        rows,
    }
}

/// Whether a command prints one result or a list of them (decides the JSON shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A single result: a JSON object.
    One,
    /// A list: a JSON array (streamed), even when empty.
    Many,
}

/// How flat formats show a command's items.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// Columns a table shows (empty: all); CSV always has every column.
    pub table_columns: &'static [&'static str],
}

impl View {
    /// Every column everywhere.
    pub const ALL: View = View { table_columns: &[] };
}

enum Writer {
    Table(table::TableWriter),
    Json(json::JsonWriter),
    Ndjson(ndjson::NdjsonWriter),
    Csv(Box<csv::CsvWriter>),
}

/// The destination of a command's results.
pub struct Output {
    writer: Writer,
    items: u64,
    rows: u64,
}

/// The format to use: the one asked for, else `fallback` when given, else a table on a terminal
/// and JSON elsewhere.
pub fn choose_format(asked: Option<Format>, fallback: Option<Format>, to_file: bool) -> Format {
    asked.or(fallback).unwrap_or_else(|| {
        if !to_file && std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        }
    })
}

impl Output {
    /// Opens the destination (`path`, else stdout) for `format`.
    pub fn open(
        format: Format,
        shape: Shape,
        view: View,
        path: Option<&Path>,
    ) -> Result<Output, CliError> {
        let out: Box<dyn Write> = match path {
            Some(p) => Box::new(
                File::create(p)
                    .map_err(|e| CliError::Io(format!("cannot create {}: {e}", p.display())))?,
            ),
            None => Box::new(std::io::stdout()),
        };
        let out = BufWriter::with_capacity(64 * 1024, out);
        let writer = match format {
            Format::Table => Writer::Table(table::TableWriter::new(out, view.table_columns)),
            Format::Json => Writer::Json(json::JsonWriter::new(out, shape)),
            Format::Ndjson => Writer::Ndjson(ndjson::NdjsonWriter::new(out)),
            Format::Csv => Writer::Csv(Box::new(csv::CsvWriter::new(out))),
        };
        Ok(Output {
            writer,
            items: 0,
            rows: 0,
        })
    }

    /// Writes one item: serialized whole for JSON formats, as the rows `rows` makes of it for
    /// flat formats (called only for those).
    pub fn item<T: Serialize>(
        &mut self,
        item: &T,
        rows: impl FnOnce(&T) -> Vec<Row>,
    ) -> Result<(), CliError> {
        self.items += 1;
        match &mut self.writer {
            Writer::Json(w) => {
                self.rows += 1;
                w.item(item)
            }
            Writer::Ndjson(w) => {
                self.rows += 1;
                w.item(item)
            }
            Writer::Csv(w) => {
                let rows = rows(item);
                self.rows += rows.len() as u64;
                w.rows(rows)
            }
            Writer::Table(w) => {
                let rows = rows(item);
                self.rows += rows.len() as u64;
                w.rows(rows);
                Ok(())
            }
        }
    }

    /// Like [`Output::item`], but CSV is written through the item's [`CsvRecords`] (no [`Row`]
    /// is built); tables still use `rows`.
    pub fn item_records<T: Serialize + CsvRecords>(
        &mut self,
        item: &T,
        rows: impl FnOnce(&T) -> Vec<Row>,
    ) -> Result<(), CliError> {
        match &mut self.writer {
            Writer::Csv(w) => {
                self.items += 1;
                self.rows += w.records(item)?;
                Ok(())
            }
            _ => self.item(item, rows),
        }
    }

    /// Whether this output is CSV, so that a walk may encode its rows ahead with
    /// [`encode_records`] and hand them over with [`Output::encoded_records`].
    pub fn is_csv(&self) -> bool {
        matches!(self.writer, Writer::Csv(_))
    }

    /// Writes CSV rows [`encode_records`] made of `items` items of type `T` (the first call
    /// writes `T`'s header). Only for CSV output: other formats fail with an I/O error, as
    /// their callers should have used [`Output::item_records`].
    pub fn encoded_records<T: CsvRecords>(&mut self, encoded: &Encoded) -> Result<(), CliError> {
        match &mut self.writer {
            Writer::Csv(w) => {
                self.items += encoded.items;
                self.rows += encoded.rows;
                w.encoded::<T>(&encoded.bytes)
            }
            _ => Err(CliError::Io(
                "encoded CSV rows for an output that is not CSV".into(),
            )),
        }
    }

    /// Writes one item that is already flat (its JSON form is the row as an object).
    pub fn flat_item<T: Serialize>(&mut self, item: &T) -> Result<(), CliError> {
        self.item(item, |i| vec![flatten::flatten(i)])
    }

    /// Items written so far.
    pub fn items(&self) -> u64 {
        self.items
    }

    /// Rows written so far (flat formats: rows; JSON formats: items).
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Completes the output (closes the JSON array, prints the table) and flushes it.
    pub fn finish(self) -> Result<(), CliError> {
        match self.writer {
            Writer::Table(w) => w.finish(),
            Writer::Json(w) => w.finish(),
            Writer::Ndjson(w) => w.finish(),
            Writer::Csv(w) => w.finish(),
        }
    }
}

impl Output {
    /// Flushes what was written after a failure, leaving a JSON array open (so a partial list
    /// cannot pass for a complete one); a table prints the rows it has.
    pub fn abort(self) -> Result<(), CliError> {
        match self.writer {
            Writer::Table(w) => w.finish(),
            Writer::Json(w) => w.abort(),
            Writer::Ndjson(w) => w.finish(),
            Writer::Csv(w) => w.finish(),
        }
    }
}

/// The buffered destination every writer writes to.
pub(crate) type Sink = BufWriter<Box<dyn Write>>;
