//! The console's webhooks: endpoints (add, edit, enable or disable, rotate the secret, send a
//! test, delete) and each one's recent deliveries, a dead one retried.

use std::{collections::HashMap, time::Duration};

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    response::Response,
};
use http::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Confirmation, Shared, Staff, see_other, settle, users::when};
use crate::{
    error::{AppError, AppResult},
    services::{
        platform::pagination::PageRequest,
        webhooks::{
            endpoints::{Endpoint, EndpointChange, NewEndpoint},
            events::EventType,
        },
    },
};

/// How long the previous secret keeps signing after a rotation from the console.
const ROTATION_OVERLAP: Duration = Duration::from_secs(86_400);

fn endpoint_view(e: &Endpoint) -> Value {
    let events: Vec<&str> = e.events.iter().map(|t| t.as_str()).collect();
    json!({ "id": e.id, "url": e.url, "description": e.description, "events": events.join(", "), "enabled": e.enabled })
}

fn subscribable() -> Vec<&'static str> {
    EventType::ALL
        .into_iter()
        .filter(|t| *t != EventType::Test)
        .map(EventType::as_str)
        .collect()
}

/// The list page, with a secret shown once or a refused form.
async fn list_page(console: &Shared, secret: Option<String>, form: Value) -> AppResult<Value> {
    let endpoints = console.state.webhooks.endpoints().await?;
    Ok(json!({
        "endpoints": endpoints.iter().map(endpoint_view).collect::<Vec<_>>(),
        "secret": secret,
        "form": form,
        "event_types": subscribable(),
    }))
}

fn empty_form() -> Value {
    json!({ "url": "", "description": "", "error": null })
}

/// `GET /admin/webhooks`.
pub async fn list(
    State(console): State<Shared>,
    staff: Staff,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let notice = query.get("notice").map(String::as_str);
    let result = async {
        let context = list_page(&console, None, empty_form()).await?;
        Ok(console.page(&staff, "webhooks.html", context, notice))
    }
    .await;
    settle(&console, &staff, "/admin/", result)
}

/// `POST /admin/webhooks`: a new endpoint; its secret is shown once, on the answer.
pub async fn create(State(console): State<Shared>, staff: Staff, body: Bytes) -> Response {
    let form = match staff.checked(&console, &body) {
        Ok(form) => form,
        Err(refused) => return *refused,
    };
    let result = async {
        let state = &console.state;
        state.mfa.require_staff_step_up(&staff.auth).await?;
        let new = NewEndpoint {
            url: form.text("url").unwrap_or_default(),
            events: form.all("events").filter_map(EventType::parse).collect(),
            description: form.text("description").unwrap_or_default(),
            enabled: true,
        };
        let (url, description) = (new.url.clone(), new.description.clone());
        match state.webhook_admin.create(new, staff.auth.user.id).await {
            Ok((_, secret)) => {
                let context = list_page(&console, Some(secret), empty_form()).await?;
                Ok(console.page(&staff, "webhooks.html", context, None))
            }
            Err(AppError::Validation(fields)) => {
                let message = fields.into_iter().map(|f| f.message).collect::<Vec<_>>().join(" ");
                let refused = json!({ "url": url, "description": description, "error": message });
                let context = list_page(&console, None, refused).await?;
                Ok(console.render(Some(&staff), StatusCode::UNPROCESSABLE_ENTITY, "webhooks.html", context))
            }
            Err(e) => Err(e),
        }
    }
    .await;
    settle(&console, &staff, "/admin/webhooks", result)
}

/// `GET /admin/webhooks/{id}`: the endpoint and its recent deliveries.
pub async fn detail(
    State(console): State<Shared>,
    staff: Staff,
    Path(id): Path<Uuid>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let webhooks = &console.state.webhooks;
        let endpoint = webhooks.endpoint(id).await?;
        let (deliveries, _) = webhooks.deliveries(id, None, PageRequest::new(Some(50), None)).await?;
        let subscribed: Vec<&str> = endpoint.events.iter().map(|t| t.as_str()).collect();
        let context = json!({
            "endpoint": endpoint_view(&endpoint),
            "subscribed": subscribed,
            "event_types": subscribable(),
            "deliveries": deliveries.iter().map(|d| json!({
                "id": d.id, "created_at": when(d.created_at), "event_type": d.event_type, "status": d.status,
                "attempts": d.attempts,
                "last_answer": d.last_status_code.map(|c| c.to_string()).or_else(|| d.last_error.clone()).unwrap_or_default(),
            })).collect::<Vec<_>>(),
        });
        Ok(console.page(&staff, "webhook.html", context, query.get("notice").map(String::as_str)))
    }
    .await;
    settle(&console, &staff, "/admin/webhooks", result)
}

/// `POST /admin/webhooks/{id}/{action}`: edit, enable, disable, test, rotate or delete (the
/// last two confirmed first).
pub async fn act(
    State(console): State<Shared>,
    staff: Staff,
    Path((id, action)): Path<(Uuid, String)>,
    body: Bytes,
) -> Response {
    let form = match staff.checked(&console, &body) {
        Ok(form) => form,
        Err(refused) => return *refused,
    };
    let result = async {
        let state = &console.state;
        let (webhooks, admin) = (&state.webhooks, &state.webhook_admin);
        let endpoint = webhooks.endpoint(id).await?;
        let question = match action.as_str() {
            "delete" => Some((
                "Delete the endpoint",
                "Delete",
                "It gets no more events, and its deliveries go too.",
            )),
            "rotate" => Some((
                "Rotate the signing secret",
                "Rotate",
                "The current secret keeps signing for a day.",
            )),
            _ => None,
        };
        if let (false, Some((title, button, consequence))) = (form.confirmed(), question) {
            let confirmation = Confirmation {
                title,
                question: format!("{title} of {}? {consequence}", endpoint.url),
                button,
            };
            let action = format!("/admin/webhooks/{id}/{action}");
            return Ok(console.confirmation_page(&staff, confirmation, &action, "/admin/webhooks"));
        }
        state.mfa.require_staff_step_up(&staff.auth).await?;
        let actor = staff.auth.user.id;
        let notice = match action.as_str() {
            "enable" | "disable" => {
                let change = EndpointChange {
                    enabled: Some(action == "enable"),
                    ..EndpointChange::default()
                };
                admin.update(id, change, actor).await?;
                "saved"
            }
            "edit" => {
                let change = EndpointChange {
                    url: form.text("url"),
                    events: Some(form.all("events").filter_map(EventType::parse).collect()),
                    description: Some(form.text("description").unwrap_or_default()),
                    enabled: None,
                };
                admin.update(id, change, actor).await?;
                "saved"
            }
            "test" => {
                admin.send_test(id, actor).await?;
                "test_sent"
            }
            "delete" => {
                admin.delete(id, actor).await?;
                "deleted"
            }
            "rotate" => {
                let (_, secret) = admin.rotate(id, ROTATION_OVERLAP, actor).await?;
                let context = list_page(&console, Some(secret), empty_form()).await?;
                return Ok(console.page(&staff, "webhooks.html", context, None));
            }
            _ => return Err(AppError::NotFound),
        };
        Ok(see_other("/admin/webhooks", notice))
    }
    .await;
    settle(&console, &staff, "/admin/webhooks", result)
}

/// `POST /admin/webhooks/{id}/deliveries/{delivery_id}/retry`: a dead delivery queued again.
pub async fn retry(
    State(console): State<Shared>,
    staff: Staff,
    Path((id, delivery_id)): Path<(Uuid, Uuid)>,
    body: Bytes,
) -> Response {
    if let Err(refused) = staff.checked(&console, &body) {
        return *refused;
    }
    let back = format!("/admin/webhooks/{id}");
    let result = async {
        console.state.mfa.require_staff_step_up(&staff.auth).await?;
        console
            .state
            .webhook_admin
            .retry(id, delivery_id, staff.auth.user.id)
            .await?;
        Ok(see_other(&back, "retried"))
    }
    .await;
    settle(&console, &staff, &back, result)
}
