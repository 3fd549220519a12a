//! The webhook operations of the `admin` tag, called by the [`super::admin`] trait methods:
//! parse, call [`crate::services::webhooks`] (which audits the staff member's change), map.

use std::{str::FromStr, time::Duration};

use gatehouse_api::{apis::admin::*, models};

use super::{AppState, given, nullable, present_or_null, views::stored_object};
use crate::{
    entity::webhook_delivery,
    error::{AppError, AppResult},
    services::{
        sessions::AuthUser,
        webhooks::{
            deliveries,
            endpoints::{Endpoint, EndpointChange, NewEndpoint},
            events::EventType,
        },
    },
};

/// The service's event types of the API's.
fn event_types(events: &[models::WebhookEventType]) -> AppResult<Vec<EventType>> {
    events
        .iter()
        .map(|e| EventType::parse(&e.to_string()).ok_or_else(|| anyhow::anyhow!("unknown event type {e}").into()))
        .collect()
}

fn api_event(event: EventType) -> AppResult<models::WebhookEventType> {
    models::WebhookEventType::from_str(event.as_str()).map_err(|e| anyhow::anyhow!("{e}").into())
}

fn endpoint_view(e: Endpoint) -> AppResult<models::WebhookEndpoint> {
    Ok(models::WebhookEndpoint {
        id: e.id,
        url: e.url,
        events: e.events.into_iter().map(api_event).collect::<AppResult<_>>()?,
        description: e.description,
        enabled: e.enabled,
        created_at: e.created_at,
        updated_at: e.updated_at,
        previous_secret_expires_at: present_or_null(e.previous_secret_expires_at),
    })
}

fn secret_view((endpoint, secret): (Endpoint, String)) -> AppResult<models::WebhookSecret> {
    Ok(models::WebhookSecret {
        endpoint: endpoint_view(endpoint)?,
        secret,
    })
}

fn delivery_view(d: webhook_delivery::Model) -> AppResult<models::WebhookDelivery> {
    let event_type = models::WebhookEventType::from_str(&d.event_type)
        .map_err(|e| AppError::from(anyhow::anyhow!("stored event type: {e}")))?;
    let status = models::WebhookDeliveryStatus::from_str(&d.status)
        .map_err(|e| AppError::from(anyhow::anyhow!("stored delivery status: {e}")))?;
    let payload = stored_object(&d.payload);
    Ok(models::WebhookDelivery {
        id: d.id,
        endpoint_id: d.endpoint_id,
        event_type,
        status,
        attempts: d.attempts,
        created_at: d.created_at,
        next_attempt_at: present_or_null(d.next_attempt_at),
        delivered_at: present_or_null(d.delivered_at),
        last_status_code: present_or_null(d.last_status_code),
        last_error: present_or_null(d.last_error),
        payload,
    })
}

pub(super) async fn list(state: &AppState) -> AppResult<ListWebhooksResponse> {
    let items = state
        .webhooks
        .endpoints()
        .await?
        .into_iter()
        .map(endpoint_view)
        .collect::<AppResult<_>>()?;
    Ok(ListWebhooksResponse::Status200_TheEndpoints(
        models::WebhookEndpointList { items },
    ))
}

pub(super) async fn create(
    state: &AppState,
    staff: &AuthUser,
    body: &models::WebhookEndpointCreate,
) -> AppResult<CreateWebhookResponse> {
    let new = NewEndpoint {
        url: body.url.clone(),
        events: event_types(&body.events)?,
        description: given(&body.description).unwrap_or_default(),
        enabled: given(&body.enabled).unwrap_or(true),
    };
    let created = state.webhook_admin.create(new, staff.user.id).await?;
    Ok(CreateWebhookResponse::Status201_TheEndpointAndItsSigningSecret(
        secret_view(created)?,
    ))
}

pub(super) async fn get(state: &AppState, id: uuid::Uuid) -> AppResult<GetWebhookResponse> {
    let endpoint = state.webhooks.endpoint(id).await?;
    Ok(GetWebhookResponse::Status200_TheEndpoint(endpoint_view(endpoint)?))
}

pub(super) async fn update(
    state: &AppState,
    staff: &AuthUser,
    id: uuid::Uuid,
    body: &models::WebhookEndpointUpdate,
) -> AppResult<UpdateWebhookResponse> {
    let change = EndpointChange {
        url: given(&body.url),
        events: given(&body.events).as_deref().map(event_types).transpose()?,
        description: given(&body.description),
        enabled: given(&body.enabled),
    };
    let updated = state.webhook_admin.update(id, change, staff.user.id).await?;
    Ok(UpdateWebhookResponse::Status200_TheEndpointAsChanged(endpoint_view(
        updated,
    )?))
}

pub(super) async fn delete(state: &AppState, staff: &AuthUser, id: uuid::Uuid) -> AppResult<DeleteWebhookResponse> {
    state.webhook_admin.delete(id, staff.user.id).await?;
    Ok(DeleteWebhookResponse::Status204_Removed)
}

pub(super) async fn rotate(
    state: &AppState,
    staff: &AuthUser,
    id: uuid::Uuid,
    body: &models::WebhookRotation,
) -> AppResult<RotateWebhookSecretResponse> {
    let overlap = Duration::from_secs(given(&body.overlap_seconds).unwrap_or(86_400).into());
    let rotated = state.webhook_admin.rotate(id, overlap, staff.user.id).await?;
    Ok(RotateWebhookSecretResponse::Status200_TheEndpointAndItsNewSecret(
        secret_view(rotated)?,
    ))
}

pub(super) async fn send_test(
    state: &AppState,
    staff: &AuthUser,
    id: uuid::Uuid,
) -> AppResult<SendTestWebhookResponse> {
    let delivery = state.webhook_admin.send_test(id, staff.user.id).await?;
    Ok(SendTestWebhookResponse::Status202_TheDelivery(delivery_view(delivery)?))
}

pub(super) async fn deliveries(
    state: &AppState,
    id: uuid::Uuid,
    query: &models::ListWebhookDeliveriesQueryParams,
) -> AppResult<ListWebhookDeliveriesResponse> {
    let status = query.status.map(|s| match s {
        models::WebhookDeliveryStatus::Pending => deliveries::PENDING,
        models::WebhookDeliveryStatus::Sending => deliveries::SENDING,
        models::WebhookDeliveryStatus::Delivered => deliveries::DELIVERED,
        models::WebhookDeliveryStatus::Dead => deliveries::DEAD,
    });
    let page = crate::services::platform::pagination::PageRequest::new(query.limit, query.before);
    let (rows, next) = state.webhooks.deliveries(id, status, page).await?;
    let items = rows.into_iter().map(delivery_view).collect::<AppResult<_>>()?;
    Ok(ListWebhookDeliveriesResponse::Status200_APageOfDeliveries(
        models::WebhookDeliveryPage {
            items,
            next_before: nullable(next),
        },
    ))
}

pub(super) async fn retry(
    state: &AppState,
    staff: &AuthUser,
    id: uuid::Uuid,
    delivery_id: uuid::Uuid,
) -> AppResult<RetryWebhookDeliveryResponse> {
    let delivery = state.webhook_admin.retry(id, delivery_id, staff.user.id).await?;
    Ok(RetryWebhookDeliveryResponse::Status200_TheDelivery(delivery_view(
        delivery,
    )?))
}
