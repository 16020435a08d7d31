//! `-v` / `-vv` and `IQTECH_LOG` (issue 12): the SDK's log lines on stderr, with the request id,
//! never the secret.

use crate::common::Cli;

fn stderr(args: &[&str], env: &[(&str, &str)]) -> String {
    let cli = Cli::new();
    let mut cmd = cli.sandbox(args);
    cmd.env_remove("IQTECH_LOG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.assert().success().get_output().clone();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn quiet_by_default() {
    let text = stderr(&["employees", "list", "--page-size", "2"], &[]);
    assert!(!text.contains("iqtech::call"), "{text}");
}

#[test]
fn v_logs_one_info_line_per_call_and_vv_every_attempt() {
    let info = stderr(&["-v", "employees", "list", "--page-size", "2"], &[]);
    assert!(
        info.contains("iqtech INFO iqtech::call: employees.list finished with HTTP 200"),
        "{info}"
    );
    assert!(info.contains("(request id "), "{info}");
    assert!(!info.contains("DEBUG"), "{info}");
    let debug = stderr(&["-vv", "employees", "list", "--page-size", "2"], &[]);
    assert!(
        debug.contains("iqtech DEBUG iqtech::call: employees.list GET /api/Employee -> 200 in "),
        "{debug}"
    );
    assert!(debug.contains("(attempt 1/"), "{debug}");
    // The sandbox's credentials are in this process; none shows.
    assert!(!debug.contains("Bearer"), "{debug}");
    assert!(!debug.to_lowercase().contains("secret"), "{debug}");
}

#[test]
fn iqtech_log_works_without_v() {
    let text = stderr(
        &["employees", "list", "--page-size", "2"],
        &[("IQTECH_LOG", "debug")],
    );
    assert!(
        text.contains("iqtech DEBUG iqtech::call: employees.list GET"),
        "{text}"
    );
}
