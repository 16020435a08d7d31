//! The in-process server: binds a port, serves connections, and drops a connection on demand
//! (the `drop_connection` fault).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt;

use crate::config::SandboxConfig;
use crate::faults::{ActiveFault, FaultError, FaultSpec};
use crate::journal::JournalSnapshot;
use crate::routes;
use crate::settings::{SandboxSettings, SettingsError};
use crate::state::will_call::ReservationInfo;
use crate::state::App;

/// Lets a request close its own connection without answering (put in each request's
/// extensions by the connection task).
#[derive(Debug, Clone)]
pub(crate) struct ConnAbort(Arc<Notify>);

impl ConnAbort {
    /// Closes the connection now; the response in progress is never sent.
    pub(crate) fn abort(&self) {
        self.0.notify_one();
    }
}

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// A setting cannot be served (its one-line message names the field).
    #[error(transparent)]
    Settings(#[from] SettingsError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The socket error.
        source: std::io::Error,
    },
}

/// A running sandbox server.
///
/// Dropping the handle starts a graceful shutdown (no new connections; in-flight requests
/// finish); [`Sandbox::shutdown`] also waits for it. The handle is `Send + Sync`.
#[derive(Debug)]
pub struct Sandbox {
    app: Arc<App>,
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
    tls: Option<crate::tls::TestCa>,
}

impl Sandbox {
    /// Seeds the data, binds `config.bind` (default `127.0.0.1:0`, a free port), installs
    /// `config.faults` and serves on the current tokio runtime. Fails on a bad setting (before
    /// binding) or when the address cannot be bound.
    pub async fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
        config.validate()?;
        let listener =
            TcpListener::bind(config.bind)
                .await
                .map_err(|source| SandboxError::Bind {
                    addr: config.bind,
                    source,
                })?;
        let addr = listener.local_addr().map_err(|source| SandboxError::Bind {
            addr: config.bind,
            source,
        })?;
        let faults = config.faults.clone();
        let tls = match config.https {
            true => Some(
                crate::tls::TestCa::generate()
                    .map_err(|e| SandboxError::Settings(SettingsError::new("https", e)))?,
            ),
            false => None,
        };
        let scheme = if tls.is_some() { "https" } else { "http" };
        let app = Arc::new(App::new(config, format!("{scheme}://{addr}")));
        for (i, spec) in faults.into_iter().enumerate() {
            app.faults
                .inject(spec)
                .map_err(|e| SettingsError::new(format!("faults[{i}]"), e.to_string()))?;
        }
        let router = routes::router(app.clone());
        let (stop, stopped) = watch::channel(false);
        let acceptor = tls.as_ref().map(|t| t.acceptor().clone());
        let task = tokio::spawn(serve(listener, router, stopped, acceptor));
        Ok(Sandbox {
            app,
            addr,
            stop,
            task: Some(task),
            tls,
        })
    }

    /// Like [`start`](Self::start), from [`SandboxSettings`] (what every binding and the
    /// binary call). Fails with [`SandboxError::Settings`] naming the first bad field.
    pub async fn start_with(settings: SandboxSettings) -> Result<Sandbox, SandboxError> {
        Sandbox::start(settings.to_config()?).await
    }

    /// The settings in effect, every field set, with the port actually bound and the fault
    /// rules given at start.
    pub fn settings(&self) -> SandboxSettings {
        let mut s = SandboxSettings::from(&self.app.config);
        s.port = Some(self.addr.port());
        s
    }

    /// The test CA's certificate (PEM) when serving HTTPS: what a client must trust.
    pub fn ca_pem(&self) -> Option<&str> {
        self.tls.as_ref().map(|t| t.ca_pem())
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URL of the token endpoint's host, `http://127.0.0.1:PORT` (no trailing slash):
    /// the token endpoint is `{auth_url}/connect/token`.
    pub fn auth_url(&self) -> String {
        self.app.base_url.clone()
    }

    /// Base URL of the API, `http://127.0.0.1:PORT` (no trailing slash): operations are at
    /// `{api_url}/api/…`. Paths with doubled or trailing slashes are accepted too.
    pub fn api_url(&self) -> String {
        self.app.base_url.clone()
    }

    /// The client id the token endpoint accepts.
    pub fn client_id(&self) -> &str {
        &self.app.config.client_id
    }

    /// The client secret the token endpoint accepts.
    pub fn client_secret(&self) -> &str {
        &self.app.config.client_secret
    }

    /// The configuration the sandbox was started with.
    pub fn config(&self) -> &SandboxConfig {
        &self.app.config
    }

    /// Installs a fault rule; returns its id (for [`remove_fault`](Self::remove_fault)).
    pub fn inject(&self, spec: FaultSpec) -> Result<u64, FaultError> {
        self.app.faults.inject(spec)
    }

    /// The installed fault rules, in the order they are tried.
    pub fn faults(&self) -> Vec<ActiveFault> {
        self.app.faults.list()
    }

    /// Removes one fault rule; false when no rule has that id.
    pub fn remove_fault(&self, id: u64) -> bool {
        self.app.faults.remove(id)
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        self.app.faults.clear()
    }

    /// Makes every token issued so far expire now (API calls with them get 401).
    pub fn expire_tokens(&self) {
        self.app.tokens.expire_all()
    }

    /// A copy of the request journal.
    pub fn journal(&self) -> JournalSnapshot {
        self.app.journal.snapshot()
    }

    /// Clears the request journal (records and counters).
    pub fn clear_journal(&self) {
        self.app.journal.clear()
    }

    /// Control board serial numbers of the machines, in M1's order.
    pub fn machine_serials(&self) -> Vec<String> {
        self.app
            .world()
            .machines
            .all()
            .iter()
            .map(|m| m.serial.clone())
            .collect()
    }

    /// Serial numbers of the machines that have lockers (Will Call works on these only).
    pub fn locker_machine_serials(&self) -> Vec<String> {
        let world = self.app.world();
        world
            .machines
            .all()
            .iter()
            .filter(|m| !m.lockers.is_empty())
            .map(|m| m.serial.clone())
            .collect()
    }

    /// Employee numbers, in E1's order.
    pub fn employee_numbers(&self) -> Vec<String> {
        self.app
            .world()
            .employees
            .all()
            .iter()
            .map(|e| e.employee_number.clone())
            .collect()
    }

    /// The current PIN of an employee (`None`: unknown employee or no PIN set).
    pub fn employee_pin(&self, employee_number: &str) -> Option<String> {
        self.app.world().employees.pin(employee_number)
    }

    /// Every reservation, oldest first, with its status and live access codes.
    pub fn reservations(&self) -> Vec<ReservationInfo> {
        let world = self.app.world();
        world.will_call.infos(&world.machines)
    }

    /// One reservation by its `reserveLockerId` (any case).
    pub fn reservation(&self, reserve_locker_id: &str) -> Option<ReservationInfo> {
        self.reservations()
            .into_iter()
            .find(|r| r.reserve_locker_id.eq_ignore_ascii_case(reserve_locker_id))
    }

    /// Stops accepting connections, lets in-flight requests finish (up to 5 s), and waits for
    /// the server to end.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// Resolves when the server is told to stop (or its handle is gone).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// Accepts connections until told to stop.
async fn serve(
    listener: TcpListener,
    router: Router,
    mut stop: watch::Receiver<bool>,
    tls: Option<tokio_rustls::TlsAcceptor>,
) {
    let mut conns = JoinSet::new();
    let conn_stop = stop.clone();
    loop {
        tokio::select! {
            _ = stopped(&mut stop) => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => match &tls {
                    None => {
                        conns.spawn(serve_connection(stream, router.clone(), conn_stop.clone()));
                    }
                    Some(acceptor) => {
                        conns.spawn(serve_tls(acceptor.clone(), stream, router.clone(), conn_stop.clone()));
                    }
                },
                Err(e) => {
                    log::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            },
        }
        while conns.try_join_next().is_some() {}
    }
    drop(listener);
    let drain = async { while conns.join_next().await.is_some() {} };
    if tokio::time::timeout(Duration::from_secs(5), drain)
        .await
        .is_err()
    {
        conns.abort_all();
    }
}

/// Completes the TLS handshake (10 s at most), then serves the connection. A client that
/// refuses the certificate just ends here (logged at debug).
async fn serve_tls(
    acceptor: tokio_rustls::TlsAcceptor,
    stream: tokio::net::TcpStream,
    router: Router,
    stop: watch::Receiver<bool>,
) {
    match tokio::time::timeout(Duration::from_secs(10), acceptor.accept(stream)).await {
        Ok(Ok(tls)) => serve_connection(tls, router, stop).await,
        Ok(Err(e)) => log::debug!("TLS handshake failed: {e}"),
        Err(_) => log::debug!("TLS handshake timed out"),
    }
}

/// Serves one connection (HTTP/1.1, or HTTP/2 with prior knowledge) until it ends, a request
/// aborts it, or the server stops.
async fn serve_connection<S>(stream: S, router: Router, mut stop: watch::Receiver<bool>)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let abort = Arc::new(Notify::new());
    let handle = ConnAbort(abort.clone());
    let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut().insert(handle.clone());
        router.clone().oneshot(req.map(Body::new))
    });
    let builder = auto::Builder::new(TokioExecutor::new());
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = abort.notified() => {}
        _ = stopped(&mut stop) => {
            conn.as_mut().graceful_shutdown();
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = abort.notified() => {}
            }
        }
    }
}
