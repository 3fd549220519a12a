#![allow(unused_qualifications)]

use http::HeaderValue;
use validator::Validate;

#[cfg(feature = "server")]
use crate::header;
use crate::{models, types::*};

#[allow(dead_code)]
pub type SSE = std::pin::Pin<
    std::boxed::Box<
        dyn futures_util::Stream<Item = std::result::Result<axum::response::sse::Event, std::convert::Infallible>>
            + std::marker::Send
            + std::marker::Sync,
    >,
>;

#[allow(dead_code)]
fn from_validation_error(e: validator::ValidationError) -> validator::ValidationErrors {
    let mut errs = validator::ValidationErrors::new();
    errs.add("na", e);
    errs
}

#[allow(dead_code, unused_variables)]
pub fn check_xss_string(v: &str) -> std::result::Result<(), validator::ValidationError> {
    if false {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code, unused_variables)]
pub fn check_xss_vec_string(v: &[String]) -> std::result::Result<(), validator::ValidationError> {
    if false {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code, unused_variables)]
pub fn check_xss_map_string(
    v: &std::collections::HashMap<String, String>,
) -> std::result::Result<(), validator::ValidationError> {
    if false {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code, unused_variables)]
pub fn check_xss_map_nested<T>(
    v: &std::collections::HashMap<String, T>,
) -> std::result::Result<(), validator::ValidationError>
where
    T: validator::Validate,
{
    if v.values().any(|v| v.validate().is_err()) {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code, unused_variables)]
pub fn check_xss_map<T>(
    v: &std::collections::HashMap<String, T>,
) -> std::result::Result<(), validator::ValidationError> {
    if false {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DeleteUserPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DeleteWebhookPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GetUserPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GetUserConsentsPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GetWebhookPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ListAuditLogQueryParams {
    #[serde(rename = "user_id")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<uuid::Uuid>,
    #[serde(rename = "actor_id")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<uuid::Uuid>,
    #[serde(rename = "event_type")]
    #[validate(length(min = 1, max = 64))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    #[serde(rename = "since")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    #[serde(rename = "until")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<chrono::DateTime<chrono::Utc>>,
    /// How many items at most.
    #[serde(rename = "limit")]
    #[validate(range(min = 1u32, max = 200u32))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only items older than this one (its id, the `next_before` of the previous page).
    #[serde(rename = "before")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ListOutboxQueryParams {
    #[serde(rename = "status")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<models::OutboxStatus>,
    #[serde(rename = "limit")]
    #[validate(range(min = 1u32, max = 200u32))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only messages older than this one (its id).
    #[serde(rename = "before")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ListUserDataRequestsPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ListUsersQueryParams {
    /// Text the e-mail, first or last name contains.
    #[serde(rename = "q")]
    #[validate(length(max = 254))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(rename = "is_active")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    #[serde(rename = "is_staff")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_staff: Option<bool>,
    #[serde(rename = "email_verified")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verified: Option<bool>,
    /// `true`: only soft-deleted accounts; `false`: only live ones.
    #[serde(rename = "deleted")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// How many items at most.
    #[serde(rename = "limit")]
    #[validate(range(min = 1u32, max = 200u32))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only items older than this one (its id, the `next_before` of the previous page).
    #[serde(rename = "before")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ListWebhookDeliveriesPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ListWebhookDeliveriesQueryParams {
    #[serde(rename = "status")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<models::WebhookDeliveryStatus>,
    #[serde(rename = "limit")]
    #[validate(range(min = 1u32, max = 200u32))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only deliveries older than this one (its id).
    #[serde(rename = "before")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LogoutUserPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ResetUserMfaPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RestoreUserPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RetryOutboxMessagePathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RetryWebhookDeliveryPathParams {
    pub id: uuid::Uuid,
    pub delivery_id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RotateWebhookSecretPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SendTestWebhookPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UpdateUserPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UpdateWebhookPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DeletePasskeyPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RenamePasskeyPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct GetSchemaQueryParams {
    #[serde(rename = "format")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<models::SchemaFormat>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct CancelMyDataRequestPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DownloadDataExportPathParams {
    #[validate(length(min = 1, max = 128))]
    pub token: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RevokeSessionPathParams {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FinishSocialLoginPathParams {
    /// A provider id from `listSocialProviders`; an unconfigured one is `404` `unknown_provider`.
    #[validate(length(max = 64))]
    pub provider: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FinishSocialLoginQueryParams {
    #[serde(rename = "code")]
    #[validate(length(max = 2048))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(rename = "state")]
    #[validate(length(max = 256))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Set by the provider when the user declined or the request was refused.
    #[serde(rename = "error")]
    #[validate(length(max = 256))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(rename = "error_description")]
    #[validate(length(max = 2048))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LinkSocialAccountPathParams {
    /// A provider id from `listSocialProviders`; an unconfigured one is `404` `unknown_provider`.
    #[validate(length(max = 64))]
    pub provider: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LinkSocialAccountQueryParams {
    #[serde(rename = "redirect_to")]
    #[validate(length(max = 2048))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SocialTokenLoginPathParams {
    /// A provider id from `listSocialProviders`; an unconfigured one is `404` `unknown_provider`.
    #[validate(length(max = 64))]
    pub provider: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct StartSocialLoginPathParams {
    /// A provider id from `listSocialProviders`; an unconfigured one is `404` `unknown_provider`.
    #[validate(length(max = 64))]
    pub provider: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct StartSocialLoginQueryParams {
    #[serde(rename = "redirect_to")]
    #[validate(length(max = 2048))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_to: Option<String>,
    /// The frontend's PKCE challenge (RFC 7636, 43 to 128 characters).
    #[serde(rename = "code_challenge")]
    #[validate(length(max = 128))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_challenge: Option<String>,
    /// Only `S256`.
    #[serde(rename = "code_challenge_method")]
    #[validate(length(max = 16))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_challenge_method: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UnlinkSocialAccountPathParams {
    /// A provider id from `listSocialProviders`; an unconfigured one is `404` `unknown_provider`.
    #[validate(length(max = 64))]
    pub provider: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ListMyAuditLogQueryParams {
    /// How many items at most.
    #[serde(rename = "limit")]
    #[validate(range(min = 1u32, max = 200u32))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only items older than this one (its id, the `next_before` of the previous page).
    #[serde(rename = "before")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<uuid::Uuid>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Accepted {
    #[serde(rename = "detail")]
    #[validate(custom(function = "check_xss_string"))]
    pub detail: String,
}

impl Accepted {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(detail: String) -> Accepted {
        Accepted { detail }
    }
}

/// Converts the Accepted value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Accepted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("detail".to_string()), Some(self.detail.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Accepted value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Accepted {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub detail: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Accepted".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "detail" => intermediate_rep
                        .detail
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Accepted".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Accepted {
            detail: intermediate_rep
                .detail
                .into_iter()
                .next()
                .ok_or_else(|| "detail missing in Accepted".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Accepted> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Accepted>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Accepted>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for Accepted - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Accepted> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Accepted as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into Accepted - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// An account as staff see it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AdminUser {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "email")]
    #[validate(custom(function = "check_xss_string"))]
    pub email: String,

    #[serde(rename = "first_name")]
    #[validate(custom(function = "check_xss_string"))]
    pub first_name: String,

    #[serde(rename = "last_name")]
    #[validate(custom(function = "check_xss_string"))]
    pub last_name: String,

    #[serde(rename = "is_active")]
    pub is_active: bool,

    #[serde(rename = "is_staff")]
    pub is_staff: bool,

    #[serde(rename = "is_superuser")]
    pub is_superuser: bool,

    #[serde(rename = "email_verified")]
    pub email_verified: bool,

    #[serde(rename = "date_joined")]
    pub date_joined: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "last_login")]
    pub last_login: Nullable<chrono::DateTime<chrono::Utc>>,

    #[serde(rename = "updated_at")]
    pub updated_at: chrono::DateTime<chrono::Utc>,

    /// Set when the account is soft-deleted.
    #[serde(rename = "deleted_at")]
    pub deleted_at: Nullable<chrono::DateTime<chrono::Utc>>,

    /// The account has a second factor; `resetUserMfa` removes them all.
    #[serde(rename = "mfa_enabled")]
    pub mfa_enabled: bool,

    /// Set while the owner's deletion request waits out its grace period; `restoreUser` cancels it.
    #[serde(rename = "deletion_due_at")]
    pub deletion_due_at: Nullable<chrono::DateTime<chrono::Utc>>,
}

impl AdminUser {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        email: String,
        first_name: String,
        last_name: String,
        is_active: bool,
        is_staff: bool,
        is_superuser: bool,
        email_verified: bool,
        date_joined: chrono::DateTime<chrono::Utc>,
        last_login: Nullable<chrono::DateTime<chrono::Utc>>,
        updated_at: chrono::DateTime<chrono::Utc>,
        deleted_at: Nullable<chrono::DateTime<chrono::Utc>>,
        mfa_enabled: bool,
        deletion_due_at: Nullable<chrono::DateTime<chrono::Utc>>,
    ) -> AdminUser {
        AdminUser {
            id,
            email,
            first_name,
            last_name,
            is_active,
            is_staff,
            is_superuser,
            email_verified,
            date_joined,
            last_login,
            updated_at,
            deleted_at,
            mfa_enabled,
            deletion_due_at,
        }
    }
}

/// Converts the AdminUser value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AdminUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization
            Some("email".to_string()),
            Some(self.email.to_string()),
            Some("first_name".to_string()),
            Some(self.first_name.to_string()),
            Some("last_name".to_string()),
            Some(self.last_name.to_string()),
            Some("is_active".to_string()),
            Some(self.is_active.to_string()),
            Some("is_staff".to_string()),
            Some(self.is_staff.to_string()),
            Some("is_superuser".to_string()),
            Some(self.is_superuser.to_string()),
            Some("email_verified".to_string()),
            Some(self.email_verified.to_string()),
            // Skipping date_joined in query parameter serialization

            // Skipping last_login in query parameter serialization

            // Skipping updated_at in query parameter serialization

            // Skipping deleted_at in query parameter serialization
            Some("mfa_enabled".to_string()),
            Some(self.mfa_enabled.to_string()),
            // Skipping deletion_due_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AdminUser value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AdminUser {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub email: Vec<String>,
            pub first_name: Vec<String>,
            pub last_name: Vec<String>,
            pub is_active: Vec<bool>,
            pub is_staff: Vec<bool>,
            pub is_superuser: Vec<bool>,
            pub email_verified: Vec<bool>,
            pub date_joined: Vec<chrono::DateTime<chrono::Utc>>,
            pub last_login: Vec<chrono::DateTime<chrono::Utc>>,
            pub updated_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub deleted_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub mfa_enabled: Vec<bool>,
            pub deletion_due_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AdminUser".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep
                        .email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "first_name" => intermediate_rep
                        .first_name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "last_name" => intermediate_rep
                        .last_name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "is_active" => intermediate_rep
                        .is_active
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "is_staff" => intermediate_rep
                        .is_staff
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "is_superuser" => intermediate_rep
                        .is_superuser
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email_verified" => intermediate_rep
                        .email_verified
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "date_joined" => intermediate_rep.date_joined.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "last_login" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AdminUser".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "updated_at" => intermediate_rep.updated_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "deleted_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AdminUser".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "mfa_enabled" => intermediate_rep
                        .mfa_enabled
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "deletion_due_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AdminUser".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing AdminUser".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AdminUser {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in AdminUser".to_string())?,
            email: intermediate_rep
                .email
                .into_iter()
                .next()
                .ok_or_else(|| "email missing in AdminUser".to_string())?,
            first_name: intermediate_rep
                .first_name
                .into_iter()
                .next()
                .ok_or_else(|| "first_name missing in AdminUser".to_string())?,
            last_name: intermediate_rep
                .last_name
                .into_iter()
                .next()
                .ok_or_else(|| "last_name missing in AdminUser".to_string())?,
            is_active: intermediate_rep
                .is_active
                .into_iter()
                .next()
                .ok_or_else(|| "is_active missing in AdminUser".to_string())?,
            is_staff: intermediate_rep
                .is_staff
                .into_iter()
                .next()
                .ok_or_else(|| "is_staff missing in AdminUser".to_string())?,
            is_superuser: intermediate_rep
                .is_superuser
                .into_iter()
                .next()
                .ok_or_else(|| "is_superuser missing in AdminUser".to_string())?,
            email_verified: intermediate_rep
                .email_verified
                .into_iter()
                .next()
                .ok_or_else(|| "email_verified missing in AdminUser".to_string())?,
            date_joined: intermediate_rep
                .date_joined
                .into_iter()
                .next()
                .ok_or_else(|| "date_joined missing in AdminUser".to_string())?,
            last_login: std::result::Result::Err("Nullable types not supported in AdminUser".to_string())?,
            updated_at: intermediate_rep
                .updated_at
                .into_iter()
                .next()
                .ok_or_else(|| "updated_at missing in AdminUser".to_string())?,
            deleted_at: std::result::Result::Err("Nullable types not supported in AdminUser".to_string())?,
            mfa_enabled: intermediate_rep
                .mfa_enabled
                .into_iter()
                .next()
                .ok_or_else(|| "mfa_enabled missing in AdminUser".to_string())?,
            deletion_due_at: std::result::Result::Err("Nullable types not supported in AdminUser".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AdminUser> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AdminUser>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AdminUser>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for AdminUser - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AdminUser> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <AdminUser as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into AdminUser - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// Every field is optional; a field left out or `null` keeps its current value.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AdminUserUpdate {
    #[serde(rename = "is_active")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_active: Option<Nullable<bool>>,

    #[serde(rename = "is_staff")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_staff: Option<Nullable<bool>>,

    #[serde(rename = "first_name")]
    #[validate(
            length(max = 150),
            regex(path = *RE_ADMINUSERUPDATE_FIRST_NAME),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Nullable<String>>,

    #[serde(rename = "last_name")]
    #[validate(
            length(max = 150),
            regex(path = *RE_ADMINUSERUPDATE_LAST_NAME),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Nullable<String>>,
}

lazy_static::lazy_static! {
    static ref RE_ADMINUSERUPDATE_FIRST_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_ADMINUSERUPDATE_LAST_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}

impl AdminUserUpdate {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> AdminUserUpdate {
        AdminUserUpdate {
            is_active: None,
            is_staff: None,
            first_name: None,
            last_name: None,
        }
    }
}

/// Converts the AdminUserUpdate value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AdminUserUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.is_active.as_ref().map(|is_active| {
                [
                    "is_active".to_string(),
                    is_active.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.is_staff.as_ref().map(|is_staff| {
                [
                    "is_staff".to_string(),
                    is_staff.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.first_name.as_ref().map(|first_name| {
                [
                    "first_name".to_string(),
                    first_name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.last_name.as_ref().map(|last_name| {
                [
                    "last_name".to_string(),
                    last_name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AdminUserUpdate value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AdminUserUpdate {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub is_active: Vec<bool>,
            pub is_staff: Vec<bool>,
            pub first_name: Vec<String>,
            pub last_name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AdminUserUpdate".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "is_active" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AdminUserUpdate".to_string(),
                        );
                    }
                    "is_staff" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AdminUserUpdate".to_string(),
                        );
                    }
                    "first_name" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AdminUserUpdate".to_string(),
                        );
                    }
                    "last_name" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AdminUserUpdate".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing AdminUserUpdate".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AdminUserUpdate {
            is_active: std::result::Result::Err("Nullable types not supported in AdminUserUpdate".to_string())?,
            is_staff: std::result::Result::Err("Nullable types not supported in AdminUserUpdate".to_string())?,
            first_name: std::result::Result::Err("Nullable types not supported in AdminUserUpdate".to_string())?,
            last_name: std::result::Result::Err("Nullable types not supported in AdminUserUpdate".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AdminUserUpdate> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AdminUserUpdate>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AdminUserUpdate>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for AdminUserUpdate - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AdminUserUpdate> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <AdminUserUpdate as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into AdminUserUpdate - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// One security event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AuditEntry {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,

    /// What happened, e.g. `user_registered`, `login_succeeded`, `login_failed`, `logout`, `refresh_token_reused`, `password_changed`, `password_reset`, `email_verified`, `session_revoked`, `staff_user_updated`, `settings_changed`.
    #[serde(rename = "event_type")]
    #[validate(custom(function = "check_xss_string"))]
    pub event_type: String,

    /// Who acted: the account itself, or the staff member who acted on it; null when nobody known did (a failed login, the cleanup job).
    #[serde(rename = "actor_id")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor_id: Option<Nullable<uuid::Uuid>>,

    /// The account concerned.
    #[serde(rename = "user_id")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<Nullable<uuid::Uuid>>,

    #[serde(rename = "session_id")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<Nullable<uuid::Uuid>>,

    #[serde(rename = "ip")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<Nullable<String>>,

    #[serde(rename = "user_agent")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<Nullable<String>>,

    /// Specifics of the event, e.g. `{\"reason\": \"wrong_password\"}`.
    #[serde(rename = "detail")]
    #[validate(custom(function = "check_xss_map"))]
    pub detail: std::collections::HashMap<String, crate::types::Object>,
}

impl AuditEntry {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        created_at: chrono::DateTime<chrono::Utc>,
        event_type: String,
        detail: std::collections::HashMap<String, crate::types::Object>,
    ) -> AuditEntry {
        AuditEntry {
            id,
            created_at,
            event_type,
            actor_id: None,
            user_id: None,
            session_id: None,
            ip: None,
            user_agent: None,
            detail,
        }
    }
}

/// Converts the AuditEntry value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AuditEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization

            // Skipping created_at in query parameter serialization
            Some("event_type".to_string()),
            Some(self.event_type.to_string()),
            // Skipping actor_id in query parameter serialization

            // Skipping user_id in query parameter serialization

            // Skipping session_id in query parameter serialization
            self.ip.as_ref().map(|ip| {
                [
                    "ip".to_string(),
                    ip.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.user_agent.as_ref().map(|user_agent| {
                [
                    "user_agent".to_string(),
                    user_agent.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            // Skipping detail in query parameter serialization
            // Skipping detail in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AuditEntry value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AuditEntry {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub event_type: Vec<String>,
            pub actor_id: Vec<uuid::Uuid>,
            pub user_id: Vec<uuid::Uuid>,
            pub session_id: Vec<uuid::Uuid>,
            pub ip: Vec<String>,
            pub user_agent: Vec<String>,
            pub detail: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AuditEntry".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "event_type" => intermediate_rep
                        .event_type
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "actor_id" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AuditEntry".to_string(),
                        );
                    }
                    "user_id" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AuditEntry".to_string(),
                        );
                    }
                    "session_id" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AuditEntry".to_string(),
                        );
                    }
                    "ip" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AuditEntry".to_string(),
                        );
                    }
                    "user_agent" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AuditEntry".to_string(),
                        );
                    }
                    "detail" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in AuditEntry".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing AuditEntry".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AuditEntry {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in AuditEntry".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in AuditEntry".to_string())?,
            event_type: intermediate_rep
                .event_type
                .into_iter()
                .next()
                .ok_or_else(|| "event_type missing in AuditEntry".to_string())?,
            actor_id: std::result::Result::Err("Nullable types not supported in AuditEntry".to_string())?,
            user_id: std::result::Result::Err("Nullable types not supported in AuditEntry".to_string())?,
            session_id: std::result::Result::Err("Nullable types not supported in AuditEntry".to_string())?,
            ip: std::result::Result::Err("Nullable types not supported in AuditEntry".to_string())?,
            user_agent: std::result::Result::Err("Nullable types not supported in AuditEntry".to_string())?,
            detail: intermediate_rep
                .detail
                .into_iter()
                .next()
                .ok_or_else(|| "detail missing in AuditEntry".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AuditEntry> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AuditEntry>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AuditEntry>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for AuditEntry - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AuditEntry> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <AuditEntry as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into AuditEntry - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AuditLogPage {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::AuditEntry>,

    /// Pass as `before` for the next page; `null` on the last page.
    #[serde(rename = "next_before")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_before: Option<Nullable<uuid::Uuid>>,
}

impl AuditLogPage {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::AuditEntry>) -> AuditLogPage {
        AuditLogPage {
            items,
            next_before: None,
        }
    }
}

/// Converts the AuditLogPage value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AuditLogPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

            // Skipping next_before in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AuditLogPage value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AuditLogPage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::AuditEntry>>,
            pub next_before: Vec<uuid::Uuid>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AuditLogPage".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in AuditLogPage".to_string(),
                        );
                    }
                    "next_before" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in AuditLogPage".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing AuditLogPage".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AuditLogPage {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in AuditLogPage".to_string())?,
            next_before: std::result::Result::Err("Nullable types not supported in AuditLogPage".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AuditLogPage> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AuditLogPage>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AuditLogPage>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for AuditLogPage - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AuditLogPage> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <AuditLogPage as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into AuditLogPage - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// How many rows each part of the cleanup removed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct CleanupReport {
    /// Expired refresh tokens, and those of removed sessions.
    #[serde(rename = "refresh_tokens")]
    pub refresh_tokens: i64,

    /// Sessions past their life, and revoked ones whose access tokens have expired.
    #[serde(rename = "sessions")]
    pub sessions: i64,

    /// Used or expired verification and reset tokens.
    #[serde(rename = "email_tokens")]
    pub email_tokens: i64,

    /// Events older than the retention.
    #[serde(rename = "audit_events")]
    pub audit_events: i64,

    /// E-mails sent more than 7 days ago, and dead ones older than 30 days.
    #[serde(rename = "outbox_messages")]
    pub outbox_messages: i64,

    /// Expired one-time codes, and send counters a day past their last send (database store only: Redis expires its own).
    #[serde(rename = "otp_codes")]
    pub otp_codes: i64,

    /// Expired social sign-in states, one-time codes and spent nonces.
    #[serde(rename = "social_grants")]
    pub social_grants: i64,

    /// Expired second-factor challenges, and TOTP enrolments never confirmed within a day.
    #[serde(rename = "mfa_challenges")]
    pub mfa_challenges: i64,

    /// Accounts whose deletion grace period was over, anonymised.
    #[serde(rename = "accounts_anonymised")]
    pub accounts_anonymised: i64,

    /// Data exports whose link expired unused: their archives are removed and the request is `expired`. (What is left of downloaded, cancelled and abandoned builds goes too.)
    #[serde(rename = "data_exports")]
    pub data_exports: i64,

    /// Webhook deliveries delivered more than 7 days ago or dead for more than 30.
    #[serde(rename = "webhook_deliveries")]
    pub webhook_deliveries: i64,

    #[serde(rename = "total")]
    pub total: i64,
}

impl CleanupReport {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        refresh_tokens: i64,
        sessions: i64,
        email_tokens: i64,
        audit_events: i64,
        outbox_messages: i64,
        otp_codes: i64,
        social_grants: i64,
        mfa_challenges: i64,
        accounts_anonymised: i64,
        data_exports: i64,
        webhook_deliveries: i64,
        total: i64,
    ) -> CleanupReport {
        CleanupReport {
            refresh_tokens,
            sessions,
            email_tokens,
            audit_events,
            outbox_messages,
            otp_codes,
            social_grants,
            mfa_challenges,
            accounts_anonymised,
            data_exports,
            webhook_deliveries,
            total,
        }
    }
}

/// Converts the CleanupReport value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for CleanupReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("refresh_tokens".to_string()),
            Some(self.refresh_tokens.to_string()),
            Some("sessions".to_string()),
            Some(self.sessions.to_string()),
            Some("email_tokens".to_string()),
            Some(self.email_tokens.to_string()),
            Some("audit_events".to_string()),
            Some(self.audit_events.to_string()),
            Some("outbox_messages".to_string()),
            Some(self.outbox_messages.to_string()),
            Some("otp_codes".to_string()),
            Some(self.otp_codes.to_string()),
            Some("social_grants".to_string()),
            Some(self.social_grants.to_string()),
            Some("mfa_challenges".to_string()),
            Some(self.mfa_challenges.to_string()),
            Some("accounts_anonymised".to_string()),
            Some(self.accounts_anonymised.to_string()),
            Some("data_exports".to_string()),
            Some(self.data_exports.to_string()),
            Some("webhook_deliveries".to_string()),
            Some(self.webhook_deliveries.to_string()),
            Some("total".to_string()),
            Some(self.total.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a CleanupReport value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for CleanupReport {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub refresh_tokens: Vec<i64>,
            pub sessions: Vec<i64>,
            pub email_tokens: Vec<i64>,
            pub audit_events: Vec<i64>,
            pub outbox_messages: Vec<i64>,
            pub otp_codes: Vec<i64>,
            pub social_grants: Vec<i64>,
            pub mfa_challenges: Vec<i64>,
            pub accounts_anonymised: Vec<i64>,
            pub data_exports: Vec<i64>,
            pub webhook_deliveries: Vec<i64>,
            pub total: Vec<i64>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing CleanupReport".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "refresh_tokens" => intermediate_rep
                        .refresh_tokens
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "sessions" => intermediate_rep
                        .sessions
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email_tokens" => intermediate_rep
                        .email_tokens
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "audit_events" => intermediate_rep
                        .audit_events
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "outbox_messages" => intermediate_rep
                        .outbox_messages
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "otp_codes" => intermediate_rep
                        .otp_codes
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "social_grants" => intermediate_rep
                        .social_grants
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "mfa_challenges" => intermediate_rep
                        .mfa_challenges
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "accounts_anonymised" => intermediate_rep
                        .accounts_anonymised
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "data_exports" => intermediate_rep
                        .data_exports
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "webhook_deliveries" => intermediate_rep
                        .webhook_deliveries
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "total" => intermediate_rep
                        .total
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing CleanupReport".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(CleanupReport {
            refresh_tokens: intermediate_rep
                .refresh_tokens
                .into_iter()
                .next()
                .ok_or_else(|| "refresh_tokens missing in CleanupReport".to_string())?,
            sessions: intermediate_rep
                .sessions
                .into_iter()
                .next()
                .ok_or_else(|| "sessions missing in CleanupReport".to_string())?,
            email_tokens: intermediate_rep
                .email_tokens
                .into_iter()
                .next()
                .ok_or_else(|| "email_tokens missing in CleanupReport".to_string())?,
            audit_events: intermediate_rep
                .audit_events
                .into_iter()
                .next()
                .ok_or_else(|| "audit_events missing in CleanupReport".to_string())?,
            outbox_messages: intermediate_rep
                .outbox_messages
                .into_iter()
                .next()
                .ok_or_else(|| "outbox_messages missing in CleanupReport".to_string())?,
            otp_codes: intermediate_rep
                .otp_codes
                .into_iter()
                .next()
                .ok_or_else(|| "otp_codes missing in CleanupReport".to_string())?,
            social_grants: intermediate_rep
                .social_grants
                .into_iter()
                .next()
                .ok_or_else(|| "social_grants missing in CleanupReport".to_string())?,
            mfa_challenges: intermediate_rep
                .mfa_challenges
                .into_iter()
                .next()
                .ok_or_else(|| "mfa_challenges missing in CleanupReport".to_string())?,
            accounts_anonymised: intermediate_rep
                .accounts_anonymised
                .into_iter()
                .next()
                .ok_or_else(|| "accounts_anonymised missing in CleanupReport".to_string())?,
            data_exports: intermediate_rep
                .data_exports
                .into_iter()
                .next()
                .ok_or_else(|| "data_exports missing in CleanupReport".to_string())?,
            webhook_deliveries: intermediate_rep
                .webhook_deliveries
                .into_iter()
                .next()
                .ok_or_else(|| "webhook_deliveries missing in CleanupReport".to_string())?,
            total: intermediate_rep
                .total
                .into_iter()
                .next()
                .ok_or_else(|| "total missing in CleanupReport".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<CleanupReport> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<CleanupReport>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<CleanupReport>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for CleanupReport - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<CleanupReport> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <CleanupReport as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into CleanupReport - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConsentChange {
    #[serde(rename = "granted")]
    pub granted: bool,

    /// The version of the policy shown to the user (printable ASCII, no spaces).
    #[serde(rename = "policy_version")]
    #[validate(
            length(min = 1, max = 64),
            regex(path = *RE_CONSENTCHANGE_POLICY_VERSION),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_version: Option<Nullable<String>>,
}

lazy_static::lazy_static! {
    static ref RE_CONSENTCHANGE_POLICY_VERSION: regex::Regex = regex::Regex::new("^[\\u0021-\\u007E]+$").unwrap();
}

impl ConsentChange {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(granted: bool) -> ConsentChange {
        ConsentChange {
            granted,
            policy_version: None,
        }
    }
}

/// Converts the ConsentChange value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConsentChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("granted".to_string()),
            Some(self.granted.to_string()),
            self.policy_version.as_ref().map(|policy_version| {
                [
                    "policy_version".to_string(),
                    policy_version.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConsentChange value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConsentChange {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub granted: Vec<bool>,
            pub policy_version: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConsentChange".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "granted" => intermediate_rep
                        .granted
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "policy_version" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ConsentChange".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing ConsentChange".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConsentChange {
            granted: intermediate_rep
                .granted
                .into_iter()
                .next()
                .ok_or_else(|| "granted missing in ConsentChange".to_string())?,
            policy_version: std::result::Result::Err("Nullable types not supported in ConsentChange".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConsentChange> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ConsentChange>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConsentChange>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for ConsentChange - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ConsentChange> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ConsentChange as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into ConsentChange - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConsentEvent {
    #[serde(rename = "purpose")]
    #[validate(custom(function = "check_xss_string"))]
    pub purpose: String,

    #[serde(rename = "granted")]
    pub granted: bool,

    #[serde(rename = "policy_version")]
    pub policy_version: Nullable<String>,

    /// `consents` (updateMyConsents) or `profile` (updateMe's `marketing_consent`).
    #[serde(rename = "source")]
    #[validate(custom(function = "check_xss_string"))]
    pub source: String,

    #[serde(rename = "ip")]
    pub ip: Nullable<String>,

    #[serde(rename = "user_agent")]
    pub user_agent: Nullable<String>,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl ConsentEvent {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        purpose: String,
        granted: bool,
        policy_version: Nullable<String>,
        source: String,
        ip: Nullable<String>,
        user_agent: Nullable<String>,
        created_at: chrono::DateTime<chrono::Utc>,
    ) -> ConsentEvent {
        ConsentEvent {
            purpose,
            granted,
            policy_version,
            source,
            ip,
            user_agent,
            created_at,
        }
    }
}

/// Converts the ConsentEvent value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConsentEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("purpose".to_string()),
            Some(self.purpose.to_string()),
            Some("granted".to_string()),
            Some(self.granted.to_string()),
            Some("policy_version".to_string()),
            Some(
                self.policy_version
                    .as_ref()
                    .map_or("null".to_string(), |x| x.to_string()),
            ),
            Some("source".to_string()),
            Some(self.source.to_string()),
            Some("ip".to_string()),
            Some(self.ip.as_ref().map_or("null".to_string(), |x| x.to_string())),
            Some("user_agent".to_string()),
            Some(self.user_agent.as_ref().map_or("null".to_string(), |x| x.to_string())),
            // Skipping created_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConsentEvent value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConsentEvent {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub purpose: Vec<String>,
            pub granted: Vec<bool>,
            pub policy_version: Vec<String>,
            pub source: Vec<String>,
            pub ip: Vec<String>,
            pub user_agent: Vec<String>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConsentEvent".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "purpose" => intermediate_rep
                        .purpose
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "granted" => intermediate_rep
                        .granted
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "policy_version" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ConsentEvent".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "source" => intermediate_rep
                        .source
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "ip" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ConsentEvent".to_string(),
                        );
                    }
                    "user_agent" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ConsentEvent".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    _ => return std::result::Result::Err("Unexpected key while parsing ConsentEvent".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConsentEvent {
            purpose: intermediate_rep
                .purpose
                .into_iter()
                .next()
                .ok_or_else(|| "purpose missing in ConsentEvent".to_string())?,
            granted: intermediate_rep
                .granted
                .into_iter()
                .next()
                .ok_or_else(|| "granted missing in ConsentEvent".to_string())?,
            policy_version: std::result::Result::Err("Nullable types not supported in ConsentEvent".to_string())?,
            source: intermediate_rep
                .source
                .into_iter()
                .next()
                .ok_or_else(|| "source missing in ConsentEvent".to_string())?,
            ip: std::result::Result::Err("Nullable types not supported in ConsentEvent".to_string())?,
            user_agent: std::result::Result::Err("Nullable types not supported in ConsentEvent".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in ConsentEvent".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConsentEvent> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ConsentEvent>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConsentEvent>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for ConsentEvent - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ConsentEvent> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ConsentEvent as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into ConsentEvent - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConsentList {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::ConsentState>,
}

impl ConsentList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::ConsentState>) -> ConsentList {
        ConsentList { items }
    }
}

/// Converts the ConsentList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConsentList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConsentList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConsentList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::ConsentState>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConsentList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in ConsentList".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing ConsentList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConsentList {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in ConsentList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConsentList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ConsentList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConsentList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for ConsentList - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ConsentList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ConsentList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into ConsentList - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConsentRecord {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::ConsentState>,

    /// Newest first, at most 1,000.
    #[serde(rename = "history")]
    #[validate(nested)]
    pub history: Vec<models::ConsentEvent>,
}

impl ConsentRecord {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::ConsentState>, history: Vec<models::ConsentEvent>) -> ConsentRecord {
        ConsentRecord { items, history }
    }
}

/// Converts the ConsentRecord value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConsentRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

            // Skipping history in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConsentRecord value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConsentRecord {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::ConsentState>>,
            pub history: Vec<Vec<models::ConsentEvent>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConsentRecord".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in ConsentRecord".to_string(),
                        );
                    }
                    "history" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in ConsentRecord".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing ConsentRecord".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConsentRecord {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in ConsentRecord".to_string())?,
            history: intermediate_rep
                .history
                .into_iter()
                .next()
                .ok_or_else(|| "history missing in ConsentRecord".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConsentRecord> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ConsentRecord>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConsentRecord>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for ConsentRecord - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ConsentRecord> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ConsentRecord as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into ConsentRecord - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ConsentState {
    #[serde(rename = "purpose")]
    #[validate(custom(function = "check_xss_string"))]
    pub purpose: String,

    #[serde(rename = "granted")]
    pub granted: bool,

    /// The policy version the latest answer was given for.
    #[serde(rename = "policy_version")]
    pub policy_version: Nullable<String>,

    /// When it was last answered; `null` when never.
    #[serde(rename = "updated_at")]
    pub updated_at: Nullable<chrono::DateTime<chrono::Utc>>,
}

impl ConsentState {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        purpose: String,
        granted: bool,
        policy_version: Nullable<String>,
        updated_at: Nullable<chrono::DateTime<chrono::Utc>>,
    ) -> ConsentState {
        ConsentState {
            purpose,
            granted,
            policy_version,
            updated_at,
        }
    }
}

/// Converts the ConsentState value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ConsentState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("purpose".to_string()),
            Some(self.purpose.to_string()),
            Some("granted".to_string()),
            Some(self.granted.to_string()),
            Some("policy_version".to_string()),
            Some(
                self.policy_version
                    .as_ref()
                    .map_or("null".to_string(), |x| x.to_string()),
            ),
            // Skipping updated_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ConsentState value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ConsentState {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub purpose: Vec<String>,
            pub granted: Vec<bool>,
            pub policy_version: Vec<String>,
            pub updated_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ConsentState".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "purpose" => intermediate_rep
                        .purpose
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "granted" => intermediate_rep
                        .granted
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "policy_version" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ConsentState".to_string(),
                        );
                    }
                    "updated_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ConsentState".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing ConsentState".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ConsentState {
            purpose: intermediate_rep
                .purpose
                .into_iter()
                .next()
                .ok_or_else(|| "purpose missing in ConsentState".to_string())?,
            granted: intermediate_rep
                .granted
                .into_iter()
                .next()
                .ok_or_else(|| "granted missing in ConsentState".to_string())?,
            policy_version: std::result::Result::Err("Nullable types not supported in ConsentState".to_string())?,
            updated_at: std::result::Result::Err("Nullable types not supported in ConsentState".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ConsentState> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ConsentState>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ConsentState>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for ConsentState - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ConsentState> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ConsentState as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into ConsentState - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DataRequest {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "type")]
    #[validate(nested)]
    pub r_type: models::DataRequestType,

    #[serde(rename = "status")]
    #[validate(nested)]
    pub status: models::DataRequestStatus,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,

    /// When a pending deletion happens.
    #[serde(rename = "due_at")]
    pub due_at: Nullable<chrono::DateTime<chrono::Utc>>,

    /// When the export was ready, or the deletion done.
    #[serde(rename = "completed_at")]
    pub completed_at: Nullable<chrono::DateTime<chrono::Utc>>,

    #[serde(rename = "cancelled_at")]
    pub cancelled_at: Nullable<chrono::DateTime<chrono::Utc>>,

    /// Until when the download link of a ready export works.
    #[serde(rename = "expires_at")]
    pub expires_at: Nullable<chrono::DateTime<chrono::Utc>>,
}

impl DataRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        r_type: models::DataRequestType,
        status: models::DataRequestStatus,
        created_at: chrono::DateTime<chrono::Utc>,
        due_at: Nullable<chrono::DateTime<chrono::Utc>>,
        completed_at: Nullable<chrono::DateTime<chrono::Utc>>,
        cancelled_at: Nullable<chrono::DateTime<chrono::Utc>>,
        expires_at: Nullable<chrono::DateTime<chrono::Utc>>,
    ) -> DataRequest {
        DataRequest {
            id,
            r_type,
            status,
            created_at,
            due_at,
            completed_at,
            cancelled_at,
            expires_at,
        }
    }
}

/// Converts the DataRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for DataRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization

            // Skipping type in query parameter serialization

            // Skipping status in query parameter serialization

            // Skipping created_at in query parameter serialization

            // Skipping due_at in query parameter serialization

            // Skipping completed_at in query parameter serialization

            // Skipping cancelled_at in query parameter serialization

            // Skipping expires_at in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a DataRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for DataRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub r_type: Vec<models::DataRequestType>,
            pub status: Vec<models::DataRequestStatus>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub due_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub completed_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub cancelled_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub expires_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing DataRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep.r_type.push(
                        <models::DataRequestType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep.status.push(
                        <models::DataRequestStatus as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "due_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in DataRequest".to_string(),
                        );
                    }
                    "completed_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in DataRequest".to_string(),
                        );
                    }
                    "cancelled_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in DataRequest".to_string(),
                        );
                    }
                    "expires_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in DataRequest".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing DataRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(DataRequest {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in DataRequest".to_string())?,
            r_type: intermediate_rep
                .r_type
                .into_iter()
                .next()
                .ok_or_else(|| "type missing in DataRequest".to_string())?,
            status: intermediate_rep
                .status
                .into_iter()
                .next()
                .ok_or_else(|| "status missing in DataRequest".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in DataRequest".to_string())?,
            due_at: std::result::Result::Err("Nullable types not supported in DataRequest".to_string())?,
            completed_at: std::result::Result::Err("Nullable types not supported in DataRequest".to_string())?,
            cancelled_at: std::result::Result::Err("Nullable types not supported in DataRequest".to_string())?,
            expires_at: std::result::Result::Err("Nullable types not supported in DataRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<DataRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<DataRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<DataRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for DataRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<DataRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <DataRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into DataRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DataRequestCreate {
    #[serde(rename = "type")]
    #[validate(nested)]
    pub r_type: models::DataRequestType,
}

impl DataRequestCreate {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(r_type: models::DataRequestType) -> DataRequestCreate {
        DataRequestCreate { r_type }
    }
}

/// Converts the DataRequestCreate value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for DataRequestCreate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping type in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a DataRequestCreate value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for DataRequestCreate {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r_type: Vec<models::DataRequestType>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing DataRequestCreate".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep.r_type.push(
                        <models::DataRequestType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?,
                    ),
                    _ => return std::result::Result::Err("Unexpected key while parsing DataRequestCreate".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(DataRequestCreate {
            r_type: intermediate_rep
                .r_type
                .into_iter()
                .next()
                .ok_or_else(|| "type missing in DataRequestCreate".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<DataRequestCreate> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<DataRequestCreate>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<DataRequestCreate>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for DataRequestCreate - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<DataRequestCreate> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <DataRequestCreate as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into DataRequestCreate - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DataRequestList {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::DataRequest>,
}

impl DataRequestList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::DataRequest>) -> DataRequestList {
        DataRequestList { items }
    }
}

/// Converts the DataRequestList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for DataRequestList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a DataRequestList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for DataRequestList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::DataRequest>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing DataRequestList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in DataRequestList".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing DataRequestList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(DataRequestList {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in DataRequestList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<DataRequestList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<DataRequestList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<DataRequestList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for DataRequestList - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<DataRequestList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <DataRequestList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into DataRequestList - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// `pending`: waiting (an export: being built; a deletion: its grace period is running); `ready`: an export whose link was e-mailed and works until `expires_at`; `downloaded`: an export fetched with its link (which then stops working); `expired`: an export whose link expired unused (the archive is removed); `failed`: an export that could not be built after repeated tries; `completed`: a deletion done (the account was anonymised); `cancelled`: by the owner or staff.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum DataRequestStatus {
    #[serde(rename = "pending")]
    Pending,
    #[serde(rename = "ready")]
    Ready,
    #[serde(rename = "downloaded")]
    Downloaded,
    #[serde(rename = "expired")]
    Expired,
    #[serde(rename = "failed")]
    Failed,
    #[serde(rename = "completed")]
    Completed,
    #[serde(rename = "cancelled")]
    Cancelled,
}

impl validator::Validate for DataRequestStatus {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for DataRequestStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            DataRequestStatus::Pending => write!(f, "pending"),
            DataRequestStatus::Ready => write!(f, "ready"),
            DataRequestStatus::Downloaded => write!(f, "downloaded"),
            DataRequestStatus::Expired => write!(f, "expired"),
            DataRequestStatus::Failed => write!(f, "failed"),
            DataRequestStatus::Completed => write!(f, "completed"),
            DataRequestStatus::Cancelled => write!(f, "cancelled"),
        }
    }
}

impl std::str::FromStr for DataRequestStatus {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "pending" => std::result::Result::Ok(DataRequestStatus::Pending),
            "ready" => std::result::Result::Ok(DataRequestStatus::Ready),
            "downloaded" => std::result::Result::Ok(DataRequestStatus::Downloaded),
            "expired" => std::result::Result::Ok(DataRequestStatus::Expired),
            "failed" => std::result::Result::Ok(DataRequestStatus::Failed),
            "completed" => std::result::Result::Ok(DataRequestStatus::Completed),
            "cancelled" => std::result::Result::Ok(DataRequestStatus::Cancelled),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

/// `export`: an archive of the account's data, e-mailed as a download link when built; `delete`: the account's deletion after the grace period.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum DataRequestType {
    #[serde(rename = "export")]
    Export,
    #[serde(rename = "delete")]
    Delete,
}

impl validator::Validate for DataRequestType {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for DataRequestType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            DataRequestType::Export => write!(f, "export"),
            DataRequestType::Delete => write!(f, "delete"),
        }
    }
}

impl std::str::FromStr for DataRequestType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "export" => std::result::Result::Ok(DataRequestType::Export),
            "delete" => std::result::Result::Ok(DataRequestType::Delete),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct DeleteMeRequest {
    #[serde(rename = "password")]
    #[validate(length(max = 4096), custom(function = "check_xss_string"))]
    pub password: String,
}

impl DeleteMeRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(password: String) -> DeleteMeRequest {
        DeleteMeRequest { password }
    }
}

/// Converts the DeleteMeRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for DeleteMeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("password".to_string()), Some(self.password.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a DeleteMeRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for DeleteMeRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing DeleteMeRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep
                        .password
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing DeleteMeRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(DeleteMeRequest {
            password: intermediate_rep
                .password
                .into_iter()
                .next()
                .ok_or_else(|| "password missing in DeleteMeRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<DeleteMeRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<DeleteMeRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<DeleteMeRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for DeleteMeRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<DeleteMeRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <DeleteMeRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into DeleteMeRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct EmailChangeRequest {
    #[serde(rename = "new_email")]
    #[validate(length(max = 254), custom(function = "check_xss_string"))]
    pub new_email: String,

    /// The current password; without it (or for an account without one) the session needs a recent authentication instead.
    #[serde(rename = "password")]
    #[validate(length(max = 4096))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Nullable<String>>,
}

impl EmailChangeRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(new_email: String) -> EmailChangeRequest {
        EmailChangeRequest {
            new_email,
            password: None,
        }
    }
}

/// Converts the EmailChangeRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for EmailChangeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("new_email".to_string()),
            Some(self.new_email.to_string()),
            self.password.as_ref().map(|password| {
                [
                    "password".to_string(),
                    password.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a EmailChangeRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for EmailChangeRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub new_email: Vec<String>,
            pub password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing EmailChangeRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "new_email" => intermediate_rep
                        .new_email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "password" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in EmailChangeRequest".to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err("Unexpected key while parsing EmailChangeRequest".to_string());
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(EmailChangeRequest {
            new_email: intermediate_rep
                .new_email
                .into_iter()
                .next()
                .ok_or_else(|| "new_email missing in EmailChangeRequest".to_string())?,
            password: std::result::Result::Err("Nullable types not supported in EmailChangeRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<EmailChangeRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<EmailChangeRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<EmailChangeRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for EmailChangeRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<EmailChangeRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <EmailChangeRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into EmailChangeRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct EmailRequest {
    #[serde(rename = "email")]
    #[validate(length(max = 254), custom(function = "check_xss_string"))]
    pub email: String,
}

impl EmailRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String) -> EmailRequest {
        EmailRequest { email }
    }
}

/// Converts the EmailRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for EmailRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("email".to_string()), Some(self.email.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a EmailRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for EmailRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing EmailRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep
                        .email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing EmailRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(EmailRequest {
            email: intermediate_rep
                .email
                .into_iter()
                .next()
                .ok_or_else(|| "email missing in EmailRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<EmailRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<EmailRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<EmailRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for EmailRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<EmailRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <EmailRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into EmailRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// `mandatory`: login waits for a verified address; `optional`: a verification e-mail is sent but login does not wait; `none`: no verification e-mail.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum EmailVerificationMode {
    #[serde(rename = "mandatory")]
    Mandatory,
    #[serde(rename = "optional")]
    Optional,
    #[serde(rename = "none")]
    None,
}

impl validator::Validate for EmailVerificationMode {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for EmailVerificationMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            EmailVerificationMode::Mandatory => write!(f, "mandatory"),
            EmailVerificationMode::Optional => write!(f, "optional"),
            EmailVerificationMode::None => write!(f, "none"),
        }
    }
}

impl std::str::FromStr for EmailVerificationMode {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "mandatory" => std::result::Result::Ok(EmailVerificationMode::Mandatory),
            "optional" => std::result::Result::Ok(EmailVerificationMode::Optional),
            "none" => std::result::Result::Ok(EmailVerificationMode::None),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct EmailVerified {
    #[serde(rename = "email")]
    #[validate(custom(function = "check_xss_string"))]
    pub email: String,

    #[serde(rename = "email_verified_at")]
    pub email_verified_at: chrono::DateTime<chrono::Utc>,
}

impl EmailVerified {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, email_verified_at: chrono::DateTime<chrono::Utc>) -> EmailVerified {
        EmailVerified {
            email,
            email_verified_at,
        }
    }
}

/// Converts the EmailVerified value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for EmailVerified {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("email".to_string()),
            Some(self.email.to_string()),
            // Skipping email_verified_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a EmailVerified value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for EmailVerified {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub email_verified_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing EmailVerified".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep
                        .email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email_verified_at" => intermediate_rep.email_verified_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    _ => return std::result::Result::Err("Unexpected key while parsing EmailVerified".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(EmailVerified {
            email: intermediate_rep
                .email
                .into_iter()
                .next()
                .ok_or_else(|| "email missing in EmailVerified".to_string())?,
            email_verified_at: intermediate_rep
                .email_verified_at
                .into_iter()
                .next()
                .ok_or_else(|| "email_verified_at missing in EmailVerified".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<EmailVerified> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<EmailVerified>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<EmailVerified>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for EmailVerified - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<EmailVerified> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <EmailVerified as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into EmailVerified - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FieldError {
    #[serde(rename = "field")]
    #[validate(custom(function = "check_xss_string"))]
    pub field: String,

    #[serde(rename = "code")]
    #[validate(custom(function = "check_xss_string"))]
    pub code: String,

    #[serde(rename = "message")]
    #[validate(custom(function = "check_xss_string"))]
    pub message: String,
}

impl FieldError {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(field: String, code: String, message: String) -> FieldError {
        FieldError { field, code, message }
    }
}

/// Converts the FieldError value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("field".to_string()),
            Some(self.field.to_string()),
            Some("code".to_string()),
            Some(self.code.to_string()),
            Some("message".to_string()),
            Some(self.message.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FieldError value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FieldError {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub field: Vec<String>,
            pub code: Vec<String>,
            pub message: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FieldError".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "field" => intermediate_rep
                        .field
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep
                        .code
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "message" => intermediate_rep
                        .message
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FieldError".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FieldError {
            field: intermediate_rep
                .field
                .into_iter()
                .next()
                .ok_or_else(|| "field missing in FieldError".to_string())?,
            code: intermediate_rep
                .code
                .into_iter()
                .next()
                .ok_or_else(|| "code missing in FieldError".to_string())?,
            message: intermediate_rep
                .message
                .into_iter()
                .next()
                .ok_or_else(|| "message missing in FieldError".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FieldError> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FieldError>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FieldError>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for FieldError - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FieldError> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <FieldError as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into FieldError - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct HealthStatus {
    #[serde(rename = "status")]
    #[validate(custom(function = "check_xss_string"))]
    pub status: String,
}

impl HealthStatus {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(status: String) -> HealthStatus {
        HealthStatus { status }
    }
}

/// Converts the HealthStatus value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for HealthStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("status".to_string()), Some(self.status.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a HealthStatus value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for HealthStatus {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub status: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing HealthStatus".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep
                        .status
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing HealthStatus".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(HealthStatus {
            status: intermediate_rep
                .status
                .into_iter()
                .next()
                .ok_or_else(|| "status missing in HealthStatus".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<HealthStatus> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<HealthStatus>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<HealthStatus>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for HealthStatus - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<HealthStatus> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <HealthStatus as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into HealthStatus - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// An Ed25519 public key (RFC 8037).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Jwk {
    #[serde(rename = "kty")]
    #[validate(custom(function = "check_xss_string"))]
    pub kty: String,

    #[serde(rename = "crv")]
    #[validate(custom(function = "check_xss_string"))]
    pub crv: String,

    /// The public key, base64url without padding.
    #[serde(rename = "x")]
    #[validate(custom(function = "check_xss_string"))]
    pub x: String,

    #[serde(rename = "kid")]
    #[validate(custom(function = "check_xss_string"))]
    pub kid: String,

    #[serde(rename = "alg")]
    #[validate(custom(function = "check_xss_string"))]
    pub alg: String,

    #[serde(rename = "use")]
    #[validate(custom(function = "check_xss_string"))]
    pub r_use: String,
}

impl Jwk {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(kty: String, crv: String, x: String, kid: String, alg: String, r_use: String) -> Jwk {
        Jwk {
            kty,
            crv,
            x,
            kid,
            alg,
            r_use,
        }
    }
}

/// Converts the Jwk value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Jwk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("kty".to_string()),
            Some(self.kty.to_string()),
            Some("crv".to_string()),
            Some(self.crv.to_string()),
            Some("x".to_string()),
            Some(self.x.to_string()),
            Some("kid".to_string()),
            Some(self.kid.to_string()),
            Some("alg".to_string()),
            Some(self.alg.to_string()),
            Some("use".to_string()),
            Some(self.r_use.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Jwk value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Jwk {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub kty: Vec<String>,
            pub crv: Vec<String>,
            pub x: Vec<String>,
            pub kid: Vec<String>,
            pub alg: Vec<String>,
            pub r_use: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Jwk".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "kty" => intermediate_rep
                        .kty
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "crv" => intermediate_rep
                        .crv
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "x" => intermediate_rep
                        .x
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "kid" => intermediate_rep
                        .kid
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "alg" => intermediate_rep
                        .alg
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "use" => intermediate_rep
                        .r_use
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Jwk".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Jwk {
            kty: intermediate_rep
                .kty
                .into_iter()
                .next()
                .ok_or_else(|| "kty missing in Jwk".to_string())?,
            crv: intermediate_rep
                .crv
                .into_iter()
                .next()
                .ok_or_else(|| "crv missing in Jwk".to_string())?,
            x: intermediate_rep
                .x
                .into_iter()
                .next()
                .ok_or_else(|| "x missing in Jwk".to_string())?,
            kid: intermediate_rep
                .kid
                .into_iter()
                .next()
                .ok_or_else(|| "kid missing in Jwk".to_string())?,
            alg: intermediate_rep
                .alg
                .into_iter()
                .next()
                .ok_or_else(|| "alg missing in Jwk".to_string())?,
            r_use: intermediate_rep
                .r_use
                .into_iter()
                .next()
                .ok_or_else(|| "use missing in Jwk".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Jwk> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Jwk>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Jwk>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for Jwk - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Jwk> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Jwk as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Jwk - {err}"#))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct JwkSet {
    #[serde(rename = "keys")]
    #[validate(nested)]
    pub keys: Vec<models::Jwk>,
}

impl JwkSet {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(keys: Vec<models::Jwk>) -> JwkSet {
        JwkSet { keys }
    }
}

/// Converts the JwkSet value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for JwkSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping keys in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a JwkSet value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for JwkSet {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub keys: Vec<Vec<models::Jwk>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing JwkSet".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "keys" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in JwkSet".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing JwkSet".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(JwkSet {
            keys: intermediate_rep
                .keys
                .into_iter()
                .next()
                .ok_or_else(|| "keys missing in JwkSet".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<JwkSet> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<JwkSet>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<JwkSet>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for JwkSet - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<JwkSet> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <JwkSet as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into JwkSet - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// The first factor was right; the sign-in is completed by `completeMfaLogin` with this challenge and a proof of one of `methods`. For `email_otp` a code was e-mailed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LoginChallenge {
    /// Opaque, single use; send it back with the proof.
    #[serde(rename = "challenge")]
    #[validate(custom(function = "check_xss_string"))]
    pub challenge: String,

    /// Seconds until the challenge (and an e-mailed code) expires.
    #[serde(rename = "expires_in")]
    pub expires_in: i64,

    #[serde(rename = "method")]
    #[validate(nested)]
    pub method: models::SecondFactor,

    /// What completes the sign-in, strongest first. An account with a passkey or an authenticator app gets `passkey` and `totp` (and `recovery_code` while it has unused codes), never `email_otp`: the mailbox alone must not get past a second factor. `method` is the first of these (kept for clients written before `methods`).
    #[serde(rename = "methods")]
    #[validate(length(min = 1), nested)]
    pub methods: Vec<models::SecondFactor>,

    /// A `PublicKeyCredentialRequestOptionsJSON` (WebAuthn Level 3): binary fields are base64url; pass it to `PublicKeyCredential.parseRequestOptionsFromJSON()`.
    #[serde(rename = "passkey_options")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passkey_options: Option<Nullable<std::collections::HashMap<String, crate::types::Object>>>,
}

impl LoginChallenge {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        challenge: String,
        expires_in: i64,
        method: models::SecondFactor,
        methods: Vec<models::SecondFactor>,
    ) -> LoginChallenge {
        LoginChallenge {
            challenge,
            expires_in,
            method,
            methods,
            passkey_options: None,
        }
    }
}

/// Converts the LoginChallenge value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for LoginChallenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("challenge".to_string()),
            Some(self.challenge.to_string()),
            Some("expires_in".to_string()),
            Some(self.expires_in.to_string()),
            // Skipping method in query parameter serialization

            // Skipping methods in query parameter serialization

            // Skipping passkey_options in query parameter serialization
            // Skipping passkey_options in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a LoginChallenge value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for LoginChallenge {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub challenge: Vec<String>,
            pub expires_in: Vec<i64>,
            pub method: Vec<models::SecondFactor>,
            pub methods: Vec<Vec<models::SecondFactor>>,
            pub passkey_options: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing LoginChallenge".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "challenge" => intermediate_rep
                        .challenge
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "expires_in" => intermediate_rep
                        .expires_in
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "method" => intermediate_rep
                        .method
                        .push(<models::SecondFactor as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "methods" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in LoginChallenge".to_string(),
                        );
                    }
                    "passkey_options" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in LoginChallenge".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing LoginChallenge".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(LoginChallenge {
            challenge: intermediate_rep
                .challenge
                .into_iter()
                .next()
                .ok_or_else(|| "challenge missing in LoginChallenge".to_string())?,
            expires_in: intermediate_rep
                .expires_in
                .into_iter()
                .next()
                .ok_or_else(|| "expires_in missing in LoginChallenge".to_string())?,
            method: intermediate_rep
                .method
                .into_iter()
                .next()
                .ok_or_else(|| "method missing in LoginChallenge".to_string())?,
            methods: intermediate_rep
                .methods
                .into_iter()
                .next()
                .ok_or_else(|| "methods missing in LoginChallenge".to_string())?,
            passkey_options: std::result::Result::Err("Nullable types not supported in LoginChallenge".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<LoginChallenge> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<LoginChallenge>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<LoginChallenge>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for LoginChallenge - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<LoginChallenge> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <LoginChallenge as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into LoginChallenge - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// `optional`: a password login asks for an e-mailed code only from accounts whose owner turned `otp_login_enabled` on; `required`: every password login does.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum LoginOtpMode {
    #[serde(rename = "optional")]
    Optional,
    #[serde(rename = "required")]
    Required,
}

impl validator::Validate for LoginOtpMode {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for LoginOtpMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            LoginOtpMode::Optional => write!(f, "optional"),
            LoginOtpMode::Required => write!(f, "required"),
        }
    }
}

impl std::str::FromStr for LoginOtpMode {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "optional" => std::result::Result::Ok(LoginOtpMode::Optional),
            "required" => std::result::Result::Ok(LoginOtpMode::Required),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LoginOtpRequest {
    /// The challenge from the `202` answer of `login`.
    #[serde(rename = "challenge")]
    #[validate(length(min = 1, max = 512), custom(function = "check_xss_string"))]
    pub challenge: String,

    /// The 6-digit code from the e-mail; spaces and dashes are ignored.
    #[serde(rename = "code")]
    #[validate(length(min = 1, max = 32), custom(function = "check_xss_string"))]
    pub code: String,
}

impl LoginOtpRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(challenge: String, code: String) -> LoginOtpRequest {
        LoginOtpRequest { challenge, code }
    }
}

/// Converts the LoginOtpRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for LoginOtpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("challenge".to_string()),
            Some(self.challenge.to_string()),
            Some("code".to_string()),
            Some(self.code.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a LoginOtpRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for LoginOtpRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub challenge: Vec<String>,
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing LoginOtpRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "challenge" => intermediate_rep
                        .challenge
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep
                        .code
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing LoginOtpRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(LoginOtpRequest {
            challenge: intermediate_rep
                .challenge
                .into_iter()
                .next()
                .ok_or_else(|| "challenge missing in LoginOtpRequest".to_string())?,
            code: intermediate_rep
                .code
                .into_iter()
                .next()
                .ok_or_else(|| "code missing in LoginOtpRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<LoginOtpRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<LoginOtpRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<LoginOtpRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for LoginOtpRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<LoginOtpRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <LoginOtpRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into LoginOtpRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct LoginRequest {
    #[serde(rename = "email")]
    #[validate(length(max = 254), custom(function = "check_xss_string"))]
    pub email: String,

    #[serde(rename = "password")]
    #[validate(length(max = 4096), custom(function = "check_xss_string"))]
    pub password: String,
}

impl LoginRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, password: String) -> LoginRequest {
        LoginRequest { email, password }
    }
}

/// Converts the LoginRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("email".to_string()),
            Some(self.email.to_string()),
            Some("password".to_string()),
            Some(self.password.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a LoginRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for LoginRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing LoginRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep
                        .email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep
                        .password
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing LoginRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(LoginRequest {
            email: intermediate_rep
                .email
                .into_iter()
                .next()
                .ok_or_else(|| "email missing in LoginRequest".to_string())?,
            password: intermediate_rep
                .password
                .into_iter()
                .next()
                .ok_or_else(|| "password missing in LoginRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<LoginRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<LoginRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<LoginRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for LoginRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<LoginRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <LoginRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into LoginRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// The challenge and exactly one proof: `code` or `credential` (an assertion answering the challenge's `passkey_options`); otherwise `422` with the field code `exactly_one`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct MfaLoginRequest {
    /// The `challenge` of the `202` answer.
    #[serde(rename = "challenge")]
    #[validate(length(min = 1, max = 256), custom(function = "check_xss_string"))]
    pub challenge: String,

    /// A TOTP code (6 digits), a recovery code (`K4M9-X7QP-2AB8-HT3Z`; case, spaces and dashes are ignored) or the e-mailed code, as the challenge's `methods` allow.
    #[serde(rename = "code")]
    #[validate(length(min = 1, max = 64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Nullable<String>>,

    /// What `credential.toJSON()` gives (WebAuthn Level 3, binary fields base64url).
    #[serde(rename = "credential")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<Nullable<std::collections::HashMap<String, crate::types::Object>>>,
}

impl MfaLoginRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(challenge: String) -> MfaLoginRequest {
        MfaLoginRequest {
            challenge,
            code: None,
            credential: None,
        }
    }
}

/// Converts the MfaLoginRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for MfaLoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("challenge".to_string()),
            Some(self.challenge.to_string()),
            self.code.as_ref().map(|code| {
                [
                    "code".to_string(),
                    code.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            // Skipping credential in query parameter serialization
            // Skipping credential in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a MfaLoginRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for MfaLoginRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub challenge: Vec<String>,
            pub code: Vec<String>,
            pub credential: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing MfaLoginRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "challenge" => intermediate_rep
                        .challenge
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "code" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in MfaLoginRequest".to_string(),
                        );
                    }
                    "credential" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in MfaLoginRequest".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing MfaLoginRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(MfaLoginRequest {
            challenge: intermediate_rep
                .challenge
                .into_iter()
                .next()
                .ok_or_else(|| "challenge missing in MfaLoginRequest".to_string())?,
            code: std::result::Result::Err("Nullable types not supported in MfaLoginRequest".to_string())?,
            credential: std::result::Result::Err("Nullable types not supported in MfaLoginRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<MfaLoginRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<MfaLoginRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<MfaLoginRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for MfaLoginRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<MfaLoginRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <MfaLoginRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into MfaLoginRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// The account's second factors (never a secret).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct MfaSummary {
    /// The account has a second factor; sign-ins ask for it.
    #[serde(rename = "mfa_enabled")]
    pub mfa_enabled: bool,

    /// An authenticator app (TOTP) is active.
    #[serde(rename = "totp_enabled")]
    pub totp_enabled: bool,

    #[serde(rename = "totp_enabled_at")]
    pub totp_enabled_at: Nullable<chrono::DateTime<chrono::Utc>>,

    /// Unused recovery codes.
    #[serde(rename = "recovery_codes_remaining")]
    #[validate(range(min = 0u32))]
    pub recovery_codes_remaining: u32,

    /// Registered passkeys.
    #[serde(rename = "passkeys")]
    #[validate(range(min = 0u32))]
    pub passkeys: u32,

    /// `MFA_REQUIRED` applies to this account and it has no second factor: until it adds one, its tokens work only for the MFA operations and `getMe`.
    #[serde(rename = "enrollment_required")]
    pub enrollment_required: bool,
}

impl MfaSummary {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        mfa_enabled: bool,
        totp_enabled: bool,
        totp_enabled_at: Nullable<chrono::DateTime<chrono::Utc>>,
        recovery_codes_remaining: u32,
        passkeys: u32,
        enrollment_required: bool,
    ) -> MfaSummary {
        MfaSummary {
            mfa_enabled,
            totp_enabled,
            totp_enabled_at,
            recovery_codes_remaining,
            passkeys,
            enrollment_required,
        }
    }
}

/// Converts the MfaSummary value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for MfaSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("mfa_enabled".to_string()),
            Some(self.mfa_enabled.to_string()),
            Some("totp_enabled".to_string()),
            Some(self.totp_enabled.to_string()),
            // Skipping totp_enabled_at in query parameter serialization
            Some("recovery_codes_remaining".to_string()),
            Some(self.recovery_codes_remaining.to_string()),
            Some("passkeys".to_string()),
            Some(self.passkeys.to_string()),
            Some("enrollment_required".to_string()),
            Some(self.enrollment_required.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a MfaSummary value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for MfaSummary {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub mfa_enabled: Vec<bool>,
            pub totp_enabled: Vec<bool>,
            pub totp_enabled_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub recovery_codes_remaining: Vec<u32>,
            pub passkeys: Vec<u32>,
            pub enrollment_required: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing MfaSummary".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "mfa_enabled" => intermediate_rep
                        .mfa_enabled
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "totp_enabled" => intermediate_rep
                        .totp_enabled
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "totp_enabled_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in MfaSummary".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "recovery_codes_remaining" => intermediate_rep
                        .recovery_codes_remaining
                        .push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "passkeys" => intermediate_rep
                        .passkeys
                        .push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "enrollment_required" => intermediate_rep
                        .enrollment_required
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing MfaSummary".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(MfaSummary {
            mfa_enabled: intermediate_rep
                .mfa_enabled
                .into_iter()
                .next()
                .ok_or_else(|| "mfa_enabled missing in MfaSummary".to_string())?,
            totp_enabled: intermediate_rep
                .totp_enabled
                .into_iter()
                .next()
                .ok_or_else(|| "totp_enabled missing in MfaSummary".to_string())?,
            totp_enabled_at: std::result::Result::Err("Nullable types not supported in MfaSummary".to_string())?,
            recovery_codes_remaining: intermediate_rep
                .recovery_codes_remaining
                .into_iter()
                .next()
                .ok_or_else(|| "recovery_codes_remaining missing in MfaSummary".to_string())?,
            passkeys: intermediate_rep
                .passkeys
                .into_iter()
                .next()
                .ok_or_else(|| "passkeys missing in MfaSummary".to_string())?,
            enrollment_required: intermediate_rep
                .enrollment_required
                .into_iter()
                .next()
                .ok_or_else(|| "enrollment_required missing in MfaSummary".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<MfaSummary> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<MfaSummary>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<MfaSummary>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for MfaSummary - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<MfaSummary> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <MfaSummary as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into MfaSummary - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// Exactly one of `email` (passwordless login) and `challenge` (two-step login).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct OtpResendRequest {
    #[serde(rename = "email")]
    #[validate(length(max = 254))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Nullable<String>>,

    /// The challenge of a two-step `login`.
    #[serde(rename = "challenge")]
    #[validate(length(min = 1, max = 512))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge: Option<Nullable<String>>,
}

impl OtpResendRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> OtpResendRequest {
        OtpResendRequest {
            email: None,
            challenge: None,
        }
    }
}

/// Converts the OtpResendRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for OtpResendRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.email.as_ref().map(|email| {
                [
                    "email".to_string(),
                    email.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.challenge.as_ref().map(|challenge| {
                [
                    "challenge".to_string(),
                    challenge.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a OtpResendRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for OtpResendRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub challenge: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing OtpResendRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "email" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in OtpResendRequest".to_string(),
                        );
                    }
                    "challenge" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in OtpResendRequest".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing OtpResendRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(OtpResendRequest {
            email: std::result::Result::Err("Nullable types not supported in OtpResendRequest".to_string())?,
            challenge: std::result::Result::Err("Nullable types not supported in OtpResendRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<OtpResendRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<OtpResendRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<OtpResendRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for OtpResendRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<OtpResendRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <OtpResendRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into OtpResendRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct OtpVerifyRequest {
    #[serde(rename = "email")]
    #[validate(length(max = 254), custom(function = "check_xss_string"))]
    pub email: String,

    /// The 6-digit code from the e-mail; spaces and dashes are ignored.
    #[serde(rename = "code")]
    #[validate(length(min = 1, max = 32), custom(function = "check_xss_string"))]
    pub code: String,
}

impl OtpVerifyRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, code: String) -> OtpVerifyRequest {
        OtpVerifyRequest { email, code }
    }
}

/// Converts the OtpVerifyRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for OtpVerifyRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("email".to_string()),
            Some(self.email.to_string()),
            Some("code".to_string()),
            Some(self.code.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a OtpVerifyRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for OtpVerifyRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing OtpVerifyRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep
                        .email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep
                        .code
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing OtpVerifyRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(OtpVerifyRequest {
            email: intermediate_rep
                .email
                .into_iter()
                .next()
                .ok_or_else(|| "email missing in OtpVerifyRequest".to_string())?,
            code: intermediate_rep
                .code
                .into_iter()
                .next()
                .ok_or_else(|| "code missing in OtpVerifyRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<OtpVerifyRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<OtpVerifyRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<OtpVerifyRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for OtpVerifyRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<OtpVerifyRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <OtpVerifyRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into OtpVerifyRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct OutboxMessage {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    /// The template, e.g. `verify_email`, `password_reset`.
    #[serde(rename = "kind")]
    #[validate(custom(function = "check_xss_string"))]
    pub kind: String,

    #[serde(rename = "recipient")]
    #[validate(custom(function = "check_xss_string"))]
    pub recipient: String,

    #[serde(rename = "subject")]
    #[validate(custom(function = "check_xss_string"))]
    pub subject: String,

    #[serde(rename = "status")]
    #[validate(nested)]
    pub status: models::OutboxStatus,

    #[serde(rename = "attempts")]
    pub attempts: i32,

    /// Why the last attempt failed.
    #[serde(rename = "last_error")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_error: Option<Nullable<String>>,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "next_attempt_at")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<Nullable<chrono::DateTime<chrono::Utc>>>,

    #[serde(rename = "sent_at")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<Nullable<chrono::DateTime<chrono::Utc>>>,
}

impl OutboxMessage {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        kind: String,
        recipient: String,
        subject: String,
        status: models::OutboxStatus,
        attempts: i32,
        created_at: chrono::DateTime<chrono::Utc>,
    ) -> OutboxMessage {
        OutboxMessage {
            id,
            kind,
            recipient,
            subject,
            status,
            attempts,
            last_error: None,
            created_at,
            next_attempt_at: None,
            sent_at: None,
        }
    }
}

/// Converts the OutboxMessage value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for OutboxMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization
            Some("kind".to_string()),
            Some(self.kind.to_string()),
            Some("recipient".to_string()),
            Some(self.recipient.to_string()),
            Some("subject".to_string()),
            Some(self.subject.to_string()),
            // Skipping status in query parameter serialization
            Some("attempts".to_string()),
            Some(self.attempts.to_string()),
            self.last_error.as_ref().map(|last_error| {
                [
                    "last_error".to_string(),
                    last_error.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            // Skipping created_at in query parameter serialization

            // Skipping next_attempt_at in query parameter serialization

            // Skipping sent_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a OutboxMessage value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for OutboxMessage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub kind: Vec<String>,
            pub recipient: Vec<String>,
            pub subject: Vec<String>,
            pub status: Vec<models::OutboxStatus>,
            pub attempts: Vec<i32>,
            pub last_error: Vec<String>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub next_attempt_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub sent_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing OutboxMessage".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "kind" => intermediate_rep
                        .kind
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "recipient" => intermediate_rep
                        .recipient
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "subject" => intermediate_rep
                        .subject
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep
                        .status
                        .push(<models::OutboxStatus as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "attempts" => intermediate_rep
                        .attempts
                        .push(<i32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "last_error" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in OutboxMessage".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "next_attempt_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in OutboxMessage".to_string(),
                        );
                    }
                    "sent_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in OutboxMessage".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing OutboxMessage".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(OutboxMessage {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in OutboxMessage".to_string())?,
            kind: intermediate_rep
                .kind
                .into_iter()
                .next()
                .ok_or_else(|| "kind missing in OutboxMessage".to_string())?,
            recipient: intermediate_rep
                .recipient
                .into_iter()
                .next()
                .ok_or_else(|| "recipient missing in OutboxMessage".to_string())?,
            subject: intermediate_rep
                .subject
                .into_iter()
                .next()
                .ok_or_else(|| "subject missing in OutboxMessage".to_string())?,
            status: intermediate_rep
                .status
                .into_iter()
                .next()
                .ok_or_else(|| "status missing in OutboxMessage".to_string())?,
            attempts: intermediate_rep
                .attempts
                .into_iter()
                .next()
                .ok_or_else(|| "attempts missing in OutboxMessage".to_string())?,
            last_error: std::result::Result::Err("Nullable types not supported in OutboxMessage".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in OutboxMessage".to_string())?,
            next_attempt_at: std::result::Result::Err("Nullable types not supported in OutboxMessage".to_string())?,
            sent_at: std::result::Result::Err("Nullable types not supported in OutboxMessage".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<OutboxMessage> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<OutboxMessage>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<OutboxMessage>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for OutboxMessage - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<OutboxMessage> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <OutboxMessage as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into OutboxMessage - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct OutboxPage {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::OutboxMessage>,

    /// Pass as `before` for the next page; `null` on the last page.
    #[serde(rename = "next_before")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_before: Option<Nullable<uuid::Uuid>>,
}

impl OutboxPage {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::OutboxMessage>) -> OutboxPage {
        OutboxPage {
            items,
            next_before: None,
        }
    }
}

/// Converts the OutboxPage value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for OutboxPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

            // Skipping next_before in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a OutboxPage value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for OutboxPage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::OutboxMessage>>,
            pub next_before: Vec<uuid::Uuid>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing OutboxPage".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in OutboxPage".to_string(),
                        );
                    }
                    "next_before" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in OutboxPage".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing OutboxPage".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(OutboxPage {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in OutboxPage".to_string())?,
            next_before: std::result::Result::Err("Nullable types not supported in OutboxPage".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<OutboxPage> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<OutboxPage>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<OutboxPage>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for OutboxPage - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<OutboxPage> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <OutboxPage as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into OutboxPage - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// `pending`: waiting for its (next) attempt; `sending`: claimed by a worker; `sent`: accepted by the mail server; `dead`: every attempt failed.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum OutboxStatus {
    #[serde(rename = "pending")]
    Pending,
    #[serde(rename = "sending")]
    Sending,
    #[serde(rename = "sent")]
    Sent,
    #[serde(rename = "dead")]
    Dead,
}

impl validator::Validate for OutboxStatus {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for OutboxStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            OutboxStatus::Pending => write!(f, "pending"),
            OutboxStatus::Sending => write!(f, "sending"),
            OutboxStatus::Sent => write!(f, "sent"),
            OutboxStatus::Dead => write!(f, "dead"),
        }
    }
}

impl std::str::FromStr for OutboxStatus {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "pending" => std::result::Result::Ok(OutboxStatus::Pending),
            "sending" => std::result::Result::Ok(OutboxStatus::Sending),
            "sent" => std::result::Result::Ok(OutboxStatus::Sent),
            "dead" => std::result::Result::Ok(OutboxStatus::Dead),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Passkey {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "name")]
    #[validate(custom(function = "check_xss_string"))]
    pub name: String,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "last_used_at")]
    pub last_used_at: Nullable<chrono::DateTime<chrono::Utc>>,
}

impl Passkey {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        name: String,
        created_at: chrono::DateTime<chrono::Utc>,
        last_used_at: Nullable<chrono::DateTime<chrono::Utc>>,
    ) -> Passkey {
        Passkey {
            id,
            name,
            created_at,
            last_used_at,
        }
    }
}

/// Converts the Passkey value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Passkey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization
            Some("name".to_string()),
            Some(self.name.to_string()),
            // Skipping created_at in query parameter serialization

            // Skipping last_used_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Passkey value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Passkey {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub name: Vec<String>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub last_used_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Passkey".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "last_used_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in Passkey".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing Passkey".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Passkey {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in Passkey".to_string())?,
            name: intermediate_rep
                .name
                .into_iter()
                .next()
                .ok_or_else(|| "name missing in Passkey".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in Passkey".to_string())?,
            last_used_at: std::result::Result::Err("Nullable types not supported in Passkey".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Passkey> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Passkey>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Passkey>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for Passkey - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Passkey> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Passkey as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into Passkey - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasskeyList {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::Passkey>,
}

impl PasskeyList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::Passkey>) -> PasskeyList {
        PasskeyList { items }
    }
}

/// Converts the PasskeyList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasskeyList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasskeyList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasskeyList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::Passkey>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing PasskeyList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in PasskeyList".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing PasskeyList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasskeyList {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in PasskeyList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasskeyList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasskeyList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasskeyList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasskeyList - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasskeyList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <PasskeyList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into PasskeyList - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasskeyOptionsRequest {
    /// Accepted for forms that ask for it first; it changes nothing.
    #[serde(rename = "email")]
    #[validate(length(max = 320))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Nullable<String>>,
}

impl PasskeyOptionsRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> PasskeyOptionsRequest {
        PasskeyOptionsRequest { email: None }
    }
}

/// Converts the PasskeyOptionsRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasskeyOptionsRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![self.email.as_ref().map(|email| {
            [
                "email".to_string(),
                email.as_ref().map_or("null".to_string(), |x| x.to_string()),
            ]
            .join(",")
        })];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasskeyOptionsRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasskeyOptionsRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing PasskeyOptionsRequest".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "email" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in PasskeyOptionsRequest"
                                .to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing PasskeyOptionsRequest".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasskeyOptionsRequest {
            email: std::result::Result::Err("Nullable types not supported in PasskeyOptionsRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasskeyOptionsRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasskeyOptionsRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasskeyOptionsRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasskeyOptionsRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasskeyOptionsRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <PasskeyOptionsRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into PasskeyOptionsRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasskeyRegistered {
    #[serde(rename = "passkey")]
    #[validate(nested)]
    pub passkey: models::Passkey,

    /// Ten recovery codes when this passkey is the account's first second factor; shown once.
    #[serde(rename = "recovery_codes")]
    pub recovery_codes: Nullable<Vec<String>>,
}

impl PasskeyRegistered {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(passkey: models::Passkey, recovery_codes: Nullable<Vec<String>>) -> PasskeyRegistered {
        PasskeyRegistered {
            passkey,
            recovery_codes,
        }
    }
}

/// Converts the PasskeyRegistered value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasskeyRegistered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping passkey in query parameter serialization
            Some("recovery_codes".to_string()),
            Some(self.recovery_codes.as_ref().map_or("null".to_string(), |x| {
                x.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")
            })),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasskeyRegistered value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasskeyRegistered {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub passkey: Vec<models::Passkey>,
            pub recovery_codes: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing PasskeyRegistered".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "passkey" => intermediate_rep
                        .passkey
                        .push(<models::Passkey as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "recovery_codes" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in PasskeyRegistered".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing PasskeyRegistered".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasskeyRegistered {
            passkey: intermediate_rep
                .passkey
                .into_iter()
                .next()
                .ok_or_else(|| "passkey missing in PasskeyRegistered".to_string())?,
            recovery_codes: std::result::Result::Err("Nullable types not supported in PasskeyRegistered".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasskeyRegistered> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasskeyRegistered>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasskeyRegistered>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasskeyRegistered - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasskeyRegistered> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <PasskeyRegistered as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into PasskeyRegistered - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasskeyRegistrationRequest {
    /// What `credential.toJSON()` gives (WebAuthn Level 3, binary fields base64url).
    #[serde(rename = "credential")]
    #[validate(custom(function = "check_xss_map"))]
    pub credential: std::collections::HashMap<String, crate::types::Object>,

    /// A name to tell it apart (\"MacBook\"); default \"Passkey N\". `null` is the same as leaving it out.
    #[serde(rename = "name")]
    #[validate(
            length(min = 1, max = 100),
            regex(path = *RE_PASSKEYREGISTRATIONREQUEST_NAME),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Nullable<String>>,
}

lazy_static::lazy_static! {
    static ref RE_PASSKEYREGISTRATIONREQUEST_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}

impl PasskeyRegistrationRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(credential: std::collections::HashMap<String, crate::types::Object>) -> PasskeyRegistrationRequest {
        PasskeyRegistrationRequest { credential, name: None }
    }
}

/// Converts the PasskeyRegistrationRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasskeyRegistrationRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping credential in query parameter serialization
            // Skipping credential in query parameter serialization
            self.name.as_ref().map(|name| {
                [
                    "name".to_string(),
                    name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasskeyRegistrationRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasskeyRegistrationRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub credential: Vec<std::collections::HashMap<String, crate::types::Object>>,
            pub name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err(
                        "Missing value while parsing PasskeyRegistrationRequest".to_string(),
                    );
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "credential" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in PasskeyRegistrationRequest"
                                .to_string(),
                        );
                    }
                    "name" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in PasskeyRegistrationRequest"
                                .to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing PasskeyRegistrationRequest".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasskeyRegistrationRequest {
            credential: intermediate_rep
                .credential
                .into_iter()
                .next()
                .ok_or_else(|| "credential missing in PasskeyRegistrationRequest".to_string())?,
            name: std::result::Result::Err("Nullable types not supported in PasskeyRegistrationRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasskeyRegistrationRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasskeyRegistrationRequest>> for HeaderValue {
    type Error = String;

    fn try_from(
        hdr_value: header::IntoHeaderValue<PasskeyRegistrationRequest>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasskeyRegistrationRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasskeyRegistrationRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => {
                match <PasskeyRegistrationRequest as std::str::FromStr>::from_str(value) {
                    std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                    std::result::Result::Err(err) => std::result::Result::Err(format!(
                        r#"Unable to convert header value '{value}' into PasskeyRegistrationRequest - {err}"#
                    )),
                }
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasskeyRename {
    #[serde(rename = "name")]
    #[validate(
            length(min = 1, max = 100),
            regex(path = *RE_PASSKEYRENAME_NAME),
          custom(function = "check_xss_string"),
    )]
    pub name: String,
}

lazy_static::lazy_static! {
    static ref RE_PASSKEYRENAME_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}

impl PasskeyRename {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(name: String) -> PasskeyRename {
        PasskeyRename { name }
    }
}

/// Converts the PasskeyRename value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasskeyRename {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("name".to_string()), Some(self.name.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasskeyRename value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasskeyRename {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing PasskeyRename".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing PasskeyRename".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasskeyRename {
            name: intermediate_rep
                .name
                .into_iter()
                .next()
                .ok_or_else(|| "name missing in PasskeyRename".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasskeyRename> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasskeyRename>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasskeyRename>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasskeyRename - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasskeyRename> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <PasskeyRename as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into PasskeyRename - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasskeySignInOptions {
    /// Send it back with the credential.
    #[serde(rename = "ceremony")]
    #[validate(custom(function = "check_xss_string"))]
    pub ceremony: String,

    /// A `PublicKeyCredentialRequestOptionsJSON` (WebAuthn Level 3): binary fields are base64url; pass it to `PublicKeyCredential.parseRequestOptionsFromJSON()`.
    #[serde(rename = "options")]
    #[validate(custom(function = "check_xss_map"))]
    pub options: std::collections::HashMap<String, crate::types::Object>,
}

impl PasskeySignInOptions {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        ceremony: String,
        options: std::collections::HashMap<String, crate::types::Object>,
    ) -> PasskeySignInOptions {
        PasskeySignInOptions { ceremony, options }
    }
}

/// Converts the PasskeySignInOptions value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasskeySignInOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("ceremony".to_string()),
            Some(self.ceremony.to_string()),
            // Skipping options in query parameter serialization
            // Skipping options in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasskeySignInOptions value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasskeySignInOptions {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub ceremony: Vec<String>,
            pub options: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing PasskeySignInOptions".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "ceremony" => intermediate_rep
                        .ceremony
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "options" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in PasskeySignInOptions".to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing PasskeySignInOptions".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasskeySignInOptions {
            ceremony: intermediate_rep
                .ceremony
                .into_iter()
                .next()
                .ok_or_else(|| "ceremony missing in PasskeySignInOptions".to_string())?,
            options: intermediate_rep
                .options
                .into_iter()
                .next()
                .ok_or_else(|| "options missing in PasskeySignInOptions".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasskeySignInOptions> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasskeySignInOptions>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasskeySignInOptions>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasskeySignInOptions - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasskeySignInOptions> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <PasskeySignInOptions as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into PasskeySignInOptions - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasskeyVerifyRequest {
    #[serde(rename = "ceremony")]
    #[validate(length(min = 1, max = 256), custom(function = "check_xss_string"))]
    pub ceremony: String,

    /// What `credential.toJSON()` gives (WebAuthn Level 3, binary fields base64url).
    #[serde(rename = "credential")]
    #[validate(custom(function = "check_xss_map"))]
    pub credential: std::collections::HashMap<String, crate::types::Object>,
}

impl PasskeyVerifyRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        ceremony: String,
        credential: std::collections::HashMap<String, crate::types::Object>,
    ) -> PasskeyVerifyRequest {
        PasskeyVerifyRequest { ceremony, credential }
    }
}

/// Converts the PasskeyVerifyRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasskeyVerifyRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("ceremony".to_string()),
            Some(self.ceremony.to_string()),
            // Skipping credential in query parameter serialization
            // Skipping credential in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasskeyVerifyRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasskeyVerifyRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub ceremony: Vec<String>,
            pub credential: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing PasskeyVerifyRequest".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "ceremony" => intermediate_rep
                        .ceremony
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "credential" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in PasskeyVerifyRequest".to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing PasskeyVerifyRequest".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasskeyVerifyRequest {
            ceremony: intermediate_rep
                .ceremony
                .into_iter()
                .next()
                .ok_or_else(|| "ceremony missing in PasskeyVerifyRequest".to_string())?,
            credential: intermediate_rep
                .credential
                .into_iter()
                .next()
                .ok_or_else(|| "credential missing in PasskeyVerifyRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasskeyVerifyRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasskeyVerifyRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasskeyVerifyRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasskeyVerifyRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasskeyVerifyRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <PasskeyVerifyRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into PasskeyVerifyRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasswordChangeRequest {
    #[serde(rename = "current_password")]
    #[validate(length(max = 4096), custom(function = "check_xss_string"))]
    pub current_password: String,

    /// Same policy as registration.
    #[serde(rename = "new_password")]
    #[validate(length(min = 8, max = 256), custom(function = "check_xss_string"))]
    pub new_password: String,
}

impl PasswordChangeRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(current_password: String, new_password: String) -> PasswordChangeRequest {
        PasswordChangeRequest {
            current_password,
            new_password,
        }
    }
}

/// Converts the PasswordChangeRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasswordChangeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("current_password".to_string()),
            Some(self.current_password.to_string()),
            Some("new_password".to_string()),
            Some(self.new_password.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasswordChangeRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasswordChangeRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub current_password: Vec<String>,
            pub new_password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing PasswordChangeRequest".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "current_password" => intermediate_rep
                        .current_password
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "new_password" => intermediate_rep
                        .new_password
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing PasswordChangeRequest".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasswordChangeRequest {
            current_password: intermediate_rep
                .current_password
                .into_iter()
                .next()
                .ok_or_else(|| "current_password missing in PasswordChangeRequest".to_string())?,
            new_password: intermediate_rep
                .new_password
                .into_iter()
                .next()
                .ok_or_else(|| "new_password missing in PasswordChangeRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasswordChangeRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasswordChangeRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PasswordChangeRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasswordChangeRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasswordChangeRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <PasswordChangeRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into PasswordChangeRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PasswordResetConfirmRequest {
    #[serde(rename = "token")]
    #[validate(length(min = 1, max = 512), custom(function = "check_xss_string"))]
    pub token: String,

    /// Same policy as registration.
    #[serde(rename = "new_password")]
    #[validate(length(min = 8, max = 256), custom(function = "check_xss_string"))]
    pub new_password: String,
}

impl PasswordResetConfirmRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(token: String, new_password: String) -> PasswordResetConfirmRequest {
        PasswordResetConfirmRequest { token, new_password }
    }
}

/// Converts the PasswordResetConfirmRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PasswordResetConfirmRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("token".to_string()),
            Some(self.token.to_string()),
            Some("new_password".to_string()),
            Some(self.new_password.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PasswordResetConfirmRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PasswordResetConfirmRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub token: Vec<String>,
            pub new_password: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err(
                        "Missing value while parsing PasswordResetConfirmRequest".to_string(),
                    );
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "token" => intermediate_rep
                        .token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "new_password" => intermediate_rep
                        .new_password
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing PasswordResetConfirmRequest".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PasswordResetConfirmRequest {
            token: intermediate_rep
                .token
                .into_iter()
                .next()
                .ok_or_else(|| "token missing in PasswordResetConfirmRequest".to_string())?,
            new_password: intermediate_rep
                .new_password
                .into_iter()
                .next()
                .ok_or_else(|| "new_password missing in PasswordResetConfirmRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PasswordResetConfirmRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PasswordResetConfirmRequest>> for HeaderValue {
    type Error = String;

    fn try_from(
        hdr_value: header::IntoHeaderValue<PasswordResetConfirmRequest>,
    ) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for PasswordResetConfirmRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PasswordResetConfirmRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => {
                match <PasswordResetConfirmRequest as std::str::FromStr>::from_str(value) {
                    std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                    std::result::Result::Err(err) => std::result::Result::Err(format!(
                        r#"Unable to convert header value '{value}' into PasswordResetConfirmRequest - {err}"#
                    )),
                }
            }
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Problem {
    /// A URI that identifies the problem type.
    #[serde(rename = "type")]
    #[validate(custom(function = "check_xss_string"))]
    pub r_type: String,

    /// A short, human-readable summary of the problem type.
    #[serde(rename = "title")]
    #[validate(custom(function = "check_xss_string"))]
    pub title: String,

    /// The HTTP status code.
    #[serde(rename = "status")]
    pub status: i32,

    /// An explanation specific to this occurrence.
    #[serde(rename = "detail")]
    #[validate(custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,

    /// The request path.
    #[serde(rename = "instance")]
    #[validate(custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,

    /// A stable, machine-readable error code to branch on.
    #[serde(rename = "code")]
    #[validate(custom(function = "check_xss_string"))]
    pub code: String,

    /// The id of the request, as logged by the server.
    #[serde(rename = "request_id")]
    #[validate(custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,

    /// Per-field validation errors.
    #[serde(rename = "errors")]
    #[validate(nested)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r_errors: Option<Vec<models::FieldError>>,
}

impl Problem {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(r_type: String, title: String, status: i32, code: String) -> Problem {
        Problem {
            r_type,
            title,
            status,
            detail: None,
            instance: None,
            code,
            request_id: None,
            r_errors: None,
        }
    }
}

/// Converts the Problem value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("type".to_string()),
            Some(self.r_type.to_string()),
            Some("title".to_string()),
            Some(self.title.to_string()),
            Some("status".to_string()),
            Some(self.status.to_string()),
            self.detail
                .as_ref()
                .map(|detail| ["detail".to_string(), detail.to_string()].join(",")),
            self.instance
                .as_ref()
                .map(|instance| ["instance".to_string(), instance.to_string()].join(",")),
            Some("code".to_string()),
            Some(self.code.to_string()),
            self.request_id
                .as_ref()
                .map(|request_id| ["request_id".to_string(), request_id.to_string()].join(",")),
            // Skipping errors in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Problem value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Problem {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r_type: Vec<String>,
            pub title: Vec<String>,
            pub status: Vec<i32>,
            pub detail: Vec<String>,
            pub instance: Vec<String>,
            pub code: Vec<String>,
            pub request_id: Vec<String>,
            pub r_errors: Vec<Vec<models::FieldError>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Problem".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep
                        .r_type
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "title" => intermediate_rep
                        .title
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep
                        .status
                        .push(<i32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "detail" => intermediate_rep
                        .detail
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "instance" => intermediate_rep
                        .instance
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep
                        .code
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "request_id" => intermediate_rep
                        .request_id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "errors" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in Problem".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing Problem".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Problem {
            r_type: intermediate_rep
                .r_type
                .into_iter()
                .next()
                .ok_or_else(|| "type missing in Problem".to_string())?,
            title: intermediate_rep
                .title
                .into_iter()
                .next()
                .ok_or_else(|| "title missing in Problem".to_string())?,
            status: intermediate_rep
                .status
                .into_iter()
                .next()
                .ok_or_else(|| "status missing in Problem".to_string())?,
            detail: intermediate_rep.detail.into_iter().next(),
            instance: intermediate_rep.instance.into_iter().next(),
            code: intermediate_rep
                .code
                .into_iter()
                .next()
                .ok_or_else(|| "code missing in Problem".to_string())?,
            request_id: intermediate_rep.request_id.into_iter().next(),
            r_errors: intermediate_rep.r_errors.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Problem> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Problem>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Problem>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for Problem - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Problem> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Problem as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into Problem - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Readiness {
    /// `degraded`: ready, but Redis does not answer (rate limits and lock-outs fail open).
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "status")]
    #[validate(custom(function = "check_xss_string"))]
    pub status: String,

    /// The database answered (when it does not, the answer is 503).
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "database")]
    #[validate(custom(function = "check_xss_string"))]
    pub database: String,

    /// Whether Redis answered its PING within a second; `not_configured` without `REDIS_URL`.
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "redis")]
    #[validate(custom(function = "check_xss_string"))]
    pub redis: String,
}

impl Readiness {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(status: String, database: String, redis: String) -> Readiness {
        Readiness {
            status,
            database,
            redis,
        }
    }
}

/// Converts the Readiness value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Readiness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("status".to_string()),
            Some(self.status.to_string()),
            Some("database".to_string()),
            Some(self.database.to_string()),
            Some("redis".to_string()),
            Some(self.redis.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Readiness value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Readiness {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub status: Vec<String>,
            pub database: Vec<String>,
            pub redis: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Readiness".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep
                        .status
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "database" => intermediate_rep
                        .database
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "redis" => intermediate_rep
                        .redis
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Readiness".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Readiness {
            status: intermediate_rep
                .status
                .into_iter()
                .next()
                .ok_or_else(|| "status missing in Readiness".to_string())?,
            database: intermediate_rep
                .database
                .into_iter()
                .next()
                .ok_or_else(|| "database missing in Readiness".to_string())?,
            redis: intermediate_rep
                .redis
                .into_iter()
                .next()
                .ok_or_else(|| "redis missing in Readiness".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Readiness> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Readiness>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Readiness>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for Readiness - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Readiness> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Readiness as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into Readiness - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// Exactly one proof: `password`, `code` or `credential` (an assertion answering `startPasskeyReauthentication`); otherwise `422` with the field code `exactly_one`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ReauthenticateRequest {
    #[serde(rename = "password")]
    #[validate(length(min = 1, max = 1024))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Nullable<String>>,

    /// A current TOTP code.
    #[serde(rename = "code")]
    #[validate(length(min = 1, max = 64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Nullable<String>>,

    /// What `credential.toJSON()` gives (WebAuthn Level 3, binary fields base64url).
    #[serde(rename = "credential")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<Nullable<std::collections::HashMap<String, crate::types::Object>>>,
}

impl ReauthenticateRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> ReauthenticateRequest {
        ReauthenticateRequest {
            password: None,
            code: None,
            credential: None,
        }
    }
}

/// Converts the ReauthenticateRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ReauthenticateRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.password.as_ref().map(|password| {
                [
                    "password".to_string(),
                    password.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.code.as_ref().map(|code| {
                [
                    "code".to_string(),
                    code.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            // Skipping credential in query parameter serialization
            // Skipping credential in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ReauthenticateRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ReauthenticateRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub password: Vec<String>,
            pub code: Vec<String>,
            pub credential: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing ReauthenticateRequest".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "password" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ReauthenticateRequest"
                                .to_string(),
                        );
                    }
                    "code" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in ReauthenticateRequest"
                                .to_string(),
                        );
                    }
                    "credential" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in ReauthenticateRequest".to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing ReauthenticateRequest".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ReauthenticateRequest {
            password: std::result::Result::Err("Nullable types not supported in ReauthenticateRequest".to_string())?,
            code: std::result::Result::Err("Nullable types not supported in ReauthenticateRequest".to_string())?,
            credential: std::result::Result::Err("Nullable types not supported in ReauthenticateRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ReauthenticateRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ReauthenticateRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ReauthenticateRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for ReauthenticateRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ReauthenticateRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <ReauthenticateRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into ReauthenticateRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Reauthenticated {
    /// A new access token of the same session, with the new `auth_time`.
    #[serde(rename = "access_token")]
    #[validate(custom(function = "check_xss_string"))]
    pub access_token: String,

    #[serde(rename = "token_type")]
    #[validate(custom(function = "check_xss_string"))]
    pub token_type: String,

    /// Lifetime of the access token, in seconds.
    #[serde(rename = "expires_in")]
    pub expires_in: i64,

    /// When the session last proved who it is (now).
    #[serde(rename = "auth_time")]
    pub auth_time: chrono::DateTime<chrono::Utc>,

    /// The session's authenticator assurance level (2 with a second factor).
    #[serde(rename = "aal")]
    #[validate(range(min = 1u32, max = 2u32))]
    pub aal: u32,
}

impl Reauthenticated {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        access_token: String,
        token_type: String,
        expires_in: i64,
        auth_time: chrono::DateTime<chrono::Utc>,
        aal: u32,
    ) -> Reauthenticated {
        Reauthenticated {
            access_token,
            token_type,
            expires_in,
            auth_time,
            aal,
        }
    }
}

/// Converts the Reauthenticated value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Reauthenticated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("access_token".to_string()),
            Some(self.access_token.to_string()),
            Some("token_type".to_string()),
            Some(self.token_type.to_string()),
            Some("expires_in".to_string()),
            Some(self.expires_in.to_string()),
            // Skipping auth_time in query parameter serialization
            Some("aal".to_string()),
            Some(self.aal.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Reauthenticated value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Reauthenticated {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub access_token: Vec<String>,
            pub token_type: Vec<String>,
            pub expires_in: Vec<i64>,
            pub auth_time: Vec<chrono::DateTime<chrono::Utc>>,
            pub aal: Vec<u32>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Reauthenticated".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "access_token" => intermediate_rep
                        .access_token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "token_type" => intermediate_rep
                        .token_type
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "expires_in" => intermediate_rep
                        .expires_in
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "auth_time" => intermediate_rep.auth_time.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "aal" => intermediate_rep
                        .aal
                        .push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Reauthenticated".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Reauthenticated {
            access_token: intermediate_rep
                .access_token
                .into_iter()
                .next()
                .ok_or_else(|| "access_token missing in Reauthenticated".to_string())?,
            token_type: intermediate_rep
                .token_type
                .into_iter()
                .next()
                .ok_or_else(|| "token_type missing in Reauthenticated".to_string())?,
            expires_in: intermediate_rep
                .expires_in
                .into_iter()
                .next()
                .ok_or_else(|| "expires_in missing in Reauthenticated".to_string())?,
            auth_time: intermediate_rep
                .auth_time
                .into_iter()
                .next()
                .ok_or_else(|| "auth_time missing in Reauthenticated".to_string())?,
            aal: intermediate_rep
                .aal
                .into_iter()
                .next()
                .ok_or_else(|| "aal missing in Reauthenticated".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Reauthenticated> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Reauthenticated>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Reauthenticated>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for Reauthenticated - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Reauthenticated> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Reauthenticated as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into Reauthenticated - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RecoveryCodeSet {
    /// Ten codes, each usable once; keep them somewhere safe.
    #[serde(rename = "recovery_codes")]
    #[validate(length(min = 10, max = 10), custom(function = "check_xss_vec_string"))]
    pub recovery_codes: Vec<String>,
}

impl RecoveryCodeSet {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(recovery_codes: Vec<String>) -> RecoveryCodeSet {
        RecoveryCodeSet { recovery_codes }
    }
}

/// Converts the RecoveryCodeSet value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RecoveryCodeSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("recovery_codes".to_string()),
            Some(
                self.recovery_codes
                    .iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RecoveryCodeSet value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RecoveryCodeSet {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub recovery_codes: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing RecoveryCodeSet".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "recovery_codes" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in RecoveryCodeSet".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing RecoveryCodeSet".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RecoveryCodeSet {
            recovery_codes: intermediate_rep
                .recovery_codes
                .into_iter()
                .next()
                .ok_or_else(|| "recovery_codes missing in RecoveryCodeSet".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RecoveryCodeSet> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RecoveryCodeSet>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RecoveryCodeSet>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for RecoveryCodeSet - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RecoveryCodeSet> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <RecoveryCodeSet as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into RecoveryCodeSet - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RefreshRequest {
    /// The newest refresh token; omit it (or send `null`) in cookie mode.
    #[serde(rename = "refresh_token")]
    #[validate(length(max = 512))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<Nullable<String>>,
}

impl RefreshRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> RefreshRequest {
        RefreshRequest { refresh_token: None }
    }
}

/// Converts the RefreshRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RefreshRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![self.refresh_token.as_ref().map(|refresh_token| {
            [
                "refresh_token".to_string(),
                refresh_token.as_ref().map_or("null".to_string(), |x| x.to_string()),
            ]
            .join(",")
        })];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RefreshRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RefreshRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub refresh_token: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing RefreshRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "refresh_token" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RefreshRequest".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing RefreshRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RefreshRequest {
            refresh_token: std::result::Result::Err("Nullable types not supported in RefreshRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RefreshRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RefreshRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RefreshRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for RefreshRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RefreshRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <RefreshRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into RefreshRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RegisterRequest {
    #[serde(rename = "email")]
    #[validate(length(max = 254), custom(function = "check_xss_string"))]
    pub email: String,

    /// 8 to 256 characters, not one of the most common passwords, not the e-mail address. Too short or too long: `password_too_short` / `password_too_long`.
    #[serde(rename = "password")]
    #[validate(length(min = 8, max = 256), custom(function = "check_xss_string"))]
    pub password: String,

    /// Optional; `null` is the same as leaving it out.
    #[serde(rename = "first_name")]
    #[validate(
            length(max = 150),
            regex(path = *RE_REGISTERREQUEST_FIRST_NAME),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Nullable<String>>,

    /// Optional; `null` is the same as leaving it out.
    #[serde(rename = "last_name")]
    #[validate(
            length(max = 150),
            regex(path = *RE_REGISTERREQUEST_LAST_NAME),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Nullable<String>>,
}

lazy_static::lazy_static! {
    static ref RE_REGISTERREQUEST_FIRST_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_REGISTERREQUEST_LAST_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}

impl RegisterRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(email: String, password: String) -> RegisterRequest {
        RegisterRequest {
            email,
            password,
            first_name: None,
            last_name: None,
        }
    }
}

/// Converts the RegisterRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RegisterRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("email".to_string()),
            Some(self.email.to_string()),
            Some("password".to_string()),
            Some(self.password.to_string()),
            self.first_name.as_ref().map(|first_name| {
                [
                    "first_name".to_string(),
                    first_name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.last_name.as_ref().map(|last_name| {
                [
                    "last_name".to_string(),
                    last_name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RegisterRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RegisterRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub email: Vec<String>,
            pub password: Vec<String>,
            pub first_name: Vec<String>,
            pub last_name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing RegisterRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep
                        .email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "password" => intermediate_rep
                        .password
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "first_name" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RegisterRequest".to_string(),
                        );
                    }
                    "last_name" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RegisterRequest".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing RegisterRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RegisterRequest {
            email: intermediate_rep
                .email
                .into_iter()
                .next()
                .ok_or_else(|| "email missing in RegisterRequest".to_string())?,
            password: intermediate_rep
                .password
                .into_iter()
                .next()
                .ok_or_else(|| "password missing in RegisterRequest".to_string())?,
            first_name: std::result::Result::Err("Nullable types not supported in RegisterRequest".to_string())?,
            last_name: std::result::Result::Err("Nullable types not supported in RegisterRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RegisterRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RegisterRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RegisterRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for RegisterRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RegisterRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <RegisterRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into RegisterRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RevokedSessions {
    /// How many sessions were revoked.
    #[serde(rename = "revoked")]
    pub revoked: i64,
}

impl RevokedSessions {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(revoked: i64) -> RevokedSessions {
        RevokedSessions { revoked }
    }
}

/// Converts the RevokedSessions value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RevokedSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("revoked".to_string()), Some(self.revoked.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RevokedSessions value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RevokedSessions {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub revoked: Vec<i64>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing RevokedSessions".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "revoked" => intermediate_rep
                        .revoked
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing RevokedSessions".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RevokedSessions {
            revoked: intermediate_rep
                .revoked
                .into_iter()
                .next()
                .ok_or_else(|| "revoked missing in RevokedSessions".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RevokedSessions> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RevokedSessions>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RevokedSessions>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for RevokedSessions - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RevokedSessions> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <RevokedSessions as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into RevokedSessions - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// The settings in force. Durations are in seconds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RuntimeSettings {
    #[serde(rename = "access_token_lifetime")]
    #[validate(range(min = 30u64, max = 86400u64))]
    pub access_token_lifetime: u64,

    #[serde(rename = "refresh_token_lifetime")]
    #[validate(range(min = 300u64, max = 31622400u64))]
    pub refresh_token_lifetime: u64,

    #[serde(rename = "refresh_token_grace_period")]
    #[validate(range(min = 0u64, max = 120u64))]
    pub refresh_token_grace_period: u64,

    #[serde(rename = "email_verification")]
    #[validate(nested)]
    pub email_verification: models::EmailVerificationMode,

    #[serde(rename = "email_verification_token_lifetime")]
    #[validate(range(min = 3600u64, max = 604800u64))]
    pub email_verification_token_lifetime: u64,

    #[serde(rename = "password_reset_token_lifetime")]
    #[validate(range(min = 1800u64, max = 3600u64))]
    pub password_reset_token_lifetime: u64,

    #[serde(rename = "email_resend_cooldown")]
    #[validate(range(min = 0u64, max = 3600u64))]
    pub email_resend_cooldown: u64,

    #[serde(rename = "audit_log_retention_days")]
    #[validate(range(min = 1u64, max = 3650u64))]
    pub audit_log_retention_days: u64,

    /// How long an e-mailed one-time code (and a two-step challenge) works.
    #[serde(rename = "otp_ttl")]
    #[validate(range(min = 30u64, max = 3600u64))]
    pub otp_ttl: u64,

    /// Tries with one code before it is dead.
    #[serde(rename = "otp_max_attempts")]
    #[validate(range(min = 1u64, max = 20u64))]
    pub otp_max_attempts: u64,

    /// Least time between two codes to one address.
    #[serde(rename = "otp_resend_cooldown")]
    #[validate(range(min = 0u64, max = 3600u64))]
    pub otp_resend_cooldown: u64,

    #[serde(rename = "login_otp")]
    #[validate(nested)]
    pub login_otp: models::LoginOtpMode,

    /// How recent an authentication sensitive operations need (`REAUTH_MAX_AGE`).
    #[serde(rename = "reauth_max_age")]
    #[validate(range(min = 60u64, max = 86400u64))]
    pub reauth_max_age: u64,

    /// How long a requested deletion waits before the account is anonymised (`ACCOUNT_DELETION_GRACE_PERIOD`); `0` deletes at once.
    #[serde(rename = "account_deletion_grace_period")]
    #[validate(range(min = 0u64, max = 7776000u64))]
    pub account_deletion_grace_period: u64,

    /// The knobs set through the API (the others are environment defaults).
    #[serde(rename = "overridden")]
    #[validate(custom(function = "check_xss_vec_string"))]
    pub overridden: Vec<String>,
}

impl RuntimeSettings {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        access_token_lifetime: u64,
        refresh_token_lifetime: u64,
        refresh_token_grace_period: u64,
        email_verification: models::EmailVerificationMode,
        email_verification_token_lifetime: u64,
        password_reset_token_lifetime: u64,
        email_resend_cooldown: u64,
        audit_log_retention_days: u64,
        otp_ttl: u64,
        otp_max_attempts: u64,
        otp_resend_cooldown: u64,
        login_otp: models::LoginOtpMode,
        reauth_max_age: u64,
        account_deletion_grace_period: u64,
        overridden: Vec<String>,
    ) -> RuntimeSettings {
        RuntimeSettings {
            access_token_lifetime,
            refresh_token_lifetime,
            refresh_token_grace_period,
            email_verification,
            email_verification_token_lifetime,
            password_reset_token_lifetime,
            email_resend_cooldown,
            audit_log_retention_days,
            otp_ttl,
            otp_max_attempts,
            otp_resend_cooldown,
            login_otp,
            reauth_max_age,
            account_deletion_grace_period,
            overridden,
        }
    }
}

/// Converts the RuntimeSettings value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RuntimeSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("access_token_lifetime".to_string()),
            Some(self.access_token_lifetime.to_string()),
            Some("refresh_token_lifetime".to_string()),
            Some(self.refresh_token_lifetime.to_string()),
            Some("refresh_token_grace_period".to_string()),
            Some(self.refresh_token_grace_period.to_string()),
            // Skipping email_verification in query parameter serialization
            Some("email_verification_token_lifetime".to_string()),
            Some(self.email_verification_token_lifetime.to_string()),
            Some("password_reset_token_lifetime".to_string()),
            Some(self.password_reset_token_lifetime.to_string()),
            Some("email_resend_cooldown".to_string()),
            Some(self.email_resend_cooldown.to_string()),
            Some("audit_log_retention_days".to_string()),
            Some(self.audit_log_retention_days.to_string()),
            Some("otp_ttl".to_string()),
            Some(self.otp_ttl.to_string()),
            Some("otp_max_attempts".to_string()),
            Some(self.otp_max_attempts.to_string()),
            Some("otp_resend_cooldown".to_string()),
            Some(self.otp_resend_cooldown.to_string()),
            // Skipping login_otp in query parameter serialization
            Some("reauth_max_age".to_string()),
            Some(self.reauth_max_age.to_string()),
            Some("account_deletion_grace_period".to_string()),
            Some(self.account_deletion_grace_period.to_string()),
            Some("overridden".to_string()),
            Some(
                self.overridden
                    .iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RuntimeSettings value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RuntimeSettings {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub access_token_lifetime: Vec<u64>,
            pub refresh_token_lifetime: Vec<u64>,
            pub refresh_token_grace_period: Vec<u64>,
            pub email_verification: Vec<models::EmailVerificationMode>,
            pub email_verification_token_lifetime: Vec<u64>,
            pub password_reset_token_lifetime: Vec<u64>,
            pub email_resend_cooldown: Vec<u64>,
            pub audit_log_retention_days: Vec<u64>,
            pub otp_ttl: Vec<u64>,
            pub otp_max_attempts: Vec<u64>,
            pub otp_resend_cooldown: Vec<u64>,
            pub login_otp: Vec<models::LoginOtpMode>,
            pub reauth_max_age: Vec<u64>,
            pub account_deletion_grace_period: Vec<u64>,
            pub overridden: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing RuntimeSettings".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "access_token_lifetime" => intermediate_rep
                        .access_token_lifetime
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "refresh_token_lifetime" => intermediate_rep
                        .refresh_token_lifetime
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "refresh_token_grace_period" => intermediate_rep
                        .refresh_token_grace_period
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email_verification" => intermediate_rep.email_verification.push(
                        <models::EmailVerificationMode as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "email_verification_token_lifetime" => intermediate_rep
                        .email_verification_token_lifetime
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "password_reset_token_lifetime" => intermediate_rep
                        .password_reset_token_lifetime
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email_resend_cooldown" => intermediate_rep
                        .email_resend_cooldown
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "audit_log_retention_days" => intermediate_rep
                        .audit_log_retention_days
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "otp_ttl" => intermediate_rep
                        .otp_ttl
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "otp_max_attempts" => intermediate_rep
                        .otp_max_attempts
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "otp_resend_cooldown" => intermediate_rep
                        .otp_resend_cooldown
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "login_otp" => intermediate_rep
                        .login_otp
                        .push(<models::LoginOtpMode as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "reauth_max_age" => intermediate_rep
                        .reauth_max_age
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "account_deletion_grace_period" => intermediate_rep
                        .account_deletion_grace_period
                        .push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "overridden" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in RuntimeSettings".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing RuntimeSettings".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RuntimeSettings {
            access_token_lifetime: intermediate_rep
                .access_token_lifetime
                .into_iter()
                .next()
                .ok_or_else(|| "access_token_lifetime missing in RuntimeSettings".to_string())?,
            refresh_token_lifetime: intermediate_rep
                .refresh_token_lifetime
                .into_iter()
                .next()
                .ok_or_else(|| "refresh_token_lifetime missing in RuntimeSettings".to_string())?,
            refresh_token_grace_period: intermediate_rep
                .refresh_token_grace_period
                .into_iter()
                .next()
                .ok_or_else(|| "refresh_token_grace_period missing in RuntimeSettings".to_string())?,
            email_verification: intermediate_rep
                .email_verification
                .into_iter()
                .next()
                .ok_or_else(|| "email_verification missing in RuntimeSettings".to_string())?,
            email_verification_token_lifetime: intermediate_rep
                .email_verification_token_lifetime
                .into_iter()
                .next()
                .ok_or_else(|| "email_verification_token_lifetime missing in RuntimeSettings".to_string())?,
            password_reset_token_lifetime: intermediate_rep
                .password_reset_token_lifetime
                .into_iter()
                .next()
                .ok_or_else(|| "password_reset_token_lifetime missing in RuntimeSettings".to_string())?,
            email_resend_cooldown: intermediate_rep
                .email_resend_cooldown
                .into_iter()
                .next()
                .ok_or_else(|| "email_resend_cooldown missing in RuntimeSettings".to_string())?,
            audit_log_retention_days: intermediate_rep
                .audit_log_retention_days
                .into_iter()
                .next()
                .ok_or_else(|| "audit_log_retention_days missing in RuntimeSettings".to_string())?,
            otp_ttl: intermediate_rep
                .otp_ttl
                .into_iter()
                .next()
                .ok_or_else(|| "otp_ttl missing in RuntimeSettings".to_string())?,
            otp_max_attempts: intermediate_rep
                .otp_max_attempts
                .into_iter()
                .next()
                .ok_or_else(|| "otp_max_attempts missing in RuntimeSettings".to_string())?,
            otp_resend_cooldown: intermediate_rep
                .otp_resend_cooldown
                .into_iter()
                .next()
                .ok_or_else(|| "otp_resend_cooldown missing in RuntimeSettings".to_string())?,
            login_otp: intermediate_rep
                .login_otp
                .into_iter()
                .next()
                .ok_or_else(|| "login_otp missing in RuntimeSettings".to_string())?,
            reauth_max_age: intermediate_rep
                .reauth_max_age
                .into_iter()
                .next()
                .ok_or_else(|| "reauth_max_age missing in RuntimeSettings".to_string())?,
            account_deletion_grace_period: intermediate_rep
                .account_deletion_grace_period
                .into_iter()
                .next()
                .ok_or_else(|| "account_deletion_grace_period missing in RuntimeSettings".to_string())?,
            overridden: intermediate_rep
                .overridden
                .into_iter()
                .next()
                .ok_or_else(|| "overridden missing in RuntimeSettings".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RuntimeSettings> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RuntimeSettings>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RuntimeSettings>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for RuntimeSettings - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RuntimeSettings> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <RuntimeSettings as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into RuntimeSettings - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// Knobs to change; `null` puts one back to its environment default.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct RuntimeSettingsUpdate {
    #[serde(rename = "access_token_lifetime")]
    #[validate(range(min = 30u64, max = 86400u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token_lifetime: Option<Nullable<u64>>,

    #[serde(rename = "refresh_token_lifetime")]
    #[validate(range(min = 300u64, max = 31622400u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token_lifetime: Option<Nullable<u64>>,

    #[serde(rename = "refresh_token_grace_period")]
    #[validate(range(min = 0u64, max = 120u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token_grace_period: Option<Nullable<u64>>,

    #[serde(rename = "email_verification")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verification: Option<Nullable<models::EmailVerificationMode>>,

    #[serde(rename = "email_verification_token_lifetime")]
    #[validate(range(min = 3600u64, max = 604800u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_verification_token_lifetime: Option<Nullable<u64>>,

    #[serde(rename = "password_reset_token_lifetime")]
    #[validate(range(min = 1800u64, max = 3600u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password_reset_token_lifetime: Option<Nullable<u64>>,

    #[serde(rename = "email_resend_cooldown")]
    #[validate(range(min = 0u64, max = 3600u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_resend_cooldown: Option<Nullable<u64>>,

    #[serde(rename = "audit_log_retention_days")]
    #[validate(range(min = 1u64, max = 3650u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit_log_retention_days: Option<Nullable<u64>>,

    #[serde(rename = "otp_ttl")]
    #[validate(range(min = 30u64, max = 3600u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otp_ttl: Option<Nullable<u64>>,

    #[serde(rename = "otp_max_attempts")]
    #[validate(range(min = 1u64, max = 20u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otp_max_attempts: Option<Nullable<u64>>,

    #[serde(rename = "otp_resend_cooldown")]
    #[validate(range(min = 0u64, max = 3600u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otp_resend_cooldown: Option<Nullable<u64>>,

    #[serde(rename = "login_otp")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub login_otp: Option<Nullable<models::LoginOtpMode>>,

    #[serde(rename = "reauth_max_age")]
    #[validate(range(min = 60u64, max = 86400u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reauth_max_age: Option<Nullable<u64>>,

    #[serde(rename = "account_deletion_grace_period")]
    #[validate(range(min = 0u64, max = 7776000u64))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_deletion_grace_period: Option<Nullable<u64>>,
}

impl RuntimeSettingsUpdate {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> RuntimeSettingsUpdate {
        RuntimeSettingsUpdate {
            access_token_lifetime: None,
            refresh_token_lifetime: None,
            refresh_token_grace_period: None,
            email_verification: None,
            email_verification_token_lifetime: None,
            password_reset_token_lifetime: None,
            email_resend_cooldown: None,
            audit_log_retention_days: None,
            otp_ttl: None,
            otp_max_attempts: None,
            otp_resend_cooldown: None,
            login_otp: None,
            reauth_max_age: None,
            account_deletion_grace_period: None,
        }
    }
}

/// Converts the RuntimeSettingsUpdate value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for RuntimeSettingsUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.access_token_lifetime.as_ref().map(|access_token_lifetime| {
                [
                    "access_token_lifetime".to_string(),
                    access_token_lifetime
                        .as_ref()
                        .map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.refresh_token_lifetime.as_ref().map(|refresh_token_lifetime| {
                [
                    "refresh_token_lifetime".to_string(),
                    refresh_token_lifetime
                        .as_ref()
                        .map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.refresh_token_grace_period
                .as_ref()
                .map(|refresh_token_grace_period| {
                    [
                        "refresh_token_grace_period".to_string(),
                        refresh_token_grace_period
                            .as_ref()
                            .map_or("null".to_string(), |x| x.to_string()),
                    ]
                    .join(",")
                }),
            // Skipping email_verification in query parameter serialization
            self.email_verification_token_lifetime
                .as_ref()
                .map(|email_verification_token_lifetime| {
                    [
                        "email_verification_token_lifetime".to_string(),
                        email_verification_token_lifetime
                            .as_ref()
                            .map_or("null".to_string(), |x| x.to_string()),
                    ]
                    .join(",")
                }),
            self.password_reset_token_lifetime
                .as_ref()
                .map(|password_reset_token_lifetime| {
                    [
                        "password_reset_token_lifetime".to_string(),
                        password_reset_token_lifetime
                            .as_ref()
                            .map_or("null".to_string(), |x| x.to_string()),
                    ]
                    .join(",")
                }),
            self.email_resend_cooldown.as_ref().map(|email_resend_cooldown| {
                [
                    "email_resend_cooldown".to_string(),
                    email_resend_cooldown
                        .as_ref()
                        .map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.audit_log_retention_days.as_ref().map(|audit_log_retention_days| {
                [
                    "audit_log_retention_days".to_string(),
                    audit_log_retention_days
                        .as_ref()
                        .map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.otp_ttl.as_ref().map(|otp_ttl| {
                [
                    "otp_ttl".to_string(),
                    otp_ttl.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.otp_max_attempts.as_ref().map(|otp_max_attempts| {
                [
                    "otp_max_attempts".to_string(),
                    otp_max_attempts.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.otp_resend_cooldown.as_ref().map(|otp_resend_cooldown| {
                [
                    "otp_resend_cooldown".to_string(),
                    otp_resend_cooldown
                        .as_ref()
                        .map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            // Skipping login_otp in query parameter serialization
            self.reauth_max_age.as_ref().map(|reauth_max_age| {
                [
                    "reauth_max_age".to_string(),
                    reauth_max_age.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.account_deletion_grace_period
                .as_ref()
                .map(|account_deletion_grace_period| {
                    [
                        "account_deletion_grace_period".to_string(),
                        account_deletion_grace_period
                            .as_ref()
                            .map_or("null".to_string(), |x| x.to_string()),
                    ]
                    .join(",")
                }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a RuntimeSettingsUpdate value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for RuntimeSettingsUpdate {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub access_token_lifetime: Vec<u64>,
            pub refresh_token_lifetime: Vec<u64>,
            pub refresh_token_grace_period: Vec<u64>,
            pub email_verification: Vec<models::EmailVerificationMode>,
            pub email_verification_token_lifetime: Vec<u64>,
            pub password_reset_token_lifetime: Vec<u64>,
            pub email_resend_cooldown: Vec<u64>,
            pub audit_log_retention_days: Vec<u64>,
            pub otp_ttl: Vec<u64>,
            pub otp_max_attempts: Vec<u64>,
            pub otp_resend_cooldown: Vec<u64>,
            pub login_otp: Vec<models::LoginOtpMode>,
            pub reauth_max_age: Vec<u64>,
            pub account_deletion_grace_period: Vec<u64>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing RuntimeSettingsUpdate".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "access_token_lifetime" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "refresh_token_lifetime" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "refresh_token_grace_period" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "email_verification" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "email_verification_token_lifetime" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "password_reset_token_lifetime" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "email_resend_cooldown" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "audit_log_retention_days" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "otp_ttl" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "otp_max_attempts" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "otp_resend_cooldown" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "login_otp" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "reauth_max_age" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    "account_deletion_grace_period" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in RuntimeSettingsUpdate"
                                .to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing RuntimeSettingsUpdate".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(RuntimeSettingsUpdate {
            access_token_lifetime: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            refresh_token_lifetime: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            refresh_token_grace_period: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            email_verification: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            email_verification_token_lifetime: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            password_reset_token_lifetime: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            email_resend_cooldown: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            audit_log_retention_days: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            otp_ttl: std::result::Result::Err("Nullable types not supported in RuntimeSettingsUpdate".to_string())?,
            otp_max_attempts: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            otp_resend_cooldown: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            login_otp: std::result::Result::Err("Nullable types not supported in RuntimeSettingsUpdate".to_string())?,
            reauth_max_age: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
            account_deletion_grace_period: std::result::Result::Err(
                "Nullable types not supported in RuntimeSettingsUpdate".to_string(),
            )?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<RuntimeSettingsUpdate> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<RuntimeSettingsUpdate>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<RuntimeSettingsUpdate>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for RuntimeSettingsUpdate - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<RuntimeSettingsUpdate> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <RuntimeSettingsUpdate as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into RuntimeSettingsUpdate - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum SchemaFormat {
    #[serde(rename = "yaml")]
    Yaml,
    #[serde(rename = "json")]
    Json,
}

impl validator::Validate for SchemaFormat {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for SchemaFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            SchemaFormat::Yaml => write!(f, "yaml"),
            SchemaFormat::Json => write!(f, "json"),
        }
    }
}

impl std::str::FromStr for SchemaFormat {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "yaml" => std::result::Result::Ok(SchemaFormat::Yaml),
            "json" => std::result::Result::Ok(SchemaFormat::Json),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

/// A way to complete a sign-in: `passkey`, an assertion of one of the account's passkeys (with `passkey_options`); `totp`, a code from the authenticator app; `recovery_code`, one of the account's recovery codes; `email_otp`, a code e-mailed to the account.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum SecondFactor {
    #[serde(rename = "passkey")]
    Passkey,
    #[serde(rename = "totp")]
    Totp,
    #[serde(rename = "recovery_code")]
    RecoveryCode,
    #[serde(rename = "email_otp")]
    EmailOtp,
}

impl validator::Validate for SecondFactor {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for SecondFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            SecondFactor::Passkey => write!(f, "passkey"),
            SecondFactor::Totp => write!(f, "totp"),
            SecondFactor::RecoveryCode => write!(f, "recovery_code"),
            SecondFactor::EmailOtp => write!(f, "email_otp"),
        }
    }
}

impl std::str::FromStr for SecondFactor {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "passkey" => std::result::Result::Ok(SecondFactor::Passkey),
            "totp" => std::result::Result::Ok(SecondFactor::Totp),
            "recovery_code" => std::result::Result::Ok(SecondFactor::RecoveryCode),
            "email_otp" => std::result::Result::Ok(SecondFactor::EmailOtp),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Session {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    /// When the user logged in.
    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,

    /// The login or the latest token refresh.
    #[serde(rename = "last_used_at")]
    pub last_used_at: chrono::DateTime<chrono::Utc>,

    /// When the session ends unless it is refreshed.
    #[serde(rename = "expires_at")]
    pub expires_at: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "ip")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<Nullable<String>>,

    #[serde(rename = "user_agent")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<Nullable<String>>,

    /// The user agent in words.
    #[serde(rename = "device")]
    #[validate(custom(function = "check_xss_string"))]
    pub device: String,

    /// The session making this request.
    #[serde(rename = "current")]
    pub current: bool,
}

impl Session {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        created_at: chrono::DateTime<chrono::Utc>,
        last_used_at: chrono::DateTime<chrono::Utc>,
        expires_at: chrono::DateTime<chrono::Utc>,
        device: String,
        current: bool,
    ) -> Session {
        Session {
            id,
            created_at,
            last_used_at,
            expires_at,
            ip: None,
            user_agent: None,
            device,
            current,
        }
    }
}

/// Converts the Session value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization

            // Skipping created_at in query parameter serialization

            // Skipping last_used_at in query parameter serialization

            // Skipping expires_at in query parameter serialization
            self.ip.as_ref().map(|ip| {
                [
                    "ip".to_string(),
                    ip.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.user_agent.as_ref().map(|user_agent| {
                [
                    "user_agent".to_string(),
                    user_agent.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            Some("device".to_string()),
            Some(self.device.to_string()),
            Some("current".to_string()),
            Some(self.current.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Session value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Session {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub last_used_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub expires_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub ip: Vec<String>,
            pub user_agent: Vec<String>,
            pub device: Vec<String>,
            pub current: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Session".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "last_used_at" => intermediate_rep.last_used_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "expires_at" => intermediate_rep.expires_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "ip" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in Session".to_string(),
                        );
                    }
                    "user_agent" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in Session".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "device" => intermediate_rep
                        .device
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "current" => intermediate_rep
                        .current
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Session".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Session {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in Session".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in Session".to_string())?,
            last_used_at: intermediate_rep
                .last_used_at
                .into_iter()
                .next()
                .ok_or_else(|| "last_used_at missing in Session".to_string())?,
            expires_at: intermediate_rep
                .expires_at
                .into_iter()
                .next()
                .ok_or_else(|| "expires_at missing in Session".to_string())?,
            ip: std::result::Result::Err("Nullable types not supported in Session".to_string())?,
            user_agent: std::result::Result::Err("Nullable types not supported in Session".to_string())?,
            device: intermediate_rep
                .device
                .into_iter()
                .next()
                .ok_or_else(|| "device missing in Session".to_string())?,
            current: intermediate_rep
                .current
                .into_iter()
                .next()
                .ok_or_else(|| "current missing in Session".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Session> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Session>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Session>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for Session - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Session> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <Session as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into Session - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SessionList {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::Session>,
}

impl SessionList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::Session>) -> SessionList {
        SessionList { items }
    }
}

/// Converts the SessionList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SessionList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SessionList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SessionList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::Session>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SessionList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in SessionList".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing SessionList".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SessionList {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in SessionList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SessionList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SessionList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SessionList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for SessionList - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SessionList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <SessionList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into SessionList - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SocialAccount {
    #[serde(rename = "provider")]
    #[validate(custom(function = "check_xss_string"))]
    pub provider: String,

    /// The account's id at the provider.
    #[serde(rename = "subject")]
    #[validate(custom(function = "check_xss_string"))]
    pub subject: String,

    /// The address the provider reported last.
    #[serde(rename = "email")]
    pub email: Nullable<String>,

    #[serde(rename = "linked_at")]
    pub linked_at: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "last_used_at")]
    pub last_used_at: Nullable<chrono::DateTime<chrono::Utc>>,
}

impl SocialAccount {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        provider: String,
        subject: String,
        email: Nullable<String>,
        linked_at: chrono::DateTime<chrono::Utc>,
        last_used_at: Nullable<chrono::DateTime<chrono::Utc>>,
    ) -> SocialAccount {
        SocialAccount {
            provider,
            subject,
            email,
            linked_at,
            last_used_at,
        }
    }
}

/// Converts the SocialAccount value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SocialAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("provider".to_string()),
            Some(self.provider.to_string()),
            Some("subject".to_string()),
            Some(self.subject.to_string()),
            Some("email".to_string()),
            Some(self.email.as_ref().map_or("null".to_string(), |x| x.to_string())),
            // Skipping linked_at in query parameter serialization

            // Skipping last_used_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SocialAccount value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SocialAccount {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub provider: Vec<String>,
            pub subject: Vec<String>,
            pub email: Vec<String>,
            pub linked_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub last_used_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SocialAccount".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "provider" => intermediate_rep
                        .provider
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "subject" => intermediate_rep
                        .subject
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "email" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in SocialAccount".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "linked_at" => intermediate_rep.linked_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "last_used_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in SocialAccount".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing SocialAccount".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SocialAccount {
            provider: intermediate_rep
                .provider
                .into_iter()
                .next()
                .ok_or_else(|| "provider missing in SocialAccount".to_string())?,
            subject: intermediate_rep
                .subject
                .into_iter()
                .next()
                .ok_or_else(|| "subject missing in SocialAccount".to_string())?,
            email: std::result::Result::Err("Nullable types not supported in SocialAccount".to_string())?,
            linked_at: intermediate_rep
                .linked_at
                .into_iter()
                .next()
                .ok_or_else(|| "linked_at missing in SocialAccount".to_string())?,
            last_used_at: std::result::Result::Err("Nullable types not supported in SocialAccount".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SocialAccount> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SocialAccount>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SocialAccount>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for SocialAccount - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SocialAccount> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <SocialAccount as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into SocialAccount - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SocialExchangeRequest {
    /// The `code` from the callback's redirect.
    #[serde(rename = "code")]
    #[validate(length(max = 256), custom(function = "check_xss_string"))]
    pub code: String,

    /// Required when the sign-in started with a `code_challenge`.
    #[serde(rename = "code_verifier")]
    #[validate(length(max = 128), custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_verifier: Option<String>,
}

impl SocialExchangeRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(code: String) -> SocialExchangeRequest {
        SocialExchangeRequest {
            code,
            code_verifier: None,
        }
    }
}

/// Converts the SocialExchangeRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SocialExchangeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("code".to_string()),
            Some(self.code.to_string()),
            self.code_verifier
                .as_ref()
                .map(|code_verifier| ["code_verifier".to_string(), code_verifier.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SocialExchangeRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SocialExchangeRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub code: Vec<String>,
            pub code_verifier: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing SocialExchangeRequest".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep
                        .code
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code_verifier" => intermediate_rep
                        .code_verifier
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing SocialExchangeRequest".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SocialExchangeRequest {
            code: intermediate_rep
                .code
                .into_iter()
                .next()
                .ok_or_else(|| "code missing in SocialExchangeRequest".to_string())?,
            code_verifier: intermediate_rep.code_verifier.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SocialExchangeRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SocialExchangeRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SocialExchangeRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for SocialExchangeRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SocialExchangeRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <SocialExchangeRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into SocialExchangeRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SocialLinkStart {
    /// The provider's consent page; open it in the browser.
    #[serde(rename = "authorize_url")]
    #[validate(custom(function = "check_xss_string"))]
    pub authorize_url: String,
}

impl SocialLinkStart {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(authorize_url: String) -> SocialLinkStart {
        SocialLinkStart { authorize_url }
    }
}

/// Converts the SocialLinkStart value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SocialLinkStart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("authorize_url".to_string()), Some(self.authorize_url.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SocialLinkStart value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SocialLinkStart {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub authorize_url: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SocialLinkStart".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "authorize_url" => intermediate_rep
                        .authorize_url
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing SocialLinkStart".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SocialLinkStart {
            authorize_url: intermediate_rep
                .authorize_url
                .into_iter()
                .next()
                .ok_or_else(|| "authorize_url missing in SocialLinkStart".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SocialLinkStart> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SocialLinkStart>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SocialLinkStart>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for SocialLinkStart - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SocialLinkStart> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <SocialLinkStart as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into SocialLinkStart - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SocialProvider {
    /// What goes in the paths (`google`, `github`, `facebook`, or an OIDC provider's name).
    #[serde(rename = "id")]
    #[validate(custom(function = "check_xss_string"))]
    pub id: String,

    /// A name to show on the button.
    #[serde(rename = "name")]
    #[validate(custom(function = "check_xss_string"))]
    pub name: String,
}

impl SocialProvider {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(id: String, name: String) -> SocialProvider {
        SocialProvider { id, name }
    }
}

/// Converts the SocialProvider value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SocialProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("id".to_string()),
            Some(self.id.to_string()),
            Some("name".to_string()),
            Some(self.name.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SocialProvider value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SocialProvider {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<String>,
            pub name: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SocialProvider".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "name" => intermediate_rep
                        .name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing SocialProvider".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SocialProvider {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in SocialProvider".to_string())?,
            name: intermediate_rep
                .name
                .into_iter()
                .next()
                .ok_or_else(|| "name missing in SocialProvider".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SocialProvider> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SocialProvider>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SocialProvider>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for SocialProvider - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SocialProvider> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <SocialProvider as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into SocialProvider - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// Either `code` and `redirect_uri`, or `id_token` and `nonce`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct SocialTokenRequest {
    #[serde(rename = "code")]
    #[validate(length(max = 2048), custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,

    #[serde(rename = "redirect_uri")]
    #[validate(length(max = 2048), custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_uri: Option<String>,

    #[serde(rename = "code_verifier")]
    #[validate(length(max = 128), custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_verifier: Option<String>,

    #[serde(rename = "id_token")]
    #[validate(length(max = 16384), custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_token: Option<String>,

    #[serde(rename = "nonce")]
    #[validate(length(max = 256), custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

impl SocialTokenRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> SocialTokenRequest {
        SocialTokenRequest {
            code: None,
            redirect_uri: None,
            code_verifier: None,
            id_token: None,
            nonce: None,
        }
    }
}

/// Converts the SocialTokenRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for SocialTokenRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.code
                .as_ref()
                .map(|code| ["code".to_string(), code.to_string()].join(",")),
            self.redirect_uri
                .as_ref()
                .map(|redirect_uri| ["redirect_uri".to_string(), redirect_uri.to_string()].join(",")),
            self.code_verifier
                .as_ref()
                .map(|code_verifier| ["code_verifier".to_string(), code_verifier.to_string()].join(",")),
            self.id_token
                .as_ref()
                .map(|id_token| ["id_token".to_string(), id_token.to_string()].join(",")),
            self.nonce
                .as_ref()
                .map(|nonce| ["nonce".to_string(), nonce.to_string()].join(",")),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a SocialTokenRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for SocialTokenRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub code: Vec<String>,
            pub redirect_uri: Vec<String>,
            pub code_verifier: Vec<String>,
            pub id_token: Vec<String>,
            pub nonce: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing SocialTokenRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep
                        .code
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "redirect_uri" => intermediate_rep
                        .redirect_uri
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code_verifier" => intermediate_rep
                        .code_verifier
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "id_token" => intermediate_rep
                        .id_token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "nonce" => intermediate_rep
                        .nonce
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err("Unexpected key while parsing SocialTokenRequest".to_string());
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(SocialTokenRequest {
            code: intermediate_rep.code.into_iter().next(),
            redirect_uri: intermediate_rep.redirect_uri.into_iter().next(),
            code_verifier: intermediate_rep.code_verifier.into_iter().next(),
            id_token: intermediate_rep.id_token.into_iter().next(),
            nonce: intermediate_rep.nonce.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<SocialTokenRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<SocialTokenRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<SocialTokenRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for SocialTokenRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<SocialTokenRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <SocialTokenRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into SocialTokenRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TokenRequest {
    /// The token from the e-mailed link.
    #[serde(rename = "token")]
    #[validate(length(min = 1, max = 512), custom(function = "check_xss_string"))]
    pub token: String,
}

impl TokenRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(token: String) -> TokenRequest {
        TokenRequest { token }
    }
}

/// Converts the TokenRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for TokenRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("token".to_string()), Some(self.token.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TokenRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TokenRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub token: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TokenRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "token" => intermediate_rep
                        .token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing TokenRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TokenRequest {
            token: intermediate_rep
                .token
                .into_iter()
                .next()
                .ok_or_else(|| "token missing in TokenRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TokenRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for TokenRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<TokenRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TokenRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into TokenRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// RFC 6749 §5.1 token response.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TokenResponse {
    /// An EdDSA-signed JWT; send it as `Authorization: Bearer <token>`.
    #[serde(rename = "access_token")]
    #[validate(custom(function = "check_xss_string"))]
    pub access_token: String,

    /// Always `Bearer`.
    #[serde(rename = "token_type")]
    #[validate(custom(function = "check_xss_string"))]
    pub token_type: String,

    /// Seconds until the access token expires.
    #[serde(rename = "expires_in")]
    pub expires_in: i64,

    /// Opaque refresh token, single use. Left out in cookie mode.
    #[serde(rename = "refresh_token")]
    #[validate(custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,

    /// Seconds until the refresh token expires.
    #[serde(rename = "refresh_expires_in")]
    pub refresh_expires_in: i64,
}

impl TokenResponse {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(access_token: String, token_type: String, expires_in: i64, refresh_expires_in: i64) -> TokenResponse {
        TokenResponse {
            access_token,
            token_type,
            expires_in,
            refresh_token: None,
            refresh_expires_in,
        }
    }
}

/// Converts the TokenResponse value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("access_token".to_string()),
            Some(self.access_token.to_string()),
            Some("token_type".to_string()),
            Some(self.token_type.to_string()),
            Some("expires_in".to_string()),
            Some(self.expires_in.to_string()),
            self.refresh_token
                .as_ref()
                .map(|refresh_token| ["refresh_token".to_string(), refresh_token.to_string()].join(",")),
            Some("refresh_expires_in".to_string()),
            Some(self.refresh_expires_in.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TokenResponse value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TokenResponse {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub access_token: Vec<String>,
            pub token_type: Vec<String>,
            pub expires_in: Vec<i64>,
            pub refresh_token: Vec<String>,
            pub refresh_expires_in: Vec<i64>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TokenResponse".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "access_token" => intermediate_rep
                        .access_token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "token_type" => intermediate_rep
                        .token_type
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "expires_in" => intermediate_rep
                        .expires_in
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "refresh_token" => intermediate_rep
                        .refresh_token
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "refresh_expires_in" => intermediate_rep
                        .refresh_expires_in
                        .push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing TokenResponse".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TokenResponse {
            access_token: intermediate_rep
                .access_token
                .into_iter()
                .next()
                .ok_or_else(|| "access_token missing in TokenResponse".to_string())?,
            token_type: intermediate_rep
                .token_type
                .into_iter()
                .next()
                .ok_or_else(|| "token_type missing in TokenResponse".to_string())?,
            expires_in: intermediate_rep
                .expires_in
                .into_iter()
                .next()
                .ok_or_else(|| "expires_in missing in TokenResponse".to_string())?,
            refresh_token: intermediate_rep.refresh_token.into_iter().next(),
            refresh_expires_in: intermediate_rep
                .refresh_expires_in
                .into_iter()
                .next()
                .ok_or_else(|| "refresh_expires_in missing in TokenResponse".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TokenResponse> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<TokenResponse>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TokenResponse>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for TokenResponse - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<TokenResponse> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TokenResponse as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into TokenResponse - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TotpConfirmRequest {
    /// The 6-digit code the app shows now; spaces are ignored.
    #[serde(rename = "code")]
    #[validate(length(min = 1, max = 32), custom(function = "check_xss_string"))]
    pub code: String,
}

impl TotpConfirmRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(code: String) -> TotpConfirmRequest {
        TotpConfirmRequest { code }
    }
}

/// Converts the TotpConfirmRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for TotpConfirmRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![Some("code".to_string()), Some(self.code.to_string())];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TotpConfirmRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TotpConfirmRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub code: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TotpConfirmRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep
                        .code
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => {
                        return std::result::Result::Err("Unexpected key while parsing TotpConfirmRequest".to_string());
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TotpConfirmRequest {
            code: intermediate_rep
                .code
                .into_iter()
                .next()
                .ok_or_else(|| "code missing in TotpConfirmRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TotpConfirmRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<TotpConfirmRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TotpConfirmRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for TotpConfirmRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<TotpConfirmRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TotpConfirmRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into TotpConfirmRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct TotpEnrollment {
    /// The secret in base32 (RFC 4648, no padding), for typing into the app.
    #[serde(rename = "secret")]
    #[validate(custom(function = "check_xss_string"))]
    pub secret: String,

    /// The `otpauth://totp/…` URI the QR code holds.
    #[serde(rename = "otpauth_uri")]
    #[validate(custom(function = "check_xss_string"))]
    pub otpauth_uri: String,

    /// The URI as a QR code, an SVG document to put in the page.
    #[serde(rename = "qr_svg")]
    #[validate(custom(function = "check_xss_string"))]
    pub qr_svg: String,
}

impl TotpEnrollment {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(secret: String, otpauth_uri: String, qr_svg: String) -> TotpEnrollment {
        TotpEnrollment {
            secret,
            otpauth_uri,
            qr_svg,
        }
    }
}

/// Converts the TotpEnrollment value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for TotpEnrollment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("secret".to_string()),
            Some(self.secret.to_string()),
            Some("otpauth_uri".to_string()),
            Some(self.otpauth_uri.to_string()),
            Some("qr_svg".to_string()),
            Some(self.qr_svg.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a TotpEnrollment value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for TotpEnrollment {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub secret: Vec<String>,
            pub otpauth_uri: Vec<String>,
            pub qr_svg: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing TotpEnrollment".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "secret" => intermediate_rep
                        .secret
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "otpauth_uri" => intermediate_rep
                        .otpauth_uri
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "qr_svg" => intermediate_rep
                        .qr_svg
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing TotpEnrollment".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(TotpEnrollment {
            secret: intermediate_rep
                .secret
                .into_iter()
                .next()
                .ok_or_else(|| "secret missing in TotpEnrollment".to_string())?,
            otpauth_uri: intermediate_rep
                .otpauth_uri
                .into_iter()
                .next()
                .ok_or_else(|| "otpauth_uri missing in TotpEnrollment".to_string())?,
            qr_svg: intermediate_rep
                .qr_svg
                .into_iter()
                .next()
                .ok_or_else(|| "qr_svg missing in TotpEnrollment".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<TotpEnrollment> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<TotpEnrollment>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<TotpEnrollment>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for TotpEnrollment - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<TotpEnrollment> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <TotpEnrollment as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into TotpEnrollment - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UpdateMeRequest {
    /// The new first name; left out or `null` keeps the current one.
    #[serde(rename = "first_name")]
    #[validate(
            length(max = 150),
            regex(path = *RE_UPDATEMEREQUEST_FIRST_NAME),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<Nullable<String>>,

    /// The new last name; left out or `null` keeps the current one.
    #[serde(rename = "last_name")]
    #[validate(
            length(max = 150),
            regex(path = *RE_UPDATEMEREQUEST_LAST_NAME),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<Nullable<String>>,

    /// Turns two-step login on or off: each password login then answers `202` and e-mails a code. Left out or `null` keeps the current setting.
    #[serde(rename = "otp_login_enabled")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otp_login_enabled: Option<Nullable<bool>>,

    /// Grants or withdraws the `marketing` consent, recorded in its history like `updateMyConsents` (`422` when `marketing` is not among `CONSENT_PURPOSES`). Left out or `null` keeps it.
    #[serde(rename = "marketing_consent")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing_consent: Option<Nullable<bool>>,
}

lazy_static::lazy_static! {
    static ref RE_UPDATEMEREQUEST_FIRST_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_UPDATEMEREQUEST_LAST_NAME: regex::Regex = regex::Regex::new("^[\\u0009-\\u000D\\u0020]*[^\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]*[\\u0009-\\u000D\\u0020]*$").unwrap();
}

impl UpdateMeRequest {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> UpdateMeRequest {
        UpdateMeRequest {
            first_name: None,
            last_name: None,
            otp_login_enabled: None,
            marketing_consent: None,
        }
    }
}

/// Converts the UpdateMeRequest value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for UpdateMeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.first_name.as_ref().map(|first_name| {
                [
                    "first_name".to_string(),
                    first_name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.last_name.as_ref().map(|last_name| {
                [
                    "last_name".to_string(),
                    last_name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.otp_login_enabled.as_ref().map(|otp_login_enabled| {
                [
                    "otp_login_enabled".to_string(),
                    otp_login_enabled.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.marketing_consent.as_ref().map(|marketing_consent| {
                [
                    "marketing_consent".to_string(),
                    marketing_consent.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a UpdateMeRequest value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for UpdateMeRequest {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub first_name: Vec<String>,
            pub last_name: Vec<String>,
            pub otp_login_enabled: Vec<bool>,
            pub marketing_consent: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing UpdateMeRequest".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "first_name" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in UpdateMeRequest".to_string(),
                        );
                    }
                    "last_name" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in UpdateMeRequest".to_string(),
                        );
                    }
                    "otp_login_enabled" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in UpdateMeRequest".to_string(),
                        );
                    }
                    "marketing_consent" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in UpdateMeRequest".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing UpdateMeRequest".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(UpdateMeRequest {
            first_name: std::result::Result::Err("Nullable types not supported in UpdateMeRequest".to_string())?,
            last_name: std::result::Result::Err("Nullable types not supported in UpdateMeRequest".to_string())?,
            otp_login_enabled: std::result::Result::Err("Nullable types not supported in UpdateMeRequest".to_string())?,
            marketing_consent: std::result::Result::Err("Nullable types not supported in UpdateMeRequest".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<UpdateMeRequest> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<UpdateMeRequest>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<UpdateMeRequest>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for UpdateMeRequest - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<UpdateMeRequest> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <UpdateMeRequest as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into UpdateMeRequest - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct User {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "email")]
    #[validate(custom(function = "check_xss_string"))]
    pub email: String,

    #[serde(rename = "first_name")]
    #[validate(custom(function = "check_xss_string"))]
    pub first_name: String,

    #[serde(rename = "last_name")]
    #[validate(custom(function = "check_xss_string"))]
    pub last_name: String,

    #[serde(rename = "is_active")]
    pub is_active: bool,

    #[serde(rename = "is_staff")]
    pub is_staff: bool,

    #[serde(rename = "email_verified")]
    pub email_verified: bool,

    #[serde(rename = "date_joined")]
    pub date_joined: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "last_login")]
    pub last_login: Nullable<chrono::DateTime<chrono::Utc>>,

    /// Every password login of this account is completed with a code sent by e-mail (two-step login). `LOGIN_OTP=required` applies it to every account.
    #[serde(rename = "otp_login_enabled")]
    pub otp_login_enabled: bool,

    /// The account has a second factor (a passkey or an authenticator app); see `getMfa`.
    #[serde(rename = "mfa_enabled")]
    pub mfa_enabled: bool,

    /// The current state of the `marketing` consent (see `getMyConsents`); false when never given or when `marketing` is not among `CONSENT_PURPOSES`.
    #[serde(rename = "marketing_consent")]
    pub marketing_consent: bool,
}

impl User {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        email: String,
        first_name: String,
        last_name: String,
        is_active: bool,
        is_staff: bool,
        email_verified: bool,
        date_joined: chrono::DateTime<chrono::Utc>,
        last_login: Nullable<chrono::DateTime<chrono::Utc>>,
        otp_login_enabled: bool,
        mfa_enabled: bool,
        marketing_consent: bool,
    ) -> User {
        User {
            id,
            email,
            first_name,
            last_name,
            is_active,
            is_staff,
            email_verified,
            date_joined,
            last_login,
            otp_login_enabled,
            mfa_enabled,
            marketing_consent,
        }
    }
}

/// Converts the User value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization
            Some("email".to_string()),
            Some(self.email.to_string()),
            Some("first_name".to_string()),
            Some(self.first_name.to_string()),
            Some("last_name".to_string()),
            Some(self.last_name.to_string()),
            Some("is_active".to_string()),
            Some(self.is_active.to_string()),
            Some("is_staff".to_string()),
            Some(self.is_staff.to_string()),
            Some("email_verified".to_string()),
            Some(self.email_verified.to_string()),
            // Skipping date_joined in query parameter serialization

            // Skipping last_login in query parameter serialization
            Some("otp_login_enabled".to_string()),
            Some(self.otp_login_enabled.to_string()),
            Some("mfa_enabled".to_string()),
            Some(self.mfa_enabled.to_string()),
            Some("marketing_consent".to_string()),
            Some(self.marketing_consent.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a User value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for User {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub email: Vec<String>,
            pub first_name: Vec<String>,
            pub last_name: Vec<String>,
            pub is_active: Vec<bool>,
            pub is_staff: Vec<bool>,
            pub email_verified: Vec<bool>,
            pub date_joined: Vec<chrono::DateTime<chrono::Utc>>,
            pub last_login: Vec<chrono::DateTime<chrono::Utc>>,
            pub otp_login_enabled: Vec<bool>,
            pub mfa_enabled: Vec<bool>,
            pub marketing_consent: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing User".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep
                        .email
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "first_name" => intermediate_rep
                        .first_name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "last_name" => intermediate_rep
                        .last_name
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "is_active" => intermediate_rep
                        .is_active
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "is_staff" => intermediate_rep
                        .is_staff
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email_verified" => intermediate_rep
                        .email_verified
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "date_joined" => intermediate_rep.date_joined.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "last_login" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in User".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "otp_login_enabled" => intermediate_rep
                        .otp_login_enabled
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "mfa_enabled" => intermediate_rep
                        .mfa_enabled
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "marketing_consent" => intermediate_rep
                        .marketing_consent
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing User".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(User {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in User".to_string())?,
            email: intermediate_rep
                .email
                .into_iter()
                .next()
                .ok_or_else(|| "email missing in User".to_string())?,
            first_name: intermediate_rep
                .first_name
                .into_iter()
                .next()
                .ok_or_else(|| "first_name missing in User".to_string())?,
            last_name: intermediate_rep
                .last_name
                .into_iter()
                .next()
                .ok_or_else(|| "last_name missing in User".to_string())?,
            is_active: intermediate_rep
                .is_active
                .into_iter()
                .next()
                .ok_or_else(|| "is_active missing in User".to_string())?,
            is_staff: intermediate_rep
                .is_staff
                .into_iter()
                .next()
                .ok_or_else(|| "is_staff missing in User".to_string())?,
            email_verified: intermediate_rep
                .email_verified
                .into_iter()
                .next()
                .ok_or_else(|| "email_verified missing in User".to_string())?,
            date_joined: intermediate_rep
                .date_joined
                .into_iter()
                .next()
                .ok_or_else(|| "date_joined missing in User".to_string())?,
            last_login: std::result::Result::Err("Nullable types not supported in User".to_string())?,
            otp_login_enabled: intermediate_rep
                .otp_login_enabled
                .into_iter()
                .next()
                .ok_or_else(|| "otp_login_enabled missing in User".to_string())?,
            mfa_enabled: intermediate_rep
                .mfa_enabled
                .into_iter()
                .next()
                .ok_or_else(|| "mfa_enabled missing in User".to_string())?,
            marketing_consent: intermediate_rep
                .marketing_consent
                .into_iter()
                .next()
                .ok_or_else(|| "marketing_consent missing in User".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<User> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<User>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<User>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for User - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<User> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <User as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => {
                    std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into User - {err}"#))
                }
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct UserPage {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::AdminUser>,

    /// Pass as `before` for the next page; `null` on the last page.
    #[serde(rename = "next_before")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_before: Option<Nullable<uuid::Uuid>>,
}

impl UserPage {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::AdminUser>) -> UserPage {
        UserPage {
            items,
            next_before: None,
        }
    }
}

/// Converts the UserPage value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for UserPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

            // Skipping next_before in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a UserPage value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for UserPage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::AdminUser>>,
            pub next_before: Vec<uuid::Uuid>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing UserPage".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in UserPage".to_string(),
                        );
                    }
                    "next_before" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in UserPage".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing UserPage".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(UserPage {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in UserPage".to_string())?,
            next_before: std::result::Result::Err("Nullable types not supported in UserPage".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<UserPage> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<UserPage>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<UserPage>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for UserPage - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<UserPage> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <UserPage as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into UserPage - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookDelivery {
    /// Also the message's `webhook-id` (`msg_` and this id without dashes).
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "endpoint_id")]
    pub endpoint_id: uuid::Uuid,

    #[serde(rename = "event_type")]
    #[validate(nested)]
    pub event_type: models::WebhookEventType,

    #[serde(rename = "status")]
    #[validate(nested)]
    pub status: models::WebhookDeliveryStatus,

    #[serde(rename = "attempts")]
    pub attempts: i32,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "next_attempt_at")]
    pub next_attempt_at: Nullable<chrono::DateTime<chrono::Utc>>,

    #[serde(rename = "delivered_at")]
    pub delivered_at: Nullable<chrono::DateTime<chrono::Utc>>,

    /// The HTTP status of the last answer, when there was one.
    #[serde(rename = "last_status_code")]
    pub last_status_code: Nullable<i32>,

    /// Why the last attempt failed.
    #[serde(rename = "last_error")]
    pub last_error: Nullable<String>,

    /// The body sent: `{\"type\", \"timestamp\", \"data\": {\"user_id\", \"email\", …}}`.
    #[serde(rename = "payload")]
    #[validate(custom(function = "check_xss_map"))]
    pub payload: std::collections::HashMap<String, crate::types::Object>,
}

impl WebhookDelivery {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        endpoint_id: uuid::Uuid,
        event_type: models::WebhookEventType,
        status: models::WebhookDeliveryStatus,
        attempts: i32,
        created_at: chrono::DateTime<chrono::Utc>,
        next_attempt_at: Nullable<chrono::DateTime<chrono::Utc>>,
        delivered_at: Nullable<chrono::DateTime<chrono::Utc>>,
        last_status_code: Nullable<i32>,
        last_error: Nullable<String>,
        payload: std::collections::HashMap<String, crate::types::Object>,
    ) -> WebhookDelivery {
        WebhookDelivery {
            id,
            endpoint_id,
            event_type,
            status,
            attempts,
            created_at,
            next_attempt_at,
            delivered_at,
            last_status_code,
            last_error,
            payload,
        }
    }
}

/// Converts the WebhookDelivery value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookDelivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization

            // Skipping endpoint_id in query parameter serialization

            // Skipping event_type in query parameter serialization

            // Skipping status in query parameter serialization
            Some("attempts".to_string()),
            Some(self.attempts.to_string()),
            // Skipping created_at in query parameter serialization

            // Skipping next_attempt_at in query parameter serialization

            // Skipping delivered_at in query parameter serialization
            Some("last_status_code".to_string()),
            Some(
                self.last_status_code
                    .as_ref()
                    .map_or("null".to_string(), |x| x.to_string()),
            ),
            Some("last_error".to_string()),
            Some(self.last_error.as_ref().map_or("null".to_string(), |x| x.to_string())),
            // Skipping payload in query parameter serialization
            // Skipping payload in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookDelivery value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookDelivery {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub endpoint_id: Vec<uuid::Uuid>,
            pub event_type: Vec<models::WebhookEventType>,
            pub status: Vec<models::WebhookDeliveryStatus>,
            pub attempts: Vec<i32>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub next_attempt_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub delivered_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub last_status_code: Vec<i32>,
            pub last_error: Vec<String>,
            pub payload: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing WebhookDelivery".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "endpoint_id" => intermediate_rep
                        .endpoint_id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "event_type" => intermediate_rep.event_type.push(
                        <models::WebhookEventType as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep.status.push(
                        <models::WebhookDeliveryStatus as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "attempts" => intermediate_rep
                        .attempts
                        .push(<i32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "next_attempt_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookDelivery".to_string(),
                        );
                    }
                    "delivered_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookDelivery".to_string(),
                        );
                    }
                    "last_status_code" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookDelivery".to_string(),
                        );
                    }
                    "last_error" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookDelivery".to_string(),
                        );
                    }
                    "payload" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in WebhookDelivery".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing WebhookDelivery".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookDelivery {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in WebhookDelivery".to_string())?,
            endpoint_id: intermediate_rep
                .endpoint_id
                .into_iter()
                .next()
                .ok_or_else(|| "endpoint_id missing in WebhookDelivery".to_string())?,
            event_type: intermediate_rep
                .event_type
                .into_iter()
                .next()
                .ok_or_else(|| "event_type missing in WebhookDelivery".to_string())?,
            status: intermediate_rep
                .status
                .into_iter()
                .next()
                .ok_or_else(|| "status missing in WebhookDelivery".to_string())?,
            attempts: intermediate_rep
                .attempts
                .into_iter()
                .next()
                .ok_or_else(|| "attempts missing in WebhookDelivery".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in WebhookDelivery".to_string())?,
            next_attempt_at: std::result::Result::Err("Nullable types not supported in WebhookDelivery".to_string())?,
            delivered_at: std::result::Result::Err("Nullable types not supported in WebhookDelivery".to_string())?,
            last_status_code: std::result::Result::Err("Nullable types not supported in WebhookDelivery".to_string())?,
            last_error: std::result::Result::Err("Nullable types not supported in WebhookDelivery".to_string())?,
            payload: intermediate_rep
                .payload
                .into_iter()
                .next()
                .ok_or_else(|| "payload missing in WebhookDelivery".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookDelivery> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookDelivery>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookDelivery>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookDelivery - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookDelivery> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookDelivery as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookDelivery - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookDeliveryPage {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::WebhookDelivery>,

    /// Pass as `before` for the next page; `null` on the last page.
    #[serde(rename = "next_before")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_before: Option<Nullable<uuid::Uuid>>,
}

impl WebhookDeliveryPage {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::WebhookDelivery>) -> WebhookDeliveryPage {
        WebhookDeliveryPage {
            items,
            next_before: None,
        }
    }
}

/// Converts the WebhookDeliveryPage value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookDeliveryPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

            // Skipping next_before in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookDeliveryPage value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookDeliveryPage {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::WebhookDelivery>>,
            pub next_before: Vec<uuid::Uuid>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing WebhookDeliveryPage".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in WebhookDeliveryPage".to_string(),
                        );
                    }
                    "next_before" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookDeliveryPage".to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing WebhookDeliveryPage".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookDeliveryPage {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in WebhookDeliveryPage".to_string())?,
            next_before: std::result::Result::Err("Nullable types not supported in WebhookDeliveryPage".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookDeliveryPage> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookDeliveryPage>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookDeliveryPage>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookDeliveryPage - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookDeliveryPage> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookDeliveryPage as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookDeliveryPage - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// `pending`: waiting for its (next) attempt; `sending`: claimed by a worker; `delivered`: the endpoint answered 2xx; `dead`: every attempt failed (`WEBHOOK_MAX_ATTEMPTS`).
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum WebhookDeliveryStatus {
    #[serde(rename = "pending")]
    Pending,
    #[serde(rename = "sending")]
    Sending,
    #[serde(rename = "delivered")]
    Delivered,
    #[serde(rename = "dead")]
    Dead,
}

impl validator::Validate for WebhookDeliveryStatus {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for WebhookDeliveryStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            WebhookDeliveryStatus::Pending => write!(f, "pending"),
            WebhookDeliveryStatus::Sending => write!(f, "sending"),
            WebhookDeliveryStatus::Delivered => write!(f, "delivered"),
            WebhookDeliveryStatus::Dead => write!(f, "dead"),
        }
    }
}

impl std::str::FromStr for WebhookDeliveryStatus {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "pending" => std::result::Result::Ok(WebhookDeliveryStatus::Pending),
            "sending" => std::result::Result::Ok(WebhookDeliveryStatus::Sending),
            "delivered" => std::result::Result::Ok(WebhookDeliveryStatus::Delivered),
            "dead" => std::result::Result::Ok(WebhookDeliveryStatus::Dead),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookEndpoint {
    #[serde(rename = "id")]
    pub id: uuid::Uuid,

    #[serde(rename = "url")]
    #[validate(custom(function = "check_xss_string"))]
    pub url: String,

    #[serde(rename = "events")]
    #[validate(nested)]
    pub events: Vec<models::WebhookEventType>,

    #[serde(rename = "description")]
    #[validate(custom(function = "check_xss_string"))]
    pub description: String,

    #[serde(rename = "enabled")]
    pub enabled: bool,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime<chrono::Utc>,

    #[serde(rename = "updated_at")]
    pub updated_at: chrono::DateTime<chrono::Utc>,

    /// Until when deliveries are also signed with the secret before the last rotation.
    #[serde(rename = "previous_secret_expires_at")]
    pub previous_secret_expires_at: Nullable<chrono::DateTime<chrono::Utc>>,
}

impl WebhookEndpoint {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(
        id: uuid::Uuid,
        url: String,
        events: Vec<models::WebhookEventType>,
        description: String,
        enabled: bool,
        created_at: chrono::DateTime<chrono::Utc>,
        updated_at: chrono::DateTime<chrono::Utc>,
        previous_secret_expires_at: Nullable<chrono::DateTime<chrono::Utc>>,
    ) -> WebhookEndpoint {
        WebhookEndpoint {
            id,
            url,
            events,
            description,
            enabled,
            created_at,
            updated_at,
            previous_secret_expires_at,
        }
    }
}

/// Converts the WebhookEndpoint value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping id in query parameter serialization
            Some("url".to_string()),
            Some(self.url.to_string()),
            // Skipping events in query parameter serialization
            Some("description".to_string()),
            Some(self.description.to_string()),
            Some("enabled".to_string()),
            Some(self.enabled.to_string()),
            // Skipping created_at in query parameter serialization

            // Skipping updated_at in query parameter serialization

            // Skipping previous_secret_expires_at in query parameter serialization
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookEndpoint value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookEndpoint {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub id: Vec<uuid::Uuid>,
            pub url: Vec<String>,
            pub events: Vec<Vec<models::WebhookEventType>>,
            pub description: Vec<String>,
            pub enabled: Vec<bool>,
            pub created_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub updated_at: Vec<chrono::DateTime<chrono::Utc>>,
            pub previous_secret_expires_at: Vec<chrono::DateTime<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing WebhookEndpoint".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep
                        .id
                        .push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "url" => intermediate_rep
                        .url
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "events" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in WebhookEndpoint".to_string(),
                        );
                    }
                    #[allow(clippy::redundant_clone)]
                    "description" => intermediate_rep
                        .description
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "enabled" => intermediate_rep
                        .enabled
                        .push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "updated_at" => intermediate_rep.updated_at.push(
                        <chrono::DateTime<chrono::Utc> as std::str::FromStr>::from_str(val)
                            .map_err(|x| x.to_string())?,
                    ),
                    "previous_secret_expires_at" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookEndpoint".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing WebhookEndpoint".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookEndpoint {
            id: intermediate_rep
                .id
                .into_iter()
                .next()
                .ok_or_else(|| "id missing in WebhookEndpoint".to_string())?,
            url: intermediate_rep
                .url
                .into_iter()
                .next()
                .ok_or_else(|| "url missing in WebhookEndpoint".to_string())?,
            events: intermediate_rep
                .events
                .into_iter()
                .next()
                .ok_or_else(|| "events missing in WebhookEndpoint".to_string())?,
            description: intermediate_rep
                .description
                .into_iter()
                .next()
                .ok_or_else(|| "description missing in WebhookEndpoint".to_string())?,
            enabled: intermediate_rep
                .enabled
                .into_iter()
                .next()
                .ok_or_else(|| "enabled missing in WebhookEndpoint".to_string())?,
            created_at: intermediate_rep
                .created_at
                .into_iter()
                .next()
                .ok_or_else(|| "created_at missing in WebhookEndpoint".to_string())?,
            updated_at: intermediate_rep
                .updated_at
                .into_iter()
                .next()
                .ok_or_else(|| "updated_at missing in WebhookEndpoint".to_string())?,
            previous_secret_expires_at: std::result::Result::Err(
                "Nullable types not supported in WebhookEndpoint".to_string(),
            )?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookEndpoint> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookEndpoint>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookEndpoint>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookEndpoint - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookEndpoint> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookEndpoint as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookEndpoint - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookEndpointCreate {
    #[serde(rename = "url")]
    #[validate(length(min = 1, max = 2000), custom(function = "check_xss_string"))]
    pub url: String,

    #[serde(rename = "events")]
    #[validate(length(min = 1, max = 20), nested)]
    pub events: Vec<models::WebhookEventType>,

    /// Optional (default empty); `null` is the same as leaving it out.
    #[serde(rename = "description")]
    #[validate(length(max = 200))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Nullable<String>>,

    /// Optional (default `true`); `null` is the same as leaving it out.
    #[serde(rename = "enabled")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Nullable<bool>>,
}

impl WebhookEndpointCreate {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(url: String, events: Vec<models::WebhookEventType>) -> WebhookEndpointCreate {
        WebhookEndpointCreate {
            url,
            events,
            description: None,
            enabled: None,
        }
    }
}

/// Converts the WebhookEndpointCreate value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookEndpointCreate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            Some("url".to_string()),
            Some(self.url.to_string()),
            // Skipping events in query parameter serialization
            self.description.as_ref().map(|description| {
                [
                    "description".to_string(),
                    description.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.enabled.as_ref().map(|enabled| {
                [
                    "enabled".to_string(),
                    enabled.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookEndpointCreate value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookEndpointCreate {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub url: Vec<String>,
            pub events: Vec<Vec<models::WebhookEventType>>,
            pub description: Vec<String>,
            pub enabled: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing WebhookEndpointCreate".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "url" => intermediate_rep
                        .url
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "events" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in WebhookEndpointCreate".to_string(),
                        );
                    }
                    "description" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookEndpointCreate"
                                .to_string(),
                        );
                    }
                    "enabled" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookEndpointCreate"
                                .to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing WebhookEndpointCreate".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookEndpointCreate {
            url: intermediate_rep
                .url
                .into_iter()
                .next()
                .ok_or_else(|| "url missing in WebhookEndpointCreate".to_string())?,
            events: intermediate_rep
                .events
                .into_iter()
                .next()
                .ok_or_else(|| "events missing in WebhookEndpointCreate".to_string())?,
            description: std::result::Result::Err("Nullable types not supported in WebhookEndpointCreate".to_string())?,
            enabled: std::result::Result::Err("Nullable types not supported in WebhookEndpointCreate".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookEndpointCreate> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookEndpointCreate>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookEndpointCreate>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookEndpointCreate - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookEndpointCreate> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookEndpointCreate as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookEndpointCreate - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookEndpointList {
    #[serde(rename = "items")]
    #[validate(nested)]
    pub items: Vec<models::WebhookEndpoint>,
}

impl WebhookEndpointList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::WebhookEndpoint>) -> WebhookEndpointList {
        WebhookEndpointList { items }
    }
}

/// Converts the WebhookEndpointList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookEndpointList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookEndpointList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookEndpointList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::WebhookEndpoint>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing WebhookEndpointList".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in WebhookEndpointList".to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing WebhookEndpointList".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookEndpointList {
            items: intermediate_rep
                .items
                .into_iter()
                .next()
                .ok_or_else(|| "items missing in WebhookEndpointList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookEndpointList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookEndpointList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookEndpointList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookEndpointList - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookEndpointList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookEndpointList as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookEndpointList - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// The fields to change; a field left out or `null` stays as it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookEndpointUpdate {
    #[serde(rename = "url")]
    #[validate(length(min = 1, max = 2000))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Nullable<String>>,

    #[serde(rename = "events")]
    #[validate(length(min = 1, max = 20))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Nullable<Vec<models::WebhookEventType>>>,

    #[serde(rename = "description")]
    #[validate(length(max = 200))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Nullable<String>>,

    #[serde(rename = "enabled")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<Nullable<bool>>,
}

impl WebhookEndpointUpdate {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> WebhookEndpointUpdate {
        WebhookEndpointUpdate {
            url: None,
            events: None,
            description: None,
            enabled: None,
        }
    }
}

/// Converts the WebhookEndpointUpdate value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookEndpointUpdate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            self.url.as_ref().map(|url| {
                [
                    "url".to_string(),
                    url.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            // Skipping events in query parameter serialization
            self.description.as_ref().map(|description| {
                [
                    "description".to_string(),
                    description.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
            self.enabled.as_ref().map(|enabled| {
                [
                    "enabled".to_string(),
                    enabled.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ]
                .join(",")
            }),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookEndpointUpdate value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookEndpointUpdate {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub url: Vec<String>,
            pub events: Vec<Vec<models::WebhookEventType>>,
            pub description: Vec<String>,
            pub enabled: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => {
                    return std::result::Result::Err("Missing value while parsing WebhookEndpointUpdate".to_string());
                }
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "url" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookEndpointUpdate"
                                .to_string(),
                        );
                    }
                    "events" => {
                        return std::result::Result::Err(
                            "Parsing a container in this style is not supported in WebhookEndpointUpdate".to_string(),
                        );
                    }
                    "description" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookEndpointUpdate"
                                .to_string(),
                        );
                    }
                    "enabled" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookEndpointUpdate"
                                .to_string(),
                        );
                    }
                    _ => {
                        return std::result::Result::Err(
                            "Unexpected key while parsing WebhookEndpointUpdate".to_string(),
                        );
                    }
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookEndpointUpdate {
            url: std::result::Result::Err("Nullable types not supported in WebhookEndpointUpdate".to_string())?,
            events: std::result::Result::Err("Nullable types not supported in WebhookEndpointUpdate".to_string())?,
            description: std::result::Result::Err("Nullable types not supported in WebhookEndpointUpdate".to_string())?,
            enabled: std::result::Result::Err("Nullable types not supported in WebhookEndpointUpdate".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookEndpointUpdate> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookEndpointUpdate>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookEndpointUpdate>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookEndpointUpdate - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookEndpointUpdate> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookEndpointUpdate as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookEndpointUpdate - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// An account event. `user.deleted` is sent when an account is anonymised (its `email` is then null); `user.updated` for a change of profile or of the account by staff; `session.revoked` when the owner signs out or revokes sessions or staff sign the account out; `webhook.test` only by `sendTestWebhook`.
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum WebhookEventType {
    #[serde(rename = "user.created")]
    UserCreated,
    #[serde(rename = "user.email_verified")]
    UserEmailVerified,
    #[serde(rename = "user.updated")]
    UserUpdated,
    #[serde(rename = "user.email_changed")]
    UserEmailChanged,
    #[serde(rename = "user.deletion_requested")]
    UserDeletionRequested,
    #[serde(rename = "user.deleted")]
    UserDeleted,
    #[serde(rename = "session.revoked")]
    SessionRevoked,
    #[serde(rename = "refresh_token.reused")]
    RefreshTokenReused,
    #[serde(rename = "login.locked")]
    LoginLocked,
    #[serde(rename = "mfa.enabled")]
    MfaEnabled,
    #[serde(rename = "mfa.disabled")]
    MfaDisabled,
    #[serde(rename = "identity.linked")]
    IdentityLinked,
    #[serde(rename = "identity.unlinked")]
    IdentityUnlinked,
    #[serde(rename = "data_export.ready")]
    DataExportReady,
    #[serde(rename = "webhook.test")]
    WebhookTest,
}

impl validator::Validate for WebhookEventType {
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for WebhookEventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            WebhookEventType::UserCreated => write!(f, "user.created"),
            WebhookEventType::UserEmailVerified => write!(f, "user.email_verified"),
            WebhookEventType::UserUpdated => write!(f, "user.updated"),
            WebhookEventType::UserEmailChanged => write!(f, "user.email_changed"),
            WebhookEventType::UserDeletionRequested => write!(f, "user.deletion_requested"),
            WebhookEventType::UserDeleted => write!(f, "user.deleted"),
            WebhookEventType::SessionRevoked => write!(f, "session.revoked"),
            WebhookEventType::RefreshTokenReused => write!(f, "refresh_token.reused"),
            WebhookEventType::LoginLocked => write!(f, "login.locked"),
            WebhookEventType::MfaEnabled => write!(f, "mfa.enabled"),
            WebhookEventType::MfaDisabled => write!(f, "mfa.disabled"),
            WebhookEventType::IdentityLinked => write!(f, "identity.linked"),
            WebhookEventType::IdentityUnlinked => write!(f, "identity.unlinked"),
            WebhookEventType::DataExportReady => write!(f, "data_export.ready"),
            WebhookEventType::WebhookTest => write!(f, "webhook.test"),
        }
    }
}

impl std::str::FromStr for WebhookEventType {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "user.created" => std::result::Result::Ok(WebhookEventType::UserCreated),
            "user.email_verified" => std::result::Result::Ok(WebhookEventType::UserEmailVerified),
            "user.updated" => std::result::Result::Ok(WebhookEventType::UserUpdated),
            "user.email_changed" => std::result::Result::Ok(WebhookEventType::UserEmailChanged),
            "user.deletion_requested" => std::result::Result::Ok(WebhookEventType::UserDeletionRequested),
            "user.deleted" => std::result::Result::Ok(WebhookEventType::UserDeleted),
            "session.revoked" => std::result::Result::Ok(WebhookEventType::SessionRevoked),
            "refresh_token.reused" => std::result::Result::Ok(WebhookEventType::RefreshTokenReused),
            "login.locked" => std::result::Result::Ok(WebhookEventType::LoginLocked),
            "mfa.enabled" => std::result::Result::Ok(WebhookEventType::MfaEnabled),
            "mfa.disabled" => std::result::Result::Ok(WebhookEventType::MfaDisabled),
            "identity.linked" => std::result::Result::Ok(WebhookEventType::IdentityLinked),
            "identity.unlinked" => std::result::Result::Ok(WebhookEventType::IdentityUnlinked),
            "data_export.ready" => std::result::Result::Ok(WebhookEventType::DataExportReady),
            "webhook.test" => std::result::Result::Ok(WebhookEventType::WebhookTest),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookRotation {
    /// How long the previous secret still signs deliveries (0 = not at all; left out or `null`: a day).
    #[serde(rename = "overlap_seconds")]
    #[validate(range(min = 0u32, max = 604800u32))]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overlap_seconds: Option<Nullable<u32>>,
}

impl WebhookRotation {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> WebhookRotation {
        WebhookRotation {
            overlap_seconds: Some(Nullable::Present(86400)),
        }
    }
}

/// Converts the WebhookRotation value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookRotation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![self.overlap_seconds.as_ref().map(|overlap_seconds| {
            [
                "overlap_seconds".to_string(),
                overlap_seconds.as_ref().map_or("null".to_string(), |x| x.to_string()),
            ]
            .join(",")
        })];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookRotation value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookRotation {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub overlap_seconds: Vec<u32>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing WebhookRotation".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "overlap_seconds" => {
                        return std::result::Result::Err(
                            "Parsing a nullable type in this style is not supported in WebhookRotation".to_string(),
                        );
                    }
                    _ => return std::result::Result::Err("Unexpected key while parsing WebhookRotation".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookRotation {
            overlap_seconds: std::result::Result::Err("Nullable types not supported in WebhookRotation".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookRotation> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookRotation>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookRotation>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookRotation - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookRotation> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookRotation as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookRotation - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct WebhookSecret {
    #[serde(rename = "endpoint")]
    #[validate(nested)]
    pub endpoint: models::WebhookEndpoint,

    /// The signing secret, `whsec_` and the base64 of 32 random bytes, as the Standard Webhooks libraries take it. Shown this once.
    #[serde(rename = "secret")]
    #[validate(custom(function = "check_xss_string"))]
    pub secret: String,
}

impl WebhookSecret {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(endpoint: models::WebhookEndpoint, secret: String) -> WebhookSecret {
        WebhookSecret { endpoint, secret }
    }
}

/// Converts the WebhookSecret value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for WebhookSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping endpoint in query parameter serialization
            Some("secret".to_string()),
            Some(self.secret.to_string()),
        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a WebhookSecret value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for WebhookSecret {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub endpoint: Vec<models::WebhookEndpoint>,
            pub secret: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing WebhookSecret".to_string()),
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "endpoint" => intermediate_rep.endpoint.push(
                        <models::WebhookEndpoint as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?,
                    ),
                    #[allow(clippy::redundant_clone)]
                    "secret" => intermediate_rep
                        .secret
                        .push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing WebhookSecret".to_string()),
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(WebhookSecret {
            endpoint: intermediate_rep
                .endpoint
                .into_iter()
                .next()
                .ok_or_else(|| "endpoint missing in WebhookSecret".to_string())?,
            secret: intermediate_rep
                .secret
                .into_iter()
                .next()
                .ok_or_else(|| "secret missing in WebhookSecret".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<WebhookSecret> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<WebhookSecret>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<WebhookSecret>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
            std::result::Result::Ok(value) => std::result::Result::Ok(value),
            std::result::Result::Err(e) => std::result::Result::Err(format!(
                r#"Invalid header value for WebhookSecret - value: {hdr_value} is invalid {e}"#
            )),
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<WebhookSecret> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
            std::result::Result::Ok(value) => match <WebhookSecret as std::str::FromStr>::from_str(value) {
                std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                std::result::Result::Err(err) => std::result::Result::Err(format!(
                    r#"Unable to convert header value '{value}' into WebhookSecret - {err}"#
                )),
            },
            std::result::Result::Err(e) => {
                std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
            }
        }
    }
}

/// Gatehouse: a binary answer (`format: binary`), streamed to the client as it is read
/// rather than held in memory. It is sent, never serialised or compared.
pub struct ByteStream(pub axum::body::Body);

impl std::fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ByteStream(..)")
    }
}

impl PartialEq for ByteStream {
    /// Two streams are never known to be equal without reading them.
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

impl serde::Serialize for ByteStream {
    fn serialize<S: serde::Serializer>(&self, _: S) -> std::result::Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "a byte stream is sent as it is, not serialised",
        ))
    }
}

impl<'de> serde::Deserialize<'de> for ByteStream {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> std::result::Result<Self, D::Error> {
        Err(serde::de::Error::custom(
            "a byte stream is read as it is, not deserialised",
        ))
    }
}
