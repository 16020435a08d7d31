//! Trust and proxies against real programs (issue 12): the sandbox served over HTTPS with a test
//! CA it generates, mitmproxy as a TLS-inspecting proxy (the corporate network), and tinyproxy as
//! a plain forward proxy whose own log shows the `CONNECT`.
//!
//! Environment variables (`SSL_CERT_FILE`, `IQTECH_CA_BUNDLE`, `HTTPS_PROXY`, `NO_PROXY`, ...)
//! are tested in a child process (this test binary run again on [`child_entry`]), so no test
//! changes the environment of another.
//!
//! mitmproxy and tinyproxy are found through `$MITMDUMP` / `$TINYPROXY`, then
//! `target/proxy-venv/bin/mitmdump`, then `PATH`. When one is missing the tests that need it fail
//! under `CI=true` and are skipped with a message otherwise; `scripts/test-proxies.sh` installs
//! both and runs this file. Every server and proxy listens on 127.0.0.1 and is stopped by the
//! test that started it.

use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use iqtech::{Client, ClientBuilder};
use iqtech_sandbox::{Sandbox, SandboxConfig};

/// Every proxy and environment variable a child must not inherit from the test's own process.
const CLEARED: &[&str] = &[
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "IQTECH_CA_BUNDLE",
    "IQTECH_CLIENT_ID",
    "IQTECH_CLIENT_SECRET",
];

/// The sandbox over HTTPS, its CA written to a file.
struct Https {
    sandbox: Sandbox,
    dir: PathBuf,
    ca_file: PathBuf,
}

impl Https {
    async fn start() -> Https {
        let sandbox = Sandbox::start(SandboxConfig::default().https(true))
            .await
            .expect("HTTPS sandbox starts");
        assert!(sandbox.api_url().starts_with("https://127.0.0.1:"));
        let dir = temp_dir("sandbox");
        let ca_file = dir.join("sandbox-ca.pem");
        std::fs::write(
            &ca_file,
            sandbox.ca_pem().expect("an HTTPS sandbox has a CA"),
        )
        .unwrap();
        Https {
            sandbox,
            dir,
            ca_file,
        }
    }

    /// A client for it with nothing about trust or proxies set: one attempt, short timeouts,
    /// and no proxy from this process's environment (`no_proxy = "*"`) unless a test sets one.
    fn builder(&self) -> ClientBuilder {
        Client::builder()
            .client_id(self.sandbox.client_id())
            .client_secret(self.sandbox.client_secret())
            .auth_url(self.sandbox.auth_url())
            .api_url(self.sandbox.api_url())
            .max_attempts(1)
            .connect_timeout(Duration::from_secs(5))
            .request_timeout(Duration::from_secs(10))
    }

    fn host(&self) -> String {
        self.sandbox.addr().to_string()
    }

    /// Runs one call in a child process with exactly these environment variables (beyond the
    /// ones every process needs) and the given client options; returns the child's verdict.
    async fn child(&self, env: &[(&str, &str)], options: &[(&str, &str)]) -> Verdict {
        let mut cmd = Command::new(std::env::current_exe().unwrap());
        cmd.args(["--exact", "child_entry", "--nocapture", "--test-threads=1"]);
        for var in CLEARED {
            cmd.env_remove(var);
        }
        cmd.env("IQTECH_TLS_CHILD", "1")
            .env("CHILD_API_URL", self.sandbox.api_url())
            .env("CHILD_CLIENT_ID", self.sandbox.client_id())
            .env("CHILD_CLIENT_SECRET", self.sandbox.client_secret());
        for (k, v) in env {
            cmd.env(k, v);
        }
        for (k, v) in options {
            cmd.env(format!("CHILD_OPT_{}", k.to_uppercase()), v);
        }
        let out = tokio::task::spawn_blocking(move || cmd.output().expect("child runs"))
            .await
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        // libtest prints `test child_entry ... ` before the child's own output.
        let line = stdout
            .lines()
            .find_map(|l| l.find("CHILD-").map(|at| &l[at..]))
            .unwrap_or_else(|| {
                panic!(
                    "child printed no verdict; stdout:\n{stdout}\nstderr:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                )
            })
            .to_owned();
        match line.strip_prefix("CHILD-OK") {
            Some(_) => Verdict::Ok,
            None => Verdict::Err(line.trim_start_matches("CHILD-ERR ").to_owned()),
        }
    }
}

impl Drop for Https {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What a child's call gave.
#[derive(Debug, PartialEq)]
enum Verdict {
    Ok,
    /// `code: message`.
    Err(String),
}

/// The child side of [`Https::child`]: a no-op unless `IQTECH_TLS_CHILD` is set.
#[tokio::test]
async fn child_entry() {
    if std::env::var_os("IQTECH_TLS_CHILD").is_none() {
        return;
    }
    let var = |k: &str| std::env::var(k).ok();
    let mut b = Client::builder()
        .client_id(var("CHILD_CLIENT_ID").unwrap())
        .client_secret(var("CHILD_CLIENT_SECRET").unwrap())
        .auth_url(var("CHILD_API_URL").unwrap())
        .api_url(var("CHILD_API_URL").unwrap())
        .max_attempts(1)
        .connect_timeout(Duration::from_secs(5))
        .request_timeout(Duration::from_secs(10));
    if let Some(v) = var("CHILD_OPT_CA_BUNDLE") {
        b = b.ca_bundle(v);
    }
    if let Some(v) = var("CHILD_OPT_PROXY") {
        b = b.proxy(v);
    }
    if let Some(v) = var("CHILD_OPT_NO_PROXY") {
        b = b.no_proxy(v);
    }
    if let Some(v) = var("CHILD_OPT_USE_SYSTEM_ROOTS") {
        b = b.use_system_roots(v == "true");
    }
    let result = match b.build() {
        Ok(client) => client.machines().list(1, 5).await.map(|_| ()),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => println!("CHILD-OK"),
        Err(e) => println!("CHILD-ERR {}: {e}", e.code()),
    }
}

/// One call that must succeed.
async fn call_ok(client: &Client) {
    client
        .machines()
        .list(1, 5)
        .await
        .unwrap_or_else(|e| panic!("the call should work: {e}"));
}

/// One call that must fail; its error.
async fn call_err(client: &Client) -> iqtech::Error {
    match client.machines().list(1, 5).await {
        Ok(_) => panic!("the call should fail"),
        Err(e) => e,
    }
}

/// Asserts the one-line certificate error that names `host` and says how to add a CA.
fn assert_certificate_line(text: &str, host: &str) {
    assert!(!text.contains('\n'), "one line: {text}");
    assert!(
        text.contains(&format!("TLS certificate of {host} is not trusted")),
        "names the host: {text}"
    );
    assert!(
        text.contains("ca_bundle") && text.contains("IQTECH_CA_BUNDLE"),
        "says how to add a CA: {text}"
    );
}

fn temp_dir(tag: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("iqtech-tls-{tag}-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// ---------------------------------------------------------------------------------------------
// Trust: the HTTPS sandbox and its test CA.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_untrusted_certificate_fails_with_one_line_naming_the_host() {
    let https = Https::start().await;
    let client = https.builder().no_proxy("*").build().unwrap();
    let err = call_err(&client).await;
    assert_eq!(err.code(), "connection", "{err}");
    assert_certificate_line(&err.to_string(), &https.host());
    // Nothing was answered: the sandbox never saw a request.
    assert_eq!(https.sandbox.journal().total_requests, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ca_bundle_option_takes_a_path_or_pem_text() {
    let https = Https::start().await;
    let by_path = https
        .builder()
        .no_proxy("*")
        .ca_bundle(https.ca_file.to_str().unwrap())
        .build()
        .unwrap();
    call_ok(&by_path).await;
    let by_text = https
        .builder()
        .no_proxy("*")
        .ca_bundle(https.sandbox.ca_pem().unwrap())
        .build()
        .unwrap();
    call_ok(&by_text).await;
    // Only the system and bundled roots: the test CA is in neither.
    let without_system = https
        .builder()
        .no_proxy("*")
        .use_system_roots(false)
        .ca_bundle(https.ca_file.to_str().unwrap())
        .build()
        .unwrap();
    call_ok(&without_system).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_ca_bundle_fails_the_build_naming_it() {
    let err = Client::builder()
        .client_id("id")
        .client_secret("secret")
        .ca_bundle("/no/such/corporate-ca.pem")
        .build()
        .unwrap_err();
    assert_eq!(err.details().field.as_deref(), Some("ca_bundle"), "{err}");
    assert!(
        err.to_string().contains("/no/such/corporate-ca.pem"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ssl_cert_file_adds_its_certificates() {
    let https = Https::start().await;
    let ca = https.ca_file.to_str().unwrap();
    // Control: the same child without the variable fails with the certificate line.
    match https.child(&[], &[("no_proxy", "*")]).await {
        Verdict::Err(e) => assert_certificate_line(&e, &https.host()),
        Verdict::Ok => panic!("without SSL_CERT_FILE the test CA must not be trusted"),
    }
    assert_eq!(
        https
            .child(&[("SSL_CERT_FILE", ca)], &[("no_proxy", "*")])
            .await,
        Verdict::Ok
    );
    // It is an extra bundle: it works without the system roots too.
    assert_eq!(
        https
            .child(
                &[("SSL_CERT_FILE", ca)],
                &[("no_proxy", "*"), ("use_system_roots", "false")]
            )
            .await,
        Verdict::Ok
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iqtech_ca_bundle_adds_its_certificates_as_a_path_or_pem_text() {
    let https = Https::start().await;
    let ca = https.ca_file.to_str().unwrap();
    assert_eq!(
        https
            .child(&[("IQTECH_CA_BUNDLE", ca)], &[("no_proxy", "*")])
            .await,
        Verdict::Ok
    );
    let pem = https.sandbox.ca_pem().unwrap().to_owned();
    assert_eq!(
        https
            .child(&[("IQTECH_CA_BUNDLE", &pem)], &[("no_proxy", "*")])
            .await,
        Verdict::Ok
    );
    match https
        .child(
            &[("IQTECH_CA_BUNDLE", "/no/such/ca.pem")],
            &[("no_proxy", "*")],
        )
        .await
    {
        Verdict::Err(e) => assert!(
            e.starts_with("config:") && e.contains("IQTECH_CA_BUNDLE"),
            "{e}"
        ),
        Verdict::Ok => panic!("an unreadable IQTECH_CA_BUNDLE must fail"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn system_roots_are_read_and_can_be_switched_off() {
    // rustls-native-certs reads the OS store from SSL_CERT_DIR when it is set (the OpenSSL
    // convention): a directory holding the test CA stands in for the system store.
    let https = Https::start().await;
    let store = https.dir.join("system-store");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::copy(&https.ca_file, store.join("test-ca.pem")).unwrap();
    let store = store.to_str().unwrap();
    assert_eq!(
        https
            .child(&[("SSL_CERT_DIR", store)], &[("no_proxy", "*")])
            .await,
        Verdict::Ok
    );
    match https
        .child(
            &[("SSL_CERT_DIR", store)],
            &[("no_proxy", "*"), ("use_system_roots", "false")],
        )
        .await
    {
        Verdict::Err(e) => assert_certificate_line(&e, &https.host()),
        Verdict::Ok => panic!("use_system_roots = false must ignore the system store"),
    }
}

// ---------------------------------------------------------------------------------------------
// Proxies: real programs, found or installed by scripts/test-proxies.sh.

/// The path of a proxy program, or `None` (skip) outside CI; in CI a missing one fails.
fn tool(env: &str, venv_name: &str, name: &str) -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/proxy-venv/bin")
        .join(venv_name);
    let found = std::env::var_os(env)
        .map(PathBuf::from)
        .or_else(|| venv.exists().then_some(venv))
        .or_else(|| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|p| p.join(name))
                    .find(|p| p.exists())
            })
        });
    if found.is_none() {
        let msg = format!(
            "{name} not found ({env}, target/proxy-venv/bin, PATH): run scripts/test-proxies.sh"
        );
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{msg}");
        }
        eprintln!("SKIPPED: {msg}");
    }
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits (bounded) until something accepts on 127.0.0.1:`port`.
fn wait_for_port(port: u16, child: &mut Child, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            panic!("{what} exited ({status}) before listening: {err}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{what} did not listen on 127.0.0.1:{port} within 30 s");
}

/// A proxy process, killed when dropped.
struct Proxy {
    child: Child,
    port: u16,
    dir: PathBuf,
    log: PathBuf,
}

impl Proxy {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// tinyproxy on a free port, logging every request; with `auth`, it demands Basic auth.
    fn tinyproxy(bin: &Path, auth: Option<(&str, &str)>) -> Proxy {
        let dir = temp_dir("tinyproxy");
        let port = free_port();
        let log = dir.join("tinyproxy.log");
        let mut conf = format!(
            "Port {port}\nListen 127.0.0.1\nTimeout 30\nLogFile \"{}\"\nLogLevel Info\n\
             MaxClients 20\nAllow 127.0.0.1\nPidFile \"{}\"\n",
            log.display(),
            dir.join("tinyproxy.pid").display()
        );
        if let Some((user, password)) = auth {
            conf.push_str(&format!("BasicAuth {user} {password}\n"));
        }
        let conf_file = dir.join("tinyproxy.conf");
        std::fs::write(&conf_file, conf).unwrap();
        let mut child = Command::new(bin)
            .arg("-d")
            .arg("-c")
            .arg(&conf_file)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("tinyproxy starts");
        wait_for_port(port, &mut child, "tinyproxy");
        Proxy {
            child,
            port,
            dir,
            log,
        }
    }

    /// mitmdump as a regular (TLS-intercepting) proxy that trusts `upstream_ca` towards the
    /// server; its own CA is `mitm_ca()`.
    fn mitmproxy(bin: &Path, upstream_ca: &Path) -> Proxy {
        let dir = temp_dir("mitmproxy");
        let port = free_port();
        let log = dir.join("mitmdump.log");
        let mut child = Command::new(bin)
            .args(["--mode", "regular", "--listen-host", "127.0.0.1"])
            .args(["--listen-port", &port.to_string()])
            .args(["--set", &format!("confdir={}", dir.display())])
            .args([
                "--set",
                &format!("ssl_verify_upstream_trusted_ca={}", upstream_ca.display()),
            ])
            .args(["--set", "flow_detail=1"])
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mitmdump starts");
        wait_for_port(port, &mut child, "mitmdump");
        Proxy {
            child,
            port,
            dir,
            log,
        }
    }

    /// mitmproxy's CA certificate (written into its confdir on first start).
    fn mitm_ca(&self) -> PathBuf {
        self.dir.join("mitmproxy-ca-cert.pem")
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether tinyproxy logged a CONNECT to `host` (`127.0.0.1:PORT`).
fn logged_connect(proxy: &Proxy, host: &str) -> bool {
    // tinyproxy writes each log line as it happens; allow it a moment.
    let deadline = Instant::now() + Duration::from_secs(3);
    loop {
        if proxy.log().contains(&format!("CONNECT {host}")) {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mitmproxy_intercepting_tls_works_with_its_ca_and_fails_clearly_without() {
    let Some(bin) = tool("MITMDUMP", "mitmdump", "mitmdump") else {
        return;
    };
    let https = Https::start().await;
    let mitm = Proxy::mitmproxy(&bin, &https.ca_file);
    assert!(mitm.mitm_ca().exists(), "mitmproxy wrote its CA");

    // The corporate network without its CA: the sandbox's own CA is trusted, but the
    // certificate that arrives is mitmproxy's.
    let client = https
        .builder()
        .proxy(mitm.url())
        .ca_bundle(https.ca_file.to_str().unwrap())
        .build()
        .unwrap();
    let err = call_err(&client).await;
    assert_certificate_line(&err.to_string(), &https.host());
    assert_eq!(https.sandbox.journal().total_requests, 0);

    // With mitmproxy's CA added, the calls go through it (its log shows them) and work.
    let client = https
        .builder()
        .proxy(mitm.url())
        .ca_bundle(mitm.mitm_ca().to_str().unwrap())
        .build()
        .unwrap();
    call_ok(&client).await;
    assert!(https.sandbox.journal().total_requests > 0);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !mitm.log().contains("/api/") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        mitm.log().contains("/api/"),
        "mitmproxy log: {}",
        mitm.log()
    );

    // The same through HTTPS_PROXY and IQTECH_CA_BUNDLE, in a child process.
    let ca = mitm.mitm_ca();
    assert_eq!(
        https
            .child(
                &[
                    ("HTTPS_PROXY", &mitm.url()),
                    ("IQTECH_CA_BUNDLE", ca.to_str().unwrap())
                ],
                &[]
            )
            .await,
        Verdict::Ok
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tinyproxy_is_reached_through_the_proxy_option_and_logs_the_connect() {
    let Some(bin) = tool("TINYPROXY", "tinyproxy", "tinyproxy") else {
        return;
    };
    let https = Https::start().await;
    let proxy = Proxy::tinyproxy(&bin, None);
    let client = https
        .builder()
        .proxy(proxy.url())
        .ca_bundle(https.ca_file.to_str().unwrap())
        .build()
        .unwrap();
    call_ok(&client).await;
    assert!(
        logged_connect(&proxy, &https.host()),
        "tinyproxy log: {}",
        proxy.log()
    );

    // The option overrides HTTPS_PROXY (here a port where nothing listens).
    let dead = format!("http://127.0.0.1:{}", free_port());
    assert_eq!(
        https
            .child(
                &[("HTTPS_PROXY", &dead)],
                &[
                    ("proxy", &proxy.url()),
                    ("ca_bundle", https.ca_file.to_str().unwrap())
                ]
            )
            .await,
        Verdict::Ok
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_proxy_is_honoured_and_no_proxy_bypasses_it() {
    let Some(bin) = tool("TINYPROXY", "tinyproxy", "tinyproxy") else {
        return;
    };
    let proxy = Proxy::tinyproxy(&bin, None);

    let through = Https::start().await;
    let ca = through.ca_file.to_str().unwrap().to_owned();
    assert_eq!(
        through
            .child(
                &[("HTTPS_PROXY", &proxy.url()), ("IQTECH_CA_BUNDLE", &ca)],
                &[]
            )
            .await,
        Verdict::Ok
    );
    assert!(
        logged_connect(&proxy, &through.host()),
        "tinyproxy log: {}",
        proxy.log()
    );

    // NO_PROXY bypasses it (the call works and tinyproxy never sees it)...
    let bypass = Https::start().await;
    let ca = bypass.ca_file.to_str().unwrap().to_owned();
    assert_eq!(
        bypass
            .child(
                &[
                    ("HTTPS_PROXY", &proxy.url()),
                    ("NO_PROXY", "localhost,127.0.0.1"),
                    ("IQTECH_CA_BUNDLE", &ca)
                ],
                &[]
            )
            .await,
        Verdict::Ok
    );
    assert!(!logged_connect(&proxy, &bypass.host()), "{}", proxy.log());

    // ...and the no_proxy option replaces NO_PROXY: the proxy is used again.
    assert_eq!(
        bypass
            .child(
                &[
                    ("HTTPS_PROXY", &proxy.url()),
                    ("NO_PROXY", "127.0.0.1"),
                    ("IQTECH_CA_BUNDLE", &ca)
                ],
                &[("no_proxy", "example.invalid")]
            )
            .await,
        Verdict::Ok
    );
    assert!(logged_connect(&proxy, &bypass.host()), "{}", proxy.log());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proxy_credentials_are_sent_but_never_shown() {
    let Some(bin) = tool("TINYPROXY", "tinyproxy", "tinyproxy") else {
        return;
    };
    let https = Https::start().await;
    let proxy = Proxy::tinyproxy(&bin, Some(("alice", "Pr0xyPassw0rd")));
    let with = |password: &str| {
        https
            .builder()
            .proxy(format!("http://alice:{password}@127.0.0.1:{}", proxy.port))
            .ca_bundle(https.ca_file.to_str().unwrap())
            .build()
            .unwrap()
    };
    let good = with("Pr0xyPassw0rd");
    call_ok(&good).await;
    assert!(!format!("{good:?}").contains("Pr0xyPassw0rd"));

    let bad = with("Wr0ngPassw0rd");
    let err = call_err(&bad).await;
    let shown = format!("{err} {err:?} {:?} {bad:?}", err.details());
    assert!(!shown.contains("Wr0ngPassw0rd"), "{shown}");
    assert_eq!(err.code(), "connection", "{err}");
}
