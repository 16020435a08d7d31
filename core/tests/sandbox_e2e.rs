//! End to end: the real client against the real sandbox server on loopback, through every
//! operation group and the failure modes that matter most (lost booking answers, expired tokens,
//! transient 503s, paging a large report with concurrency).

use futures::StreamExt;
use iqtech::{
    Assignee, AssigneeType, Client, EmployeeInput, EmployeeQuery, Error, Reservation,
    ReservationType, ReservedLockerReportQuery, RetryPolicy, SendCode, SetPinInput,
    TransactionQuery,
};
use iqtech_sandbox::{FaultSpec, Sandbox, SandboxConfig};
use std::time::Duration;

async fn start(config: SandboxConfig) -> (Sandbox, Client) {
    let sandbox = Sandbox::start(config).await.expect("sandbox starts");
    let client = Client::builder()
        .client_id(sandbox.client_id())
        .client_secret(sandbox.client_secret())
        .auth_url(sandbox.auth_url())
        .api_url(sandbox.api_url())
        .request_timeout(Duration::from_secs(5))
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(20),
            max_retry_after: Duration::from_secs(2),
        })
        .build()
        .expect("client builds");
    (sandbox, client)
}

fn assignee(name: &str) -> Assignee {
    Assignee {
        assignee_type: AssigneeType::Custom,
        contact_number: Some("5550100".into()),
        country_dial_code: Some("+1".into()),
        country_code: None,
        email: Some(format!("{name}@example.com")),
        user_id: None,
        name: Some(name.into()),
        role: None,
        send_bar_code: Some(false),
        description: None,
    }
}

fn reservation(serial: &str, selection: i64) -> Reservation {
    Reservation {
        createdby_user: "e2e".into(),
        selection: selection.to_string(),
        reservation_type: ReservationType::Pickup,
        send_code: SendCode::None,
        location_name: "Test".into(),
        serial_number: serial.into(),
        product_name: None,
        external_reserve_locker_detail_list: vec![assignee("drop"), assignee("pick")],
    }
}

#[tokio::test]
async fn employee_lifecycle() {
    let (sandbox, client) = start(SandboxConfig::default().employees(30)).await;
    let employees = client.employees();

    let all: Vec<_> = employees.iter(Some(7), Some(3)).unwrap().collect().await;
    assert_eq!(all.len(), 30);
    assert!(all.iter().all(|r| r.is_ok()));

    let input = EmployeeInput {
        department: "Maintenance".into(),
        first_name: "Hawkeye".into(),
        last_name: "Pierce".into(),
        employee_number: "E2E-1".into(),
        ..Default::default()
    };
    employees.create(input.clone()).await.unwrap();
    let dup = employees.create(input.clone()).await.unwrap_err();
    assert_eq!(dup.api().unwrap().detail, "Employee number already exists!");

    let found = employees
        .lookup(EmployeeQuery {
            employee_number: Some("E2E-1".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].last_name.as_deref(), Some("Pierce"));

    employees
        .update(
            "E2E-1",
            EmployeeInput {
                employee_number: "E2E-2".into(),
                ..input
            },
        )
        .await
        .unwrap();
    employees.set_status("E2E-2", false).await.unwrap();
    let found = employees
        .lookup(EmployeeQuery {
            employee_number: Some("E2E-2".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found[0].active, Some(false));

    let pin = |old: Option<&str>, new: &str| SetPinInput {
        employee_number: "E2E-2".into(),
        pin: new.into(),
        old_pin: old.map(str::to_owned),
        ..Default::default()
    };
    employees.set_pin(pin(None, "1234")).await.unwrap();
    let wrong = employees
        .set_pin(pin(Some("9999"), "4321"))
        .await
        .unwrap_err();
    assert_eq!(wrong.api().unwrap().detail, "Invalid Old Pin");

    let none = employees
        .lookup(EmployeeQuery {
            last_name: Some("Nobody-Here".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(none.is_empty());
    drop(sandbox);
}

#[tokio::test]
async fn will_call_lifecycle_in_both_generations() {
    let (sandbox, client) = start(SandboxConfig::default()).await;
    let serial = sandbox.locker_machine_serials()[0].clone();
    for legacy in [false, true] {
        let free_before = if legacy {
            client
                .will_call_v1()
                .reservable_selections(&serial)
                .await
                .unwrap()
        } else {
            client
                .will_call()
                .reservable_selections(&serial)
                .await
                .unwrap()
        };
        let selection = free_before[0];
        let booked = if legacy {
            client
                .will_call_v1()
                .add_reservation(reservation(&serial, selection))
                .await
                .unwrap()
        } else {
            client
                .will_call()
                .add_reservation(reservation(&serial, selection))
                .await
                .unwrap()
        };
        let id = booked.reserve_locker_id.clone().unwrap();
        assert_eq!(booked.access_codes.len(), 2);
        assert!(booked.access_codes.iter().all(|c| c
            .code
            .as_ref()
            .unwrap()
            .chars()
            .all(|d| d.is_ascii_digit())));

        let free_after = client
            .will_call()
            .reservable_selections(&serial)
            .await
            .unwrap();
        assert!(!free_after.contains(&selection));

        let statuses = client
            .will_call()
            .reservation_status(&serial)
            .await
            .unwrap();
        assert!(statuses
            .iter()
            .any(|s| s.reserve_locker_id.as_deref() == Some(id.as_str())));
        let legacy_statuses = client
            .will_call_v1()
            .reservation_status(&serial)
            .await
            .unwrap();
        assert!(legacy_statuses
            .iter()
            .all(|s| s.reserve_locker_id.is_none()));

        let fresh = client.will_call().send_new_code(&id).await.unwrap();
        assert_ne!(fresh.access_codes[0].code, booked.access_codes[0].code);

        let today = chrono::Utc::now().date_naive();
        let query = ReservedLockerReportQuery {
            serial_number: serial.clone(),
            from_date: today - chrono::Days::new(1),
            to_date: today + chrono::Days::new(1),
            page_number: None,
            page_size: Some(2),
        };
        let details: Vec<_> = client
            .will_call()
            .iter_reserved_locker_report(query.clone(), None)
            .unwrap()
            .collect()
            .await;
        assert!(!details.is_empty() && details.iter().all(|d| d.is_ok()));
        let legacy_page = client
            .will_call_v1()
            .reserved_locker_report(query)
            .await
            .unwrap();
        assert!(legacy_page.total_pages.unwrap_or(0) >= 1);

        let recalled = if legacy {
            client
                .will_call_v1()
                .recall_reservation(&id, assignee("drop"))
                .await
                .unwrap()
        } else {
            client
                .will_call()
                .recall_reservation(&id, assignee("drop"))
                .await
                .unwrap()
        };
        assert_eq!(
            recalled.message.as_deref(),
            Some("Reservation Recalled Successfully")
        );
        let again = client
            .will_call()
            .recall_reservation(&id, assignee("drop"))
            .await
            .unwrap_err();
        assert_eq!(again.api().unwrap().detail, "Invalid Operation!");
        assert!(client
            .will_call()
            .reservable_selections(&serial)
            .await
            .unwrap()
            .contains(&selection));
    }
}

#[tokio::test]
async fn a_lost_booking_answer_is_outcome_unknown_and_sent_once() {
    let (sandbox, client) = start(SandboxConfig::default()).await;
    let serial = sandbox.locker_machine_serials()[0].clone();
    let selection = client
        .will_call()
        .reservable_selections(&serial)
        .await
        .unwrap()[0];
    sandbox
        .inject(
            FaultSpec::new("will_call.add_reservation")
                .drop_connection()
                .times(1),
        )
        .unwrap();
    let err = client
        .will_call()
        .add_reservation(reservation(&serial, selection))
        .await
        .unwrap_err();
    assert!(matches!(err.root(), Error::OutcomeUnknown { .. }), "{err}");
    assert!(err.to_string().contains("reservation_status"), "{err}");
    assert_eq!(sandbox.journal().count("will_call.add_reservation"), 1);
    // It did take effect: the status list shows it.
    let statuses = client
        .will_call()
        .reservation_status(&serial)
        .await
        .unwrap();
    assert!(statuses
        .iter()
        .any(|s| s.selection.as_deref() == Some(selection.to_string().as_str())));
}

#[tokio::test]
async fn transient_failures_and_expired_tokens_are_absorbed_for_reads() {
    let (sandbox, client) = start(SandboxConfig::default()).await;
    sandbox
        .inject(FaultSpec::new("machines.list").status(503).times(2))
        .unwrap();
    let page = client.machines().list(1, 5).await.unwrap();
    assert_eq!(page.items.len(), 5);
    assert_eq!(sandbox.journal().count("machines.list"), 3);

    sandbox.expire_tokens();
    client.machines().list(1, 5).await.unwrap();
    assert_eq!(
        sandbox.journal().token_requests,
        2,
        "one token at start, one after expiry"
    );

    sandbox
        .inject(FaultSpec::new("employees.create").status(503).times(1))
        .unwrap();
    let err = client
        .employees()
        .create(EmployeeInput {
            department: "D".into(),
            first_name: "F".into(),
            last_name: "L".into(),
            employee_number: "E2E-503".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), "server");
    assert_eq!(
        sandbox.journal().count("employees.create"),
        1,
        "a create is never repeated"
    );
}

#[tokio::test]
async fn transactions_page_to_the_end_in_order_with_concurrency() {
    let (sandbox, client) = start(SandboxConfig::default().transactions(2_345)).await;
    let query = TransactionQuery::default();
    let sequential: Vec<_> = client
        .transactions()
        .iter(query.clone(), Some(1))
        .unwrap()
        .collect()
        .await;
    let parallel: Vec<_> = client
        .transactions()
        .iter(query, Some(8))
        .unwrap()
        .collect()
        .await;
    assert_eq!(sequential.len(), 2_345);
    let key = |r: &Result<iqtech::Transaction, Error>| {
        r.as_ref().unwrap().transaction_details[0]
            .transaction_date_and_time
            .clone()
    };
    assert!(sequential.iter().map(key).eq(parallel.iter().map(key)));

    let planogram = client
        .machines()
        .planogram(&sandbox.machine_serials()[0])
        .await
        .unwrap()
        .unwrap();
    assert!(!planogram.machine_planogram.is_empty());
    assert!(planogram.machine.last_activity.unwrap().naive().is_some());
}

#[tokio::test]
async fn a_failure_mid_walk_names_the_page_after_the_items_before_it() {
    let (sandbox, client) = start(SandboxConfig::default().transactions(500)).await;
    // The first two pages succeed, then every attempt fails with a 500 (not retried).
    let mut stream = client
        .transactions()
        .iter(TransactionQuery::default(), Some(1))
        .unwrap();
    let mut ok = 0;
    while let Some(item) = stream.next().await {
        match item {
            Ok(_) => {
                ok += 1;
                if ok == 200 {
                    sandbox
                        .inject(FaultSpec::new("transactions.list").status(500))
                        .unwrap();
                }
            }
            Err(e) => {
                assert_eq!(e.page(), Some(3), "{e}");
                assert_eq!(e.code(), "server");
                break;
            }
        }
    }
    assert_eq!(ok, 200);
}

// ---- Dialects: each reading of the vendor document on its own (docs/api-notes.md) -----------

mod dialects {
    use super::*;
    use iqtech::EmployeeChanges;
    use iqtech_sandbox::dialect::*;
    use iqtech_sandbox::Dialect;

    /// A small sandbox playing `dialect`, and a client of it.
    async fn under(dialect: Dialect) -> (Sandbox, Client) {
        start(
            SandboxConfig::default()
                .employees(5)
                .machines(3)
                .transactions(250)
                .dialect(dialect),
        )
        .await
    }

    /// The strict default, and the default with only `flip` applied.
    fn both(flip: impl Fn(&mut Dialect)) -> [Dialect; 2] {
        let mut other = Dialect::default();
        flip(&mut other);
        assert_ne!(other, Dialect::default());
        [Dialect::default(), other]
    }

    fn paths(sandbox: &Sandbox) -> Vec<String> {
        sandbox
            .journal()
            .requests
            .iter()
            .map(|r| format!("{} {}", r.method, r.path))
            .collect()
    }

    #[tokio::test]
    async fn w3_path_either_answers() {
        for d in both(|d| d.w3_path = W3Path::V2) {
            let (sandbox, client) = under(d).await;
            let serial = sandbox.locker_machine_serials()[0].clone();
            let v2 = client
                .will_call()
                .reservable_selections(&serial)
                .await
                .unwrap();
            let v1 = client
                .will_call_v1()
                .reservable_selections(&serial)
                .await
                .unwrap();
            assert_eq!(v2, v1, "{d}");
            assert!(!v2.is_empty(), "{d}");
        }
    }

    #[tokio::test]
    async fn w5_page_param_either_is_read() {
        for d in both(|d| d.w5_page_param = PageParam::PageNumber) {
            let (sandbox, client) = under(d).await;
            let serial = sandbox.locker_machine_serials()[0].clone();
            for n in 1..=3 {
                let mut r = reservation(&serial, 0);
                r.selection = client
                    .will_call()
                    .reservable_selections(&serial)
                    .await
                    .unwrap()[0]
                    .to_string();
                r.createdby_user = format!("u{n}");
                client.will_call().add_reservation(r).await.unwrap();
            }
            let query = ReservedLockerReportQuery {
                serial_number: serial.clone(),
                from_date: iqtech::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
                to_date: iqtech::NaiveDate::from_ymd_opt(2100, 1, 1).unwrap(),
                page_number: None,
                page_size: Some(1),
            };
            let walk = |size: u32| {
                let q = ReservedLockerReportQuery {
                    page_size: Some(size),
                    ..query.clone()
                };
                let client = client.clone();
                async move {
                    client
                        .will_call()
                        .iter_reserved_locker_report(q, None)
                        .unwrap()
                        .collect::<Vec<_>>()
                        .await
                        .into_iter()
                        .map(|r| r.unwrap())
                        .collect::<Vec<_>>()
                }
            };
            let one_page = walk(100).await;
            let by_ones = walk(1).await;
            assert!(one_page.len() >= 3, "{d}");
            assert_eq!(
                by_ones, one_page,
                "{d}: every page once, not page 1 again and again"
            );
        }
    }

    #[tokio::test]
    async fn e6_method_either_answers_and_the_client_remembers() {
        for d in both(|d| d.e6_method = E6Method::Get) {
            let (sandbox, client) = under(d).await;
            let number = sandbox.employee_numbers()[0].clone();
            for _ in 0..2 {
                let found = client
                    .employees()
                    .lookup(EmployeeQuery {
                        employee_number: Some(number.clone()),
                        ..Default::default()
                    })
                    .await
                    .unwrap();
                assert_eq!(found[0].employee_number.as_deref(), Some(number.as_str()));
            }
            let methods: Vec<_> = paths(&sandbox)
                .into_iter()
                .filter(|p| p.ends_with("/api/Employee/lookup"))
                .collect();
            let want: &[&str] = match d.e6_method {
                E6Method::Post => &[
                    "GET /api/Employee/lookup",
                    "POST /api/Employee/lookup",
                    "POST /api/Employee/lookup",
                ],
                E6Method::Get => &["GET /api/Employee/lookup", "GET /api/Employee/lookup"],
            };
            assert_eq!(methods, want, "{d}");
        }
    }

    #[tokio::test]
    async fn t1_meta_either_place_pages_to_the_end() {
        for d in both(|d| d.t1_meta = T1Meta::Report) {
            let (_sandbox, client) = under(d).await;
            let query = TransactionQuery {
                page_size: Some(100),
                ..Default::default()
            };
            let n = client
                .transactions()
                .iter(query, None)
                .unwrap()
                .collect::<Vec<_>>()
                .await
                .into_iter()
                .inspect(|t| assert!(t.is_ok(), "{t:?}"))
                .count();
            assert_eq!(n, 250, "{d}");
        }
    }

    #[tokio::test]
    async fn empty_either_way_is_an_empty_list() {
        for d in both(|d| d.empty = EmptyAnswer::Null) {
            let (_sandbox, client) = under(d).await;
            let far = TransactionQuery {
                from_date: iqtech::NaiveDate::from_ymd_opt(1990, 1, 1),
                to_date: iqtech::NaiveDate::from_ymd_opt(1990, 1, 2),
                ..Default::default()
            };
            let page = client.transactions().list(far.clone()).await.unwrap();
            assert!(page.items.is_empty(), "{d}");
            let walked = client.transactions().iter(far, None).unwrap().count().await;
            assert_eq!(walked, 0, "{d}");
            let past_end = client.employees().list(99, 100).await.unwrap();
            assert!(past_end.items.is_empty(), "{d}");
            assert!(
                client
                    .machines()
                    .list(99, 100)
                    .await
                    .unwrap()
                    .items
                    .is_empty(),
                "{d}"
            );
        }
    }

    fn new_employee(number: &str) -> EmployeeInput {
        EmployeeInput {
            department: "Dialects".into(),
            first_name: "Dia".into(),
            last_name: "Lect".into(),
            employee_number: number.into(),
            email: Some("dia@example.com".into()),
            ..Default::default()
        }
    }

    async fn find(client: &Client, number: &str) -> iqtech::Employee {
        client
            .employees()
            .lookup(EmployeeQuery {
                employee_number: Some(number.into()),
                ..Default::default()
            })
            .await
            .unwrap()
            .remove(0)
    }

    #[tokio::test]
    async fn missing_bool_either_way_create_makes_an_active_employee() {
        for d in both(|d| d.missing_bool = MissingBool::Keep) {
            let (_sandbox, client) = under(d).await;
            client
                .employees()
                .create(new_employee("D-1"))
                .await
                .unwrap();
            assert_eq!(find(&client, "D-1").await.active, Some(true), "{d}");
        }
    }

    #[tokio::test]
    async fn put_either_way_patch_keeps_what_it_does_not_name() {
        for d in both(|d| d.put = PutMode::Merge) {
            let (_sandbox, client) = under(d).await;
            client
                .employees()
                .create(new_employee("D-2"))
                .await
                .unwrap();
            client
                .employees()
                .patch(
                    "D-2",
                    EmployeeChanges {
                        last_name: Some("Patched".into()),
                        ..Default::default()
                    },
                )
                .await
                .unwrap();
            let e = find(&client, "D-2").await;
            assert_eq!(e.last_name.as_deref(), Some("Patched"), "{d}");
            assert_eq!(
                e.email.as_deref(),
                Some("dia@example.com"),
                "{d}: email kept"
            );
            assert_eq!(e.active, Some(true), "{d}: still active");
            let err = client
                .employees()
                .patch("NOPE-1", EmployeeChanges::default())
                .await
                .unwrap_err();
            assert_eq!(err.code(), "validation", "{d}");
        }
    }

    #[tokio::test]
    async fn under_replace_an_update_without_a_field_clears_it() {
        // Proves the strict sandbox does what a naive client fears, so the test above means
        // something.
        let (_sandbox, client) = under(Dialect::default()).await;
        client
            .employees()
            .create(new_employee("D-3"))
            .await
            .unwrap();
        let mut bare = new_employee("D-3");
        bare.email = None;
        client.employees().update("D-3", bare).await.unwrap();
        let e = find(&client, "D-3").await;
        assert_eq!(e.email, None);
        assert_eq!(e.active, Some(false), "a missing bool read as false");
    }
}
