//! `iqtech`: the command-line client of the iQ Tech Integration API.
//!
//! Modules, one job each: [`args`] (the command line), [`config`] (credentials from flags,
//! environment, config file), [`session`] (the client, or the embedded sandbox), [`commands`]
//! (one module per command group), [`reports`] (how reports are shown), [`output`] (table,
//! JSON, NDJSON and CSV writers, streaming), [`progress`] (the progress bar), [`input`]
//! (request input from flags and files), [`exit`] (exit codes and error lines).

mod args;
mod commands;
mod config;
mod exit;
mod input;
mod output;
mod progress;
mod reports;
mod session;

use std::process::ExitCode;

/// The export decodes pages on the runtime's worker threads and frees them on another thread;
/// glibc's malloc makes those cross-thread frees contend on its arena locks (`perf`: ~40 % of an
/// export in malloc, free and futex waits). mimalloc frees them cheaply: +40 % rows/s.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_arena_eager_commit` in mimalloc.h (the crate names no constant for it; a test
/// checks the number against the linked mimalloc's own header).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// Makes mimalloc commit its arenas' memory as it is used, not up front: an export's peak RSS
/// was 52–66 MB with eager commit, ~30 MB without, at the same speed. mimalloc decides this
/// when it reserves its first arena, at the first allocation, which comes before `main`; so
/// this runs as a constructor, before anything allocates. Setting options is not thread-safe:
/// there is only one thread yet.
#[ctor::ctor(unsafe)]
fn tune_allocator() {
    // SAFETY: one thread, before any allocation; the option exists in the linked mimalloc
    // (see the test).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) }
}

use clap::Parser;

use crate::args::Cli;
use crate::commands::Ctx;
use crate::exit::CliError;
use crate::session::Session;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbose = cli.global.verbose;
    // -v: one info line per call on stderr; -vv: a debug line per attempt too (the SDK's own
    // lines, never a secret). Without -v, IQTECH_LOG=info|debug does the same.
    match verbose {
        0 => iqtech::call::logging::init_from_env(),
        1 => {
            iqtech::call::logging::install_stderr(iqtech::call::logging::LevelFilter::Info);
        }
        _ => {
            iqtech::call::logging::install_stderr(iqtech::call::logging::LevelFilter::Debug);
        }
    }
    let report_memory = cli.global.report_memory;
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return CliError::Io(format!("cannot start the runtime: {e}")).exit(verbose),
    };
    let result = runtime.block_on(run(cli));
    if report_memory {
        eprintln!("peak memory (VmHWM): {}", peak_memory());
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => e.exit(verbose),
    }
}

async fn run(cli: Cli) -> Result<(), CliError> {
    let session = Session::connect(&cli.global).await?;
    let ctx = Ctx {
        client: session.client.clone(),
        global: &cli.global,
    };
    let result = commands::run(&ctx, cli.command).await;
    session.close().await;
    result
}

/// The process's peak resident memory, from /proc/self/status (Linux).
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position of `name` in mimalloc.h's `mi_option_e` enum (its entries are listed one per
    /// line, without explicit values, up to `_mi_option_last`).
    fn option_number(header: &str, name: &str) -> Option<i32> {
        let start = header.find("typedef enum mi_option_e")?;
        let body = &header[start..];
        let body = &body[body.find('{')? + 1..body.find("_mi_option_last")?];
        body.lines()
            .map(str::trim)
            .filter(|l| l.starts_with("mi_option_"))
            .map(|l| {
                l.split(|c: char| c == ',' || c.is_whitespace())
                    .next()
                    .unwrap_or("")
            })
            .position(|entry| entry == name)
            .and_then(|i| i32::try_from(i).ok())
    }

    #[test]
    fn the_tuned_option_number_is_arena_eager_commit_in_the_linked_header() {
        let dir = env!("IQTECH_MIMALLOC_INCLUDE_DIR");
        let header = std::fs::read_to_string(std::path::Path::new(dir).join("mimalloc.h"))
            .expect("mimalloc.h");
        assert_eq!(
            option_number(&header, "mi_option_arena_eager_commit"),
            Some(MI_OPTION_ARENA_EAGER_COMMIT)
        );
    }

    #[test]
    fn the_tuned_option_is_set_before_main() {
        // The constructor also runs before the test harness, so the option reads 0 (its
        // default is 2). This checks that the constructor ran; the test above, that the
        // number is the right option.
        // SAFETY: reading an option is thread-safe.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_ARENA_EAGER_COMMIT) },
            0
        );
    }
}
