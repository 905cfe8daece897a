"""Traces (`web.request_spans`, `db.statement_spans`): the real app under a real uvicorn server on
a real socket, in a thread of this process (the exporter must be here to be read), on a real
database of each kind.

A span per request named by its operationId, with the route's template, the status and the
request id; the request's SQL statements as its children (on PostgreSQL through SQLAlchemy's
greenlets too); and nothing of what the requests carried (names, phone numbers) in any span.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import httpx
import pytest
import uvicorn
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from live_server import prepare_database
from patient_tracker.app import create_app
from patient_tracker.db import statement_spans
from patient_tracker.settings import Settings
from tests.api_client import UNKNOWN_ID, patient_body, unique_word

UNMATCHED_PATH = "/v1/nothing-here"


@pytest.fixture(scope="module")
def exporter() -> InMemorySpanExporter:
    """Spans of this process, kept in memory. The app takes the process's tracer provider if
    one is set (as under `opentelemetry-instrument`), so a test sets one first."""
    provider = trace.get_tracer_provider()
    if not isinstance(provider, TracerProvider):
        provider = TracerProvider()
        trace.set_tracer_provider(provider)
    memory = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(memory))
    return memory


@contextmanager
def serving_in_thread(settings: Settings) -> Iterator[str]:
    """The app under uvicorn (uvloop, as `serve` runs it) on a free port, in a thread."""
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=0, loop="uvloop", log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive(), "uvicorn stopped"
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def finished(exporter: InMemorySpanExporter, requests: int) -> Sequence[ReadableSpan]:
    """Every span, once the last request's has ended (it ends after its response is sent)."""
    deadline = time.monotonic() + 10
    while True:
        spans = exporter.get_finished_spans()
        if len([s for s in spans if s.kind == SpanKind.SERVER]) >= requests:
            return spans
        assert time.monotonic() < deadline, spans
        time.sleep(0.01)


def test_a_span_per_request_with_its_statements_and_no_patient_data(
    database_url: str, exporter: InMemorySpanExporter
) -> None:
    key = prepare_database(database_url)
    settings = Settings(database_url=database_url, tracing=True, webhook_worker=False)
    given, family = unique_word("Tracedgiven").title(), unique_word("Tracedfamily").title()
    body = patient_body(given_name=given, family_name=family)
    exporter.clear()
    with (
        serving_in_thread(settings) as base_url,
        httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {key}"}, timeout=30
        ) as client,
    ):
        created = client.post("/v1/patients", json=body)
        assert created.status_code == 201, created.text
        patient_id = created.json()["id"]
        responses = [
            created,
            client.get(f"/v1/patients/{patient_id}"),
            client.get(f"/v1/patients/{UNKNOWN_ID}"),
            # Built per call and run through `Connection.execute`: the engine's events.
            client.get("/v1/patients", params={"phone": body["phone"]}),
            # The phone is taken: the database refuses the insert, and says why, with the phone.
            client.post("/v1/patients", json=body),
            client.get(UNMATCHED_PATH),
        ]
        assert [r.status_code for r in responses] == [201, 200, 404, 200, 409, 404]
        spans = finished(exporter, len(responses))
    assert statement_spans.tracer is None  # the app's shutdown stopped tracing statements

    requests = sorted(
        (s for s in spans if s.kind == SpanKind.SERVER), key=lambda s: s.start_time or 0
    )
    assert [s.name for s in requests] == [
        "createPatient",
        "getPatient",
        "getPatient",
        "listPatients",
        "createPatient",
        "GET",
    ]
    for span, response in zip(requests, responses, strict=True):
        attributes = dict(span.attributes or {})
        assert attributes["http.request.method"] == response.request.method
        assert attributes["http.response.status_code"] == response.status_code
        assert attributes["patient_tracker.request_id"] == response.headers["request-id"]
        assert span.status.status_code == StatusCode.UNSET  # 4xx is the client's
    assert [dict(s.attributes or {}).get("http.route") for s in requests] == [
        "/v1/patients",
        "/v1/patients/{patient_id}",
        "/v1/patients/{patient_id}",
        "/v1/patients",
        "/v1/patients",
        None,  # no route: no template, and never the path
    ]

    statements = [s for s in spans if s.kind == SpanKind.CLIENT]
    by_request = {
        request.name + str(index): [
            s
            for s in statements
            if s.parent is not None and s.parent.span_id == request.context.span_id
        ]
        for index, request in enumerate(requests)
    }
    # Every statement belongs to a request, in its trace.
    assert sum(len(children) for children in by_request.values()) == len(statements)
    for request in requests:
        for child in statements:
            if child.parent is not None and child.parent.span_id == request.context.span_id:
                assert child.context.trace_id == request.context.trace_id
    create, read, missing, listing, taken, unmatched = by_request.values()
    # The insert: on PostgreSQL the patient, its event and the subscribers' lookup are one `WITH`.
    assert any("INSERT" in str(dict(s.attributes or {})["db.query.text"]) for s in create)
    assert {s.name for s in read} == {"SELECT"}
    assert {s.name for s in missing} == {"SELECT"}
    assert {s.name for s in listing} == {"SELECT"}
    assert unmatched == []
    # The refused insert failed by its class alone: the database's message names the phone.
    (refused,) = [s for s in taken if s.status.status_code == StatusCode.ERROR]
    assert dict(refused.attributes or {})["error.type"] == "IntegrityError"
    assert refused.status.description is None
    assert all(s.status.status_code == StatusCode.UNSET for s in statements if s is not refused)
    system = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    for span in statements:
        attributes = dict(span.attributes or {})
        assert attributes["db.system.name"] == system
        assert str(attributes["db.query.text"]).split(None, 1)[0].upper() == span.name

    # Nothing the client sent (names, phone, the unknown path) is in any span: statements keep
    # their placeholders, and requests their templates.
    secrets = [given, family, body["phone"], body["date_of_birth"], UNMATCHED_PATH, patient_id]
    for span in spans:
        texts = [span.name, span.status.description or ""]
        texts += [str(v) for v in (span.attributes or {}).values()]
        texts += [str(v) for event in span.events for v in (event.attributes or {}).values()]
        for secret in secrets:
            assert not any(secret in text for text in texts), (secret, span.name, texts)
