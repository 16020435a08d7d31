//! Auto-paging 200 pages from a loopback server that adds 20 ms to every request: sequential
//! versus 8 pages in flight.
//!
//! The floor for sequential is 200 × 20 ms = 4000 ms; with concurrency 8 it is
//! ceil(200 / 8) × 20 ms = 500 ms. The figures measured are printed beside those floors, with the
//! speed-up measured in the same run. Each sequential walk takes over 4 s, so the groups use flat
//! sampling with 10 samples of one walk each (about a minute in all).
//!
//! Run: `cargo bench -p iqtech --bench paging`.

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use futures::StreamExt;
use iqtech::{Client, RetryPolicy};
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const PAGES: u32 = 200;
const PER_PAGE: u32 = 5;
const DELAY: Duration = Duration::from_millis(20);

/// Serves page `page` of [`PAGES`], each after [`DELAY`].
struct Pages;

impl Respond for Pages {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let n: u32 = req
            .url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        let items: Vec<_> = (0..PER_PAGE)
            .map(|i| json!({"employeeNumber": format!("{n}-{i}"), "language": "English", "active": true}))
            .collect();
        ResponseTemplate::new(200)
            .set_body_json(json!({
                "result": {"items": items, "metaData": {
                    "pageNumber": n, "pageCount": PAGES, "hasNextPage": n < PAGES,
                    "pageSize": PER_PAGE, "totalItemCount": PAGES * PER_PAGE
                }},
                "isSuccess": true
            }))
            .set_delay(DELAY)
    }
}

async fn walk(client: &Client, concurrency: u32) -> Duration {
    let started = Instant::now();
    let mut items = client
        .employees()
        .iter(Some(PER_PAGE), Some(concurrency))
        .unwrap();
    let mut count = 0;
    while let Some(item) = items.next().await {
        item.unwrap();
        count += 1;
    }
    assert_eq!(count, PAGES * PER_PAGE, "every item of every page");
    started.elapsed()
}

fn paging(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (client, _auth, _api) = rt.block_on(async {
        let auth = MockServer::start().await;
        let api = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/connect/token"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"access_token": "bench", "expires_in": 3600})),
            )
            .mount(&auth)
            .await;
        Mock::given(method("GET"))
            .and(path("/api/Employee"))
            .respond_with(Pages)
            .mount(&api)
            .await;
        let client = Client::builder()
            .client_id("bench")
            .client_secret("bench-secret")
            .auth_url(auth.uri())
            .api_url(api.uri())
            .retry_policy(RetryPolicy {
                max_attempts: 1,
                ..RetryPolicy::default()
            })
            .build()
            .unwrap();
        // Warm the token cache and the connection pool (8 connections).
        walk(&client, 8).await;
        (client, auth, api)
    });

    let mut group = c.benchmark_group("auto_paging_200_pages_20ms_each");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(1))
        .measurement_time(Duration::from_secs(1));
    let mut report = Vec::new();
    for (name, concurrency, floor_ms) in [
        ("sequential", 1u32, u64::from(PAGES) * 20),
        ("concurrency_8", 8, u64::from(PAGES.div_ceil(8)) * 20),
    ] {
        let walks: Arc<Mutex<Vec<Duration>>> = Arc::default();
        let seen = walks.clone();
        let client = client.clone();
        group.bench_function(name, |b| {
            let (client, seen) = (client.clone(), seen.clone());
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let took = rt.block_on(walk(&client, concurrency));
                    seen.lock().unwrap().push(took);
                    total += took;
                }
                total
            })
        });
        let mut all = walks.lock().unwrap().clone();
        all.sort();
        report.push((name, floor_ms, all[all.len() / 2], all.len()));
    }
    group.finish();

    println!(
        "\nauto-paging {PAGES} pages, {} ms added per request:",
        DELAY.as_millis()
    );
    for (name, floor_ms, median, n) in &report {
        println!(
            "  {name:>14}: median {:>7.1} ms over {n} walks (floor {floor_ms} ms, {:.2}x the floor)",
            median.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e3 / *floor_ms as f64
        );
    }
    if let [(_, _, seq, _), (_, _, conc, _)] = report[..] {
        println!(
            "  speed-up of concurrency 8 over sequential: {:.2}x (ideal {:.2}x)",
            seq.as_secs_f64() / conc.as_secs_f64(),
            8.0 * f64::from(PAGES) / f64::from(PAGES.div_ceil(8) * 8)
        );
    }
}

criterion_group!(benches, paging);
criterion_main!(benches);
