//! Every subcommand, against a sandbox whose state lives across invocations.

use iqtech_sandbox::SandboxConfig;
use predicates::prelude::*;

use crate::common::{col, json, parse_csv, stdout, Server};

fn server() -> Server {
    Server::start(
        SandboxConfig::default()
            .employees(40)
            .machines(6)
            .transactions(300),
    )
}

#[test]
fn employees_every_subcommand() {
    let s = server();

    // list: every page (walked with 3 pages in flight), and one page.
    let all = json(&stdout(s.run(&[
        "-f",
        "json",
        "--concurrency",
        "3",
        "employees",
        "list",
        "--page-size",
        "7",
    ])));
    assert_eq!(all.as_array().unwrap().len(), 40);
    let page = json(&stdout(s.run(&[
        "-f",
        "json",
        "employees",
        "list",
        "--page",
        "2",
        "--page-size",
        "10",
    ])));
    let numbers: Vec<_> = page
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["employee_number"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(numbers.first().map(String::as_str), Some("1010"));
    assert_eq!(numbers.len(), 10);

    // create, then get it back.
    s.run(&[
        "-f",
        "json",
        "employees",
        "create",
        "--number",
        "77001",
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--department",
        "R&D",
        "--language",
        "French",
        "--email",
        "ada@example.com",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("\"created\""));
    let got = json(&stdout(s.run(&["-f", "json", "employees", "get", "77001"])));
    assert_eq!(got["last_name"], "Lovelace");
    assert_eq!(got["language"], "French");

    // A duplicate is refused by the server: API error.
    s.run(&[
        "employees",
        "create",
        "--number",
        "77001",
        "--first-name",
        "A",
        "--last-name",
        "B",
        "--department",
        "C",
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::starts_with(
        "error: employees.create failed: HTTP 500",
    ));

    // update (renumber) from a JSON file; the old number is gone, the new one found.
    let file = s.cli.home().join("emp.json");
    std::fs::write(
        &file,
        r#"{"department":"Ops","first_name":"Ada","last_name":"King","employee_number":"77002"}"#,
    )
    .unwrap();
    s.run(&[
        "employees",
        "update",
        "77001",
        "--json",
        file.to_str().unwrap(),
    ])
    .assert()
    .success();
    s.run(&["employees", "get", "77001"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no employee with number"));
    let got = json(&stdout(s.run(&["-f", "json", "employees", "get", "77002"])));
    assert_eq!(got["department"], "Ops");

    // lookup: by last name; no match is an empty list, not an error.
    let found = json(&stdout(s.run(&[
        "-f",
        "json",
        "employees",
        "lookup",
        "--last-name",
        "king",
    ])));
    assert!(found
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["employee_number"] == "77002"));
    let none = json(&stdout(s.run(&[
        "-f",
        "json",
        "employees",
        "lookup",
        "--last-name",
        "Nobody-Here",
    ])));
    assert_eq!(none, serde_json::json!([]));

    // set-status, seen through lookup.
    s.run(&["employees", "set-status", "77002", "--active", "false"])
        .assert()
        .success();
    let got = json(&stdout(s.run(&["-f", "json", "employees", "get", "77002"])));
    assert_eq!(got["active"], false);

    // set-pin from stdin; the PIN never shows in the output.
    s.run(&["-f", "json", "employees", "set-pin", "77002", "--pin-stdin"])
        .write_stdin("482913\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("482913").not());
    assert_eq!(s.sandbox.employee_pin("77002").as_deref(), Some("482913"));
    // A wrong old PIN is refused (API error), and the PIN stays.
    s.run(&[
        "employees",
        "set-pin",
        "77002",
        "--pin",
        "111111",
        "--old-pin",
        "000000",
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("Invalid Old Pin"));
    s.run(&[
        "employees",
        "set-pin",
        "77002",
        "--pin",
        "111111",
        "--old-pin",
        "482913",
    ])
    .assert()
    .success();
    assert_eq!(s.sandbox.employee_pin("77002").as_deref(), Some("111111"));
}

#[test]
fn will_call_every_subcommand_both_generations() {
    let s = server();
    let serial = s.sandbox.locker_machine_serials()[0].clone();

    let free = json(&stdout(s.run(&[
        "-f",
        "json",
        "will-call",
        "selections",
        &serial,
    ])));
    let free: Vec<i64> = free
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert!(!free.is_empty());
    let legacy_free = json(&stdout(s.run(&[
        "-f",
        "json",
        "will-call",
        "--legacy",
        "selections",
        &serial,
    ])));
    assert_eq!(legacy_free.as_array().unwrap().len(), free.len());
    let selection = free[0].to_string();

    // reserve: against a non-sandbox URL the CLI warns about real messages.
    let out = s
        .run(&[
            "-f",
            "json",
            "will-call",
            "reserve",
            "--serial",
            &serial,
            "--selection",
            &selection,
            "--type",
            "Pickup",
            "--location",
            "Dock",
            "--send-code",
            "NONE",
            "--assignee",
            "type=Custom,name=Ann,phone=5550100,dial-code=+1,role=DropOff",
            "--assignee",
            "type=Custom,name=Bob,email=bob@example.com,role=PickUp",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("real SMS / e-mail"))
        .get_output()
        .clone();
    let result = json(&String::from_utf8(out.stdout).unwrap());
    let id = result["reserve_locker_id"].as_str().unwrap().to_owned();
    assert_eq!(result["access_codes"].as_array().unwrap().len(), 2);
    let info = s.sandbox.reservation(&id).expect("the sandbox has it");
    assert_eq!(info.selection, selection);
    assert_eq!(info.location_name, "Dock");

    // status (v2 has the id; legacy does not), then the selection is no longer free.
    let status = json(&stdout(s.run(&[
        "-f",
        "json",
        "will-call",
        "status",
        &serial,
    ])));
    assert!(status
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["reserve_locker_id"] == id.as_str()));
    let legacy = json(&stdout(s.run(&[
        "-f",
        "json",
        "will-call",
        "--legacy",
        "status",
        &serial,
    ])));
    assert!(legacy
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["selection"] == selection.as_str()));
    let free_now = stdout(s.run(&["-f", "csv", "will-call", "selections", &serial]));
    let (header, rows) = parse_csv(&free_now);
    assert_eq!(header, ["selection"]);
    assert!(!rows.iter().any(|r| r[0] == selection));

    // new-code replaces the codes.
    let before = s.sandbox.reservation(&id).unwrap().access_codes;
    let csv = stdout(s.run(&["-f", "csv", "will-call", "new-code", &id]));
    let (header, rows) = parse_csv(&csv);
    assert_eq!(rows.len(), 2, "one row per access code");
    assert_eq!(rows[0][col(&header, "reserve_locker_id")], id);
    let after = s.sandbox.reservation(&id).unwrap().access_codes;
    assert_ne!(before, after);
    assert!(after.contains(&rows[0][col(&header, "code")]));

    // report, both generations, every page and one page.
    for legacy in [false, true] {
        let mut args = vec!["-f", "csv", "will-call"];
        if legacy {
            args.push("--legacy");
        }
        args.extend([
            "report",
            "--serial",
            &serial,
            "--from",
            "2000-01-01",
            "--to",
            "2099-12-31",
            "--page-size",
            "1",
        ]);
        let (header, rows) = parse_csv(&stdout(s.run(&args)));
        assert!(rows.len() >= 3, "pre-booked lockers and ours: {rows:?}");
        assert!(rows
            .iter()
            .any(|r| r[col(&header, "selection")] == selection));
        args.extend(["--page", "1"]);
        let (_, one) = parse_csv(&stdout(s.run(&args)));
        assert_eq!(one.len(), 1);
    }

    // recall, then a second recall is refused by the server.
    let recalled = json(&stdout(s.run(&[
        "-f",
        "json",
        "will-call",
        "recall",
        &id,
        "--assignee",
        "type=User,name=Admin",
    ])));
    assert!(
        recalled["message"].as_str().unwrap().contains("Recalled"),
        "{recalled}"
    );
    assert_eq!(s.sandbox.reservation(&id).unwrap().status, "Recalled");
    s.run(&[
        "will-call",
        "recall",
        &id,
        "--assignee",
        "type=User,name=Admin",
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("Invalid Operation!"));
}

#[test]
fn machines_list_get_and_transactions_list() {
    let s = server();
    let serials = s.sandbox.machine_serials();

    let (header, rows) = parse_csv(&stdout(s.run(&[
        "-f",
        "csv",
        "machines",
        "list",
        "--page-size",
        "4",
    ])));
    let got: Vec<_> = rows
        .iter()
        .map(|r| r[col(&header, "control_board_serial_no")].clone())
        .collect();
    assert_eq!(got, serials, "every machine, in order, across pages");
    let one_page = json(&stdout(s.run(&[
        "-f",
        "json",
        "machines",
        "list",
        "--page",
        "2",
        "--page-size",
        "4",
    ])));
    assert_eq!(one_page.as_array().unwrap().len(), 2);

    let planogram = json(&stdout(s.run(&[
        "-f",
        "json",
        "machines",
        "get",
        &serials[1],
    ])));
    assert_eq!(
        planogram["machine"]["control_board_serial_no"],
        serials[1].as_str()
    );
    let entries = planogram["machine_planogram"].as_array().unwrap().len();
    let (header, rows) = parse_csv(&stdout(s.run(&[
        "-f",
        "csv",
        "machines",
        "get",
        &serials[1],
    ])));
    assert_eq!(rows.len(), entries, "one row per selection");
    assert!(rows
        .iter()
        .all(|r| r[col(&header, "serial_no")] == serials[1]));
    // An unknown serial: the server refuses it (exit 3).
    s.run(&["machines", "get", "WTN-NOPE"]).assert().code(3);

    let page = json(&stdout(s.run(&[
        "-f",
        "json",
        "transactions",
        "list",
        "--page-size",
        "7",
        "--page",
        "3",
    ])));
    assert_eq!(page.as_array().unwrap().len(), 7);
    let (header, rows) = parse_csv(&stdout(s.run(&[
        "-f",
        "csv",
        "transactions",
        "list",
        "--serial-no",
        &serials[2],
        "--page-size",
        "20",
    ])));
    assert_eq!(rows.len(), 20);
    assert!(rows
        .iter()
        .all(|r| r[col(&header, "serial_no")] == serials[2]));
}
