//! The log lines of a call (issue 12, item 4): one debug line per attempt with operation,
//! method, path, status, elapsed, attempt n/max and request id; one info line per call; and never
//! a secret. The `log` crate's lines are captured by a logger installed in this test process,
//! a client's [`LogSink`] lines by the sink.

use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use iqtech::{Client, LogSink, RequestOptions, SetPinInput};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "Cl13nt-S3cret-77a1";
const TOKEN: &str = "tok-V3ry-S3cret-0c4f";
const PIN: &str = "864209";
const PROXY_PASSWORD: &str = "pr0xy-Passw0rd-51e";

/// Every `iqtech::*` line logged in this process.
fn captured() -> &'static Mutex<Vec<String>> {
    static LINES: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    LINES.get_or_init(Default::default)
}

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, m: &log::Metadata<'_>) -> bool {
        m.target().starts_with("iqtech")
    }
    fn log(&self, r: &log::Record<'_>) {
        if self.enabled(r.metadata()) {
            captured()
                .lock()
                .unwrap()
                .push(format!("{} {}: {}", r.level(), r.target(), r.args()));
        }
    }
    fn flush(&self) {}
}

#[derive(Default)]
struct Sink(Mutex<Vec<String>>);

impl LogSink for Sink {
    fn log(&self, level: log::Level, target: &str, message: &str) {
        self.0
            .lock()
            .unwrap()
            .push(format!("{level} {target}: {message}"));
    }
}

#[tokio::test]
async fn debug_lines_carry_the_facts_and_never_a_secret() {
    log::set_logger(&Capture).unwrap();
    log::set_max_level(log::LevelFilter::Debug);
    let auth = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": TOKEN, "token_type": "Bearer", "expires_in": 3600
        })))
        .mount(&auth)
        .await;
    let api = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"isSuccess":true}"#))
        .mount(&api)
        .await;
    let dead_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let builder = || {
        Client::builder()
            .client_id("logs-test")
            .client_secret(SECRET)
            .auth_url(auth.uri())
            .api_url(api.uri())
            .proxy(format!(
                "http://user:{PROXY_PASSWORD}@127.0.0.1:{dead_port}"
            ))
    };
    let sink = Arc::new(Sink::default());
    // 1. Through a proxy that is not there: connection failures, retried, logged.
    let through_proxy = builder()
        .max_attempts(2)
        .connect_timeout(Duration::from_secs(2))
        .build()
        .unwrap()
        .with_log_sink(sink.clone());
    let err = through_proxy.machines().list(1, 5).await.unwrap_err();
    assert_eq!(err.code(), "connection", "{err}");
    // 2. The proxy bypassed: a PIN is set, at debug level.
    let client = builder()
        .no_proxy("127.0.0.1")
        .build()
        .unwrap()
        .with_log_sink(sink.clone())
        .with_options(RequestOptions {
            request_id: Some("req-logs-1".into()),
            ..RequestOptions::default()
        })
        .unwrap();
    client
        .employees()
        .set_pin(SetPinInput {
            employee_number: "E1".into(),
            pin: PIN.into(),
            old_pin: Some("135792".into()),
            account_id: None,
            emplid: None,
        })
        .await
        .unwrap();
    let logged = captured().lock().unwrap().join("\n");
    let sunk = sink.0.lock().unwrap().join("\n");
    for text in [&logged, &sunk] {
        for secret in [SECRET, TOKEN, PIN, "135792", PROXY_PASSWORD] {
            assert!(!text.contains(secret), "{secret} leaked into:\n{text}");
        }
        assert!(
            text.contains(
                "DEBUG iqtech::call: employees.set_pin POST /api/Employee/UpdateEmployeeSetPin -> 200 in "
            ),
            "{text}"
        );
        assert!(
            text.contains("(attempt 1/3, request id req-logs-1)"),
            "{text}"
        );
        assert!(
            text.contains("INFO iqtech::call: employees.set_pin finished with HTTP 200 in "),
            "{text}"
        );
        assert!(
            text.contains("INFO iqtech::call: machines.list failed (connection) in "),
            "{text}"
        );
    }
    // The token request failing through the missing proxy, retried, without the password.
    assert!(
        logged.contains("auth.token POST /connect/token -> no answer in "),
        "{logged}"
    );
    assert!(
        logged.contains("auth.token: attempt 1/2 failed"),
        "{logged}"
    );
    // The token request is logged too (its own target line), still without the secret.
    assert!(
        logged.contains("auth.token POST /connect/token -> 200"),
        "{logged}"
    );
}
