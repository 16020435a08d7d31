//! `iqtech-sandbox`: runs the sandbox server until Ctrl-C.
//!
//! Its options are [`SandboxSettings`]: `--settings FILE.json` reads them from a file, and a flag
//! per field (kebab-case: `--transactions-start`, `--token-lifetime` in milliseconds, `--fault`
//! for one more rule of `faults`) overrides the file. Without `--port` or a `port` in the file it
//! listens on 8080.

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use iqtech_sandbox::{FaultSpec, Sandbox, SandboxSettings};

/// The port the binary listens on when neither `--port` nor the settings file gives one.
const DEFAULT_PORT: u16 = 8080;

/// A local fake of the iQ Tech Integration API v2.7.0 server. Every option is a field of the
/// sandbox settings (the same in every language); flags override `--settings`.
#[derive(Debug, Parser)]
#[command(name = "iqtech-sandbox", version)]
struct Args {
    /// JSON file of sandbox settings (snake_case members, durations in milliseconds).
    #[arg(long, value_name = "FILE.json")]
    settings: Option<PathBuf>,
    /// Seed of the generated data [default: 42].
    #[arg(long)]
    seed: Option<u64>,
    /// Number of employees [default: 250].
    #[arg(long)]
    employees: Option<u32>,
    /// Number of machines, at least 1 [default: 12].
    #[arg(long)]
    machines: Option<u32>,
    /// Number of transactions (computed on demand; millions are fine) [default: 5000].
    #[arg(long)]
    transactions: Option<u64>,
    /// First day of the transaction history, YYYY-MM-DD [default: 2024-01-01].
    #[arg(long, value_name = "YYYY-MM-DD")]
    transactions_start: Option<String>,
    /// Length of the transaction history in days [default: 366].
    #[arg(long)]
    transactions_days: Option<u32>,
    /// Lifetime of access tokens, in milliseconds [default: 3600000].
    #[arg(long, value_name = "MS")]
    token_lifetime: Option<u64>,
    /// Client id accepted by the token endpoint [default: sandbox-client].
    #[arg(long)]
    client_id: Option<String>,
    /// Client secret accepted by the token endpoint [default: sandbox-secret].
    #[arg(long)]
    client_secret: Option<String>,
    /// Account name the server reports [default: "Sandbox Account :)"].
    #[arg(long)]
    account_name: Option<String>,
    /// Request records the journal keeps [default: 1000].
    #[arg(long)]
    journal_capacity: Option<u32>,
    /// IP address to listen on [default: 127.0.0.1].
    #[arg(long)]
    host: Option<String>,
    /// Port to listen on (0: any free port) [default: 8080].
    #[arg(long)]
    port: Option<u16>,
    /// A fault rule installed at start, as JSON (`{"route": "employees.list", "status": 503,
    /// "times": 2}`); repeatable, added after the file's `faults`.
    #[arg(long = "fault", alias = "faults", value_name = "JSON")]
    faults: Vec<String>,
    /// Serve HTTPS with a certificate from a test CA generated at start.
    #[arg(long)]
    https: bool,
    /// With --https: write the test CA's certificate (PEM) to FILE [default: a file in the
    /// temporary directory, printed at start].
    #[arg(long, value_name = "FILE")]
    ca_out: Option<std::path::PathBuf>,
    /// Which reading of the vendor document to play: `opposite` (every setting flipped) or
    /// `key=value,...` with keys w3_path (legacy|v2), w5_page_param (page|page_number),
    /// e6_method (post|get), t1_meta (result|report), put (replace|merge), missing_bool
    /// (default_false|keep), empty (no_content|null); unnamed keys keep their strict default.
    #[arg(long, value_name = "opposite|KEY=VALUE,...")]
    dialect: Option<String>,
}

impl Args {
    /// The settings: the file's, then every flag given on top.
    fn settings(self) -> Result<SandboxSettings, String> {
        let mut s = match &self.settings {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                SandboxSettings::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?
            }
            None => SandboxSettings::default(),
        };
        // Every flag that is given replaces the file's value.
        macro_rules! set_all {
            ($($f:ident),*) => { $( if self.$f.is_some() { s.$f = self.$f; } )* };
        }
        set_all!(
            seed,
            employees,
            transactions,
            machines,
            transactions_start,
            transactions_days,
            client_id,
            client_secret,
            account_name,
            journal_capacity,
            host,
            port
        );
        if let Some(ms) = self.token_lifetime {
            s.token_lifetime = Some(Duration::from_millis(ms));
        }
        for (i, text) in self.faults.iter().enumerate() {
            let spec: FaultSpec =
                serde_json::from_str(text).map_err(|e| format!("--fault #{}: {e}", i + 1))?;
            s.faults.push(spec);
        }
        if self.https {
            s.https = Some(true);
        }
        if let Some(text) = &self.dialect {
            s.dialect = Some(iqtech_sandbox::Dialect::parse(text).map_err(|e| e.to_string())?);
        }
        s.port = s.port.or(Some(DEFAULT_PORT));
        Ok(s)
    }
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let ca_out = args.ca_out.clone();
    let settings = match args.settings() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("iqtech-sandbox: {e}");
            std::process::exit(2);
        }
    };
    let sandbox = match Sandbox::start_with(settings).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("iqtech-sandbox: {e}");
            std::process::exit(1);
        }
    };
    println!("iQ Tech sandbox listening on {}", sandbox.addr());
    if let Some(pem) = sandbox.ca_pem() {
        let path = ca_out.unwrap_or_else(|| {
            std::env::temp_dir().join(format!("iqtech-sandbox-ca-{}.pem", sandbox.addr().port()))
        });
        if let Err(e) = std::fs::write(&path, pem) {
            eprintln!(
                "iqtech-sandbox: cannot write the test CA to {}: {e}",
                path.display()
            );
            std::process::exit(1);
        }
        println!(
            "test CA:       {}  (trust it: ca_bundle / IQTECH_CA_BUNDLE)",
            path.display()
        );
    }
    println!(
        "auth URL:      {}  (token: POST {}/connect/token)",
        sandbox.auth_url(),
        sandbox.auth_url()
    );
    println!("API URL:       {}", sandbox.api_url());
    println!("client id:     {}", sandbox.client_id());
    println!("client secret: {}", sandbox.client_secret());
    println!("admin:         {}/_sandbox/info", sandbox.api_url());
    if !sandbox.faults().is_empty() {
        println!("fault rules:   {}", sandbox.faults().len());
    }
    let _ = tokio::signal::ctrl_c().await;
    println!("shutting down");
    sandbox.shutdown().await;
}
