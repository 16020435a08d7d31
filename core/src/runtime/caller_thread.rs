//! Running a synchronous call on the thread that makes it.
//!
//! Why: a synchronous caller that spawns its call onto the shared runtime and parks until a
//! worker hands the answer back pays two thread hand-offs per call, and frees on its own thread
//! what a worker allocated. A blocking HTTP library pays neither: it drives its socket itself.
//! `iqbench hops` (bench/README.md) measured ~50 µs of a 16 KB call's ~210 µs on this.
//!
//! So each thread that keeps making synchronous calls gets a current-thread tokio runtime of its
//! own, from its third call ([`CALLS_BEFORE_OWN_RUNTIME`]), and each client gets an HTTP client
//! of its own on that thread (`http_client`). A pooled connection is driven by a task of the
//! runtime that opened it, and this runtime runs only while its thread is inside a call: its
//! connections must never be lent to another runtime, nor another runtime's to it. Before each
//! call, the runtime reads what arrived while it was idle (`catch_up`).
//!
//! Traps:
//! - **Fork.** The runtime is keyed by process id. A child gets a fresh one and leaks the
//!   parent's: its epoll instance is shared with the parent, and dropping it would remove the
//!   parent's registrations.
//! - **Only single calls run here.** A pager's read-ahead spawns tasks onto the runtime that
//!   polls it, and those must keep running between calls, so pagers use the shared runtime.
//! - **Thread exit** drops the runtime and its connections. A panic while doing so is caught,
//!   because one escaping a thread-local destructor aborts the process.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Weak};
use std::time::Duration;

use futures::FutureExt;
use tokio::runtime::{Builder, Runtime};

/// This thread's runtime and the HTTP clients opened on it.
struct Lane {
    pid: u32,
    runtime: Option<Runtime>,
    /// One HTTP client per SDK client, found by the SDK client's liveness token.
    clients: RefCell<Vec<(Weak<()>, reqwest::Client)>>,
}

impl Lane {
    fn new(pid: u32) -> Self {
        let runtime = Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("failed to start a tokio runtime on the calling thread");
        Self {
            pid,
            runtime: Some(runtime),
            clients: RefCell::new(Vec::new()),
        }
    }
}

impl Drop for Lane {
    fn drop(&mut self) {
        let clients = std::mem::take(self.clients.get_mut());
        let runtime = self.runtime.take();
        if self.pid != std::process::id() {
            std::mem::forget(clients);
            std::mem::forget(runtime);
            return;
        }
        let _ = std::panic::catch_unwind(AssertUnwindSafe(move || {
            drop(clients);
            drop(runtime);
        }));
    }
}

thread_local! {
    static LANE: RefCell<Option<Lane>> = const { RefCell::new(None) };
    /// Whether this thread is inside [`block_on_call`] (so [`http_client`] applies).
    static INSIDE: Cell<bool> = const { Cell::new(false) };
    /// How many calls this thread made through the shared runtime (up to
    /// [`CALLS_BEFORE_OWN_RUNTIME`]).
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

/// Clears [`INSIDE`] when the call ends, however it ends.
struct Inside;

impl Inside {
    fn enter() -> Self {
        INSIDE.set(true);
        Inside
    }
}

impl Drop for Inside {
    fn drop(&mut self) {
        INSIDE.set(false);
    }
}

/// How many calls a thread makes through the shared runtime before it gets a runtime of its own.
///
/// Why: a thread's own runtime has its own connections, so its first call there opens one (a
/// TCP connect and a TLS handshake, milliseconds away from a real server). A thread that makes
/// one or two calls and ends (a thread per request) would pay that every time; the shared
/// runtime's pool serves it with a warm connection. A thread that keeps calling pays it once.
pub const CALLS_BEFORE_OWN_RUNTIME: u32 = 2;

/// Runs an SDK call and blocks the calling thread until it finishes, turning a panic inside it
/// into [`crate::Error::Internal`] as [`super::spawn_call`] does. A thread's first
/// [`CALLS_BEFORE_OWN_RUNTIME`] calls run on the shared runtime; later ones on the thread
/// itself, on a runtime of its own.
///
/// Every `every`, `interrupted` is asked whether to go on (Python runs its signal handlers
/// there); when it returns an error, the call is abandoned (dropped at its await point, which
/// may be after the request reached the server) and that error is returned.
///
/// For synchronous bindings (release the GIL first). A thread that is already inside a tokio
/// runtime gets [`crate::Error::Internal`]: blocking it would stall that runtime.
pub fn block_on_call<F, T, E>(
    fut: F,
    every: Duration,
    mut interrupted: impl FnMut() -> Result<(), E>,
) -> Result<crate::Result<T>, E>
where
    F: Future<Output = crate::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    // Inside a call here (`INSIDE`), the thread is inside this runtime too.
    if let Err(e) = super::refuse_blocking_inside_runtime() {
        return Ok(Err(e));
    }
    let calls = CALLS.get();
    if calls < CALLS_BEFORE_OWN_RUNTIME {
        CALLS.set(calls + 1);
        let call = AssertUnwindSafe(fut).catch_unwind();
        let out = super::block_on_interruptible(call, every, interrupted)?;
        return Ok(match out {
            Ok(Ok(out)) => out,
            Ok(Err(panic)) => Err(panic_error(panic.as_ref())),
            Err(e) => Err(e),
        });
    }
    LANE.with(|cell| {
        let pid = std::process::id();
        if !matches!(cell.borrow().as_ref(), Some(lane) if lane.pid == pid) {
            // A parent's lane (after a fork) is leaked by its `Drop`.
            *cell.borrow_mut() = Some(Lane::new(pid));
        }
        let lane = cell.borrow();
        let runtime = lane
            .as_ref()
            .and_then(|lane| lane.runtime.as_ref())
            .expect("the lane was just created");
        let _inside = Inside::enter();
        runtime.block_on(async {
            catch_up().await;
            let mut call = std::pin::pin!(AssertUnwindSafe(fut).catch_unwind());
            loop {
                tokio::select! {
                    biased;
                    out = &mut call => {
                        return Ok(out.unwrap_or_else(|panic| Err(panic_error(panic.as_ref()))));
                    }
                    () = tokio::time::sleep(every) => interrupted()?,
                }
            }
        })
    })
}

/// The error a panic inside a call becomes.
fn panic_error(panic: &(dyn std::any::Any + Send)) -> crate::Error {
    crate::Error::Internal {
        message: super::panic_message(panic),
    }
}

/// Lets this thread's runtime take in what happened while no call drove it, before a new call
/// starts: a server that closed an idle keep-alive connection has sent its FIN by now, and the
/// connection's task must see it, or the pool would lend the dead connection to the call (its
/// request would fail after being written: for a write, an unknown outcome).
///
/// In a current-thread runtime, a yielding future lets the scheduler poll the IO driver, which
/// wakes the tasks whose sockets changed, and run them. One yield was enough in the test below
/// (which fails without any); the second is margin, and costs about a microsecond.
async fn catch_up() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}

/// The HTTP client of the SDK client whose liveness token is `owner`, on this thread's lane,
/// built by `build` on first use. `None` outside [`block_on_call`]: then the caller uses its
/// shared client.
pub(crate) fn http_client<E>(
    owner: &Arc<()>,
    build: impl FnOnce() -> Result<reqwest::Client, E>,
) -> Option<Result<reqwest::Client, E>> {
    if !INSIDE.get() {
        return None;
    }
    LANE.with(|cell| {
        let lane = cell.borrow();
        let mut clients = lane.as_ref()?.clients.borrow_mut();
        // A held `Weak` keeps its allocation, so a live entry's address is never reused.
        if let Some((_, client)) = clients
            .iter()
            .find(|(key, _)| std::ptr::eq(key.as_ptr(), Arc::as_ptr(owner)))
        {
            return Some(Ok(client.clone()));
        }
        clients.retain(|(key, _)| key.strong_count() > 0);
        Some(build().inspect(|client| clients.push((Arc::downgrade(owner), client.clone()))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client that needs no process-wide crypto provider.
    fn client() -> reqwest::Client {
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
        reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .build()
            .unwrap()
    }

    /// One call on this thread's own runtime (the thread's first calls are made first).
    fn run<T: Send + 'static>(
        fut: impl Future<Output = crate::Result<T>> + Send + 'static,
    ) -> crate::Result<T> {
        CALLS.set(CALLS_BEFORE_OWN_RUNTIME);
        block_on_call(fut, Duration::from_millis(10), || Ok::<(), ()>(())).unwrap()
    }

    #[test]
    fn a_thread_gets_its_own_runtime_after_its_first_calls() {
        let me = std::thread::current().id();
        let mut ran_on = Vec::new();
        for _ in 0..CALLS_BEFORE_OWN_RUNTIME + 2 {
            let out = block_on_call(
                async { Ok(std::thread::current().id()) },
                Duration::from_millis(10),
                || Ok::<(), ()>(()),
            );
            ran_on.push(out.unwrap().unwrap() == me);
        }
        let first = CALLS_BEFORE_OWN_RUNTIME as usize;
        assert!(ran_on[..first].iter().all(|here| !here), "{ran_on:?}");
        assert!(ran_on[first..].iter().all(|here| *here), "{ran_on:?}");
    }

    #[test]
    fn a_panic_is_an_internal_error_on_either_runtime() {
        for _ in 0..CALLS_BEFORE_OWN_RUNTIME + 1 {
            let err = block_on_call(
                async {
                    if true {
                        panic!("boom");
                    }
                    Ok(())
                },
                Duration::from_millis(10),
                || Ok::<(), ()>(()),
            )
            .unwrap()
            .unwrap_err();
            assert!(matches!(err, crate::Error::Internal { ref message } if message == "boom"));
        }
    }

    #[test]
    fn an_interruption_abandons_the_call_on_either_runtime() {
        for _ in 0..CALLS_BEFORE_OWN_RUNTIME + 1 {
            let mut asked = 0;
            let out = block_on_call(
                async {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                    Ok(())
                },
                Duration::from_millis(5),
                || {
                    asked += 1;
                    if asked == 3 {
                        Err("interrupted")
                    } else {
                        Ok(())
                    }
                },
            );
            assert_eq!(out.unwrap_err(), "interrupted");
            assert_eq!(asked, 3);
        }
    }

    #[test]
    fn a_nested_call_is_refused() {
        let inner = run(async { Ok(run(async { Ok(()) })) }).unwrap();
        // The same from a shared runtime's worker.
        CALLS.set(0);
        let from_worker = block_on_call(
            async { Ok(run(async { Ok(()) })) },
            Duration::from_millis(10),
            || Ok::<(), ()>(()),
        );
        assert!(matches!(
            from_worker,
            Ok(Ok(Err(crate::Error::Internal { .. })))
        ));
        assert!(matches!(inner, Err(crate::Error::Internal { .. })));
    }

    #[test]
    fn a_connection_the_server_closed_while_idle_is_not_reused() {
        use std::io::{Read, Write};
        use std::sync::atomic::{AtomicUsize, Ordering};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = accepted.clone();
        // Answers one request per connection with keep-alive, then closes it while idle.
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let mut conn = conn.unwrap();
                counter.fetch_add(1, Ordering::SeqCst);
                let (mut buf, mut got) = ([0u8; 4096], Vec::new());
                while !got.windows(4).any(|w| w == b"\r\n\r\n") {
                    match conn.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                    }
                }
                let _ = conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        let http = client();
        for i in 0..3 {
            let request = http.post(&url).body("write");
            let status = run(async move {
                let response = request.send().await.map_err(|e| crate::Error::Internal {
                    message: format!("{e:?}"),
                })?;
                Ok(response.status())
            });
            assert_eq!(status.unwrap().as_u16(), 200, "request {i}");
            std::thread::sleep(Duration::from_millis(250));
        }
        assert_eq!(
            accepted.load(Ordering::SeqCst),
            3,
            "one fresh connection per request"
        );
    }

    #[test]
    fn each_owner_gets_one_client_on_this_thread() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let (a, b) = (Arc::new(()), Arc::new(()));
        assert!(http_client(&a, || Ok::<_, ()>(client())).is_none());
        let built = Arc::new(AtomicUsize::new(0));
        let build = {
            let built = built.clone();
            move || {
                built.fetch_add(1, Ordering::SeqCst);
                Ok::<_, ()>(client())
            }
        };
        let (a2, b2, build2) = (a.clone(), b.clone(), build.clone());
        run(async move {
            http_client(&a2, build2.clone()).unwrap().unwrap();
            http_client(&a2, build2.clone()).unwrap().unwrap();
            http_client(&b2, build2).unwrap().unwrap();
            Ok(())
        })
        .unwrap();
        assert_eq!(built.load(Ordering::SeqCst), 2);
        drop(b);
        run(async move {
            http_client(&Arc::new(()), build).unwrap().unwrap();
            let count = LANE.with(|l| l.borrow().as_ref().unwrap().clients.borrow().len());
            assert_eq!(count, 2, "the dropped owner's client is pruned");
            Ok(())
        })
        .unwrap();
        drop(a);
    }
}
