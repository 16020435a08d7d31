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
