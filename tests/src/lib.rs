//! Test harness: spawns the real server on a random port with a fresh database (SQLite by
//! default, PostgreSQL when `TEST_DATABASE_URL` is set) and drives it through the generated
//! client, a raw `reqwest::Client` and a second database connection.

mod cookies;
mod database;
mod harness;
mod jwt;
mod problems;
mod smtp_sink;
mod timing;
mod users;

pub use gatehouse::config::Settings;
pub use gatehouse_client::{Client, Error, ResponseValue, types};

pub use cookies::{SetCookie, cookie_header};
pub use harness::{RefreshTokenRow, TestApp, authorized_client, spawn_app, spawn_app_with};
pub use jwt::{encode_segment, foreign_signing_key, jwt_claims, jwt_header, sign_eddsa};
pub use problems::{PROBLEM_JSON, assert_problem, expect_problem, has_field_error, header};
pub use smtp_sink::{ReceivedMail, SmtpSink};
pub use timing::{median, timed};
pub use users::{TestUser, login_request};
