//! The HTTP routes: token, the 20 API operations, and the admin endpoints.

pub(crate) mod admin;
pub(crate) mod employees;
pub(crate) mod front;
pub(crate) mod machines;
pub mod names;
pub(crate) mod query;
pub(crate) mod transactions;
pub(crate) mod will_call;

use std::sync::Arc;

use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::Router;

use crate::auth;
use crate::state::App;
use will_call::Gen;

/// The whole application: [`front::front`] runs before routing, so it sees (and rewrites)
/// every request, then the routes dispatch.
pub(crate) fn router(app: Arc<App>) -> Router {
    let mut routes = Router::new()
        .route("/connect/token", post(auth::token))
        .route(
            "/api/Employee",
            get(employees::list).post(employees::create),
        )
        .route(
            "/api/Employee/UpdateEmployeeStatus",
            put(employees::set_status),
        )
        .route(
            "/api/Employee/UpdateEmployeeSetPin",
            post(employees::set_pin),
        )
        .route(
            "/api/Employee/lookup",
            get(employees::lookup).post(employees::lookup),
        )
        .route("/api/Employee/{number}", put(employees::update))
        .route(
            "/api/Machine/GetMachinePlanogramDetails",
            get(machines::planogram),
        )
        .route("/api/Transaction", get(transactions::list));
    for gen in [Gen::V2, Gen::Legacy] {
        for (path, method_router) in will_call::bind::routes(gen) {
            routes = routes.route(path, method_router);
        }
    }
    let inner = routes
        .merge(admin::router())
        .fallback(|| async { StatusCode::NOT_FOUND })
        .with_state(app.clone());
    Router::new()
        .fallback_service(inner)
        .layer(axum::middleware::from_fn_with_state(app, front::front))
}
