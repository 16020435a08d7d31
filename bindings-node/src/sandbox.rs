//! `Sandbox`: the embedded fake iQ Tech server (`iqtech-sandbox`), for users' own tests.
//!
//! It runs on the core's runtime, listens on `127.0.0.1` (a free port), and holds no handle on
//! the Node event loop: a test that forgets `stop()` still exits (the server then stops with the
//! process, or when the `Sandbox` object is garbage-collected).

use std::sync::{Arc, Mutex};

use napi::bindgen_prelude::{Object, Unknown};
use napi::Env;
use napi_derive::napi;

use crate::client::{settings, Client};
use crate::convert::{input, output, required, Json};
use crate::promise::{promise, sync, sync_call};
use iqtech_node_support::case;

/// The sandbox's configuration from a JavaScript options object: exactly the fields of
/// `iqtech_sandbox::SandboxSettings` in camelCase (durations in milliseconds), checked by the
/// sandbox itself; a wrong or unknown member is a `ValidationError` naming it (camelCase).
fn config(options: Option<&Unknown<'_>>) -> Result<iqtech_sandbox::SandboxConfig, iqtech::Error> {
    let settings: iqtech_sandbox::SandboxSettings = input(options, "options")?;
    settings.to_config().map_err(|e| {
        let field = e
            .field
            .split('.')
            .map(case::snake_to_camel)
            .collect::<Vec<_>>();
        iqtech::Error::validation(field.join("."), e.problem)
    })
}

/// A running sandbox: a faithful fake iQ Tech server on `127.0.0.1`, with seeded data, fault
/// injection and a request journal. Start one with `await Sandbox.start()`.
#[napi]
pub struct Sandbox {
    inner: Arc<Mutex<Option<iqtech_sandbox::Sandbox>>>,
    auth_url: String,
    api_url: String,
    client_id: String,
    client_secret: String,
    ca_pem: Option<String>,
}

impl Sandbox {
    /// Runs a control that returns nothing on the running server.
    fn act(&self, f: impl FnOnce(&iqtech_sandbox::Sandbox)) -> Result<(), iqtech::Error> {
        self.with(|s| {
            f(s);
            Ok(())
        })
    }

    fn with<R>(
        &self,
        f: impl FnOnce(&iqtech_sandbox::Sandbox) -> Result<R, iqtech::Error>,
    ) -> Result<R, iqtech::Error> {
        let guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        match guard.as_ref() {
            Some(s) => f(s),
            None => Err(iqtech::Error::config("the sandbox is stopped")),
        }
    }
}

#[napi]
impl Sandbox {
    /// Seeds the data and starts serving on a free port of `127.0.0.1`.
    #[napi(ts_return_type = "Promise<Sandbox>")]
    pub fn start<'e>(
        env: &'e Env,
        #[napi(ts_arg_type = "SandboxSettings")] options: Option<Unknown<'_>>,
    ) -> napi::Result<Object<'e>> {
        let config = config(options.as_ref());
        promise(
            env,
            config.map(|config| async move {
                let s = iqtech_sandbox::Sandbox::start(config)
                    .await
                    .map_err(|e| iqtech::Error::config(e.to_string()))?;
                Ok(Sandbox {
                    auth_url: s.auth_url(),
                    api_url: s.api_url(),
                    client_id: s.client_id().to_owned(),
                    client_secret: s.client_secret().to_owned(),
                    ca_pem: s.ca_pem().map(str::to_owned),
                    inner: Arc::new(Mutex::new(Some(s))),
                })
            }),
        )
    }

    /// Base URL of the token endpoint's host (`http://127.0.0.1:PORT`).
    #[napi(getter)]
    pub fn auth_url(&self) -> String {
        self.auth_url.clone()
    }

    /// Base URL of the API (`http://127.0.0.1:PORT`).
    #[napi(getter)]
    pub fn api_url(&self) -> String {
        self.api_url.clone()
    }

    /// The client id the sandbox accepts.
    #[napi(getter)]
    pub fn client_id(&self) -> String {
        self.client_id.clone()
    }

    /// The client secret the sandbox accepts.
    #[napi(getter)]
    pub fn client_secret(&self) -> String {
        self.client_secret.clone()
    }

    /// A `Client` of this sandbox: its URLs, credentials and (over HTTPS) test CA, with
    /// `options` on top (e.g. `{ maxAttempts: 1, requestTimeout: 500 }`). Options given win,
    /// so `{ clientSecret: 'wrong' }` gives a client that fails to authenticate.
    #[napi]
    pub fn client(
        &self,
        env: Env,
        #[napi(ts_arg_type = "ClientOptions")] options: Option<Unknown<'_>>,
    ) -> napi::Result<Client> {
        let inner = sync_call(&env, || {
            settings(options.as_ref())?
                .pointed_at(iqtech::TestServer {
                    auth_url: &self.auth_url,
                    api_url: &self.api_url,
                    client_id: &self.client_id,
                    client_secret: &self.client_secret,
                    ca_pem: self.ca_pem.as_deref(),
                })
                .build()
        })?;
        Ok(Client { inner })
    }

    /// Installs a fault rule (e.g. `{ route: 'employees.list', status: 503, times: 2 }`);
    /// returns its id. Throws a `ValidationError` for an unknown route or invalid rule.
    #[napi]
    pub fn inject(
        &self,
        env: Env,
        #[napi(ts_arg_type = "FaultSpec")] fault: Unknown<'_>,
    ) -> napi::Result<u32> {
        let id = required::<iqtech_sandbox::FaultSpec>(&fault, "fault").and_then(|spec| {
            self.with(|s| {
                s.inject(spec)
                    .map_err(|e| iqtech::Error::validation("fault", e.to_string()))
            })
        });
        sync(&env, id).map(|id| id as u32)
    }

    /// Removes one fault rule; false when none has that id.
    #[napi]
    pub fn remove_fault(&self, env: Env, id: u32) -> napi::Result<bool> {
        sync(&env, self.with(|s| Ok(s.remove_fault(id.into()))))
    }

    /// The installed fault rules, in the order they are tried.
    #[napi(ts_return_type = "ActiveFault[]")]
    pub fn faults(&self, env: Env) -> napi::Result<Json> {
        sync(&env, self.with(|s| output(&s.faults())))
    }

    /// Removes every fault rule.
    #[napi]
    pub fn clear_faults(&self, env: Env) -> napi::Result<()> {
        sync(&env, self.act(iqtech_sandbox::Sandbox::clear_faults))
    }

    /// Makes every token issued so far expire now (the client then gets a new one).
    #[napi]
    pub fn expire_tokens(&self, env: Env) -> napi::Result<()> {
        sync(&env, self.act(iqtech_sandbox::Sandbox::expire_tokens))
    }

    /// A copy of the request journal: counters per route and the recent requests.
    #[napi(ts_return_type = "JournalSnapshot")]
    pub fn journal(&self, env: Env) -> napi::Result<Json> {
        sync(&env, self.with(|s| output(&s.journal())))
    }

    /// Clears the request journal.
    #[napi]
    pub fn clear_journal(&self, env: Env) -> napi::Result<()> {
        sync(&env, self.act(iqtech_sandbox::Sandbox::clear_journal))
    }

    /// Serial numbers of the machines, in listing order.
    #[napi]
    pub fn machine_serials(&self, env: Env) -> napi::Result<Vec<String>> {
        sync(&env, self.with(|s| Ok(s.machine_serials())))
    }

    /// Serial numbers of the machines that have lockers (will-call works on these only).
    #[napi]
    pub fn locker_machine_serials(&self, env: Env) -> napi::Result<Vec<String>> {
        sync(&env, self.with(|s| Ok(s.locker_machine_serials())))
    }

    /// Employee numbers, in listing order.
    #[napi]
    pub fn employee_numbers(&self, env: Env) -> napi::Result<Vec<String>> {
        sync(&env, self.with(|s| Ok(s.employee_numbers())))
    }

    /// An employee's current PIN (`null`: unknown employee or no PIN yet).
    #[napi]
    pub fn employee_pin(&self, env: Env, employee_number: String) -> napi::Result<Option<String>> {
        sync(&env, self.with(|s| Ok(s.employee_pin(&employee_number))))
    }

    /// Every reservation, oldest first, with its status and live access codes.
    #[napi(ts_return_type = "ReservationInfo[]")]
    pub fn reservations(&self, env: Env) -> napi::Result<Json> {
        sync(&env, self.with(|s| output(&s.reservations())))
    }

    /// Stops the server (in-flight requests finish). Calling it again does nothing.
    #[napi(ts_return_type = "Promise<void>")]
    pub fn stop<'e>(&self, env: &'e Env) -> napi::Result<Object<'e>> {
        let taken = self.inner.lock().unwrap_or_else(|p| p.into_inner()).take();
        promise(
            env,
            Ok(async move {
                if let Some(s) = taken {
                    s.shutdown().await;
                }
                Ok(())
            }),
        )
    }
}
