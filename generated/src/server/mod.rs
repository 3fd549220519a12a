use std::collections::HashMap;

use axum::{body::Body, extract::*, response::Response, routing::*};
use axum_extra::{
    TypedHeader,
    extract::{CookieJar, Query as QueryExtra},
};
use bytes::Bytes;
use headers::Host;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header::CONTENT_TYPE};
use tracing::error;
use validator::{Validate, ValidationErrors};

#[allow(unused_imports)]
use crate::{apis, models};
use crate::{header, types::*};
#[allow(unused_imports)]
use crate::{
    models::check_xss_map, models::check_xss_map_nested, models::check_xss_map_string, models::check_xss_string,
    models::check_xss_vec_string,
};

/// Setup API Server.
pub fn new<I, A, E, C>(api_impl: I) -> Router
where
    I: AsRef<A> + Clone + Send + Sync + 'static,
    A: apis::admin::Admin<E, Claims = C>
        + apis::auth::Auth<E, Claims = C>
        + apis::mfa::Mfa<E, Claims = C>
        + apis::ops::Ops<E, Claims = C>
        + apis::otp::Otp<E>
        + apis::privacy::Privacy<E, Claims = C>
        + apis::sessions::Sessions<E, Claims = C>
        + apis::social::Social<E, Claims = C>
        + apis::users::Users<E, Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + Send
        + Sync
        + 'static,
    E: std::fmt::Debug + Send + Sync + 'static,
    C: Send + Sync + 'static,
{
    // build our application with a route
    Router::new()
        .route("/.well-known/jwks.json", get(get_jwks::<I, A, E, C>))
        .route("/api/docs", get(get_swagger_ui::<I, A, E, C>))
        .route("/api/redoc", get(get_redoc::<I, A, E, C>))
        .route("/api/schema", get(get_schema::<I, A, E, C>))
        .route("/api/v1/admin/audit-log", get(list_audit_log::<I, A, E, C>))
        .route("/api/v1/admin/outbox", get(list_outbox::<I, A, E, C>))
        .route(
            "/api/v1/admin/outbox/{id}/retry",
            post(retry_outbox_message::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/settings",
            get(get_runtime_settings::<I, A, E, C>).patch(update_runtime_settings::<I, A, E, C>),
        )
        .route("/api/v1/admin/users", get(list_users::<I, A, E, C>))
        .route(
            "/api/v1/admin/users/{id}",
            delete(delete_user::<I, A, E, C>)
                .get(get_user::<I, A, E, C>)
                .patch(update_user::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/users/{id}/consents",
            get(get_user_consents::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/users/{id}/data-requests",
            get(list_user_data_requests::<I, A, E, C>),
        )
        .route("/api/v1/admin/users/{id}/logout-all", post(logout_user::<I, A, E, C>))
        .route("/api/v1/admin/users/{id}/mfa", delete(reset_user_mfa::<I, A, E, C>))
        .route("/api/v1/admin/users/{id}/restore", post(restore_user::<I, A, E, C>))
        .route(
            "/api/v1/admin/webhooks",
            get(list_webhooks::<I, A, E, C>).post(create_webhook::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/webhooks/{id}",
            delete(delete_webhook::<I, A, E, C>)
                .get(get_webhook::<I, A, E, C>)
                .patch(update_webhook::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/webhooks/{id}/deliveries",
            get(list_webhook_deliveries::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/webhooks/{id}/deliveries/{delivery_id}/retry",
            post(retry_webhook_delivery::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/webhooks/{id}/rotate-secret",
            post(rotate_webhook_secret::<I, A, E, C>),
        )
        .route(
            "/api/v1/admin/webhooks/{id}/test",
            post(send_test_webhook::<I, A, E, C>),
        )
        .route(
            "/api/v1/auth/deletion/cancel",
            post(cancel_account_deletion::<I, A, E, C>),
        )
        .route(
            "/api/v1/auth/email/change/confirm",
            post(confirm_email_change::<I, A, E, C>),
        )
        .route(
            "/api/v1/auth/email/change/revert",
            post(revert_email_change::<I, A, E, C>),
        )
        .route("/api/v1/auth/email/resend", post(resend_verification::<I, A, E, C>))
        .route("/api/v1/auth/email/verify", post(verify_email::<I, A, E, C>))
        .route("/api/v1/auth/login", post(login::<I, A, E, C>))
        .route("/api/v1/auth/login/mfa", post(complete_mfa_login::<I, A, E, C>))
        .route("/api/v1/auth/login/otp", post(login_with_otp::<I, A, E>))
        .route("/api/v1/auth/logout", post(logout::<I, A, E, C>))
        .route("/api/v1/auth/logout-all", post(logout_all::<I, A, E, C>))
        .route("/api/v1/auth/otp/request", post(request_otp::<I, A, E>))
        .route("/api/v1/auth/otp/resend", post(resend_otp::<I, A, E>))
        .route("/api/v1/auth/otp/verify", post(verify_otp::<I, A, E>))
        .route(
            "/api/v1/auth/passkey/options",
            post(start_passkey_sign_in::<I, A, E, C>),
        )
        .route("/api/v1/auth/passkey/verify", post(verify_passkey::<I, A, E, C>))
        .route("/api/v1/auth/password/change", post(change_password::<I, A, E, C>))
        .route(
            "/api/v1/auth/password/reset",
            post(request_password_reset::<I, A, E, C>),
        )
        .route(
            "/api/v1/auth/password/reset/confirm",
            post(confirm_password_reset::<I, A, E, C>),
        )
        .route("/api/v1/auth/reauthenticate", post(reauthenticate::<I, A, E, C>))
        .route(
            "/api/v1/auth/reauthenticate/options",
            post(start_passkey_reauthentication::<I, A, E, C>),
        )
        .route("/api/v1/auth/register", post(register::<I, A, E, C>))
        .route("/api/v1/auth/social/exchange", post(exchange_social_code::<I, A, E, C>))
        .route(
            "/api/v1/auth/social/providers",
            get(list_social_providers::<I, A, E, C>),
        )
        .route(
            "/api/v1/auth/social/{provider}/authorize",
            get(start_social_login::<I, A, E, C>),
        )
        .route(
            "/api/v1/auth/social/{provider}/callback",
            get(finish_social_login::<I, A, E, C>),
        )
        .route(
            "/api/v1/auth/social/{provider}/token",
            post(social_token_login::<I, A, E, C>),
        )
        .route("/api/v1/auth/token/refresh", post(refresh_token::<I, A, E, C>))
        .route("/api/v1/cron/cleanup", post(run_cleanup::<I, A, E, C>))
        .route("/api/v1/data-exports/{token}", get(download_data_export::<I, A, E, C>))
        .route(
            "/api/v1/users/me",
            delete(delete_me::<I, A, E, C>)
                .get(get_me::<I, A, E, C>)
                .patch(update_me::<I, A, E, C>),
        )
        .route("/api/v1/users/me/audit-log", get(list_my_audit_log::<I, A, E, C>))
        .route(
            "/api/v1/users/me/consents",
            get(get_my_consents::<I, A, E, C>).put(update_my_consents::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/data-requests",
            get(list_my_data_requests::<I, A, E, C>).post(create_data_request::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/data-requests/{id}/cancel",
            post(cancel_my_data_request::<I, A, E, C>),
        )
        .route("/api/v1/users/me/email", post(change_email::<I, A, E, C>))
        .route("/api/v1/users/me/mfa", get(get_mfa::<I, A, E, C>))
        .route(
            "/api/v1/users/me/mfa/recovery-codes",
            post(regenerate_recovery_codes::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/mfa/totp",
            delete(remove_totp::<I, A, E, C>).post(start_totp_enrollment::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/mfa/totp/confirm",
            post(confirm_totp_enrollment::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/passkeys",
            get(list_passkeys::<I, A, E, C>).post(register_passkey::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/passkeys/options",
            post(start_passkey_registration::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/passkeys/{id}",
            delete(delete_passkey::<I, A, E, C>).patch(rename_passkey::<I, A, E, C>),
        )
        .route("/api/v1/users/me/sessions", get(list_sessions::<I, A, E, C>))
        .route(
            "/api/v1/users/me/sessions/revoke-others",
            post(revoke_other_sessions::<I, A, E, C>),
        )
        .route("/api/v1/users/me/sessions/{id}", delete(revoke_session::<I, A, E, C>))
        .route(
            "/api/v1/users/me/social-accounts",
            get(list_social_accounts::<I, A, E, C>),
        )
        .route(
            "/api/v1/users/me/social-accounts/{provider}",
            delete(unlink_social_account::<I, A, E, C>).post(link_social_account::<I, A, E, C>),
        )
        .route("/healthz", get(healthz::<I, A, E, C>))
        .route("/metrics", get(get_metrics::<I, A, E, C>))
        .route("/readyz", get(readyz::<I, A, E, C>))
        .with_state(api_impl)
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct CreateWebhookBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::WebhookEndpointCreate,
}

#[tracing::instrument(skip_all)]
fn create_webhook_validation(
    body: models::WebhookEndpointCreate,
) -> std::result::Result<(models::WebhookEndpointCreate,), ValidationErrors> {
    let b = CreateWebhookBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// CreateWebhook - POST /api/v1/admin/webhooks
#[tracing::instrument(skip_all)]
async fn create_webhook<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::WebhookEndpointCreate>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = create_webhook_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .create_webhook(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::CreateWebhookResponse::Status201_TheEndpointAndItsSigningSecret(body) => {
                let mut response = Response::builder();
                let mut response = response.status(201);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::CreateWebhookResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn delete_user_validation(
    path_params: models::DeleteUserPathParams,
) -> std::result::Result<(models::DeleteUserPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// DeleteUser - DELETE /api/v1/admin/users/{id}
#[tracing::instrument(skip_all)]
async fn delete_user<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::DeleteUserPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = delete_user_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .delete_user(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::DeleteUserResponse::Status204_TheAccountWasDeleted => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::admin::DeleteUserResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteUserResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn delete_webhook_validation(
    path_params: models::DeleteWebhookPathParams,
) -> std::result::Result<(models::DeleteWebhookPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// DeleteWebhook - DELETE /api/v1/admin/webhooks/{id}
#[tracing::instrument(skip_all)]
async fn delete_webhook<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::DeleteWebhookPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = delete_webhook_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .delete_webhook(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::DeleteWebhookResponse::Status204_Removed => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::admin::DeleteWebhookResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteWebhookResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteWebhookResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteWebhookResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteWebhookResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteWebhookResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteWebhookResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::DeleteWebhookResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_runtime_settings_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetRuntimeSettings - GET /api/v1/admin/settings
#[tracing::instrument(skip_all)]
async fn get_runtime_settings<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = get_runtime_settings_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .get_runtime_settings(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::GetRuntimeSettingsResponse::Status200_TheSettingsInForce(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetRuntimeSettingsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetRuntimeSettingsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetRuntimeSettingsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetRuntimeSettingsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetRuntimeSettingsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetRuntimeSettingsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetRuntimeSettingsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_user_validation(
    path_params: models::GetUserPathParams,
) -> std::result::Result<(models::GetUserPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// GetUser - GET /api/v1/admin/users/{id}
#[tracing::instrument(skip_all)]
async fn get_user<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::GetUserPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = get_user_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .get_user(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::GetUserResponse::Status200_TheAccount(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_user_consents_validation(
    path_params: models::GetUserConsentsPathParams,
) -> std::result::Result<(models::GetUserConsentsPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// GetUserConsents - GET /api/v1/admin/users/{id}/consents
#[tracing::instrument(skip_all)]
async fn get_user_consents<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::GetUserConsentsPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = get_user_consents_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .get_user_consents(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::GetUserConsentsResponse::Status200_TheConsentsAndTheirHistory(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetUserConsentsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_webhook_validation(
    path_params: models::GetWebhookPathParams,
) -> std::result::Result<(models::GetWebhookPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// GetWebhook - GET /api/v1/admin/webhooks/{id}
#[tracing::instrument(skip_all)]
async fn get_webhook<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::GetWebhookPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = get_webhook_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .get_webhook(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::GetWebhookResponse::Status200_TheEndpoint(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::GetWebhookResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_audit_log_validation(
    query_params: models::ListAuditLogQueryParams,
) -> std::result::Result<(models::ListAuditLogQueryParams,), ValidationErrors> {
    query_params.validate()?;

    Ok((query_params,))
}
/// ListAuditLog - GET /api/v1/admin/audit-log
#[tracing::instrument(skip_all)]
async fn list_audit_log<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    QueryExtra(query_params): QueryExtra<models::ListAuditLogQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_audit_log_validation(query_params);

    let Ok((query_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_audit_log(&method, &host, &cookies, &claims, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::ListAuditLogResponse::Status200_APageOfEvents(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListAuditLogResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListAuditLogResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListAuditLogResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListAuditLogResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListAuditLogResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListAuditLogResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListAuditLogResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_outbox_validation(
    query_params: models::ListOutboxQueryParams,
) -> std::result::Result<(models::ListOutboxQueryParams,), ValidationErrors> {
    query_params.validate()?;

    Ok((query_params,))
}
/// ListOutbox - GET /api/v1/admin/outbox
#[tracing::instrument(skip_all)]
async fn list_outbox<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    QueryExtra(query_params): QueryExtra<models::ListOutboxQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_outbox_validation(query_params);

    let Ok((query_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_outbox(&method, &host, &cookies, &claims, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::ListOutboxResponse::Status200_APageOfMessages(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListOutboxResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListOutboxResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListOutboxResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListOutboxResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListOutboxResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListOutboxResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListOutboxResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_user_data_requests_validation(
    path_params: models::ListUserDataRequestsPathParams,
) -> std::result::Result<(models::ListUserDataRequestsPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// ListUserDataRequests - GET /api/v1/admin/users/{id}/data-requests
#[tracing::instrument(skip_all)]
async fn list_user_data_requests<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::ListUserDataRequestsPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_user_data_requests_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_user_data_requests(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::ListUserDataRequestsResponse::Status200_TheRequests(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUserDataRequestsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_users_validation(
    query_params: models::ListUsersQueryParams,
) -> std::result::Result<(models::ListUsersQueryParams,), ValidationErrors> {
    query_params.validate()?;

    Ok((query_params,))
}
/// ListUsers - GET /api/v1/admin/users
#[tracing::instrument(skip_all)]
async fn list_users<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    QueryExtra(query_params): QueryExtra<models::ListUsersQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_users_validation(query_params);

    let Ok((query_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_users(&method, &host, &cookies, &claims, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::ListUsersResponse::Status200_APageOfAccounts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUsersResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUsersResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUsersResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUsersResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUsersResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUsersResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListUsersResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_webhook_deliveries_validation(
    path_params: models::ListWebhookDeliveriesPathParams,
    query_params: models::ListWebhookDeliveriesQueryParams,
) -> std::result::Result<
    (
        models::ListWebhookDeliveriesPathParams,
        models::ListWebhookDeliveriesQueryParams,
    ),
    ValidationErrors,
> {
    path_params.validate()?;
    query_params.validate()?;

    Ok((path_params, query_params))
}
/// ListWebhookDeliveries - GET /api/v1/admin/webhooks/{id}/deliveries
#[tracing::instrument(skip_all)]
async fn list_webhook_deliveries<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::ListWebhookDeliveriesPathParams>,
    QueryExtra(query_params): QueryExtra<models::ListWebhookDeliveriesQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_webhook_deliveries_validation(path_params, query_params);

    let Ok((path_params, query_params)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_webhook_deliveries(&method, &host, &cookies, &claims, &path_params, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::ListWebhookDeliveriesResponse::Status200_APageOfDeliveries(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhookDeliveriesResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_webhooks_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// ListWebhooks - GET /api/v1/admin/webhooks
#[tracing::instrument(skip_all)]
async fn list_webhooks<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_webhooks_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().list_webhooks(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::ListWebhooksResponse::Status200_TheEndpoints(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhooksResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhooksResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhooksResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhooksResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhooksResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhooksResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ListWebhooksResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn logout_user_validation(
    path_params: models::LogoutUserPathParams,
) -> std::result::Result<(models::LogoutUserPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// LogoutUser - POST /api/v1/admin/users/{id}/logout-all
#[tracing::instrument(skip_all)]
async fn logout_user<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::LogoutUserPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = logout_user_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .logout_user(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::LogoutUserResponse::Status200_TheSessionsWereRevoked(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::LogoutUserResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn reset_user_mfa_validation(
    path_params: models::ResetUserMfaPathParams,
) -> std::result::Result<(models::ResetUserMfaPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// ResetUserMfa - DELETE /api/v1/admin/users/{id}/mfa
#[tracing::instrument(skip_all)]
async fn reset_user_mfa<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::ResetUserMfaPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = reset_user_mfa_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .reset_user_mfa(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::ResetUserMfaResponse::Status204_TheFactorsWereRemoved => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::admin::ResetUserMfaResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ResetUserMfaResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ResetUserMfaResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ResetUserMfaResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ResetUserMfaResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ResetUserMfaResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ResetUserMfaResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::ResetUserMfaResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn restore_user_validation(
    path_params: models::RestoreUserPathParams,
) -> std::result::Result<(models::RestoreUserPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// RestoreUser - POST /api/v1/admin/users/{id}/restore
#[tracing::instrument(skip_all)]
async fn restore_user<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::RestoreUserPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = restore_user_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .restore_user(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::RestoreUserResponse::Status200_TheRestoredAccount(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RestoreUserResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn retry_outbox_message_validation(
    path_params: models::RetryOutboxMessagePathParams,
) -> std::result::Result<(models::RetryOutboxMessagePathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// RetryOutboxMessage - POST /api/v1/admin/outbox/{id}/retry
#[tracing::instrument(skip_all)]
async fn retry_outbox_message<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::RetryOutboxMessagePathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = retry_outbox_message_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .retry_outbox_message(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::RetryOutboxMessageResponse::Status200_TheMessage(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryOutboxMessageResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn retry_webhook_delivery_validation(
    path_params: models::RetryWebhookDeliveryPathParams,
) -> std::result::Result<(models::RetryWebhookDeliveryPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// RetryWebhookDelivery - POST /api/v1/admin/webhooks/{id}/deliveries/{delivery_id}/retry
#[tracing::instrument(skip_all)]
async fn retry_webhook_delivery<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::RetryWebhookDeliveryPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = retry_webhook_delivery_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .retry_webhook_delivery(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::RetryWebhookDeliveryResponse::Status200_TheDelivery(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RetryWebhookDeliveryResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RotateWebhookSecretBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::WebhookRotation,
}

#[tracing::instrument(skip_all)]
fn rotate_webhook_secret_validation(
    path_params: models::RotateWebhookSecretPathParams,
    body: models::WebhookRotation,
) -> std::result::Result<(models::RotateWebhookSecretPathParams, models::WebhookRotation), ValidationErrors> {
    path_params.validate()?;
    let b = RotateWebhookSecretBodyValidator { body: &body };
    b.validate()?;

    Ok((path_params, body))
}
/// RotateWebhookSecret - POST /api/v1/admin/webhooks/{id}/rotate-secret
#[tracing::instrument(skip_all)]
async fn rotate_webhook_secret<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::RotateWebhookSecretPathParams>,
    State(api_impl): State<I>,
    Json(body): Json<models::WebhookRotation>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = rotate_webhook_secret_validation(path_params, body);

    let Ok((path_params, body)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .rotate_webhook_secret(&method, &host, &cookies, &claims, &path_params, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::RotateWebhookSecretResponse::Status200_TheEndpointAndItsNewSecret(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::RotateWebhookSecretResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn send_test_webhook_validation(
    path_params: models::SendTestWebhookPathParams,
) -> std::result::Result<(models::SendTestWebhookPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// SendTestWebhook - POST /api/v1/admin/webhooks/{id}/test
#[tracing::instrument(skip_all)]
async fn send_test_webhook<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::SendTestWebhookPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = send_test_webhook_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .send_test_webhook(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::SendTestWebhookResponse::Status202_TheDelivery(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::SendTestWebhookResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct UpdateRuntimeSettingsBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::RuntimeSettingsUpdate,
}

#[tracing::instrument(skip_all)]
fn update_runtime_settings_validation(
    body: models::RuntimeSettingsUpdate,
) -> std::result::Result<(models::RuntimeSettingsUpdate,), ValidationErrors> {
    let b = UpdateRuntimeSettingsBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// UpdateRuntimeSettings - PATCH /api/v1/admin/settings
#[tracing::instrument(skip_all)]
async fn update_runtime_settings<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::RuntimeSettingsUpdate>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = update_runtime_settings_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .update_runtime_settings(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::UpdateRuntimeSettingsResponse::Status200_TheSettingsNowInForce(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateRuntimeSettingsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct UpdateUserBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::AdminUserUpdate,
}

#[tracing::instrument(skip_all)]
fn update_user_validation(
    path_params: models::UpdateUserPathParams,
    body: models::AdminUserUpdate,
) -> std::result::Result<(models::UpdateUserPathParams, models::AdminUserUpdate), ValidationErrors> {
    path_params.validate()?;
    let b = UpdateUserBodyValidator { body: &body };
    b.validate()?;

    Ok((path_params, body))
}
/// UpdateUser - PATCH /api/v1/admin/users/{id}
#[tracing::instrument(skip_all)]
async fn update_user<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::UpdateUserPathParams>,
    State(api_impl): State<I>,
    Json(body): Json<models::AdminUserUpdate>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = update_user_validation(path_params, body);

    let Ok((path_params, body)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .update_user(&method, &host, &cookies, &claims, &path_params, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::UpdateUserResponse::Status200_TheUpdatedAccount(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateUserResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct UpdateWebhookBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::WebhookEndpointUpdate,
}

#[tracing::instrument(skip_all)]
fn update_webhook_validation(
    path_params: models::UpdateWebhookPathParams,
    body: models::WebhookEndpointUpdate,
) -> std::result::Result<(models::UpdateWebhookPathParams, models::WebhookEndpointUpdate), ValidationErrors> {
    path_params.validate()?;
    let b = UpdateWebhookBodyValidator { body: &body };
    b.validate()?;

    Ok((path_params, body))
}
/// UpdateWebhook - PATCH /api/v1/admin/webhooks/{id}
#[tracing::instrument(skip_all)]
async fn update_webhook<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::UpdateWebhookPathParams>,
    State(api_impl): State<I>,
    Json(body): Json<models::WebhookEndpointUpdate>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::admin::Admin<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = update_webhook_validation(path_params, body);

    let Ok((path_params, body)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .update_webhook(&method, &host, &cookies, &claims, &path_params, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::admin::UpdateWebhookResponse::Status200_TheEndpointAsChanged(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::admin::UpdateWebhookResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ChangePasswordBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::PasswordChangeRequest,
}

#[tracing::instrument(skip_all)]
fn change_password_validation(
    body: models::PasswordChangeRequest,
) -> std::result::Result<(models::PasswordChangeRequest,), ValidationErrors> {
    let b = ChangePasswordBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ChangePassword - POST /api/v1/auth/password/change
#[tracing::instrument(skip_all)]
async fn change_password<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::PasswordChangeRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = change_password_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .change_password(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::ChangePasswordResponse::Status204_ThePasswordWasChanged => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::auth::ChangePasswordResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ChangePasswordResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ChangePasswordResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ChangePasswordResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ChangePasswordResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ChangePasswordResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ChangePasswordResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ChangePasswordResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ConfirmPasswordResetBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::PasswordResetConfirmRequest,
}

#[tracing::instrument(skip_all)]
fn confirm_password_reset_validation(
    body: models::PasswordResetConfirmRequest,
) -> std::result::Result<(models::PasswordResetConfirmRequest,), ValidationErrors> {
    let b = ConfirmPasswordResetBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ConfirmPasswordReset - POST /api/v1/auth/password/reset/confirm
#[tracing::instrument(skip_all)]
async fn confirm_password_reset<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::PasswordResetConfirmRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = confirm_password_reset_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .confirm_password_reset(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::ConfirmPasswordResetResponse::Status204_ThePasswordWasChanged => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::auth::ConfirmPasswordResetResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ConfirmPasswordResetResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ConfirmPasswordResetResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ConfirmPasswordResetResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ConfirmPasswordResetResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ConfirmPasswordResetResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ConfirmPasswordResetResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct LoginBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::LoginRequest,
}

#[tracing::instrument(skip_all)]
fn login_validation(body: models::LoginRequest) -> std::result::Result<(models::LoginRequest,), ValidationErrors> {
    let b = LoginBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// Login - POST /api/v1/auth/login
#[tracing::instrument(skip_all)]
async fn login<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::LoginRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = login_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().login(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::LoginResponse::Status200_LoggedIn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status202_ThePasswordIsRight { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LoginResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn logout_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// Logout - POST /api/v1/auth/logout
#[tracing::instrument(skip_all)]
async fn logout<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = logout_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().logout(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::LogoutResponse::Status204_LoggedOut => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::auth::LogoutResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn logout_all_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// LogoutAll - POST /api/v1/auth/logout-all
#[tracing::instrument(skip_all)]
async fn logout_all<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = logout_all_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().logout_all(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::LogoutAllResponse::Status204_EverySessionWasRevoked => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::auth::LogoutAllResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutAllResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutAllResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutAllResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutAllResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutAllResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::LogoutAllResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RefreshTokenBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::RefreshRequest,
}

#[tracing::instrument(skip_all)]
fn refresh_token_validation(
    body: models::RefreshRequest,
) -> std::result::Result<(models::RefreshRequest,), ValidationErrors> {
    let b = RefreshTokenBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// RefreshToken - POST /api/v1/auth/token/refresh
#[tracing::instrument(skip_all)]
async fn refresh_token<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::RefreshRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = refresh_token_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().refresh_token(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::RefreshTokenResponse::Status200_NewTokens { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RefreshTokenResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RegisterBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::RegisterRequest,
}

#[tracing::instrument(skip_all)]
fn register_validation(
    body: models::RegisterRequest,
) -> std::result::Result<(models::RegisterRequest,), ValidationErrors> {
    let b = RegisterBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// Register - POST /api/v1/auth/register
#[tracing::instrument(skip_all)]
async fn register<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::RegisterRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = register_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().register(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::RegisterResponse::Status202_Accepted(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RegisterResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RegisterResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RegisterResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RegisterResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RegisterResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RegisterResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RegisterResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RequestPasswordResetBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::EmailRequest,
}

#[tracing::instrument(skip_all)]
fn request_password_reset_validation(
    body: models::EmailRequest,
) -> std::result::Result<(models::EmailRequest,), ValidationErrors> {
    let b = RequestPasswordResetBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// RequestPasswordReset - POST /api/v1/auth/password/reset
#[tracing::instrument(skip_all)]
async fn request_password_reset<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::EmailRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = request_password_reset_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .request_password_reset(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::RequestPasswordResetResponse::Status202_Accepted(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RequestPasswordResetResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RequestPasswordResetResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RequestPasswordResetResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RequestPasswordResetResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RequestPasswordResetResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RequestPasswordResetResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::RequestPasswordResetResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ResendVerificationBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::EmailRequest,
}

#[tracing::instrument(skip_all)]
fn resend_verification_validation(
    body: models::EmailRequest,
) -> std::result::Result<(models::EmailRequest,), ValidationErrors> {
    let b = ResendVerificationBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ResendVerification - POST /api/v1/auth/email/resend
#[tracing::instrument(skip_all)]
async fn resend_verification<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::EmailRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = resend_verification_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .resend_verification(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::ResendVerificationResponse::Status202_Accepted(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ResendVerificationResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ResendVerificationResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ResendVerificationResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ResendVerificationResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ResendVerificationResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ResendVerificationResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::ResendVerificationResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct VerifyEmailBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::TokenRequest,
}

#[tracing::instrument(skip_all)]
fn verify_email_validation(
    body: models::TokenRequest,
) -> std::result::Result<(models::TokenRequest,), ValidationErrors> {
    let b = VerifyEmailBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// VerifyEmail - POST /api/v1/auth/email/verify
#[tracing::instrument(skip_all)]
async fn verify_email<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::TokenRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::auth::Auth<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = verify_email_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().verify_email(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::auth::VerifyEmailResponse::Status200_TheAddressIsVerified(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::VerifyEmailResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::VerifyEmailResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::VerifyEmailResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::VerifyEmailResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::VerifyEmailResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::VerifyEmailResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::auth::VerifyEmailResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct CompleteMfaLoginBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::MfaLoginRequest,
}

#[tracing::instrument(skip_all)]
fn complete_mfa_login_validation(
    body: models::MfaLoginRequest,
) -> std::result::Result<(models::MfaLoginRequest,), ValidationErrors> {
    let b = CompleteMfaLoginBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// CompleteMfaLogin - POST /api/v1/auth/login/mfa
#[tracing::instrument(skip_all)]
async fn complete_mfa_login<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::MfaLoginRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = complete_mfa_login_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .complete_mfa_login(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::CompleteMfaLoginResponse::Status200_LoggedIn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::CompleteMfaLoginResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ConfirmTotpEnrollmentBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::TotpConfirmRequest,
}

#[tracing::instrument(skip_all)]
fn confirm_totp_enrollment_validation(
    body: models::TotpConfirmRequest,
) -> std::result::Result<(models::TotpConfirmRequest,), ValidationErrors> {
    let b = ConfirmTotpEnrollmentBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ConfirmTotpEnrollment - POST /api/v1/users/me/mfa/totp/confirm
#[tracing::instrument(skip_all)]
async fn confirm_totp_enrollment<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::TotpConfirmRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = confirm_totp_enrollment_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .confirm_totp_enrollment(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::ConfirmTotpEnrollmentResponse::Status200_TOTPIsOn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ConfirmTotpEnrollmentResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn delete_passkey_validation(
    path_params: models::DeletePasskeyPathParams,
) -> std::result::Result<(models::DeletePasskeyPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// DeletePasskey - DELETE /api/v1/users/me/passkeys/{id}
#[tracing::instrument(skip_all)]
async fn delete_passkey<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::DeletePasskeyPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = delete_passkey_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .delete_passkey(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::DeletePasskeyResponse::Status204_ThePasskeyIsRemoved => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::mfa::DeletePasskeyResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::DeletePasskeyResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::DeletePasskeyResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::DeletePasskeyResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::DeletePasskeyResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::DeletePasskeyResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::DeletePasskeyResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::DeletePasskeyResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_mfa_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetMfa - GET /api/v1/users/me/mfa
#[tracing::instrument(skip_all)]
async fn get_mfa<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = get_mfa_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().get_mfa(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::GetMfaResponse::Status200_TheFactors(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::GetMfaResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::GetMfaResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::GetMfaResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::GetMfaResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::GetMfaResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::GetMfaResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_passkeys_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// ListPasskeys - GET /api/v1/users/me/passkeys
#[tracing::instrument(skip_all)]
async fn list_passkeys<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_passkeys_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().list_passkeys(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::ListPasskeysResponse::Status200_ThePasskeys(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ListPasskeysResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ListPasskeysResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ListPasskeysResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ListPasskeysResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ListPasskeysResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ListPasskeysResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ReauthenticateBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::ReauthenticateRequest,
}

#[tracing::instrument(skip_all)]
fn reauthenticate_validation(
    body: models::ReauthenticateRequest,
) -> std::result::Result<(models::ReauthenticateRequest,), ValidationErrors> {
    let b = ReauthenticateBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// Reauthenticate - POST /api/v1/auth/reauthenticate
#[tracing::instrument(skip_all)]
async fn reauthenticate<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::ReauthenticateRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = reauthenticate_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .reauthenticate(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::ReauthenticateResponse::Status200_AuthenticatedAgain { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::ReauthenticateResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn regenerate_recovery_codes_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// RegenerateRecoveryCodes - POST /api/v1/users/me/mfa/recovery-codes
#[tracing::instrument(skip_all)]
async fn regenerate_recovery_codes<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = regenerate_recovery_codes_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .regenerate_recovery_codes(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::RegenerateRecoveryCodesResponse::Status200_TheNewRecoveryCodes { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegenerateRecoveryCodesResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RegisterPasskeyBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::PasskeyRegistrationRequest,
}

#[tracing::instrument(skip_all)]
fn register_passkey_validation(
    body: models::PasskeyRegistrationRequest,
) -> std::result::Result<(models::PasskeyRegistrationRequest,), ValidationErrors> {
    let b = RegisterPasskeyBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// RegisterPasskey - POST /api/v1/users/me/passkeys
#[tracing::instrument(skip_all)]
async fn register_passkey<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::PasskeyRegistrationRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = register_passkey_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .register_passkey(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::RegisterPasskeyResponse::Status201_ThePasskeyIsStored { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(201);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RegisterPasskeyResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn remove_totp_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// RemoveTotp - DELETE /api/v1/users/me/mfa/totp
#[tracing::instrument(skip_all)]
async fn remove_totp<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = remove_totp_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().remove_totp(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::RemoveTotpResponse::Status204_TOTPIsOff => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::mfa::RemoveTotpResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RemoveTotpResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RemoveTotpResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RemoveTotpResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RemoveTotpResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RemoveTotpResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RemoveTotpResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RemoveTotpResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RenamePasskeyBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::PasskeyRename,
}

#[tracing::instrument(skip_all)]
fn rename_passkey_validation(
    path_params: models::RenamePasskeyPathParams,
    body: models::PasskeyRename,
) -> std::result::Result<(models::RenamePasskeyPathParams, models::PasskeyRename), ValidationErrors> {
    path_params.validate()?;
    let b = RenamePasskeyBodyValidator { body: &body };
    b.validate()?;

    Ok((path_params, body))
}
/// RenamePasskey - PATCH /api/v1/users/me/passkeys/{id}
#[tracing::instrument(skip_all)]
async fn rename_passkey<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::RenamePasskeyPathParams>,
    State(api_impl): State<I>,
    Json(body): Json<models::PasskeyRename>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = rename_passkey_validation(path_params, body);

    let Ok((path_params, body)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .rename_passkey(&method, &host, &cookies, &claims, &path_params, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::RenamePasskeyResponse::Status200_TheRenamedPasskey(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::RenamePasskeyResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn start_passkey_reauthentication_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// StartPasskeyReauthentication - POST /api/v1/auth/reauthenticate/options
#[tracing::instrument(skip_all)]
async fn start_passkey_reauthentication<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = start_passkey_reauthentication_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .start_passkey_reauthentication(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::StartPasskeyReauthenticationResponse::Status200_TheRequestOptions { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(
                body,
            ) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyReauthenticationResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn start_passkey_registration_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// StartPasskeyRegistration - POST /api/v1/users/me/passkeys/options
#[tracing::instrument(skip_all)]
async fn start_passkey_registration<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = start_passkey_registration_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .start_passkey_registration(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::StartPasskeyRegistrationResponse::Status200_TheCreationOptions { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeyRegistrationResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct StartPasskeySignInBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::PasskeyOptionsRequest,
}

#[tracing::instrument(skip_all)]
fn start_passkey_sign_in_validation(
    body: models::PasskeyOptionsRequest,
) -> std::result::Result<(models::PasskeyOptionsRequest,), ValidationErrors> {
    let b = StartPasskeySignInBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// StartPasskeySignIn - POST /api/v1/auth/passkey/options
#[tracing::instrument(skip_all)]
async fn start_passkey_sign_in<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::PasskeyOptionsRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = start_passkey_sign_in_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .start_passkey_sign_in(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::StartPasskeySignInResponse::Status200_TheRequestOptionsAndTheirCeremony {
                body,
                cache_control,
            } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartPasskeySignInResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn start_totp_enrollment_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// StartTotpEnrollment - POST /api/v1/users/me/mfa/totp
#[tracing::instrument(skip_all)]
async fn start_totp_enrollment<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = start_totp_enrollment_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .start_totp_enrollment(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::StartTotpEnrollmentResponse::Status200_TheSecretToPutInTheAuthenticatorApp {
                body,
                cache_control,
            } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::StartTotpEnrollmentResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct VerifyPasskeyBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::PasskeyVerifyRequest,
}

#[tracing::instrument(skip_all)]
fn verify_passkey_validation(
    body: models::PasskeyVerifyRequest,
) -> std::result::Result<(models::PasskeyVerifyRequest,), ValidationErrors> {
    let b = VerifyPasskeyBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// VerifyPasskey - POST /api/v1/auth/passkey/verify
#[tracing::instrument(skip_all)]
async fn verify_passkey<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::PasskeyVerifyRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::mfa::Mfa<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = verify_passkey_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().verify_passkey(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::mfa::VerifyPasskeyResponse::Status200_LoggedIn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::mfa::VerifyPasskeyResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_jwks_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetJwks - GET /.well-known/jwks.json
#[tracing::instrument(skip_all)]
async fn get_jwks<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = get_jwks_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().get_jwks(&method, &host, &cookies).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::GetJwksResponse::Status200_TheKeySet { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetJwksResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetJwksResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetJwksResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetJwksResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_metrics_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetMetrics - GET /metrics
#[tracing::instrument(skip_all)]
async fn get_metrics<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = get_metrics_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().get_metrics(&method, &host, &cookies).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::GetMetricsResponse::Status200_TheMetrics(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                }

                let body_content = body;
                response.body(Body::from(body_content))
            }
            apis::ops::GetMetricsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetMetricsResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetMetricsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetMetricsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetMetricsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_redoc_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetRedoc - GET /api/redoc
#[tracing::instrument(skip_all)]
async fn get_redoc<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = get_redoc_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().get_redoc(&method, &host, &cookies).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::GetRedocResponse::Status200_AnHTMLPage(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
                }

                let body_content = body;
                response.body(Body::from(body_content))
            }
            apis::ops::GetRedocResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetRedocResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetRedocResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetRedocResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_schema_validation(
    query_params: models::GetSchemaQueryParams,
) -> std::result::Result<(models::GetSchemaQueryParams,), ValidationErrors> {
    query_params.validate()?;

    Ok((query_params,))
}
/// GetSchema - GET /api/schema
#[tracing::instrument(skip_all)]
async fn get_schema<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    QueryExtra(query_params): QueryExtra<models::GetSchemaQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = get_schema_validation(query_params);

    let Ok((query_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .get_schema(&method, &host, &cookies, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::GetSchemaResponse::Status200_TheOpenAPIDocument(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/yaml"));
                }

                let body_content = body;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSchemaResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSchemaResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSchemaResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSchemaResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_swagger_ui_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetSwaggerUi - GET /api/docs
#[tracing::instrument(skip_all)]
async fn get_swagger_ui<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = get_swagger_ui_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().get_swagger_ui(&method, &host, &cookies).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::GetSwaggerUiResponse::Status200_AnHTMLPage(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
                }

                let body_content = body;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSwaggerUiResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSwaggerUiResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSwaggerUiResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::GetSwaggerUiResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn healthz_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// Healthz - GET /healthz
#[tracing::instrument(skip_all)]
async fn healthz<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = healthz_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().healthz(&method, &host, &cookies).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::HealthzResponse::Status200_TheProcessIsAlive(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::HealthzResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::HealthzResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::HealthzResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::HealthzResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn readyz_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// Readyz - GET /readyz
#[tracing::instrument(skip_all)]
async fn readyz<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = readyz_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().readyz(&method, &host, &cookies).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::ReadyzResponse::Status200_ReadyToServe(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::ReadyzResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::ReadyzResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::ReadyzResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::ReadyzResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::ReadyzResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn run_cleanup_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// RunCleanup - POST /api/v1/cron/cleanup
#[tracing::instrument(skip_all)]
async fn run_cleanup<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::ops::Ops<E, Claims = C> + apis::ApiKeyAuthHeader<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-Cron-Secret")
        .await;
    let claims = None.or(claims_in_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = run_cleanup_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().run_cleanup(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::ops::RunCleanupResponse::Status200_TheJobRan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::RunCleanupResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::RunCleanupResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::RunCleanupResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::RunCleanupResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::RunCleanupResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::RunCleanupResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::ops::RunCleanupResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct LoginWithOtpBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::LoginOtpRequest,
}

#[tracing::instrument(skip_all)]
fn login_with_otp_validation(
    body: models::LoginOtpRequest,
) -> std::result::Result<(models::LoginOtpRequest,), ValidationErrors> {
    let b = LoginWithOtpBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// LoginWithOtp - POST /api/v1/auth/login/otp
#[tracing::instrument(skip_all)]
async fn login_with_otp<I, A, E>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::LoginOtpRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::otp::Otp<E> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = login_with_otp_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().login_with_otp(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::otp::LoginWithOtpResponse::Status200_LoggedIn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::LoginWithOtpResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RequestOtpBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::EmailRequest,
}

#[tracing::instrument(skip_all)]
fn request_otp_validation(
    body: models::EmailRequest,
) -> std::result::Result<(models::EmailRequest,), ValidationErrors> {
    let b = RequestOtpBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// RequestOtp - POST /api/v1/auth/otp/request
#[tracing::instrument(skip_all)]
async fn request_otp<I, A, E>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::EmailRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::otp::Otp<E> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = request_otp_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().request_otp(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::otp::RequestOtpResponse::Status202_Accepted(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::RequestOtpResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::RequestOtpResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::RequestOtpResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::RequestOtpResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::RequestOtpResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::RequestOtpResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::RequestOtpResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ResendOtpBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::OtpResendRequest,
}

#[tracing::instrument(skip_all)]
fn resend_otp_validation(
    body: models::OtpResendRequest,
) -> std::result::Result<(models::OtpResendRequest,), ValidationErrors> {
    let b = ResendOtpBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ResendOtp - POST /api/v1/auth/otp/resend
#[tracing::instrument(skip_all)]
async fn resend_otp<I, A, E>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::OtpResendRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::otp::Otp<E> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = resend_otp_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().resend_otp(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::otp::ResendOtpResponse::Status202_Accepted(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::ResendOtpResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::ResendOtpResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::ResendOtpResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::ResendOtpResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::ResendOtpResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::ResendOtpResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::ResendOtpResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct VerifyOtpBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::OtpVerifyRequest,
}

#[tracing::instrument(skip_all)]
fn verify_otp_validation(
    body: models::OtpVerifyRequest,
) -> std::result::Result<(models::OtpVerifyRequest,), ValidationErrors> {
    let b = VerifyOtpBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// VerifyOtp - POST /api/v1/auth/otp/verify
#[tracing::instrument(skip_all)]
async fn verify_otp<I, A, E>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::OtpVerifyRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::otp::Otp<E> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = verify_otp_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().verify_otp(&method, &host, &cookies, &body).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::otp::VerifyOtpResponse::Status200_LoggedIn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status202_TheAccountHasASecondFactor { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::otp::VerifyOtpResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct CancelAccountDeletionBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::TokenRequest,
}

#[tracing::instrument(skip_all)]
fn cancel_account_deletion_validation(
    body: models::TokenRequest,
) -> std::result::Result<(models::TokenRequest,), ValidationErrors> {
    let b = CancelAccountDeletionBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// CancelAccountDeletion - POST /api/v1/auth/deletion/cancel
#[tracing::instrument(skip_all)]
async fn cancel_account_deletion<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::TokenRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = cancel_account_deletion_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .cancel_account_deletion(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::CancelAccountDeletionResponse::Status200_TheDeletionIsCancelled(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelAccountDeletionResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelAccountDeletionResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelAccountDeletionResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(
                body,
            ) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelAccountDeletionResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelAccountDeletionResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelAccountDeletionResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelAccountDeletionResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn cancel_my_data_request_validation(
    path_params: models::CancelMyDataRequestPathParams,
) -> std::result::Result<(models::CancelMyDataRequestPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// CancelMyDataRequest - POST /api/v1/users/me/data-requests/{id}/cancel
#[tracing::instrument(skip_all)]
async fn cancel_my_data_request<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::CancelMyDataRequestPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = cancel_my_data_request_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .cancel_my_data_request(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::CancelMyDataRequestResponse::Status200_TheCancelledRequest(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CancelMyDataRequestResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ChangeEmailBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::EmailChangeRequest,
}

#[tracing::instrument(skip_all)]
fn change_email_validation(
    body: models::EmailChangeRequest,
) -> std::result::Result<(models::EmailChangeRequest,), ValidationErrors> {
    let b = ChangeEmailBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ChangeEmail - POST /api/v1/users/me/email
#[tracing::instrument(skip_all)]
async fn change_email<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::EmailChangeRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = change_email_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .change_email(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::ChangeEmailResponse::Status202_Accepted(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ChangeEmailResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ConfirmEmailChangeBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::TokenRequest,
}

#[tracing::instrument(skip_all)]
fn confirm_email_change_validation(
    body: models::TokenRequest,
) -> std::result::Result<(models::TokenRequest,), ValidationErrors> {
    let b = ConfirmEmailChangeBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ConfirmEmailChange - POST /api/v1/auth/email/change/confirm
#[tracing::instrument(skip_all)]
async fn confirm_email_change<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::TokenRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = confirm_email_change_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .confirm_email_change(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::ConfirmEmailChangeResponse::Status200_TheAddressIsChangedAndVerified(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ConfirmEmailChangeResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct CreateDataRequestBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::DataRequestCreate,
}

#[tracing::instrument(skip_all)]
fn create_data_request_validation(
    body: models::DataRequestCreate,
) -> std::result::Result<(models::DataRequestCreate,), ValidationErrors> {
    let b = CreateDataRequestBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// CreateDataRequest - POST /api/v1/users/me/data-requests
#[tracing::instrument(skip_all)]
async fn create_data_request<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::DataRequestCreate>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = create_data_request_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .create_data_request(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::CreateDataRequestResponse::Status202_Accepted(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::CreateDataRequestResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn download_data_export_validation(
    path_params: models::DownloadDataExportPathParams,
) -> std::result::Result<(models::DownloadDataExportPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// DownloadDataExport - GET /api/v1/data-exports/{token}
#[tracing::instrument(skip_all)]
async fn download_data_export<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    Path(path_params): Path<models::DownloadDataExportPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = download_data_export_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .download_data_export(&method, &host, &cookies, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::DownloadDataExportResponse::Status200_TheArchive {
                body,
                content_disposition,
                cache_control,
            } => {
                let mut response = Response::builder();
                if let Some(content_disposition) = content_disposition {
                    let content_disposition = match header::IntoHeaderValue(content_disposition).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling content_disposition header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("content-disposition"), content_disposition);
                }
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/zip"));
                }

                // models::ByteStream holds the body itself: streamed, never buffered.
                response.body(body.0)
            }
            apis::privacy::DownloadDataExportResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::DownloadDataExportResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::DownloadDataExportResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::DownloadDataExportResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::DownloadDataExportResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::DownloadDataExportResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_my_consents_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetMyConsents - GET /api/v1/users/me/consents
#[tracing::instrument(skip_all)]
async fn get_my_consents<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = get_my_consents_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .get_my_consents(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::GetMyConsentsResponse::Status200_OneEntryPerPurpose(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::GetMyConsentsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::GetMyConsentsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::GetMyConsentsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::GetMyConsentsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::GetMyConsentsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::GetMyConsentsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::GetMyConsentsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_my_data_requests_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// ListMyDataRequests - GET /api/v1/users/me/data-requests
#[tracing::instrument(skip_all)]
async fn list_my_data_requests<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_my_data_requests_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_my_data_requests(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::ListMyDataRequestsResponse::Status200_TheRequests(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ListMyDataRequestsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ListMyDataRequestsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ListMyDataRequestsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ListMyDataRequestsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ListMyDataRequestsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ListMyDataRequestsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::ListMyDataRequestsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct RevertEmailChangeBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::TokenRequest,
}

#[tracing::instrument(skip_all)]
fn revert_email_change_validation(
    body: models::TokenRequest,
) -> std::result::Result<(models::TokenRequest,), ValidationErrors> {
    let b = RevertEmailChangeBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// RevertEmailChange - POST /api/v1/auth/email/change/revert
#[tracing::instrument(skip_all)]
async fn revert_email_change<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::TokenRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = revert_email_change_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .revert_email_change(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::RevertEmailChangeResponse::Status200_TheOldAddressIsBackAndEverySessionHasEnded(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::RevertEmailChangeResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct UpdateMyConsentsBodyValidator<'a> {
    #[validate(custom(function = "check_xss_map_nested"))]
    body: &'a std::collections::HashMap<String, models::ConsentChange>,
}

#[tracing::instrument(skip_all)]
fn update_my_consents_validation(
    body: std::collections::HashMap<String, models::ConsentChange>,
) -> std::result::Result<(std::collections::HashMap<String, models::ConsentChange>,), ValidationErrors> {
    let b = UpdateMyConsentsBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// UpdateMyConsents - PUT /api/v1/users/me/consents
#[tracing::instrument(skip_all)]
async fn update_my_consents<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<std::collections::HashMap<String, models::ConsentChange>>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::privacy::Privacy<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = update_my_consents_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .update_my_consents(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::privacy::UpdateMyConsentsResponse::Status200_EveryPurpose(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::privacy::UpdateMyConsentsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_sessions_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// ListSessions - GET /api/v1/users/me/sessions
#[tracing::instrument(skip_all)]
async fn list_sessions<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::sessions::Sessions<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_sessions_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().list_sessions(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::sessions::ListSessionsResponse::Status200_TheLiveSessions(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::ListSessionsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::ListSessionsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::ListSessionsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::ListSessionsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::ListSessionsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::ListSessionsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::ListSessionsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn revoke_other_sessions_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// RevokeOtherSessions - POST /api/v1/users/me/sessions/revoke-others
#[tracing::instrument(skip_all)]
async fn revoke_other_sessions<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::sessions::Sessions<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = revoke_other_sessions_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .revoke_other_sessions(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::sessions::RevokeOtherSessionsResponse::Status200_TheOtherSessionsWereRevoked(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeOtherSessionsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeOtherSessionsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeOtherSessionsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeOtherSessionsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeOtherSessionsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeOtherSessionsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeOtherSessionsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn revoke_session_validation(
    path_params: models::RevokeSessionPathParams,
) -> std::result::Result<(models::RevokeSessionPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// RevokeSession - DELETE /api/v1/users/me/sessions/{id}
#[tracing::instrument(skip_all)]
async fn revoke_session<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::RevokeSessionPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::sessions::Sessions<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = revoke_session_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .revoke_session(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::sessions::RevokeSessionResponse::Status204_TheSessionWasRevoked => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::sessions::RevokeSessionResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeSessionResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeSessionResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeSessionResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeSessionResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeSessionResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeSessionResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::sessions::RevokeSessionResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct ExchangeSocialCodeBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::SocialExchangeRequest,
}

#[tracing::instrument(skip_all)]
fn exchange_social_code_validation(
    body: models::SocialExchangeRequest,
) -> std::result::Result<(models::SocialExchangeRequest,), ValidationErrors> {
    let b = ExchangeSocialCodeBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// ExchangeSocialCode - POST /api/v1/auth/social/exchange
#[tracing::instrument(skip_all)]
async fn exchange_social_code<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
    Json(body): Json<models::SocialExchangeRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = exchange_social_code_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .exchange_social_code(&method, &host, &cookies, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::ExchangeSocialCodeResponse::Status200_SignedIn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ExchangeSocialCodeResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn finish_social_login_validation(
    path_params: models::FinishSocialLoginPathParams,
    query_params: models::FinishSocialLoginQueryParams,
) -> std::result::Result<
    (
        models::FinishSocialLoginPathParams,
        models::FinishSocialLoginQueryParams,
    ),
    ValidationErrors,
> {
    path_params.validate()?;
    query_params.validate()?;

    Ok((path_params, query_params))
}
/// FinishSocialLogin - GET /api/v1/auth/social/{provider}/callback
#[tracing::instrument(skip_all)]
async fn finish_social_login<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    Path(path_params): Path<models::FinishSocialLoginPathParams>,
    QueryExtra(query_params): QueryExtra<models::FinishSocialLoginQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = finish_social_login_validation(path_params, query_params);

    let Ok((path_params, query_params)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .finish_social_login(&method, &host, &cookies, &path_params, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::FinishSocialLoginResponse::Status302_ToTheProvider { location } => {
                let mut response = Response::builder();
                if let Some(location) = location {
                    let location = match header::IntoHeaderValue(location).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling location header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("location"), location);
                }
                let mut response = response.status(302);
                response.body(Body::empty())
            }
            apis::social::FinishSocialLoginResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::FinishSocialLoginResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::FinishSocialLoginResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::FinishSocialLoginResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::FinishSocialLoginResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::FinishSocialLoginResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::FinishSocialLoginResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn link_social_account_validation(
    path_params: models::LinkSocialAccountPathParams,
    query_params: models::LinkSocialAccountQueryParams,
) -> std::result::Result<
    (
        models::LinkSocialAccountPathParams,
        models::LinkSocialAccountQueryParams,
    ),
    ValidationErrors,
> {
    path_params.validate()?;
    query_params.validate()?;

    Ok((path_params, query_params))
}
/// LinkSocialAccount - POST /api/v1/users/me/social-accounts/{provider}
#[tracing::instrument(skip_all)]
async fn link_social_account<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::LinkSocialAccountPathParams>,
    QueryExtra(query_params): QueryExtra<models::LinkSocialAccountQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = link_social_account_validation(path_params, query_params);

    let Ok((path_params, query_params)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .link_social_account(&method, &host, &cookies, &claims, &path_params, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::LinkSocialAccountResponse::Status200_WhereToSendTheBrowser { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::LinkSocialAccountResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_social_accounts_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// ListSocialAccounts - GET /api/v1/users/me/social-accounts
#[tracing::instrument(skip_all)]
async fn list_social_accounts<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_social_accounts_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_social_accounts(&method, &host, &cookies, &claims)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::ListSocialAccountsResponse::Status200_TheLinkedProviderAccounts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialAccountsResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialAccountsResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialAccountsResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialAccountsResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialAccountsResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialAccountsResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialAccountsResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_social_providers_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// ListSocialProviders - GET /api/v1/auth/social/providers
#[tracing::instrument(skip_all)]
async fn list_social_providers<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = list_social_providers_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().list_social_providers(&method, &host, &cookies).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::ListSocialProvidersResponse::Status200_TheConfiguredProviders(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialProvidersResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialProvidersResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialProvidersResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::ListSocialProvidersResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct SocialTokenLoginBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::SocialTokenRequest,
}

#[tracing::instrument(skip_all)]
fn social_token_login_validation(
    path_params: models::SocialTokenLoginPathParams,
    body: models::SocialTokenRequest,
) -> std::result::Result<(models::SocialTokenLoginPathParams, models::SocialTokenRequest), ValidationErrors> {
    path_params.validate()?;
    let b = SocialTokenLoginBodyValidator { body: &body };
    b.validate()?;

    Ok((path_params, body))
}
/// SocialTokenLogin - POST /api/v1/auth/social/{provider}/token
#[tracing::instrument(skip_all)]
async fn social_token_login<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    Path(path_params): Path<models::SocialTokenLoginPathParams>,
    State(api_impl): State<I>,
    Json(body): Json<models::SocialTokenRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = social_token_login_validation(path_params, body);

    let Ok((path_params, body)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .social_token_login(&method, &host, &cookies, &path_params, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::SocialTokenLoginResponse::Status200_SignedIn { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status202_TheAccountHasASecondFactor { body, cache_control } => {
                let mut response = Response::builder();
                if let Some(cache_control) = cache_control {
                    let cache_control = match header::IntoHeaderValue(cache_control).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling cache_control header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("cache-control"), cache_control);
                }
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::SocialTokenLoginResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn start_social_login_validation(
    path_params: models::StartSocialLoginPathParams,
    query_params: models::StartSocialLoginQueryParams,
) -> std::result::Result<(models::StartSocialLoginPathParams, models::StartSocialLoginQueryParams), ValidationErrors> {
    path_params.validate()?;
    query_params.validate()?;

    Ok((path_params, query_params))
}
/// StartSocialLogin - GET /api/v1/auth/social/{provider}/authorize
#[tracing::instrument(skip_all)]
async fn start_social_login<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    Path(path_params): Path<models::StartSocialLoginPathParams>,
    QueryExtra(query_params): QueryExtra<models::StartSocialLoginQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    let validation = start_social_login_validation(path_params, query_params);

    let Ok((path_params, query_params)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .start_social_login(&method, &host, &cookies, &path_params, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::StartSocialLoginResponse::Status302_ToTheProvider { location } => {
                let mut response = Response::builder();
                if let Some(location) = location {
                    let location = match header::IntoHeaderValue(location).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling location header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("location"), location);
                }
                let mut response = response.status(302);
                response.body(Body::empty())
            }
            apis::social::StartSocialLoginResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::StartSocialLoginResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::StartSocialLoginResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::StartSocialLoginResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::StartSocialLoginResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::StartSocialLoginResponse::Status429_TooManyRequests {
                body,
                retry_after,
                rate_limit,
                rate_limit_policy,
            } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                if let Some(rate_limit) = rate_limit {
                    let rate_limit = match header::IntoHeaderValue(rate_limit).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit"), rate_limit);
                }
                if let Some(rate_limit_policy) = rate_limit_policy {
                    let rate_limit_policy = match header::IntoHeaderValue(rate_limit_policy).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling rate_limit_policy header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("ratelimit-policy"), rate_limit_policy);
                }
                let mut response = response.status(429);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::StartSocialLoginResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn unlink_social_account_validation(
    path_params: models::UnlinkSocialAccountPathParams,
) -> std::result::Result<(models::UnlinkSocialAccountPathParams,), ValidationErrors> {
    path_params.validate()?;

    Ok((path_params,))
}
/// UnlinkSocialAccount - DELETE /api/v1/users/me/social-accounts/{provider}
#[tracing::instrument(skip_all)]
async fn unlink_social_account<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    Path(path_params): Path<models::UnlinkSocialAccountPathParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::social::Social<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = unlink_social_account_validation(path_params);

    let Ok((path_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .unlink_social_account(&method, &host, &cookies, &claims, &path_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::social::UnlinkSocialAccountResponse::Status204_Unlinked => {
                let mut response = Response::builder();
                let mut response = response.status(204);
                response.body(Body::empty())
            }
            apis::social::UnlinkSocialAccountResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status404_NothingHere(body) => {
                let mut response = Response::builder();
                let mut response = response.status(404);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::social::UnlinkSocialAccountResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct DeleteMeBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::DeleteMeRequest,
}

#[tracing::instrument(skip_all)]
fn delete_me_validation(
    body: models::DeleteMeRequest,
) -> std::result::Result<(models::DeleteMeRequest,), ValidationErrors> {
    let b = DeleteMeBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// DeleteMe - DELETE /api/v1/users/me
#[tracing::instrument(skip_all)]
async fn delete_me<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::DeleteMeRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::users::Users<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = delete_me_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .delete_me(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::users::DeleteMeResponse::Status202_TheDeletionIsScheduled(body) => {
                let mut response = Response::builder();
                let mut response = response.status(202);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status409_TheResourceIsNotInAStateThatAllowsThis(body) => {
                let mut response = Response::builder();
                let mut response = response.status(409);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::DeleteMeResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn get_me_validation() -> std::result::Result<(), ValidationErrors> {
    Ok(())
}
/// GetMe - GET /api/v1/users/me
#[tracing::instrument(skip_all)]
async fn get_me<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::users::Users<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = get_me_validation();

    let Ok(()) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl.as_ref().get_me(&method, &host, &cookies, &claims).await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::users::GetMeResponse::Status200_TheAccount(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::GetMeResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::GetMeResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::GetMeResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::GetMeResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::GetMeResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::GetMeResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[tracing::instrument(skip_all)]
fn list_my_audit_log_validation(
    query_params: models::ListMyAuditLogQueryParams,
) -> std::result::Result<(models::ListMyAuditLogQueryParams,), ValidationErrors> {
    query_params.validate()?;

    Ok((query_params,))
}
/// ListMyAuditLog - GET /api/v1/users/me/audit-log
#[tracing::instrument(skip_all)]
async fn list_my_audit_log<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    QueryExtra(query_params): QueryExtra<models::ListMyAuditLogQueryParams>,
    State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::users::Users<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = list_my_audit_log_validation(query_params);

    let Ok((query_params,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .list_my_audit_log(&method, &host, &cookies, &claims, &query_params)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::users::ListMyAuditLogResponse::Status200_APageOfEvents(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::ListMyAuditLogResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::ListMyAuditLogResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::ListMyAuditLogResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::ListMyAuditLogResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::ListMyAuditLogResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::ListMyAuditLogResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::ListMyAuditLogResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[derive(validator::Validate)]
#[allow(dead_code)]
struct UpdateMeBodyValidator<'a> {
    #[validate(nested)]
    body: &'a models::UpdateMeRequest,
}

#[tracing::instrument(skip_all)]
fn update_me_validation(
    body: models::UpdateMeRequest,
) -> std::result::Result<(models::UpdateMeRequest,), ValidationErrors> {
    let b = UpdateMeBodyValidator { body: &body };
    b.validate()?;

    Ok((body,))
}
/// UpdateMe - PATCH /api/v1/users/me
#[tracing::instrument(skip_all)]
async fn update_me<I, A, E, C>(
    method: Method,
    TypedHeader(host): TypedHeader<Host>,
    cookies: CookieJar,
    headers: HeaderMap,
    State(api_impl): State<I>,
    Json(body): Json<models::UpdateMeRequest>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::users::Users<E, Claims = C>
        + apis::CookieAuthentication<Claims = C>
        + apis::ApiKeyAuthHeader<Claims = C>
        + apis::ApiAuthBasic<Claims = C>
        + Send
        + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
{
    // Authentication
    let claims_in_cookie = api_impl
        .as_ref()
        .extract_claims_from_cookie(&cookies, "gh_access")
        .await;
    let claims_in_header = api_impl
        .as_ref()
        .extract_claims_from_header(&headers, "X-CSRF-Token")
        .await;
    let claims_in_auth_header = api_impl
        .as_ref()
        .extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization")
        .await;
    let claims = None.or(claims_in_cookie).or(claims_in_header).or(claims_in_auth_header);
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    let validation = update_me_validation(body);

    let Ok((body,)) = validation else {
        // Gatehouse: field errors as JSON, turned into problem+json by the server's rejection layer.
        return Response::builder()
            .status(StatusCode::UNPROCESSABLE_ENTITY)
            .header(CONTENT_TYPE, "application/json")
            .header("x-gatehouse-rejection", "validation")
            .body(Body::from(
                serde_json::to_vec(&validation.unwrap_err()).unwrap_or_default(),
            ))
            .map_err(|_| StatusCode::BAD_REQUEST);
    };

    let result = api_impl
        .as_ref()
        .update_me(&method, &host, &cookies, &claims, &body)
        .await;

    let resp = match result {
        Ok(rsp) => match rsp {
            apis::users::UpdateMeResponse::Status200_TheUpdatedAccount(body) => {
                let mut response = Response::builder();
                let mut response = response.status(200);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status400_TheRequestCouldNotBeRead(body) => {
                let mut response = Response::builder();
                let mut response = response.status(400);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status401_Missing { body, www_authenticate } => {
                let mut response = Response::builder();
                if let Some(www_authenticate) = www_authenticate {
                    let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling www_authenticate header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                }
                let mut response = response.status(401);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status403_Refused(body) => {
                let mut response = Response::builder();
                let mut response = response.status(403);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status408_TheRequestTookLongerThan(body) => {
                let mut response = Response::builder();
                let mut response = response.status(408);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status413_TheRequestBodyIsLargerThanTheServerAccepts(body) => {
                let mut response = Response::builder();
                let mut response = response.status(413);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status415_TheBodyIsNotSentAs(body) => {
                let mut response = Response::builder();
                let mut response = response.status(415);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status422_OneOrMoreFieldsAreInvalid(body) => {
                let mut response = Response::builder();
                let mut response = response.status(422);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
            apis::users::UpdateMeResponse::Status503_ADependency { body, retry_after } => {
                let mut response = Response::builder();
                if let Some(retry_after) = retry_after {
                    let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .body(Body::from(format!(
                                    "An internal server error occurred handling retry_after header - {e}"
                                )))
                                .map_err(|e| {
                                    error!(error = ?e);
                                    StatusCode::INTERNAL_SERVER_ERROR
                                });
                        }
                    };

                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(HeaderName::from_static("retry-after"), retry_after);
                }
                let mut response = response.status(503);
                {
                    let mut response_headers = response.headers_mut().unwrap();
                    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
                }

                let body_content = serde_json::to_vec(&body).map_err(|e| {
                    error!(error = ?e);
                    StatusCode::INTERNAL_SERVER_ERROR
                })?;
                response.body(Body::from(body_content))
            }
        },
        Err(why) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
        }
    };

    resp.map_err(|e| {
        error!(error = ?e);
        StatusCode::INTERNAL_SERVER_ERROR
    })
}

#[allow(dead_code)]
#[inline]
fn response_with_status_code_only(code: StatusCode) -> Result<Response, StatusCode> {
    Response::builder().status(code).body(Body::empty()).map_err(|_| code)
}
