//! Helpers: a sandbox with a client and a token.

use iqtech_sandbox::{Sandbox, SandboxConfig};
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// A started sandbox, an HTTP client and a valid token.
pub struct Env {
    pub sb: Sandbox,
    pub http: reqwest::Client,
    pub token: String,
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
}

impl Reply {
    /// The body as JSON (panics when it is not).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.text))
    }
}

/// An HTTP client (installs the rustls crypto provider reqwest needs, once).
pub fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().build().unwrap()
}

/// A small configuration for fast tests. These tests speak raw HTTP in the document's own
/// first reading (GET lookup, the `/2.0/` W3 path, `pageNumber`, metaData in the report, merging
/// PUT): the opposite of the strict default dialect, which the SDK's tests cover.
pub fn small() -> SandboxConfig {
    SandboxConfig::default()
        .employees(30)
        .machines(5)
        .transactions(500)
        .dialect(iqtech_sandbox::Dialect::default().opposite())
}

pub async fn token(http: &reqwest::Client, sb: &Sandbox) -> String {
    let resp = http
        .post(format!("{}/connect/token", sb.auth_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", sb.client_id()),
            ("client_secret", sb.client_secret()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    v["access_token"].as_str().unwrap().to_string()
}

impl Env {
    pub async fn new(config: SandboxConfig) -> Env {
        let sb = Sandbox::start(config).await.unwrap();
        let http = client();
        let token = token(&http, &sb).await;
        Env { sb, http, token }
    }

    pub async fn small() -> Env {
        Env::new(small()).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sb.api_url(), path)
    }

    /// Sends a request with the token; `body` is sent as JSON.
    pub async fn try_call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Result<Reply> {
        let mut req = self
            .http
            .request(method, self.url(path))
            .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await?;
        Ok(Reply {
            status,
            headers,
            text,
        })
    }

    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Reply {
        self.try_call(method, path, body).await.unwrap()
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.call(Method::PUT, path, Some(body)).await
    }
}

/// Asserts the fixed members of a failed `error{errorId, message}` envelope.
pub fn assert_error(reply: &Reply, status: u16, error_id: u64, message: &str) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.text);
    let v = reply.json();
    assert_eq!(v["isSuccess"], false);
    assert_eq!(v["error"]["errorId"], error_id);
    assert_eq!(v["error"]["message"], message);
    assert!(v["success"].is_null() && v["errors"].is_null());
}

/// Asserts a failed envelope with `error: null` and an exception.
pub fn assert_exception(reply: &Reply, status: u16, message: &str) {
    assert_eq!(reply.status.as_u16(), status, "{}", reply.text);
    let v = reply.json();
    assert_eq!(v["isSuccess"], false);
    assert!(v["error"].is_null());
    assert_eq!(v["exception"]["message"], message);
    assert!(v["exception"]["stackTrace"].is_null());
    assert_eq!(v["exception"]["innerException"]["message"], "");
}

/// Asserts an ASP.NET ProblemDetails naming `field`.
pub fn assert_problem(reply: &Reply, field: &str) {
    assert_eq!(reply.status, 400, "{}", reply.text);
    let v = reply.json();
    assert_eq!(v["status"], 400);
    assert_eq!(v["title"], "One or more validation errors occurred.");
    assert!(v["type"]
        .as_str()
        .unwrap()
        .starts_with("https://tools.ietf.org/"));
    assert!(v["traceId"].as_str().unwrap().starts_with("00-"));
    assert!(v["errors"][field].is_array(), "{}", reply.text);
}

/// Asserts a success envelope and returns its `result`.
pub fn ok_result(reply: &Reply) -> Value {
    assert_eq!(reply.status, 200, "{}", reply.text);
    let v = reply.json();
    assert_eq!(v["isSuccess"], true);
    for k in ["success", "errors", "error", "exception"] {
        assert!(
            v.get(k).is_some_and(Value::is_null),
            "{k} in {}",
            reply.text
        );
    }
    v["result"].clone()
}

/// The member names of a JSON object, sorted.
pub fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
    k.sort();
    k
}

pub fn sorted(names: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    k.sort();
    k
}
