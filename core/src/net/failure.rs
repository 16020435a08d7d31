//! How a failed connection reads: one line that names the host and, when its certificate was
//! refused, says how to trust the right CA; never a proxy's credentials.

use crate::config::ENV_CA_BUNDLE;

/// The message of a connection error built from a reqwest failure: `chain` (the error and its
/// causes on one line) with proxy credentials removed, or, when the TLS certificate was
/// refused, one line saying which host's certificate and what to do.
pub(crate) fn connect_message(e: &reqwest::Error, chain: String, secrets: &[String]) -> String {
    let text = match certificate_error(e) {
        Some(cert) => certificate_message(host(e).as_deref().unwrap_or("the server"), cert),
        None => chain,
    };
    super::proxy::scrub(text, secrets)
}

/// Whether a reqwest failure is a refused TLS certificate: deterministic, so never worth another
/// attempt (the retry loop gives up at once, issue 10).
pub(crate) fn is_certificate_failure(e: &reqwest::Error) -> bool {
    certificate_error(e).is_some()
}

fn host(e: &reqwest::Error) -> Option<String> {
    let url = e.url()?;
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    })
}

/// The rustls certificate error somewhere in the chain. `io::Error` hides its inner error from
/// `source()` (and hyper nests one inside another), so each is opened with `get_ref()`.
fn certificate_error<'a>(
    e: &'a (dyn std::error::Error + 'static),
) -> Option<&'a rustls::CertificateError> {
    let mut current: Option<&'a (dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(rustls::Error::InvalidCertificate(cert)) = err.downcast_ref::<rustls::Error>() {
            return Some(cert);
        }
        current = match err.downcast_ref::<std::io::Error>() {
            Some(io) => match io.get_ref() {
                Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
                None => err.source(),
            },
            None => err.source(),
        };
    }
    None
}

/// One line: whose certificate, what is wrong with it, what to do.
fn certificate_message(host: &str, cert: &rustls::CertificateError) -> String {
    use rustls::CertificateError as C;
    let add_ca = format!(
        "if a proxy or firewall on your network inspects TLS, add its root CA: set the ca_bundle \
         option (or {ENV_CA_BUNDLE}) to its PEM file; see docs/tls-and-proxies.md"
    );
    match cert {
        C::UnknownIssuer | C::BadSignature | C::UnhandledCriticalExtension => format!(
            "the TLS certificate of {host} is not trusted (issued by an unknown certificate \
             authority: {cert:?}); {add_ca}"
        ),
        C::NotValidForName | C::NotValidForNameContext { .. } => format!(
            "the TLS certificate of {host} is not valid for that name (check the URL, or \
             whether a proxy answers in its place); {add_ca}"
        ),
        C::Expired | C::ExpiredContext { .. } | C::NotValidYet | C::NotValidYetContext { .. } => {
            format!(
                "the TLS certificate of {host} is outside its validity period (check the \
                 computer's clock): {cert}"
            )
        }
        other => format!("the TLS certificate of {host} was refused ({other}); {add_ca}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_certificate_line_names_the_host_and_the_remedy() {
        let line = certificate_message("api.example:443", &rustls::CertificateError::UnknownIssuer);
        assert!(!line.contains('\n'));
        assert!(line.contains("api.example:443"), "{line}");
        assert!(
            line.contains("ca_bundle") && line.contains(ENV_CA_BUNDLE),
            "{line}"
        );
    }

    #[test]
    fn certificate_errors_are_found_inside_io_errors() {
        // As hyper-util reports it: an io::Error inside an io::Error.
        let io = std::io::Error::other(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
        ));
        assert!(matches!(
            certificate_error(&io),
            Some(rustls::CertificateError::UnknownIssuer)
        ));
        let plain = std::io::Error::other("refused");
        assert!(certificate_error(&plain).is_none());
    }
}
