//! The separate metrics listener of `METRICS_ADDR`: `GET /metrics` and nothing else, so
//! that the main listener, which may face the internet, never shows them.

use axum::{Router, extract::State, http::header, response::IntoResponse, routing::get};

use crate::services::operations::Operations;

/// The Prometheus text format's media type.
pub const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The router of the metrics listener.
pub fn router(operations: Operations) -> Router {
    Router::new().route("/metrics", get(scrape)).with_state(operations)
}

async fn scrape(State(operations): State<Operations>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, PROMETHEUS_TEXT)],
        operations.metrics_text().await,
    )
}
