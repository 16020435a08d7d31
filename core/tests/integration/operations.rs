//! Every operation: the request it sends (method, path, query names, body field names, bearer
//! token) and the decoding of the document's example answer for it.

use chrono::{NaiveDate, Timelike};
use iqtech::{
    AccessCode, Assignee, AssigneeType, Client, Employee, EmployeeInput, EmployeeQuery, Language,
    Machine, PageMeta, PlanogramEntry, RecallResult, Reservation, ReservationDetail,
    ReservationResult, ReservationStatus, ReservationType, ReservedLockerReportQuery, SendCode,
    SetPinInput, TransactionQuery,
};
use rust_decimal::Decimal;
use serde_json::json;
use std::future::Future;
use std::str::FromStr;
use wiremock::matchers::{method, path};
use wiremock::Mock;

use crate::support::*;

/// Every optional field of an assignee set, so the body shows every name the client can send.
pub fn full_assignee(role: &str, legacy: bool) -> Assignee {
    Assignee {
        assignee_type: AssigneeType::Custom,
        contact_number: Some("5155550100".into()),
        country_dial_code: Some("+1".into()),
        country_code: legacy.then(|| "US".into()),
        email: Some("a@example.com".into()),
        user_id: Some("1000".into()),
        name: Some(format!("API TESTING {role}")),
        role: Some(role.into()),
        send_bar_code: Some(true),
        description: Some("test".into()),
    }
}

/// A reservation of `kind` with `n` assignees.
pub fn reservation(kind: ReservationType, n: usize) -> Reservation {
    Reservation {
        createdby_user: "api".into(),
        selection: "172".into(),
        reservation_type: kind,
        send_code: SendCode::Sms,
        location_name: "Testing Machines".into(),
        serial_number: "WTN0000000000".into(),
        product_name: Some("Binder clips- Medium".into()),
        external_reserve_locker_detail_list: (0..n)
            .map(|i| full_assignee(&format!("R{i}"), false))
            .collect(),
    }
}

/// An employee body with every field set.
pub fn full_employee(number: &str) -> EmployeeInput {
    EmployeeInput {
        department: "DEPT 1".into(),
        first_name: "Brydan".into(),
        last_name: "France".into(),
        employee_number: number.into(),
        email: Some("b@example.com".into()),
        badge: Some("42789".into()),
        language: Some(Language::Spanish),
        active: Some(true),
        is_vt_admin: Some(false),
        pin_option: Some("7".into()),
        ignore_finger_print: Some(true),
        manager_email: Some("m@example.com".into()),
        clear_pin: Some(false),
        reset_pin: Some(false),
        old_pin: Some("1234".into()),
        suspend_until: Some("2024-03-26T21:25:06.138Z".parse().unwrap()),
        suspenduntil_string: Some("03/26/2024".into()),
        is_suspended: Some(false),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Mounts `status` + fixture for `verb path`, runs `call`, and returns its output and the request.
async fn exchange<T, F, Fut>(
    verb: &str,
    route: &str,
    status: u16,
    fixture_name: &str,
    call: F,
) -> (T, wiremock::Request)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = iqtech::Result<T>>,
{
    let env = Env::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(fixture_response(status, fixture_name))
        .mount(&env.api)
        .await;
    let out = call(env.client())
        .await
        .unwrap_or_else(|e| panic!("{verb} {route}: {e}"));
    let req = env.only_api_request().await;
    (out, req)
}

// ---------------------------------------------------------------------------------------------
// Employees (E1–E6)

#[tokio::test]
async fn e1_employees_list_sends_page_and_page_size_and_decodes_the_example() {
    let (page, req) = exchange(
        "GET",
        "/api/Employee",
        200,
        "e1_employee_list.json",
        |c| async move { c.employees().list(2, 20).await },
    )
    .await;
    assert_request(
        &req,
        "GET",
        "/api/Employee",
        &[("page", "2"), ("pageSize", "20")],
    );
    assert!(req.body.is_empty());

    assert_eq!(page.items.len(), 2);
    let first = &page.items[0];
    assert_eq!(
        first,
        &Employee {
            first_name: Some("Brydan".into()),
            last_name: Some("France".into()),
            employee_number: Some("2332345".into()),
            badge: Some(String::new()),
            language: Some(Language::English),
            active: Some(false),
            department: Some("DEPT 1".into()),
            ..Default::default()
        }
    );
    // `badge` is "" in one item and null in the next: kept apart.
    assert_eq!(page.items[1].badge, None);
    assert_eq!(page.items[1].language, Some(Language::English));
    assert_eq!(page.items[1].active, Some(true));
    assert_eq!(
        page.meta,
        PageMeta {
            first_item_on_page: Some(1),
            has_next_page: Some(true),
            has_previous_page: Some(false),
            is_first_page: Some(true),
            is_last_page: Some(false),
            last_item_on_page: Some(12),
            page_count: Some(12),
            page_number: Some(1),
            page_size: Some(20),
            total_item_count: Some(233),
            this_page_item_count: Some(20),
            item_start: Some(1),
            item_end: Some(20),
        }
    );
}

#[tokio::test]
async fn e2_employees_create_posts_the_documented_field_names() {
    let (_, req) = exchange(
        "POST",
        "/api/Employee",
        200,
        "envelope_ok.json",
        |c| async move { c.employees().create(full_employee("2332345")).await },
    )
    .await;
    assert_request(&req, "POST", "/api/Employee", &[]);
    let body = json_body(&req);
    assert_eq!(keys(&body), keys(&fixture_json("e2_create_request.json")));
    assert_eq!(body["department"], "DEPT 1");
    assert_eq!(body["firstName"], "Brydan");
    assert_eq!(body["employeeNumber"], "2332345");
    assert_eq!(body["isVTAdmin"], false);
    // Language goes out as its integer code (section 1.5).
    assert_eq!(body["language"], 1);
    assert_eq!(body["suspendUntil"], "2024-03-26T21:25:06.138Z");
    assert_eq!(body["suspenduntilString"], "03/26/2024");
}

#[tokio::test]
async fn e2_create_with_only_the_required_fields_sends_only_them() {
    let (_, req) = exchange(
        "POST",
        "/api/Employee",
        200,
        "envelope_ok.json",
        |c| async move {
            c.employees()
                .create(EmployeeInput {
                    department: "D".into(),
                    first_name: "F".into(),
                    last_name: "L".into(),
                    employee_number: "1".into(),
                    ..Default::default()
                })
                .await
        },
    )
    .await;
    assert_eq!(
        json_body(&req),
        json!({"department":"D","firstName":"F","lastName":"L","employeeNumber":"1","active":true}),
        "active is sent as true unless the caller says otherwise"
    );
}

#[tokio::test]
async fn e3_set_status_puts_employee_number_and_active() {
    let (_, req) = exchange(
        "PUT",
        "/api/Employee/UpdateEmployeeStatus",
        200,
        "envelope_ok.json",
        |c| async move { c.employees().set_status("1000", false).await },
    )
    .await;
    assert_request(&req, "PUT", "/api/Employee/UpdateEmployeeStatus", &[]);
    let body = json_body(&req);
    assert_eq!(
        keys(&body),
        keys(&fixture_json("e3_set_status_request.json"))
    );
    assert_eq!(body, json!({"employeeNumber": "1000", "active": false}));
}

#[tokio::test]
async fn e4_update_puts_to_the_old_number_with_the_new_number_in_the_body() {
    let (_, req) = exchange(
        "PUT",
        "/api/Employee/1100",
        200,
        "envelope_ok.json",
        |c| async move { c.employees().update("1100", full_employee("1101")).await },
    )
    .await;
    assert_request(&req, "PUT", "/api/Employee/1100", &[]);
    let body = json_body(&req);
    assert_eq!(keys(&body), keys(&fixture_json("e4_update_request.json")));
    assert_eq!(body["employeeNumber"], "1101");
}

#[tokio::test]
async fn e4_update_encodes_the_employee_number_as_one_path_segment() {
    let (_, req) = exchange(
        "PUT",
        "/api/Employee/A%20B%2F7",
        200,
        "envelope_ok.json",
        |c| async move { c.employees().update("A B/7", full_employee("7")).await },
    )
    .await;
    assert_eq!(req.url.path(), "/api/Employee/A%20B%2F7");
}

#[tokio::test]
async fn e5_set_pin_posts_the_documented_field_names() {
    let (_, req) = exchange(
        "POST",
        "/api/Employee/UpdateEmployeeSetPin",
        200,
        "envelope_ok.json",
        |c| async move {
            c.employees()
                .set_pin(SetPinInput {
                    employee_number: "1000".into(),
                    pin: "4321".into(),
                    old_pin: Some("1234".into()),
                    account_id: Some("acct-1".into()),
                    emplid: Some("E-1000".into()),
                })
                .await
        },
    )
    .await;
    assert_request(&req, "POST", "/api/Employee/UpdateEmployeeSetPin", &[]);
    let body = json_body(&req);
    assert_eq!(keys(&body), keys(&fixture_json("e5_set_pin_request.json")));
    assert_eq!(
        body,
        json!({"accountId":"acct-1","employeeNumber":"1000","oldPin":"1234","pin":"4321","emplid":"E-1000"})
    );
}

#[tokio::test]
async fn e6_lookup_is_a_get_with_query_parameters_and_decodes_the_richer_record() {
    let (found, req) = exchange(
        "GET",
        "/api/Employee/lookup",
        200,
        "e6_lookup.json",
        |c| async move {
            c.employees()
                .lookup(EmployeeQuery {
                    first_name: Some("Hawkeye".into()),
                    last_name: Some("Pierce".into()),
                    employee_number: Some("1000".into()),
                    badge_number: Some("42789".into()),
                    department: Some("No Restrictions".into()),
                    active: Some(true),
                })
                .await
        },
    )
    .await;
    assert_request(
        &req,
        "GET",
        "/api/Employee/lookup",
        &[
            ("firstName", "Hawkeye"),
            ("lastName", "Pierce"),
            ("employeeNumber", "1000"),
            ("badgeNumber", "42789"),
            ("department", "No Restrictions"),
            ("active", "true"),
        ],
    );
    assert!(req.body.is_empty(), "the lookup has no body");
    assert_eq!(
        found,
        vec![Employee {
            department: Some("No Restrictions".into()),
            first_name: Some("Hawkeye".into()),
            last_name: Some("Pierce".into()),
            employee_number: Some("1000".into()),
            email: Some("hpierce@mash4077.com".into()),
            badge: Some("42789".into()),
            // The integer 0 here, the name "English" in E1: the same value.
            language: Some(Language::English),
            active: Some(true),
            is_vt_admin: Some(true),
            pin_option: Some("7".into()),
            active_status: None,
            language_description: Some("English".into()),
            account_name: Some("Fresh Lemon Scent :".into()),
            employee_ids: None,
            separatesave: None,
            ignore_finger_print: Some(true),
            ignore_finger_print_string: None,
            manager_email: None,
        }]
    );
    // Response models serialize snake_case, with the language as its name.
    let out = serde_json::to_value(&found[0]).unwrap();
    assert_eq!(out["language"], "English");
    assert_eq!(out["is_vt_admin"], true);
    assert_eq!(out["employee_number"], "1000");
}

#[tokio::test]
async fn e6_lookup_sends_only_the_criteria_given() {
    let (_, req) = exchange(
        "GET",
        "/api/Employee/lookup",
        200,
        "e6_lookup.json",
        |c| async move {
            c.employees()
                .lookup(EmployeeQuery {
                    last_name: Some("Pierce".into()),
                    ..Default::default()
                })
                .await
        },
    )
    .await;
    assert_request(
        &req,
        "GET",
        "/api/Employee/lookup",
        &[("lastName", "Pierce")],
    );
}

// ---------------------------------------------------------------------------------------------
// Will call, both generations (W1–W6, L1–L6)

/// The two generations, so each test runs against both route sets.
#[derive(Clone, Copy, Debug)]
enum Gen {
    V2,
    V1,
}

impl Gen {
    fn prefix(self) -> &'static str {
        match self {
            Gen::V2 => "/api/2.0/WillCall",
            Gen::V1 => "/api/WillCall",
        }
    }
    fn fixture(self, v2: &'static str, v1: &'static str) -> &'static str {
        match self {
            Gen::V2 => v2,
            Gen::V1 => v1,
        }
    }
}

async fn add_reservation(g: Gen, c: Client, r: Reservation) -> iqtech::Result<ReservationResult> {
    match g {
        Gen::V2 => c.will_call().add_reservation(r).await,
        Gen::V1 => c.will_call_v1().add_reservation(r).await,
    }
}

#[tokio::test]
async fn w1_l1_add_reservation_posts_the_documented_body_and_decodes_the_codes() {
    for g in [Gen::V2, Gen::V1] {
        let route = format!("{}/AddReservation", g.prefix());
        let fx = g.fixture("w1_add_reservation.json", "l1_add_reservation.json");
        let (result, req) = exchange("POST", &route, 200, fx, |c| {
            add_reservation(g, c, reservation(ReservationType::Exchange, 3))
        })
        .await;
        assert_request(&req, "POST", &route, &[]);
        let body = json_body(&req);
        let doc = fixture_json("w1_add_reservation_request.json");
        assert_eq!(keys(&body), keys(&doc), "{g:?}");
        let sent = body["externalReserveLockerDetailList"].as_array().unwrap();
        assert_eq!(sent.len(), 3);
        assert_eq!(
            keys(&sent[0]),
            keys(&doc["externalReserveLockerDetailList"][0]),
            "{g:?}"
        );
        assert_eq!(body["createdbyUser"], "api");
        assert_eq!(body["reservationType"], "Exchange");
        assert_eq!(body["sendCode"], "SMS");
        assert_eq!(body["serialNumber"], "WTN0000000000");
        assert_eq!(sent[0]["assigneeType"], "Custom");
        assert_eq!(sent[0]["sendBarCode"], true);

        assert_eq!(
            result,
            ReservationResult {
                reserve_locker_id: Some("e395e821-11d9-4a18-6b22-08dc49049684".into()),
                access_codes: vec![
                    AccessCode {
                        user_name: Some("API TESTING 1".into()),
                        role: Some("DropOff".into()),
                        code: Some("828459".into()),
                        bar_code: Some(
                            "https://api.iqtechportal.com/assets/Uploads/1712244823_000054/828459.png"
                                .into()
                        ),
                    },
                    AccessCode {
                        user_name: Some("API TESTING 2".into()),
                        role: Some("Pickup".into()),
                        code: Some("145811".into()),
                        bar_code: Some(
                            "https://api.iqtechportal.com/assets/Uploads/1712244823_000038/145811.png"
                                .into()
                        ),
                    },
                ],
                message: Some("Reservation added successfully".into()),
            },
            "{g:?}"
        );
        // Serialized for bindings: the one code is `code`.
        assert_eq!(
            serde_json::to_value(&result).unwrap()["access_codes"][0]["code"],
            "828459"
        );
    }
}

#[tokio::test]
async fn l1_legacy_request_example_with_one_assignee_matches_too() {
    let (_, req) = exchange(
        "POST",
        "/api/WillCall/AddReservation",
        200,
        "l1_add_reservation.json",
        |c| async move {
            c.will_call_v1()
                .add_reservation(reservation(ReservationType::Release, 1))
                .await
        },
    )
    .await;
    let body = json_body(&req);
    let doc = fixture_json("l1_add_reservation_request.json");
    assert_eq!(keys(&body), keys(&doc));
    assert_eq!(
        keys(&body["externalReserveLockerDetailList"][0]),
        keys(&doc["externalReserveLockerDetailList"][0])
    );
}

#[tokio::test]
async fn w2_l2_reservation_status_is_a_bare_array() {
    for g in [Gen::V2, Gen::V1] {
        let route = format!("{}/GetReservationStatus/WTN0000000000", g.prefix());
        let fx = g.fixture("w2_reservation_status.json", "l2_reservation_status.json");
        let (statuses, req) = exchange("GET", &route, 200, fx, |c| async move {
            match g {
                Gen::V2 => c.will_call().reservation_status("WTN0000000000").await,
                Gen::V1 => c.will_call_v1().reservation_status("WTN0000000000").await,
            }
        })
        .await;
        assert_request(&req, "GET", &route, &[]);
        let id = match g {
            Gen::V2 => Some("5342dceb-12e3-46a0-01b5-08dc5a654092".to_owned()),
            Gen::V1 => None,
        };
        assert_eq!(
            statuses,
            vec![ReservationStatus {
                reserve_locker_id: id,
                selection: Some("164".into()),
                current_status: Some("Drop Off Pending".into()),
            }],
            "{g:?}"
        );
    }
}

#[tokio::test]
async fn w2_serial_number_is_encoded_as_one_path_segment() {
    let (_, req) = exchange(
        "GET",
        "/api/2.0/WillCall/GetReservationStatus/WTN%201%2F2",
        200,
        "w2_reservation_status.json",
        |c| async move { c.will_call().reservation_status("WTN 1/2").await },
    )
    .await;
    assert_eq!(
        req.url.path(),
        "/api/2.0/WillCall/GetReservationStatus/WTN%201%2F2"
    );
}

#[tokio::test]
async fn w3_l3_reservable_selections_use_the_corrected_path_and_decode_integers() {
    for g in [Gen::V2, Gen::V1] {
        let route = format!("{}/GetReservableSelections/WTN0000000000", g.prefix());
        let fx = g.fixture(
            "w3_reservable_selections.json",
            "l3_reservable_selections.json",
        );
        let (selections, req) = exchange("GET", &route, 200, fx, |c| async move {
            match g {
                Gen::V2 => c.will_call().reservable_selections("WTN0000000000").await,
                Gen::V1 => {
                    c.will_call_v1()
                        .reservable_selections("WTN0000000000")
                        .await
                }
            }
        })
        .await;
        assert_request(&req, "GET", &route, &[]);
        assert_eq!(
            selections,
            vec![
                162, 166, 170, 172, 174, 176, 180, 182, 184, 186, 190, 192, 194, 196, 200, 202,
                204, 206
            ],
            "{g:?}"
        );
    }
}

#[tokio::test]
async fn w4_l4_send_new_code_posts_without_a_body() {
    for g in [Gen::V2, Gen::V1] {
        let id = "e395e821-11d9-4a18-6b22-08dc49049684";
        let route = format!("{}/SendNewCode/{id}", g.prefix());
        let fx = g.fixture("w4_send_new_code.json", "l4_send_new_code.json");
        let (result, req) = exchange("POST", &route, 200, fx, |c| async move {
            match g {
                Gen::V2 => c.will_call().send_new_code(id).await,
                Gen::V1 => c.will_call_v1().send_new_code(id).await,
            }
        })
        .await;
        assert_request(&req, "POST", &route, &[]);
        assert!(req.body.is_empty(), "{g:?}: no body");
        assert_eq!(result.reserve_locker_id.as_deref(), Some(id));
        assert_eq!(
            result.access_codes,
            vec![AccessCode {
                user_name: Some("API TESTING 1".into()),
                role: Some("DropOff".into()),
                code: Some("526394".into()),
                bar_code: Some(
                    "https://api.iqtechportal.com/assets/Uploads/1712246405_000009/526394.png"
                        .into()
                ),
            }]
        );
        assert_eq!(
            result.message.as_deref(),
            Some("New Access Code Generated Successfully")
        );
    }
}

fn report_query() -> ReservedLockerReportQuery {
    ReservedLockerReportQuery {
        serial_number: "WTN00000".into(),
        from_date: date(2022, 6, 21),
        to_date: date(2022, 6, 21),
        page_number: Some(1),
        page_size: Some(20),
    }
}

fn example_detail() -> ReservationDetail {
    ReservationDetail {
        reservation_type: Some("Exchange".into()),
        selection: Some("172".into()),
        product_name: Some("Binder clips- Medium".into()),
        activity: Some("Stock Pending".into()),
        timestamp: Some(iqtech::Timestamp::new("2023-12-14T00:00:00")),
        reserved_user: Some("Zendesk Webhook: Mason Joblinske".into()),
        role: Some("Drop Off".into()),
        assignee: Some("drop".into()),
        assignee_type: Some("Employee".into()),
        date_string: Some("12/13/2023 06:00 PM".into()),
    }
}

const REPORT_PARAMS: &[(&str, &str)] = &[
    ("serialNumber", "WTN00000"),
    ("fromDate", "06-21-2022"),
    ("toDate", "06-21-2022"),
    ("pageNumber", "1"),
    ("page", "1"),
    ("pageSize", "20"),
];

#[tokio::test]
async fn w5_report_sends_page_number_and_mm_dd_yyyy_dates_and_decodes_the_nested_shape() {
    let route = "/api/2.0/WillCall/GetReservedLockerReport";
    let (report, req) = exchange(
        "GET",
        route,
        200,
        "w5_reserved_locker_report.json",
        |c| async move { c.will_call().reserved_locker_report(report_query()).await },
    )
    .await;
    assert_request(&req, "GET", route, REPORT_PARAMS);
    assert_eq!(report.account_name.as_deref(), Some("Mason Testing :)"));
    assert_eq!(report.has_next_page, Some(false));
    assert_eq!(report.total_pages, Some(1));
    assert_eq!(report.machine_details.len(), 1);
    let m = &report.machine_details[0];
    assert_eq!(m.machine_name.as_deref(), Some("Test Example"));
    assert_eq!(m.location_name.as_deref(), Some("Testing Machines"));
    assert_eq!(m.reservation_details, vec![example_detail()]);
    let ts = m.reservation_details[0].timestamp.as_ref().unwrap();
    assert_eq!(
        ts.naive().unwrap(),
        date(2023, 12, 14).and_hms_opt(0, 0, 0).unwrap()
    );
    // `type` is exposed as `reservation_type`.
    let out = serde_json::to_value(&m.reservation_details[0]).unwrap();
    assert_eq!(out["reservation_type"], "Exchange");
}

#[tokio::test]
async fn l5_legacy_report_is_flat() {
    let route = "/api/WillCall/GetReservedLockerReport";
    let (report, req) = exchange(
        "GET",
        route,
        200,
        "l5_reserved_locker_report.json",
        |c| async move {
            c.will_call_v1()
                .reserved_locker_report(report_query())
                .await
        },
    )
    .await;
    assert_request(&req, "GET", route, REPORT_PARAMS);
    assert_eq!(report.machine_name.as_deref(), Some("Test Example"));
    assert_eq!(report.account_name.as_deref(), Some("Mason Testing :)"));
    assert_eq!(report.location_name.as_deref(), Some("Testing Machines"));
    assert_eq!(report.has_next_page, Some(false));
    assert_eq!(report.total_pages, Some(1));
    assert_eq!(report.reservation_details, vec![example_detail()]);
}

#[tokio::test]
async fn report_defaults_to_page_1_of_100() {
    let route = "/api/2.0/WillCall/GetReservedLockerReport";
    let (_, req) = exchange(
        "GET",
        route,
        200,
        "w5_reserved_locker_report.json",
        |c| async move {
            c.will_call()
                .reserved_locker_report(ReservedLockerReportQuery {
                    page_number: None,
                    page_size: None,
                    from_date: date(2024, 1, 2),
                    to_date: date(2024, 12, 31),
                    ..report_query()
                })
                .await
        },
    )
    .await;
    assert_request(
        &req,
        "GET",
        route,
        &[
            ("serialNumber", "WTN00000"),
            ("fromDate", "01-02-2024"),
            ("toDate", "12-31-2024"),
            ("pageNumber", "1"),
            ("page", "1"),
            ("pageSize", "100"),
        ],
    );
}

#[tokio::test]
async fn w6_l6_recall_sends_the_id_as_reservation_locker_id_and_the_assignee_as_body() {
    for g in [Gen::V2, Gen::V1] {
        let id = "8894b221-01c0-442d-2a68-08da53792ccc";
        let route = format!("{}/RecallReservation", g.prefix());
        let fx = g.fixture("w6_recall.json", "l6_recall.json");
        let legacy = matches!(g, Gen::V1);
        let (result, req) = exchange("POST", &route, 200, fx, |c| async move {
            let a = full_assignee("DropOff", legacy);
            match g {
                Gen::V2 => c.will_call().recall_reservation(id, a).await,
                Gen::V1 => c.will_call_v1().recall_reservation(id, a).await,
            }
        })
        .await;
        assert_request(&req, "POST", &route, &[("reservationLockerId", id)]);
        let body = json_body(&req);
        let doc = g.fixture("w6_recall_request.json", "l6_recall_request.json");
        assert_eq!(keys(&body), keys(&fixture_json(doc)), "{g:?}");
        assert_eq!(body["role"], "DropOff");
        assert_eq!(
            result,
            RecallResult {
                message: Some("Reservation Recalled Successfully".into())
            }
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Machines (M1, both forms)

fn first_machine() -> Machine {
    Machine {
        machine_name: Some(" Test Machine Waukee Touchscreen".into()),
        control_board_serial_no: Some("WTN42246643220217481".into()),
        machine_serial_no: None,
        location: Some("Waukee Test Office".into()),
        machine_type: Some(2),
        status: Some(true),
        last_activity: Some(iqtech::Timestamp::new("2024-04-24T16:06:57.6305139")),
        control_board_version: Some("5161".into()),
    }
}

fn first_planogram_entry() -> PlanogramEntry {
    PlanogramEntry {
        selection: Some("100".into()),
        product_name: Some("Binder clips- Medium".into()),
        product_item_number: Some("5678".into()),
        critical_level: Some(5),
        low_level: Some(6),
        par_level: Some(0),
        max_depth: Some(15),
        current_count: Some(2),
        price: Some(Decimal::ZERO),
    }
}

#[tokio::test]
async fn m1_planogram_sends_serial_no_only_and_decodes_exact_price_and_7_digit_timestamp() {
    let route = "/api/Machine/GetMachinePlanogramDetails";
    let (found, req) = exchange(
        "GET",
        route,
        200,
        "m1_planogram_single.json",
        |c| async move { c.machines().planogram("WTN42246643220217481").await },
    )
    .await;
    assert_request(&req, "GET", route, &[("serialNo", "WTN42246643220217481")]);
    let m = found.expect("one machine");
    assert_eq!(m.machine, first_machine());
    assert_eq!(m.machine_planogram, vec![first_planogram_entry()]);
    let price = m.machine_planogram[0].price.unwrap();
    // "0.00" stays exactly that: zero, with its two decimal places.
    assert_eq!(price.to_string(), "0.00");
    let ts = m.machine.last_activity.as_ref().unwrap();
    assert_eq!(ts.as_str(), "2024-04-24T16:06:57.6305139");
    let naive = ts.naive().unwrap();
    assert_eq!(naive.nanosecond(), 630_513_900);
    assert_eq!(naive.date(), date(2024, 4, 24));
    assert_eq!(ts.offset(), None);
}

#[tokio::test]
async fn m1_planogram_picks_the_machine_asked_for_and_never_another() {
    let route = "/api/Machine/GetMachinePlanogramDetails";
    // The document's example answers with two machines; the second one is asked for here.
    let (found, _) = exchange(
        "GET",
        route,
        200,
        "m1_planogram_single.json",
        |c| async move { c.machines().planogram("wtnvmmuekdemgje").await },
    )
    .await;
    let m = found.expect("the second machine");
    assert_eq!(
        m.machine.control_board_serial_no.as_deref(),
        Some("WTNVMmUEkdEMgJe")
    );
    let (found, _) = exchange(
        "GET",
        route,
        200,
        "m1_planogram_single.json",
        |c| async move { c.machines().planogram("WTN-NOT-THERE").await },
    )
    .await;
    assert!(
        found.is_none(),
        "a machine of another serial number is not an answer"
    );
}

#[tokio::test]
async fn m1_planogram_of_an_unknown_machine_is_none() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Machine/GetMachinePlanogramDetails"))
        .respond_with(json_response(
            200,
            r#"{"result":{"items":[],"metaData":null},"isSuccess":true}"#,
        ))
        .mount(&env.api)
        .await;
    assert_eq!(
        env.client().machines().planogram("WTN-NONE").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn m1_list_sends_page_and_page_size_only_and_decodes_every_machine() {
    let route = "/api/Machine/GetMachinePlanogramDetails";
    let (page, req) = exchange("GET", route, 200, "m1_machine_list.json", |c| async move {
        c.machines().list(1, 20).await
    })
    .await;
    assert_request(&req, "GET", route, &[("page", "1"), ("pageSize", "20")]);
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0].machine, first_machine());
    let second = &page.items[1];
    assert_eq!(
        second.machine.machine_name.as_deref(),
        Some("Virtual Tracker Example")
    );
    assert_eq!(second.machine.machine_type, Some(3));
    assert_eq!(second.machine.control_board_version, None);
    assert_eq!(
        second
            .machine
            .last_activity
            .as_ref()
            .unwrap()
            .naive()
            .unwrap()
            .nanosecond(),
        45_444_000
    );
    assert_eq!(second.machine_planogram[0].current_count, Some(31));
    assert_eq!(second.machine_planogram[0].price, Some(Decimal::ZERO));
    assert_eq!(page.meta.page_count, Some(1));
    assert_eq!(page.meta.has_next_page, Some(false));
    assert_eq!(page.meta.total_item_count, Some(13));
    assert_eq!(page.meta.this_page_item_count, Some(13));
}

// ---------------------------------------------------------------------------------------------
// Transactions (T1)

#[tokio::test]
async fn t1_transactions_send_every_filter_with_mm_dd_yyyy_dates_and_decode_exact_amounts() {
    let (page, req) = exchange(
        "GET",
        "/api/Transaction",
        200,
        "t1_transactions.json",
        |c| async move {
            c.transactions()
                .list(TransactionQuery {
                    from_date: Some(date(2024, 4, 1)),
                    to_date: Some(date(2024, 4, 30)),
                    serial_no: Some("WTN42246641120164005".into()),
                    page: Some(3),
                    page_size: Some(50),
                })
                .await
        },
    )
    .await;
    assert_request(
        &req,
        "GET",
        "/api/Transaction",
        &[
            ("page", "3"),
            ("pageSize", "50"),
            ("FromDate", "04-01-2024"),
            ("ToDate", "04-30-2024"),
            ("serialNo", "WTN42246641120164005"),
        ],
    );
    assert_eq!(page.items.len(), 1);
    let t = &page.items[0];
    assert_eq!(
        t.machine_details.serial_no.as_deref(),
        Some("WTN42246641120164005")
    );
    assert_eq!(t.machine_details.organization.as_deref(), Some("EMS"));
    assert_eq!(
        t.machine_details.account.as_deref(),
        Some("Mason Testing :)")
    );
    assert_eq!(
        t.machine_details.machine_name.as_deref(),
        Some("Test Machine Waukee Keypad-1")
    );
    assert_eq!(
        t.machine_details.location.as_deref(),
        Some("Waukee Test Office")
    );
    let d = &t.transaction_details[0];
    let ts = d.transaction_date_and_time.as_ref().unwrap();
    assert_eq!(ts.as_str(), "2024-04-25T18:46:51.6717682");
    assert_eq!(ts.naive().unwrap().nanosecond(), 671_768_200);
    assert_eq!(d.employee_name.as_deref(), Some("Murphy, Paul"));
    assert_eq!(d.employee_number.as_deref(), Some("12354"));
    assert_eq!(d.product_name.as_deref(), Some("Phase 6"));
    assert_eq!(d.product_group.as_deref(), Some("Phase Releases "));
    assert_eq!(d.product_group_name, None);
    assert_eq!(d.offline_purchase.as_deref(), Some("No"));
    assert_eq!(d.selection.as_deref(), Some("100"));
    assert_eq!(d.manufacturer_name, None);
    assert_eq!(d.dispensed_quantity, Some(Decimal::ONE));
    assert_eq!(d.second_person_auth.as_deref(), Some(" "));
    assert_eq!(d.batch_details.len(), 1);
    assert_eq!(d.batch_details[0].lot_number, None);
    assert_eq!(d.batch_details[0].exp_date, None);
    // "1" (a string) is the quantity one.
    assert_eq!(d.batch_details[0].qty_taken, Some(Decimal::ONE));
    assert_eq!(d.user_limit[0].question.as_deref(), Some("TESTING"));
    assert_eq!(d.user_limit[0].response.as_deref(), Some("2"));
    // 0.00 (a JSON number) is exactly zero.
    assert_eq!(d.price_per_item, Some(dec("0.00")));
    assert_eq!(d.total, Some(Decimal::ZERO));
    assert_eq!(d.package_price, Some(Decimal::ZERO));
    assert_eq!(d.package_quantity, Some(Decimal::ONE));
    assert_eq!(d.item_number.as_deref(), Some("66"));
    assert_eq!(d.taken_weight, None);
    assert_eq!(d.asset_number, None);
    assert_eq!(d.department.as_deref(), Some("Service"));
    assert_eq!(page.meta.page_count, Some(1116));
    assert_eq!(page.meta.total_item_count, Some(1116));
    assert_eq!(page.meta.has_next_page, Some(true));
}

#[tokio::test]
async fn t1_without_filters_sends_only_paging_defaults() {
    let (_, req) = exchange(
        "GET",
        "/api/Transaction",
        200,
        "t1_transactions.json",
        |c| async move { c.transactions().list(TransactionQuery::default()).await },
    )
    .await;
    assert_request(
        &req,
        "GET",
        "/api/Transaction",
        &[("page", "1"), ("pageSize", "100")],
    );
}

#[tokio::test]
async fn money_in_numbers_keeps_its_exact_value() {
    let env = Env::start().await;
    let body = r#"{"result":{"transactionReport":{"items":[{"transactionDetails":[
        {"pricePerItem":12.10,"total":0.1,"packagePrice":"1234567.89","dispensedQuantity":"3"}
    ]}],"metaData":{}}},"isSuccess":true}"#;
    Mock::given(method("GET"))
        .and(path("/api/Transaction"))
        .respond_with(json_response(200, body))
        .mount(&env.api)
        .await;
    let page = env
        .client()
        .transactions()
        .list(TransactionQuery::default())
        .await
        .unwrap();
    let d = &page.items[0].transaction_details[0];
    assert_eq!(d.price_per_item, Some(dec("12.10")));
    assert_eq!(d.total, Some(dec("0.1")));
    assert_eq!(d.package_price, Some(dec("1234567.89")));
    assert_eq!(d.dispensed_quantity, Some(dec("3")));
}

#[tokio::test]
async fn every_operation_of_the_catalogue_is_covered_here() {
    // The catalogue: 21 operations besides the token. This file has a test for each name below;
    // if an operation is added, this fails until a test is written for it.
    let covered = [
        "employees.list",
        "employees.create",
        "employees.set_status",
        "employees.update",
        "employees.set_pin",
        "employees.lookup",
        "will_call.add_reservation",
        "will_call.reservation_status",
        "will_call.reservable_selections",
        "will_call.send_new_code",
        "will_call.reserved_locker_report",
        "will_call.recall_reservation",
        "will_call_v1.add_reservation",
        "will_call_v1.reservation_status",
        "will_call_v1.reservable_selections",
        "will_call_v1.send_new_code",
        "will_call_v1.reserved_locker_report",
        "will_call_v1.recall_reservation",
        "machines.planogram",
        "machines.list",
        "transactions.list",
    ];
    let mut catalogue: Vec<_> = iqtech::operations::ALL
        .iter()
        .map(|o| o.name)
        .filter(|n| *n != "auth.token")
        .collect();
    catalogue.sort();
    let mut covered = covered.to_vec();
    covered.sort();
    assert_eq!(catalogue, covered);
}

#[tokio::test]
async fn nulls_in_nested_objects_do_not_fail_the_page() {
    let env = Env::start().await;
    let body = r#"{"result":{"transactionReport":{"items":[
        {"machineDetails":null,"transactionDetails":null},
        {"machineDetails":{"serialNo":"W2"},"transactionDetails":[{"batchDetails":null,"userLimit":null,"total":"x"}]}
    ],"metaData":null}},"isSuccess":true,"unknownField":{"a":1}}"#;
    Mock::given(method("GET"))
        .and(path("/api/Transaction"))
        .respond_with(json_response(200, body))
        .mount(&env.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/Machine/GetMachinePlanogramDetails"))
        .respond_with(json_response(
            200,
            r#"{"result":{"items":[{"machine":null,"machinePlanogram":null}],"metaData":null},"isSuccess":true}"#,
        ))
        .mount(&env.api)
        .await;
    let c = env.client();
    let page = c
        .transactions()
        .list(TransactionQuery::default())
        .await
        .unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[0].machine_details, Default::default());
    assert!(page.items[0].transaction_details.is_empty());
    assert_eq!(
        page.items[1].machine_details.serial_no.as_deref(),
        Some("W2")
    );
    // An amount that is not a number is absent, not a failed page.
    assert_eq!(page.items[1].transaction_details[0].total, None);
    assert_eq!(page.meta, PageMeta::default());
    let machines = c.machines().list(1, 10).await.unwrap();
    assert_eq!(machines.items[0].machine, Machine::default());
}

#[tokio::test]
async fn the_user_agent_is_the_sdks_unless_a_binding_sets_its_own() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(fixture_response(200, "e1_employee_list.json"))
        .mount(&env.api)
        .await;
    env.client().employees().list(1, 1).await.unwrap();
    let custom = env
        .builder()
        .user_agent("iqtech-python/9.9")
        .build()
        .unwrap();
    custom.employees().list(1, 1).await.unwrap();
    let agents: Vec<_> = env
        .api_requests()
        .await
        .iter()
        .map(|r| header(r, "user-agent").unwrap_or_default())
        .collect();
    assert!(agents[0].starts_with("iqtech-rust/"), "{agents:?}");
    assert_eq!(agents[1], "iqtech-python/9.9");
}
