//! `Client`: configuration, and the operation groups as properties.

use std::time::Duration;

use napi::bindgen_prelude::Unknown;
use napi::Env;
use napi_derive::napi;
use serde::Deserialize;

use crate::convert::input;
use crate::employees::Employees;
use crate::machines::Machines;
use crate::promise::sync;
use crate::transactions::Transactions;
use crate::will_call::{WillCall, WillCallV1};

/// Settings of a `Client`. Every member but the credentials has a default; `Client.fromEnv()`
/// reads the credentials and URLs from `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET`,
/// `IQTECH_AUTH_URL`, `IQTECH_API_URL`, and takes the other members from here.
#[napi(object)]
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientOptions {
    /// OAuth client id (required).
    pub client_id: Option<String>,
    /// OAuth client secret (required; never logged or shown).
    pub client_secret: Option<String>,
    /// Token host; default `https://account.iqtechportal.com/`. `http://` only for loopback.
    pub auth_url: Option<String>,
    /// API host; default `https://integration.iqtechportal.com/`. `http://` only for loopback.
    pub api_url: Option<String>,
    /// Time allowed for one request, in milliseconds; default 30 000.
    pub timeout_ms: Option<u32>,
    /// Time allowed to open a connection, in milliseconds; default 10 000.
    pub connect_timeout_ms: Option<u32>,
    /// Attempts in all, including the first (1 disables retries); default 3.
    pub max_attempts: Option<u32>,
    /// Pages fetched at once by the auto-pagers when `iter()` is not told; default 1.
    pub page_concurrency: Option<u32>,
    /// Replaces the `User-Agent` header (default `iqtech-node/<version>`).
    pub user_agent: Option<String>,
}

impl ClientOptions {
    /// Applies these settings to a builder (credentials and URLs only when given).
    pub(crate) fn apply(self, mut b: iqtech::ClientBuilder) -> iqtech::ClientBuilder {
        b = b.user_agent(self.user_agent.unwrap_or_else(crate::user_agent));
        if let Some(v) = self.client_id {
            b = b.client_id(v);
        }
        if let Some(v) = self.client_secret {
            b = b.client_secret(v);
        }
        if let Some(v) = self.auth_url {
            b = b.auth_url(v);
        }
        if let Some(v) = self.api_url {
            b = b.api_url(v);
        }
        if let Some(v) = self.timeout_ms {
            b = b.request_timeout(Duration::from_millis(v.into()));
        }
        if let Some(v) = self.connect_timeout_ms {
            b = b.connect_timeout(Duration::from_millis(v.into()));
        }
        if let Some(v) = self.max_attempts {
            b = b.max_attempts(v);
        }
        if let Some(v) = self.page_concurrency {
            b = b.page_concurrency(v as usize);
        }
        b
    }
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
    /// Throws a `ValidationError` naming a missing or invalid setting.
    #[napi(constructor)]
    pub fn new(
        env: Env,
        #[napi(ts_arg_type = "ClientOptions")] options: Unknown<'_>,
    ) -> napi::Result<Self> {
        let inner = input::<ClientOptions>(Some(&options), "options")
            .and_then(|o| o.apply(iqtech::Client::builder()).build());
        Ok(Self {
            inner: sync(&env, inner)?,
        })
    }

    /// A client configured from `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET` and, when set,
    /// `IQTECH_AUTH_URL` and `IQTECH_API_URL`; `options` may set the other settings. Throws a
    /// `ConfigurationError` naming a missing variable.
    #[napi(factory)]
    pub fn from_env(
        env: Env,
        #[napi(ts_arg_type = "Omit<ClientOptions, 'clientId' | 'clientSecret'>")] options: Option<
            Unknown<'_>,
        >,
    ) -> napi::Result<Self> {
        let inner = input::<ClientOptions>(options.as_ref(), "options").and_then(|o| {
            let b = iqtech::Client::builder().from_env()?;
            o.apply(b).build()
        });
        Ok(Self {
            inner: sync(&env, inner)?,
        })
    }

    /// Employee operations.
    #[napi(getter)]
    pub fn employees(&self) -> Employees {
        Employees {
            client: self.inner.clone(),
        }
    }

    /// Will-call operations, current generation (`/api/2.0/WillCall`).
    #[napi(getter)]
    pub fn will_call(&self) -> WillCall {
        WillCall {
            client: self.inner.clone(),
        }
    }

    /// Will-call operations, legacy generation (`/api/WillCall`).
    #[napi(getter, js_name = "willCallV1")]
    pub fn will_call_v1(&self) -> WillCallV1 {
        WillCallV1 {
            client: self.inner.clone(),
        }
    }

    /// Machine and planogram operations.
    #[napi(getter)]
    pub fn machines(&self) -> Machines {
        Machines {
            client: self.inner.clone(),
        }
    }

    /// The transaction report.
    #[napi(getter)]
    pub fn transactions(&self) -> Transactions {
        Transactions {
            client: self.inner.clone(),
        }
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
