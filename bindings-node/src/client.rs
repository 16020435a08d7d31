//! `Client`: configured from `iqtech::ClientSettings`; its operation groups are properties
//! generated from the table ([`crate::ops`]).

use napi::bindgen_prelude::Unknown;
use napi::Env;
use napi_derive::napi;

use crate::convert::input;
use crate::promise::sync_call;

/// The settings of a `Client` from a JavaScript options object: exactly the fields of
/// `iqtech::ClientSettings` (`iqtech::SETTINGS`) in camelCase, durations in milliseconds, an
/// unknown name refused. `userAgent` defaults to this binding's name and version.
pub(crate) fn settings(
    options: Option<&Unknown<'_>>,
) -> Result<iqtech::ClientSettings, iqtech::Error> {
    let mut s: iqtech::ClientSettings = input(options, "options")?;
    s.user_agent.get_or_insert_with(crate::user_agent);
    Ok(s)
}

/// A client of the iQ Tech Integration API.
///
/// Make one and share it: every call on it shares one connection pool and one token. Every
/// operation returns a Promise; failures are `IqtechError` subclasses.
#[napi]
pub struct Client {
    pub(crate) inner: iqtech::Client,
}

#[napi]
impl Client {
    /// A client from explicit settings (`clientId` and `clientSecret` are required).
    /// Throws a `ValidationError` naming a missing, unknown or invalid setting.
    #[napi(constructor)]
    pub fn new(
        env: Env,
        #[napi(ts_arg_type = "ClientOptions & { clientId: string; clientSecret: string }")]
        options: Unknown<'_>,
    ) -> napi::Result<Self> {
        let inner = sync_call(&env, || settings(Some(&options))?.build())?;
        Ok(Self { inner })
    }

    /// A client configured from `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET` and, when set,
    /// `IQTECH_AUTH_URL` and `IQTECH_API_URL`; `options` sets the others (and may override
    /// these). Throws a `ConfigurationError` naming a missing variable.
    #[napi(factory)]
    pub fn from_env(
        env: Env,
        #[napi(ts_arg_type = "ClientOptions")] options: Option<Unknown<'_>>,
    ) -> napi::Result<Self> {
        let inner = sync_call(&env, || settings(options.as_ref())?.build_from_env())?;
        Ok(Self { inner })
    }

    /// The client id in use.
    #[napi(getter)]
    pub fn client_id(&self) -> String {
        self.inner.config().client_id().to_owned()
    }

    /// The token host in use.
    #[napi(getter)]
    pub fn auth_url(&self) -> String {
        self.inner.config().auth_url().to_owned()
    }

    /// The API host in use.
    #[napi(getter)]
    pub fn api_url(&self) -> String {
        self.inner.config().api_url().to_owned()
    }
}
