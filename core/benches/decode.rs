//! Decoding a 100-item transaction page.
//!
//! The page is built once from the vendor document's own transaction item (T1,
//! `tests/fixtures/t1_transactions.json`) repeated 100 times. Two measurements:
//! - `serde_decode`: the bytes decoded straight into [`iqtech::TransactionPage`] inside the
//!   answer's envelope, as the client's decoder does (one pass, no intermediate `Value`);
//! - `client_list`: a full `client.transactions().list()` against a loopback server returning that
//!   page (request, HTTP, envelope check, decode), with the token already cached.
//!
//! Run: `cargo bench -p iqtech --bench decode`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use iqtech::{Client, RetryPolicy, TransactionPage, TransactionQuery};
use serde::Deserialize;
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The T1 answer: `{result: {transactionReport: page}, isSuccess, ...}`.
#[derive(Deserialize)]
struct Envelope {
    result: Option<ReportResult>,
    #[serde(rename = "isSuccess")]
    is_success: Option<bool>,
}

#[derive(Deserialize)]
struct ReportResult {
    #[serde(rename = "transactionReport")]
    transaction_report: TransactionPage,
}

/// The document's T1 example with its one item repeated 100 times.
fn hundred_item_page() -> Vec<u8> {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/t1_transactions.json"
    );
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(file).expect("fixture"))
        .expect("fixture is JSON");
    let report = &mut doc["result"]["transactionReport"];
    let item = report["items"][0].clone();
    report["items"] = Value::Array(vec![item; 100]);
    report["metaData"]["pageSize"] = json!(100);
    report["metaData"]["thisPageItemCount"] = json!(100);
    serde_json::to_vec(&doc).expect("serializes")
}

fn decode(c: &mut Criterion) {
    let body = hundred_item_page();
    // Sanity: the page decodes to 100 items with the document's values.
    let check: Envelope = serde_json::from_slice(&body).unwrap();
    assert_eq!(check.is_success, Some(true));
    let page = check.result.unwrap().transaction_report;
    assert_eq!(page.items.len(), 100);
    assert_eq!(
        page.items[99].transaction_details[0].total,
        Some(iqtech::Decimal::ZERO)
    );

    let mut group = c.benchmark_group("transactions_page_100_items");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("serde_decode", |b| {
        b.iter(|| {
            let env: Envelope = serde_json::from_slice(black_box(&body)).unwrap();
            black_box(env.result.unwrap().transaction_report.items.len())
        })
    });

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
            .and(path("/api/Transaction"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), "application/json"))
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
            .request_timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        // Warm the token cache and the connection pool.
        let first = client
            .transactions()
            .list(TransactionQuery::default())
            .await
            .unwrap();
        assert_eq!(first.items.len(), 100);
        (client, auth, api)
    });
    group.bench_function("client_list_over_loopback_http", |b| {
        b.to_async(&rt).iter(|| {
            let client = client.clone();
            async move {
                let page = client
                    .transactions()
                    .list(TransactionQuery::default())
                    .await
                    .unwrap();
                black_box(page.items.len())
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = decode
}
criterion_main!(benches);
