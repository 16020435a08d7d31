use std::time::{Duration, Instant};

use iqtech_sandbox::{BodyFault, CannedResponse, FaultSpec};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{assert_exception, ok_result, Env};

#[tokio::test]
async fn latency_is_added() {
    let env = Env::small().await;
    env.sb
        .inject(
            FaultSpec::new("employees.list")
                .latency(Duration::from_millis(150))
                .jitter(Duration::from_millis(20)),
        )
        .unwrap();
    let t = Instant::now();
    assert_eq!(env.get("/api/Employee").await.status, 200);
    assert!(t.elapsed() >= Duration::from_millis(150));
    // Other routes are not delayed by that rule (no timing assertion, just served).
    assert_eq!(env.get("/api/Transaction").await.status, 200);
    assert_eq!(env.sb.faults().len(), 1);
}

#[tokio::test]
async fn n_failures_then_success_without_processing() {
    let env = Env::small().await;
    env.sb
        .inject(FaultSpec::new("employees.list").status(503).times(2))
        .unwrap();
    assert_eq!(env.get("/api/Employee").await.status, 503);
    assert_eq!(env.get("/api/Employee").await.status, 503);
    assert_eq!(env.get("/api/Employee").await.status, 200);
    assert!(env.sb.faults().is_empty());
    assert_eq!(env.sb.journal().count("employees.list"), 3);

    // A status fault does not run the operation.
    env.sb
        .inject(FaultSpec::new("employees.create").status(500).times(1))
        .unwrap();
    let body =
        json!({"department": "D", "firstName": "F", "lastName": "L", "employeeNumber": "F-1"});
    let r = env.post("/api/Employee", body.clone()).await;
    assert_exception(&r, 500, "An unexpected error occurred. (sandbox fault)");
    assert_eq!(
        env.get("/api/Employee/lookup?employeeNumber=F-1")
            .await
            .status,
        400
    );
    assert_eq!(env.post("/api/Employee", body).await.status, 200);
}

#[tokio::test]
async fn status_bodies_429_502_504() {
    let env = Env::small().await;
    env.sb
        .inject(FaultSpec::new("machines.list").status(429).times(1))
        .unwrap();
    env.sb
        .inject(
            FaultSpec::new("transactions.list")
                .status(429)
                .retry_after(7)
                .times(1),
        )
        .unwrap();
    env.sb
        .inject(FaultSpec::new("employees.*").status(502).times(1))
        .unwrap();
    env.sb
        .inject(FaultSpec::new("will_call.*").status(504).times(1))
        .unwrap();

    let r = env.get("/api/Machine/GetMachinePlanogramDetails").await;
    assert_eq!(r.status, 429);
    assert_eq!(r.headers["retry-after"], "1");
    let r = env.get("/api/Transaction").await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.headers["retry-after"].to_str().unwrap()
        ),
        (429, "7")
    );
    let r = env.get("/api/Employee/lookup?employeeNumber=1000").await;
    assert_eq!(r.status, 502);
    assert!(r.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(r.text.contains("<html>") && r.text.contains("502 Bad Gateway"));
    let serial = env.sb.machine_serials()[0].clone();
    let r = env
        .get(&format!(
            "/api/2.0/WillCall/GetReservableSelections/{serial}"
        ))
        .await;
    assert_eq!(r.status, 504);
    // The v1 group was not covered by "will_call.*".
    assert_eq!(
        env.get(&format!("/api/WillCall/GetReservableSelections/{serial}"))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn truncated_and_malformed_bodies() {
    let env = Env::small().await;
    let full = env.get("/api/Employee?pageSize=5").await.text;
    env.sb
        .inject(
            FaultSpec::new("employees.list")
                .body(BodyFault::Truncated)
                .times(1),
        )
        .unwrap();
    env.sb
        .inject(
            FaultSpec::new("employees.list")
                .body(BodyFault::Malformed)
                .times(1),
        )
        .unwrap();
    let cut = env.get("/api/Employee?pageSize=5").await;
    assert_eq!(cut.status, 200);
    assert_eq!(cut.text, full[..full.len() / 2]);
    assert!(serde_json::from_str::<Value>(&cut.text).is_err());
    let bad = env.get("/api/Employee?pageSize=5").await;
    assert_eq!(bad.status, 200);
    assert!(serde_json::from_str::<Value>(&bad.text).is_err());
    assert_eq!(env.get("/api/Employee?pageSize=5").await.text, full);
}

#[tokio::test]
async fn failed_envelope_answers_200_without_running_the_operation() {
    let env = Env::small().await;
    env.sb
        .inject(
            FaultSpec::new("employees.create")
                .body(BodyFault::FailedEnvelope)
                .times(1),
        )
        .unwrap();
    let body =
        json!({"department": "D", "firstName": "F", "lastName": "L", "employeeNumber": "FE-1"});
    let r = env.post("/api/Employee", body.clone()).await;
    assert_eq!(r.status, 200);
    assert!(r.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert_eq!(
        r.json(),
        json!({"result": null, "isSuccess": false, "success": null, "errors": null,
               "error": {"errorId": 500, "message": "Simulated failure with a 200 status"},
               "exception": null})
    );
    // The operation did not run: the employee does not exist.
    assert_eq!(
        env.get("/api/Employee/lookup?employeeNumber=FE-1")
            .await
            .status,
        400
    );
    let journal = env.sb.journal();
    let rec = journal.records_for("employees.create").next().unwrap();
    assert_eq!(
        (rec.status, rec.fault.as_deref()),
        (Some(200), Some("body failed_envelope"))
    );
    // The rule was used up: the same request now creates the employee.
    assert_eq!(env.post("/api/Employee", body).await.status, 200);
    assert_eq!(
        env.get("/api/Employee/lookup?employeeNumber=FE-1")
            .await
            .status,
        200
    );
    // It cannot be combined with another effect.
    assert!(env
        .sb
        .inject(
            FaultSpec::new("employees.list")
                .status(500)
                .body(BodyFault::FailedEnvelope)
        )
        .is_err());
}

#[tokio::test]
async fn dropped_connection_after_processing() {
    let env = Env::small().await;
    env.sb
        .inject(
            FaultSpec::new("employees.create")
                .drop_connection()
                .times(1),
        )
        .unwrap();
    let body = json!({"department": "D", "firstName": "Drop", "lastName": "Ped", "employeeNumber": "DROP-1"});
    // `send` itself fails: no status line or header ever arrives.
    let err = env
        .http
        .post(env.url("/api/Employee"))
        .bearer_auth(&env.token)
        .json(&body)
        .send()
        .await
        .unwrap_err();
    assert!(err.status().is_none(), "no response must arrive: {err:?}");
    assert!(
        err.is_request() && !err.is_body() && !err.is_decode(),
        "{err:?}"
    );
    let source = format!("{err:?}");
    assert!(
        source.contains("IncompleteMessage") || source.contains("connection closed"),
        "{source}"
    );
    // The operation ran: the employee exists, and a retry says so.
    let found = ok_result(&env.get("/api/Employee/lookup?employeeNumber=DROP-1").await);
    assert_eq!(found[0]["firstName"], "Drop");
    assert_eq!(env.post("/api/Employee", body).await.status, 500);
    let journal = env.sb.journal();
    let rec = journal.records_for("employees.create").next().unwrap();
    assert_eq!(rec.status, None);
    assert!(rec.fault.as_deref().unwrap().contains("drop_connection"));
    assert_eq!(rec.body.as_ref().unwrap()["employeeNumber"], "DROP-1");

    // Same for a reservation, through a fresh connection.
    let serial = env.sb.locker_machine_serials()[0].clone();
    let before = env.sb.reservations().len();
    env.sb
        .inject(
            FaultSpec::new("will_call.add_reservation")
                .drop_connection()
                .times(1),
        )
        .unwrap();
    let sel = env
        .get(&format!(
            "/api/2.0/WillCall/GetReservableSelections/{serial}"
        ))
        .await
        .json()[0]
        .to_string();
    let res = json!({"createdbyUser": "t", "selection": sel, "reservationType": "Release", "sendCode": "NONE",
        "serialNumber": serial, "externalReserveLockerDetailList": [{"name": "x"}]});
    assert!(env
        .try_call(Method::POST, "/api/2.0/WillCall/AddReservation", Some(res))
        .await
        .is_err());
    assert_eq!(env.sb.reservations().len(), before + 1);
}

#[tokio::test]
async fn rates_wildcards_and_token_route() {
    let env = Env::small().await;
    let never = env
        .sb
        .inject(FaultSpec::new("*").status(500).rate(0.0))
        .unwrap();
    for _ in 0..5 {
        assert_eq!(env.get("/api/Employee").await.status, 200);
    }
    assert!(env.sb.remove_fault(never));
    assert!(!env.sb.remove_fault(never));
    env.sb
        .inject(FaultSpec::new("token").status(503).rate(1.0).times(1))
        .unwrap();
    let r = env
        .http
        .post(format!("{}/connect/token", env.sb.auth_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "sandbox-client"),
            ("client_secret", "sandbox-secret"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    assert!(env.sb.inject(FaultSpec::new("employees.nope")).is_err());
    assert!(env.sb.inject(FaultSpec::new("*").status(302)).is_err());
    assert!(env.sb.inject(FaultSpec::new("*").rate(1.5)).is_err());
    env.sb
        .inject(FaultSpec::new("*").latency(Duration::from_millis(1)))
        .unwrap();
    env.sb.clear_faults();
    assert!(env.sb.faults().is_empty());
}

#[tokio::test]
async fn admin_endpoints_drive_faults_and_journal() {
    let env = Env::small().await;
    let admin = |p: &str| env.url(&format!("/_sandbox/{p}"));
    let r = env
        .http
        .post(admin("faults"))
        .json(&json!({"route":"employees.list","latency_ms":0,"jitter_ms":0,"status":503,"times":1,"rate":null,"retry_after_secs":2,"drop_connection":false,"body":null}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let ids = r.json::<Value>().await.unwrap()["ids"].clone();
    assert_eq!(ids.as_array().unwrap().len(), 1);
    let r = env
        .http
        .post(admin("faults"))
        .json(&json!([{"route":"machines.list","body":"truncated"}, {"route":"transactions.list","status":500}]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let listed: Value = env
        .http
        .get(admin("faults"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 3);
    assert_eq!(listed[0]["spec"]["status"], 503);
    assert_eq!(listed[0]["remaining"], 1);

    let r = env.get("/api/Employee").await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.headers["retry-after"].to_str().unwrap()
        ),
        (503, "2")
    );
    let bad = env
        .http
        .post(admin("faults"))
        .json(&json!({"route": "bogus"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    assert!(bad.json::<Value>().await.unwrap()["error"]
        .as_str()
        .unwrap()
        .contains("bogus"));
    let bad = env
        .http
        .post(admin("faults"))
        .json(&json!({"stauts": 500}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let id = listed[1]["id"].as_u64().unwrap();
    assert_eq!(
        env.http
            .delete(admin(&format!("faults/{id}")))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(
        env.http
            .delete(admin("faults"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    assert_eq!(env.get("/api/Transaction").await.status, 200);

    // Journal over HTTP.
    env.post("/api/Employee/UpdateEmployeeStatus", json!({}))
        .await; // wrong method: unknown route
    let j: Value = env
        .http
        .get(admin("journal"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(j["token_requests"], 1);
    assert_eq!(j["per_route"]["employees.list"], 1);
    assert_eq!(j["per_route"]["transactions.list"], 1);
    assert_eq!(j["per_route"]["unknown"], 1);
    let recs = j["requests"].as_array().unwrap();
    let last = recs.last().unwrap();
    assert_eq!(last["method"], "POST");
    assert_eq!(last["path"], "/api/Employee/UpdateEmployeeStatus");
    assert!(last["route"].is_null());
    let first_api = recs
        .iter()
        .find(|r| r["route"] == "employees.list")
        .unwrap();
    assert_eq!(first_api["status"], 503);
    assert_eq!(first_api["fault"], "status 503");
    assert_eq!(
        env.http
            .delete(admin("journal"))
            .send()
            .await
            .unwrap()
            .status(),
        204
    );
    let j = env.sb.journal();
    assert_eq!((j.total_requests, j.requests.len()), (0, 0));

    let info: Value = env
        .http
        .get(admin("info"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(info["client_id"], "sandbox-client");
    assert_eq!(info["machines"].as_array().unwrap().len(), 5);
    let res: Value = env
        .http
        .get(admin("reservations"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!res.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn journal_records_queries_and_bodies() {
    let env = Env::small().await;
    env.get("/api/Employee?page=2&pageSize=3").await;
    env.put(
        "/api/Employee/UpdateEmployeeStatus",
        json!({"employeeNumber": "1000", "active": false}),
    )
    .await;
    let j = env.sb.journal();
    assert_eq!(j.token_requests, 1);
    assert_eq!(j.count("employees.list"), 1);
    assert_eq!(j.count("employees.set_status"), 1);
    assert_eq!(j.total_requests, 3);
    let list = j.records_for("employees.list").next().unwrap();
    assert_eq!(list.query.as_deref(), Some("page=2&pageSize=3"));
    assert_eq!(list.status, Some(200));
    let put = j.records_for("employees.set_status").next().unwrap();
    assert_eq!(put.body.as_ref().unwrap()["active"], false);
    let tok = j.records_for("token").next().unwrap();
    assert!(tok
        .body
        .as_ref()
        .unwrap()
        .as_str()
        .unwrap()
        .contains("grant_type=client_credentials"));
}

#[tokio::test]
async fn respond_answers_exactly_without_running_the_operation() {
    let env = Env::small().await;
    let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    env.sb
        .inject(
            FaultSpec::new("employees.create")
                .respond(
                    CannedResponse::new(502)
                        .header("Content-Type", "text/html")
                        .header("x-proxy", "edge-7")
                        .body(html),
                )
                .times(1),
        )
        .unwrap();
    let body =
        json!({"department": "D", "firstName": "F", "lastName": "L", "employeeNumber": "CR-1"});
    let r = env.post("/api/Employee", body.clone()).await;
    assert_eq!(r.status, 502);
    assert_eq!(r.headers["content-type"], "text/html");
    assert_eq!(r.headers["x-proxy"], "edge-7");
    assert_eq!(r.text, html);
    // Nothing else was added but what HTTP itself needs.
    let mut names: Vec<&str> = r.headers.keys().map(|k| k.as_str()).collect();
    names.sort();
    assert_eq!(names, ["content-length", "content-type", "date", "x-proxy"]);
    // The operation did not run.
    assert_eq!(
        env.get("/api/Employee/lookup?employeeNumber=CR-1")
            .await
            .status,
        400
    );
    let journal = env.sb.journal();
    let rec = journal.records_for("employees.create").next().unwrap();
    assert_eq!(
        (rec.status, rec.fault.as_deref()),
        (Some(502), Some("respond 502"))
    );
    assert_eq!(env.post("/api/Employee", body).await.status, 200);
}

#[tokio::test]
async fn respond_gives_a_401_on_an_api_route_and_a_2xx_body_with_a_valid_token() {
    let env = Env::small().await;
    env.sb
        .inject(
            FaultSpec::new("machines.list")
                .respond(
                    CannedResponse::new(401)
                        .header("www-authenticate", "Bearer error=\"invalid_token\""),
                )
                .times(1),
        )
        .unwrap();
    let r = env.get("/api/Machine/GetMachinePlanogramDetails").await;
    assert_eq!(r.status, 401);
    assert_eq!(
        r.headers["www-authenticate"],
        "Bearer error=\"invalid_token\""
    );
    assert_eq!(r.text, "");
    assert!(r.headers.get("content-type").is_none());
    // The token is still good: the rule, not the token, gave the 401.
    assert_eq!(
        env.get("/api/Machine/GetMachinePlanogramDetails")
            .await
            .status,
        200
    );

    let bogus = r#"{"isSuccess":true,"result":{"transactionReport":{"items":7}}}"#;
    env.sb
        .inject(
            FaultSpec::new("transactions.list")
                .respond(CannedResponse::new(200).body(bogus))
                .times(1),
        )
        .unwrap();
    let r = env.get("/api/Transaction").await;
    assert_eq!((r.status.as_u16(), r.text.as_str()), (200, bogus));

    // A 429 with its retry-after header, and on the token route too.
    env.sb
        .inject(
            FaultSpec::new("token")
                .respond(CannedResponse::new(429).header("retry-after", "3"))
                .times(1),
        )
        .unwrap();
    let resp = env
        .http
        .post(format!("{}/connect/token", env.sb.auth_url()))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["retry-after"], "3");
}

#[tokio::test]
async fn respond_is_checked_when_installed() {
    let env = Env::small().await;
    let bad = [
        FaultSpec::new("*").respond(CannedResponse::new(199)),
        FaultSpec::new("*").respond(CannedResponse::new(600)),
        FaultSpec::new("*").respond(CannedResponse::new(204).body("x")),
        FaultSpec::new("*").respond(CannedResponse::new(200).header("bad name", "x")),
        FaultSpec::new("*").respond(CannedResponse::new(200).header("x-a", "line\nbreak")),
        FaultSpec::new("*").respond(CannedResponse::new(200).header("Content-Length", "3")),
        FaultSpec::new("*")
            .respond(CannedResponse::new(429))
            .retry_after(2),
        FaultSpec::new("*")
            .respond(CannedResponse::new(500))
            .status(500),
        FaultSpec::new("*")
            .respond(CannedResponse::new(500))
            .drop_connection(),
    ];
    for spec in bad {
        let err = env.sb.inject(spec.clone()).unwrap_err();
        assert!(
            err.to_string().starts_with("invalid fault: "),
            "{spec:?}: {err}"
        );
    }
    assert!(env.sb.faults().is_empty());

    // Over HTTP, in JSON, headers and body may be left out; unknown members are refused.
    let admin = format!("{}/_sandbox/faults", env.sb.api_url());
    let resp = env
        .http
        .post(&admin)
        .json(&json!({"route": "employees.list", "respond": {"status": 418}, "times": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let r = env.get("/api/Employee").await;
    assert_eq!((r.status.as_u16(), r.text.as_str()), (418, ""));
    let resp = env
        .http
        .post(&admin)
        .json(&json!({"respond": {"status": 418, "bdy": "x"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
}

#[tokio::test]
async fn after_skips_matching_requests_then_fires_times() {
    let env = Env::small().await;
    env.sb
        .inject(
            FaultSpec::new("employees.list")
                .status(500)
                .after(2)
                .times(1),
        )
        .unwrap();
    assert_eq!(env.sb.faults()[0].skips_left, 2);
    // Other routes are not counted.
    assert_eq!(env.get("/api/Transaction").await.status, 200);
    assert_eq!(env.get("/api/Employee?page=1").await.status, 200);
    assert_eq!(env.get("/api/Employee?page=2").await.status, 200);
    assert_eq!(env.sb.faults()[0].skips_left, 0);
    assert_eq!(env.get("/api/Employee?page=3").await.status, 500);
    assert!(env.sb.faults().is_empty());
    assert_eq!(env.get("/api/Employee?page=3").await.status, 200);

    // Without `times`, it fires on every request from the (after+1)th on.
    env.sb
        .inject(FaultSpec::new("machines.*").status(503).after(1))
        .unwrap();
    let m = "/api/Machine/GetMachinePlanogramDetails";
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(env.get(m).await.status.as_u16());
    }
    assert_eq!(statuses, [200, 503, 503, 503]);
    env.sb.clear_faults();

    // `rate` is drawn only once the skips are done: rate 0 never fires, even after them.
    env.sb
        .inject(
            FaultSpec::new("machines.list")
                .status(503)
                .after(1)
                .rate(0.0),
        )
        .unwrap();
    for _ in 0..3 {
        assert_eq!(env.get(m).await.status, 200);
    }
    env.sb.clear_faults();

    // Every matching rule counts the request, even when an earlier rule took it.
    env.sb
        .inject(FaultSpec::new("employees.list").status(503).times(1))
        .unwrap();
    env.sb
        .inject(
            FaultSpec::new("employees.list")
                .respond(CannedResponse::new(429))
                .after(1)
                .times(1),
        )
        .unwrap();
    assert_eq!(env.get("/api/Employee").await.status, 503);
    assert_eq!(env.get("/api/Employee").await.status, 429);
    assert_eq!(env.get("/api/Employee").await.status, 200);

    // JSON form.
    let spec: FaultSpec =
        serde_json::from_value(json!({"route": "employees.list", "status": 500, "after": 2}))
            .unwrap();
    assert_eq!(spec, FaultSpec::new("employees.list").status(500).after(2));
}
