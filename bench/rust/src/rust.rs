//! The Rust part: the core's calls against what a user would write with the same HTTP client
//! (reqwest, rustls with ring, keep-alive) and `serde_json` typed decoding, timed in one run.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use iqtech::{Client, TransactionQuery};
use serde::Deserialize;

use crate::baseline;
use crate::pages;
use crate::timing::{fmt, interleaved, Series};

/// The core's T1 answer shape, as `response::envelope_required` decodes it.
#[derive(Deserialize)]
struct CoreEnvelope {
    result: Option<CoreReport>,
    #[serde(rename = "isSuccess")]
    is_success: Option<bool>,
}

#[derive(Deserialize)]
struct CoreReport {
    #[serde(rename = "transactionReport")]
    transaction_report: iqtech::TransactionPage,
}

/// The 216 KB page (100 transactions × 3 dispenses), as served for page 1.
pub fn transaction_page() -> Vec<u8> {
    pages::transactions(100, 3).body(&pages::meta(1, 100, 20_000))
}

/// The core's client of the benchmark: one attempt, a long timeout.
pub fn core_client(url: &str) -> Client {
    Client::builder()
        .client_id("bench")
        .client_secret("bench-secret")
        .auth_url(url)
        .api_url(url)
        .max_attempts(1)
        .request_timeout(Duration::from_secs(60))
        .build()
        .expect("core client")
}

/// The same HTTP client set-up as the core's transport (rustls + ring, ALPN h2/http1.1,
/// keep-alive pool).
fn plain_http() -> reqwest::Client {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("tls")
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .pool_idle_timeout(Duration::from_secs(60))
        .timeout(Duration::from_secs(60))
        .build()
        .expect("http client")
}

async fn fetch(http: &reqwest::Client, url: &str, path: &str, page: u32) -> bytes_of::Bytes {
    let resp = http
        .get(format!("{url}{path}"))
        .query(&[("page", page), ("pageSize", 100)])
        .bearer_auth("bench-token")
        .send()
        .await
        .expect("answer");
    assert!(resp.status().is_success());
    resp.bytes().await.expect("body")
}

mod bytes_of {
    pub type Bytes = axum::body::Bytes;
}

fn base_tx(body: &[u8]) -> baseline::TransactionPage {
    let env: baseline::Envelope<baseline::Report> = serde_json::from_slice(body).expect("decodes");
    assert_eq!(env.is_success, Some(true));
    env.result.expect("result").transaction_report
}

/// As `response::envelope` decodes: the core's own body decoder (its fast reader, with
/// serde_json behind it).
fn core_tx(body: &[u8]) -> iqtech::TransactionPage {
    let env: CoreEnvelope = iqtech::models::json::decode_body(body).expect("decodes");
    assert_eq!(env.is_success, Some(true));
    env.result.expect("result").transaction_report
}

/// The core's decode before its fast reader: the body checked as UTF-8 once, then
/// `serde_json::from_str` (what the reader falls back to).
fn core_serde_tx(body: &[u8]) -> iqtech::TransactionPage {
    let text = std::str::from_utf8(body).expect("UTF-8");
    let env: CoreEnvelope = serde_json::from_str(text).expect("decodes");
    assert_eq!(env.is_success, Some(true));
    env.result.expect("result").transaction_report
}

/// Reads every money field of every dispense (what the Python and Node baselines do too).
fn read_core(p: &iqtech::TransactionPage) -> usize {
    let mut n = 0;
    for t in &p.items {
        for d in &t.transaction_details {
            n += black_box(&d.total).is_some() as usize
                + black_box(&d.price_per_item).is_some() as usize
                + black_box(&d.package_price).is_some() as usize;
        }
    }
    n
}

fn read_base(p: &baseline::TransactionPage) -> usize {
    let mut n = 0;
    for t in &p.items {
        for d in t.transaction_details.iter().flatten() {
            n += black_box(&d.total).is_some() as usize
                + black_box(&d.price_per_item).is_some() as usize
                + black_box(&d.package_price).is_some() as usize;
        }
    }
    n
}

fn line(s: &Series) -> String {
    let (q1, q3) = s.quartiles();
    format!(
        "  {:<48} median {:>9}  (q1 {}, q3 {})",
        s.name,
        fmt(s.median()),
        fmt(q1),
        fmt(q3)
    )
}

fn ratio(label: &str, a: &Series, b: &Series) {
    println!(
        "  ratio {label}: {:.2}×",
        a.median().as_secs_f64() / b.median().as_secs_f64()
    );
}

/// Runs the Rust suite against the server at `url` (and the walk against `slow`, a server
/// with 20 ms latency and 200 pages).
pub fn run(url: &str, slow: Option<&str>, rounds: usize) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let client = core_client(url);
    let http = plain_http();
    // Warm both: token cached, connections open.
    rt.block_on(async {
        client.employees().list(1, 100).await.expect("employees");
        client
            .transactions()
            .list(TransactionQuery::default())
            .await
            .expect("transactions");
        fetch(&http, url, "api/Transaction", 1).await;
    });

    let body = rt.block_on(fetch(&http, url, "api/Transaction", 1));
    let kb = body.len() as f64 / 1024.0;
    println!("# Rust, one call (median of {rounds} interleaved rounds)");
    println!("T1 page: {} bytes ({kb:.0} KB)", body.len());

    // Decode only, no HTTP.
    let names = [
        "decode: core models (TransactionPage)",
        "decode: serde_json typed, plain structs",
        "scan: serde_json IgnoredAny",
        "decode: core models through serde_json alone",
    ];
    let series = interleaved(&names, rounds * 3, 20, |k| match k {
        0 => {
            black_box(read_core(&core_tx(black_box(&body))));
        }
        1 => {
            black_box(read_base(&base_tx(black_box(&body))));
        }
        3 => {
            black_box(read_core(&core_serde_tx(black_box(&body))));
        }
        _ => {
            black_box(serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&body)).unwrap());
        }
    });
    for s in &series {
        let mbs = body.len() as f64 / s.median().as_secs_f64() / 1e6;
        println!("{}  {mbs:.0} MB/s", line(s));
    }
    ratio("core decode / plain typed decode", &series[0], &series[1]);
    ratio(
        "core decode / core through serde_json alone",
        &series[0],
        &series[3],
    );

    // One T1 call.
    let names = [
        "core transactions().list (216 KB)",
        "reqwest + serde_json typed (216 KB)",
        "reqwest transfer only (216 KB)",
    ];
    let series = interleaved(&names, rounds, 20, |k| {
        rt.block_on(async {
            match k {
                0 => {
                    let p = client
                        .transactions()
                        .list(TransactionQuery::default())
                        .await
                        .unwrap();
                    black_box(read_core(&p));
                }
                1 => {
                    let b = fetch(&http, url, "api/Transaction", 1).await;
                    black_box(read_base(&base_tx(&b)));
                }
                _ => {
                    black_box(fetch(&http, url, "api/Transaction", 1).await);
                }
            }
        })
    });
    for s in &series {
        println!("{}", line(s));
    }
    ratio(
        "core list / (transfer + typed decode)",
        &series[0],
        &series[1],
    );

    // One E1 call.
    let names = [
        "core employees().list (16 KB)",
        "reqwest + serde_json typed (16 KB)",
    ];
    let series = interleaved(&names, rounds, 20, |k| {
        rt.block_on(async {
            if k == 0 {
                let p = client.employees().list(1, 100).await.unwrap();
                black_box(p.items.len());
            } else {
                let b = fetch(&http, url, "api/Employee", 1).await;
                let env: baseline::Envelope<baseline::EmployeePage> =
                    serde_json::from_slice(&b).unwrap();
                black_box(env.result.unwrap().items.len());
            }
        })
    });
    for s in &series {
        println!("{}", line(s));
    }
    ratio(
        "core list / (transfer + typed decode)",
        &series[0],
        &series[1],
    );

    if let Some(slow) = slow {
        walk(slow);
    }
}

/// 200 pages at 20 ms latency, 8 in flight: floor ceil(200/8)·20 ms = 500 ms.
/// The paging walk alone (`iqbench walk --slow-url U`), as in [`run`]: for A/B runs of the pager.
pub fn walk(url: &str) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let client = Client::builder()
        .client_id("bench")
        .client_secret("bench-secret")
        .auth_url(url)
        .api_url(url)
        .page_concurrency(8)
        .max_attempts(1)
        .build()
        .expect("client");
    let http = plain_http();
    let core = || async {
        let mut pages = client
            .transactions()
            .iter_pages(TransactionQuery::default(), Some(8))
            .unwrap();
        let mut n = 0;
        while let Some(p) = pages.next().await {
            n += read_core(&p.unwrap());
        }
        n
    };
    let base = || async {
        let first = base_tx(&fetch(&http, url, "api/Transaction", 1).await);
        let count = first.meta_data.as_ref().and_then(|m| m.page_count).unwrap() as u32;
        let mut n = read_base(&first);
        let mut rest = futures::stream::iter(2..=count)
            .map(|p| {
                let http = &http;
                async move { base_tx(&fetch(http, url, "api/Transaction", p).await) }
            })
            .buffered(8);
        while let Some(p) = rest.next().await {
            n += read_base(&p);
        }
        n
    };
    rt.block_on(async {
        assert_eq!(core().await, base().await);
    });
    let names = [
        "core iter_pages, 200 pages, 8 in flight",
        "reqwest + serde_json, buffered(8)",
    ];
    let series = interleaved(&names, 7, 1, |k| {
        rt.block_on(async {
            if k == 0 {
                black_box(core().await);
            } else {
                black_box(base().await);
            }
        })
    });
    println!("# Rust, paging walk: 200 pages at 20 ms latency, concurrency 8 (floor 500 ms)");
    for s in &series {
        println!(
            "{}  {:.2}× the floor",
            line(s),
            s.median().as_secs_f64() / 0.5
        );
    }
}

/// Decodes the T1 page `n` times, for a profiler.
pub fn decode_loop(n: usize, which: &str) {
    let body = transaction_page();
    let t = Instant::now();
    let mut total = 0;
    for _ in 0..n {
        total += match which {
            "baseline" => read_base(&base_tx(black_box(&body))),
            "core-serde" => read_core(&core_serde_tx(black_box(&body))),
            "core-slice" => {
                let env: CoreEnvelope = serde_json::from_slice(black_box(&body)).unwrap();
                read_core(&env.result.unwrap().transaction_report)
            }
            _ => read_core(&core_tx(black_box(&body))),
        };
    }
    let dt = t.elapsed();
    println!(
        "{which}: {n} × {} bytes in {:.3} s: {:.0} MB/s ({total} fields)",
        body.len(),
        dt.as_secs_f64(),
        (n * body.len()) as f64 / dt.as_secs_f64() / 1e6
    );
}

/// The decode floor of the CLI export: dispense rows per second the core's decoder alone
/// reaches on the T1 page, one thread (the median of `pages` decodes).
///
/// A second line gives the same decoder's rate over `pages` decodes back to back, by the
/// wall clock: on a loaded machine the median hides the time the thread waits for a core,
/// while an export's rows/s (wall clock too) pays it, so that line is the fair floor then.
pub fn floor(pages: usize) {
    let body = transaction_page();
    let s = interleaved(&["core decode of one T1 page"], pages, 20, |_| {
        black_box(core_tx(black_box(&body)));
    });
    let per_page = s[0].median().as_secs_f64();
    println!(
        "decode floor: {} per 300-row page = {:.0} rows/s ({:.0} MB/s)",
        fmt(s[0].median()),
        300.0 / per_page,
        body.len() as f64 / per_page / 1e6
    );
    let t = Instant::now();
    for _ in 0..pages {
        black_box(core_tx(black_box(&body)));
    }
    let per_page = t.elapsed().as_secs_f64() / pages as f64;
    println!(
        "decode floor, {pages} pages back to back (wall clock): {:.0} rows/s",
        300.0 / per_page
    );
}
