//! Exit codes and error lines: usage 2, API 3, network 4, configuration/validation 5.

use iqtech_sandbox::{FaultSpec, SandboxConfig};
use predicates::prelude::*;

use crate::common::{Cli, Server};

/// stderr of a run, asserting its exit code.
fn failing(mut cmd: impl std::borrow::BorrowMut<assert_cmd::Command>, code: i32) -> String {
    let out = cmd.borrow_mut().assert().code(code).get_output().clone();
    assert!(
        out.stdout.is_empty() || code == 0,
        "nothing on stdout: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn usage_errors_exit_2() {
    let cli = Cli::new();
    cli.cmd().args(["employees", "frobnicate"]).assert().code(2);
    cli.cmd()
        .args(["--format", "xml", "machines", "list"])
        .assert()
        .code(2);
    cli.cmd()
        .args(["transactions", "export", "--from", "yesterday"])
        .assert()
        .code(2);
    cli.cmd().assert().code(2);
}

#[test]
fn help_documents_exit_codes_and_low_stock_rule() {
    let cli = Cli::new();
    cli.cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"))
        .stdout(predicate::str::contains("4  network error"));
    cli.cmd()
        .args(["machines", "low-stock", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "critical_level > 0 and current_count <= critical_level",
        ));
}

#[test]
fn api_errors_exit_3_with_details_under_verbose() {
    let s = Server::start(SandboxConfig::default().employees(5));
    s.sandbox
        .inject(FaultSpec::new("employees.list").status(500).times(2))
        .unwrap();
    let line = failing(s.run(&["employees", "list"]), 3);
    assert_eq!(line.lines().count(), 1, "one line: {line}");
    assert!(
        line.starts_with("error: page 1: employees.list failed: HTTP 500"),
        "{line}"
    );
    let detail = failing(s.run(&["-v", "employees", "list"]), 3);
    for want in [
        "status: 500",
        "error id: -",
        "kind: server",
        "exit code: 3",
        "page: 1",
        "trace id:",
    ] {
        assert!(detail.contains(want), "{want} in {detail}");
    }
    // An envelope error keeps its errorId (which may differ from the status).
    let detail = failing(
        s.run(&[
            "-v",
            "employees",
            "set-status",
            "424242",
            "--active",
            "true",
        ]),
        3,
    );
    for want in [
        "status: 400",
        "error id: 400",
        "message: Invalid Employee Number",
    ] {
        assert!(detail.contains(want), "{want} in {detail}");
    }

    // Field errors (a ProblemDetails answer) show under -v.
    let detail = failing(s.run(&["-v", "will-call", "new-code", "not-a-guid"]), 3);
    assert!(detail.contains("field "), "{detail}");
    assert!(detail.contains("trace id: 00-"), "{detail}");

    // A wrong secret: the token endpoint refuses it; the secret never shows, even with -vv.
    let mut c = s.cli.cmd();
    c.args([
        "--api-url",
        &s.sandbox.api_url(),
        "--auth-url",
        &s.sandbox.auth_url(),
        "--client-id",
        "sandbox-client",
        "-vv",
        "employees",
        "list",
    ])
    .env("IQTECH_CLIENT_SECRET", "wrong-S3CRET-value");
    let err = failing(&mut c, 3);
    assert!(err.contains("kind: authentication"), "{err}");
    assert!(!err.contains("wrong-S3CRET-value"), "{err}");
}

#[test]
fn network_errors_exit_4() {
    let cli = Cli::new();
    // Nothing listens on port 9 of loopback.
    let mut c = cli.cmd();
    c.args([
        "--api-url",
        "http://127.0.0.1:9",
        "--auth-url",
        "http://127.0.0.1:9",
        "--client-id",
        "x",
        "--client-secret",
        "y",
        "machines",
        "list",
    ]);
    let err = failing(&mut c, 4);
    assert!(err.contains("could not reach the server"), "{err}");

    // A booking whose answer is lost: outcome unknown, with advice; never retried.
    let s = Server::start(SandboxConfig::default().employees(5));
    s.sandbox
        .inject(
            FaultSpec::new("employees.create")
                .drop_connection()
                .times(1),
        )
        .unwrap();
    let err = failing(
        s.run(&[
            "-v",
            "employees",
            "create",
            "--number",
            "9",
            "--first-name",
            "A",
            "--last-name",
            "B",
            "--department",
            "C",
        ]),
        4,
    );
    assert!(err.contains("outcome unknown"), "{err}");
    assert!(
        err.contains("how to check: Check with employees.lookup"),
        "{err}"
    );
    assert_eq!(s.sandbox.journal().count("employees.create"), 1);

    // A timeout.
    s.sandbox
        .inject(FaultSpec::new("machines.list").latency(std::time::Duration::from_secs(5)))
        .unwrap();
    let err = failing(s.run(&["--timeout", "1", "machines", "list"]), 4);
    assert!(err.contains("timed out"), "{err}");
}

#[test]
fn validation_and_configuration_errors_exit_5() {
    let cli = Cli::new();
    // Caught by the core before anything is sent.
    let err = failing(cli.sandbox(&["employees", "list", "--page", "0"]), 5);
    assert!(err.contains("invalid page"), "{err}");
    let err = failing(
        cli.sandbox(&[
            "transactions",
            "export",
            "--from",
            "2024-05-01",
            "--to",
            "2024-01-01",
        ]),
        5,
    );
    assert!(err.contains("\nerror: invalid from_date"), "{err}");
    // Caught by the CLI.
    failing(cli.sandbox(&["employees", "create", "--number", "1"]), 5);
    let err = failing(
        cli.sandbox(&["will-call", "recall", "x", "--assignee", "type=User,nmae=A"]),
        5,
    );
    assert!(err.contains("nmae"), "{err}");
    let bad = cli.home().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"department":"D","frist_name":"A","last_name":"B","employee_number":"1"}"#,
    )
    .unwrap();
    let err = failing(
        cli.sandbox(&["employees", "create", "--json", bad.to_str().unwrap()]),
        5,
    );
    assert!(err.contains("frist_name"), "{err}");
    // Plain http to a non-loopback host is refused.
    let err = failing(
        cli.cmd().args([
            "--api-url",
            "http://example.com",
            "--client-id",
            "a",
            "--client-secret",
            "b",
            "machines",
            "list",
        ]),
        5,
    );
    assert!(err.contains("api_url"), "{err}");
}
