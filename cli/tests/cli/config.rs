//! Where credentials come from: flags > environment > config file; `--sandbox` says so.

use iqtech_sandbox::SandboxConfig;
use predicates::prelude::*;

use crate::common::{json, stdout, Server};

#[test]
fn no_credentials_is_a_configuration_error() {
    let s = Server::start(SandboxConfig::default().employees(3));
    s.cli
        .cmd()
        .args(["machines", "list"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "no client id: pass --client-id, set IQTECH_CLIENT_ID",
        ));
}

#[test]
fn config_file_then_environment_then_flags() {
    let s = Server::start(SandboxConfig::default().employees(3));
    let dir = s.cli.home().join("config").join("iqtech");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(
        &file,
        format!(
            "client_id = \"{}\"\nclient_secret = \"{}\"\nauth_url = \"{}\"\napi_url = \"{}\"\n",
            s.sandbox.client_id(),
            s.sandbox.client_secret(),
            s.sandbox.auth_url(),
            s.sandbox.api_url()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    // The default config file alone is enough.
    let list = json(&stdout(s.cli.cmd().args([
        "-f",
        "json",
        "employees",
        "list",
    ])));
    assert_eq!(list.as_array().unwrap().len(), 3);

    // The environment beats the file: a wrong secret there is used (and refused).
    s.cli
        .cmd()
        .env("IQTECH_CLIENT_SECRET", "not-the-secret")
        .args(["employees", "list"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not-the-secret").not());

    // A flag beats the environment.
    s.cli
        .cmd()
        .env("IQTECH_CLIENT_SECRET", "not-the-secret")
        .args([
            "--client-secret",
            s.sandbox.client_secret(),
            "-f",
            "json",
            "employees",
            "list",
        ])
        .assert()
        .success();

    // An explicit --config that does not exist, or with an unknown key, is an error.
    s.cli
        .cmd()
        .args(["--config", "/nonexistent/iqtech.toml", "employees", "list"])
        .assert()
        .code(5);
    let odd = s.cli.home().join("odd.toml");
    std::fs::write(&odd, "client_id = \"a\"\nclient_secert = \"b\"\n").unwrap();
    s.cli
        .cmd()
        .args(["--config", odd.to_str().unwrap(), "employees", "list"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("client_secert"));
}

#[test]
fn sandbox_says_so_on_stderr_and_ignores_other_credentials() {
    let s = Server::start(SandboxConfig::default().employees(3));
    s.cli
        .cmd()
        .env("IQTECH_API_URL", "https://integration.iqtechportal.invalid/")
        .env("IQTECH_CLIENT_ID", "someone")
        .args(["--sandbox", "-f", "json", "machines", "list"])
        .assert()
        .success()
        .stderr(predicate::str::is_match(
            r"^using the embedded sandbox at http://127\.0\.0\.1:\d+ \(no real machines are touched\)\n$",
        )
        .unwrap());
}
