//! NDJSON: one compact JSON object per line, written as items arrive.

use std::io::Write;

use serde::Serialize;

use super::Sink;
use crate::exit::CliError;

/// Streams NDJSON.
pub struct NdjsonWriter {
    out: Sink,
}

impl NdjsonWriter {
    /// A writer on `out`.
    pub fn new(out: Sink) -> Self {
        Self { out }
    }

    /// Writes one item as one line.
    pub fn item<T: Serialize>(&mut self, item: &T) -> Result<(), CliError> {
        serde_json::to_writer(&mut self.out, item)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Flushes.
    pub fn finish(mut self) -> Result<(), CliError> {
        self.out.flush()?;
        Ok(())
    }
}
