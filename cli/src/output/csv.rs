//! CSV: a header row from the first row's columns, then rows as they arrive.

use super::{CsvRecords, Row, Sink};
use crate::exit::CliError;

/// Streams CSV.
pub struct CsvWriter {
    out: csv::Writer<Sink>,
    header: Option<Vec<String>>,
    /// Reused by [`CsvWriter::records`], so a row costs no allocation.
    record: csv::ByteRecord,
}

impl CsvWriter {
    /// A writer on `out`.
    pub fn new(out: Sink) -> Self {
        Self {
            out: csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(out),
            header: None,
            record: csv::ByteRecord::new(),
        }
    }

    /// Writes rows; the first one fixes the columns. A later row with other columns is
    /// written in the header's order (missing cells empty, extra ones dropped).
    pub fn rows(&mut self, rows: Vec<Row>) -> Result<(), CliError> {
        for row in rows {
            let header = match &self.header {
                Some(h) => h,
                None => {
                    let h: Vec<String> = row.iter().map(|(k, _)| k.clone()).collect();
                    self.out.write_record(&h)?;
                    self.header.insert(h)
                }
            };
            let same =
                header.len() == row.len() && header.iter().zip(&row).all(|(h, (k, _))| h == k);
            if same {
                self.out.write_record(row.iter().map(|(_, v)| v))?;
            } else {
                let cells: Vec<&str> = header
                    .iter()
                    .map(|h| {
                        row.iter()
                            .find(|(k, _)| k == h)
                            .map_or("", |(_, v)| v.as_str())
                    })
                    .collect();
                self.out.write_record(cells)?;
            }
        }
        Ok(())
    }

    /// Writes an item's rows through [`CsvRecords`]; the first item fixes the header (its
    /// type's columns). Returns the number of rows written.
    pub fn records<T: CsvRecords>(&mut self, item: &T) -> Result<u64, CliError> {
        if self.header.is_none() {
            let h = T::columns();
            self.out.write_record(&h)?;
            self.header = Some(h);
        }
        let out = &mut self.out;
        item.records(&mut self.record, &mut |r| Ok(out.write_byte_record(r)?))
    }

    /// Flushes.
    pub fn finish(mut self) -> Result<(), CliError> {
        self.out.flush()?;
        Ok(())
    }
}
