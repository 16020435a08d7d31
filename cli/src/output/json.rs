//! JSON: a single result as a pretty object; a list as an array with one item per line, written
//! as items arrive.

use std::io::Write;

use serde::Serialize;

use super::{Shape, Sink};
use crate::exit::CliError;

/// Streams JSON.
pub struct JsonWriter {
    out: Sink,
    shape: Shape,
    count: u64,
}

impl JsonWriter {
    /// A writer for one object or an array.
    pub fn new(out: Sink, shape: Shape) -> Self {
        Self {
            out,
            shape,
            count: 0,
        }
    }

    /// Writes one item.
    pub fn item<T: Serialize>(&mut self, item: &T) -> Result<(), CliError> {
        match self.shape {
            Shape::One => {
                serde_json::to_writer_pretty(&mut self.out, item)?;
                self.out.write_all(b"\n")?;
            }
            Shape::Many => {
                self.out
                    .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
                serde_json::to_writer(&mut self.out, item)?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Closes the array and flushes.
    pub fn finish(mut self) -> Result<(), CliError> {
        if self.shape == Shape::Many {
            self.out
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        } else if self.count == 0 {
            self.out.write_all(b"null\n")?;
        }
        self.out.flush()?;
        Ok(())
    }

    /// Flushes without closing the array.
    pub fn abort(mut self) -> Result<(), CliError> {
        self.out.flush()?;
        Ok(())
    }
}
