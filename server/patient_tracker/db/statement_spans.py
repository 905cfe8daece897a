"""A span for each SQL statement, when tracing is on: the text with its placeholders, never the
parameters, never an error's message.

Two ways statements reach the database, so two hooks:

- `Connection.execute` (everything but the hot statements): SQLAlchemy's cursor events on the
  engines `trace_engines` is given.
- `Prepared` (the statements every request runs, `prepared.py`): they go to the DBAPI cursor or to
  psycopg directly, past those events, so `Prepared` asks `start` itself when `tracer` is set.

Not opentelemetry-instrumentation-sqlalchemy: it sees only the first kind, and it puts the
database's error message in a failed statement's span status. PostgreSQL's says what it refused
(`DETAIL: Key (phone)=(+15551234567) already exists.`): patient data. Here a failure records the
error's class only.

The span's parent is the span current where the statement runs: the request's, since a SQLite
unit of work runs on the request's task and a PostgreSQL one in a SQLAlchemy greenlet that
carries the task's context (`sqlalchemy.util.greenlet_spawn`). A statement with no recorded span
around it (the delivery worker's, or a request the sampler left out) gets none. `BEGIN` and
`COMMIT`, sent on the driver's connection by `Database`, have no span.

One tracer per process, as there is one app per process (`trace_engines` at the app's start,
`stop_tracing` at its end). Off (the default): `tracer` is None, no engine has a listener (any
engine listener costs every execute ~8 us, `engine.py`), and `Prepared` pays one module
attribute test per statement.
"""

from __future__ import annotations

from typing import Any

from opentelemetry.trace import (
    INVALID_SPAN,
    Span,
    SpanKind,
    Status,
    StatusCode,
    Tracer,
    get_current_span,
)
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.engine.interfaces import DBAPICursor, ExecutionContext

__all__ = ["failed", "start", "stop_tracing", "trace_engines", "tracer"]

tracer: Tracer | None = None
"""The tracer statements are traced with; None: tracing is off."""

# The stable database semantic conventions (OpenTelemetry semconv 1.33 and later).
_SYSTEM = "db.system.name"
_QUERY_TEXT = "db.query.text"
_OPERATION = "db.operation.name"
# Where an execution context keeps its statement's span between the cursor events.
_SPAN_KEY = "_patient_tracker_span"


def start(sql: str, system: str) -> Span:
    """A client span for one statement (`tracer` must be set): named by its first keyword
    (`SELECT`, `INSERT`, `WITH`), with its text as compiled (placeholders, no values).

    Only inside a span being recorded (a traced request): a statement outside one (the delivery
    worker's polls, every second) or under a request the sampler left out gets the no-op span,
    at the cost of a context lookup instead of a span's.
    """
    assert tracer is not None
    if not get_current_span().is_recording():
        return INVALID_SPAN
    operation = sql.split(None, 1)[0].upper() if sql.strip() else system
    return tracer.start_span(
        operation,
        kind=SpanKind.CLIENT,
        attributes={_SYSTEM: system, _QUERY_TEXT: sql, _OPERATION: operation},
    )


def failed(span: Span, error: BaseException) -> None:
    """Mark `span` failed with the error's class only: its message may quote the data."""
    span.set_attribute("error.type", type(error).__qualname__)
    span.set_status(Status(StatusCode.ERROR))


def _before_cursor_execute(
    conn: Connection,
    _cursor: DBAPICursor,
    statement: str,
    _parameters: Any,
    context: ExecutionContext | None,
    _executemany: bool,
) -> None:
    if tracer is not None and context is not None:
        setattr(context, _SPAN_KEY, start(statement, conn.dialect.name))


def _after_cursor_execute(
    _conn: Connection,
    _cursor: DBAPICursor,
    _statement: str,
    _parameters: Any,
    context: ExecutionContext | None,
    _executemany: bool,
) -> None:
    span: Span | None = getattr(context, _SPAN_KEY, None)
    if span is not None:
        span.end()


def _handle_error(exception_context: ExceptionContext) -> None:
    span: Span | None = getattr(exception_context.execution_context, _SPAN_KEY, None)
    if span is not None:
        failed(span, exception_context.original_exception)
        span.end()


_LISTENERS = (
    ("before_cursor_execute", _before_cursor_execute),
    ("after_cursor_execute", _after_cursor_execute),
    ("handle_error", _handle_error),
)


def trace_engines(new_tracer: Tracer, engines: tuple[Engine, ...]) -> None:
    """Trace statements with `new_tracer` from now on: `Prepared`'s, and those `engines` run.

    Call it before the engines open connections: a SQLAlchemy connection decides when it is made
    whether it dispatches events.
    """
    # One tracer per process, read by `Prepared` on every statement.
    global tracer
    tracer = new_tracer
    for engine in engines:
        for name, listener in _LISTENERS:
            if not event.contains(engine, name, listener):
                event.listen(engine, name, listener)


def stop_tracing(engines: tuple[Engine, ...]) -> None:
    """Undo `trace_engines` (at shutdown; an in-process test's app must not trace the next)."""
    global tracer
    tracer = None
    for engine in engines:
        for name, listener in _LISTENERS:
            if event.contains(engine, name, listener):
                event.remove(engine, name, listener)
