//! The HTTP layer: the generated traits' implementations, middleware, problems, docs.

pub mod api;
pub mod client_ip;
pub mod conn;
pub mod console;
pub mod context;
pub mod cookies;
pub mod cors;
pub mod csrf;
pub mod docs;
pub mod guard;
pub mod metrics_listener;
pub mod middleware;
pub mod operations;
pub mod problem;
pub mod rejections;
pub mod server;
