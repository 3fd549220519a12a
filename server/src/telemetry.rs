//! Structured logs (text or JSON lines, filtered by `RUST_LOG`, default `info`) and, when
//! `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set,
//! OpenTelemetry traces over OTLP/HTTP: a span per request named by its operationId, with
//! children for each database statement, password hash and e-mail delivery. The standard
//! `OTEL_*` variables apply; `OTEL_SERVICE_NAME` defaults to `gatehouse`.

use std::sync::atomic::{AtomicBool, Ordering};

use http::{HeaderMap, Method};
use opentelemetry::{
    propagation::{Extractor, TextMapPropagator},
    trace::{TraceContextExt, TracerProvider as _},
};
use opentelemetry_sdk::{Resource, propagation::TraceContextPropagator, trace::SdkTracerProvider};
use tracing::{Level, Span, field::Empty};
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::{EnvFilter, Layer, Registry, filter::filter_fn, fmt, layer::SubscriberExt};

use crate::config::LogFormat;

// Set once traces are exported: request spans then carry the trace id and a caller's
// `traceparent`.
static TRACING: AtomicBool = AtomicBool::new(false);

/// Keeps the trace exporter alive; [`Telemetry::shutdown`] sends the spans still buffered.
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    /// Flushes and stops the trace exporter (at exit).
    pub fn shutdown(self) {
        if let Some(provider) = self.provider
            && let Err(e) = provider.shutdown()
        {
            eprintln!("gatehouse: flushing traces failed: {e}");
        }
    }
}

/// Installs the global subscriber: the log layer, and the OTLP layer when configured. A
/// second call installs nothing.
pub fn init(format: LogFormat) -> Telemetry {
    let provider = otlp_endpoint_set().then(tracer_provider).flatten();
    let tracing_on = provider.is_some();
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    // Without traces the log layer sees no spans at all: the lines stay as they were and
    // a request pays nothing for its span.
    let logs = match format {
        LogFormat::Text => fmt::layer().with_target(false).boxed(),
        LogFormat::Json => fmt::layer().with_target(false).json().flatten_event(true).boxed(),
    }
    .with_filter(filter)
    .with_filter(filter_fn(move |meta| {
        meta.is_event() || (tracing_on && !generated(meta))
    }));
    let traces = provider.as_ref().map(|provider| {
        tracing_opentelemetry::layer()
            .with_tracer(provider.tracer("gatehouse"))
            .with_filter(filter_fn(|meta| {
                meta.is_span() && *meta.level() <= Level::INFO && !generated(meta)
            }))
    });
    // Without traces the subscriber must not carry even an empty (`None`) trace layer: an
    // absent layer counts as one that wants every span, so each request and each statement
    // would still create, enter and close spans nobody reads (a few per cent of the CPU).
    let installed = match traces {
        Some(traces) => tracing::subscriber::set_global_default(Registry::default().with(logs).with(traces)),
        None => tracing::subscriber::set_global_default(Registry::default().with(logs)),
    }
    .is_ok();
    if installed && tracing_on {
        TRACING.store(true, Ordering::Release);
        tracing::info!("exporting traces over OTLP/HTTP");
    }
    Telemetry { provider }
}

// The generated handlers carry `#[instrument]` spans of their own; the request span, named by
// operationId, already stands for them.
fn generated(meta: &tracing::Metadata<'_>) -> bool {
    meta.target().starts_with("gatehouse_api")
}

fn otlp_endpoint_set() -> bool {
    ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]
        .iter()
        .any(|name| std::env::var(name).is_ok_and(|v| !v.trim().is_empty()))
}

fn tracer_provider() -> Option<SdkTracerProvider> {
    let exporter = match opentelemetry_otlp::SpanExporter::builder().with_http().build() {
        Ok(exporter) => exporter,
        Err(e) => {
            eprintln!("gatehouse: traces are off: the OTLP exporter could not be built: {e}");
            return None;
        }
    };
    let service = std::env::var("OTEL_SERVICE_NAME")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "gatehouse".into());
    Some(
        SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .with_resource(Resource::builder().with_service_name(service).build())
            .build(),
    )
}

/// The span of one request, named by its operationId, and its trace id (32 hex digits) when
/// traces are on; it then continues the caller's trace when the request carries a W3C
/// `traceparent`.
pub fn request_span(
    operation: &'static str,
    method: &Method,
    request_id: &str,
    headers: &HeaderMap,
) -> (Span, Option<String>) {
    let span = tracing::info_span!(
        "request",
        otel.name = operation,
        otel.kind = "server",
        http.request.method = %method,
        http.response.status_code = Empty,
        request_id,
        trace_id = Empty,
    );
    if !TRACING.load(Ordering::Acquire) {
        return (span, None);
    }
    let parent = TraceContextPropagator::new().extract(&Headers(headers));
    // Refused only when the span is disabled: then there is no trace to continue.
    let _ = span.set_parent(parent);
    let context = span.context();
    let span_context = context.span().span_context().clone();
    let trace_id = span_context.is_valid().then(|| span_context.trace_id().to_string());
    if let Some(trace_id) = &trace_id {
        span.record("trace_id", trace_id.as_str());
    }
    (span, trace_id)
}

struct Headers<'a>(&'a HeaderMap);

impl Extractor for Headers<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}
