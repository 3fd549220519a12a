//! Swagger UI and Redoc, shipped inside the binary (no CDN), see `server/assets/README.md`.

use axum::{Router, extract::Path, response::IntoResponse, routing::get};
use http::{HeaderValue, header};

/// The Swagger UI page.
pub const SWAGGER_UI_HTML: &str = include_str!("../../assets/docs.html");
/// The Redoc page.
pub const REDOC_HTML: &str = include_str!("../../assets/redoc.html");

const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "swagger-ui.css",
        "text/css; charset=utf-8",
        include_bytes!("../../assets/swagger-ui.css"),
    ),
    (
        "swagger-ui-bundle.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/swagger-ui-bundle.js"),
    ),
    (
        "swagger-ui-standalone-preset.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/swagger-ui-standalone-preset.js"),
    ),
    (
        "docs-init.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/docs-init.js"),
    ),
    (
        "redoc.standalone.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../assets/redoc.standalone.js"),
    ),
];

/// Routes for the static assets the documentation pages load.
pub fn asset_routes() -> Router {
    Router::new().route("/api/docs/assets/{file}", get(asset))
}

async fn asset(Path(file): Path<String>) -> axum::response::Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, media_type, bytes)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(media_type)),
                (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")),
            ],
            *bytes,
        )
            .into_response(),
        None => crate::http::rejections::not_found().into_response(),
    }
}
