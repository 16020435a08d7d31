//! Test fixtures: the built `iqtech` binary with a clean environment, and a sandbox server
//! running in the test process (for tests that need state to survive several invocations).

use std::path::Path;

use assert_cmd::Command;
use iqtech_sandbox::{Sandbox, SandboxConfig};
use tempfile::TempDir;

/// The `iqtech` binary, with no `IQTECH_*` variables and an empty config directory.
pub struct Cli {
    /// Holds the empty HOME / XDG_CONFIG_HOME.
    pub home: TempDir,
}

impl Cli {
    pub fn new() -> Self {
        Self {
            home: tempfile::tempdir().unwrap(),
        }
    }

    /// A command with a clean environment and progress bars off.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("iqtech").unwrap();
        for var in [
            "IQTECH_CLIENT_ID",
            "IQTECH_CLIENT_SECRET",
            "IQTECH_AUTH_URL",
            "IQTECH_API_URL",
            "IQTECH_CONFIG",
        ] {
            c.env_remove(var);
        }
        c.env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .timeout(std::time::Duration::from_secs(120));
        c
    }

    /// `iqtech --sandbox ARGS…` (an embedded sandbox per invocation).
    pub fn sandbox(&self, args: &[&str]) -> Command {
        let mut c = self.cmd();
        c.arg("--sandbox").args(args);
        c
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }
}

/// A sandbox served by this test process, for state across several CLI runs.
pub struct Server {
    pub sandbox: Sandbox,
    pub cli: Cli,
    _rt: tokio::runtime::Runtime,
}

impl Server {
    pub fn start(config: SandboxConfig) -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = rt.block_on(Sandbox::start(config)).unwrap();
        Self {
            sandbox,
            cli: Cli::new(),
            _rt: rt,
        }
    }

    /// `iqtech ARGS…` pointed at this server by flags.
    pub fn run(&self, args: &[&str]) -> Command {
        let mut c = self.cli.cmd();
        c.args([
            "--api-url",
            &self.sandbox.api_url(),
            "--auth-url",
            &self.sandbox.auth_url(),
            "--client-id",
            self.sandbox.client_id(),
            "--client-secret",
            self.sandbox.client_secret(),
        ])
        .args(args);
        c
    }
}

/// stdout of a successful run.
pub fn stdout(mut cmd: impl std::borrow::BorrowMut<Command>) -> String {
    let out = cmd.borrow_mut().assert().success().get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

/// Parses CSV text into (header, rows).
pub fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// The index of `name` in `header`.
pub fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// Parses a JSON document.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}
