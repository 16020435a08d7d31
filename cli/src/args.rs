//! The command line: global options and one subcommand per API operation (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use iqtech::NaiveDate;

/// Exit codes, shown at the end of `--help`.
const AFTER_HELP: &str = "\
Credentials (first found wins): --client-id/--client-secret flags, then the IQTECH_CLIENT_ID /
IQTECH_CLIENT_SECRET / IQTECH_AUTH_URL / IQTECH_API_URL environment variables, then the config
file (--config FILE, $IQTECH_CONFIG, else $XDG_CONFIG_HOME/iqtech/config.toml or
~/.config/iqtech/config.toml) with keys client_id, client_secret, auth_url, api_url.
--sandbox ignores all of them and uses the embedded sandbox's.

Output: a table when stdout is a terminal, otherwise JSON; choose with --format
table|json|ndjson|csv. Lists of many items stream page by page.

Exit codes:
  0  success
  1  local failure (cannot write the output, the sandbox could not start)
  2  usage error (bad flags or arguments)
  3  API error: the server answered with an error (including \"not found\"), or an answer
     that could not be read
  4  network error: connection failed, timed out, or outcome unknown (a non-repeatable
     request was sent and its answer lost: check before trying again)
  5  configuration or validation error: missing credentials, bad URL, invalid input
     (nothing was sent)";

/// Command-line client of the iQ Tech Integration API v2.7.0.
#[derive(Debug, Parser)]
#[command(name = "iqtech", version, about, after_long_help = AFTER_HELP, after_help = AFTER_HELP)]
pub struct Cli {
    /// Options for every command.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns (buffered; for people at a terminal).
    Table,
    /// JSON: an array for lists (one item per line, streamed), an object for single results.
    Json,
    /// One JSON object per line (streamed).
    Ndjson,
    /// CSV with a header row (streamed); nested lists are JSON text, money exact decimals.
    Csv,
}

/// Options accepted before the subcommand.
#[derive(Debug, Args)]
pub struct Global {
    /// OAuth client id.
    #[arg(long, global = true, env = "IQTECH_CLIENT_ID", hide_env_values = true)]
    pub client_id: Option<String>,
    /// OAuth client secret (prefer the environment variable or the config file: flags show in
    /// process lists).
    #[arg(
        long,
        global = true,
        env = "IQTECH_CLIENT_SECRET",
        hide_env_values = true
    )]
    pub client_secret: Option<String>,
    /// Token host [default: <https://account.iqtechportal.com/>].
    #[arg(long, global = true, env = "IQTECH_AUTH_URL", hide_env_values = true)]
    pub auth_url: Option<String>,
    /// API host [default: <https://integration.iqtechportal.com/>].
    #[arg(long, global = true, env = "IQTECH_API_URL", hide_env_values = true)]
    pub api_url: Option<String>,
    /// Config file (TOML: client_id, client_secret, auth_url, api_url).
    #[arg(long, global = true, env = "IQTECH_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Start the embedded sandbox (a local fake server) and use it instead of the real API.
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// Sandbox: seed of its generated data.
    #[arg(long, global = true, value_name = "N", default_value_t = 42)]
    pub sandbox_seed: u64,
    /// Sandbox: number of transactions it reports.
    #[arg(long, global = true, value_name = "N", default_value_t = 5_000)]
    pub sandbox_transactions: u64,
    /// Sandbox: number of employees.
    #[arg(long, global = true, value_name = "N", default_value_t = 250)]
    pub sandbox_employees: usize,
    /// Sandbox: number of machines.
    #[arg(long, global = true, value_name = "N", default_value_t = 12)]
    pub sandbox_machines: usize,
    /// Sandbox: latency added to every transaction-report page (benchmarks).
    #[arg(long, global = true, value_name = "MS", hide = true)]
    pub sandbox_latency_ms: Option<u64>,

    /// Output format [default: table on a terminal, else json; csv for `transactions export`].
    #[arg(short, long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Write the output to FILE instead of stdout.
    #[arg(short, long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Pages fetched at once when walking every page (1–32).
    #[arg(long, global = true, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,
    /// Seconds allowed per request.
    #[arg(long, global = true, value_name = "SECS", default_value_t = 30)]
    pub timeout: u64,
    /// Extra CA certificates to trust: a PEM file (for a network whose proxy inspects TLS).
    /// Adds to the system roots and to $IQTECH_CA_BUNDLE / $SSL_CERT_FILE.
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_bundle: Option<String>,
    /// Proxy for every request, http://[user:password@]host:port; overrides $HTTPS_PROXY,
    /// $HTTP_PROXY and $ALL_PROXY. Its credentials are never printed.
    #[arg(long, global = true, value_name = "URL")]
    pub proxy: Option<String>,
    /// Hosts reached without the proxy, comma separated (* = every host); overrides $NO_PROXY.
    #[arg(long, global = true, value_name = "HOSTS")]
    pub no_proxy: Option<String>,
    /// Never show a progress bar (it is hidden anyway when stderr is not a terminal).
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// More detail: -v logs one line per call and details errors (status, error id, trace id,
    /// field errors); -vv also logs every attempt and shows error bodies.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Print peak memory (VmHWM) on stderr at exit (benchmarks).
    #[arg(long, global = true, hide = true)]
    pub report_memory: bool,
}

/// The command groups.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Employees: list, get, lookup, create, update, set-status, set-pin.
    #[command(subcommand)]
    Employees(EmployeesCmd),
    /// Will-call lockers: reserve, status, selections, new-code, report, recall.
    WillCall(WillCallArgs),
    /// Machines and planograms: list, get, low-stock.
    #[command(subcommand)]
    Machines(MachinesCmd),
    /// The transaction report: list (one page), export (every page).
    #[command(subcommand)]
    Transactions(TransactionsCmd),
}

/// Paging of list commands.
#[derive(Debug, Args)]
pub struct Paging {
    /// Fetch only this page (1-based) instead of walking every page.
    #[arg(long, value_name = "N")]
    pub page: Option<u32>,
    /// Items per page (1–100).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub page_size: u32,
}

/// `employees …`
#[derive(Debug, Subcommand)]
pub enum EmployeesCmd {
    /// Every employee (page by page), or one page with --page.
    List(Paging),
    /// One employee by employee number (exit code 3 when there is none).
    Get {
        /// The employee number.
        number: String,
    },
    /// Employees matching every given criterion (no match: an empty list, exit 0).
    Lookup(LookupArgs),
    /// Create an employee.
    Create(EmployeeFields),
    /// Replace an employee's record (department, first and last name are required).
    Update {
        /// The employee number to update.
        number: String,
        /// The new values.
        #[command(flatten)]
        fields: EmployeeFields,
    },
    /// Activate or deactivate an employee.
    SetStatus {
        /// The employee number.
        number: String,
        /// true to activate, false to deactivate.
        #[arg(long, action = clap::ArgAction::Set, value_name = "BOOL")]
        active: bool,
    },
    /// Set an employee's PIN (4–10 digits). Prefer --pin-stdin: flags show in process lists.
    SetPin {
        /// The employee number.
        number: String,
        /// The new PIN.
        #[arg(long, value_name = "PIN", required_unless_present = "pin_stdin")]
        pin: Option<String>,
        /// The current PIN, when one is set.
        #[arg(long, value_name = "PIN")]
        old_pin: Option<String>,
        /// Read the new PIN from the first line of stdin, and the old PIN from the second.
        #[arg(long, conflicts_with_all = ["pin", "old_pin"])]
        pin_stdin: bool,
    },
}

/// Criteria of `employees lookup`.
#[derive(Debug, Args)]
pub struct LookupArgs {
    /// First name.
    #[arg(long)]
    pub first_name: Option<String>,
    /// Last name.
    #[arg(long)]
    pub last_name: Option<String>,
    /// Employee number.
    #[arg(long)]
    pub number: Option<String>,
    /// Badge number.
    #[arg(long)]
    pub badge: Option<String>,
    /// Department.
    #[arg(long)]
    pub department: Option<String>,
    /// Active flag.
    #[arg(long, value_name = "BOOL")]
    pub active: Option<bool>,
}

/// The fields of `employees create` / `update`.
#[derive(Debug, Args)]
pub struct EmployeeFields {
    /// Read the whole record from a JSON file (`-`: stdin), snake_case keys, e.g.
    /// {"department":"D","first_name":"A","last_name":"B","employee_number":"1"}.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["new_number", "first_name", "last_name", "department"])]
    pub json: Option<PathBuf>,
    /// Employee number (for update: the new number; default: unchanged).
    #[arg(long = "number", value_name = "NUMBER")]
    pub new_number: Option<String>,
    /// First name.
    #[arg(long)]
    pub first_name: Option<String>,
    /// Last name.
    #[arg(long)]
    pub last_name: Option<String>,
    /// Department.
    #[arg(long)]
    pub department: Option<String>,
    /// E-mail.
    #[arg(long)]
    pub email: Option<String>,
    /// Badge number.
    #[arg(long)]
    pub badge: Option<String>,
    /// Language: English, Spanish, French or a code.
    #[arg(long)]
    pub language: Option<String>,
    /// Whether the employee may use machines.
    #[arg(long, value_name = "BOOL")]
    pub active: Option<bool>,
    /// VT administrator.
    #[arg(long, value_name = "BOOL")]
    pub vt_admin: Option<bool>,
    /// Manager's e-mail.
    #[arg(long)]
    pub manager_email: Option<String>,
}

/// `will-call [--legacy] …`
#[derive(Debug, Args)]
pub struct WillCallArgs {
    /// Use the legacy v1 routes (/api/WillCall) instead of /api/2.0/WillCall.
    #[arg(long, global = true)]
    pub legacy: bool,
    /// The operation.
    #[command(subcommand)]
    pub command: WillCallCmd,
}

/// `will-call …` operations.
#[derive(Debug, Subcommand)]
pub enum WillCallCmd {
    /// Book a locker. On production this sends real SMS / e-mail to the assignees.
    Reserve(ReserveArgs),
    /// Open reservations of a machine and their states.
    Status {
        /// The machine's WTN serial number.
        serial: String,
    },
    /// Lockers of a machine that can be booked now.
    Selections {
        /// The machine's WTN serial number.
        serial: String,
    },
    /// Replace a reservation's codes and send the new ones (real messages on production).
    NewCode {
        /// The reservation id (reserve_locker_id).
        id: String,
    },
    /// The reserved-locker report of a machine (every page, or one with --page).
    Report {
        /// The machine's WTN serial number.
        #[arg(long)]
        serial: String,
        /// First day, YYYY-MM-DD (inclusive).
        #[arg(long)]
        from: NaiveDate,
        /// Last day, YYYY-MM-DD (inclusive).
        #[arg(long)]
        to: NaiveDate,
        /// Paging.
        #[command(flatten)]
        paging: Paging,
    },
    /// Recall (cancel) a reservation.
    Recall {
        /// The reservation id (reserve_locker_id).
        id: String,
        /// Who recalls it: key=value pairs as for `reserve --assignee`.
        #[arg(long, value_name = "SPEC", required_unless_present = "json")]
        assignee: Option<String>,
        /// The assignee as a JSON file (`-`: stdin), snake_case keys.
        #[arg(long, value_name = "FILE", conflicts_with = "assignee")]
        json: Option<PathBuf>,
    },
}

/// The reservation of `will-call reserve`.
#[derive(Debug, Args)]
pub struct ReserveArgs {
    /// The whole reservation as a JSON file (`-`: stdin), snake_case keys (as in the SDK).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["serial", "selection", "reservation_type", "send_code", "location", "created_by", "assignee"])]
    pub json: Option<PathBuf>,
    /// The machine's WTN serial number.
    #[arg(long, required_unless_present = "json")]
    pub serial: Option<String>,
    /// The locker selection (see `will-call selections`).
    #[arg(long, required_unless_present = "json")]
    pub selection: Option<String>,
    /// Release (1 assignee), Pickup or DropOff (2), Exchange (3).
    #[arg(long = "type", value_name = "TYPE", required_unless_present = "json")]
    pub reservation_type: Option<String>,
    /// How codes are sent: SMS, EMAIL, BOTH or NONE.
    #[arg(long, value_name = "HOW", default_value = "NONE")]
    pub send_code: Option<String>,
    /// The machine's location name.
    #[arg(long, required_unless_present = "json")]
    pub location: Option<String>,
    /// Who creates the reservation.
    #[arg(long, default_value = "iqtech-cli")]
    pub created_by: Option<String>,
    /// Product name (the server picks a default when absent).
    #[arg(long)]
    pub product: Option<String>,
    /// An assignee, repeatable: comma-separated key=value with keys type (Employee, User,
    /// Custom), name, phone, dial-code, country-code, email, user-id, role, barcode (bool),
    /// description. Example: type=Custom,name=Ann,phone=5550100,dial-code=+1
    #[arg(long, value_name = "SPEC", required_unless_present = "json")]
    pub assignee: Vec<String>,
}

/// `machines …`
#[derive(Debug, Subcommand)]
pub enum MachinesCmd {
    /// Every machine (page by page), or one page with --page: one row per machine.
    List(Paging),
    /// One machine's planogram: one row per selection.
    Get {
        /// The machine's WTN serial number (control board serial).
        serial: String,
    },
    /// Every selection at or under its critical or low level, across all machines, worst first.
    ///
    /// A selection is critical when critical_level > 0 and current_count <= critical_level,
    /// else low when low_level > 0 and current_count <= low_level. A level of 0 means "not
    /// set" and never triggers. Worst first: critical before low, then the lowest fill ratio
    /// (current_count / level), the largest shortfall (level - current_count), then machine
    /// serial and selection.
    LowStock {
        /// Only critical selections.
        #[arg(long)]
        critical_only: bool,
    },
}

/// Filters of the transaction report.
#[derive(Debug, Args)]
pub struct TransactionFilter {
    /// First day, YYYY-MM-DD (inclusive).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Last day, YYYY-MM-DD (inclusive).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// One machine's WTN serial number.
    #[arg(long)]
    pub serial_no: Option<String>,
}

/// `transactions …`
#[derive(Debug, Subcommand)]
pub enum TransactionsCmd {
    /// One page of the report (flat formats: one row per dispense).
    List {
        /// Filters.
        #[command(flatten)]
        filter: TransactionFilter,
        /// The page (1-based).
        #[arg(long, value_name = "N", default_value_t = 1)]
        page: u32,
        /// Items per page (1–100).
        #[arg(long, value_name = "N", default_value_t = 100)]
        page_size: u32,
    },
    /// The whole report, streamed page by page (default format csv: one row per dispense).
    Export {
        /// Filters.
        #[command(flatten)]
        filter: TransactionFilter,
        /// Items per page (1–100).
        #[arg(long, value_name = "N", default_value_t = 100)]
        page_size: u32,
    },
}
