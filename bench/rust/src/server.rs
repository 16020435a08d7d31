//! The static loopback server: fixed E1 and T1 pages from [`crate::pages`], a token endpoint,
//! and an optional fixed latency before each API answer (for the paging walk).
//!
//! Why axum and not nginx: the latency must be added per request (nginx needs a third-party
//! module for that), and `metaData` must name the page asked for so the auto-pagers walk;
//! everything is prebuilt, so a request costs a lookup and a memcpy (no JSON is built).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;

use crate::pages::{self, Template};

/// What the server serves.
pub struct Config {
    /// Items per page (the SDK's maximum, 100).
    pub page_size: u64,
    /// Transactions over all pages (the walk: 20,000 = 200 pages; the export: 1,000,000).
    pub transactions: u64,
    /// Employees over all pages.
    pub employees: u64,
    /// Dispenses per transaction.
    pub dispenses: u64,
    /// Wait before each API answer.
    pub latency: Duration,
}

struct App {
    cfg: Config,
    employees: Template,
    transactions: Template,
    /// Bodies of the first pages, built once.
    tx_cache: Vec<Bytes>,
    emp_cache: Vec<Bytes>,
}

const CACHED_PAGES: u64 = 200;

fn page_of(q: &HashMap<String, String>) -> u64 {
    q.get("page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1u64)
        .max(1)
}

async fn transactions_page(
    State(app): State<Arc<App>>,
    Query(q): Query<HashMap<String, String>>,
) -> impl IntoResponse {
    if !app.cfg.latency.is_zero() {
        tokio::time::sleep(app.cfg.latency).await;
    }
    let page = page_of(&q);
    let body = match app.tx_cache.get(page as usize - 1) {
        Some(b) => b.clone(),
        None => Bytes::from(app.transactions.body(&pages::meta(
            page,
            app.cfg.page_size,
            app.cfg.transactions,
        ))),
    };
    ([(header::CONTENT_TYPE, "application/json")], body)
}

async fn employees_page(
    State(app): State<Arc<App>>,
    Query(q): Query<HashMap<String, String>>,
) -> impl IntoResponse {
    if !app.cfg.latency.is_zero() {
        tokio::time::sleep(app.cfg.latency).await;
    }
    let page = page_of(&q);
    let body = match app.emp_cache.get(page as usize - 1) {
        Some(b) => b.clone(),
        None => Bytes::from(app.employees.body(&pages::meta(
            page,
            app.cfg.page_size,
            app.cfg.employees,
        ))),
    };
    ([(header::CONTENT_TYPE, "application/json")], body)
}

async fn token() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"access_token":"bench-token","token_type":"Bearer","expires_in":3600}"#,
    )
}

/// Serves on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, cfg: Config) {
    let employees = pages::employees(cfg.page_size);
    let transactions = pages::transactions(cfg.page_size, cfg.dispenses);
    let tx_pages = cfg
        .transactions
        .div_ceil(cfg.page_size)
        .clamp(1, CACHED_PAGES);
    let emp_pages = cfg.employees.div_ceil(cfg.page_size).clamp(1, CACHED_PAGES);
    let tx_cache = (1..=tx_pages)
        .map(|p| Bytes::from(transactions.body(&pages::meta(p, cfg.page_size, cfg.transactions))))
        .collect();
    let emp_cache = (1..=emp_pages)
        .map(|p| Bytes::from(employees.body(&pages::meta(p, cfg.page_size, cfg.employees))))
        .collect();
    let app = Arc::new(App {
        cfg,
        employees,
        transactions,
        tx_cache,
        emp_cache,
    });
    let router = Router::new()
        .route("/connect/token", post(token))
        .route("/api/Employee", get(employees_page))
        .route("/api/Transaction", get(transactions_page))
        .with_state(app);
    axum::serve(listener, router).await.expect("server runs");
}
