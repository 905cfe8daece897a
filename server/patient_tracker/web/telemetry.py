"""What metrics and traces put on the app, from the settings: one place `create_app` asks.

- `PATIENT_TRACKER_METRICS` (on by default): the request metrics middleware, and the gauge of
  database connections in use given to `Database`. Served by `serve` (`web.metrics_exposition`).
- `PATIENT_TRACKER_TRACING` (off by default): the request span middleware, and statement spans
  on the database's engines (`db.statement_spans`) from the lifespan's start to its end.

Off means not installed: no middleware, no engine listener, no gauge; the cost is nothing
(docs/design.md, "Metrics and traces", has what on costs).
"""

from __future__ import annotations

from opentelemetry.trace import Tracer
from starlette.applications import Starlette

from patient_tracker.db import statement_spans
from patient_tracker.db.database import Database
from patient_tracker.db.loop_connections import Tally
from patient_tracker.kit import metrics
from patient_tracker.settings import Settings
from patient_tracker.web import tracing
from patient_tracker.web.request_metrics import RequestMetricsMiddleware
from patient_tracker.web.request_spans import RequestSpanMiddleware

__all__ = ["Telemetry"]


class Telemetry:
    """Metrics and traces of one app, as `settings` ask."""

    def __init__(self, settings: Settings) -> None:
        self._metrics = settings.metrics
        self._tracer: Tracer | None = tracing.tracer() if settings.tracing else None

    @property
    def connections_in_use(self) -> Tally | None:
        """What `Database` counts its connections lent out in (None: nothing)."""
        return metrics.DB_CONNECTIONS_IN_USE if self._metrics else None

    def install(self, app: Starlette) -> None:
        """Add the middleware, around what the app has added so far (so they time all of it)."""
        if self._metrics:
            app.add_middleware(RequestMetricsMiddleware)
        if self._tracer is not None:
            app.add_middleware(RequestSpanMiddleware, tracer=self._tracer)

    def watch(self, database: Database) -> None:
        """Trace `database`'s statements (at start-up, before it opens a connection)."""
        if self._tracer is not None:
            statement_spans.trace_engines(self._tracer, database.engines)

    def unwatch(self, database: Database) -> None:
        """Stop tracing `database`'s statements and send the spans still queued (at shutdown)."""
        if self._tracer is not None:
            statement_spans.stop_tracing(database.engines)
            tracing.flush()
