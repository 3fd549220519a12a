//! RFC 9457 problem documents: the body of every error response.

use axum::response::{IntoResponse, Response};
use gatehouse_api::models;
use http::{HeaderValue, StatusCode, header};

use crate::{error::FieldError, services::platform::client};

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem about to be sent.
#[derive(Clone, Debug)]
pub struct Problem {
    status: StatusCode,
    code: &'static str,
    title: &'static str,
    detail: Option<String>,
    errors: Vec<FieldError>,
}

impl Problem {
    /// A problem with its status, stable code and title.
    pub fn new(status: StatusCode, code: &'static str, title: &'static str) -> Self {
        Self {
            status,
            code,
            title,
            detail: None,
            errors: Vec::new(),
        }
    }

    /// Adds an explanation of this occurrence.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Adds per-field errors.
    pub fn errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The document, with the request's id and path when known.
    pub fn to_model(&self) -> models::Problem {
        let (request_id, instance) = client::current()
            .map(|c| (c.request_id.clone(), c.path.clone()))
            .unzip();
        models::Problem {
            r_type: format!("urn:gatehouse:problem:{}", self.code.replace('_', "-")),
            title: self.title.to_string(),
            status: i32::from(self.status.as_u16()),
            detail: self.detail.clone(),
            instance,
            code: self.code.to_string(),
            request_id,
            r_errors: (!self.errors.is_empty()).then(|| {
                self.errors
                    .iter()
                    .map(|e| models::FieldError {
                        field: e.field.clone(),
                        code: e.code.to_string(),
                        message: e.message.clone(),
                    })
                    .collect()
            }),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.to_model()).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
