//! Times the Rust half of a Node call on a saved T1 page: the core's decode, plain serde_json
//! serialization of the models, and `case::to_camel_json` (the text the addon hands V8).
//! A measuring aid for issue 11 (bench/README.md, "Node"), never part of the addon.
//!
//! ```text
//! curl -s -H 'authorization: Bearer x' "$URL/api/Transaction?page=1&pageSize=100" > /tmp/t1.json
//! cargo run --release -p iqtech-node-support --example camel_timing -- /tmp/t1.json [ROUNDS]
//! ```

use std::hint::black_box;
use std::time::Instant;

use iqtech_node_support::case;
use serde::Deserialize;

#[derive(Deserialize)]
struct Envelope {
    result: Report,
}

#[derive(Deserialize)]
struct Report {
    #[serde(rename = "transactionReport")]
    transaction_report: iqtech::TransactionPage,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time(rounds: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..rounds / 10 + 1 {
        f();
    }
    median(
        (0..rounds)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect(),
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: camel_timing PAGE.json [ROUNDS]");
    let rounds: usize = args.next().map_or(500, |r| r.parse().expect("ROUNDS"));
    let body = std::fs::read(path).expect("page file");
    let decode = || -> iqtech::TransactionPage {
        iqtech::models::json::decode_body::<Envelope>(&body)
            .expect("decodes")
            .result
            .transaction_report
    };
    let page = decode();
    let text = case::to_camel_json(&page).expect("serializes");
    println!(
        "# body {} bytes, camelCase text {} bytes",
        body.len(),
        text.len()
    );
    let d = time(rounds, || {
        black_box(decode());
    });
    let plain = time(rounds, || {
        black_box(serde_json::to_vec(black_box(&page)).expect("serializes"));
    });
    let camel = time(rounds, || {
        black_box(case::to_camel_json(black_box(&page)).expect("serializes"));
    });
    println!("decode (core)              {d:8.1} µs");
    println!("serde_json::to_vec (snake) {plain:8.1} µs");
    println!(
        "case::to_camel_json        {camel:8.1} µs  ({:.2}× plain)",
        camel / plain
    );
}
