//! Which proxy a client goes through, and how proxy URLs are shown without their credentials.
//!
//! Precedence, first match wins:
//! 1. the `proxy` setting (an `http://` or `https://` URL, optionally `user:password@`), used
//!    for every request; the environment's proxy variables are then ignored;
//! 2. the environment, as curl reads it: `HTTPS_PROXY`/`https_proxy` for https URLs,
//!    `HTTP_PROXY`/`http_proxy` for http URLs (ignored in a CGI process, where `REQUEST_METHOD`
//!    is set), `ALL_PROXY`/`all_proxy` for both;
//! 3. when neither the setting nor a variable names a proxy and `no_proxy` is not set, the
//!    operating system's proxy settings where reqwest reads them (macOS System Settings, the
//!    Windows registry); Linux has none beyond the variables.
//!
//! The bypass list is the `no_proxy` setting when set, else `NO_PROXY`/`no_proxy`: comma
//! separated hosts (a name matches its subdomains too), IP addresses, CIDR ranges, or `*` for
//! every host. It applies to proxies from both the setting and the environment.
//!
//! Credentials in a proxy URL are sent only to the proxy (`Proxy-Authorization`); [`redact`]
//! hides them wherever a proxy URL is shown (`Debug`, errors, logs).

use url::Url;

use crate::error::{Error, Result};

/// Checks a `proxy` setting: an absolute `http://` or `https://` URL with a host. The error
/// never repeats the credentials.
pub(crate) fn validate(raw: &str) -> Result<Url> {
    let shown = redact(raw);
    let url = Url::parse(raw.trim())
        .map_err(|e| Error::validation("proxy", format!("{shown} is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::validation(
            "proxy",
            format!(
                "{shown}: unsupported scheme {:?}; use http:// or https://",
                url.scheme()
            ),
        ));
    }
    if url.host_str().map_or(true, str::is_empty) {
        return Err(Error::validation("proxy", format!("{shown} has no host")));
    }
    Ok(url)
}

/// A reqwest proxy constructor: for https URLs, http URLs, or both.
type ProxyKind = fn(&str) -> reqwest::Result<reqwest::Proxy>;

/// Adds the proxies of the module doc's rules to a reqwest builder.
pub(crate) fn apply(
    builder: reqwest::ClientBuilder,
    proxy: Option<&Url>,
    no_proxy: Option<&str>,
) -> Result<reqwest::ClientBuilder> {
    // `*` bypasses every host. reqwest's matcher applies it to host names only, not to IP
    // addresses (so `127.0.0.1` still went through the proxy): handle it here, for the setting
    // and for NO_PROXY alike.
    let list = no_proxy.map(str::to_owned).or_else(|| {
        std::env::var("NO_PROXY")
            .or_else(|_| std::env::var("no_proxy"))
            .ok()
    });
    if list
        .as_deref()
        .is_some_and(|l| l.split(',').any(|entry| entry.trim() == "*"))
    {
        log::debug!("proxy: none (no_proxy is *)");
        return Ok(builder.no_proxy());
    }
    let bypass = match no_proxy {
        Some(list) => reqwest::NoProxy::from_string(list),
        None => reqwest::NoProxy::from_env(),
    };
    let make = |kind: ProxyKind, url: &str, origin: &str| {
        kind(url)
            .map(|p| p.no_proxy(bypass.clone()))
            .map_err(|e| Error::config(format!("{origin}: cannot use proxy {}: {e}", redact(url))))
    };
    if let Some(url) = proxy {
        log::debug!("proxy: {} (the proxy setting)", redact(url.as_str()));
        let p = make(|u| reqwest::Proxy::all(u), url.as_str(), "proxy")?;
        return Ok(builder.proxy(p));
    }
    if no_proxy.is_none() {
        // reqwest's own reading: the same variables, then the OS settings.
        return Ok(builder);
    }
    // An explicit bypass list: read the variables here so it replaces NO_PROXY.
    let mut builder = builder.no_proxy();
    let cgi = std::env::var_os("REQUEST_METHOD").is_some();
    let vars: [(&[&str], ProxyKind, bool); 3] = [
        (
            &["HTTPS_PROXY", "https_proxy"],
            |u| reqwest::Proxy::https(u),
            false,
        ),
        (
            &["HTTP_PROXY", "http_proxy"],
            |u| reqwest::Proxy::http(u),
            cgi,
        ),
        (
            &["ALL_PROXY", "all_proxy"],
            |u| reqwest::Proxy::all(u),
            false,
        ),
    ];
    for (names, kind, skip) in vars {
        if skip {
            continue;
        }
        if let Some((name, value)) = first_env(names) {
            log::debug!("proxy: {} (${name})", redact(&value));
            builder = builder.proxy(make(kind, &value, name)?);
        }
    }
    Ok(builder)
}

fn first_env(names: &[&'static str]) -> Option<(&'static str, String)> {
    names.iter().find_map(|name| {
        std::env::var(name)
            .ok()
            .filter(|v| !v.trim().is_empty())
            .map(|v| (*name, v))
    })
}

/// A proxy URL with any `user:password@` replaced by `***@`, for display. Text that is not an
/// http(s) URL with a host has everything before the `@` of its authority replaced the same
/// way, so a malformed URL cannot leak a password either.
pub(crate) fn redact(raw: &str) -> String {
    let raw = raw.trim();
    if let Ok(mut url) = Url::parse(raw) {
        if matches!(url.scheme(), "http" | "https") && url.has_host() {
            if !url.username().is_empty() || url.password().is_some() {
                let _ = url.set_password(None);
                let _ = url.set_username("***");
            }
            return url.to_string();
        }
    }
    let start = raw.find("://").map_or(0, |i| i + 3);
    let end = raw[start..]
        .find(['/', '?', '#'])
        .map_or(raw.len(), |i| start + i);
    match raw[start..end].rfind('@') {
        Some(at) => format!("{}***{}", &raw[..start], &raw[start + at..]),
        None => raw.to_owned(),
    }
}

/// The credentials of every proxy URL in play (the setting and the environment's variables),
/// so [`scrub`] can remove them from any text.
pub(crate) fn secrets(proxy: Option<&Url>) -> Vec<String> {
    let mut urls: Vec<String> = proxy.map(|u| u.to_string()).into_iter().collect();
    for name in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        if let Ok(v) = std::env::var(name) {
            urls.push(v);
        }
    }
    let mut out = Vec::new();
    for raw in urls {
        let Ok(url) = Url::parse(raw.trim()) else {
            continue;
        };
        if let Some(pw) = url.password() {
            out.push(pw.to_owned());
            out.push(
                percent_encoding::percent_decode_str(pw)
                    .decode_utf8_lossy()
                    .into_owned(),
            );
        }
        if !url.username().is_empty() {
            out.push(format!("{}:", url.username()));
        }
    }
    out.retain(|s| s.len() >= 3);
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

/// Replaces every occurrence of each secret in `text` with `***`.
pub(crate) fn scrub(text: String, secrets: &[String]) -> String {
    secrets.iter().fold(text, |t, s| {
        if t.contains(s.as_str()) {
            t.replace(s.as_str(), "***")
        } else {
            t
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_never_show() {
        assert_eq!(
            redact("http://alice:s3cr%40t@proxy.corp:3128"),
            "http://***@proxy.corp:3128/"
        );
        assert_eq!(redact("http://proxy.corp:3128"), "http://proxy.corp:3128/");
        assert_eq!(redact("http://al ice:pw@[bad"), "http://***@[bad");
        let err = validate("socks5://bob:hunter22@127.0.0.1:1080").unwrap_err();
        assert_eq!(err.code(), "validation");
        assert!(!err.to_string().contains("hunter22"), "{err}");
        assert!(err.to_string().contains("socks5"), "{err}");
        let err = validate("bob:hunter22@nowhere").unwrap_err();
        assert!(!err.to_string().contains("hunter22"), "{err}");
    }

    #[test]
    fn scrub_removes_raw_and_decoded_passwords() {
        let url = validate("http://alice:s3cr%40t@127.0.0.1:3128").unwrap();
        let secrets = secrets(Some(&url));
        let text = scrub(
            "tunnel to alice:s3cr%40t / s3cr@t failed".to_owned(),
            &secrets,
        );
        assert!(!text.contains("s3cr"), "{text}");
    }
}
