//! Per-call options, request ids and response metadata (issue 12, items 3, 5 and 6) against
//! loopback servers (wiremock), through `Client::with_options` views.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use iqtech::{Client, RequestOptions, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const OK: &str =
    r#"{"isSuccess":true,"result":{"items":[],"metaData":{"pageNumber":1,"totalPages":1}}}"#;

/// Answers `fail` times with 503, then 200 with a server request id.
struct Flaky {
    fail: usize,
    seen: Arc<AtomicUsize>,
}

impl Respond for Flaky {
    fn respond(&self, _req: &Request) -> ResponseTemplate {
        let n = self.seen.fetch_add(1, Ordering::SeqCst);
        if n < self.fail {
            ResponseTemplate::new(503).insert_header("x-correlation-id", format!("srv-{n}"))
        } else {
            ResponseTemplate::new(200)
                .insert_header("x-request-id", "srv-final")
                .insert_header("content-type", "application/json")
                .set_body_string(OK)
        }
    }
}

struct Servers {
    auth: MockServer,
    api: MockServer,
}

impl Servers {
    async fn start() -> Self {
        let auth = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/connect/token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "access_token": "tok-abc", "token_type": "Bearer", "expires_in": 3600
            })))
            .mount(&auth)
            .await;
        Self {
            auth,
            api: MockServer::start().await,
        }
    }

    fn client(&self) -> Client {
        Client::builder()
            .client_id("id")
            .client_secret("secret")
            .auth_url(self.auth.uri())
            .api_url(self.api.uri())
            .no_proxy("*")
            .retry_policy(RetryPolicy {
                max_attempts: 3,
                initial_backoff: Duration::from_millis(20),
                max_backoff: Duration::from_millis(40),
                max_retry_after: Duration::from_secs(3),
            })
            .build()
            .unwrap()
    }

    async fn flaky(&self, fail: usize) -> Arc<AtomicUsize> {
        let seen = Arc::new(AtomicUsize::new(0));
        Mock::given(method("GET"))
            .respond_with(Flaky {
                fail,
                seen: seen.clone(),
            })
            .mount(&self.api)
            .await;
        seen
    }

    async fn request_ids(&self) -> Vec<String> {
        self.api
            .received_requests()
            .await
            .unwrap()
            .iter()
            .map(|r| {
                r.headers
                    .get("x-request-id")
                    .expect("every attempt sends X-Request-ID")
                    .to_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }
}

fn opts() -> RequestOptions {
    RequestOptions::default()
}

#[tokio::test]
async fn retries_share_one_request_id_and_calls_get_new_ones() {
    let s = Servers::start().await;
    s.flaky(2).await;
    let client = s.client();
    client.machines().list(1, 5).await.unwrap();
    client.machines().list(1, 5).await.unwrap();
    let ids = s.request_ids().await;
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids[..3].iter().all(|id| id == &ids[0]), "{ids:?}");
    assert_ne!(ids[3], ids[0]);
    assert_eq!(ids[0].len(), 36);
    assert_eq!(&ids[0][14..15], "4", "a v4 UUID: {}", ids[0]);
    let meta = client.last_response().expect("metadata of the last call");
    assert_eq!((meta.status, meta.attempts), (200, 1));
    assert_eq!(meta.request_id, ids[3]);
    assert_eq!(meta.server_request_id.as_deref(), Some("srv-final"));
    assert!(meta
        .headers
        .iter()
        .any(|h| h.name == "x-request-id" && h.value == "srv-final"));
}

#[tokio::test]
async fn the_metadata_counts_attempts_and_time() {
    let s = Servers::start().await;
    s.flaky(2).await;
    let view = s.client().with_options(opts()).unwrap();
    assert!(view.last_response().is_none());
    let started = Instant::now();
    view.machines().list(1, 5).await.unwrap();
    let meta = view.last_response().unwrap();
    assert_eq!(meta.attempts, 3);
    assert!(meta.elapsed <= started.elapsed() && meta.elapsed >= Duration::from_millis(20));
}

#[tokio::test]
async fn request_id_and_headers_are_sent_on_every_attempt() {
    let s = Servers::start().await;
    s.flaky(1).await;
    let view = s
        .client()
        .with_options(RequestOptions {
            request_id: Some("job-42".into()),
            headers: Some([("X-Tenant".to_owned(), "acme".to_owned())].into()),
            ..opts()
        })
        .unwrap();
    view.machines().list(1, 5).await.unwrap();
    assert_eq!(s.request_ids().await, ["job-42", "job-42"]);
    for r in s.api.received_requests().await.unwrap() {
        assert_eq!(r.headers.get("x-tenant").unwrap(), "acme");
        assert_eq!(r.headers.get_all("authorization").iter().count(), 1);
    }
}

#[tokio::test]
async fn max_attempts_per_call_and_the_error_carries_both_ids() {
    let s = Servers::start().await;
    let seen = s.flaky(5).await;
    let client = s.client();
    let err = client
        .with_options(RequestOptions {
            max_attempts: Some(1),
            request_id: Some("kiosk-7".into()),
            ..opts()
        })
        .unwrap()
        .machines()
        .list(1, 5)
        .await
        .unwrap_err();
    assert_eq!(seen.load(Ordering::SeqCst), 1);
    assert_eq!(err.code(), "server");
    let d = err.details();
    assert_eq!(d.request_id.as_deref(), Some("kiosk-7"));
    assert_eq!(d.server_request_id.as_deref(), Some("srv-0"));
    assert_eq!(d.status, Some(503));
    let line = err.to_string();
    assert!(
        line.ends_with("(request id kiosk-7, server request id srv-0)"),
        "{line}"
    );
    // The view did not change the client it came from.
    assert_eq!(client.options(), &RequestOptions::default());
}

#[tokio::test]
async fn the_timeout_option_replaces_the_request_timeout() {
    let s = Servers::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(OK)
                .set_delay(Duration::from_millis(1500)),
        )
        .mount(&s.api)
        .await;
    let started = Instant::now();
    let err = s
        .client()
        .with_options(RequestOptions {
            timeout: Some(Duration::from_millis(150)),
            max_attempts: Some(1),
            ..opts()
        })
        .unwrap()
        .machines()
        .list(1, 5)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "timeout", "{err}");
    assert_eq!(err.details().timeout, Some(Duration::from_millis(150)));
    assert!(started.elapsed() < Duration::from_millis(1200));
}

#[tokio::test]
async fn the_deadline_covers_every_attempt_and_backoff() {
    let s = Servers::start().await;
    let seen = s.flaky(1000).await;
    let started = Instant::now();
    let err = s
        .client()
        .with_options(RequestOptions {
            max_attempts: Some(1000),
            deadline: Some(Duration::from_millis(400)),
            ..opts()
        })
        .unwrap()
        .machines()
        .list(1, 5)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(err.code(), "timeout", "{err}");
    let line = err.to_string();
    assert!(line.contains("deadline of 400ms"), "{line}");
    assert!(line.contains("HTTP 503"), "names the last failure: {line}");
    assert!(elapsed < Duration::from_millis(900), "{elapsed:?}");
    assert!(seen.load(Ordering::SeqCst) >= 2, "it did retry");
    assert_eq!(err.details().timeout, Some(Duration::from_millis(400)));
}

#[tokio::test]
async fn a_deadline_shorter_than_a_slow_answer_is_a_timeout() {
    let s = Servers::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string(OK)
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&s.api)
        .await;
    let started = Instant::now();
    let err = s
        .client()
        .with_options(RequestOptions {
            deadline: Some(Duration::from_millis(300)),
            ..opts()
        })
        .unwrap()
        .machines()
        .list(1, 5)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "timeout", "{err}");
    assert!(err.to_string().contains("deadline"), "{err}");
    assert!(started.elapsed() < Duration::from_millis(1500));
}

#[tokio::test]
async fn views_merge_and_invalid_options_name_the_option() {
    let s = Servers::start().await;
    let client = s.client();
    let a = client
        .with_options(RequestOptions {
            timeout: Some(Duration::from_secs(5)),
            headers: Some([("X-A".to_owned(), "1".to_owned())].into()),
            ..opts()
        })
        .unwrap();
    let b = a
        .with_options(RequestOptions {
            max_attempts: Some(2),
            headers: Some([("X-B".to_owned(), "2".to_owned())].into()),
            ..opts()
        })
        .unwrap();
    assert_eq!(b.options().timeout, Some(Duration::from_secs(5)));
    assert_eq!(b.options().max_attempts, Some(2));
    assert_eq!(b.options().headers.as_ref().unwrap().len(), 2);
    let field = |o: RequestOptions| match client.with_options(o).unwrap_err() {
        iqtech::Error::Validation { field, .. } => field,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        field(RequestOptions {
            max_attempts: Some(0),
            ..opts()
        }),
        "max_attempts"
    );
    let header = |k: &str, v: &str| RequestOptions {
        headers: Some([(k.to_owned(), v.to_owned())].into()),
        ..opts()
    };
    assert_eq!(field(header("X-Foo", "a\nb")), "headers[\"X-Foo\"]");
    assert_eq!(
        field(header("Authorization", "Bearer x")),
        "headers[\"Authorization\"]"
    );
    assert_eq!(field(header("Host", "evil")), "headers[\"Host\"]");
    assert_eq!(
        field(header("Content-Length", "1")),
        "headers[\"Content-Length\"]"
    );
}

#[tokio::test]
async fn no_proxy_star_bypasses_the_proxy_for_ip_addresses_too() {
    let s = Servers::start().await;
    s.flaky(0).await;
    // Nothing listens on port 9: any request through the proxy would fail.
    let client = Client::builder()
        .client_id("id")
        .client_secret("secret")
        .auth_url(s.auth.uri())
        .api_url(s.api.uri())
        .proxy("http://127.0.0.1:9")
        .no_proxy("*")
        .max_attempts(1)
        .build()
        .unwrap();
    client.machines().list(1, 5).await.unwrap();
}
