//! Tokens: the request, the cache shared by clones, refresh ahead of expiry, single-flight, the
//! 401 replay, token-endpoint refusals, and secrets kept out of errors and Debug output.

use iqtech::{ApiErrorKind, Client, Error};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::support::*;

async fn mount_list(env: &Env) {
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(fixture_response(200, "e1_employee_list.json"))
        .mount(&env.api)
        .await;
}

fn bearer(req: &wiremock::Request) -> String {
    header(req, "authorization").unwrap_or_default()
}

#[tokio::test]
async fn token_request_is_a_form_post_with_client_credentials() {
    let env = Env::start().await;
    mount_list(&env).await;
    env.client().employees().list(1, 1).await.unwrap();
    let reqs = env.token_requests().await;
    assert_eq!(reqs.len(), 1);
    let t = &reqs[0];
    assert_eq!(t.method.as_str(), "POST");
    assert_eq!(t.url.path(), "/connect/token");
    assert_eq!(
        header(t, "content-type").as_deref(),
        Some("application/x-www-form-urlencoded")
    );
    let form: BTreeMap<String, String> =
        url::form_urlencoded::parse(&t.body).into_owned().collect();
    assert_eq!(
        form,
        BTreeMap::from([
            ("client_id".to_owned(), CLIENT_ID.to_owned()),
            ("client_secret".to_owned(), CLIENT_SECRET.to_owned()),
            ("grant_type".to_owned(), "client_credentials".to_owned()),
        ])
    );
    // The API call carries the token it got.
    assert_eq!(bearer(&env.only_api_request().await), "Bearer tok-1");
}

#[tokio::test]
async fn token_path_joins_under_an_auth_url_with_a_path() {
    let env = Env::bare().await;
    Mock::given(method("POST"))
        .and(path("/tenant-a/connect/token"))
        .respond_with(json_response(
            200,
            r#"{"access_token":"t","expires_in":3600}"#,
        ))
        .expect(1)
        .mount(&env.auth)
        .await;
    mount_list(&env).await;
    let c = env
        .builder()
        .auth_url(format!("{}/tenant-a", env.auth.uri()))
        .build()
        .unwrap();
    c.employees().list(1, 1).await.unwrap();
}

#[tokio::test]
async fn token_is_cached_across_calls_and_clones() {
    let env = Env::start().await;
    mount_list(&env).await;
    let client = env.client();
    let clone = client.clone();
    client.employees().list(1, 1).await.unwrap();
    clone.employees().list(1, 1).await.unwrap();
    let third = clone.clone();
    tokio::spawn(async move { third.employees().list(1, 1).await })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(env.tokens.load(Ordering::SeqCst), 1);
    let reqs = env.api_requests().await;
    assert_eq!(reqs.len(), 3);
    assert!(reqs.iter().all(|r| bearer(r) == "Bearer tok-1"));
}

#[tokio::test]
async fn separate_clients_do_not_share_a_token() {
    let env = Env::start().await;
    mount_list(&env).await;
    env.client().employees().list(1, 1).await.unwrap();
    env.client().employees().list(1, 1).await.unwrap();
    assert_eq!(env.tokens.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn token_is_refreshed_ahead_of_expiry() {
    // A 1 s token with the default 60 s margin: the margin is capped at half the lifetime, so
    // the token is due for refresh after 0.5 s, before it expires.
    let env = Env::start_with_token(1, Duration::ZERO).await;
    mount_list(&env).await;
    let client = env
        .builder()
        .token_refresh_margin(Duration::from_secs(60))
        .build()
        .unwrap();
    client.employees().list(1, 1).await.unwrap();
    client.employees().list(1, 1).await.unwrap();
    assert_eq!(env.tokens.load(Ordering::SeqCst), 1, "fresh token reused");
    tokio::time::sleep(Duration::from_millis(600)).await;
    client.employees().list(1, 1).await.unwrap();
    assert_eq!(
        env.tokens.load(Ordering::SeqCst),
        2,
        "refreshed after the margin"
    );
    let reqs = env.api_requests().await;
    let used: Vec<_> = reqs.iter().map(bearer).collect();
    assert_eq!(used, ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]);
}

#[tokio::test]
async fn a_long_lived_token_with_a_small_margin_is_not_refreshed() {
    let env = Env::start_with_token(3600, Duration::ZERO).await;
    mount_list(&env).await;
    let client = env
        .builder()
        .token_refresh_margin(Duration::from_millis(1))
        .build()
        .unwrap();
    for _ in 0..3 {
        client.employees().list(1, 1).await.unwrap();
    }
    assert_eq!(env.tokens.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundred_concurrent_calls_at_cold_start_fetch_one_token() {
    // The token endpoint is slow, so every call is waiting for it at once.
    let env = Env::start_with_token(3600, Duration::from_millis(200)).await;
    mount_list(&env).await;
    let client = env.client();
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let c = client.clone();
            tokio::spawn(async move { c.employees().list(1, 1).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(env.token_requests().await.len(), 1);
    let reqs = env.api_requests().await;
    assert_eq!(reqs.len(), 100);
    assert!(reqs.iter().all(|r| bearer(r) == "Bearer tok-1"));
}

#[tokio::test]
async fn a_401_drops_the_token_and_replays_once() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .mount(&env.api)
        .await;
    mount_list(&env).await;
    let page = env.client().employees().list(1, 20).await.unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(env.tokens.load(Ordering::SeqCst), 2);
    let used: Vec<_> = env.api_requests().await.iter().map(bearer).collect();
    assert_eq!(used, ["Bearer tok-1", "Bearer tok-2"]);
}

#[tokio::test]
async fn a_401_replay_applies_to_non_repeatable_operations_too() {
    // A 401 means the request was refused, not carried out: replaying it is safe.
    let env = Env::start().await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/WillCall/AddReservation"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .mount(&env.api)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/2.0/WillCall/AddReservation"))
        .respond_with(fixture_response(200, "w1_add_reservation.json"))
        .mount(&env.api)
        .await;
    let r = crate::operations::reservation(iqtech::ReservationType::Release, 1);
    env.client().will_call().add_reservation(r).await.unwrap();
    assert_eq!(env.api_requests().await.len(), 2);
    assert_eq!(env.tokens.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_second_401_is_an_authentication_error() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(json_response(
            401,
            r#"{"title":"Unauthorized","status":401}"#,
        ))
        .mount(&env.api)
        .await;
    let client = env.client();
    let err = client.employees().list(1, 1).await.unwrap_err();
    let a = err.api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!((a.kind, a.status), (ApiErrorKind::Authentication, 401));
    assert_eq!(err.code(), "authentication");
    assert_eq!(env.api_requests().await.len(), 2, "one replay, no more");
    assert_eq!(env.tokens.load(Ordering::SeqCst), 2);
    // The bad token was dropped: the next call starts with a new one (and replays once too).
    let _ = client.employees().list(1, 1).await;
    let used: Vec<_> = env.api_requests().await.iter().map(bearer).collect();
    assert_eq!(
        used,
        [
            "Bearer tok-1",
            "Bearer tok-2",
            "Bearer tok-3",
            "Bearer tok-4"
        ]
    );
}

#[tokio::test]
async fn token_endpoint_refusal_is_an_authentication_error_with_the_description() {
    let env = Env::bare().await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(json_response(
            400,
            r#"{"error":"invalid_client","error_description":"Client authentication failed."}"#,
        ))
        .mount(&env.auth)
        .await;
    mount_list(&env).await;
    let err = env.client().employees().list(1, 1).await.unwrap_err();
    let a = err.api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(a.kind, ApiErrorKind::Authentication);
    assert_eq!(a.status, 400);
    assert_eq!(a.operation, "auth.token");
    assert!(a.detail.contains("invalid_client"), "{}", a.detail);
    assert!(
        a.detail.contains("Client authentication failed."),
        "{}",
        a.detail
    );
    assert_eq!(err.code(), "authentication");
    assert!(
        env.api_requests().await.is_empty(),
        "no API call without a token"
    );
    assert_eq!(
        env.token_requests().await.len(),
        1,
        "a refusal is not retried"
    );
}

#[tokio::test]
async fn token_endpoint_401_is_an_authentication_error_not_a_replay() {
    let env = Env::bare().await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(json_response(401, r#"{"error":"invalid_client"}"#))
        .mount(&env.auth)
        .await;
    let err = env.client().employees().list(1, 1).await.unwrap_err();
    assert_eq!(err.code(), "authentication");
    assert_eq!(env.token_requests().await.len(), 1);
}

#[tokio::test]
async fn token_endpoint_outage_is_retried() {
    let env = Env::bare().await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .mount(&env.auth)
        .await;
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(json_response(
            200,
            r#"{"access_token":"tok-1","expires_in":"3600"}"#,
        ))
        .mount(&env.auth)
        .await;
    mount_list(&env).await;
    env.client().employees().list(1, 1).await.unwrap();
    assert_eq!(env.token_requests().await.len(), 3);
    assert_eq!(bearer(&env.only_api_request().await), "Bearer tok-1");
}

/// Everything an error or a client can show, for a secret search.
fn shown(err: &Error) -> String {
    format!("{err} | {err:?} | {:?}", err.api())
}

#[tokio::test]
async fn secrets_never_appear_in_errors_or_debug_output() {
    let env = Env::bare().await;
    // 1. A refusal by the token endpoint.
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(json_response(
            400,
            r#"{"error":"invalid_client","error_description":"Client authentication failed."}"#,
        ))
        .up_to_n_times(1)
        .mount(&env.auth)
        .await;
    // 2. Then a token body that cannot be decoded, which holds a token value.
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(json_response(
            200,
            r#"{"access_token":"leaky-token-123","expires_in":"#,
        ))
        .up_to_n_times(1)
        .mount(&env.auth)
        .await;
    // 3. Then a good token, rejected by the API twice.
    Mock::given(method("POST"))
        .and(path("/connect/token"))
        .respond_with(json_response(
            200,
            r#"{"access_token":"api-token-456","expires_in":3600}"#,
        ))
        .mount(&env.auth)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&env.api)
        .await;
    let client = env.client();
    let mut texts = vec![format!("{client:?}"), format!("{:?}", client.config())];
    texts.push(format!("{:?}", env.builder()));

    let e1 = client.employees().list(1, 1).await.unwrap_err();
    assert_eq!(e1.code(), "authentication");
    let e2 = client.employees().list(1, 1).await.unwrap_err();
    assert_eq!(e2.code(), "decode", "{e2:?}");
    let e3 = client.employees().list(1, 1).await.unwrap_err();
    assert_eq!(e3.code(), "authentication");
    // 4. A token endpoint that cannot be reached.
    let unreachable = env
        .builder()
        .auth_url(format!("http://127.0.0.1:{}/", free_port()))
        .max_attempts(1)
        .build()
        .unwrap();
    let e4 = unreachable.employees().list(1, 1).await.unwrap_err();
    assert_eq!(e4.code(), "connection");
    for e in [&e1, &e2, &e3, &e4] {
        texts.push(shown(e));
    }
    for text in &texts {
        for secret in [CLIENT_SECRET, "leaky-token-123", "api-token-456"] {
            assert!(!text.contains(secret), "{secret:?} shown in: {text}");
        }
    }
    // The client id is not a secret, and it helps: it is shown.
    assert!(texts[0].contains(CLIENT_ID));
}

#[tokio::test]
async fn a_client_is_send_sync_clone_and_static() {
    fn client_traits<T: Send + Sync + Clone + 'static>() {}
    fn error_traits<T: std::error::Error + Send + Sync + 'static>() {}
    client_traits::<Client>();
    error_traits::<iqtech::Error>();
}
