use std::time::Duration;

use iqtech_sandbox::{FaultSpec, Sandbox, SandboxConfig, SandboxSettings};
use serde_json::Value;

use crate::common::{small, token, Env};

#[tokio::test]
async fn token_endpoint_shapes_and_errors() {
    let sb = Sandbox::start(small().credentials("id-1", "s3cret"))
        .await
        .unwrap();
    let http = crate::common::client();
    let url = format!("{}/connect/token", sb.auth_url());
    let form = |grant: &'static str, id: &'static str, secret: &'static str| {
        http.post(&url)
            .form(&[
                ("grant_type", grant),
                ("client_id", id),
                ("client_secret", secret),
            ])
            .send()
    };
    let ok = form("client_credentials", "id-1", "s3cret").await.unwrap();
    assert_eq!(ok.status(), 200);
    let v: Value = ok.json().await.unwrap();
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(v["expires_in"], 3600);
    assert!(v["access_token"].as_str().unwrap().len() >= 32);

    let bad = form("client_credentials", "id-1", "wrong").await.unwrap();
    assert_eq!(bad.status(), 400);
    let v: Value = bad.json().await.unwrap();
    assert_eq!(v["error"], "invalid_client");
    assert!(v["error_description"].is_string());

    let grant = form("password", "id-1", "s3cret").await.unwrap();
    assert_eq!(grant.status(), 400);
    assert_eq!(
        grant.json::<Value>().await.unwrap()["error"],
        "unsupported_grant_type"
    );

    // client_secret_basic works too.
    let basic = http
        .post(&url)
        .basic_auth("id-1", Some("s3cret"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 200);
    assert_eq!(sb.journal().token_requests, 4);
}

#[tokio::test]
async fn missing_invalid_expired_tokens_get_401() {
    let env = Env::new(small().token_lifetime(Duration::from_millis(300))).await;
    let url = env.url("/api/Employee");
    let none = env.http.get(&url).send().await.unwrap();
    assert_eq!(none.status(), 401);
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    let bogus = env.http.get(&url).bearer_auth("nope").send().await.unwrap();
    assert_eq!(bogus.status(), 401);
    assert_eq!(
        bogus.headers()["www-authenticate"],
        "Bearer error=\"invalid_token\""
    );
    assert_eq!(bogus.text().await.unwrap(), "");

    assert_eq!(env.get("/api/Employee").await.status, 200);
    tokio::time::sleep(Duration::from_millis(400)).await;
    let expired = env.get("/api/Employee").await;
    assert_eq!(expired.status, 401);
    assert!(expired.headers["www-authenticate"]
        .to_str()
        .unwrap()
        .contains("invalid_token"));
}

#[tokio::test]
async fn expire_tokens_now_via_api_and_admin() {
    let mut env = Env::small().await;
    assert_eq!(env.get("/api/Employee").await.status, 200);
    env.sb.expire_tokens();
    assert_eq!(env.get("/api/Employee").await.status, 401);

    env.token = token(&env.http, &env.sb).await;
    assert_eq!(env.get("/api/Employee").await.status, 200);
    let r = env
        .http
        .post(env.url("/_sandbox/expire-tokens"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(env.get("/api/Employee").await.status, 401);
}

#[tokio::test]
async fn base_url_with_trailing_slash_and_odd_case_work() {
    let env = Env::small().await;
    let base = format!("{}/", env.sb.api_url());
    for path in [
        format!("{base}/api/Employee"),
        format!("{base}api/employee/"),
        format!("{base}API/EMPLOYEE?page=1"),
    ] {
        let r = env
            .http
            .get(&path)
            .bearer_auth(&env.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
    }
    let r = env
        .http
        .post(format!("{}/connect/token/", env.sb.auth_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "sandbox-client"),
            ("client_secret", "sandbox-secret"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(env.get("/api/Nope").await.status, 404);
}

#[tokio::test]
async fn config_is_validated_and_handle_is_send_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Sandbox>();
    assert!(Sandbox::start(SandboxConfig::default().machines(0))
        .await
        .is_err());
    let sb = Sandbox::start(small()).await.unwrap();
    let url = sb.api_url();
    sb.shutdown().await;
    assert!(crate::common::client()
        .get(format!("{url}/_sandbox/info"))
        .send()
        .await
        .is_err());
}

#[tokio::test]
async fn settings_start_a_sandbox_with_faults_and_name_a_bad_field() {
    let settings = SandboxSettings::from_json(
        r#"{"seed": 3, "employees": 7, "machines": 2, "client_id": "c", "client_secret": "s",
            "token_lifetime": 60000, "port": 0,
            "faults": [{"route": "employees.list", "after": 1, "times": 1,
                        "respond": {"status": 418, "body": "teapot"}}]}"#,
    )
    .unwrap();
    let sb = Sandbox::start_with(settings).await.unwrap();
    assert_eq!((sb.client_id(), sb.client_secret()), ("c", "s"));
    assert_eq!(sb.employee_numbers().len(), 7);
    assert_eq!(sb.machine_serials().len(), 2);
    let effective = sb.settings();
    assert_eq!(effective.port, Some(sb.addr().port()));
    assert_ne!(effective.port, Some(0));
    assert_eq!(effective.token_lifetime, Some(Duration::from_secs(60)));
    assert_eq!(sb.faults().len(), 1);
    let http = crate::common::client();
    let token = crate::common::token(&http, &sb).await;
    let get = || {
        http.get(format!("{}/api/Employee", sb.api_url()))
            .bearer_auth(&token)
            .send()
    };
    assert_eq!(get().await.unwrap().status(), 200);
    let r = get().await.unwrap();
    assert_eq!(r.status(), 418);
    assert_eq!(r.text().await.unwrap(), "teapot");
    assert_eq!(get().await.unwrap().status(), 200);
    sb.shutdown().await;

    let bad = SandboxSettings {
        faults: vec![FaultSpec::new("nope")],
        ..Default::default()
    };
    let err = Sandbox::start_with(bad).await.unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid sandbox setting faults[0]: unknown route selector"),
        "{err}"
    );
    let err = Sandbox::start(SandboxConfig::default().machines(0))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid sandbox setting machines: must be at least 1"
    );
}
