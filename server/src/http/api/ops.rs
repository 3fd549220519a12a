//! `ops` tag: health, keys, and the API description.

use std::sync::LazyLock;

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use gatehouse_api::{apis::ops::*, models};
use headers::Host;
use http::Method;

use super::{Api, Credentials};
use crate::{
    error::{AppError, AppResult},
    http::{context, docs, metrics_listener::PROMETHEUS_TEXT},
    services::{
        operations::{Readiness, RedisHealth},
        sessions::keys::JWKS_MAX_AGE,
    },
};

/// The OpenAPI document, as written.
pub const SPEC_YAML: &str = include_str!("../../../../openapi.yaml");

static SPEC_JSON: LazyLock<String> = LazyLock::new(|| {
    serde_yaml::from_str::<serde_json::Value>(SPEC_YAML)
        .map(|v| v.to_string())
        .unwrap_or_else(|e| format!("{{\"error\":\"openapi.yaml does not parse: {e}\"}}"))
});

#[async_trait]
impl Ops<AppError> for Api {
    type Claims = Credentials;

    async fn healthz(&self, _: &Method, _: &Host, _: &CookieJar) -> AppResult<HealthzResponse> {
        Ok(HealthzResponse::Status200_TheProcessIsAlive(models::HealthStatus {
            status: "ok".into(),
        }))
    }

    async fn readyz(&self, _: &Method, _: &Host, _: &CookieJar) -> AppResult<ReadyzResponse> {
        // Told within a second: a load balancer must not wait on a database that hangs.
        let redis = match self.state.operations.readiness().await {
            Readiness::Ready(redis) => redis,
            Readiness::DatabaseUnavailable(cause) => return Err(AppError::Unavailable(cause)),
        };
        let (status, redis) = match redis {
            RedisHealth::Ok => ("ok", "ok"),
            RedisHealth::Down => ("degraded", "down"),
            RedisHealth::NotConfigured => ("ok", "not_configured"),
        };
        Ok(ReadyzResponse::Status200_ReadyToServe(models::Readiness {
            status: status.into(),
            database: "ok".into(),
            redis: redis.into(),
        }))
    }

    async fn get_metrics(&self, _: &Method, _: &Host, _: &CookieJar) -> AppResult<GetMetricsResponse> {
        if self.state.settings.metrics_addr.is_some() {
            return Err(AppError::NotFound);
        }
        context::set_content_type(PROMETHEUS_TEXT);
        Ok(GetMetricsResponse::Status200_TheMetrics(
            self.state.operations.metrics_text().await,
        ))
    }

    async fn get_jwks(&self, _: &Method, _: &Host, _: &CookieJar) -> AppResult<GetJwksResponse> {
        let keys = self
            .state
            .sessions
            .tokens()
            .keys()
            .published()
            .into_iter()
            .map(|k| models::Jwk {
                kty: "OKP".into(),
                crv: "Ed25519".into(),
                x: k.x,
                kid: k.kid,
                alg: "EdDSA".into(),
                r_use: "sig".into(),
            })
            .collect();
        Ok(GetJwksResponse::Status200_TheKeySet {
            body: models::JwkSet { keys },
            cache_control: Some(format!("public, max-age={}", JWKS_MAX_AGE.as_secs())),
        })
    }

    async fn get_schema(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        query: &models::GetSchemaQueryParams,
    ) -> AppResult<GetSchemaResponse> {
        let json = match query.format {
            Some(models::SchemaFormat::Json) => true,
            Some(models::SchemaFormat::Yaml) => false,
            None => context::current(|c| c.accepts_json).unwrap_or(false),
        };
        if json {
            context::set_content_type("application/json");
            return Ok(GetSchemaResponse::Status200_TheOpenAPIDocument(SPEC_JSON.clone()));
        }
        Ok(GetSchemaResponse::Status200_TheOpenAPIDocument(SPEC_YAML.to_string()))
    }

    async fn get_swagger_ui(&self, _: &Method, _: &Host, _: &CookieJar) -> AppResult<GetSwaggerUiResponse> {
        Ok(GetSwaggerUiResponse::Status200_AnHTMLPage(
            docs::SWAGGER_UI_HTML.to_string(),
        ))
    }

    async fn get_redoc(&self, _: &Method, _: &Host, _: &CookieJar) -> AppResult<GetRedocResponse> {
        Ok(GetRedocResponse::Status200_AnHTMLPage(docs::REDOC_HTML.to_string()))
    }

    async fn run_cleanup(
        &self,
        _: &Method,
        _: &Host,
        _: &CookieJar,
        claims: &Credentials,
    ) -> AppResult<RunCleanupResponse> {
        claims.scheduler()?;
        let report = self.state.maintenance.cleanup().await?;
        Ok(RunCleanupResponse::Status200_TheJobRan(report.into()))
    }
}
