"""The OpenTelemetry tracer provider a worker process traces with, when tracing is on.

The provider already set for the process, if there is one (an operator running the server under
`opentelemetry-instrument`, a test with an in-memory exporter); otherwise one made here, set for
the process, that batches spans to an OTLP/HTTP collector. The exporter is configured by
OpenTelemetry's own variables, as every OpenTelemetry exporter is (`OTEL_EXPORTER_OTLP_ENDPOINT`,
default `http://localhost:4318`; `OTEL_EXPORTER_OTLP_HEADERS`, `..._TIMEOUT`, certificates), and
the service is `patient-tracker` unless `OTEL_SERVICE_NAME` says otherwise: those are what an
operator's collector set-up already speaks.

Made in each worker process (by `create_app`): a provider's export thread does not survive into
another process.
"""

from __future__ import annotations

from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

__all__ = ["SERVICE", "flush", "tracer"]

SERVICE = "patient-tracker"
# Spans still queued at shutdown get this long to be sent.
_FLUSH_MILLIS = 5000


def _provider() -> TracerProvider:
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        return current
    resource = Resource.create()
    if str(resource.attributes.get(SERVICE_NAME, "")).startswith("unknown_service"):
        resource = resource.merge(Resource({SERVICE_NAME: SERVICE}))
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    return provider


def tracer() -> trace.Tracer:
    """The tracer of this package, from the process's provider (made on first use)."""
    return _provider().get_tracer("patient_tracker")


def flush() -> None:
    """Send the spans still queued (at shutdown: the provider's own exit hook may come too late
    for a worker that is stopped)."""
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        current.force_flush(_FLUSH_MILLIS)
