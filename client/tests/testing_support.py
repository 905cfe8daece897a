"""Helpers for the test kit's tests: a transport that checks every answer against the spec, and
one that records outcomes (operation, status, shape) to compare the kit with the real server."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from patient_tracker_client.testing import MockApi, Spec, bundled_spec

# Response headers the spec declares that an answer must carry when declared for its status,
# beyond those it marks `required` (`Request-Id`).
ALWAYS_SENT = ("etag", "location")
# The headers every answer of the API carries, compared between the kit and the server.
COMPARED_HEADERS = (
    "ETag",
    "Location",
    "Idempotent-Replayed",
    "Request-Id",
    "RateLimit-Policy",
    "RateLimit",
)


def response_problems(spec: Spec, request: httpx.Request, response: httpx.Response) -> list[str]:
    """How `response` breaks the spec's description of the answer to `request` ([] if it fits)."""
    operation, _, _ = spec.find(request.method, request.url.path)
    at = ""
    if operation is None:
        # Unknown path or method: the spec's conventions promise a problem.
        schema_pointer = "/components/schemas/Problem"
        declared: dict[str, Any] = {"content": {"application/problem+json": {}}}
    else:
        status = str(response.status_code)
        schema_pointer = ""
        media_type = response.headers.get("Content-Type", "").split(";")[0]
        if status in operation.responses:
            at, declared = operation.responses[status]
            content = declared.get("content") or {}
        elif response.status_code >= 400 and media_type == "application/problem+json":
            # An injected fault the operation does not list (a 503, a 429): by the spec's
            # conventions it is still a problem document.
            at, declared = "/components/schemas/Problem", {}
            content = {}
            schema_pointer = at
        else:
            return [f"{operation.operation_id} has no documented {status} response"]
        if content:
            if media_type not in content:
                return [f"{operation.operation_id} {status}: {media_type!r} not in {list(content)}"]
            schema_pointer = f"{at}/content/{media_type.replace('/', '~1')}/schema"
        elif response.content and not schema_pointer:
            return [f"{operation.operation_id} {status}: a body where the spec has none"]
    found = []
    for name in declared.get("headers") or {}:
        header_at, header = spec.resolve(f"{at}/headers/{name}")
        value = response.headers.get(name)
        if value is None:
            if header.get("required") or name.lower() in ALWAYS_SENT:
                found.append(f"{response.status_code}: header {name} missing")
            continue
        schema = header.get("schema") or {}
        typed: object = int(value) if schema.get("type") == "integer" and value.isdigit() else value
        found += [
            f"{response.status_code}: header {name}: {message}"
            for _, message in spec.errors(f"{header_at}/schema", typed)
        ]
    if response.status_code == 401 and "WWW-Authenticate" not in response.headers:
        found.append("401 without WWW-Authenticate")
    if schema_pointer:
        body = json.loads(response.content)
        found += [
            f"{response.status_code} body {pointer or '/'}: {message}"
            for pointer, message in spec.errors(schema_pointer, body)
        ]
    return found


class SpecCheckedKit(MockApi):
    """The kit, with every answer it gives checked against the spec (failures kept in
    `answer_problems`; the `kit` fixture asserts there are none)."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.answer_problems: list[str] = []
        self.answers = 0

    def _handle(self, request: httpx.Request) -> httpx.Response:
        response = super()._handle(request)
        self.answers += 1
        self.answer_problems += response_problems(self.spec, request, response)
        return response


@dataclass(frozen=True)
class Outcome:
    """What a step of a flow got back, without ids and times: comparable across servers."""

    operation: str
    status: int
    shape: Any
    headers: tuple[str, ...]


def shape(value: Any) -> Any:
    """`value` with every string replaced by "str" except the API's enums and problem codes."""
    if isinstance(value, dict):
        return {
            key: (item if key in ("status", "code", "current_status") else shape(item))
            for key, item in sorted(value.items())
        }
    if isinstance(value, list):
        return [shape(item) for item in value]
    if isinstance(value, str):
        return "str"
    return value


class Recorder(httpx.BaseTransport):
    """Passes requests to `inner` and records each outcome."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.spec = bundled_spec()
        self.outcomes: list[Outcome] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        operation, _, _ = self.spec.find(request.method, request.url.path)
        body = json.loads(response.content) if response.content else None
        if isinstance(body, dict) and "detail" in body:
            body = {key: value for key, value in body.items() if key != "detail"}
        self.outcomes.append(
            Outcome(
                operation.operation_id if operation else request.url.path,
                response.status_code,
                shape(body),
                tuple(name for name in COMPARED_HEADERS if name in response.headers),
            )
        )
        return response

    def close(self) -> None:
        self.inner.close()
