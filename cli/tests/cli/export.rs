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

/// Pages decode on tasks of their own and rows are encoded into blocks: the file is still the
/// same bytes whatever the concurrency, with the header once and every page in order.
#[test]
fn csv_export_is_the_same_bytes_at_any_concurrency() {
    let cli = Cli::new();
    let export = |concurrency: &str| {
        let file = cli.home().join(format!("tx-{concurrency}.csv"));
        cli.sandbox(&[
            "--sandbox-transactions",
            "3000",
            "--concurrency",
            concurrency,
            "-o",
            file.to_str().unwrap(),
            "transactions",
            "export",
            "--page-size",
            "70",
        ])
        .assert()
        .success();
        std::fs::read(&file).unwrap()
    };
    let one = export("1");
    assert_eq!(one, export("8"));
    let (header, rows) = parse_csv(std::str::from_utf8(&one).unwrap());
    assert_eq!(rows.len(), 3000);
    assert_eq!(header[0], "serial_no");
}

/// A page that fails mid-walk (here every request from the 7th on, so whichever page's answer
/// the server sends 7th) ends the export with that page's error, after exactly the rows of
/// the pages before it, each row whole: the blocks of encoded rows are all written out.
#[test]
fn a_failing_page_leaves_every_earlier_page_whole_in_the_file() {
    use iqtech_sandbox::{FaultSpec, SandboxConfig};
    let s = crate::common::Server::start(SandboxConfig::default().transactions(2000));
    s.sandbox
        .inject(FaultSpec::new("transactions.list").status(500).after(6))
        .unwrap();
    let file = s.cli.home().join("partial.csv");
    let out = s
        .run(&[
            "--concurrency",
            "4",
            "-o",
            file.to_str().unwrap(),
            "transactions",
            "export",
            "--page-size",
            "50",
        ])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let page: usize = stderr
        .strip_prefix("error: page ")
        .and_then(|r| r.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("an error naming its page: {stderr}"));
    assert!((2..=7).contains(&page), "{stderr}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.ends_with('\n'), "no cut row");
    let (header, rows) = parse_csv(&text);
    assert_eq!(rows.len(), (page - 1) * 50, "{stderr}");
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let when = col(&header, "transaction_date_and_time");
    assert!(rows.windows(2).all(|w| w[0][when] < w[1][when]), "in order");
}
