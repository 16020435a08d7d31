//! Auto-pagers against a server that serves numbered pages: to the end, in order, one request
//! per page, with and without concurrency; the W5/L5 report's own paging; failure mid-way.

use futures::StreamExt;
use iqtech::{Employee, ReservedLockerReportQuery, TransactionQuery};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, Request, Respond, ResponseTemplate};

use crate::support::*;

/// What the paged server answers for page `n` (1-based) of `pages`.
#[derive(Clone, Copy)]
enum Shape {
    Employees,
    Machines,
    Transactions,
    ReportV2,
    ReportV1,
}

/// Serves `pages` pages of `per_page` items in `shape`; page `fail` (if any) answers 500. Later
/// pages answer sooner, so a pager that yields in arrival order would be caught.
struct Pages {
    shape: Shape,
    pages: u32,
    per_page: u32,
    fail: Option<u32>,
    /// Leave `totalPages`/`pageCount` out, so only `hasNextPage` tells.
    no_count: bool,
}

fn param(req: &Request, name: &str) -> Option<String> {
    req.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

impl Respond for Pages {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let page_param = match self.shape {
            Shape::ReportV1 | Shape::ReportV2 => "pageNumber",
            _ => "page",
        };
        let n: u32 = param(req, page_param)
            .expect("page parameter")
            .parse()
            .unwrap();
        if Some(n) == self.fail {
            return json_response(
                500,
                r#"{"isSuccess":false,"error":{"errorId":500,"message":"boom"}}"#,
            );
        }
        let delay = Duration::from_millis(u64::from((self.pages - n.min(self.pages)) * 3));
        let has_next = n < self.pages;
        let count = (!self.no_count).then_some(self.pages);
        let ids: Vec<String> = (0..self.per_page).map(|i| format!("{n}-{i}")).collect();
        let meta = json!({"pageNumber": n, "pageCount": count, "hasNextPage": has_next, "totalItemCount": self.pages * self.per_page});
        let body: Value = match self.shape {
            Shape::Employees => json!({
                "result": {"items": ids.iter().map(|id| json!({"employeeNumber": id})).collect::<Vec<_>>(), "metaData": meta},
                "isSuccess": true
            }),
            Shape::Machines => json!({
                "result": {"items": ids.iter().map(|id| json!({"machine": {"controlBoardSerialNo": id}, "machinePlanogram": []})).collect::<Vec<_>>(), "metaData": meta},
                "isSuccess": true
            }),
            Shape::Transactions => json!({
                "result": {"transactionReport": {"items": ids.iter().map(|id| json!({"machineDetails": {"serialNo": id}, "transactionDetails": []})).collect::<Vec<_>>(), "metaData": meta}},
                "isSuccess": true
            }),
            Shape::ReportV2 => {
                // Items split over two machine sections, to check they are flattened in order.
                let (a, b) = ids.split_at(ids.len() / 2);
                let section = |ids: &[String]| json!({"machineName": "M", "reservationDetails": ids.iter().map(|id| json!({"selection": id})).collect::<Vec<_>>()});
                json!({"accountName": "A", "hasNextPage": has_next, "totalPages": count, "machineDetails": [section(a), section(b)]})
            }
            Shape::ReportV1 => json!({
                "machineName": "M", "hasNextPage": has_next, "totalPages": count,
                "reservationDetails": ids.iter().map(|id| json!({"selection": id})).collect::<Vec<_>>()
            }),
        };
        ResponseTemplate::new(200)
            .set_body_json(body)
            .set_delay(delay)
    }
}

async fn serve(env: &Env, route: &str, pages: Pages) {
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(pages)
        .mount(&env.api)
        .await;
}

fn expected_ids(pages: u32, per_page: u32) -> Vec<String> {
    (1..=pages)
        .flat_map(|n| (0..per_page).map(move |i| format!("{n}-{i}")))
        .collect()
}

/// The page numbers requested, sorted, and checks each carried `size_param=size`.
async fn pages_requested(env: &Env, page_param: &str, size_param: &str, size: &str) -> Vec<u32> {
    let mut pages: Vec<u32> = env
        .api_requests()
        .await
        .iter()
        .map(|r| {
            assert_eq!(param(r, size_param).as_deref(), Some(size), "{}", r.url);
            param(r, page_param).unwrap().parse().unwrap()
        })
        .collect();
    pages.sort();
    pages
}

fn employees(pages: u32, per_page: u32) -> Pages {
    Pages {
        shape: Shape::Employees,
        pages,
        per_page,
        fail: None,
        no_count: false,
    }
}

#[tokio::test]
async fn employees_iter_walks_to_the_end_in_order_with_and_without_concurrency() {
    for concurrency in [None, Some(1), Some(4), Some(32)] {
        let env = Env::start().await;
        serve(&env, "/api/Employee", employees(7, 3)).await;
        let items: Vec<Employee> = env
            .client()
            .employees()
            .iter(Some(3), concurrency)
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
            .await;
        let ids: Vec<String> = items
            .into_iter()
            .map(|e| e.employee_number.unwrap())
            .collect();
        assert_eq!(ids, expected_ids(7, 3), "concurrency {concurrency:?}");
        assert_eq!(
            pages_requested(&env, "page", "pageSize", "3").await,
            (1..=7).collect::<Vec<_>>(),
            "one request per page, concurrency {concurrency:?}"
        );
    }
}

#[tokio::test]
async fn the_client_default_concurrency_applies_and_page_size_defaults_to_100() {
    let env = Env::start().await;
    serve(&env, "/api/Employee", employees(5, 2)).await;
    let client = env.builder().page_concurrency(3).build().unwrap();
    let mut stream = client.employees().iter(None, None).unwrap();
    let mut ids = Vec::new();
    while let Some(item) = stream.next_item().await {
        ids.push(item.unwrap().employee_number.unwrap());
    }
    assert_eq!(ids, expected_ids(5, 2));
    assert_eq!(
        pages_requested(&env, "page", "pageSize", "100").await,
        vec![1, 2, 3, 4, 5]
    );
}

#[tokio::test]
async fn iter_pages_yields_whole_pages_in_order() {
    let env = Env::start().await;
    serve(&env, "/api/Employee", employees(4, 2)).await;
    let mut pages = env
        .client()
        .employees()
        .iter_pages(Some(2), Some(2))
        .unwrap();
    let mut numbers = Vec::new();
    while let Some(p) = pages.next_page().await {
        numbers.push(p.unwrap().meta.page_number.unwrap());
    }
    assert_eq!(numbers, vec![1, 2, 3, 4]);
}

#[tokio::test]
async fn streams_are_lazy() {
    let env = Env::start().await;
    serve(&env, "/api/Employee", employees(2, 1)).await;
    let mut stream = env.client().employees().iter(None, Some(2)).unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    env.assert_nothing_sent().await;
    stream.next_item().await.unwrap().unwrap();
    assert!(!env.api_requests().await.is_empty());
}

#[tokio::test]
async fn a_single_page_and_an_empty_first_page_each_take_one_request() {
    for (pages, per_page) in [(1, 3), (1, 0)] {
        let env = Env::start().await;
        serve(&env, "/api/Employee", employees(pages, per_page)).await;
        let items: Vec<_> = env
            .client()
            .employees()
            .iter(None, Some(4))
            .unwrap()
            .collect()
            .await;
        assert_eq!(items.len(), per_page as usize);
        assert_eq!(env.api_requests().await.len(), 1);
    }
}

#[tokio::test]
async fn an_empty_page_ends_the_walk_even_if_has_next_page_says_otherwise() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(json_response(
            200,
            r#"{"result":{"items":[],"metaData":{"hasNextPage":true,"pageCount":50}},"isSuccess":true}"#,
        ))
        .mount(&env.api)
        .await;
    let items: Vec<_> = env
        .client()
        .employees()
        .iter(None, None)
        .unwrap()
        .collect()
        .await;
    assert!(items.is_empty());
    assert_eq!(env.api_requests().await.len(), 1);
}

#[tokio::test]
async fn machines_iter_walks_every_page() {
    for concurrency in [1, 3] {
        let env = Env::start().await;
        serve(
            &env,
            "/api/Machine/GetMachinePlanogramDetails",
            Pages {
                shape: Shape::Machines,
                pages: 4,
                per_page: 2,
                fail: None,
                no_count: false,
            },
        )
        .await;
        let ids: Vec<String> = env
            .client()
            .machines()
            .iter(Some(2), Some(concurrency))
            .unwrap()
            .map(|r| r.unwrap().machine.control_board_serial_no.unwrap())
            .collect()
            .await;
        assert_eq!(ids, expected_ids(4, 2));
        assert_eq!(
            pages_requested(&env, "page", "pageSize", "2").await,
            vec![1, 2, 3, 4]
        );
    }
}

#[tokio::test]
async fn transactions_iter_keeps_the_filters_on_every_page() {
    for concurrency in [1, 4] {
        let env = Env::start().await;
        serve(
            &env,
            "/api/Transaction",
            Pages {
                shape: Shape::Transactions,
                pages: 5,
                per_page: 2,
                fail: None,
                no_count: false,
            },
        )
        .await;
        let query = TransactionQuery {
            from_date: chrono::NaiveDate::from_ymd_opt(2024, 4, 1),
            to_date: chrono::NaiveDate::from_ymd_opt(2024, 4, 30),
            serial_no: Some("WTN1".into()),
            page: Some(9),
            page_size: Some(2),
        };
        let ids: Vec<String> = env
            .client()
            .transactions()
            .iter(query, Some(concurrency))
            .unwrap()
            .map(|r| r.unwrap().machine_details.serial_no.unwrap())
            .collect()
            .await;
        assert_eq!(ids, expected_ids(5, 2));
        // The query's `page` is ignored: the walk starts at 1.
        assert_eq!(
            pages_requested(&env, "page", "pageSize", "2").await,
            vec![1, 2, 3, 4, 5]
        );
        for r in env.api_requests().await {
            assert_eq!(param(&r, "FromDate").as_deref(), Some("04-01-2024"));
            assert_eq!(param(&r, "ToDate").as_deref(), Some("04-30-2024"));
            assert_eq!(param(&r, "serialNo").as_deref(), Some("WTN1"));
        }
    }
}

fn report_query() -> ReservedLockerReportQuery {
    ReservedLockerReportQuery {
        serial_number: "WTN00000".into(),
        from_date: chrono::NaiveDate::from_ymd_opt(2022, 6, 21).unwrap(),
        to_date: chrono::NaiveDate::from_ymd_opt(2022, 6, 22).unwrap(),
        page_number: Some(5),
        page_size: Some(4),
    }
}

#[tokio::test]
async fn reserved_locker_reports_page_by_has_next_page_and_total_pages() {
    for (legacy, no_count, concurrency) in [
        (false, false, 1),
        (false, false, 3),
        (false, true, 3),
        (true, false, 1),
        (true, false, 3),
        (true, true, 1),
    ] {
        let env = Env::start().await;
        let (route, shape) = if legacy {
            ("/api/WillCall/GetReservedLockerReport", Shape::ReportV1)
        } else {
            ("/api/2.0/WillCall/GetReservedLockerReport", Shape::ReportV2)
        };
        serve(
            &env,
            route,
            Pages {
                shape,
                pages: 4,
                per_page: 4,
                fail: None,
                no_count,
            },
        )
        .await;
        let c = env.client();
        let stream = if legacy {
            c.will_call_v1()
                .iter_reserved_locker_report(report_query(), Some(concurrency))
        } else {
            c.will_call()
                .iter_reserved_locker_report(report_query(), Some(concurrency))
        };
        let ids: Vec<String> = stream
            .unwrap()
            .map(|r| r.unwrap().selection.unwrap())
            .collect()
            .await;
        let case = format!("legacy {legacy}, no totalPages {no_count}, concurrency {concurrency}");
        assert_eq!(ids, expected_ids(4, 4), "{case}");
        assert_eq!(
            pages_requested(&env, "pageNumber", "pageSize", "4").await,
            vec![1, 2, 3, 4],
            "{case}"
        );
        for r in env.api_requests().await {
            assert_eq!(param(&r, "fromDate").as_deref(), Some("06-21-2022"));
            assert_eq!(param(&r, "toDate").as_deref(), Some("06-22-2022"));
            assert_eq!(param(&r, "serialNumber").as_deref(), Some("WTN00000"));
        }
    }
}

#[tokio::test]
async fn a_failure_mid_way_yields_the_earlier_items_then_an_error_naming_the_page() {
    for concurrency in [1, 3] {
        let env = Env::start().await;
        serve(
            &env,
            "/api/Employee",
            Pages {
                fail: Some(3),
                ..employees(6, 2)
            },
        )
        .await;
        let results: Vec<_> = env
            .client()
            .employees()
            .iter(Some(2), Some(concurrency))
            .unwrap()
            .collect()
            .await;
        assert_eq!(results.len(), 2 * 2 + 1, "concurrency {concurrency}");
        let ids: Vec<String> = results[..4]
            .iter()
            .map(|r| r.as_ref().unwrap().employee_number.clone().unwrap())
            .collect();
        assert_eq!(ids, expected_ids(2, 2));
        let err = results[4].as_ref().unwrap_err();
        assert_eq!(err.page(), Some(3));
        assert_eq!(err.code(), "server");
        let api = err.api().expect("the page's API error");
        assert_eq!((api.status, api.detail.as_str()), (500, "boom"));
        assert!(err.to_string().starts_with("page 3: "), "{err}");
        if concurrency == 1 {
            // Sequential: nothing is fetched after the failed page.
            assert_eq!(
                pages_requested(&env, "page", "pageSize", "2").await,
                vec![1, 2, 3]
            );
        }
    }
}

#[tokio::test]
async fn a_failure_on_the_first_page_is_an_error_for_page_1() {
    let env = Env::start().await;
    serve(
        &env,
        "/api/2.0/WillCall/GetReservedLockerReport",
        Pages {
            shape: Shape::ReportV2,
            pages: 3,
            per_page: 1,
            fail: Some(1),
            no_count: false,
        },
    )
    .await;
    let results: Vec<_> = env
        .client()
        .will_call()
        .iter_reserved_locker_report(report_query(), None)
        .unwrap()
        .collect()
        .await;
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].as_ref().unwrap_err().page(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_pagers_on_clones_share_one_token() {
    let env = Env::start_with_token(3600, Duration::from_millis(50)).await;
    serve(&env, "/api/Employee", employees(6, 2)).await;
    let client = env.client();
    let walks: Vec<_> = (0..4)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move {
                c.employees()
                    .iter(Some(2), Some(3))
                    .unwrap()
                    .map(|r| r.unwrap().employee_number.unwrap())
                    .collect::<Vec<_>>()
                    .await
            })
        })
        .collect();
    for w in walks {
        assert_eq!(w.await.unwrap(), expected_ids(6, 2));
    }
    assert_eq!(env.token_requests().await.len(), 1);
    let mut per_page: HashMap<String, usize> = HashMap::new();
    for r in env.api_requests().await {
        *per_page.entry(param(&r, "page").unwrap()).or_default() += 1;
    }
    assert!(per_page.values().all(|n| *n == 4), "{per_page:?}");
}
