//! The API suite: the real server, a fresh database per test, driven through the generated
//! client (and a raw HTTP client where the generated one cannot express the request).

mod admin_users;
mod admin_users_lifecycle;
mod anti_enumeration;
mod audit_log;
mod auth_login;
mod auth_logout;
mod auth_refresh;
mod auth_register;
mod cleanup;
mod cookies;
mod csrf;
mod email_delivery;
mod email_verification;
mod host_header;
mod input_edges;
mod key_rotation;
mod lockout;
mod ops;
mod otp_passwordless;
mod otp_rate_limits;
mod otp_resend;
mod otp_storage;
mod otp_timing;
mod otp_two_step;
mod outbox;
mod password_change;
mod password_reset;
mod rate_limits;
mod redis_outage;
mod rejections;
mod runtime_settings;
mod sessions;
mod slow_clients;
mod tokens;
mod users_me;
