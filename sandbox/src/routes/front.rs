//! The middleware in front of every route: path normalisation, the journal, fault injection
//! and bearer token checks, in that order.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::uri::PathAndQuery;
use axum::http::{header, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::names::{classify, normalize_path};
use crate::dialect::{Dialect, E6Method, W3Path};
use crate::faults::{damage, FaultSpec};
use crate::journal::{body_value, RequestRecord};
use crate::server::ConnAbort;
use crate::state::App;

/// Largest request body accepted.
const MAX_BODY: usize = 16 << 20;

fn describe(f: &FaultSpec) -> String {
    let mut parts = Vec::new();
    if f.latency_ms > 0 || f.jitter_ms > 0 {
        parts.push(format!("latency {}+{}ms", f.latency_ms, f.jitter_ms));
    }
    if let Some(s) = f.status {
        parts.push(format!("status {s}"));
    }
    if f.drop_connection {
        parts.push("drop_connection".into());
    }
    if let Some(b) = f.body {
        parts.push(format!("body {}", b.name()));
    }
    if let Some(r) = &f.respond {
        parts.push(format!("respond {}", r.status));
    }
    parts.join(", ")
}

fn rewrite_uri(uri: &Uri, path: &str) -> Option<Uri> {
    let pq = match uri.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_string(),
    };
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(pq.parse::<PathAndQuery>().ok()?);
    Uri::from_parts(parts).ok()
}

/// Runs before routing (see [`router`](super::router)).
/// What the dialect refuses before routing: the W3 v2 path when only the legacy one answers
/// (a bare 404, like a route the server does not have), and the E6 method the server does not
/// take (405).
fn dialect_refusal(dialect: &Dialect, method: &str, path: &str) -> Option<StatusCode> {
    if dialect.w3_path == W3Path::Legacy
        && path.starts_with("/api/2.0/WillCall/GetReservableSelections/")
    {
        return Some(StatusCode::NOT_FOUND);
    }
    if path == "/api/Employee/lookup" {
        let wanted = match dialect.e6_method {
            E6Method::Post => "POST",
            E6Method::Get => "GET",
        };
        if method != wanted {
            return Some(StatusCode::METHOD_NOT_ALLOWED);
        }
    }
    None
}

pub(crate) async fn front(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let path = normalize_path(parts.uri.path());
    if let Some(uri) = rewrite_uri(&parts.uri, &path) {
        parts.uri = uri;
    }
    if path == "/_sandbox" || path.starts_with("/_sandbox/") {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let query = parts.uri.query().map(str::to_string);
    let route = classify(&parts.method, &path, query.as_deref());
    let refusal = dialect_refusal(&app.config.dialect, parts.method.as_str(), &path);
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let seq = app.journal.record(RequestRecord {
        seq: 0,
        method: parts.method.to_string(),
        path,
        query,
        route: route.map(str::to_string),
        body: body_value(&bytes),
        status: None,
        fault: None,
    });

    if let Some(status) = refusal {
        app.journal.finish(seq, Some(status.as_u16()), None);
        return status.into_response();
    }

    let fault = route.and_then(|r| app.faults.pick(r));
    let fault_desc = fault.as_ref().map(describe);
    if let Some(f) = &fault {
        let delay = f.delay();
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        if let Some(canned) = &f.respond {
            app.journal.finish(seq, Some(canned.status), fault_desc);
            return canned.to_response();
        }
        if let Some(status) = f.status {
            app.journal.finish(seq, Some(status), fault_desc);
            return f.status_response(status);
        }
        if f.body.is_some_and(|b| !b.runs_operation()) {
            app.journal.finish(seq, Some(200), fault_desc);
            return FaultSpec::failed_envelope_response();
        }
    }

    let abort = parts.extensions.get::<ConnAbort>().cloned();
    let needs_token = route.is_some_and(|r| r != "token");
    let response = match needs_token.then(|| app.tokens.check(&parts.headers)) {
        Some(Err(failure)) => failure.response(),
        _ => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    };

    let Some(f) = fault else {
        app.journal
            .finish(seq, Some(response.status().as_u16()), None);
        return response;
    };
    if f.drop_connection {
        app.journal.finish(seq, None, fault_desc);
        if let Some(abort) = abort {
            abort.abort();
            // The connection task drops this future together with the connection.
            std::future::pending::<()>().await;
        }
        return StatusCode::BAD_GATEWAY.into_response();
    }
    let response = match f.body {
        Some(kind) => {
            let (mut head, body) = response.into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            head.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(head, Body::from(damage(kind, &bytes)))
        }
        None => response,
    };
    app.journal
        .finish(seq, Some(response.status().as_u16()), fault_desc);
    response
}
