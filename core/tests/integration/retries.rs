//! Retries per operation class: what is repeated, what is never sent twice, `Retry-After`, and the
//! "outcome unknown" answer when a non-repeatable request's answer is lost.

use iqtech::operations as ops;
use iqtech::{Client, EmployeeInput, Error, ReservationType, RetryPolicy, SetPinInput};
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::operations::{full_assignee, reservation};
use crate::support::*;

pub(crate) type Call =
    Box<dyn Fn(Client) -> Pin<Box<dyn Future<Output = Result<(), Error>> + Send>>>;

/// A non-repeatable operation: its catalogue entry, its HTTP path, and a call of it.
pub(crate) struct Unrepeatable {
    pub op: &'static ops::Operation,
    pub route: &'static str,
    pub call: Call,
}

fn employee() -> EmployeeInput {
    EmployeeInput {
        department: "D".into(),
        first_name: "F".into(),
        last_name: "L".into(),
        employee_number: "1".into(),
        ..Default::default()
    }
}

/// Every POST the catalogue marks as not repeatable.
pub(crate) fn unrepeatable() -> Vec<Unrepeatable> {
    const ID: &str = "e395e821-11d9-4a18-6b22-08dc49049684";
    vec![
        Unrepeatable {
            op: &ops::EMPLOYEES_CREATE,
            route: "/api/Employee",
            call: Box::new(|c| Box::pin(async move { c.employees().create(employee()).await })),
        },
        Unrepeatable {
            op: &ops::EMPLOYEES_SET_PIN,
            route: "/api/Employee/UpdateEmployeeSetPin",
            call: Box::new(|c| {
                Box::pin(async move {
                    c.employees()
                        .set_pin(SetPinInput {
                            employee_number: "1".into(),
                            pin: "4321".into(),
                            ..Default::default()
                        })
                        .await
                })
            }),
        },
        Unrepeatable {
            op: &ops::WILL_CALL_ADD_RESERVATION,
            route: "/api/2.0/WillCall/AddReservation",
            call: Box::new(|c| {
                Box::pin(async move {
                    c.will_call()
                        .add_reservation(reservation(ReservationType::Release, 1))
                        .await
                        .map(drop)
                })
            }),
        },
        Unrepeatable {
            op: &ops::WILL_CALL_V1_ADD_RESERVATION,
            route: "/api/WillCall/AddReservation",
            call: Box::new(|c| {
                Box::pin(async move {
                    c.will_call_v1()
                        .add_reservation(reservation(ReservationType::Pickup, 2))
                        .await
                        .map(drop)
                })
            }),
        },
        Unrepeatable {
            op: &ops::WILL_CALL_SEND_NEW_CODE,
            route: "/api/2.0/WillCall/SendNewCode/e395e821-11d9-4a18-6b22-08dc49049684",
            call: Box::new(|c| {
                Box::pin(async move { c.will_call().send_new_code(ID).await.map(drop) })
            }),
        },
        Unrepeatable {
            op: &ops::WILL_CALL_V1_SEND_NEW_CODE,
            route: "/api/WillCall/SendNewCode/e395e821-11d9-4a18-6b22-08dc49049684",
            call: Box::new(|c| {
                Box::pin(async move { c.will_call_v1().send_new_code(ID).await.map(drop) })
            }),
        },
        Unrepeatable {
            op: &ops::WILL_CALL_RECALL_RESERVATION,
            route: "/api/2.0/WillCall/RecallReservation",
            call: Box::new(|c| {
                Box::pin(async move {
                    c.will_call()
                        .recall_reservation(ID, full_assignee("DropOff", false))
                        .await
                        .map(drop)
                })
            }),
        },
        Unrepeatable {
            op: &ops::WILL_CALL_V1_RECALL_RESERVATION,
            route: "/api/WillCall/RecallReservation",
            call: Box::new(|c| {
                Box::pin(async move {
                    c.will_call_v1()
                        .recall_reservation(ID, full_assignee("DropOff", true))
                        .await
                        .map(drop)
                })
            }),
        },
    ]
}

#[test]
fn the_table_above_lists_every_non_repeatable_operation() {
    let mut listed: Vec<_> = unrepeatable().iter().map(|u| u.op.name).collect();
    let mut catalogue: Vec<_> = ops::ALL
        .iter()
        .filter(|o| !o.repeatable)
        .map(|o| o.name)
        .collect();
    listed.sort();
    catalogue.sort();
    assert_eq!(listed, catalogue);
}

async fn mount_list_ok(env: &Env) {
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(fixture_response(200, "e1_employee_list.json"))
        .mount(&env.api)
        .await;
}

/// Mounts `first` for the first `n` requests to `verb route`, then `then`.
async fn fail_then(
    env: &Env,
    verb: &str,
    route: &str,
    n: u64,
    first: ResponseTemplate,
    then: ResponseTemplate,
) {
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(first)
        .up_to_n_times(n)
        .mount(&env.api)
        .await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(then)
        .mount(&env.api)
        .await;
}

#[tokio::test]
async fn gets_are_retried_on_503_502_504_and_429_and_succeed_on_the_third_attempt() {
    for status in [503u16, 502, 504, 429] {
        let env = Env::start().await;
        fail_then(
            &env,
            "GET",
            "/api/Employee",
            2,
            ResponseTemplate::new(status),
            fixture_response(200, "e1_employee_list.json"),
        )
        .await;
        let page = env
            .client()
            .employees()
            .list(1, 20)
            .await
            .unwrap_or_else(|e| panic!("HTTP {status}: {e}"));
        assert_eq!(page.items.len(), 2);
        assert_eq!(env.api_requests().await.len(), 3, "HTTP {status}");
        // One token for all attempts.
        assert_eq!(env.token_requests().await.len(), 1);
    }
}

#[tokio::test]
async fn every_read_operation_is_retried() {
    let env = Env::start().await;
    let gets = [
        ("/api/Employee/lookup", "e6_lookup.json"),
        (
            "/api/2.0/WillCall/GetReservationStatus/W",
            "w2_reservation_status.json",
        ),
        (
            "/api/WillCall/GetReservableSelections/W",
            "l3_reservable_selections.json",
        ),
        (
            "/api/Machine/GetMachinePlanogramDetails",
            "m1_planogram_single.json",
        ),
        ("/api/Transaction", "t1_transactions.json"),
        (
            "/api/2.0/WillCall/GetReservedLockerReport",
            "w5_reserved_locker_report.json",
        ),
    ];
    for (route, fx) in gets {
        fail_then(
            &env,
            "GET",
            route,
            1,
            ResponseTemplate::new(503),
            fixture_response(200, fx),
        )
        .await;
    }
    let c = env.client();
    let q = iqtech::ReservedLockerReportQuery {
        serial_number: "W".into(),
        from_date: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        to_date: chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
        page_number: None,
        page_size: None,
    };
    c.employees()
        .lookup(iqtech::EmployeeQuery {
            first_name: Some("H".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    c.will_call().reservation_status("W").await.unwrap();
    c.will_call_v1().reservable_selections("W").await.unwrap();
    c.machines().planogram("W").await.unwrap();
    c.transactions().list(Default::default()).await.unwrap();
    c.will_call().reserved_locker_report(q).await.unwrap();
    assert_eq!(env.api_requests().await.len(), 12);
}

#[tokio::test]
async fn puts_are_repeatable_and_retried() {
    let env = Env::start().await;
    fail_then(
        &env,
        "PUT",
        "/api/Employee/UpdateEmployeeStatus",
        2,
        ResponseTemplate::new(504),
        fixture_response(200, "envelope_ok.json"),
    )
    .await;
    fail_then(
        &env,
        "PUT",
        "/api/Employee/1",
        2,
        ResponseTemplate::new(502),
        fixture_response(200, "envelope_ok.json"),
    )
    .await;
    let c = env.client();
    c.employees().set_status("1", true).await.unwrap();
    c.employees().update("1", employee()).await.unwrap();
    let reqs = env.api_requests().await;
    assert_eq!(reqs.len(), 6);
    // Every attempt sends the same bytes.
    assert!(reqs[..3].iter().all(|r| r.body == reqs[0].body));
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let env = Env::start().await;
    fail_then(
        &env,
        "GET",
        "/api/Employee",
        1,
        ResponseTemplate::new(429).insert_header("Retry-After", "1"),
        fixture_response(200, "e1_employee_list.json"),
    )
    .await;
    let started = Instant::now();
    env.client().employees().list(1, 1).await.unwrap();
    // The backoff alone would be a few milliseconds: the wait came from the header.
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(env.api_requests().await.len(), 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_ends_the_retries_with_the_rate_limit_error() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "120"))
        .mount(&env.api)
        .await;
    let err = env.client().employees().list(1, 1).await.unwrap_err();
    let a = err.api().unwrap();
    assert_eq!(err.code(), "rate_limited");
    assert_eq!(a.retry_after, Some(Duration::from_secs(120)));
    assert_eq!(env.api_requests().await.len(), 1);
}

#[tokio::test]
async fn max_attempts_is_respected() {
    for attempts in [1u32, 2, 5] {
        let env = Env::start().await;
        Mock::given(method("GET"))
            .and(path("/api/Employee"))
            .respond_with(ResponseTemplate::new(503))
            .mount(&env.api)
            .await;
        let client = env.builder().max_attempts(attempts).build().unwrap();
        let err = client.employees().list(1, 1).await.unwrap_err();
        assert_eq!(err.code(), "server");
        assert_eq!(err.api().unwrap().status, 503);
        assert_eq!(env.api_requests().await.len(), attempts as usize);
    }
}

#[tokio::test]
async fn backoff_grows_between_attempts() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&env.api)
        .await;
    let client = env
        .builder()
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(1),
        })
        .build()
        .unwrap();
    let started = Instant::now();
    client.employees().list(1, 1).await.unwrap_err();
    // At least half of 100 ms, then half of 200 ms ("full jitter" between half and all).
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn non_repeatable_posts_are_not_retried_on_503() {
    for u in unrepeatable() {
        let env = Env::start().await;
        Mock::given(method("POST"))
            .and(path(u.route))
            .respond_with(ResponseTemplate::new(503))
            .mount(&env.api)
            .await;
        let err = (u.call)(env.client()).await.unwrap_err();
        let a = err
            .api()
            .unwrap_or_else(|| panic!("{}: {err:?}", u.op.name));
        // The server said it is unavailable: a plain error, not "outcome unknown".
        assert_eq!((a.status, a.operation), (503, u.op.name));
        assert_eq!(env.api_requests().await.len(), 1, "{}", u.op.name);
    }
}

#[tokio::test]
async fn non_repeatable_posts_get_outcome_unknown_on_502_and_504() {
    for status in [502u16, 504] {
        for u in unrepeatable() {
            let env = Env::start().await;
            Mock::given(method("POST"))
                .and(path(u.route))
                .respond_with(ResponseTemplate::new(status))
                .mount(&env.api)
                .await;
            let err = (u.call)(env.client()).await.unwrap_err();
            match err.root() {
                Error::OutcomeUnknown {
                    operation,
                    reason,
                    how_to_check,
                } => {
                    assert_eq!(*operation, u.op.name);
                    assert!(reason.contains(&status.to_string()), "{reason}");
                    assert_eq!(*how_to_check, u.op.how_to_check);
                    assert!(!how_to_check.is_empty());
                }
                other => panic!("{} on {status}: {other:?}", u.op.name),
            }
            assert_eq!(err.code(), "outcome_unknown");
            assert!(err.to_string().contains(u.op.how_to_check));
            assert_eq!(
                env.api_requests().await.len(),
                1,
                "{} on {status}",
                u.op.name
            );
        }
    }
}

#[tokio::test]
async fn non_repeatable_posts_are_retried_on_429() {
    // 429 says the request was not processed: repeating it is safe.
    let env = Env::start().await;
    fail_then(
        &env,
        "POST",
        "/api/2.0/WillCall/AddReservation",
        1,
        ResponseTemplate::new(429).insert_header("Retry-After", "0"),
        fixture_response(200, "w1_add_reservation.json"),
    )
    .await;
    let r = reservation(ReservationType::Release, 1);
    env.client().will_call().add_reservation(r).await.unwrap();
    assert_eq!(env.api_requests().await.len(), 2);
}

#[tokio::test]
async fn add_reservation_is_sent_once_when_the_connection_drops_after_the_request() {
    for legacy in [false, true] {
        let env = Env::start().await;
        let raw = RawServer::start(RawBehaviour::CloseAfterRequest).await;
        let client = env.builder().api_url(raw.url()).build().unwrap();
        let r = reservation(ReservationType::Release, 1);
        let err = if legacy {
            client.will_call_v1().add_reservation(r).await.unwrap_err()
        } else {
            client.will_call().add_reservation(r).await.unwrap_err()
        };
        match err.root() {
            Error::OutcomeUnknown {
                operation, reason, ..
            } => {
                assert!(operation.ends_with("add_reservation"));
                assert!(reason.contains("after the request was sent"), "{reason}");
            }
            other => panic!("expected outcome unknown, got {other:?}"),
        }
        assert!(err.to_string().contains("reservation_status"), "{err}");
        // Give a wrongful retry time to arrive before counting.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let got = raw.received();
        assert_eq!(got.len(), 1, "sent exactly once: {got:#?}");
        assert!(got[0].starts_with("POST /api/"), "{}", got[0]);
    }
}

#[tokio::test]
async fn every_non_repeatable_post_is_sent_once_when_the_connection_drops() {
    for u in unrepeatable() {
        let env = Env::start().await;
        let raw = RawServer::start(RawBehaviour::CloseAfterRequest).await;
        let client = env.builder().api_url(raw.url()).build().unwrap();
        let err = (u.call)(client).await.unwrap_err();
        assert_eq!(err.code(), "outcome_unknown", "{}: {err:?}", u.op.name);
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(raw.received().len(), 1, "{}", u.op.name);
    }
}

#[tokio::test]
async fn add_reservation_is_sent_once_when_the_answer_comes_after_the_timeout() {
    let env = Env::start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/WillCall/AddReservation"))
        .respond_with(
            fixture_response(200, "w1_add_reservation.json").set_delay(Duration::from_secs(2)),
        )
        .mount(&env.api)
        .await;
    let client = env
        .builder()
        .request_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let err = client
        .will_call()
        .add_reservation(reservation(ReservationType::Exchange, 3))
        .await
        .unwrap_err();
    match err.root() {
        Error::OutcomeUnknown { reason, .. } => {
            assert!(reason.contains("no answer within"), "{reason}")
        }
        other => panic!("expected outcome unknown, got {other:?}"),
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(env.api_requests().await.len(), 1);
}

#[tokio::test]
async fn a_get_whose_connection_drops_is_retried_and_ends_as_a_connection_error() {
    let env = Env::start().await;
    let raw = RawServer::start(RawBehaviour::CloseAfterRequest).await;
    let client = env.builder().api_url(raw.url()).build().unwrap();
    let err = client.employees().list(1, 1).await.unwrap_err();
    match err.root() {
        Error::Connection { operation, .. } => assert_eq!(*operation, "employees.list"),
        other => panic!("expected a connection error, got {other:?}"),
    }
    assert_eq!(raw.received().len(), 3);
}

#[tokio::test]
async fn a_get_that_times_out_is_retried_and_ends_as_a_timeout() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(
            fixture_response(200, "e1_employee_list.json").set_delay(Duration::from_secs(2)),
        )
        .mount(&env.api)
        .await;
    let client = env
        .builder()
        .request_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = client.employees().list(1, 1).await.unwrap_err();
    match err.root() {
        Error::Timeout { operation, timeout } => {
            assert_eq!(*operation, "employees.list");
            assert_eq!(*timeout, Duration::from_millis(200));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert_eq!(err.code(), "timeout");
    assert_eq!(env.api_requests().await.len(), 3);
}

#[tokio::test]
async fn a_get_that_times_out_once_then_answers_succeeds() {
    let env = Env::start().await;
    fail_then(
        &env,
        "GET",
        "/api/Employee",
        1,
        fixture_response(200, "e1_employee_list.json").set_delay(Duration::from_secs(2)),
        fixture_response(200, "e1_employee_list.json"),
    )
    .await;
    let client = env
        .builder()
        .request_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    client.employees().list(1, 1).await.unwrap();
    assert_eq!(env.api_requests().await.len(), 2);
}

#[tokio::test]
async fn connection_refused_is_retried_for_add_reservation_and_ends_as_a_connection_error() {
    let env = Env::start().await;
    let client = env
        .builder()
        .api_url(format!("http://127.0.0.1:{}/", free_port()))
        .build()
        .unwrap();
    let err = client
        .will_call()
        .add_reservation(reservation(ReservationType::Release, 1))
        .await
        .unwrap_err();
    match err.root() {
        Error::Connection { operation, .. } => assert_eq!(*operation, "will_call.add_reservation"),
        other => panic!("expected a connection error, got {other:?}"),
    }
    assert_eq!(err.code(), "connection");
}

#[tokio::test]
async fn connection_refused_then_a_server_appears_books_exactly_once() {
    // Proves the refused attempt is retried for a non-repeatable operation: the server only
    // starts listening after the first attempt was refused, yet the booking succeeds.
    let env = Env::start().await;
    let port = free_port();
    let client = env
        .builder()
        .api_url(format!("http://127.0.0.1:{port}/"))
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(800),
            max_backoff: Duration::from_millis(800),
            max_retry_after: Duration::from_secs(1),
        })
        .build()
        .unwrap();
    let started = Instant::now();
    let call = tokio::spawn(async move {
        client
            .will_call()
            .add_reservation(reservation(ReservationType::Release, 1))
            .await
    });
    // The token request comes right before the first (refused) attempt.
    while env.token_requests().await.is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no token request"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    tokio::time::sleep(Duration::from_millis(150)).await;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let raw = RawServer::serve(
        listener,
        RawBehaviour::Respond(raw_json_response(200, &fixture("w1_add_reservation.json"))),
    );
    let result = call.await.unwrap().unwrap();
    assert_eq!(result.access_codes.len(), 2);
    assert_eq!(raw.received().len(), 1);
    // The second attempt came after the backoff (at least half of 800 ms).
    assert!(started.elapsed() >= Duration::from_millis(400));
}

#[tokio::test]
async fn a_4xx_is_never_retried() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(ResponseTemplate::new(400))
        .mount(&env.api)
        .await;
    mount_list_ok(&env).await;
    env.client().employees().list(1, 1).await.unwrap_err();
    assert_eq!(env.api_requests().await.len(), 1);
}
