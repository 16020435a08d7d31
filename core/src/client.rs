//! The client: one cheap-to-clone handle over the shared transport and token cache.

use std::sync::Arc;

use crate::api::{Employees, Machines, Transactions, WillCall, WillCallV1};
use crate::call::{Handle, LogSink, RequestOptions, ResponseMeta, View};
use crate::config::{ClientBuilder, Config};
use crate::error::Result;
use crate::transport::Transport;

/// A client of the iQ Tech Integration API.
///
/// `Clone + Send + Sync`; clones share the connection pool and the token, so make one and pass
/// clones around. Operations are grouped as in the vendor document:
/// [`employees`](Client::employees), [`will_call`](Client::will_call),
/// [`will_call_v1`](Client::will_call_v1), [`machines`](Client::machines),
/// [`transactions`](Client::transactions).
///
/// [`with_options`](Client::with_options) gives a view with per-call options (timeout,
/// attempts, headers, request id, deadline) over the same pool and token;
/// [`last_response`](Client::last_response) tells what the last call through a view answered.
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Handle,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.transport.config)
            .finish()
    }
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from `IQTECH_CLIENT_ID`, `IQTECH_CLIENT_SECRET` and, when set,
    /// `IQTECH_AUTH_URL` and `IQTECH_API_URL`. Fails naming the missing variable.
    pub fn from_env() -> Result<Self> {
        ClientBuilder::default().from_env()?.build()
    }

    /// A client from a checked configuration.
    pub fn from_config(config: Config) -> Result<Self> {
        Ok(Self {
            transport: Handle {
                shared: Arc::new(Transport::new(config)?),
                view: Arc::new(View::new(RequestOptions::default(), None)?),
            },
        })
    }

    /// A view of this client whose every call uses `options` on top of this view's own
    /// (headers merged). It shares the connection pool, token and learned readings, and is
    /// cheap: make one per call if you like. Fails with [`crate::Error::Validation`] naming the
    /// option (`max_attempts`, `timeout`, `deadline`, `request_id`, `headers["X-Foo"]`: no
    /// CR/LF, not `Authorization`, `Host`, `Content-Length` or `X-Request-ID`).
    pub fn with_options(&self, options: RequestOptions) -> Result<Client> {
        let merged = self.transport.view.options.merged(&options);
        let view = View::new(merged, self.transport.view.sink.clone())?;
        Ok(self.view(view))
    }

    /// A view of this client whose log lines also go to `sink` (Node's `logger` option,
    /// Kotlin/Swift's `LogSink`), besides the `log` crate.
    pub fn with_log_sink(&self, sink: Arc<dyn LogSink>) -> Client {
        let view = View {
            options: self.transport.view.options.clone(),
            headers: self.transport.view.headers.clone(),
            sink: Some(sink),
            last: Default::default(),
        };
        self.view(view)
    }

    fn view(&self, view: View) -> Client {
        Client {
            transport: Handle {
                shared: self.transport.shared.clone(),
                view: Arc::new(view),
            },
        }
    }

    /// The per-call options of this view (empty for a client from the builder).
    pub fn options(&self) -> &RequestOptions {
        &self.transport.view.options
    }

    /// What the last call finished through this view (or its clones and groups) answered:
    /// status, headers, elapsed time, attempts and request ids. `None` before the first call
    /// that got an answer. Under concurrent calls it is whichever finished last: make one view
    /// per call ([`with_options`](Client::with_options)) when that matters.
    pub fn last_response(&self) -> Option<ResponseMeta> {
        self.transport.view.last()
    }

    /// The configuration in force (the secret is not readable from it).
    pub fn config(&self) -> &Config {
        &self.transport.config
    }

    /// Employee operations (document section 2).
    pub fn employees(&self) -> Employees {
        Employees {
            client: self.clone(),
        }
    }

    /// Will-call operations, current generation (section 3).
    pub fn will_call(&self) -> WillCall {
        WillCall {
            client: self.clone(),
        }
    }

    /// Will-call operations, legacy generation (section 6).
    pub fn will_call_v1(&self) -> WillCallV1 {
        WillCallV1 {
            client: self.clone(),
        }
    }

    /// Machine and planogram operations (section 4).
    pub fn machines(&self) -> Machines {
        Machines {
            client: self.clone(),
        }
    }

    /// The transaction report (section 5).
    pub fn transactions(&self) -> Transactions {
        Transactions {
            client: self.clone(),
        }
    }
}
