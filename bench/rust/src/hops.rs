//! `iqbench hops --url U [--gap-us 500] [--rounds 300]`: what the thread hand-offs of a blocking
//! call cost. The same core call is made two ways from a plain thread, with `--gap-us` of CPU
//! work before each call (as a caller's own code, or a benchmark's baselines, put between
//! calls), in interleaved rounds:
//! - `spawn + wait`: spawned onto the core's shared runtime, the thread waits on a channel, as
//!   the Python binding's synchronous calls do;
//! - `caller's thread`: a current-thread runtime on the calling thread drives the call and its
//!   connection, as a blocking HTTP library does (each way has its own client and connection).
//!
//! `HOPS_ONLY=0` or `HOPS_ONLY=1` times one way alone, in a process of its own: the two ways in
//! one process slow each other down on a 2-core machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use iqtech::TransactionQuery;

use crate::rust::core_client as client;

use crate::timing::{interleaved, Series};

fn busy(d: Duration) {
    let t = Instant::now();
    while t.elapsed() < d {
        std::hint::spin_loop();
    }
}

fn spawn_wait<T: Send + 'static>(fut: impl std::future::Future<Output = T> + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    iqtech::runtime::handle().spawn(async move {
        let _ = tx.send(fut.await);
    });
    rx.recv().expect("answer")
}

/// Prints the median of each way, for the 16 KB and the 216 KB page, the gap subtracted.
pub fn run(url: &str, rounds: usize, gap_us: u64) {
    let shared = client(url);
    let local_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let local = local_rt.block_on(async { client(url) });
    let gap = Duration::from_micros(gap_us);
    for (path, tx) in [
        ("employees (16 KB)", false),
        ("transactions (216 KB)", true),
    ] {
        let names = ["spawn + wait", "caller's thread"];
        let only: Option<usize> = std::env::var("HOPS_ONLY").ok().and_then(|v| v.parse().ok());
        let names: Vec<&str> = match only {
            Some(k) => vec![names[k]],
            None => names.to_vec(),
        };
        let series: Vec<Series> = interleaved(&names, rounds, 20, |k| {
            let k = only.unwrap_or(k);
            busy(gap);
            let c = if k == 0 {
                shared.clone()
            } else {
                local.clone()
            };
            let fut = async move {
                if tx {
                    c.transactions()
                        .list(TransactionQuery::default())
                        .await
                        .unwrap()
                        .items
                        .len()
                } else {
                    c.employees().list(1, 100).await.unwrap().items.len()
                }
            };
            let n = if k == 0 {
                spawn_wait(fut)
            } else {
                local_rt.block_on(fut)
            };
            black_box(n);
        });
        // The gap is outside the call but inside the sample; subtract it.
        println!("# {path}, {gap_us} µs of CPU work between calls");
        for s in &series {
            let m = s.median().saturating_sub(gap);
            println!("  {:<20} median {:8.1} µs", s.name, m.as_secs_f64() * 1e6);
        }
    }
}
