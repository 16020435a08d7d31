//! `/_sandbox/…`: control of the sandbox over HTTP, for tests that are not written in Rust.
//!
//! | method and path | effect |
//! | --- | --- |
//! | `GET /_sandbox/info` | URLs, credentials, seed, sizes, machine serials, route names |
//! | `GET /_sandbox/faults` | installed fault rules (`[{id, spec, remaining}]`) |
//! | `POST /_sandbox/faults` | install one [`FaultSpec`] or an array of them → `201 {"ids": [..]}`; a bad rule → `400 {"error": ".."}` |
//! | `DELETE /_sandbox/faults` | remove every rule → 204 |
//! | `DELETE /_sandbox/faults/{id}` | remove one rule → 204, or 404 |
//! | `POST /_sandbox/expire-tokens` | every issued token expires now → 204 |
//! | `GET /_sandbox/journal` | the [`JournalSnapshot`](crate::JournalSnapshot) |
//! | `DELETE /_sandbox/journal` | clear the journal → 204 |
//! | `GET /_sandbox/reservations` | every reservation with its status and live access codes |

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::json;

use super::names::ROUTE_NAMES;
use crate::envelope;
use crate::faults::FaultSpec;
use crate::state::App;

/// One rule or several.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Box<FaultSpec>),
    Many(Vec<FaultSpec>),
}

fn bad_request(message: String) -> Response {
    envelope::json(StatusCode::BAD_REQUEST, &json!({ "error": message }))
}

async fn info(State(app): State<Arc<App>>) -> Response {
    let world = app.world();
    let c = &app.config;
    envelope::json(
        StatusCode::OK,
        &json!({
            "auth_url": app.base_url,
            "api_url": app.base_url,
            "client_id": c.client_id,
            "client_secret": c.client_secret,
            "seed": c.seed,
            "employees": world.employees.len(),
            "machines": world.machines.all().iter().map(|m| &m.serial).collect::<Vec<_>>(),
            "transactions": c.transactions,
            "token_lifetime_secs": c.token_lifetime.as_secs_f64(),
            "route_names": ROUTE_NAMES,
        }),
    )
}

async fn list_faults(State(app): State<Arc<App>>) -> Response {
    envelope::json(StatusCode::OK, &app.faults.list())
}

async fn add_faults(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let specs = match serde_json::from_slice::<OneOrMany>(&body) {
        Ok(OneOrMany::One(s)) => vec![*s],
        Ok(OneOrMany::Many(v)) => v,
        Err(_) => {
            // Report the precise error of the single-rule form.
            let e = serde_json::from_slice::<FaultSpec>(&body)
                .err()
                .map(|e| e.to_string());
            return bad_request(format!("invalid fault spec: {}", e.unwrap_or_default()));
        }
    };
    if let Some(e) = specs.iter().find_map(|s| s.validate().err()) {
        return bad_request(e.to_string());
    }
    let ids: Vec<u64> = specs
        .into_iter()
        .filter_map(|s| app.faults.inject(s).ok())
        .collect();
    envelope::json(StatusCode::CREATED, &json!({ "ids": ids }))
}

async fn clear_faults(State(app): State<Arc<App>>) -> Response {
    app.faults.clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn remove_fault(State(app): State<Arc<App>>, Path(id): Path<u64>) -> Response {
    if app.faults.remove(id) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

async fn expire_tokens(State(app): State<Arc<App>>) -> Response {
    app.tokens.expire_all();
    StatusCode::NO_CONTENT.into_response()
}

async fn journal(State(app): State<Arc<App>>) -> Response {
    envelope::json(StatusCode::OK, &app.journal.snapshot())
}

async fn clear_journal(State(app): State<Arc<App>>) -> Response {
    app.journal.clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn reservations(State(app): State<Arc<App>>) -> Response {
    let world = app.world();
    envelope::json(StatusCode::OK, &world.will_call.infos(&world.machines))
}

/// The admin routes.
pub(crate) fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/_sandbox/info", get(info))
        .route(
            "/_sandbox/faults",
            get(list_faults).post(add_faults).delete(clear_faults),
        )
        .route("/_sandbox/faults/{id}", delete(remove_fault))
        .route("/_sandbox/expire-tokens", post(expire_tokens))
        .route("/_sandbox/journal", get(journal).delete(clear_journal))
        .route("/_sandbox/reservations", get(reservations))
}
