//! `iqtech-sandbox`: runs the sandbox server until Ctrl-C.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use clap::Parser;
use iqtech_sandbox::{Sandbox, SandboxConfig, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET};

/// A local fake of the iQ Tech Integration API v2.7.0 server.
#[derive(Debug, Parser)]
#[command(name = "iqtech-sandbox", version)]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Seed of the generated data.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Number of employees.
    #[arg(long, default_value_t = 250)]
    employees: usize,
    /// Number of machines.
    #[arg(long, default_value_t = 12)]
    machines: usize,
    /// Number of transactions (computed on demand; millions are fine).
    #[arg(long, default_value_t = 5_000)]
    transactions: u64,
    /// Lifetime of access tokens, in seconds.
    #[arg(long, default_value_t = 3600)]
    token_lifetime_secs: u64,
    /// Client id accepted by the token endpoint.
    #[arg(long, default_value = DEFAULT_CLIENT_ID)]
    client_id: String,
    /// Client secret accepted by the token endpoint.
    #[arg(long, default_value = DEFAULT_CLIENT_SECRET)]
    client_secret: String,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let config = SandboxConfig::default()
        .bind(SocketAddr::new(args.host, args.port))
        .seed(args.seed)
        .employees(args.employees)
        .machines(args.machines)
        .transactions(args.transactions)
        .token_lifetime(Duration::from_secs(args.token_lifetime_secs))
        .credentials(args.client_id, args.client_secret);
    let sandbox = match Sandbox::start(config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("iqtech-sandbox: {e}");
            std::process::exit(1);
        }
    };
    println!("iQ Tech sandbox listening on {}", sandbox.addr());
    println!(
        "auth URL:      {}  (token: POST {}/connect/token)",
        sandbox.auth_url(),
        sandbox.auth_url()
    );
    println!("API URL:       {}", sandbox.api_url());
    println!("client id:     {}", sandbox.client_id());
    println!("client secret: {}", sandbox.client_secret());
    println!("admin:         {}/_sandbox/info", sandbox.api_url());
    let _ = tokio::signal::ctrl_c().await;
    println!("shutting down");
    sandbox.shutdown().await;
}
