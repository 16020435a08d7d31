//! A refused TLS certificate is deterministic (issue 10): the retry loop gives up at once
//! instead of treating it as a connection error worth more attempts.
//!
//! The HTTPS sandbox is reached through a counting TCP forwarder on loopback, so the number of
//! connections the client opened (one per attempt) is observed from outside the SDK.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use iqtech::Client;
use iqtech_sandbox::{Sandbox, SandboxConfig};
use tokio::net::{TcpListener, TcpStream};

/// Forwards every connection to `target` and counts them.
async fn counting_forwarder(target: std::net::SocketAddr) -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                if let Ok(mut outbound) = TcpStream::connect(target).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    (port, count)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_certificate_is_tried_once_even_with_four_attempts() {
    let sandbox = Sandbox::start(SandboxConfig::default().https(true))
        .await
        .expect("HTTPS sandbox starts");
    let (port, connections) = counting_forwarder(sandbox.addr()).await;
    let base = format!("https://127.0.0.1:{port}/");
    let client = Client::builder()
        .client_id(sandbox.client_id())
        .client_secret(sandbox.client_secret())
        .auth_url(&base)
        .api_url(&base)
        .no_proxy("*")
        .use_system_roots(false)
        .max_attempts(4)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.machines().list(1, 5).await.unwrap_err();
    let elapsed = started.elapsed();
    let line = err.to_string();
    assert_eq!(err.code(), "connection", "{line}");
    assert!(!line.contains('\n'), "one line: {line}");
    assert!(
        line.contains(&format!(
            "TLS certificate of 127.0.0.1:{port} is not trusted"
        )),
        "{line}"
    );
    assert_eq!(
        connections.load(Ordering::SeqCst),
        1,
        "one connection, no retry: {line}"
    );
    // Three retries would have waited at least 125 + 250 + 500 ms of backoff.
    assert!(elapsed < Duration::from_millis(800), "took {elapsed:?}");
    assert_eq!(sandbox.journal().total_requests, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_connection_is_still_retried() {
    // The counterpart: a port nobody listens on is retried up to max_attempts (so the test above
    // proves the certificate rule, not a retry loop that never retries).
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let base = format!("http://127.0.0.1:{port}/");
    let client = Client::builder()
        .client_id("id")
        .client_secret("secret")
        .auth_url(&base)
        .api_url(&base)
        .no_proxy("*")
        .max_attempts(3)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client.machines().list(1, 5).await.unwrap_err();
    assert_eq!(err.code(), "connection", "{err}");
    assert!(
        started.elapsed() >= Duration::from_millis(125 + 250),
        "retried with backoff"
    );
}
