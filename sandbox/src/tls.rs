//! HTTPS for the sandbox: a throw-away test CA and a server certificate it signs, generated with
//! rcgen at start-up, so clients can be tested against real TLS (a certificate they must be
//! told to trust, exactly like a corporate CA).
//!
//! The CA is new on every start and its key is never written anywhere: trust it only through
//! [`TestCa::ca_pem`] (or the file the `iqtech-sandbox --https --ca-out FILE` binary writes).
//! The server certificate names `127.0.0.1`, `::1` and `localhost`.

use std::sync::Arc;

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

/// A generated test CA and the acceptor that serves the certificate it signed.
#[derive(Clone)]
pub struct TestCa {
    ca_pem: String,
    acceptor: TlsAcceptor,
}

impl std::fmt::Debug for TestCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestCa").finish_non_exhaustive()
    }
}

impl TestCa {
    /// Generates the CA and a server certificate for the loopback names. Fails only if rcgen
    /// or rustls refuse the generated material (a bug), with their message.
    pub fn generate() -> Result<TestCa, String> {
        let fail = |what: &str, e: &dyn std::fmt::Display| format!("test CA: {what}: {e}");
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new())
            .map_err(|e| fail("CA parameters", &e))?;
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "iqtech sandbox test CA");
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
            rcgen::KeyUsagePurpose::DigitalSignature,
        ];
        let ca_key = rcgen::KeyPair::generate().map_err(|e| fail("CA key", &e))?;
        let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key)
            .map_err(|e| fail("CA certificate", &e))?;

        let names = vec![
            "localhost".to_owned(),
            "127.0.0.1".to_owned(),
            "::1".to_owned(),
        ];
        let mut params =
            rcgen::CertificateParams::new(names).map_err(|e| fail("server parameters", &e))?;
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "iqtech sandbox");
        params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
        let key = rcgen::KeyPair::generate().map_err(|e| fail("server key", &e))?;
        let cert = params
            .signed_by(&key, &ca)
            .map_err(|e| fail("server certificate", &e))?;

        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let chain: Vec<CertificateDer<'static>> = vec![cert.der().clone()];
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| fail("TLS versions", &e))?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|e| fail("server TLS set-up", &e))?;
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(TestCa {
            ca_pem: ca.pem(),
            acceptor: TlsAcceptor::from(Arc::new(config)),
        })
    }

    /// The CA certificate, PEM: what a client must trust to reach the sandbox over HTTPS.
    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    /// The TLS acceptor serving the sandbox's certificate (HTTP/2 and HTTP/1.1 by ALPN).
    pub(crate) fn acceptor(&self) -> &TlsAcceptor {
        &self.acceptor
    }
}
