//! `Client::from_env` and `ClientBuilder::from_env`. Tests run in parallel threads of one process,
//! so every test that touches the environment holds [`ENV_LOCK`].

use iqtech::{
    Client, Error, DEFAULT_API_URL, DEFAULT_AUTH_URL, ENV_API_URL, ENV_AUTH_URL, ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
};
use std::collections::BTreeMap;
use std::sync::Mutex;
use wiremock::matchers::{method, path};
use wiremock::Mock;

use crate::support::*;

static ENV_LOCK: Mutex<()> = Mutex::new(());

const VARS: [&str; 4] = [ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_AUTH_URL, ENV_API_URL];

/// Sets the four variables (`None` removes one) for the duration of `f`, then restores them.
fn with_env<T>(values: [Option<&str>; 4], f: impl FnOnce() -> T) -> T {
    let _guard = ENV_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let saved: Vec<_> = VARS.iter().map(|v| std::env::var(v).ok()).collect();
    for (name, value) in VARS.iter().zip(values) {
        match value {
            Some(v) => std::env::set_var(name, v),
            None => std::env::remove_var(name),
        }
    }
    let out = f();
    for (name, value) in VARS.iter().zip(saved) {
        match value {
            Some(v) => std::env::set_var(name, v),
            None => std::env::remove_var(name),
        }
    }
    out
}

fn config_message(result: iqtech::Result<Client>) -> String {
    match result {
        Err(Error::Config { message }) => message,
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

#[test]
fn the_variable_names_are_the_documented_ones() {
    assert_eq!(
        VARS,
        [
            "IQTECH_CLIENT_ID",
            "IQTECH_CLIENT_SECRET",
            "IQTECH_AUTH_URL",
            "IQTECH_API_URL"
        ]
    );
}

#[tokio::test]
async fn from_env_reads_all_four_variables() {
    let env = Env::start().await;
    Mock::given(method("GET"))
        .and(path("/api/Employee"))
        .respond_with(fixture_response(200, "e1_employee_list.json"))
        .mount(&env.api)
        .await;
    let (auth, api) = (env.auth.uri(), env.api.uri());
    let client = with_env(
        [
            Some("env-client"),
            Some("env-secret-value"),
            Some(&auth),
            Some(&api),
        ],
        Client::from_env,
    )
    .unwrap();
    assert_eq!(client.config().client_id(), "env-client");
    assert_eq!(client.config().auth_url(), format!("{auth}/"));
    assert_eq!(client.config().api_url(), format!("{api}/"));
    assert!(!format!("{client:?}").contains("env-secret-value"));
    // The credentials from the environment are the ones sent.
    client.employees().list(1, 1).await.unwrap();
    let token = &env.token_requests().await[0];
    let form: BTreeMap<String, String> = url::form_urlencoded::parse(&token.body)
        .into_owned()
        .collect();
    assert_eq!(form["client_id"], "env-client");
    assert_eq!(form["client_secret"], "env-secret-value");
}

#[test]
fn without_url_variables_the_production_hosts_are_used() {
    let client = with_env([Some("id"), Some("secret"), None, None], Client::from_env).unwrap();
    assert_eq!(client.config().auth_url(), DEFAULT_AUTH_URL);
    assert_eq!(client.config().api_url(), DEFAULT_API_URL);
}

#[test]
fn a_missing_variable_is_named() {
    let msg = config_message(with_env([None, Some("s"), None, None], Client::from_env));
    assert!(msg.contains("IQTECH_CLIENT_ID"), "{msg}");
    let msg = config_message(with_env([Some("i"), None, None, None], Client::from_env));
    assert!(msg.contains("IQTECH_CLIENT_SECRET"), "{msg}");
    // Blank counts as missing.
    let msg = config_message(with_env(
        [Some("i"), Some("  "), None, None],
        Client::from_env,
    ));
    assert!(msg.contains("IQTECH_CLIENT_SECRET"), "{msg}");
    let err = with_env([None, None, None, None], Client::from_env).unwrap_err();
    assert_eq!(err.code(), "config");
}

#[test]
fn a_plain_http_url_from_the_environment_is_refused_for_remote_hosts() {
    let err = with_env(
        [
            Some("i"),
            Some("s"),
            None,
            Some("http://integration.iqtechportal.com/"),
        ],
        Client::from_env,
    )
    .unwrap_err();
    assert!(
        matches!(&err, Error::Validation { field, .. } if field == "api_url"),
        "{err:?}"
    );
}

#[test]
fn builder_from_env_lets_settings_be_overridden_afterwards() {
    let client = with_env([Some("id"), Some("secret"), None, None], || {
        Client::builder()
            .from_env()
            .map(|b| b.api_url("http://127.0.0.1:9/").max_attempts(7).build())
    })
    .unwrap()
    .unwrap();
    assert_eq!(client.config().api_url(), "http://127.0.0.1:9/");
    assert_eq!(client.config().retry().max_attempts, 7);
}
