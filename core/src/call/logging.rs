//! The SDK's log lines, through the `log` crate (targets `iqtech::…`) and, when a client has
//! one, its [`LogSink`] (Node's `logger` option, Kotlin/Swift's callback).
//!
//! `IQTECH_LOG=info|debug` installs a tiny stderr logger when the process has no logger yet
//! ([`init_from_env`], called when a client is built); a program with its own logger (Python's
//! bridge to `logging`, `env_logger`, ...) keeps it. No line ever carries a secret: the lines are
//! built from the operation, method, path, status, timings, attempt count, request id and error
//! text, which the core already keeps free of secrets.

use std::io::Write;
use std::sync::Arc;

use log::{Log, Metadata, Record};

/// The environment variable that turns the built-in stderr logger on: `info` or `debug`
/// (also `warn`, `error`, `trace`, `off`).
pub const ENV_LOG: &str = "IQTECH_LOG";

/// The `log` crate's levels, re-exported for bindings that implement [`LogSink`] and for the
/// CLI's `-v`/`-vv`.
pub use log::{Level, LevelFilter};

/// Receives a client's log lines (besides the `log` crate). Bindings implement it over their
/// language's logger. `level` is `error`, `warn`, `info` or `debug`; `target` is the `log`
/// target (`iqtech::call`). It must not block for long: it runs on the SDK's threads.
pub trait LogSink: Send + Sync {
    /// One log line.
    fn log(&self, level: Level, target: &str, message: &str);
}

/// The target of the per-attempt and per-call lines.
pub(crate) const TARGET: &str = "iqtech::call";

/// Emits one line to `log` and to `sink`. The text is formatted only when someone listens.
pub(crate) fn emit(
    sink: Option<&Arc<dyn LogSink>>,
    level: Level,
    message: impl FnOnce() -> String,
) {
    let to_log = log::log_enabled!(target: TARGET, level);
    if !to_log && sink.is_none() {
        return;
    }
    let text = message();
    if to_log {
        log::log!(target: TARGET, level, "{text}");
    }
    if let Some(sink) = sink {
        sink.log(level, TARGET, &text);
    }
}

/// The level `IQTECH_LOG` asks for, if it is set to a known level.
pub fn env_level() -> Option<LevelFilter> {
    std::env::var(ENV_LOG).ok()?.trim().parse().ok()
}

/// Installs the stderr logger at `IQTECH_LOG`'s level if the variable is set and no logger is
/// installed yet; does nothing otherwise (idempotent, cheap after the first call).
pub fn init_from_env() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Some(level) = env_level() {
            install_stderr(level);
        }
    });
}

/// Installs the stderr logger for the SDK's targets at `level` (the CLI's `-v`/`-vv`); returns
/// `false` when the process already has a logger (which is then left alone).
pub fn install_stderr(level: LevelFilter) -> bool {
    // A few bytes leaked once per process (the `log` crate keeps a `&'static` logger).
    let logger: &'static Stderr = Box::leak(Box::new(Stderr { level }));
    if log::set_logger(logger).is_err() {
        return false;
    }
    log::set_max_level(level);
    true
}

/// `iqtech DEBUG iqtech::call: …` lines on stderr, for the SDK's own targets only.
struct Stderr {
    level: LevelFilter,
}

impl Log for Stderr {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= self.level
            && (metadata.target() == "iqtech" || metadata.target().starts_with("iqtech::"))
    }

    fn log(&self, record: &Record<'_>) {
        if self.enabled(record.metadata()) {
            let _ = writeln!(
                std::io::stderr().lock(),
                "iqtech {} {}: {}",
                record.level(),
                record.target(),
                record.args()
            );
        }
    }

    fn flush(&self) {}
}
