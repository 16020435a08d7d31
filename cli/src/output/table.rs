//! A plain aligned-column table for terminals. It buffers every row (widths depend on all of
//! them): use csv or ndjson for large outputs.

use std::io::Write;

use super::{Row, Sink};
use crate::exit::CliError;

/// Longest cell shown, in characters; longer ones are cut with `…`.
const MAX_CELL: usize = 40;

/// Buffers rows, prints them aligned at the end.
pub struct TableWriter {
    out: Sink,
    wanted: &'static [&'static str],
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
}

impl TableWriter {
    /// A table showing the `wanted` columns (all when empty).
    pub fn new(out: Sink, wanted: &'static [&'static str]) -> Self {
        Self {
            out,
            wanted,
            header: None,
            rows: Vec::new(),
        }
    }

    /// Adds rows.
    pub fn rows(&mut self, rows: Vec<Row>) {
        for row in rows {
            let header = self.header.get_or_insert_with(|| {
                let all: Vec<String> = row.iter().map(|(k, _)| k.clone()).collect();
                let picked: Vec<String> = self
                    .wanted
                    .iter()
                    .filter(|w| all.iter().any(|a| a == *w))
                    .map(|w| w.to_string())
                    .collect();
                if picked.is_empty() {
                    all
                } else {
                    picked
                }
            });
            let cells = header
                .iter()
                .map(|h| {
                    row.iter()
                        .find(|(k, _)| k == h)
                        .map_or_else(String::new, |(_, v)| shorten(v))
                })
                .collect();
            self.rows.push(cells);
        }
    }

    /// Prints the table (or a note on stderr when there are no rows) and flushes.
    pub fn finish(mut self) -> Result<(), CliError> {
        let Some(header) = self.header else {
            eprintln!("(no results)");
            return Ok(());
        };
        let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let header_upper: Vec<String> = header.iter().map(|h| h.to_uppercase()).collect();
        write_line(&mut self.out, &header_upper, &widths)?;
        for row in &self.rows {
            write_line(&mut self.out, row, &widths)?;
        }
        self.out.flush()?;
        Ok(())
    }
}

fn shorten(text: &str) -> String {
    let one_line = text.replace(['\n', '\r', '\t'], " ");
    if one_line.chars().count() <= MAX_CELL {
        return one_line;
    }
    let cut: String = one_line.chars().take(MAX_CELL - 1).collect();
    format!("{cut}…")
}

fn write_line(out: &mut Sink, cells: &[String], widths: &[usize]) -> std::io::Result<()> {
    let last = cells.len().saturating_sub(1);
    for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
        if i == last {
            writeln!(out, "{cell}")?;
        } else {
            let pad = width - cell.chars().count();
            write!(out, "{cell}{}  ", " ".repeat(pad))?;
        }
    }
    Ok(())
}
