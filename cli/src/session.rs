//! The connection a command runs on: a configured client, pointed at the real API or at the
//! embedded sandbox (started here, in this process, and stopped when the session ends).

use std::time::Duration;

use iqtech::{Client, ClientBuilder};
use iqtech_sandbox::{FaultSpec, Sandbox, SandboxConfig};

use crate::args::Global;
use crate::config;
use crate::exit::CliError;

/// A ready client, and the sandbox it talks to when `--sandbox` was given.
pub struct Session {
    /// The client.
    pub client: Client,
    /// The embedded sandbox (kept alive for the session's length).
    pub sandbox: Option<Sandbox>,
}

impl Session {
    /// Builds the client from the global options, starting the sandbox if asked.
    pub async fn connect(global: &Global) -> Result<Session, CliError> {
        let builder = Client::builder()
            .user_agent(format!("iqtech-cli/{}", env!("CARGO_PKG_VERSION")))
            .request_timeout(Duration::from_secs(global.timeout.max(1)))
            .page_concurrency(usize::from(global.concurrency));
        let builder = network(builder, global);
        if global.sandbox {
            let sandbox = start_sandbox(global).await?;
            let client = builder
                .client_id(sandbox.client_id())
                .client_secret(sandbox.client_secret())
                .auth_url(sandbox.auth_url())
                .api_url(sandbox.api_url())
                .build()?;
            return Ok(Session {
                client,
                sandbox: Some(sandbox),
            });
        }
        let settings = config::resolve(global)?;
        settings.require_credentials()?;
        let mut builder = builder
            .client_id(settings.client_id.clone().unwrap_or_default())
            .client_secret(settings.client_secret.clone().unwrap_or_default());
        if let Some(url) = &settings.auth_url {
            builder = builder.auth_url(url);
        }
        if let Some(url) = &settings.api_url {
            builder = builder.api_url(url);
        }
        Ok(Session {
            client: builder.build()?,
            sandbox: None,
        })
    }

    /// Stops the sandbox, if one runs, waiting for it to end.
    pub async fn close(self) {
        if let Some(sandbox) = self.sandbox {
            sandbox.shutdown().await;
        }
    }
}

/// Applies `--ca-bundle`, `--proxy` and `--no-proxy` (the core checks them when it builds).
fn network(mut builder: ClientBuilder, global: &Global) -> ClientBuilder {
    if let Some(bundle) = &global.ca_bundle {
        builder = builder.ca_bundle(bundle);
    }
    if let Some(proxy) = &global.proxy {
        builder = builder.proxy(proxy);
    }
    if let Some(hosts) = &global.no_proxy {
        builder = builder.no_proxy(hosts);
    }
    builder
}

/// Starts the embedded sandbox and says so on stderr (never silently).
async fn start_sandbox(global: &Global) -> Result<Sandbox, CliError> {
    let config = SandboxConfig::default()
        .seed(global.sandbox_seed)
        .transactions(global.sandbox_transactions)
        .employees(global.sandbox_employees)
        .machines(global.sandbox_machines);
    let sandbox = Sandbox::start(config)
        .await
        .map_err(|e| CliError::Io(format!("cannot start the embedded sandbox: {e}")))?;
    if let Some(ms) = global.sandbox_latency_ms {
        sandbox
            .inject(FaultSpec::new("transactions.list").latency(Duration::from_millis(ms)))
            .map_err(|e| CliError::Config(format!("--sandbox-latency-ms: {e}")))?;
    }
    eprintln!(
        "using the embedded sandbox at {} (no real machines are touched)",
        sandbox.api_url()
    );
    Ok(sandbox)
}
