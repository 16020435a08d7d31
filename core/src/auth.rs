//! OAuth 2.0 client-credentials tokens: cached, shared by every clone of a client, refreshed ahead
//! of expiry, and fetched by one request however many calls are waiting (single-flight).
//!
//! If a refresh fails while the old token is still valid, the old token keeps serving; a 401
//! from the API drops the token that failed (and only that one) so the next call fetches anew.
//! When a fetch fails with no valid token, every call that was already waiting for that fetch
//! gets its error instead of starting a fetch of its own, so an outage of the token endpoint
//! costs one token request (with its retries) per wave of callers, not one per caller.

use serde::Deserialize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::error::{ApiErrorKind, Error, Result};

/// A token as the cache holds it. The value is shared, never printed.
#[derive(Clone)]
pub(crate) struct Token {
    pub value: Arc<str>,
    expires_at: Instant,
    refresh_at: Instant,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// The token endpoint's answer (standard OAuth 2.0; the document does not show it).
#[derive(Deserialize)]
pub(crate) struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<serde_json::Value>,
}

/// Lifetime assumed when the token endpoint does not say.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(300);

impl TokenResponse {
    pub(crate) fn into_token(self, margin: Duration) -> Result<Token> {
        if self.access_token.trim().is_empty() {
            return Err(Error::Api(Box::new(crate::error::ApiError {
                kind: ApiErrorKind::Authentication,
                operation: crate::operations::TOKEN.name,
                status: 200,
                error_id: None,
                detail: "the token endpoint returned an empty access_token".into(),
                field_errors: vec![],
                trace_id: None,
                body: None,
                retry_after: None,
            })));
        }
        let lifetime = self
            .expires_in
            .as_ref()
            .and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_LIFETIME);
        let now = Instant::now();
        let margin = margin.min(lifetime / 2);
        Ok(Token {
            value: Arc::from(self.access_token),
            expires_at: now + lifetime,
            refresh_at: now + lifetime - margin,
        })
    }
}

/// The shared token cache.
#[derive(Default)]
pub(crate) struct TokenCache {
    current: Mutex<Option<Token>>,
    refresh: tokio::sync::Mutex<()>,
    /// Failed fetches so far; lets a waiter see that a fetch failed while it waited.
    failures: AtomicU64,
    /// The error of the most recent failed fetch.
    last_failure: Mutex<Option<Error>>,
}

enum Freshness {
    Fresh(Token),
    Stale(Token),
    Missing,
}

impl TokenCache {
    fn freshness(&self) -> Freshness {
        let now = Instant::now();
        match self.current.lock().expect("token lock").as_ref() {
            Some(t) if now < t.refresh_at => Freshness::Fresh(t.clone()),
            Some(t) if now < t.expires_at => Freshness::Stale(t.clone()),
            _ => Freshness::Missing,
        }
    }

    fn store(&self, token: Token) {
        *self.current.lock().expect("token lock") = Some(token);
    }

    /// Forgets `used` if it is still the cached token (a 401 proved it bad).
    pub(crate) fn invalidate(&self, used: &Token) {
        let mut cur = self.current.lock().expect("token lock");
        if cur
            .as_ref()
            .is_some_and(|t| Arc::ptr_eq(&t.value, &used.value))
        {
            *cur = None;
        }
    }

    /// A usable token, fetching one with `fetch` when needed. At most one fetch runs at a time.
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<Token>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Token>>,
    {
        match self.freshness() {
            Freshness::Fresh(t) => Ok(t),
            Freshness::Stale(old) => {
                // Someone else is refreshing: the old token is still valid, use it meanwhile.
                let Ok(_guard) = self.refresh.try_lock() else {
                    return Ok(old);
                };
                if let Freshness::Fresh(t) = self.freshness() {
                    return Ok(t);
                }
                match fetch().await {
                    Ok(t) => {
                        self.store(t.clone());
                        Ok(t)
                    }
                    Err(e) => {
                        log::warn!(
                            "token refresh failed, using the current token until it expires: {e}"
                        );
                        Ok(old)
                    }
                }
            }
            Freshness::Missing => {
                let seen = self.failures.load(Ordering::SeqCst);
                let _guard = self.refresh.lock().await;
                if let Freshness::Fresh(t) | Freshness::Stale(t) = self.freshness() {
                    return Ok(t);
                }
                // A fetch failed while we waited for it: share its answer.
                if self.failures.load(Ordering::SeqCst) > seen {
                    if let Some(e) = self.last_failure.lock().expect("token lock").clone() {
                        return Err(e);
                    }
                }
                match fetch().await {
                    Ok(t) => {
                        self.store(t.clone());
                        Ok(t)
                    }
                    Err(e) => {
                        *self.last_failure.lock().expect("token lock") = Some(e.clone());
                        self.failures.fetch_add(1, Ordering::SeqCst);
                        Err(e)
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn token(lifetime: u64, margin: u64) -> Token {
        TokenResponse {
            access_token: "tok".into(),
            expires_in: Some(lifetime.into()),
        }
        .into_token(Duration::from_secs(margin))
        .unwrap()
    }

    #[tokio::test]
    async fn cold_start_fetches_once_for_many_waiters() {
        let cache = Arc::new(TokenCache::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..50 {
            let (cache, calls) = (cache.clone(), calls.clone());
            tasks.push(tokio::spawn(async move {
                cache
                    .get(|| async {
                        calls.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Ok(token(3600, 60))
                    })
                    .await
                    .unwrap()
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_failed_cold_fetch_is_shared_by_the_callers_waiting_for_it() {
        let cache = Arc::new(TokenCache::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (cache, calls) = (cache.clone(), calls.clone());
            tasks.push(tokio::spawn(async move {
                cache
                    .get(|| async {
                        calls.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        Err(Error::config("token endpoint down"))
                    })
                    .await
            }));
        }
        for t in tasks {
            assert!(t.await.unwrap().is_err());
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // A later call tries again.
        let again = cache.get(|| async { Ok(token(3600, 60)) }).await;
        assert!(again.is_ok());
    }

    #[tokio::test]
    async fn failed_refresh_keeps_the_valid_token() {
        let cache = TokenCache::default();
        // Lifetime 10 s with a 60 s margin: capped at half, so it is stale after 5 s. Make it
        // stale now by storing one whose refresh time has passed.
        let mut t = token(10, 5);
        t.refresh_at = Instant::now() - Duration::from_millis(1);
        cache.store(t.clone());
        let got = cache
            .get(|| async { Err(Error::config("token endpoint down")) })
            .await
            .unwrap();
        assert!(Arc::ptr_eq(&got.value, &t.value));
    }

    #[tokio::test]
    async fn invalidate_drops_only_the_token_that_failed() {
        let cache = TokenCache::default();
        let old = token(3600, 60);
        cache.store(old.clone());
        let newer = token(3600, 60);
        cache.store(newer.clone());
        cache.invalidate(&old);
        assert!(matches!(cache.freshness(), Freshness::Fresh(_)));
        cache.invalidate(&newer);
        assert!(matches!(cache.freshness(), Freshness::Missing));
    }
}
