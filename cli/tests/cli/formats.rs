//! Output formats, parsed back, and the low-stock report checked against the planograms.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{col, json, parse_csv, stdout, Cli};

/// The low-stock rule, written independently of the core: (severity rank, level) or None.
fn expected_severity(e: &Value) -> Option<(u8, i64)> {
    let count = e["current_count"].as_i64()?;
    let critical = e["critical_level"].as_i64().unwrap_or(0);
    let low = e["low_level"].as_i64().unwrap_or(0);
    if critical > 0 && count <= critical {
        Some((0, critical))
    } else if low > 0 && count <= low {
        Some((1, low))
    } else {
        None
    }
}

#[test]
fn low_stock_matches_the_planograms_and_is_worst_first() {
    let cli = Cli::new();
    let machines = json(&stdout(cli.sandbox(&[
        "-f",
        "json",
        "--sandbox-seed",
        "9",
        "machines",
        "list",
    ])));
    let mut expected: Vec<(String, String, u8)> = Vec::new();
    for m in machines.as_array().unwrap() {
        let serial = m["machine"]["control_board_serial_no"].as_str().unwrap();
        for e in m["machine_planogram"].as_array().unwrap() {
            if let Some((sev, _)) = expected_severity(e) {
                expected.push((serial.into(), e["selection"].as_str().unwrap().into(), sev));
            }
        }
    }
    assert!(expected.iter().any(|e| e.2 == 0) && expected.iter().any(|e| e.2 == 1));

    let (header, rows) = parse_csv(&stdout(cli.sandbox(&[
        "-f",
        "csv",
        "--sandbox-seed",
        "9",
        "machines",
        "low-stock",
    ])));
    let (sev, serial, sel) = (
        col(&header, "severity"),
        col(&header, "serial_no"),
        col(&header, "selection"),
    );
    let (count, level) = (col(&header, "current_count"), col(&header, "level"));
    let mut got: Vec<(String, String, u8)> = rows
        .iter()
        .map(|r| {
            (
                r[serial].clone(),
                r[sel].clone(),
                if r[sev] == "critical" { 0 } else { 1 },
            )
        })
        .collect();
    // Worst first: severity never improves, and within a severity the fill ratio never falls.
    for pair in rows.windows(2) {
        let rank = |r: &Vec<String>| if r[sev] == "critical" { 0 } else { 1 };
        assert!(rank(&pair[0]) <= rank(&pair[1]), "{pair:?}");
        if rank(&pair[0]) == rank(&pair[1]) {
            let ratio = |r: &Vec<String>| {
                r[count].parse::<f64>().unwrap() / r[level].parse::<f64>().unwrap()
            };
            assert!(ratio(&pair[0]) <= ratio(&pair[1]), "{pair:?}");
        }
    }
    got.sort();
    expected.sort();
    assert_eq!(got, expected, "exactly the selections at or under a level");

    // The same report in JSON, NDJSON and the critical-only filter.
    let j = json(&stdout(cli.sandbox(&[
        "-f",
        "json",
        "--sandbox-seed",
        "9",
        "machines",
        "low-stock",
    ])));
    assert_eq!(j.as_array().unwrap().len(), rows.len());
    assert_eq!(j[0]["severity"], "critical");
    let nd = stdout(cli.sandbox(&[
        "-f",
        "ndjson",
        "--sandbox-seed",
        "9",
        "machines",
        "low-stock",
        "--critical-only",
    ]));
    let lines: Vec<Value> = nd.lines().map(json).collect();
    assert_eq!(lines.len(), expected.iter().filter(|e| e.2 == 0).count());
    assert!(lines.iter().all(|l| l["severity"] == "critical"));
}

#[test]
fn every_format_of_a_list() {
    let cli = Cli::new();
    let args = |f: &'static str| {
        vec![
            "-f",
            f,
            "--sandbox-employees",
            "23",
            "employees",
            "list",
            "--page-size",
            "5",
        ]
    };
    let j = json(&stdout(cli.sandbox(&args("json"))));
    let items = j.as_array().unwrap();
    assert_eq!(items.len(), 23);

    let nd = stdout(cli.sandbox(&args("ndjson")));
    let lines: Vec<Value> = nd.lines().map(json).collect();
    assert_eq!(&lines, items);

    let (header, rows) = parse_csv(&stdout(cli.sandbox(&args("csv"))));
    assert_eq!(rows.len(), 23);
    assert_eq!(
        &header[..3],
        ["first_name", "last_name", "employee_number"],
        "model field order"
    );
    for (row, item) in rows.iter().zip(items) {
        assert_eq!(
            row[col(&header, "employee_number")],
            item["employee_number"].as_str().unwrap()
        );
        assert_eq!(row[col(&header, "active")], item["active"].to_string());
    }

    let table = stdout(cli.sandbox(&args("table")));
    let mut lines = table.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("EMPLOYEE_NUMBER  FIRST_NAME"));
    assert_eq!(lines.count(), 23);

    // Not a terminal and no --format: JSON. An empty list is still valid JSON.
    let default = json(&stdout(cli.sandbox(&[
        "--sandbox-employees",
        "0",
        "employees",
        "list",
    ])));
    assert_eq!(default, serde_json::json!([]));
}

#[test]
fn single_results_and_output_files() {
    let cli = Cli::new();
    let out = cli.home().join("emp.csv");
    cli.sandbox(&[
        "-f",
        "csv",
        "-o",
        out.to_str().unwrap(),
        "employees",
        "get",
        "1003",
    ])
    .assert()
    .success()
    .stdout(predicate::str::is_empty());
    let (header, rows) = parse_csv(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][col(&header, "employee_number")], "1003");
    // JSON of a single result is an object; a file given with -o defaults to JSON too.
    let file = cli.home().join("emp.json");
    cli.sandbox(&["-o", file.to_str().unwrap(), "employees", "get", "1003"])
        .assert()
        .success();
    let v = json(&std::fs::read_to_string(&file).unwrap());
    assert_eq!(v["employee_number"], "1003");
}
