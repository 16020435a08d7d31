//! Exit codes and the one-line error report.
//!
//! | code | meaning |
//! | --- | --- |
//! | 0 | success |
//! | 1 | local failure: the output cannot be written, the sandbox cannot start |
//! | 2 | usage error (clap) |
//! | 3 | API error: the server answered with an error (or "not found"), or an unreadable answer |
//! | 4 | network: connection failed, timeout, outcome unknown |
//! | 5 | configuration or validation error: nothing was sent |

use std::fmt::Write as _;
use std::process::ExitCode;

/// Success.
pub const OK: u8 = 0;
/// A local failure (I/O, sandbox start).
pub const LOCAL: u8 = 1;
/// The server answered with an error, or could not be understood.
pub const API: u8 = 3;
/// The server could not be reached, or did not answer in time.
pub const NETWORK: u8 = 4;
/// Bad configuration or input; nothing was sent.
pub const CONFIG: u8 = 5;

/// Everything a command can fail with.
#[derive(Debug)]
pub enum CliError {
    /// An SDK error; its class decides the exit code.
    Sdk(iqtech::Error),
    /// The server answered, but what was asked for does not exist (exit 3).
    NotFound(String),
    /// Bad configuration or input found by the CLI itself (exit 5).
    Config(String),
    /// A local I/O failure (exit 1).
    Io(String),
    /// stdout was closed by its reader (`iqtech … | head`): not an error worth reporting.
    BrokenPipe,
}

impl From<iqtech::Error> for CliError {
    fn from(e: iqtech::Error) -> Self {
        Self::Sdk(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return Self::BrokenPipe;
        }
        Self::Io(format!("cannot write the output: {e}"))
    }
}

impl From<csv::Error> for CliError {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(io) => io.into(),
            other => Self::Io(format!("cannot write CSV: {other:?}")),
        }
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(kind) => std::io::Error::from(kind).into(),
            None => Self::Io(format!("cannot encode JSON: {e}")),
        }
    }
}

impl CliError {
    /// The process exit code for this error.
    pub fn code(&self) -> u8 {
        match self {
            Self::Sdk(e) => match e.code() {
                "validation" | "config" => CONFIG,
                "connection" | "timeout" | "outcome_unknown" => NETWORK,
                _ => API,
            },
            Self::NotFound(_) => API,
            Self::Config(_) => CONFIG,
            Self::Io(_) => LOCAL,
            Self::BrokenPipe => OK,
        }
    }

    /// One line; with `verbose`, further indented lines with every detail the error carries.
    pub fn report(&self, verbose: u8) -> String {
        let mut out = match self {
            Self::Sdk(e) => format!("error: {e}"),
            Self::NotFound(m) | Self::Config(m) | Self::Io(m) => format!("error: {m}"),
            Self::BrokenPipe => "error: the output was closed".to_string(),
        };
        if verbose == 0 {
            return out;
        }
        let mut line = |label: &str, value: &dyn std::fmt::Display| {
            let _ = write!(out, "\n  {label}: {value}");
        };
        line("exit code", &self.code());
        let Self::Sdk(e) = self else {
            return out;
        };
        line("kind", &e.code());
        if let Some(page) = e.page() {
            line("page", &page);
        }
        match e.root() {
            iqtech::Error::Api(api) => {
                line("operation", &api.operation);
                line("status", &api.status);
                line(
                    "error id",
                    &api.error_id
                        .map_or_else(|| "-".to_string(), |i| i.to_string()),
                );
                line("message", &api.detail);
                line("trace id", &api.trace_id.as_deref().unwrap_or("-"));
                for fe in &api.field_errors {
                    line(&format!("field {}", fe.field), &fe.messages.join(" "));
                }
                if let Some(wait) = api.retry_after {
                    line("retry after", &format!("{wait:?}"));
                }
                if verbose > 1 {
                    if let Some(body) = &api.body {
                        line("body", &body);
                    }
                }
            }
            iqtech::Error::Validation { field, .. } => line("field", field),
            iqtech::Error::OutcomeUnknown {
                operation,
                how_to_check,
                ..
            } => {
                line("operation", operation);
                line("how to check", how_to_check);
            }
            iqtech::Error::Decode {
                operation, status, ..
            } => {
                line("operation", operation);
                line("status", status);
            }
            iqtech::Error::Connection { operation, .. }
            | iqtech::Error::Timeout { operation, .. } => line("operation", operation),
            _ => {}
        }
        out
    }

    /// Prints the report on stderr and gives the exit code.
    pub fn exit(&self, verbose: u8) -> ExitCode {
        if matches!(self, Self::BrokenPipe) {
            return ExitCode::from(OK);
        }
        eprintln!("{}", self.report(verbose));
        ExitCode::from(self.code())
    }
}
