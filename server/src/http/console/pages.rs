//! The console's overview, audit log, outbox and runtime settings.

use std::collections::HashMap;

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    response::Response,
};
use chrono::NaiveDate;
use http::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{
    Shared, Staff, see_other, settle,
    users::{event_view, when},
};
use crate::{
    error::AppError,
    services::{
        audit::{self, AuditFilter},
        console::overview,
        mail::outbox::Status,
        platform::pagination::PageRequest,
        runtime_settings::{Change, Key, Snapshot},
    },
};

type Params = Query<HashMap<String, String>>;

fn notice(query: &HashMap<String, String>) -> Option<&str> {
    query.get("notice").map(String::as_str)
}

/// `GET /admin/`.
pub async fn overview(State(console): State<Shared>, staff: Staff, Query(query): Params) -> Response {
    let result = async {
        let longest_lock = console.state.settings.lockout.max_delay;
        let o = overview::overview(&console.state.db, longest_lock).await?;
        let context = json!({ "o": {
            "accounts": o.accounts, "new_in_7_days": o.new_in_7_days, "inactive": o.inactive,
            "pending_deletion": o.pending_deletion, "live_sessions": o.live_sessions,
            "locked_accounts": o.locked_accounts, "lock_minutes": longest_lock.as_secs().div_ceil(60),
            "lockouts_24h": o.lockouts_24h, "outbox_pending": o.outbox_pending, "outbox_dead": o.outbox_dead,
            "security_events": o.security_events.iter().map(event_view).collect::<Vec<_>>(),
        }});
        Ok(console.page(&staff, "overview.html", context, notice(&query)))
    }
    .await;
    settle(&console, &staff, "/admin/", result)
}

/// `GET /admin/audit`: the API's filters; ids that do not parse match nothing.
pub async fn audit(State(console): State<Shared>, staff: Staff, Query(query): Params) -> Response {
    let text = |name: &str| query.get(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    let id = |name: &str| text(name).map(|v| Uuid::parse_str(&v).unwrap_or(Uuid::nil()));
    // A day as typed in a date field: from its start, or (for `until`) to its end.
    let day = |name: &str, days_after: i64| {
        text(name)
            .and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|start| start.and_utc() + chrono::Duration::days(days_after))
    };
    let filter = AuditFilter {
        user_id: id("user_id"),
        actor_id: id("actor_id"),
        event_type: text("event_type"),
        since: day("since", 0),
        until: day("until", 1),
    };
    let before = text("before").and_then(|b| Uuid::parse_str(&b).ok());
    let result = async {
        let (events, next) = audit::list(&console.state.db, &filter, PageRequest::new(Some(50), before)).await?;
        let shown = |name: &str| text(name).unwrap_or_default();
        let next_page = next.map(|before| {
            let mut params = url::form_urlencoded::Serializer::new(String::new());
            for name in ["event_type", "user_id", "actor_id", "since", "until"] {
                params.append_pair(name, &shown(name));
            }
            params.append_pair("before", &before.to_string());
            format!("/admin/audit?{}", params.finish())
        });
        let context = json!({
            "filter": {
                "event_type": shown("event_type"), "user_id": shown("user_id"), "actor_id": shown("actor_id"),
                "since": shown("since"), "until": shown("until"),
            },
            "events": events.iter().map(event_view).collect::<Vec<_>>(),
            "next_page": next_page,
        });
        Ok(console.page(&staff, "audit.html", context, None))
    }
    .await;
    settle(&console, &staff, "/admin/", result)
}

/// `GET /admin/outbox`.
pub async fn outbox(State(console): State<Shared>, staff: Staff, Query(query): Params) -> Response {
    let status = match query.get("status").map(String::as_str) {
        Some("pending") => Some(Status::Pending),
        Some("sending") => Some(Status::Sending),
        Some("sent") => Some(Status::Sent),
        Some("dead") => Some(Status::Dead),
        _ => None,
    };
    let before = query.get("before").and_then(|b| Uuid::parse_str(b).ok());
    let result = async {
        let outbox = console.state.mailer.outbox();
        let (messages, next) = outbox.list(status, PageRequest::new(Some(50), before)).await?;
        let status_name = status.map(Status::as_str).unwrap_or_default();
        let context = json!({
            "status": status_name,
            "messages": messages.iter().map(|m| json!({
                "id": m.id, "created_at": when(m.created_at), "kind": m.kind, "to": m.recipient,
                "status": m.status, "attempts": m.attempts, "last_error": m.last_error,
            })).collect::<Vec<_>>(),
            "next_page": next.map(|b| format!("/admin/outbox?status={status_name}&before={b}")),
        });
        Ok(console.page(&staff, "outbox.html", context, notice(&query)))
    }
    .await;
    settle(&console, &staff, "/admin/outbox", result)
}

/// `POST /admin/outbox/{id}/retry`: a dead e-mail queued again.
pub async fn retry_outbox(State(console): State<Shared>, staff: Staff, Path(id): Path<Uuid>, body: Bytes) -> Response {
    if let Err(refused) = staff.checked(&console, &body) {
        return *refused;
    }
    let result = async {
        let state = &console.state;
        state.mfa.require_staff_step_up(&staff.auth).await?;
        state.mailer.outbox().retry(id, staff.auth.user.id).await?;
        state.mailer.wake();
        Ok(see_other("/admin/outbox?status=dead", "retried"))
    }
    .await;
    settle(&console, &staff, "/admin/outbox", result)
}

/// The settings form: each knob's value (as shown, or as sent back) and its error.
fn knob_views(
    snapshot: &Snapshot,
    sent: Option<&HashMap<String, String>>,
    errors: &HashMap<String, String>,
) -> Vec<Value> {
    Key::ALL
        .into_iter()
        .map(|key| {
            let current = match snapshot.knobs.get(key) {
                Value::String(s) => s,
                other => other.to_string(),
            };
            let value = sent.and_then(|s| s.get(key.name()).cloned()).unwrap_or(current);
            json!({
                "name": key.name(),
                "value": value,
                "choices": key.choices(),
                "overridden": snapshot.overridden.contains(&key),
                "error": errors.get(key.name()),
            })
        })
        .collect()
}

/// `GET /admin/settings`.
pub async fn settings(State(console): State<Shared>, staff: Staff, Query(query): Params) -> Response {
    let result = async {
        let snapshot = console.state.runtime.reload().await?;
        let context = json!({ "knobs": knob_views(&snapshot, None, &HashMap::new()) });
        Ok(console.page(&staff, "settings.html", context, notice(&query)))
    }
    .await;
    settle(&console, &staff, "/admin/settings", result)
}

/// `POST /admin/settings`: the knobs whose value changed, and those sent back to their
/// default; the service validates them together, and its errors show next to the fields.
pub async fn save_settings(State(console): State<Shared>, staff: Staff, body: Bytes) -> Response {
    let form = match staff.checked(&console, &body) {
        Ok(form) => form,
        Err(refused) => return *refused,
    };
    let result = async {
        let state = &console.state;
        let snapshot = state.runtime.reload().await?;
        let defaults: Vec<&str> = form.all("default").collect();
        let mut sent = HashMap::new();
        let mut changes: Vec<Change> = Vec::new();
        let mut errors = HashMap::new();
        for key in Key::ALL {
            let Some(raw) = form.get(key.name()).map(str::trim) else {
                continue;
            };
            sent.insert(key.name().to_string(), raw.to_string());
            if defaults.contains(&key.name()) {
                changes.push((key, None));
                continue;
            }
            let value = match key.choices() {
                Some(_) => Value::from(raw),
                None => match raw.parse::<u64>() {
                    Ok(n) => Value::from(n),
                    Err(_) => {
                        errors.insert(key.name().to_string(), "Must be a whole number.".to_string());
                        continue;
                    }
                },
            };
            if value != snapshot.knobs.get(key) {
                changes.push((key, Some(value)));
            }
        }
        if errors.is_empty() && !changes.is_empty() {
            state.mfa.require_staff_step_up(&staff.auth).await?;
            match state.runtime.update(changes, staff.auth.user.id).await {
                Ok(_) => return Ok(see_other("/admin/settings", "saved")),
                Err(AppError::Validation(fields)) => {
                    for field in fields {
                        errors.insert(field.field, field.message);
                    }
                }
                Err(e) => return Err(e),
            }
        } else if errors.is_empty() {
            return Ok(see_other("/admin/settings", "saved"));
        }
        let context = json!({
            "knobs": knob_views(&snapshot, Some(&sent), &errors),
            "error": "Nothing was saved: correct the fields marked below.",
        });
        Ok(console.render(Some(&staff), StatusCode::UNPROCESSABLE_ENTITY, "settings.html", context))
    }
    .await;
    settle(&console, &staff, "/admin/settings", result)
}
