//! `IQTECH_LOG=info|debug` installs the core's stderr logger when the program has none
//! (issue 12, item 4). Each case runs this test binary again as a child process with the
//! variable set (the child's `child_entry` makes one call), and reads the child's stderr.

use std::process::Command;

use iqtech::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "env-log-S3cret-61b7";

/// The child side: a no-op unless `IQTECH_ENV_LOG_CHILD` names the API server.
#[tokio::test]
async fn child_entry() {
    let Ok(base) = std::env::var("IQTECH_ENV_LOG_CHILD") else {
        return;
    };
    let client = Client::builder()
        .client_id("env-log")
        .client_secret(SECRET)
        .auth_url(&base)
        .api_url(&base)
        .no_proxy("*")
        .build()
        .unwrap();
    client.machines().list(1, 5).await.unwrap();
}

async fn child_stderr(level: Option<&str>) -> String {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "access_token": "tok-env-log-9f", "token_type": "Bearer", "expires_in": 3600
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"isSuccess":true}"#))
        .mount(&server)
        .await;
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env("IQTECH_ENV_LOG_CHILD", server.uri())
        .env_remove("IQTECH_LOG");
    if let Some(level) = level {
        cmd.env("IQTECH_LOG", level);
    }
    let out = tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iqtech_log_turns_the_stderr_logger_on_at_its_level() {
    let quiet = child_stderr(None).await;
    assert!(!quiet.contains("iqtech::call"), "{quiet}");

    let debug = child_stderr(Some("debug")).await;
    assert!(
        debug.contains("iqtech DEBUG iqtech::call: machines.list GET /api/Machine/GetMachinePlanogramDetails -> 200 in "),
        "{debug}"
    );
    assert!(
        debug.contains("iqtech INFO iqtech::call: machines.list finished with HTTP 200"),
        "{debug}"
    );
    for secret in [SECRET, "tok-env-log-9f"] {
        assert!(!debug.contains(secret), "{secret} leaked: {debug}");
    }

    let info = child_stderr(Some("info")).await;
    assert!(
        info.contains("INFO iqtech::call: machines.list finished"),
        "{info}"
    );
    assert!(!info.contains("DEBUG"), "{info}");
}
