//! Every place where the vendor document reads two ways (docs/api-notes.md, "Either reading"):
//! each test plays one server reading and checks the client works under it, and that it sends
//! what the notes say it sends.

use iqtech::{
    EmployeeChanges, EmployeeInput, EmployeeQuery, Error, NaiveDate, ReservedLockerReportQuery,
    TransactionQuery,
};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wiremock::matchers::{method, path};
use wiremock::{Mock, Request, Respond, ResponseTemplate};

use crate::support::*;

async fn mount(env: &Env, verb: &str, route: &str, answer: ResponseTemplate) {
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(answer)
        .mount(&env.api)
        .await;
}

/// The requests the API server received, as `METHOD path`.
async fn lines(env: &Env) -> Vec<String> {
    env.api_requests()
        .await
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect()
}

fn by_number(n: &str) -> EmployeeQuery {
    EmployeeQuery {
        employee_number: Some(n.into()),
        ..Default::default()
    }
}

const W3_V2: &str = "/api/2.0/WillCall/GetReservableSelections/WTN1";
const W3_LEGACY: &str = "/api/WillCall/GetReservableSelections/WTN1";

// ---- W3 path (§3.3) -------------------------------------------------------------------------

#[tokio::test]
async fn w3_falls_back_to_the_legacy_path_on_a_bare_404_and_remembers_it() {
    let env = Env::start().await;
    mount(&env, "GET", W3_V2, ResponseTemplate::new(404)).await;
    mount(&env, "GET", W3_LEGACY, json_response(200, "[1,2,3]")).await;
    let client = env.client();
    assert_eq!(
        client
            .will_call()
            .reservable_selections("WTN1")
            .await
            .unwrap(),
        vec![1, 2, 3]
    );
    // A clone shares what was learnt: the second call goes straight to the legacy path.
    assert_eq!(
        client
            .clone()
            .will_call()
            .reservable_selections("WTN1")
            .await
            .unwrap(),
        vec![1, 2, 3]
    );
    assert_eq!(
        lines(&env).await,
        [
            format!("GET {W3_V2}"),
            format!("GET {W3_LEGACY}"),
            format!("GET {W3_LEGACY}")
        ]
    );
}

#[tokio::test]
async fn w3_keeps_the_v2_path_when_it_answers() {
    let env = Env::start().await;
    mount(&env, "GET", W3_V2, json_response(200, "[7]")).await;
    mount(&env, "GET", W3_LEGACY, json_response(200, "[8]")).await;
    let client = env.client();
    for _ in 0..2 {
        assert_eq!(
            client
                .will_call()
                .reservable_selections("WTN1")
                .await
                .unwrap(),
            vec![7]
        );
    }
    assert_eq!(
        lines(&env).await,
        [format!("GET {W3_V2}"), format!("GET {W3_V2}")]
    );
}

#[tokio::test]
async fn w3_an_api_envelope_404_is_the_answer_and_no_fallback_is_tried() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        W3_V2,
        fixture_response(404, "invalid_serial_400.json"),
    )
    .await;
    mount(&env, "GET", W3_LEGACY, json_response(200, "[8]")).await;
    let err = env
        .client()
        .will_call()
        .reservable_selections("WTN1")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
    assert_eq!(lines(&env).await, [format!("GET {W3_V2}")]);
}

#[tokio::test]
async fn w3_when_neither_path_answers_the_fallbacks_error_is_returned_and_nothing_is_learnt() {
    let env = Env::start().await;
    mount(&env, "GET", W3_V2, ResponseTemplate::new(404)).await;
    mount(&env, "GET", W3_LEGACY, ResponseTemplate::new(404)).await;
    let client = env.client();
    for _ in 0..2 {
        let err = client
            .will_call()
            .reservable_selections("WTN1")
            .await
            .unwrap_err();
        assert_eq!(err.api().unwrap().status, 404);
    }
    // Nothing settled: each call tries v2 first, then the legacy path once.
    assert_eq!(lines(&env).await.len(), 4);
}

// ---- W5/L5 page parameter (§3.5) ---------------------------------------------------------------

/// A W5 server that reads the page number from one parameter only and ignores the other.
struct ReportReadingOne {
    param: &'static str,
    pages: u32,
}

impl Respond for ReportReadingOne {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let n: u32 = req
            .url
            .query_pairs()
            .find(|(k, _)| k == self.param)
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        let details = json!([{ "selection": format!("r{n}") }]);
        json_response(
            200,
            &json!({
                "accountName": "A",
                "hasNextPage": n < self.pages,
                "totalPages": self.pages,
                "machineDetails": [{ "machineName": "M", "reservationDetails": details }],
            })
            .to_string(),
        )
    }
}

fn report_query() -> ReservedLockerReportQuery {
    ReservedLockerReportQuery {
        serial_number: "WTN1".into(),
        from_date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        to_date: NaiveDate::from_ymd_opt(2024, 1, 31).unwrap(),
        page_number: None,
        page_size: Some(10),
    }
}

#[tokio::test]
async fn w5_pager_walks_every_page_whichever_parameter_the_server_reads() {
    for param in ["page", "pageNumber"] {
        let env = Env::start().await;
        Mock::given(method("GET"))
            .and(path("/api/2.0/WillCall/GetReservedLockerReport"))
            .respond_with(ReportReadingOne { param, pages: 3 })
            .mount(&env.api)
            .await;
        let mut ids = Vec::new();
        let mut items = env
            .client()
            .will_call()
            .iter_reserved_locker_report(report_query(), None)
            .unwrap();
        while let Some(item) = futures::StreamExt::next(&mut items).await {
            ids.push(item.unwrap().selection.unwrap());
        }
        assert_eq!(ids, ["r1", "r2", "r3"], "server reading {param}");
    }
}

// ---- E6 method (§2.6) -----------------------------------------------------------------------

const LOOKUP: &str = "/api/Employee/lookup";

#[tokio::test]
async fn e6_resends_as_post_on_a_405_and_remembers_it() {
    let env = Env::start().await;
    mount(&env, "GET", LOOKUP, ResponseTemplate::new(405)).await;
    mount(
        &env,
        "POST",
        LOOKUP,
        fixture_response(200, "e6_lookup.json"),
    )
    .await;
    let client = env.client();
    for _ in 0..2 {
        let found = client.employees().lookup(by_number("1000")).await.unwrap();
        assert_eq!(found[0].last_name.as_deref(), Some("Pierce"));
    }
    let reqs = env.api_requests().await;
    let seen: Vec<_> = reqs.iter().map(|r| r.method.to_string()).collect();
    assert_eq!(seen, ["GET", "POST", "POST"]);
    for r in &reqs {
        assert_eq!(
            query(r),
            [("employeeNumber".into(), "1000".into())],
            "same query"
        );
    }
}

#[tokio::test]
async fn e6_resends_as_post_on_a_404_that_is_not_an_envelope() {
    let env = Env::start().await;
    mount(&env, "GET", LOOKUP, ResponseTemplate::new(404)).await;
    mount(
        &env,
        "POST",
        LOOKUP,
        fixture_response(200, "e6_lookup.json"),
    )
    .await;
    let found = env
        .client()
        .employees()
        .lookup(by_number("1000"))
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        lines(&env).await,
        [format!("GET {LOOKUP}"), format!("POST {LOOKUP}")]
    );
}

#[tokio::test]
async fn e6_a_404_with_an_envelope_is_no_match_and_no_post_is_sent() {
    let env = Env::start().await;
    let body = r#"{"result":null,"isSuccess":false,"error":{"errorId":404,"message":"Not found"}}"#;
    mount(&env, "GET", LOOKUP, json_response(404, body)).await;
    let found = env
        .client()
        .employees()
        .lookup(by_number("1"))
        .await
        .unwrap();
    assert!(found.is_empty());
    assert_eq!(lines(&env).await, [format!("GET {LOOKUP}")]);
}

#[tokio::test]
async fn e6_no_match_is_read_in_any_case_and_on_a_200() {
    let bodies = [
        (
            400,
            r#"{"isSuccess":false,"error":{"errorId":400,"message":"NO EMPLOYEES FOUND."}}"#,
        ),
        (
            400,
            r#"{"isSuccess":false,"error":{"errorId":400,"message":"No employees found for this account"}}"#,
        ),
        (
            200,
            r#"{"isSuccess":false,"error":{"errorId":400,"message":"no employees found matching the query."}}"#,
        ),
        (200, r#"{"result":null,"isSuccess":true}"#),
        (200, r#"{"isSuccess":true}"#),
        (204, ""),
    ];
    for (status, body) in bodies {
        let env = Env::start().await;
        mount(&env, "GET", LOOKUP, json_response(status, body)).await;
        let found = env.client().employees().lookup(by_number("1")).await;
        assert_eq!(found.unwrap(), vec![], "{status} {body}");
    }
}

#[tokio::test]
async fn e6_another_400_is_still_an_error() {
    let env = Env::start().await;
    let body = r#"{"isSuccess":false,"error":{"errorId":400,"message":"Invalid department."}}"#;
    mount(&env, "GET", LOOKUP, json_response(400, body)).await;
    let err = env
        .client()
        .employees()
        .lookup(by_number("1"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "bad_request");
    assert_eq!(
        lines(&env).await.len(),
        1,
        "a 400 is not a reason to try POST"
    );
}

// ---- T1 metaData and empty answers (§5) ------------------------------------------------------

/// A T1 page of one transaction (`S<n>`), with `metaData` where `meta_at` says.
fn t1_page(n: u32, pages: u32, meta_at: &str) -> String {
    let items =
        json!([{ "machineDetails": { "serialNo": format!("S{n}") }, "transactionDetails": [] }]);
    let meta = json!({ "pageNumber": n, "pageCount": pages, "hasNextPage": n < pages });
    let result = match meta_at {
        "report" => json!({ "transactionReport": { "items": items, "metaData": meta } }),
        "result" => json!({ "transactionReport": { "items": items }, "metaData": meta }),
        _ => json!({ "transactionReport": { "items": items } }),
    };
    json!({ "result": result, "isSuccess": true }).to_string()
}

/// Answers T1 by the `page` parameter.
struct T1Pages {
    pages: u32,
    meta_at: &'static str,
}

impl Respond for T1Pages {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let n: u32 = req
            .url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        json_response(200, &t1_page(n, self.pages, self.meta_at))
    }
}

async fn walk_transactions(env: &Env, query: TransactionQuery) -> Vec<String> {
    let mut items = env.client().transactions().iter(query, None).unwrap();
    let mut out = Vec::new();
    while let Some(t) = futures::StreamExt::next(&mut items).await {
        out.push(t.unwrap().machine_details.serial_no.unwrap());
    }
    out
}

#[tokio::test]
async fn t1_metadata_is_read_inside_the_report_or_beside_it() {
    for meta_at in ["report", "result"] {
        let env = Env::start().await;
        Mock::given(method("GET"))
            .and(path("/api/Transaction"))
            .respond_with(T1Pages { pages: 3, meta_at })
            .mount(&env.api)
            .await;
        let got = walk_transactions(&env, TransactionQuery::default()).await;
        assert_eq!(got, ["S1", "S2", "S3"], "metaData in {meta_at}");
        let page = env
            .client()
            .transactions()
            .list(TransactionQuery::default())
            .await
            .unwrap();
        assert_eq!(page.meta.page_count, Some(3), "metaData in {meta_at}");
    }
}

/// Answers T1 without any metaData: `full` pages of `size` items, then a short page.
struct T1NoMeta {
    size: usize,
    full: u32,
    calls: Arc<AtomicUsize>,
}

impl Respond for T1NoMeta {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let n: u32 = req
            .url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        let count = if n <= self.full { self.size } else { 1 };
        let items: Vec<Value> = (0..count)
            .map(|i| json!({ "machineDetails": { "serialNo": format!("S{n}.{i}") } }))
            .collect();
        json_response(
            200,
            &json!({ "result": { "transactionReport": { "items": items } }, "isSuccess": true })
                .to_string(),
        )
    }
}

#[tokio::test]
async fn t1_without_metadata_the_pager_continues_while_pages_are_full() {
    let env = Env::start().await;
    let calls = Arc::new(AtomicUsize::new(0));
    Mock::given(method("GET"))
        .and(path("/api/Transaction"))
        .respond_with(T1NoMeta {
            size: 2,
            full: 3,
            calls: calls.clone(),
        })
        .mount(&env.api)
        .await;
    let got = walk_transactions(
        &env,
        TransactionQuery {
            page_size: Some(2),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        got,
        ["S1.0", "S1.1", "S2.0", "S2.1", "S3.0", "S3.1", "S4.0"]
    );
    assert_eq!(
        calls.load(Ordering::SeqCst),
        4,
        "the short page 4 ends the walk"
    );
}

#[tokio::test]
async fn t1_empty_answers_are_an_empty_page() {
    for (status, body) in [
        (200, r#"{"result":null,"isSuccess":true}"#),
        (200, r#"{"isSuccess":true}"#),
        (
            200,
            r#"{"result":{"transactionReport":null},"isSuccess":true}"#,
        ),
        (200, r#"{"result":{},"isSuccess":true}"#),
        (204, ""),
    ] {
        let env = Env::start().await;
        mount(&env, "GET", "/api/Transaction", json_response(status, body)).await;
        let page = env
            .client()
            .transactions()
            .list(TransactionQuery::default())
            .await
            .unwrap_or_else(|e| panic!("{status} {body}: {e}"));
        assert!(page.items.is_empty(), "{body}");
        assert!(walk_transactions(&env, TransactionQuery::default())
            .await
            .is_empty());
    }
}

#[tokio::test]
async fn t1_dates_follow_the_query_date_format_setting() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        "/api/Transaction",
        fixture_response(200, "t1_transactions.json"),
    )
    .await;
    let dated = TransactionQuery {
        from_date: NaiveDate::from_ymd_opt(2024, 3, 9),
        to_date: NaiveDate::from_ymd_opt(2024, 12, 31),
        ..Default::default()
    };
    env.client()
        .transactions()
        .list(dated.clone())
        .await
        .unwrap();
    let iso = env.builder().query_date_format("%Y-%m-%d").build().unwrap();
    iso.transactions().list(dated).await.unwrap();
    let reqs = env.api_requests().await;
    let dates = |r: &Request| {
        let q = query(r);
        let get = |k: &str| q.iter().find(|(n, _)| n == k).unwrap().1.clone();
        (get("FromDate"), get("ToDate"))
    };
    assert_eq!(dates(&reqs[0]), ("03-09-2024".into(), "12-31-2024".into()));
    assert_eq!(dates(&reqs[1]), ("2024-03-09".into(), "2024-12-31".into()));
}

// ---- Other empty answers ------------------------------------------------------------------

#[tokio::test]
async fn e1_m1_empty_answers_are_empty_pages() {
    for (status, body) in [
        (200, r#"{"result":null,"isSuccess":true}"#),
        (200, r#"{"isSuccess":true}"#),
        (204, ""),
    ] {
        let env = Env::start().await;
        mount(&env, "GET", "/api/Employee", json_response(status, body)).await;
        let m1 = "/api/Machine/GetMachinePlanogramDetails";
        mount(&env, "GET", m1, json_response(status, body)).await;
        let c = env.client();
        assert!(
            c.employees().list(1, 10).await.unwrap().items.is_empty(),
            "{body}"
        );
        assert!(
            c.machines().list(1, 10).await.unwrap().items.is_empty(),
            "{body}"
        );
        assert!(
            c.machines().planogram("WTN1").await.unwrap().is_none(),
            "{body}"
        );
        let mut all = c.employees().iter(None, None).unwrap();
        assert!(futures::StreamExt::next(&mut all).await.is_none());
    }
}

#[tokio::test]
async fn w2_w3_an_envelope_instead_of_the_bare_array_is_read() {
    let status_route = "/api/2.0/WillCall/GetReservationStatus/WTN1";
    for (status, body, want_status, want_selections) in [
        (
            200,
            r#"{"result":[{"reserveLockerId":"r","selection":"1","currentStatus":"Reserved"}],"isSuccess":true}"#,
            1,
            None,
        ),
        (
            200,
            r#"{"result":[4,5],"isSuccess":true}"#,
            usize::MAX,
            Some(vec![4, 5]),
        ),
        (200, r#"{"result":null,"isSuccess":true}"#, 0, Some(vec![])),
        (200, r#"{"isSuccess":true}"#, 0, Some(vec![])),
        (204, "", 0, Some(vec![])),
    ] {
        let env = Env::start().await;
        mount(&env, "GET", status_route, json_response(status, body)).await;
        mount(&env, "GET", W3_V2, json_response(status, body)).await;
        let c = env.client();
        if want_status != usize::MAX {
            let got = c.will_call().reservation_status("WTN1").await.unwrap();
            assert_eq!(got.len(), want_status, "{body}");
        }
        if let Some(want) = want_selections {
            let got = c.will_call().reservable_selections("WTN1").await.unwrap();
            assert_eq!(got, want, "{body}");
        }
    }
}

// ---- M1 single machine (§4) ----------------------------------------------------------------

#[tokio::test]
async fn m1_planogram_returns_the_machine_asked_for_never_another() {
    let env = Env::start().await;
    let route = "/api/Machine/GetMachinePlanogramDetails";
    mount(
        &env,
        "GET",
        route,
        fixture_response(200, "m1_planogram_single.json"),
    )
    .await;
    let c = env.client();
    // The document's example answers two machines for one serial: the second is asked for.
    let m = c
        .machines()
        .planogram("wtnvmmuekdemgje")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        m.machine.control_board_serial_no.as_deref(),
        Some("WTNVMmUEkdEMgJe")
    );
    assert!(c.machines().planogram("WTN-OTHER").await.unwrap().is_none());

    let env = Env::start().await;
    let one_other = json!({"result":{"items":[{"machine":{"controlBoardSerialNo":"WTN-A"},"machinePlanogram":[]}]},"isSuccess":true});
    mount(
        &env,
        "GET",
        route,
        json_response(200, &one_other.to_string()),
    )
    .await;
    assert!(env
        .client()
        .machines()
        .planogram("WTN-B")
        .await
        .unwrap()
        .is_none());
}

// ---- E2/E4 unset fields (§2.2, §2.4) ---------------------------------------------------------

fn employee(active: Option<bool>) -> EmployeeInput {
    EmployeeInput {
        department: "D".into(),
        first_name: "F".into(),
        last_name: "L".into(),
        employee_number: "1".into(),
        active,
        ..Default::default()
    }
}

#[tokio::test]
async fn e2_create_sends_active_true_unless_told_otherwise() {
    let env = Env::start().await;
    mount(
        &env,
        "POST",
        "/api/Employee",
        fixture_response(200, "envelope_ok.json"),
    )
    .await;
    let c = env.client();
    c.employees().create(employee(None)).await.unwrap();
    c.employees().create(employee(Some(false))).await.unwrap();
    let reqs = env.api_requests().await;
    assert_eq!(json_body(&reqs[0])["active"], json!(true));
    assert_eq!(json_body(&reqs[1])["active"], json!(false));
}

#[tokio::test]
async fn patch_looks_up_merges_and_sends_the_full_record() {
    let env = Env::start().await;
    mount(&env, "GET", LOOKUP, fixture_response(200, "e6_lookup.json")).await;
    mount(
        &env,
        "PUT",
        "/api/Employee/1000",
        fixture_response(200, "envelope_ok.json"),
    )
    .await;
    env.client()
        .employees()
        .patch(
            "1000",
            EmployeeChanges {
                email: Some("new@example.com".into()),
                active: Some(false),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let reqs = env.api_requests().await;
    assert_eq!(reqs.len(), 2);
    assert_eq!(query(&reqs[0]), [("employeeNumber".into(), "1000".into())]);
    let body = json_body(&reqs[1]);
    // The two changes, and every field the lookup gave kept as it was.
    assert_eq!(
        body,
        json!({
            "department": "No Restrictions",
            "firstName": "Hawkeye",
            "lastName": "Pierce",
            "employeeNumber": "1000",
            "email": "new@example.com",
            "badge": "42789",
            "language": 0,
            "active": false,
            "isVTAdmin": true,
            "pinOption": "7",
            "ignoreFingerPrint": true,
        })
    );
}

#[tokio::test]
async fn patch_of_an_employee_that_does_not_exist_is_a_clear_error_and_sends_no_put() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        LOOKUP,
        fixture_response(400, "e6_lookup_400_no_match.json"),
    )
    .await;
    let err = env
        .client()
        .employees()
        .patch("4242", EmployeeChanges::default())
        .await
        .unwrap_err();
    match &err {
        Error::Validation { field, message } => {
            assert_eq!(field, "employee_number");
            assert!(message.contains("4242"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(lines(&env).await, [format!("GET {LOOKUP}")]);
}
