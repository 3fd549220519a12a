//! Turns every error the framework or the generated code answers on its own (bad JSON,
//! missing Content-Type, missing token, unknown route, wrong method, body too large,
//! validation, timeouts) into an RFC 9457 problem with a stable code.

use axum::{
    body::{Body, to_bytes},
    extract::Request,
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};

use super::problem::{PROBLEM_JSON, Problem};
use crate::error::FieldError;

const GENERATED_REJECTION: &str = "x-gatehouse-rejection";
const MAX_REJECTION_BODY: usize = 16 * 1024;
const RATELIMIT: header::HeaderName = header::HeaderName::from_static("ratelimit");
const RATELIMIT_POLICY: header::HeaderName = header::HeaderName::from_static("ratelimit-policy");

/// The fallback for unknown routes.
pub fn not_found() -> Problem {
    Problem::new(StatusCode::NOT_FOUND, "not_found", "Not found").detail("There is nothing at this path.")
}

/// The router's fallback handler.
pub async fn fallback() -> Response {
    not_found().into_response()
}

/// Every request body of the API is a JSON object, but serde also fills a struct from a JSON
/// array (`[null, null]`): refuse anything else before the generated extractors see it.
pub async fn json_object_body(request: Request, max_body_bytes: usize) -> Result<Request, Response> {
    let is_json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.trim_start().to_ascii_lowercase().starts_with("application/json"));
    if !is_json {
        return Ok(request);
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, max_body_bytes).await else {
        return Err(problem_for(StatusCode::PAYLOAD_TOO_LARGE, "").into_response());
    };
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|b| *b != b'{') && serde_json::from_slice::<serde_json::Value>(&bytes).is_ok() {
        let error = FieldError::new("body", "invalid_type", "The request body must be a JSON object.");
        return Err(validation_problem(vec![error]).into_response());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// Rewrites a non-problem error response into a problem.
pub async fn as_problem(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|ct| ct.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let generated_validation = parts.headers.remove(GENERATED_REJECTION).is_some();
    let text = to_bytes(body, MAX_REJECTION_BODY).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let problem = if generated_validation {
        validation_problem(validation_errors(&text))
    } else {
        problem_for(status, &text)
    };
    let mut converted = problem.into_response();
    // Keep what the client needs from the original (Allow on 405, Retry-After and the
    // RateLimit headers on 429/503), not its framing.
    for name in [header::ALLOW, header::RETRY_AFTER, RATELIMIT, RATELIMIT_POLICY] {
        if let Some(value) = parts.headers.remove(&name) {
            converted.headers_mut().insert(name, value);
        }
    }
    converted
}

fn validation_problem(errors: Vec<FieldError>) -> Problem {
    Problem::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
        "Validation failed",
    )
    .detail("One or more fields are invalid.")
    .errors(errors)
}

fn problem_for(status: StatusCode, text: &str) -> Problem {
    use StatusCode as S;
    let text = text.trim();
    match status {
        S::BAD_REQUEST => Problem::new(status, "malformed_request", "Malformed request").detail(if text.is_empty() {
            "The request could not be read."
        } else {
            text
        }),
        S::UNAUTHORIZED => Problem::new(status, "unauthorized", "Authentication required")
            .detail("Send a valid access token as `Authorization: Bearer <token>`."),
        S::NOT_FOUND => not_found(),
        S::METHOD_NOT_ALLOWED => Problem::new(status, "method_not_allowed", "Method not allowed")
            .detail("This path does not accept this method."),
        S::REQUEST_TIMEOUT => {
            Problem::new(status, "request_timeout", "Request timeout").detail("The request took too long.")
        }
        S::PAYLOAD_TOO_LARGE => Problem::new(status, "payload_too_large", "Payload too large")
            .detail("The request body is larger than the server accepts."),
        S::UNSUPPORTED_MEDIA_TYPE => Problem::new(status, "unsupported_media_type", "Unsupported media type")
            .detail("Send the body as JSON with `Content-Type: application/json`."),
        S::UNPROCESSABLE_ENTITY => validation_problem(vec![json_data_error(text)]),
        s if s.is_server_error() => {
            tracing::error!(status = s.as_u16(), body = text, "unhandled server error");
            Problem::new(S::INTERNAL_SERVER_ERROR, "internal_error", "Internal server error")
                .detail("Something went wrong on our side; it has been logged.")
        }
        s => Problem::new(s, "request_refused", "Request refused"),
    }
}

/// Reads axum's JSON data error ("…target type: email: invalid type: …" or "missing field
/// `email`") into a field error.
fn json_data_error(text: &str) -> FieldError {
    let message = text.split_once("target type: ").map_or(text, |(_, rest)| rest);
    if let Some(field) = message
        .split_once("missing field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(f, _)| f)
    {
        return FieldError::new(field, "required", "This field is required.");
    }
    let (field, detail) = match message.split_once(": ") {
        Some((path, detail)) if !path.contains(' ') => (path, detail),
        _ => ("body", message),
    };
    let detail = detail.split(" at line ").next().unwrap_or(detail);
    FieldError::new(field, "invalid_type", detail.to_string())
}

/// Flattens the generated validator's JSON (`{"body":{"email":[{"code":"length",…}]}}`).
fn validation_errors(text: &str) -> Vec<FieldError> {
    fn walk(path: &str, value: &serde_json::Value, out: &mut Vec<FieldError>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    let path = if path.is_empty() || path == "body" {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(&path, value, out);
                }
            }
            serde_json::Value::Array(items) => {
                for item in items {
                    if let Some(code) = item.get("code").and_then(|c| c.as_str()) {
                        let params = item.get("params");
                        let max = params.and_then(|p| p.get("max")).and_then(|m| m.as_u64());
                        let min = params.and_then(|p| p.get("min")).and_then(|m| m.as_u64());
                        let value_len = params
                            .and_then(|p| p.get("value"))
                            .and_then(|v| v.as_str())
                            .map(|v| v.chars().count() as u64);
                        let too_short = matches!((min, value_len), (Some(min), Some(len)) if len < min);
                        // Password fields share the policy codes of `passwords::check_policy`.
                        let password = matches!(path, "password" | "new_password" | "current_password");
                        let (code, message) = match (code, max) {
                            ("length", _) if too_short => (
                                if password { "password_too_short" } else { "too_short" },
                                format!("At least {} characters.", min.unwrap_or_default()),
                            ),
                            ("length", Some(max)) => (
                                if password { "password_too_long" } else { "too_long" },
                                format!("At most {max} characters."),
                            ),
                            ("length", None) => ("too_short", "Too short.".to_string()),
                            ("range", _) => ("out_of_range", "Out of range.".to_string()),
                            ("regex", _) => ("invalid_format", "Invalid format.".to_string()),
                            _ => ("invalid", "Invalid value.".to_string()),
                        };
                        out.push(FieldError::new(path.to_string(), code, message));
                    } else {
                        walk(path, item, out);
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        walk("", &value, &mut out);
    }
    if out.is_empty() {
        out.push(FieldError::new("body", "invalid", "The request body is invalid."));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_axum_json_errors_into_fields() {
        let missing = json_data_error(
            "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 2",
        );
        assert_eq!((missing.field.as_str(), missing.code), ("email", "required"));
        let typed = json_data_error(
            "Failed to deserialize the JSON body into the target type: password: invalid type: integer `1`, expected a string at line 1 column 14",
        );
        assert_eq!((typed.field.as_str(), typed.code), ("password", "invalid_type"));
    }

    #[test]
    fn flattens_generated_validation_errors() {
        let errors = validation_errors(
            r#"{"body":{"email":[{"code":"length","message":null,"params":{"max":254,"value":"x"}}]}}"#,
        );
        assert_eq!(
            errors,
            vec![FieldError::new("email", "too_long", "At most 254 characters.")]
        );
    }
}
