//! `transactions export`: streamed, every page, row count equal to the sandbox's.

use std::collections::HashSet;

use crate::common::{col, json, parse_csv, Cli};

#[test]
fn export_of_100000_transactions_to_csv_matches_the_sandbox_count() {
    const COUNT: usize = 100_000;
    let cli = Cli::new();
    let file = cli.home().join("tx.csv");
    let started = std::time::Instant::now();
    let out = cli
        .sandbox(&[
            "--sandbox-transactions",
            &COUNT.to_string(),
            "--concurrency",
            "8",
            "-o",
            file.to_str().unwrap(),
            "transactions",
            "export",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    eprintln!(
        "export of {COUNT} transactions took {:?}",
        started.elapsed()
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("exported {COUNT} transactions ({COUNT} rows)")),
        "{stderr}"
    );

    let text = std::fs::read_to_string(&file).unwrap();
    let (header, rows) = parse_csv(&text);
    assert_eq!(
        rows.len(),
        COUNT,
        "one row per transaction (each has one dispense)"
    );
    assert!(rows.iter().all(|r| r.len() == header.len()));
    // Every row is distinct (no page twice) and in time order (pages in order).
    let when = col(&header, "transaction_date_and_time");
    let distinct: HashSet<&str> = rows.iter().map(|r| r[when].as_str()).collect();
    assert_eq!(distinct.len(), COUNT);
    assert!(rows.windows(2).all(|w| w[0][when] < w[1][when]), "in order");
    // Money is exact decimal text.
    let total = col(&header, "total");
    assert!(rows
        .iter()
        .all(|r| r[total].chars().all(|c| c.is_ascii_digit() || c == '.')));
    assert!(rows
        .iter()
        .all(|r| !r[col(&header, "serial_no")].is_empty()));
}

#[test]
fn export_in_json_and_ndjson_with_filters() {
    let cli = Cli::new();
    let base = [
        "--sandbox-transactions",
        "1500",
        "--concurrency",
        "3",
        "transactions",
        "export",
        "--page-size",
        "40",
    ];

    let out = cli
        .sandbox(&[&["-f", "ndjson"], &base[..]].concat())
        .assert()
        .success()
        .get_output()
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(json)
        .collect();
    assert_eq!(lines.len(), 1500);
    assert!(
        lines[0]["transaction_details"][0]["total"].is_string(),
        "money as exact text"
    );

    let out = cli
        .sandbox(&[&["-f", "json"], &base[..]].concat())
        .assert()
        .success()
        .get_output()
        .clone();
    let all = json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(all.as_array().unwrap(), &lines);

    // Date and machine filters: every row matches them.
    let out = cli
        .sandbox(&[
            "-f",
            "csv",
            "--sandbox-transactions",
            "1500",
            "transactions",
            "export",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-31",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let (header, rows) = parse_csv(&String::from_utf8(out.stdout).unwrap());
    let when = col(&header, "transaction_date_and_time");
    assert!(!rows.is_empty() && rows.len() < 1500);
    assert!(
        rows.iter().all(|r| r[when].starts_with("2024-03-")),
        "only March"
    );
}
