//! The client: one cheap-to-clone handle over the shared transport and token cache.

use std::sync::Arc;

use crate::api::{Employees, Machines, Transactions, WillCall, WillCallV1};
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
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Arc<Transport>,
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
            transport: Arc::new(Transport::new(config)?),
        })
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
