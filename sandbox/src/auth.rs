//! OAuth 2.0 client credentials: the token endpoint and bearer token checks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::envelope;
use crate::state::App;

/// Issued tokens and the credentials that may get one.
#[derive(Debug)]
pub(crate) struct TokenStore {
    client_id: String,
    client_secret: String,
    lifetime: Duration,
    tokens: Mutex<HashMap<String, Instant>>,
}

/// Why a bearer token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuthFailure {
    /// No `Authorization: Bearer …` header.
    Missing,
    /// A token this server never issued (or forgot by `expire_tokens`).
    Invalid,
    /// An issued token past its lifetime.
    Expired,
}

impl AuthFailure {
    /// The 401 response: empty body and a `WWW-Authenticate` challenge, as ASP.NET's JWT
    /// bearer handler answers.
    pub(crate) fn response(self) -> Response {
        let challenge = match self {
            AuthFailure::Missing => "Bearer",
            AuthFailure::Invalid => "Bearer error=\"invalid_token\"",
            AuthFailure::Expired => {
                "Bearer error=\"invalid_token\", error_description=\"The token expired\""
            }
        };
        let mut resp = StatusCode::UNAUTHORIZED.into_response();
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(challenge),
        );
        resp
    }
}

impl TokenStore {
    /// A store accepting `client_id`/`client_secret`, issuing tokens valid for `lifetime`.
    pub(crate) fn new(client_id: String, client_secret: String, lifetime: Duration) -> Self {
        TokenStore {
            client_id,
            client_secret,
            lifetime,
            tokens: Mutex::new(HashMap::new()),
        }
    }

    fn tokens(&self) -> std::sync::MutexGuard<'_, HashMap<String, Instant>> {
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Issues a new random opaque token.
    fn issue(&self) -> String {
        let bytes: [u8; 24] = rand::random();
        let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let now = Instant::now();
        let mut tokens = self.tokens();
        tokens.retain(|_, exp| *exp > now);
        tokens.insert(token.clone(), now + self.lifetime);
        token
    }

    /// Checks the `Authorization` header of an API request.
    pub(crate) fn check(&self, headers: &HeaderMap) -> Result<(), AuthFailure> {
        let value = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(AuthFailure::Missing)?;
        let (scheme, token) = value.trim().split_once(' ').ok_or(AuthFailure::Missing)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(AuthFailure::Missing);
        }
        match self.tokens().get(token.trim()) {
            None => Err(AuthFailure::Invalid),
            Some(exp) if *exp <= Instant::now() => Err(AuthFailure::Expired),
            Some(_) => Ok(()),
        }
    }

    /// Makes every issued token expire now.
    pub(crate) fn expire_all(&self) {
        let now = Instant::now();
        for exp in self.tokens().values_mut() {
            *exp = now;
        }
    }
}

/// The form of `POST /connect/token`.
#[derive(Debug, Default, Deserialize)]
struct TokenForm {
    grant_type: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scope: Option<String>,
}

/// The successful token response.
#[derive(Debug, Serialize)]
struct TokenResponse {
    access_token: String,
    token_type: &'static str,
    expires_in: u64,
    scope: String,
}

fn oauth_error(error: &'static str, description: &str) -> Response {
    #[derive(Serialize)]
    struct OAuthError<'a> {
        error: &'static str,
        error_description: &'a str,
    }
    let mut resp = envelope::json(
        StatusCode::BAD_REQUEST,
        &OAuthError {
            error,
            error_description: description,
        },
    );
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// Credentials from an `Authorization: Basic` header (client_secret_basic).
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, b64) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(base64_decode(b64.trim())?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buf, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|&c| c != b'=') {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
        }
    }
    Some(out)
}

/// `POST /connect/token`: client credentials grant (credentials in the form, or HTTP Basic).
pub(crate) async fn token(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form: TokenForm = match serde_urlencoded::from_bytes(&body) {
        Ok(f) => f,
        Err(_) => return oauth_error("invalid_request", "The request body is not a valid form."),
    };
    let store = &app.tokens;
    match form.grant_type.as_deref() {
        None | Some("") => {
            return oauth_error(
                "invalid_request",
                "The mandatory 'grant_type' parameter is missing.",
            )
        }
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                "unsupported_grant_type",
                "The specified 'grant_type' is not supported.",
            )
        }
    }
    let (id, secret) = match (form.client_id, form.client_secret) {
        (Some(id), Some(secret)) => (id, secret),
        (id, secret) => match basic_credentials(&headers) {
            Some(creds) => creds,
            None => (id.unwrap_or_default(), secret.unwrap_or_default()),
        },
    };
    if id != store.client_id || secret != store.client_secret {
        return oauth_error(
            "invalid_client",
            "The specified client credentials are invalid.",
        );
    }
    let body = TokenResponse {
        access_token: store.issue(),
        token_type: "Bearer",
        expires_in: store.lifetime.as_secs_f64().ceil() as u64,
        scope: form
            .scope
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "IntegrationApi".to_string()),
    };
    let mut resp = envelope::json(StatusCode::OK, &body);
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_basic() {
        assert_eq!(base64_decode("YTpi").unwrap(), b"a:b");
        assert_eq!(
            base64_decode("c2FuZGJveC1jbGllbnQ6eA==").unwrap(),
            b"sandbox-client:x"
        );
    }
}
