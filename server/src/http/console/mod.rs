//! The staff console at `/admin/`: server-rendered pages in the binary (minijinja, htmx
//! vendored), on the same domain services as the staff API. It has its own sign-in and
//! cookie, a CSRF token on every form, a strict Content-Security-Policy and no framing; it
//! answers pages, never problem documents, so it sits outside the API's guard.

mod form;
mod pages;
mod session;
mod sign_in;
pub mod templates;
mod users;
mod webhooks;

use std::sync::Arc;

use axum::{
    Router,
    extract::{DefaultBodyLimit, Path, Request, State},
    middleware::{Next, from_fn_with_state},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use http::{StatusCode, header};
use serde_json::{Value, json};

pub use self::session::Staff;
use self::templates::{ConsoleTemplates, SCRIPT, STYLESHEET};
use crate::{error::AppError, http::guard, state::AppState};

/// What the console's handlers share.
pub struct Console {
    state: AppState,
    templates: ConsoleTemplates,
}

type Shared = Arc<Console>;

/// Form posts are small; a larger body is refused before it is read.
const MAX_FORM_BYTES: usize = 16 * 1024;

/// The console's routes, or none when `ADMIN_CONSOLE` is off.
pub fn router(state: AppState) -> Option<Router> {
    let templates = state.console_templates.clone()?;
    let console = Arc::new(Console { state, templates });
    let routes = Router::new()
        .route("/admin", get(|| async { Redirect::to("/admin/") }))
        .route("/admin/", get(pages::overview))
        .route("/admin/static/{file}", get(asset))
        .route("/admin/sign-in", get(sign_in::page).post(sign_in::submit))
        .route("/admin/sign-in/second-factor", post(sign_in::second_factor))
        .route("/admin/sign-out", post(sign_in::sign_out))
        .route(
            "/admin/confirm-identity",
            get(sign_in::confirm_page).post(sign_in::confirm_submit),
        )
        .route("/admin/users", get(users::list))
        .route("/admin/users/{id}", get(users::detail))
        .route("/admin/users/{id}/{action}", post(users::act))
        .route(
            "/admin/users/{id}/sessions/{session_id}/revoke",
            post(users::revoke_session),
        )
        .route("/admin/audit", get(pages::audit))
        .route("/admin/outbox", get(pages::outbox))
        .route("/admin/outbox/{id}/retry", post(pages::retry_outbox))
        .route("/admin/settings", get(pages::settings).post(pages::save_settings))
        .route("/admin/webhooks", get(webhooks::list).post(webhooks::create))
        .route("/admin/webhooks/{id}", get(webhooks::detail))
        .route("/admin/webhooks/{id}/{action}", post(webhooks::act))
        .route(
            "/admin/webhooks/{id}/deliveries/{delivery_id}/retry",
            post(webhooks::retry),
        )
        .route("/admin/{*rest}", get(not_found).post(not_found))
        .with_state(console.clone())
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES))
        .layer(from_fn_with_state(console, console_guard));
    Some(routes)
}

/// The Host check of the API and the request timeout (the security headers, the console's
/// Content-Security-Policy among them, are set for every answer by the request scope).
async fn console_guard(State(console): State<Shared>, request: Request, next: Next) -> Response {
    let settings = &console.state.settings;
    if let Some(refusal) = guard::host_refusal(settings, &request) {
        return refusal;
    }
    tokio::time::timeout(settings.request_timeout, next.run(request))
        .await
        .unwrap_or_else(|_| StatusCode::REQUEST_TIMEOUT.into_response())
}

/// The stylesheet and the vendored htmx.
async fn asset(Path(file): Path<String>) -> Response {
    let (media_type, body): (&str, &[u8]) = match file.as_str() {
        "console.css" => ("text/css; charset=utf-8", STYLESHEET.as_bytes()),
        "console.js" => ("text/javascript; charset=utf-8", SCRIPT.as_bytes()),
        "htmx.min.js" => (
            "text/javascript; charset=utf-8",
            include_bytes!("../../../assets/console/htmx.min.js"),
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, media_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn not_found(State(console): State<Shared>) -> Response {
    console.error_page(
        None,
        StatusCode::NOT_FOUND,
        "Not found",
        "There is no such page.",
        "/admin/",
    )
}

/// Fixed notices a redirect may name (`?notice=`): a page never shows text from the URL.
fn notice_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "saved" => "Saved.",
        "done" => "Done.",
        "signed_out" => "You are signed out.",
        "timed_out" => "You were signed out after a period of inactivity.",
        "retried" => "Queued again.",
        "test_sent" => "A test event is queued.",
        "reset_sent" => "A password-reset e-mail is queued (unless one went out moments ago).",
        "verification_sent" => "A verification e-mail is queued (unless one went out moments ago).",
        "deleted" => "Deleted.",
        "revoked" => "Revoked.",
        _ => return None,
    })
}

impl Console {
    /// Renders page `name`: `context` plus the site's name, the staff member and their CSRF
    /// token; a template that fails is logged and answered as a plain 500 page.
    fn render(&self, staff: Option<&Staff>, status: StatusCode, name: &str, mut context: Value) -> Response {
        if let Value::Object(map) = &mut context {
            map.insert("site_name".into(), json!(self.state.settings.email.site_name));
            if let Some(staff) = staff {
                map.insert("staff".into(), json!({ "email": staff.auth.user.email }));
                map.entry("csrf").or_insert_with(|| json!(staff.csrf));
            }
        }
        match self.templates.render(name, &context) {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "rendering a console page failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "The page could not be rendered; it has been logged.",
                )
                    .into_response()
            }
        }
    }

    /// A page with its notice (from a fixed list) shown.
    fn page(&self, staff: &Staff, name: &str, mut context: Value, notice: Option<&str>) -> Response {
        if let (Value::Object(map), Some(text)) = (&mut context, notice.and_then(notice_text)) {
            map.insert("notice".into(), json!(text));
        }
        self.render(Some(staff), StatusCode::OK, name, context)
    }

    /// An error page; a `503` (a dependency is out) says when to try again, as the API does.
    fn error_page(&self, staff: Option<&Staff>, status: StatusCode, title: &str, detail: &str, back: &str) -> Response {
        let context = json!({ "title": title, "detail": detail, "back": back });
        let mut response = self.render(staff, status, "error.html", context);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("2"));
        }
        response
    }

    /// The page for a refused action: a step-up leads to the identity check and back to
    /// `back`; anything else is shown with the API's status and explanation.
    fn failure(&self, staff: &Staff, error: AppError, back: &str) -> Response {
        if matches!(error, AppError::ReauthenticationRequired) {
            let next = url::form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>();
            return Redirect::to(&format!("/admin/confirm-identity?next={next}")).into_response();
        }
        let problem = error.to_problem();
        if problem.status().is_server_error() {
            // Logged with its cause, as the API does.
            let _ = error.into_response();
        }
        let model = problem.to_model();
        let mut detail = model.detail.unwrap_or_default();
        for field in model.r_errors.unwrap_or_default() {
            detail.push(' ');
            detail.push_str(&field.message);
        }
        let status = problem.status();
        self.error_page(Some(staff), status, &model.title, &detail, back)
    }
}

/// What a destructive action's confirmation page says.
pub struct Confirmation<'a> {
    /// The heading.
    pub title: &'a str,
    /// The question, naming what is changed.
    pub question: String,
    /// The button's label.
    pub button: &'a str,
}

impl Console {
    /// The confirmation page of a destructive action: its form posts to `action` again,
    /// confirmed; "Cancel" goes back to `back`.
    fn confirmation_page(&self, staff: &Staff, confirmation: Confirmation<'_>, action: &str, back: &str) -> Response {
        let context = json!({
            "title": confirmation.title, "question": confirmation.question, "button": confirmation.button,
            "action": action, "fields": {}, "back": back,
        });
        self.page(staff, "confirm_action.html", context, None)
    }
}

/// Answers `Ok` pages as they are and errors as [`Console::failure`] pages.
fn settle(console: &Console, staff: &Staff, back: &str, result: Result<Response, AppError>) -> Response {
    result.unwrap_or_else(|e| console.failure(staff, e, back))
}

/// A 303 to `path` with a fixed notice.
fn see_other(path: &str, notice: &str) -> Response {
    let separator = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{separator}notice={notice}")).into_response()
}
