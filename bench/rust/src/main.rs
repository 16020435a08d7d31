//! `iqbench`: the benchmark of issue 11 (see ../README.md).
//!
//! - `iqbench serve [--port P] [--latency-ms L] [--transactions N] [--employees N]`: the static
//!   loopback server (prints `http://127.0.0.1:P/` on stdout, then serves until killed);
//! - `iqbench rust --url U --slow-url U2`: the Rust core against its baselines, in one run;
//! - `iqbench walk --slow-url U2`: the paging walk of `rust` alone (for A/B runs of the pager);
//! - `iqbench decode-loop N [core|core-serde|core-slice|baseline]`: decodes the 216 KB page N
//!   times (for perf and callgrind);
//! - `iqbench floor`: the decode floor of the CLI export, in rows/s;
//! - `iqbench hops --url U [--gap-us G]`: what a blocking call's thread hand-offs cost.

mod baseline;
mod hops;
mod pages;
mod rust;
mod server;
mod timing;

use std::time::Duration;

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{name} takes a number, not {v:?}"))
        })
        .unwrap_or(default)
}

fn text_arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") => {
            let threads: usize = arg(&args, "--threads", 1);
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(threads)
                .enable_all()
                .build()
                .expect("runtime");
            let cfg = server::Config {
                page_size: 100,
                transactions: arg(&args, "--transactions", 20_000),
                employees: arg(&args, "--employees", 20_000),
                dispenses: arg(&args, "--dispenses", 3),
                latency: Duration::from_millis(arg(&args, "--latency-ms", 0)),
            };
            let port: u16 = arg(&args, "--port", 0);
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
                    .await
                    .expect("bind");
                let addr = listener.local_addr().expect("address");
                println!("http://{addr}/");
                server::serve(listener, cfg).await;
            });
        }
        Some("rust") => {
            let url = text_arg(&args, "--url").expect("--url U");
            let slow = text_arg(&args, "--slow-url");
            let rounds = arg(&args, "--rounds", 300);
            rust::run(&url, slow.as_deref(), rounds);
        }
        Some("walk") => rust::walk(&text_arg(&args, "--slow-url").expect("--slow-url U")),
        Some("decode-loop") => {
            let n: usize = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(1000);
            let which = args.get(2).map(String::as_str).unwrap_or("core");
            rust::decode_loop(n, which);
        }
        Some("hops") => {
            let url = text_arg(&args, "--url").expect("--url U");
            hops::run(
                &url,
                arg(&args, "--rounds", 300),
                arg(&args, "--gap-us", 500),
            );
        }
        Some("floor") => rust::floor(arg(&args, "--pages", 300)),
        _ => {
            eprintln!("usage: iqbench serve|rust|walk|decode-loop|hops|floor (see src/main.rs)");
            std::process::exit(2);
        }
    }
}
