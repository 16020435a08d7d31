//! CSV: a header row from the first row's columns, then rows as they arrive.
//!
//! Rows are encoded by [`CsvLine`] (the csv crate's default quoting, byte for byte) into one
//! buffer that goes to the sink in blocks: a cell is copied once, and a row costs no allocation.

use std::io::Write;

use super::csv_line::CsvLine;
use super::{CsvRecords, Row, Sink};
use crate::exit::CliError;

/// Streams CSV.
pub struct CsvWriter {
    out: Sink,
    header: Option<Vec<String>>,
    /// Encoded rows not yet written to `out`; written when they reach [`PENDING_BLOCK`] bytes.
    pending: Vec<u8>,
}

/// Encoded bytes gathered before one write to the sink (its capacity: a write this large goes
/// straight through the `BufWriter`).
const PENDING_BLOCK: usize = 64 * 1024;

impl CsvWriter {
    /// A writer on `out`.
    pub fn new(out: Sink) -> Self {
        Self {
            out,
            header: None,
            pending: Vec::with_capacity(2 * PENDING_BLOCK),
        }
    }

    /// Writes the header row once, from `columns` (called only for the first row).
    fn header(&mut self, columns: impl FnOnce() -> Vec<String>) -> &[String] {
        if self.header.is_none() {
            let h = columns();
            let mut line = CsvLine::new(&mut self.pending);
            for name in &h {
                line.field(name.as_bytes());
            }
            line.end();
            self.header = Some(h);
        }
        self.header.as_deref().unwrap_or_default()
    }

    /// Writes rows; the first one fixes the columns. A later row with other columns is
    /// written in the header's order (missing cells empty, extra ones dropped).
    pub fn rows(&mut self, rows: Vec<Row>) -> Result<(), CliError> {
        for row in rows {
            self.header(|| row.iter().map(|(k, _)| k.clone()).collect());
            let header = self.header.as_deref().unwrap_or_default();
            let mut line = CsvLine::new(&mut self.pending);
            let same =
                header.len() == row.len() && header.iter().zip(&row).all(|(h, (k, _))| h == k);
            if same {
                for (_, v) in &row {
                    line.field(v.as_bytes());
                }
            } else {
                for h in header {
                    let cell = row.iter().find(|(k, _)| k == h).map_or("", |(_, v)| v);
                    line.field(cell.as_bytes());
                }
            }
            line.end();
        }
        self.write_full_block()
    }

    /// Writes an item's rows through [`CsvRecords`]; the first item fixes the header (its
    /// type's columns). Returns the number of rows written.
    pub fn records<T: CsvRecords>(&mut self, item: &T) -> Result<u64, CliError> {
        self.header(T::columns);
        let n = item.encode(&mut self.pending);
        self.write_full_block()?;
        Ok(n)
    }

    /// Writes rows [`super::encode_records`] encoded for items of type `T`; the first call
    /// fixes the header (`T`'s columns).
    pub fn encoded<T: CsvRecords>(&mut self, rows: &[u8]) -> Result<(), CliError> {
        self.header(T::columns);
        if self.pending.len() + rows.len() < PENDING_BLOCK {
            self.pending.extend_from_slice(rows);
            return Ok(());
        }
        // A page's rows are one big block already: written as they are, not copied again.
        self.out.write_all(&self.pending)?;
        self.pending.clear();
        self.out.write_all(rows)?;
        Ok(())
    }

    /// Writes the encoded rows to the sink once they fill a block.
    fn write_full_block(&mut self) -> Result<(), CliError> {
        if self.pending.len() >= PENDING_BLOCK {
            self.out.write_all(&self.pending)?;
            self.pending.clear();
        }
        Ok(())
    }

    /// Writes what is left and flushes.
    pub fn finish(mut self) -> Result<(), CliError> {
        self.out.write_all(&self.pending)?;
        self.out.flush()?;
        Ok(())
    }
}
