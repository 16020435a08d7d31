//! Shared test support: a loopback token server and API server (wiremock), a client wired to them
//! with fast retries, fixture loading, request inspection, and a tiny raw TCP server for failures
//! wiremock cannot produce (a connection dropped after the request was read).

#![allow(dead_code)]

use iqtech::{Client, ClientBuilder, RetryPolicy};
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The client id every test client uses.
pub const CLIENT_ID: &str = "test-client-id";
/// A secret distinctive enough to search for in error texts and Debug output.
pub const CLIENT_SECRET: &str = "S3cr3t-Value-9f8e7d";

/// Retries that keep the suite fast: 3 attempts, a few milliseconds apart.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_backoff: Duration::from_millis(5),
        max_backoff: Duration::from_millis(20),
        max_retry_after: Duration::from_secs(3),
    }
}

/// Answers token requests with `tok-1`, `tok-2`, … and counts them.
pub struct TokenResponder {
    pub count: Arc<AtomicUsize>,
    pub expires_in: u64,
    pub delay: Duration,
}

impl Respond for TokenResponder {
    fn respond(&self, _req: &Request) -> ResponseTemplate {
        let n = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        ResponseTemplate::new(200)
            .set_body_json(serde_json::json!({
                "access_token": format!("tok-{n}"),
                "token_type": "Bearer",
                "expires_in": self.expires_in,
                "scope": "integration"
            }))
            .set_delay(self.delay)
    }
}

/// A token server and an API server on loopback.
pub struct Env {
    pub auth: MockServer,
    pub api: MockServer,
    /// Token requests answered so far.
    pub tokens: Arc<AtomicUsize>,
}

impl Env {
    /// Servers with a token endpoint that hands out hour-long tokens.
    pub async fn start() -> Self {
        Self::start_with_token(3600, Duration::ZERO).await
    }

    /// Servers with a token endpoint giving `expires_in` seconds, answering after `delay`.
    pub async fn start_with_token(expires_in: u64, delay: Duration) -> Self {
        let auth = MockServer::start().await;
        let api = MockServer::start().await;
        let tokens = Arc::new(AtomicUsize::new(0));
        Mock::given(method("POST"))
            .and(path("/connect/token"))
            .respond_with(TokenResponder {
                count: tokens.clone(),
                expires_in,
                delay,
            })
            .mount(&auth)
            .await;
        Self { auth, api, tokens }
    }

    /// Servers without a token mock (the test mounts its own).
    pub async fn bare() -> Self {
        Self {
            auth: MockServer::start().await,
            api: MockServer::start().await,
            tokens: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// A builder pointed at these servers, with short timeouts and fast retries.
    pub fn builder(&self) -> ClientBuilder {
        Client::builder()
            .client_id(CLIENT_ID)
            .client_secret(CLIENT_SECRET)
            .auth_url(self.auth.uri())
            .api_url(self.api.uri())
            .connect_timeout(Duration::from_secs(2))
            .request_timeout(Duration::from_secs(5))
            .retry_policy(fast_retry())
    }

    /// A client pointed at these servers.
    pub fn client(&self) -> Client {
        self.builder().build().expect("test client builds")
    }

    /// Every request the API server received, in order.
    pub async fn api_requests(&self) -> Vec<Request> {
        self.api.received_requests().await.expect("recording on")
    }

    /// Every request the token server received, in order.
    pub async fn token_requests(&self) -> Vec<Request> {
        self.auth.received_requests().await.expect("recording on")
    }

    /// The one API request of a test that makes exactly one.
    pub async fn only_api_request(&self) -> Request {
        let mut reqs = self.api_requests().await;
        assert_eq!(reqs.len(), 1, "expected exactly one API request: {reqs:#?}");
        reqs.remove(0)
    }

    /// Proves a call was refused before anything went on the wire (not even a token request).
    pub async fn assert_nothing_sent(&self) {
        let api = self.api_requests().await;
        let auth = self.token_requests().await;
        assert!(api.is_empty(), "API requests were sent: {api:#?}");
        assert!(auth.is_empty(), "token requests were sent: {auth:#?}");
    }
}

/// The text of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A fixture parsed as JSON.
pub fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// An answer with `status` and the fixture's bytes as a JSON body.
pub fn fixture_response(status: u16, name: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(fixture(name).into_bytes(), "application/json")
}

/// An answer with `status` and a JSON body given as text.
pub fn json_response(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), "application/json")
}

/// The query parameters of a request, sorted by name.
pub fn query(req: &Request) -> Vec<(String, String)> {
    let mut q: Vec<_> = req.url.query_pairs().into_owned().collect();
    q.sort();
    q
}

/// A header's value as text.
pub fn header(req: &Request, name: &str) -> Option<String> {
    req.headers
        .get(name)
        .map(|v| v.to_str().expect("ascii header").to_owned())
}

/// Checks method, path, the exact set of query parameters and the bearer token of an API call.
pub fn assert_request(req: &Request, verb: &str, path: &str, params: &[(&str, &str)]) {
    assert_eq!(req.method.as_str(), verb, "method of {}", req.url);
    assert_eq!(req.url.path(), path, "path of {}", req.url);
    let mut expected: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    expected.sort();
    assert_eq!(query(req), expected, "query of {}", req.url);
    assert_eq!(
        header(req, "authorization").as_deref(),
        Some("Bearer tok-1"),
        "auth header of {}",
        req.url
    );
    assert_eq!(header(req, "accept").as_deref(), Some("application/json"));
}

/// The request's body as JSON, after checking it is declared as JSON.
pub fn json_body(req: &Request) -> Value {
    assert_eq!(
        header(req, "content-type").as_deref(),
        Some("application/json"),
        "content type of {}",
        req.url
    );
    serde_json::from_slice(&req.body).expect("request body is JSON")
}

/// The field names of a JSON object.
pub fn keys(v: &Value) -> std::collections::BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

/// What a [`RawServer`] does with each request it reads.
#[derive(Clone)]
pub enum RawBehaviour {
    /// Read the whole request, then close the connection without answering.
    CloseAfterRequest,
    /// Read the whole request, then send these bytes and close.
    Respond(Vec<u8>),
}

/// A minimal HTTP/1.1 server on loopback that reads whole requests and then does what it is told.
/// It counts the requests it read completely.
pub struct RawServer {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl RawServer {
    /// Starts on a free port.
    pub async fn start(behaviour: RawBehaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        Self::serve(listener, behaviour)
    }

    /// Serves on a listener the test bound itself.
    pub fn serve(listener: TcpListener, behaviour: RawBehaviour) -> Self {
        let addr = listener.local_addr().expect("addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let (seen, behaviour) = (seen.clone(), behaviour.clone());
                tokio::spawn(async move {
                    handle_raw(stream, seen, behaviour).await;
                });
            }
        });
        Self {
            addr,
            requests,
            task,
        }
    }

    /// `http://127.0.0.1:<port>/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// Requests read completely so far (request line and headers of each).
    pub fn received(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle_raw(mut stream: TcpStream, seen: Arc<Mutex<Vec<String>>>, behaviour: RawBehaviour) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    // Headers.
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let length = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    // Body.
    while buf.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    seen.lock().unwrap().push(head);
    match behaviour {
        RawBehaviour::CloseAfterRequest => {
            let _ = stream.shutdown().await;
        }
        RawBehaviour::Respond(bytes) => {
            let _ = stream.write_all(&bytes).await;
            let _ = stream.shutdown().await;
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A complete HTTP/1.1 response with a JSON body that closes the connection.
pub fn raw_json_response(status: u16, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A loopback port with nothing listening on it (bound, then released).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}
