//! Assertions on RFC 9457 problem responses, and header access.

use std::fmt::Debug;

use reqwest::{StatusCode, header::HeaderMap};

use crate::{Error, ResponseValue, types::Problem};

/// The problem media type every error must be served with.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Asserts that a generated-client call failed with `status` and problem `code`.
pub fn expect_problem<T: Debug>(result: Result<ResponseValue<T>, Error<Problem>>, status: u16, code: &str) -> Problem {
    match result {
        Err(Error::ErrorResponse(response)) => {
            assert_eq!(response.status().as_u16(), status, "unexpected status: {response:?}");
            check_problem(response.into_inner(), status, code)
        }
        Err(other) => panic!("expected a {status} `{code}` problem, got {other:?}"),
        Ok(response) => panic!("expected a {status} `{code}` problem, got {response:?}"),
    }
}

/// Asserts that a raw response is a problem+json document with `status` and `code`.
pub async fn assert_problem(response: reqwest::Response, status: u16, code: &str) -> Problem {
    let actual = response.status();
    let content_type = header(response.headers(), "content-type");
    let body = response.text().await.expect("the body is readable");
    assert_eq!(
        actual,
        StatusCode::from_u16(status).expect("a status"),
        "unexpected status, body: {body}"
    );
    assert!(
        content_type.starts_with(PROBLEM_JSON),
        "expected {PROBLEM_JSON}, got {content_type:?}, body: {body}"
    );
    check_problem(
        serde_json::from_str(&body).expect("the body is a problem document"),
        status,
        code,
    )
}

/// Asserts the problem's `code`, and that its `status` member matches the HTTP status.
fn check_problem(problem: Problem, status: u16, code: &str) -> Problem {
    assert_eq!(problem.code, code, "unexpected problem: {problem:?}");
    assert_eq!(
        problem.status,
        i32::from(status),
        "problem status differs from HTTP status: {problem:?}"
    );
    problem
}

/// A header as a string (empty when absent).
pub fn header(headers: &HeaderMap, name: &str) -> String {
    headers
        .get(name)
        .map(|value| value.to_str().expect("a visible ASCII header").to_owned())
        .unwrap_or_default()
}

/// Whether a validation problem names `field` with error `code`.
pub fn has_field_error(problem: &Problem, field: &str, code: &str) -> bool {
    problem.errors.iter().any(|e| e.field == field && e.code == code)
}
