//! Where credentials and endpoints come from: flags, then `IQTECH_*` environment variables (clap
//! merges those two), then a TOML config file.
//!
//! The config file is `--config FILE` (or `$IQTECH_CONFIG`) when given — then it must exist —
//! else `$XDG_CONFIG_HOME/iqtech/config.toml`, else `~/.config/iqtech/config.toml`, read only if
//! present. Its keys: `client_id`, `client_secret`, `auth_url`, `api_url`; any other key is an
//! error naming it. Secrets are never printed.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::args::Global;
use crate::exit::CliError;

/// The contents of the config file.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// OAuth client id.
    pub client_id: Option<String>,
    /// OAuth client secret.
    pub client_secret: Option<String>,
    /// Token host.
    pub auth_url: Option<String>,
    /// API host.
    pub api_url: Option<String>,
}

/// Resolved settings for the client. `Debug` hides the secret.
pub struct Settings {
    /// OAuth client id (None: missing everywhere).
    pub client_id: Option<String>,
    /// OAuth client secret (None: missing everywhere).
    pub client_secret: Option<String>,
    /// Token host, when set anywhere (else the core's default).
    pub auth_url: Option<String>,
    /// API host, when set anywhere (else the core's default).
    pub api_url: Option<String>,
    /// The config file that was read, if any.
    pub file: Option<PathBuf>,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("auth_url", &self.auth_url)
            .field("api_url", &self.api_url)
            .field("file", &self.file)
            .finish()
    }
}

impl Settings {
    /// Fails with a configuration error (exit 5) naming every way to give the missing
    /// credential.
    pub fn require_credentials(&self) -> Result<(), CliError> {
        let missing = |what: &str, flag: &str, var: &str, key: &str| {
            CliError::Config(format!(
                "no {what}: pass {flag}, set {var}, or put {key} in the config file ({}); or try --sandbox",
                self.file
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| default_path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| "none found".into()))
            ))
        };
        if self.client_id.is_none() {
            return Err(missing(
                "client id",
                "--client-id",
                iqtech::ENV_CLIENT_ID,
                "client_id",
            ));
        }
        if self.client_secret.is_none() {
            return Err(missing(
                "client secret",
                "--client-secret",
                iqtech::ENV_CLIENT_SECRET,
                "client_secret",
            ));
        }
        Ok(())
    }
}

/// Merges flags/environment (already merged by clap) with the config file.
pub fn resolve(global: &Global) -> Result<Settings, CliError> {
    let (file, file_config) = match &global.config {
        Some(path) => (Some(path.clone()), read_file(path)?),
        None => match default_path().filter(|p| p.is_file()) {
            Some(path) => {
                let config = read_file(&path)?;
                (Some(path), config)
            }
            None => (None, FileConfig::default()),
        },
    };
    let pick = |flag: &Option<String>, file: Option<String>| {
        non_empty(flag.clone()).or_else(|| non_empty(file))
    };
    Ok(Settings {
        client_id: pick(&global.client_id, file_config.client_id),
        client_secret: pick(&global.client_secret, file_config.client_secret),
        auth_url: pick(&global.auth_url, file_config.auth_url),
        api_url: pick(&global.api_url, file_config.api_url),
        file,
    })
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// `$XDG_CONFIG_HOME/iqtech/config.toml`, else `~/.config/iqtech/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("iqtech").join("config.toml"))
}

fn read_file(path: &Path) -> Result<FileConfig, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::Config(format!("cannot read config file {}: {e}", path.display()))
    })?;
    let config: FileConfig = toml::from_str(&text).map_err(|e| {
        // The TOML error quotes the offending line, which could hold the secret: keep only
        // its first line (the position and the reason).
        let reason = e
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_owned();
        CliError::Config(format!("config file {}: {reason}", path.display()))
    })?;
    warn_if_readable_by_others(path, &config);
    Ok(config)
}

#[cfg(unix)]
fn warn_if_readable_by_others(path: &Path, config: &FileConfig) {
    use std::os::unix::fs::PermissionsExt;
    if config.client_secret.is_none() {
        return;
    }
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.permissions().mode() & 0o077 != 0 {
            eprintln!(
                "warning: {} holds a client secret and is readable by other users (chmod 600 it)",
                path.display()
            );
        }
    }
}

#[cfg(not(unix))]
fn warn_if_readable_by_others(_path: &Path, _config: &FileConfig) {}
