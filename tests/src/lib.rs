//! Test harness: spawns the real server on a random port with a fresh database (SQLite by
//! default, PostgreSQL when `TEST_DATABASE_URL` is set) and drives it through the generated
//! client, a raw `reqwest::Client` and a second database connection.

mod cleanup_support;
mod console_support;
pub mod cookie_mode;
mod cookies;
mod database;
pub mod fake_idp;
mod harness;
mod jwt;
mod mail_flows;
mod mfa_support;
mod otp_support;
mod outbox_support;
mod passkey_support;
mod postgres_server;
mod problems;
mod pwned_range;
mod rate_limit_support;
mod raw_http;
mod redis_server;
mod smtp_sink;
pub mod social_support;
mod soft_passkey;
mod timing;
mod users;
mod webhook_receiver;

pub use gatehouse::config::{EmailBackend, EmailVerification, LimitSettings, LockoutSettings, Policy, Rate, Settings};
pub use gatehouse_client::{Client, Error, ResponseValue, types};

pub use cleanup_support::{
    CRON_SECRET, SessionFate, cron_client, seed_audit_events, seed_email_tokens, seed_outbox_message, seed_sessions,
};
pub use console_support::{ConsoleBrowser, ConsolePage};
pub use cookies::{SetCookie, cookie_header};
pub use harness::{RefreshTokenRow, TestApp, authorized_client, spawn_app, spawn_app_with};
pub use jwt::{encode_segment, foreign_signing_key, jwt_claims, jwt_header, sign_eddsa};
pub use mail_flows::{
    FRONTEND_URL, MAIL_TIMEOUT, assert_logs_in_with, assert_password_is_refused, assert_session_live,
    assert_session_revoked, expire_email_tokens, first_mail_to, fresh_password, nth_mail_to, nth_mail_with_link,
    post_password_change, post_password_reset, post_password_reset_confirm, post_resend_verification,
    post_verify_email, refresh_token_of, reset_token, send_marker_mail, tampered, unknown_token,
    wait_until_outbox_is_idle,
};
pub use mfa_support::{
    Authenticator, STEP, age_authentications, complete_mfa, confirm_totp, enable_totp, login_challenge, mfa_summary,
    reauthenticate, start_totp,
};
pub use otp_support::{
    LOGIN_CODE_SUBJECT, TWO_STEP_CODE_SUBJECT, code_in, code_mails, expect_invalid_code, login_with_otp, nth_code,
    nth_code_mail, other_code, redis_query, request_otp, requested_code, resend_otp, resend_otp_for_challenge,
    set_two_step, stored_code, two_step_login, uses_redis, verify_otp,
};
pub use outbox_support::{
    OutboxRow, all_waiting_for_retry, outbox_rows, request_password_reset, smtp_backend, staff_user, unused_port,
    wait_for_outbox, wait_until_all_sent,
};
pub use passkey_support::{
    PASSKEY_ORIGIN, add_passkey, complete_mfa_with_passkey, credential, json_of, passkey_creation_options,
    passkey_sign_in_options, register_credential, sign_in_with_passkey, verify_passkey,
};
pub use postgres_server::PrivatePostgres;
pub use problems::{PROBLEM_JSON, assert_problem, expect_problem, has_field_error, header};
pub use pwned_range::{PwnedRange, RangeMode};
pub use rate_limit_support::{app_limiting, assert_limited_per_ip_and_per_address, assert_rate_limited};
pub use raw_http::{RawResponse, captured_warnings, connect, parse, raw_request, time_until_closed};
pub use redis_server::{PrivateRedis, shared_redis_url};
pub use smtp_sink::{ReceivedMail, SmtpSink};
pub use soft_passkey::{SoftPasskey, StoredCredential};
pub use timing::{assert_alike, median, timed};
pub use users::{TestUser, login_request};
pub use webhook_receiver::{Received, WebhookReceiver, signed_with};

mod staff;
pub use staff::{
    UserQuery, audit_events, list_users_with, listed_ids, mark_email_verified, register_account, set_user_flag,
    superuser, user_row,
};
