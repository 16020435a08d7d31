//! Caller mistakes are caught before anything is sent: each names its field, and the servers
//! received nothing (not even a token request).

use chrono::NaiveDate;
use iqtech::{
    Client, EmployeeInput, EmployeeQuery, Error, ReservationType, ReservedLockerReportQuery,
    SetPinInput, TransactionQuery,
};
use wiremock::matchers::{method, path_regex};
use wiremock::Mock;

use crate::operations::{full_assignee, reservation};
use crate::support::*;

/// Asserts a validation error for `field`.
fn assert_invalid<T: std::fmt::Debug>(result: iqtech::Result<T>, field: &str) {
    match result {
        Err(Error::Validation { field: f, message }) => {
            assert_eq!(f, field, "message: {message}");
            assert!(!message.is_empty());
        }
        other => panic!("expected a validation error for {field}, got {other:?}"),
    }
}

/// A change that makes an input invalid.
type Spoil<T> = fn(&mut T);

fn employee() -> EmployeeInput {
    EmployeeInput {
        department: "D".into(),
        first_name: "F".into(),
        last_name: "L".into(),
        employee_number: "1".into(),
        ..Default::default()
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 4, d).unwrap()
}

#[tokio::test]
async fn paging_arguments_are_checked() {
    let env = Env::start().await;
    let c = env.client();
    assert_invalid(c.employees().list(0, 10).await, "page");
    assert_invalid(c.employees().list(1, 0).await, "page_size");
    assert_invalid(c.employees().list(1, 101).await, "page_size");
    assert_invalid(c.machines().list(0, 10).await, "page");
    assert_invalid(c.machines().list(1, 101).await, "page_size");
    let t = |page, page_size| TransactionQuery {
        page,
        page_size,
        ..Default::default()
    };
    assert_invalid(c.transactions().list(t(Some(0), None)).await, "page");
    assert_invalid(c.transactions().list(t(None, Some(0))).await, "page_size");
    assert_invalid(c.transactions().list(t(None, Some(101))).await, "page_size");
    let r = |page_number, page_size| ReservedLockerReportQuery {
        serial_number: "W".into(),
        from_date: day(1),
        to_date: day(2),
        page_number,
        page_size,
    };
    assert_invalid(
        c.will_call().reserved_locker_report(r(Some(0), None)).await,
        "page",
    );
    assert_invalid(
        c.will_call_v1()
            .reserved_locker_report(r(None, Some(101)))
            .await,
        "page_size",
    );
    // Pagers fail at once on bad options.
    assert_invalid(c.employees().iter(Some(0), None), "page_size");
    assert_invalid(c.employees().iter(Some(101), None), "page_size");
    assert_invalid(c.employees().iter(None, Some(0)), "concurrency");
    assert_invalid(c.machines().iter(None, Some(33)), "concurrency");
    assert_invalid(c.transactions().iter(t(None, Some(101)), None), "page_size");
    assert_invalid(
        c.will_call()
            .iter_reserved_locker_report(r(None, Some(0)), None),
        "page_size",
    );
    env.assert_nothing_sent().await;
}

#[tokio::test]
async fn empty_serial_numbers_and_ids_are_refused() {
    let env = Env::start().await;
    let c = env.client();
    for blank in ["", "   "] {
        assert_invalid(
            c.will_call().reservation_status(blank).await,
            "serial_number",
        );
        assert_invalid(
            c.will_call_v1().reservation_status(blank).await,
            "serial_number",
        );
        assert_invalid(
            c.will_call().reservable_selections(blank).await,
            "serial_number",
        );
        assert_invalid(
            c.will_call_v1().reservable_selections(blank).await,
            "serial_number",
        );
        assert_invalid(
            c.will_call().send_new_code(blank).await,
            "reserve_locker_id",
        );
        assert_invalid(
            c.will_call_v1().send_new_code(blank).await,
            "reserve_locker_id",
        );
        assert_invalid(
            c.will_call()
                .recall_reservation(blank, full_assignee("x", false))
                .await,
            "reserve_locker_id",
        );
        assert_invalid(
            c.will_call_v1()
                .recall_reservation(blank, full_assignee("x", true))
                .await,
            "reserve_locker_id",
        );
        assert_invalid(c.machines().planogram(blank).await, "serial_no");
        assert_invalid(
            c.transactions()
                .list(TransactionQuery {
                    serial_no: Some(blank.into()),
                    ..Default::default()
                })
                .await,
            "serial_no",
        );
        // The pager refuses it at once too (not as a failure of "page 1").
        assert_invalid(
            c.transactions().iter(
                TransactionQuery {
                    serial_no: Some(blank.into()),
                    ..Default::default()
                },
                None,
            ),
            "serial_no",
        );
        let q = ReservedLockerReportQuery {
            serial_number: blank.into(),
            from_date: day(1),
            to_date: day(2),
            page_number: None,
            page_size: None,
        };
        assert_invalid(
            c.will_call().reserved_locker_report(q.clone()).await,
            "serial_number",
        );
        assert_invalid(
            c.will_call_v1().iter_reserved_locker_report(q, None),
            "serial_number",
        );
        assert_invalid(
            c.employees().update(blank, employee()).await,
            "employee_number",
        );
        assert_invalid(
            c.employees().set_status(blank, true).await,
            "employee_number",
        );
        let mut r = reservation(ReservationType::Release, 1);
        r.serial_number = blank.into();
        assert_invalid(c.will_call().add_reservation(r).await, "serial_number");
    }
    env.assert_nothing_sent().await;
}

#[tokio::test]
async fn required_employee_fields_are_checked() {
    let env = Env::start().await;
    let c = env.client();
    let cases: [(&str, Spoil<EmployeeInput>); 4] = [
        ("department", |e| e.department.clear()),
        ("first_name", |e| e.first_name = " ".into()),
        ("last_name", |e| e.last_name.clear()),
        ("employee_number", |e| e.employee_number.clear()),
    ];
    for (field, spoil) in cases {
        let mut input = employee();
        spoil(&mut input);
        assert_invalid(c.employees().create(input.clone()).await, field);
        assert_invalid(c.employees().update("1", input).await, field);
    }
    assert_invalid(
        c.employees()
            .set_pin(SetPinInput {
                employee_number: "1".into(),
                ..Default::default()
            })
            .await,
        "pin",
    );
    assert_invalid(
        c.employees()
            .set_pin(SetPinInput {
                pin: "1234".into(),
                ..Default::default()
            })
            .await,
        "employee_number",
    );
    env.assert_nothing_sent().await;
}

#[tokio::test]
async fn a_lookup_needs_a_criterion() {
    let env = Env::start().await;
    let c = env.client();
    assert_invalid(
        c.employees().lookup(EmployeeQuery::default()).await,
        "query",
    );
    assert_invalid(
        c.employees()
            .lookup(EmployeeQuery {
                first_name: Some("".into()),
                last_name: Some("  ".into()),
                ..Default::default()
            })
            .await,
        "query",
    );
    env.assert_nothing_sent().await;
}

#[tokio::test]
async fn reservation_fields_are_checked() {
    let env = Env::start().await;
    let c = env.client();
    let spoilers: [(&str, Spoil<iqtech::Reservation>); 3] = [
        ("createdby_user", |r| r.createdby_user.clear()),
        ("selection", |r| r.selection.clear()),
        ("location_name", |r| r.location_name.clear()),
    ];
    for (field, spoil) in spoilers {
        let mut r = reservation(ReservationType::Release, 1);
        spoil(&mut r);
        assert_invalid(c.will_call().add_reservation(r).await, field);
    }
    env.assert_nothing_sent().await;
}

#[tokio::test]
async fn assignee_count_follows_the_reservation_type() {
    let env = Env::start().await;
    Mock::given(method("POST"))
        .and(path_regex("/AddReservation$"))
        .respond_with(fixture_response(200, "w1_add_reservation.json"))
        .mount(&env.api)
        .await;
    let c = env.client();
    let cases = [
        (ReservationType::Release, 1),
        (ReservationType::Pickup, 2),
        (ReservationType::DropOff, 2),
        (ReservationType::Exchange, 3),
    ];
    for (kind, right) in cases.clone() {
        for wrong in [0, 1, 2, 3, 4] {
            if wrong == right {
                continue;
            }
            assert_invalid(
                c.will_call()
                    .add_reservation(reservation(kind.clone(), wrong))
                    .await,
                "external_reserve_locker_detail_list",
            );
            assert_invalid(
                c.will_call_v1()
                    .add_reservation(reservation(kind.clone(), wrong))
                    .await,
                "external_reserve_locker_detail_list",
            );
        }
    }
    env.assert_nothing_sent().await;
    // The right counts are accepted and sent (so the refusals above were about the count).
    for (kind, right) in cases {
        c.will_call()
            .add_reservation(reservation(kind, right))
            .await
            .unwrap();
    }
    assert_eq!(env.api_requests().await.len(), 4);
    // An unknown type is left to the server to judge.
    let other = ReservationType::Other {
        value: "Teleport".into(),
    };
    c.will_call()
        .add_reservation(reservation(other, 5))
        .await
        .unwrap();
    let last = env.api_requests().await.pop().unwrap();
    assert_eq!(json_body(&last)["reservationType"], "Teleport");
}

#[tokio::test]
async fn from_date_after_to_date_is_refused() {
    let env = Env::start().await;
    let c = env.client();
    let t = TransactionQuery {
        from_date: Some(day(2)),
        to_date: Some(day(1)),
        ..Default::default()
    };
    assert_invalid(c.transactions().list(t.clone()).await, "from_date");
    assert_invalid(c.transactions().iter(t, None), "from_date");
    let r = ReservedLockerReportQuery {
        serial_number: "W".into(),
        from_date: day(2),
        to_date: day(1),
        page_number: None,
        page_size: None,
    };
    assert_invalid(
        c.will_call().reserved_locker_report(r.clone()).await,
        "from_date",
    );
    assert_invalid(
        c.will_call_v1().reserved_locker_report(r.clone()).await,
        "from_date",
    );
    assert_invalid(
        c.will_call().iter_reserved_locker_report(r, None),
        "from_date",
    );
    env.assert_nothing_sent().await;
}

#[tokio::test]
async fn configuration_mistakes_are_refused_when_building() {
    let env = Env::start().await;
    let remote = "http://integration.iqtechportal.com/";
    assert_invalid(env.builder().api_url(remote).build(), "api_url");
    assert_invalid(
        env.builder()
            .auth_url("http://account.iqtechportal.com/")
            .build(),
        "auth_url",
    );
    assert_invalid(env.builder().api_url("ftp://127.0.0.1/").build(), "api_url");
    assert_invalid(env.builder().api_url("not a url").build(), "api_url");
    assert_invalid(env.builder().max_attempts(0).build(), "max_attempts");
    assert_invalid(
        env.builder().page_concurrency(0).build(),
        "page_concurrency",
    );
    assert_invalid(
        env.builder().page_concurrency(33).build(),
        "page_concurrency",
    );
    assert_invalid(
        env.builder()
            .request_timeout(std::time::Duration::ZERO)
            .build(),
        "request_timeout",
    );
    assert_invalid(Client::builder().client_secret("s").build(), "client_id");
    assert_invalid(Client::builder().client_id("i").build(), "client_secret");
    assert_invalid(
        Client::builder().client_id("i").client_secret(" ").build(),
        "client_secret",
    );
    // Loopback over plain http, and https anywhere, are accepted.
    for ok in [
        "http://localhost:1/",
        "http://[::1]:1/",
        "https://integration.iqtechportal.com/",
    ] {
        env.builder()
            .api_url(ok)
            .build()
            .unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    env.assert_nothing_sent().await;
}

#[tokio::test]
async fn request_models_built_from_keyword_data_name_a_mistyped_field() {
    // Bindings build request models from snake_case dicts; a typo must name itself.
    let err = serde_json::from_value::<EmployeeInput>(serde_json::json!({
        "department": "D", "first_name": "F", "last_name": "L", "employee_number": "1",
        "frist_name": "typo"
    }))
    .unwrap_err();
    assert!(err.to_string().contains("frist_name"), "{err}");
    let err = serde_json::from_value::<TransactionQuery>(serde_json::json!({"serialNo": "W"}))
        .unwrap_err();
    assert!(err.to_string().contains("serialNo"), "{err}");
}
