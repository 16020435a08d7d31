//! Corrupt 2xx answers (docs/api-notes.md, "Corrupt answers"): a body that is not valid JSON
//! is retried like a 502 for repeatable operations, within the same attempts and backoff; valid
//! JSON of the wrong shape is not retried; a non-repeatable operation whose 2xx body cannot be
//! read gives `OutcomeUnknown` with its how-to-check advice.

use iqtech::{Error, ReservationType, TransactionQuery};
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wiremock::matchers::{method, path};
use wiremock::{Mock, Request, Respond, ResponseTemplate};

use crate::operations::reservation;
use crate::retries::unrepeatable;
use crate::support::*;

/// A T1 server of `pages` pages of two transactions each, which damages some answers: by a
/// fixed pseudo-random rule, 3 in 100 answers are cut short and 2 in 100 are garbled, all with
/// status 200 and a correct `Content-Length`.
struct FlakyTransactions {
    pages: u32,
    answers: Arc<AtomicUsize>,
    corrupt: Arc<AtomicUsize>,
}

impl Respond for FlakyTransactions {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let k = self.answers.fetch_add(1, Ordering::SeqCst);
        let n: u32 = req
            .url
            .query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(1);
        let items: Vec<_> = (0..2)
            .map(|i| json!({ "machineDetails": { "serialNo": format!("{}", n * 2 + i) } }))
            .collect();
        let body = json!({
            "result": { "transactionReport": {
                "items": items,
                "metaData": { "pageNumber": n, "pageCount": self.pages, "hasNextPage": n < self.pages },
            }},
            "isSuccess": true,
        })
        .to_string();
        // 7919 is prime to 100, so each run of 100 answers has exactly these 5 damaged ones.
        let body = match (k * 7919) % 100 {
            0..=2 => {
                self.corrupt.fetch_add(1, Ordering::SeqCst);
                body[..body.len() / 2].to_owned()
            }
            3..=4 => {
                self.corrupt.fetch_add(1, Ordering::SeqCst);
                body.replacen(':', "::", 3)
            }
            _ => body,
        };
        json_response(200, &body)
    }
}

async fn walk_flaky(concurrency: Option<u32>) {
    let env = Env::start().await;
    let (answers, corrupt) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    Mock::given(method("GET"))
        .and(path("/api/Transaction"))
        .respond_with(FlakyTransactions {
            pages: 200,
            answers: answers.clone(),
            corrupt: corrupt.clone(),
        })
        .mount(&env.api)
        .await;
    let client = env.builder().max_attempts(6).build().unwrap();
    let mut items = client
        .transactions()
        .iter(TransactionQuery::default(), concurrency)
        .unwrap();
    let mut seen = Vec::new();
    while let Some(t) = futures::StreamExt::next(&mut items).await {
        let t = t.unwrap_or_else(|e| panic!("after {} items: {e}", seen.len()));
        seen.push(t.machine_details.serial_no.unwrap().parse::<u32>().unwrap());
    }
    let want: Vec<u32> = (2..=401).collect();
    assert_eq!(seen, want, "every item exactly once, in order");
    let corrupt = corrupt.load(Ordering::SeqCst);
    assert!(corrupt >= 9, "the server damaged {corrupt} answers");
    assert_eq!(
        answers.load(Ordering::SeqCst),
        200 + corrupt,
        "one retry per damaged answer"
    );
}

#[tokio::test]
async fn a_200_page_walk_with_5_percent_corrupt_answers_yields_every_item_once_in_order() {
    walk_flaky(None).await;
}

#[tokio::test]
async fn the_same_walk_with_four_pages_in_flight() {
    walk_flaky(Some(4)).await;
}

#[tokio::test]
async fn a_garbled_answer_then_a_good_one_succeeds() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(json_response(200, r#"{"result": {"items": [}"#))
        .up_to_n_times(1)
        .mount(&env.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(fixture_response(200, "e1_employee_list.json"))
        .mount(&env.api)
        .await;
    let page = env.client().employees().list(1, 10).await.unwrap();
    assert!(!page.items.is_empty());
    assert_eq!(env.api_requests().await.len(), 2);
}

#[tokio::test]
async fn valid_json_of_the_wrong_shape_is_not_retried() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(json_response(
            200,
            r#"{"result":{"items":"not a list"},"isSuccess":true}"#,
        ))
        .mount(&env.api)
        .await;
    let err = env.client().employees().list(1, 10).await.unwrap_err();
    assert_eq!(err.code(), "decode", "{err}");
    assert_eq!(
        env.api_requests().await.len(),
        1,
        "deterministic: asked once"
    );
}

#[tokio::test]
async fn a_booking_answered_with_a_corrupt_200_gives_outcome_unknown() {
    let env = Env::start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/WillCall/AddReservation"))
        .respond_with(json_response(
            200,
            r#"{"result":{"reserveLockerId":"e395e8"#,
        ))
        .mount(&env.api)
        .await;
    let err = env
        .client()
        .will_call()
        .add_reservation(reservation(ReservationType::Release, 1))
        .await
        .unwrap_err();
    match err.root() {
        Error::OutcomeUnknown {
            operation,
            reason,
            how_to_check,
        } => {
            assert_eq!(*operation, "will_call.add_reservation");
            assert!(reason.contains("HTTP 200"), "{reason}");
            assert!(
                how_to_check.contains("reservation_status"),
                "{how_to_check}"
            );
        }
        other => panic!("expected OutcomeUnknown, got {other:?}"),
    }
    assert_eq!(env.api_requests().await.len(), 1, "never sent twice");
}

#[tokio::test]
async fn every_non_repeatable_operation_gives_outcome_unknown_on_an_unreadable_200() {
    for body in [r#"{"result":{"x":"#, "<html>ok</html>"] {
        for case in unrepeatable() {
            let env = Env::start().await;
            Mock::given(method(case.op.method))
                .and(path(case.route))
                .respond_with(json_response(200, body))
                .mount(&env.api)
                .await;
            let err = (case.call)(env.client()).await.unwrap_err();
            match err.root() {
                Error::OutcomeUnknown {
                    operation,
                    how_to_check,
                    ..
                } => {
                    assert_eq!(*operation, case.op.name);
                    assert_eq!(*how_to_check, case.op.how_to_check);
                }
                other => panic!("{} with {body}: {other:?}", case.op.name),
            }
            assert_eq!(env.api_requests().await.len(), 1, "{}", case.op.name);
        }
    }
}

#[tokio::test]
async fn a_booking_whose_200_has_no_result_gives_outcome_unknown() {
    let env = Env::start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/WillCall/AddReservation"))
        .respond_with(json_response(200, r#"{"result":null,"isSuccess":true}"#))
        .mount(&env.api)
        .await;
    let err = env
        .client()
        .will_call()
        .add_reservation(reservation(ReservationType::Release, 1))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "outcome_unknown", "{err}");
}

#[tokio::test]
async fn a_corrupt_answer_on_every_attempt_ends_as_a_decode_error_after_the_attempts() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Transaction"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"{\"result\":".to_vec(), "application/json"),
        )
        .mount(&env.api)
        .await;
    let client = env.builder().max_attempts(4).build().unwrap();
    let err = client
        .transactions()
        .list(TransactionQuery::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "decode", "{err}");
    assert_eq!(env.api_requests().await.len(), 4);
}
