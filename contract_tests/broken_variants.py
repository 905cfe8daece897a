"""Deliberately broken servers, to prove the contract gate fails when it should.

Each factory wraps the real application (`patient_tracker.app.create_app`) in a small ASGI layer
that breaks one promise of the spec, without touching the server's code. Run one with uvicorn as
a real process: `uvicorn --factory contract_tests.broken_variants:<name>`; it reads the same
`PATIENT_TRACKER_*` environment as the real server. `test_broken_variants.py` runs the contract
checks against each and asserts the right check fails.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from patient_tracker.app import create_app
from patient_tracker.db import outbox as event_log

SPEC = Path(__file__).resolve().parents[1] / "spec" / "openapi.yaml"
# The key `auth_ignored` substitutes for a missing or wrong one (set by the test).
VARIANT_KEY_VARIABLE = "PATIENT_TRACKER_VARIANT_KEY"

Headers = list[tuple[bytes, bytes]]
# (request scope, status, headers, body) -> the (status, headers, body) to send instead.
Rewrite = Callable[[Scope, int, Headers, bytes], tuple[int, Headers, bytes]]


def rewriting_responses(app: ASGIApp, rewrite: Rewrite) -> ASGIApp:
    """Wrap `app` so that each HTTP response, buffered whole, passes through `rewrite`."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    status, headers, body = rewrite(
                        scope, start["status"], list(start["headers"]), b"".join(chunks)
                    )
                    headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
                    headers.append((b"content-length", str(len(body)).encode()))
                    await send(
                        {"type": "http.response.start", "status": status, "headers": headers}
                    )
                    await send({"type": "http.response.body", "body": body})
            else:
                await send(message)

        await app(scope, receive, capture)

    return wrapped


def _header(headers: Headers, name: bytes) -> bytes | None:
    return next((value for key, value in headers if key.lower() == name), None)


# ---------------------------------------------------------------- the variants


def intact() -> ASGIApp:
    """The real application, unchanged: the control for every variant."""
    return create_app()


def undocumented_status() -> ASGIApp:
    """`GET /healthz` answers 203, a status its responses do not document."""

    def rewrite(
        scope: Scope, status: int, headers: Headers, body: bytes
    ) -> tuple[int, Headers, bytes]:
        if scope["path"] == "/healthz" and status == 200:
            return 203, headers, body
        return status, headers, body

    return rewriting_responses(create_app(), rewrite)


def field_out_of_bounds() -> ASGIApp:
    """A patient's `family_name` comes back one character longer than its `maxLength`."""
    spec = yaml.safe_load(SPEC.read_text())
    limit: int = spec["components"]["schemas"]["PersonName"]["maxLength"]

    def rewrite(
        scope: Scope, status: int, headers: Headers, body: bytes
    ) -> tuple[int, Headers, bytes]:
        if scope["path"].startswith("/v1/patients") and status in (200, 201):
            document = json.loads(body)
            if "family_name" in document:
                document["family_name"] = "x" * (limit + 1)
                return status, headers, json.dumps(document).encode()
        return status, headers, body

    return rewriting_responses(create_app(), rewrite)


def problem_as_plain_json() -> ASGIApp:
    """Problems are labelled `application/json` instead of `application/problem+json`."""

    def rewrite(
        scope: Scope, status: int, headers: Headers, body: bytes
    ) -> tuple[int, Headers, bytes]:
        relabelled = [
            (key, b"application/json")
            if key.lower() == b"content-type" and value.startswith(b"application/problem+json")
            else (key, value)
            for key, value in headers
        ]
        return status, relabelled, body

    return rewriting_responses(create_app(), rewrite)


def deleted_still_served() -> ASGIApp:
    """A deleted patient is still served: `GET` answers with the last copy instead of 404."""
    last_seen: dict[str, tuple[Headers, bytes]] = {}
    deleted: set[str] = set()

    def rewrite(
        scope: Scope, status: int, headers: Headers, body: bytes
    ) -> tuple[int, Headers, bytes]:
        method, path = scope["method"], scope["path"]
        if not path.startswith("/v1/patients/"):
            location = _header(headers, b"location")
            if method == "POST" and status == 201 and location is not None:
                last_seen[location.decode()] = (headers, body)
            return status, headers, body
        if method == "GET" and status == 200:
            last_seen[path] = (headers, body)
        elif method == "DELETE" and 200 <= status < 300:
            deleted.add(path)
        elif method == "GET" and status == 404 and path in deleted and path in last_seen:
            stale_headers, stale_body = last_seen[path]
            kept = [(k, v) for k, v in stale_headers if k.lower() != b"location"]
            return 200, kept, stale_body
        return status, headers, body

    return rewriting_responses(create_app(), rewrite)


def auth_ignored() -> ASGIApp:
    """`GET /v1/practitioners` serves callers without a valid key (it uses its own)."""
    app = create_app()
    valid = f"Bearer {os.environ[VARIANT_KEY_VARIABLE]}".encode()

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"] == "/v1/practitioners"
        ):
            headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"]
            scope = {**scope, "headers": [*headers, (b"authorization", valid)]}
        await app(scope, receive, send)

    return wrapped


def event_payload_off_spec() -> ASGIApp:
    """Events are stored, listed and delivered without the resource's `phone` (the spec requires
    it in a patient's `data`): the webhook tests' payload check must catch it.

    Not an ASGI layer like the others: the payload leaves by the delivery worker, not as a
    response, so the one function that writes events is wrapped before the app is built.
    """
    write_event = event_log.insert_event

    def insert_event_without_phone(conn: Any, *, payload: str, **fields: Any) -> None:
        event = json.loads(payload)
        event["data"].pop("phone", None)
        write_event(conn, payload=json.dumps(event), **fields)

    event_log.insert_event = insert_event_without_phone
    return create_app()
