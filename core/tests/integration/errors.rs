//! Every error shape the server produces, and how each becomes an [`iqtech::Error`].

use iqtech::{ApiErrorKind, EmployeeInput, EmployeeQuery, Error, FieldError, BODY_SNIPPET_LIMIT};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::operations::{full_assignee, reservation};
use crate::support::*;

fn employee() -> EmployeeInput {
    EmployeeInput {
        department: "D".into(),
        first_name: "F".into(),
        last_name: "L".into(),
        employee_number: "1100".into(),
        ..Default::default()
    }
}

async fn mount(env: &Env, verb: &str, route: &str, answer: ResponseTemplate) {
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(answer)
        .mount(&env.api)
        .await;
}

#[tokio::test]
async fn envelope_error_keeps_status_and_disagreeing_error_id() {
    let env = Env::start().await;
    mount(
        &env,
        "PUT",
        "/api/Employee/1100",
        fixture_response(400, "e4_update_400.json"),
    )
    .await;
    let err = env
        .client()
        .employees()
        .update("1100", employee())
        .await
        .unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.status, 400);
    assert_eq!(
        api.error_id,
        Some(500),
        "errorId kept as data, status decides the class"
    );
    assert_eq!(api.detail, "Invalid employee number");
    assert_eq!(api.operation, "employees.update");
    assert_eq!(err.code(), "bad_request");
    assert_eq!(err.page(), None);
    let line = err.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(
        line.contains("HTTP 400") && line.contains("errorId 500"),
        "{line}"
    );
    assert!(line.contains("Invalid employee number"), "{line}");
    // A 400 is not retried.
    assert_eq!(env.api_requests().await.len(), 1);
}

#[tokio::test]
async fn the_documented_envelope_errors_of_every_employee_operation() {
    let env = Env::start().await;
    mount(
        &env,
        "POST",
        "/api/Employee",
        fixture_response(500, "e2_create_500.json"),
    )
    .await;
    mount(
        &env,
        "PUT",
        "/api/Employee/UpdateEmployeeStatus",
        fixture_response(400, "e3_set_status_400.json"),
    )
    .await;
    mount(
        &env,
        "POST",
        "/api/Employee/UpdateEmployeeSetPin",
        fixture_response(400, "e5_set_pin_400.json"),
    )
    .await;
    let c = env.client();

    let e = c.employees().create(employee()).await.unwrap_err();
    let a = e.api().unwrap();
    assert_eq!(
        (a.status, a.error_id, a.kind),
        (500, Some(500), ApiErrorKind::Server)
    );
    assert_eq!(a.detail, "Employee number already exists!");
    assert_eq!(e.code(), "server");

    let e = c.employees().set_status("nobody", true).await.unwrap_err();
    let a = e.api().unwrap();
    assert_eq!((a.status, a.error_id), (400, Some(400)));
    assert_eq!(a.detail, "Invalid Employee Number");

    let e = c
        .employees()
        .set_pin(iqtech::SetPinInput {
            employee_number: "1000".into(),
            pin: "4321".into(),
            old_pin: Some("0000".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    let a = e.api().unwrap();
    assert_eq!((a.status, a.error_id), (400, Some(500)));
    assert_eq!(a.detail, "Invalid Old Pin");
    // The PINs sent are not in the error.
    assert!(!format!("{e} {e:?}").contains("4321"));
}

#[tokio::test]
async fn not_found_with_error_id_400_is_classed_by_status() {
    let env = Env::start().await;
    mount(
        &env,
        "POST",
        "/api/2.0/WillCall/RecallReservation",
        fixture_response(404, "w6_recall_404.json"),
    )
    .await;
    let err = env
        .client()
        .will_call()
        .recall_reservation(
            "8894b221-01c0-442d-2a68-08da53792ccc",
            full_assignee("DropOff", false),
        )
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(
        (api.kind, api.status, api.error_id),
        (ApiErrorKind::NotFound, 404, Some(400))
    );
    assert_eq!(api.detail, "Invalid Operation!");
    assert_eq!(err.code(), "not_found");
}

#[tokio::test]
async fn exception_only_shape_gives_the_exception_message() {
    for (prefix, fx) in [
        ("/api/2.0/WillCall", "w1_add_reservation_500.json"),
        ("/api/WillCall", "l1_add_reservation_500.json"),
    ] {
        let env = Env::start().await;
        mount(
            &env,
            "POST",
            &format!("{prefix}/AddReservation"),
            fixture_response(500, fx),
        )
        .await;
        let c = env.client();
        let r = reservation(iqtech::ReservationType::Release, 1);
        let err = if prefix.contains("2.0") {
            c.will_call().add_reservation(r).await.unwrap_err()
        } else {
            c.will_call_v1().add_reservation(r).await.unwrap_err()
        };
        let api = err.api().unwrap_or_else(|| panic!("{err:?}"));
        assert_eq!(
            (api.kind, api.status, api.error_id),
            (ApiErrorKind::Server, 500, None)
        );
        assert_eq!(api.detail, "Invalid Selection");
        // A 500 is an answer: the booking was refused, not lost, and it was sent once.
        assert_eq!(env.api_requests().await.len(), 1);
    }
}

#[tokio::test]
async fn legacy_recall_failure_is_a_500_exception() {
    let env = Env::start().await;
    mount(
        &env,
        "POST",
        "/api/WillCall/RecallReservation",
        fixture_response(500, "l6_recall_500.json"),
    )
    .await;
    let err = env
        .client()
        .will_call_v1()
        .recall_reservation(
            "e395e821-11d9-4a18-6b22-08dc49049684",
            full_assignee("x", true),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "server");
    assert_eq!(err.api().unwrap().detail, "Invalid Operation!");
    assert_eq!(env.api_requests().await.len(), 1);
}

#[tokio::test]
async fn problem_details_give_title_field_errors_and_trace_id() {
    for (prefix, fx, value) in [
        (
            "/api/2.0/WillCall",
            "w4_send_new_code_400.json",
            "'00000000'",
        ),
        ("/api/WillCall", "l4_send_new_code_400.json", "'000000000'"),
    ] {
        let env = Env::start().await;
        mount(
            &env,
            "POST",
            &format!("{prefix}/SendNewCode/00000000"),
            fixture_response(400, fx),
        )
        .await;
        let c = env.client();
        let err = if prefix.contains("2.0") {
            c.will_call().send_new_code("00000000").await.unwrap_err()
        } else {
            c.will_call_v1()
                .send_new_code("00000000")
                .await
                .unwrap_err()
        };
        let api = err.api().unwrap();
        assert_eq!((api.kind, api.status), (ApiErrorKind::BadRequest, 400));
        assert_eq!(api.detail, "One or more validation errors occurred.");
        assert_eq!(
            api.field_errors,
            vec![FieldError {
                field: "reservationLockerId".into(),
                messages: vec![format!("The value {value} is not valid.")],
            }]
        );
        assert_eq!(
            api.trace_id.as_deref(),
            Some("00-1071d4b7b6738f6ed764ee1bd389a9a9-d6205f3d49724ebd-00")
        );
        let line = err.to_string();
        assert!(line.contains("reservationLockerId"), "{line}");
        assert!(
            line.contains("00-1071d4b7b6738f6ed764ee1bd389a9a9"),
            "{line}"
        );
    }
}

#[tokio::test]
async fn bare_endpoints_report_their_envelope_errors() {
    let env = Env::start().await;
    for what in ["GetReservationStatus", "GetReservableSelections"] {
        mount(
            &env,
            "GET",
            &format!("/api/2.0/WillCall/{what}/BAD"),
            fixture_response(400, "invalid_serial_400.json"),
        )
        .await;
    }
    mount(
        &env,
        "GET",
        "/api/WillCall/GetReservedLockerReport",
        fixture_response(400, "invalid_serial_400.json"),
    )
    .await;
    let c = env.client();
    let errs = [
        c.will_call().reservation_status("BAD").await.unwrap_err(),
        c.will_call()
            .reservable_selections("BAD")
            .await
            .unwrap_err(),
        c.will_call_v1()
            .reserved_locker_report(iqtech::ReservedLockerReportQuery {
                serial_number: "BAD".into(),
                from_date: chrono::NaiveDate::from_ymd_opt(2022, 6, 21).unwrap(),
                to_date: chrono::NaiveDate::from_ymd_opt(2022, 6, 21).unwrap(),
                page_number: None,
                page_size: None,
            })
            .await
            .unwrap_err(),
    ];
    for e in errs {
        let a = e.api().unwrap_or_else(|| panic!("{e:?}"));
        assert_eq!((a.status, a.error_id), (400, Some(400)));
        assert_eq!(a.detail, "Invalid Serial Number");
    }
}

#[tokio::test]
async fn an_envelope_error_on_a_200_to_a_bare_endpoint_is_an_error_not_a_decode_failure() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        "/api/2.0/WillCall/GetReservationStatus/BAD",
        fixture_response(200, "invalid_serial_400.json"),
    )
    .await;
    let err = env
        .client()
        .will_call()
        .reservation_status("BAD")
        .await
        .unwrap_err();
    let a = err.api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(a.detail, "Invalid Serial Number");
    assert_eq!(a.status, 200);
}

#[tokio::test]
async fn html_502_from_a_proxy_keeps_a_snippet_after_the_retries() {
    let env = Env::start().await;
    let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    mount(
        &env,
        "GET",
        "/api/Employee",
        ResponseTemplate::new(502).set_body_raw(html.as_bytes().to_vec(), "text/html"),
    )
    .await;
    let err = env.client().employees().list(1, 10).await.unwrap_err();
    let a = err.api().unwrap();
    assert_eq!(
        (a.kind, a.status, a.error_id),
        (ApiErrorKind::Server, 502, None)
    );
    assert_eq!(a.body.as_deref(), Some(html));
    assert!(a.detail.contains("Bad Gateway"), "{}", a.detail);
    assert_eq!(env.api_requests().await.len(), 3, "a GET is retried on 502");
}

#[tokio::test]
async fn a_huge_error_body_is_cut_to_the_snippet_limit() {
    let env = Env::start().await;
    let html = format!("<html>{}</html>", "x".repeat(20_000));
    mount(
        &env,
        "GET",
        "/api/Employee",
        ResponseTemplate::new(418).set_body_raw(html.into_bytes(), "text/html"),
    )
    .await;
    let err = env.client().employees().list(1, 10).await.unwrap_err();
    let body = err.api().unwrap().body.clone().unwrap();
    assert!(body.len() <= BODY_SNIPPET_LIMIT + 3, "{}", body.len());
    assert!(body.starts_with("<html>xxx"));
    assert!(err.to_string().len() < 1000);
}

#[tokio::test]
async fn empty_bodies_still_give_a_message() {
    let env = Env::start().await;
    mount(&env, "GET", "/api/Employee", ResponseTemplate::new(404)).await;
    mount(&env, "POST", "/api/Employee", ResponseTemplate::new(503)).await;
    let c = env.client();
    let e = c.employees().list(1, 10).await.unwrap_err();
    let a = e.api().unwrap();
    assert_eq!(
        (a.kind, a.status, a.body.as_deref()),
        (ApiErrorKind::NotFound, 404, None)
    );
    assert_eq!(a.detail, "Not Found (empty body)");
    let e = c.employees().create(employee()).await.unwrap_err();
    let a = e.api().unwrap();
    assert_eq!((a.kind, a.status), (ApiErrorKind::Server, 503));
    assert_eq!(a.detail, "Service Unavailable (empty body)");
}

#[tokio::test]
async fn truncated_json_on_every_200_is_retried_then_a_decode_error_with_a_snippet() {
    let env = Env::start().await;
    let truncated = r#"{"result":{"items":[{"firstName":"Brydan","lastName":"Fr"#;
    mount(&env, "GET", "/api/Employee", json_response(200, truncated)).await;
    let err = env.client().employees().list(1, 10).await.unwrap_err();
    match err.root() {
        Error::Decode {
            operation,
            status,
            message,
            body,
        } => {
            assert_eq!(*operation, "employees.list");
            assert_eq!(*status, 200);
            assert!(!message.is_empty());
            assert_eq!(body, truncated);
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert_eq!(err.code(), "decode");
    assert_eq!(
        env.api_requests().await.len(),
        3,
        "a corrupt body is retried like a 502, within the attempts"
    );
}

#[tokio::test]
async fn a_wrongly_typed_document_is_a_decode_error_naming_the_problem() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        "/api/2.0/WillCall/GetReservableSelections/W",
        json_response(200, r#"["a"]"#),
    )
    .await;
    let err = env
        .client()
        .will_call()
        .reservable_selections("W")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "decode", "{err:?}");
}

#[tokio::test]
async fn is_success_false_on_a_200_is_an_api_error() {
    let env = Env::start().await;
    let body = r#"{"isSuccess":false,"success":null,"errors":null,"error":{"errorId":409,"message":"Employee number already exists!"},"exception":null}"#;
    mount(&env, "POST", "/api/Employee", json_response(200, body)).await;
    let body_with_result =
        r#"{"result":null,"isSuccess":false,"error":{"errorId":500,"message":"Paging failed"}}"#;
    mount(
        &env,
        "GET",
        "/api/Employee",
        json_response(200, body_with_result),
    )
    .await;
    let c = env.client();

    let err = c.employees().create(employee()).await.unwrap_err();
    let a = err.api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(
        (a.status, a.error_id, a.kind),
        (200, Some(409), ApiErrorKind::Unexpected)
    );
    assert_eq!(a.detail, "Employee number already exists!");
    assert_eq!(err.code(), "api");

    let err = c.employees().list(1, 10).await.unwrap_err();
    assert_eq!(err.api().unwrap().detail, "Paging failed");
}

#[tokio::test]
async fn lookup_no_match_400_is_an_empty_list() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        "/api/Employee/lookup",
        fixture_response(400, "e6_lookup_400_no_match.json"),
    )
    .await;
    let found = env
        .client()
        .employees()
        .lookup(EmployeeQuery {
            last_name: Some("Nobody".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(found.is_empty());
    assert_eq!(env.api_requests().await.len(), 1);
}

#[tokio::test]
async fn lookup_no_match_with_is_success_false_on_a_200_is_an_empty_list_too() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        "/api/Employee/lookup",
        fixture_response(200, "e6_lookup_400_no_match.json"),
    )
    .await;
    let found = env
        .client()
        .employees()
        .lookup(EmployeeQuery {
            active: Some(false),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(found.is_empty());
}

#[tokio::test]
async fn lookup_other_400_is_an_error() {
    let env = Env::start().await;
    let body = r#"{"result":null,"isSuccess":false,"errorStatusVal":0,"success":null,"errors":null,"error":{"errorId":400,"message":"Invalid department."},"exception":null}"#;
    mount(
        &env,
        "GET",
        "/api/Employee/lookup",
        json_response(400, body),
    )
    .await;
    let err = env
        .client()
        .employees()
        .lookup(EmployeeQuery {
            department: Some("??".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), "bad_request");
    assert_eq!(err.api().unwrap().detail, "Invalid department.");
}

#[tokio::test]
async fn lookup_no_match_message_on_a_5xx_is_still_an_error() {
    let env = Env::start().await;
    mount(
        &env,
        "GET",
        "/api/Employee/lookup",
        fixture_response(500, "e6_lookup_400_no_match.json"),
    )
    .await;
    let err = env
        .client()
        .employees()
        .lookup(EmployeeQuery {
            first_name: Some("x".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), "server");
}

#[tokio::test]
async fn other_statuses_map_to_their_classes() {
    for (status, code) in [
        (401u16, "authentication"),
        (403, "permission_denied"),
        (404, "not_found"),
        (409, "conflict"),
        (422, "bad_request"),
        (500, "server"),
    ] {
        let env = Env::start().await;
        mount(
            &env,
            "GET",
            "/api/Employee",
            json_response(status, r#"{"title":"nope"}"#),
        )
        .await;
        let err = env
            .client()
            .employees()
            .list(1, 1)
            .await
            .expect_err("an error status");
        assert_eq!(err.code(), code, "HTTP {status}: {err:?}");
        assert_eq!(err.api().unwrap().status, status);
    }
}
