//! Which certificate authorities a client trusts.
//!
//! Always: the bundled Mozilla roots (webpki-roots), so a client works on a machine with no
//! usable store. On desktop and server (Linux, macOS, Windows), with `use_system_roots` (the
//! default), also the operating system's roots (rustls-native-certs), where IT departments and
//! MDM profiles install the root CA of a TLS-inspecting proxy. On iOS, with `use_system_roots`,
//! the platform verifier (Security.framework, rustls-platform-verifier) decides instead, so MDM
//! roots are honoured there too. On Android the bundled roots are used (the platform verifier
//! needs a JNI hand-off from the app that the bindings cannot make; see the docs).
//!
//! On top of these, the certificates of PEM bundles are added from, in this order: the
//! `ca_bundle` setting (a path or the PEM text itself), `IQTECH_CA_BUNDLE` (same), and
//! `SSL_CERT_FILE` (a path; the OpenSSL convention). A `ca_bundle` or `IQTECH_CA_BUNDLE` that
//! cannot be read, or holds no certificate, fails the client's construction; an unreadable
//! `SSL_CERT_FILE` only logs a warning, since it belongs to other programs too.
//!
//! Nothing here can turn verification off.

use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;

use crate::config::{Config, ENV_CA_BUNDLE};
use crate::error::{Error, Result};

/// `SSL_CERT_FILE`: a PEM file of extra roots, the OpenSSL convention.
pub(crate) const ENV_SSL_CERT_FILE: &str = "SSL_CERT_FILE";

/// Where some extra certificates came from (named in errors and logs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// The `ca_bundle` setting.
    Setting,
    /// An environment variable.
    Env(&'static str),
}

impl Source {
    /// The error for a bundle that cannot be used: a validation error naming the setting, or a
    /// configuration error naming the variable.
    fn error(self, what: String) -> Error {
        match self {
            Source::Setting => Error::validation("ca_bundle", what),
            Source::Env(var) => Error::config(format!("{var}: {what}")),
        }
    }
}

/// The rustls configuration for a client: the trust described in the module doc, ring as the
/// crypto provider, HTTP/2 (with the `http2` feature) and HTTP/1.1 by ALPN.
///
/// Fails (before anything is sent) when a `ca_bundle` or `IQTECH_CA_BUNDLE` cannot be read or
/// holds no usable certificate, naming the setting or variable and the file.
pub(crate) fn client_config(config: &Config) -> Result<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let extra = extra_certificates(config.ca_bundle.as_deref())?;
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::config(format!("TLS set-up failed: {e}")))?;
    let mut tls = platform_config(builder, provider, config.use_system_roots, extra)?;
    // Offer h2 only when the client can speak it: a server that picked h2 would otherwise get
    // HTTP/1.1 bytes on an h2 connection.
    #[cfg(feature = "http2")]
    let protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    #[cfg(not(feature = "http2"))]
    let protocols = vec![b"http/1.1".to_vec()];
    tls.alpn_protocols = protocols;
    Ok(tls)
}

type Builder = rustls::ConfigBuilder<rustls::ClientConfig, rustls::WantsVerifier>;

/// iOS with system roots: Security.framework verifies, with the extra roots added.
#[cfg(target_os = "ios")]
fn platform_config(
    builder: Builder,
    provider: Arc<rustls::crypto::CryptoProvider>,
    use_system_roots: bool,
    extra: Vec<(Source, CertificateDer<'static>)>,
) -> Result<rustls::ClientConfig> {
    if !use_system_roots {
        return Ok(builder
            .with_root_certificates(root_store(false, extra)?)
            .with_no_client_auth());
    }
    let extra = extra.into_iter().map(|(_, cert)| cert);
    let verifier = rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider)
        .map_err(|e| Error::config(format!("TLS set-up failed: {e}")))?;
    Ok(builder
        .dangerous() // rustls' name for "a verifier other than webpki"; this one verifies fully.
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth())
}

/// Desktop, server and Android: one root store, verified by webpki.
#[cfg(not(target_os = "ios"))]
fn platform_config(
    builder: Builder,
    _provider: Arc<rustls::crypto::CryptoProvider>,
    use_system_roots: bool,
    extra: Vec<(Source, CertificateDer<'static>)>,
) -> Result<rustls::ClientConfig> {
    Ok(builder
        .with_root_certificates(root_store(use_system_roots, extra)?)
        .with_no_client_auth())
}

/// The bundled roots, the system's (when asked and available) and the extra ones.
fn root_store(
    use_system_roots: bool,
    extra: Vec<(Source, CertificateDer<'static>)>,
) -> Result<rustls::RootCertStore> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let bundled = roots.len();
    let system = if use_system_roots {
        add_system_roots(&mut roots)
    } else {
        0
    };
    let extra_count = extra.len();
    for (i, (source, cert)) in extra.into_iter().enumerate() {
        roots.add(cert).map_err(|e| {
            source.error(format!(
                "certificate {} is not a usable CA certificate: {e}",
                i + 1
            ))
        })?;
    }
    log::debug!(
        "TLS trust: {bundled} bundled roots, {system} system roots, {extra_count} extra certificates"
    );
    Ok(roots)
}

/// Adds the operating system's roots; returns how many were added. A store that cannot be read
/// (in part or whole) is logged and skipped: the bundled roots remain.
#[cfg(not(any(target_os = "android", target_os = "ios")))]
fn add_system_roots(roots: &mut rustls::RootCertStore) -> usize {
    let found = rustls_native_certs::load_native_certs();
    for e in &found.errors {
        log::warn!("TLS trust: part of the system certificate store could not be read: {e}");
    }
    let (added, ignored) = roots.add_parsable_certificates(found.certs);
    if ignored > 0 {
        log::debug!("TLS trust: {ignored} system certificates could not be parsed");
    }
    added
}

/// Android: no system store is read (see the module doc).
#[cfg(target_os = "android")]
fn add_system_roots(_roots: &mut rustls::RootCertStore) -> usize {
    0
}

/// iOS without the platform verifier: the system store is not readable as files.
#[cfg(target_os = "ios")]
fn add_system_roots(_roots: &mut rustls::RootCertStore) -> usize {
    0
}

/// The certificates of every extra bundle: the setting, `IQTECH_CA_BUNDLE`, `SSL_CERT_FILE`.
fn extra_certificates(setting: Option<&str>) -> Result<Vec<(Source, CertificateDer<'static>)>> {
    let mut out = Vec::new();
    if let Some(value) = setting.filter(|v| !v.trim().is_empty()) {
        push_bundle(&mut out, Source::Setting, value)?;
    }
    if let Some(value) = env(ENV_CA_BUNDLE) {
        push_bundle(&mut out, Source::Env(ENV_CA_BUNDLE), &value)?;
    }
    if let Some(path) = env(ENV_SSL_CERT_FILE) {
        let mut certs = Vec::new();
        match push_bundle(&mut certs, Source::Env(ENV_SSL_CERT_FILE), &path) {
            Ok(()) => out.extend(certs),
            Err(e) => log::warn!("TLS trust: ignoring {e}"),
        }
    }
    Ok(out)
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Reads one bundle (PEM text when it holds a `-----BEGIN` line, else a path) into `out`.
fn push_bundle(
    out: &mut Vec<(Source, CertificateDer<'static>)>,
    source: Source,
    value: &str,
) -> Result<()> {
    let (pem, origin) = if value.contains("-----BEGIN") {
        (value.as_bytes().to_vec(), String::from("the PEM text"))
    } else {
        let path = value.trim();
        let bytes = std::fs::read(path)
            .map_err(|e| source.error(format!("cannot read the PEM file {path}: {e}")))?;
        (bytes, path.to_owned())
    };
    let before = out.len();
    for cert in CertificateDer::pem_slice_iter(&pem) {
        let cert = cert.map_err(|e| source.error(format!("{origin} is not valid PEM: {e}")))?;
        out.push((source, cert));
    }
    if out.len() == before {
        return Err(source.error(format!(
            "{origin} holds no certificate (expected -----BEGIN CERTIFICATE----- blocks)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh self-signed CA certificate, PEM.
    fn ca_pem() -> String {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().pem()
    }

    #[test]
    fn pem_text_and_paths_are_both_accepted() {
        let ca_pem = ca_pem();
        let mut out = Vec::new();
        push_bundle(&mut out, Source::Setting, &ca_pem).unwrap();
        assert_eq!(out.len(), 1);
        let path = std::env::temp_dir().join(format!("iqtech-ca-{}.pem", std::process::id()));
        std::fs::write(&path, format!("junk before\n{ca_pem}\n{ca_pem}")).unwrap();
        push_bundle(&mut out, Source::Setting, path.to_str().unwrap()).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(out.len(), 3);
        let store = root_store(false, out).unwrap();
        assert_eq!(store.len(), webpki_roots::TLS_SERVER_ROOTS.len() + 3);
    }

    #[test]
    fn unusable_bundles_name_the_setting_or_the_variable() {
        let mut out = Vec::new();
        let err = push_bundle(&mut out, Source::Setting, "/no/such/ca.pem").unwrap_err();
        assert!(
            matches!(&err, Error::Validation { field, message }
                if field == "ca_bundle" && message.contains("/no/such/ca.pem")),
            "{err}"
        );
        let err = push_bundle(
            &mut out,
            Source::Env(ENV_CA_BUNDLE),
            "-----BEGIN NOTHING-----",
        )
        .unwrap_err();
        assert!(err.to_string().contains("IQTECH_CA_BUNDLE"), "{err}");
        assert_eq!(err.code(), "config");
    }
}
