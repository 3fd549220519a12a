//! How domain values are shown in responses: conversions into the generated models.

use gatehouse_api::{models, types::Object};

use super::{nullable, present_or_null};
use crate::{
    entity::{audit_event, data_request, user},
    services::{
        admin::maintenance::CleanupReport,
        platform::pagination::Page,
        runtime_settings::{Key, Snapshot},
    },
};

/// A JSON object we stored as text, as the API's free-form object; anything else (never
/// written by us) is shown as an empty one.
pub(super) fn stored_object(text: &str) -> std::collections::HashMap<String, Object> {
    match serde_json::from_str(text) {
        Ok(serde_json::Value::Object(map)) => map.into_iter().map(|(k, v)| (k, Object(v))).collect(),
        _ => Default::default(),
    }
}

impl From<audit_event::Model> for models::AuditEntry {
    fn from(e: audit_event::Model) -> Self {
        let detail = stored_object(&e.detail);
        Self {
            id: e.id,
            created_at: e.created_at,
            event_type: e.event_type,
            actor_id: nullable(e.actor_id),
            user_id: nullable(e.user_id),
            session_id: nullable(e.session_id),
            ip: nullable(e.ip),
            user_agent: nullable(e.user_agent),
            detail,
        }
    }
}

impl From<user::Model> for models::AdminUser {
    fn from(u: user::Model) -> Self {
        Self {
            id: u.id,
            email: u.email,
            first_name: u.first_name,
            last_name: u.last_name,
            is_active: u.is_active,
            is_staff: u.is_staff,
            is_superuser: u.is_superuser,
            email_verified: u.email_verified_at.is_some(),
            date_joined: u.date_joined,
            last_login: present_or_null(u.last_login),
            updated_at: u.updated_at,
            deleted_at: present_or_null(u.deleted_at),
            mfa_enabled: u.mfa_enabled,
            deletion_due_at: present_or_null(u.deletion_due_at),
        }
    }
}

impl From<data_request::Model> for models::DataRequest {
    fn from(r: data_request::Model) -> Self {
        let status = match r.status.as_str() {
            "ready" => models::DataRequestStatus::Ready,
            "downloaded" => models::DataRequestStatus::Downloaded,
            "expired" => models::DataRequestStatus::Expired,
            "failed" => models::DataRequestStatus::Failed,
            "completed" => models::DataRequestStatus::Completed,
            "cancelled" => models::DataRequestStatus::Cancelled,
            _ => models::DataRequestStatus::Pending,
        };
        let r_type = match r.kind.as_str() {
            "export" => models::DataRequestType::Export,
            _ => models::DataRequestType::Delete,
        };
        // The link's expiry matters only while it can be used.
        let expires_at = r.expires_at.filter(|_| r.status == "ready");
        Self {
            id: r.id,
            r_type,
            status,
            created_at: r.created_at,
            due_at: present_or_null(r.due_at),
            completed_at: present_or_null(r.completed_at),
            cancelled_at: present_or_null(r.cancelled_at),
            expires_at: present_or_null(expires_at),
        }
    }
}

/// A list of data requests as the API shows it.
pub(super) fn data_request_list(requests: Vec<data_request::Model>) -> models::DataRequestList {
    models::DataRequestList {
        items: requests.into_iter().map(Into::into).collect(),
    }
}

impl From<Snapshot> for models::RuntimeSettings {
    fn from(s: Snapshot) -> Self {
        let k = &s.knobs;
        Self {
            access_token_lifetime: k.access_token_lifetime.as_secs(),
            refresh_token_lifetime: k.refresh_token_lifetime.as_secs(),
            refresh_token_grace_period: k.refresh_grace_period.as_secs(),
            email_verification: match k.email_verification {
                crate::config::EmailVerification::Mandatory => models::EmailVerificationMode::Mandatory,
                crate::config::EmailVerification::Optional => models::EmailVerificationMode::Optional,
                crate::config::EmailVerification::None => models::EmailVerificationMode::None,
            },
            email_verification_token_lifetime: k.verification_token_lifetime.as_secs(),
            password_reset_token_lifetime: k.password_reset_token_lifetime.as_secs(),
            email_resend_cooldown: k.email_resend_cooldown.as_secs(),
            audit_log_retention_days: k.audit_log_retention_days.into(),
            otp_ttl: k.otp_ttl.as_secs(),
            otp_max_attempts: k.otp_max_attempts.into(),
            otp_resend_cooldown: k.otp_resend_cooldown.as_secs(),
            login_otp: match k.login_otp {
                crate::config::LoginOtp::Optional => models::LoginOtpMode::Optional,
                crate::config::LoginOtp::Required => models::LoginOtpMode::Required,
            },
            reauth_max_age: k.reauth_max_age.as_secs(),
            account_deletion_grace_period: k.account_deletion_grace_period.as_secs(),
            overridden: s.overridden.iter().map(|key: &Key| key.name().to_string()).collect(),
        }
    }
}

impl From<CleanupReport> for models::CleanupReport {
    fn from(r: CleanupReport) -> Self {
        let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        Self {
            refresh_tokens: count(r.refresh_tokens),
            sessions: count(r.sessions),
            email_tokens: count(r.email_tokens),
            audit_events: count(r.audit_events),
            outbox_messages: count(r.outbox_messages),
            otp_codes: count(r.otp_codes),
            social_grants: count(r.social_grants),
            mfa_challenges: count(r.mfa_challenges),
            accounts_anonymised: count(r.accounts_anonymised),
            data_exports: count(r.data_exports),
            webhook_deliveries: count(r.webhook_deliveries),
            total: count(r.total()),
        }
    }
}

/// A page of audit events as the API shows it.
pub(super) fn audit_page((events, next): Page<audit_event::Model>) -> models::AuditLogPage {
    models::AuditLogPage {
        items: events.into_iter().map(Into::into).collect(),
        next_before: nullable(next),
    }
}

/// A page of accounts as staff see it.
pub(super) fn user_page((users, next): Page<user::Model>) -> models::UserPage {
    models::UserPage {
        items: users.into_iter().map(Into::into).collect(),
        next_before: nullable(next),
    }
}
