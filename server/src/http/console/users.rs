//! The console's users: search and filters as `listUsers`, one account's page, and the staff
//! actions on it — each through the service the staff API uses, destructive ones behind a
//! confirmation page.

use std::collections::HashMap;

use axum::{
    body::Bytes,
    extract::{Path, Query, State},
    response::Response,
};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Confirmation, Shared, Staff, form::FormData, see_other, settle};
use crate::{
    entity::{audit_event, user},
    error::{AppError, AppResult},
    services::{
        admin::user_admin::{UserChanges, UserFilter},
        audit::{self, AuditEvent, AuditFilter},
        platform::pagination::PageRequest,
    },
};

/// How a time reads in the console.
pub fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn status_of(u: &user::Model) -> &'static str {
    if u.deleted_at.is_some() {
        "deleted"
    } else if u.deletion_due_at.is_some() {
        "pending deletion"
    } else if u.is_active {
        "active"
    } else {
        "inactive"
    }
}

fn user_view(u: &user::Model) -> Value {
    json!({
        "id": u.id,
        "email": u.email,
        "name": format!("{} {}", u.first_name, u.last_name).trim(),
        "first_name": u.first_name,
        "last_name": u.last_name,
        "status": status_of(u),
        "is_active": u.is_active,
        "is_staff": u.is_staff,
        "is_superuser": u.is_superuser,
        "email_verified": u.email_verified_at.map(when),
        "mfa_enabled": u.mfa_enabled,
        "date_joined": when(u.date_joined),
        "last_login": u.last_login.map(when),
        "deletion_due_at": u.deletion_due_at.map(when),
        "deleted_at": u.deleted_at.map(when),
    })
}

/// An audit event as the console's tables show it.
pub fn event_view(e: &audit_event::Model) -> Value {
    json!({
        "created_at": when(e.created_at),
        "event_type": e.event_type,
        "user_id": e.user_id,
        "actor_id": e.actor_id,
        "ip": e.ip,
        "detail": if e.detail == "null" { String::new() } else { e.detail.clone() },
    })
}

fn flag(query: &HashMap<String, String>, name: &str) -> Option<bool> {
    match query.get(name).map(String::as_str) {
        Some("true") => Some(true),
        Some("false") => Some(false),
        _ => None,
    }
}

/// `GET /admin/users`.
pub async fn list(
    State(console): State<Shared>,
    staff: Staff,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let filter = UserFilter {
        search: query
            .get("search")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        is_active: flag(&query, "is_active"),
        is_staff: flag(&query, "is_staff"),
        email_verified: flag(&query, "email_verified"),
        deleted: flag(&query, "deleted"),
    };
    let before = query.get("before").and_then(|b| Uuid::parse_str(b).ok());
    let result = async {
        let (users, next) = console
            .state
            .user_admin
            .list(&filter, PageRequest::new(Some(50), before))
            .await?;
        let shown = |name: &str| query.get(name).cloned().unwrap_or_default();
        let next_page = next.map(|before| {
            let mut params = url::form_urlencoded::Serializer::new(String::new());
            for name in ["search", "is_active", "is_staff", "email_verified", "deleted"] {
                params.append_pair(name, &shown(name));
            }
            params.append_pair("before", &before.to_string());
            format!("/admin/users?{}", params.finish())
        });
        let context = json!({
            "filter": {
                "search": shown("search"), "is_active": shown("is_active"), "is_staff": shown("is_staff"),
                "email_verified": shown("email_verified"), "deleted": shown("deleted"),
            },
            "users": users.iter().map(user_view).collect::<Vec<_>>(),
            "next_page": next_page,
        });
        Ok(console.page(&staff, "users.html", context, query.get("notice").map(String::as_str)))
    }
    .await;
    settle(&console, &staff, "/admin/", result)
}

/// `GET /admin/users/{id}`.
pub async fn detail(
    State(console): State<Shared>,
    staff: Staff,
    Path(id): Path<Uuid>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let state = &console.state;
        let account = state.user_admin.get(id).await?;
        let sessions = state.user_sessions.list_of(id, None).await?;
        let providers = state.social.linked(id).await?;
        let factors = state.mfa.summary(&account).await?;
        let consents = state.consents.current(id).await?;
        let consent_history = state.consents.history(id).await?;
        let requests = state.deletion.list(id).await?;
        let filter = AuditFilter {
            user_id: Some(id),
            ..AuditFilter::default()
        };
        let (events, _) = audit::list(&state.db, &filter, PageRequest::new(Some(20), None)).await?;
        let context = json!({
            "u": user_view(&account),
            "sessions": sessions.iter().map(|s| json!({
                "id": s.session.id, "device": s.device, "ip": s.session.ip,
                "created_at": when(s.session.created_at), "last_used_at": when(s.session.last_used_at),
            })).collect::<Vec<_>>(),
            "providers": providers.iter().map(|p| json!({
                "provider": p.provider, "email": p.email, "linked_at": when(p.linked_at),
            })).collect::<Vec<_>>(),
            "factors": {
                "totp": factors.totp_enabled_at.map_or_else(|| "off".to_string(), |at| format!("on since {}", when(at))),
                "passkeys": factors.passkeys,
            },
            "consents": consents.iter().map(|c| json!({
                "purpose": c.purpose, "granted": c.granted, "updated_at": c.updated_at.map(when),
            })).collect::<Vec<_>>(),
            "consent_history": consent_history.iter().take(50).map(|e| json!({
                "purpose": e.purpose, "granted": e.granted, "source": e.source, "policy_version": e.policy_version,
                "ip": e.ip, "created_at": when(e.created_at),
            })).collect::<Vec<_>>(),
            "data_requests": requests.iter().map(|r| json!({
                "kind": r.kind, "status": r.status, "created_at": when(r.created_at),
            })).collect::<Vec<_>>(),
            "events": events.iter().map(event_view).collect::<Vec<_>>(),
        });
        Ok(console.page(&staff, "user.html", context, query.get("notice").map(String::as_str)))
    }
    .await;
    settle(&console, &staff, "/admin/users", result)
}

/// What a destructive action's confirmation page says: title, question, button.
fn confirmation(action: &str, email: &str) -> Option<(String, String, &'static str)> {
    let (title, question, button) = match action {
        "deactivate" => (
            "Deactivate the account",
            format!("Deactivate {email}? Every session of theirs ends at once."),
            "Deactivate",
        ),
        "grant-staff" => (
            "Grant staff",
            format!("Make {email} staff? They can then use this console and the staff API."),
            "Grant staff",
        ),
        "revoke-staff" => (
            "Revoke staff",
            format!("Take the staff flag from {email}?"),
            "Revoke staff",
        ),
        "logout" => (
            "Sign out everywhere",
            format!("End every session of {email}?"),
            "Sign out everywhere",
        ),
        "reset-mfa" => (
            "Remove second factors",
            format!("Remove every second factor (authenticator app, passkeys, recovery codes) of {email}?"),
            "Remove",
        ),
        "delete" => (
            "Delete the account",
            format!("Delete {email}? It is deactivated at once and can be restored later."),
            "Delete",
        ),
        _ => return None,
    };
    Some((title.to_string(), question, button))
}

/// `POST /admin/users/{id}/{action}`.
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
    let back = format!("/admin/users/{id}");
    let result = async {
        let state = &console.state;
        let account = state.user_admin.get(id).await?;
        if !form.confirmed()
            && let Some((title, question, button)) = confirmation(&action, &account.email)
        {
            let confirmation = Confirmation {
                title: &title,
                question,
                button,
            };
            let action = format!("/admin/users/{id}/{action}");
            return Ok(console.confirmation_page(&staff, confirmation, &action, &back));
        }
        let notice = perform(&console, &staff, &account, &action, &form).await?;
        Ok(see_other(&back, notice))
    }
    .await;
    settle(&console, &staff, &back, result)
}

/// Does `action` on `account`; answers the notice to show.
async fn perform(
    console: &Shared,
    staff: &Staff,
    account: &user::Model,
    action: &str,
    form: &FormData,
) -> AppResult<&'static str> {
    let state = &console.state;
    let (me, id) = (&staff.auth.user, account.id);
    let change = |changes: UserChanges| async move {
        state.mfa.require_staff_step_up(&staff.auth).await?;
        state.user_admin.update(me, id, changes).await.map(|_| "saved")
    };
    match action {
        "activate" | "deactivate" => {
            let is_active = Some(action == "activate");
            change(UserChanges {
                is_active,
                ..UserChanges::default()
            })
            .await
        }
        "grant-staff" | "revoke-staff" => {
            let is_staff = Some(action == "grant-staff");
            change(UserChanges {
                is_staff,
                ..UserChanges::default()
            })
            .await
        }
        "logout" => {
            state.mfa.require_staff_step_up(&staff.auth).await?;
            state.user_admin.logout_all(me, id).await.map(|_| "done")
        }
        "reset-mfa" => state.mfa.reset_by_staff(&staff.auth, id).await.map(|_| "done"),
        "delete" => {
            state.mfa.require_staff_step_up(&staff.auth).await?;
            state.user_admin.delete(me, id).await.map(|_| "deleted")
        }
        "restore" => {
            state.mfa.require_staff_step_up(&staff.auth).await?;
            state.user_admin.restore(me, id).await.map(|_| "saved")
        }
        "names" => {
            let names = UserChanges {
                first_name: Some(form.get("first_name").unwrap_or_default().to_string()),
                last_name: Some(form.get("last_name").unwrap_or_default().to_string()),
                ..UserChanges::default()
            };
            change(names).await
        }
        "password-reset" => {
            state.passwords.request_reset(&account.email).await?;
            audit::record(
                &state.db,
                AuditEvent::new("staff_password_reset_sent", Some(id)).actor(me.id),
            )
            .await;
            Ok("reset_sent")
        }
        "resend-verification" => {
            state.registration.resend(&account.email).await?;
            audit::record(
                &state.db,
                AuditEvent::new("staff_verification_resent", Some(id)).actor(me.id),
            )
            .await;
            Ok("verification_sent")
        }
        _ => Err(AppError::NotFound),
    }
}

/// `POST /admin/users/{id}/sessions/{session_id}/revoke` (confirmed).
pub async fn revoke_session(
    State(console): State<Shared>,
    staff: Staff,
    Path((id, session_id)): Path<(Uuid, Uuid)>,
    body: Bytes,
) -> Response {
    let form = match staff.checked(&console, &body) {
        Ok(form) => form,
        Err(refused) => return *refused,
    };
    let back = format!("/admin/users/{id}");
    let result = async {
        let state = &console.state;
        if !form.confirmed() {
            let account = state.user_admin.get(id).await?;
            let confirmation = Confirmation {
                title: "Revoke the session",
                question: format!("End this session of {}?", account.email),
                button: "Revoke",
            };
            let action = format!("/admin/users/{id}/sessions/{session_id}/revoke");
            return Ok(console.confirmation_page(&staff, confirmation, &action, &back));
        }
        state.mfa.require_staff_step_up(&staff.auth).await?;
        state
            .user_sessions
            .revoke_by_staff(staff.auth.user.id, id, session_id)
            .await?;
        Ok(see_other(&back, "revoked"))
    }
    .await;
    settle(&console, &staff, &back, result)
}
