"""`MockApi`: an httpx transport (sync and async) that plays the API from its spec."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import httpx

from .._client import AsyncPatientTracker, PatientTracker
from ._spec import Operation, Spec, bundled_spec
from ._store import Answer, Json, Problem, Request, Store

DEFAULT_API_KEY = "ptk_test_kit"
BASE_URL = "http://patient-tracker.test"
# Errors raised before the request reaches the server; any other is raised after the kit acted.
_BEFORE_SENDING = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Status codes some fault needs but the spec has no example problem for.
_FALLBACK_CODES = {429: "rate_limited", 503: "service_unavailable", 500: "internal_error"}
# The rate-limit policies every answer reports, name -> (quota `q`, window `w` in seconds): the
# spec's example. The kit enforces none (`fail_next(status=429)` plays one running out). Every
# request draws on "address" (the client's, counted before authentication); a request with the
# kit's key on "integration" too. Each answer reports a fresh window with this request counted:
# `r` one below `q`, `t` the window; an injected 429 reports the policy it blames used up (`r=0`,
# `t` its `Retry-After`).
RATE_LIMIT_POLICIES: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"integration": (200, 2), "address": (400, 2)}
)


class SpecViolation(AssertionError):  # noqa: N818 - read as "the spec was violated"
    """What `MockApi.assert_no_violations()` raises: the requests that broke the spec."""


@dataclass(frozen=True)
class Violation:
    """A request the integrator's code sent that the spec does not allow, and why."""

    operation: str  # operationId, or "METHOD /path" when no operation matched
    status: int  # the 4xx the kit answered
    message: str

    def __str__(self) -> str:
        return f"{self.operation}: {self.message} (answered {self.status})"


@dataclass(frozen=True)
class Call:
    """One request the kit received and what it answered (the status; `None` when dropped), and
    the `Request-Id` it gave the request (`None` when dropped before it arrived)."""

    operation: str
    method: str
    path: str
    status: int | None
    headers: httpx.Headers
    request_id: str | None = None


@dataclass
class _Fault:
    operation: str | None
    times: int
    status: int | None = None
    retry_after: float | None = None
    code: str | None = None
    error: type[httpx.TransportError] | None = None


@dataclass
class _Stored:
    fingerprint: str
    answer: Answer = field(repr=False)


class MockApi(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A fake Patient Tracker for integrators' tests, answering from the API's spec.

    Plug it into the SDK: `kit.tracker()` / `kit.async_tracker()`, or
    `PatientTracker(kit.base_url, api_key=kit.api_key, transport=kit, async_transport=kit)`, or
    the generated client: `Client(base_url=kit.base_url, httpx_args={"transport": kit})`.

    Every request is checked against the spec (path, method, API key and scopes, parameters,
    body). A request the spec does not allow is answered with the spec's problem (401, 403, 404,
    405, 415, 400 or 422, its `detail` saying what is wrong) and recorded in `violations`;
    `assert_no_violations()` fails a test that sent one. A valid request is answered by an
    in-memory model of the API (see the package docstring for what it models).
    """

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_API_KEY,
        scopes: Iterable[str] | None = None,
        spec: Spec | None = None,
    ) -> None:
        self.spec = spec or bundled_spec()
        self.api_key = api_key
        self.base_url = BASE_URL
        # Default: every scope any operation needs (an all-powerful test key).
        self.scopes = frozenset(
            scopes
            if scopes is not None
            else (scope for operation in self.spec.operations for scope in operation.scopes)
        )
        self.store = Store()
        self.violations: list[Violation] = []
        self.calls: list[Call] = []
        self._faults: deque[_Fault] = deque()
        self._idempotency: dict[str, _Stored] = {}
        # Sync and async clients may share one kit (and tests may use threads): one request at
        # a time keeps the store consistent.
        self._lock = threading.Lock()

    # -- what tests call

    def tracker(self, **options: Any) -> PatientTracker:
        """A `PatientTracker` talking to this kit (options as for `PatientTracker`)."""
        return PatientTracker(
            self.base_url, api_key=self.api_key, transport=self, async_transport=self, **options
        )

    def async_tracker(self, **options: Any) -> AsyncPatientTracker:
        """An `AsyncPatientTracker` talking to this kit."""
        return AsyncPatientTracker(
            self.base_url, api_key=self.api_key, transport=self, async_transport=self, **options
        )

    def fail_next(
        self,
        operation_id: str | None = None,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        code: str | None = None,
        error: type[httpx.TransportError] | None = None,
        times: int = 1,
    ) -> None:
        """Make the next `times` calls of `operation_id` (any operation when None) fail.

        With `status`: answer that status with a problem (`code` defaults to the first example
        the spec gives for it, else `rate_limited` / `service_unavailable` / ...), and a
        `Retry-After: <retry_after>` header when given, or, where the spec documents one (429,
        503), `Retry-After: 0` (so that retries in tests do not wait); nothing is changed.
        With `error`: raise it. `httpx.ConnectError` (and the other connect errors) are raised
        before the kit acts: the request never arrived. Any other (`httpx.RemoteProtocolError`,
        `httpx.ReadTimeout`, ...) is raised after the kit has acted: the answer was lost, as
        when a connection drops mid-response (retrying must not do the work twice).
        """
        if (status is None) == (error is None):
            raise ValueError("give either status= or error=")
        if operation_id is not None and operation_id not in self.spec.by_id:
            raise ValueError(f"the spec has no operation {operation_id!r}")
        self._faults.append(_Fault(operation_id, times, status, retry_after, code, error))

    def assert_no_violations(self) -> None:
        """Raise `SpecViolation` listing the requests that broke the spec, if any."""
        if self.violations:
            listed = "\n".join(f"- {violation}" for violation in self.violations)
            raise SpecViolation(f"{len(self.violations)} request(s) broke the spec:\n{listed}")

    def calls_of(self, operation_id: str) -> list[Call]:
        """The calls the kit received for one operation, dropped ones included."""
        return [call for call in self.calls if call.operation == operation_id]

    # -- the transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return self._handle(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self._handle(request)

    def _handle(self, request: httpx.Request) -> httpx.Response:
        # One exchange at a time, faults and records included: sync and async clients (and
        # threads) may share a kit.
        with self._lock:
            found, _, _ = self.spec.find(request.method, request.url.path)
            name = found.operation_id if found else f"{request.method} {request.url.path}"
            fault = self._take_fault(found)
            # Never arrived: nothing is checked or done.
            if fault is not None and fault.error and issubclass(fault.error, _BEFORE_SENDING):
                self._record(name, request, None, None)
                raise fault.error("connection refused (injected by the test kit)", request=request)
            request_id = "req_" + os.urandom(16).hex()  # as the server makes them
            operation, answer = self._answer(request)
            if operation is not None:
                if fault is not None and fault.error is None:
                    answer = self._fault_answer(operation, fault, request)
                else:
                    answer = self._run(operation, request, answer)
            if fault is not None and fault.error is not None:  # acted on, then the answer lost
                self._record(name, request, None, request_id)
                raise fault.error("connection dropped (injected by the test kit)", request=request)
            self._record(name, request, answer.status, request_id)
            return self._response(answer, request, request_id)

    def _record(
        self, name: str, request: httpx.Request, status: int | None, request_id: str | None
    ) -> None:
        self.calls.append(
            Call(name, request.method, request.url.path, status, request.headers, request_id)
        )

    def _take_fault(self, operation: Operation | None) -> _Fault | None:
        for fault in self._faults:
            if operation is not None and fault.operation in (None, operation.operation_id):
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def _fault_answer(self, operation: Operation, fault: _Fault, request: httpx.Request) -> Answer:
        assert fault.status is not None
        code = (
            fault.code
            or self.spec.example_code(operation, fault.status)
            or _FALLBACK_CODES.get(fault.status, "injected_fault")
        )
        problem = Problem(
            fault.status, code, f"Injected by the test kit: {fault.status} {code}.", headers={}
        )
        if fault.retry_after is not None:
            problem.headers["Retry-After"] = f"{fault.retry_after:g}"
        elif "retry-after" in self.spec.response_headers(operation, fault.status):
            problem.headers["Retry-After"] = "0"
        return self._problem(problem, request)

    # -- checking a request against the spec

    def _answer(self, request: httpx.Request) -> tuple[Operation | None, Answer]:
        """The operation, and an answer if the request is refused before it runs."""
        method, path = request.method, request.url.path
        operation, path_params, allowed = self.spec.find(method, path)
        if operation is None:
            if allowed:
                problem = Problem(
                    405,
                    "method_not_allowed",
                    f"{method} is not allowed here; use {', '.join(allowed)}.",
                    headers={"Allow": ", ".join(allowed)},
                )
            else:
                problem = Problem(404, "not_found", f"No operation is at {path}.")
            self._violate(f"{method} {path}", problem)
            return None, self._problem(problem, request)
        try:
            self._check(operation, path_params, request)
        except Problem as problem:
            self._violate(operation.operation_id, problem)
            return operation, self._problem(problem, request)
        return operation, Answer(0)

    def _violate(self, operation: str, problem: Problem) -> None:
        self.violations.append(Violation(operation, problem.status, problem.detail))

    def _check(
        self, operation: Operation, path_params: dict[str, str], request: httpx.Request
    ) -> None:
        if operation.scopes:
            self._check_auth(operation, request)
        errors: list[Json] = []
        query = dict(request.url.params.multi_items())
        declared = {
            (p.location, p.name.lower() if p.location == "header" else p.name): p
            for p in operation.parameters
        }
        for name in query:
            if ("query", name) not in declared:
                errors.append({"parameter": name, "detail": "The operation has no such parameter."})
        for parameter in operation.parameters:
            if parameter.location == "path":
                raw: str | None = path_params.get(parameter.name)
            elif parameter.location == "query":
                raw = query.get(parameter.name)
            else:
                raw = request.headers.get(parameter.name)
            if raw is None:
                if parameter.required:
                    errors.append({"parameter": parameter.name, "detail": "It is required."})
                continue
            value = _coerce(raw, parameter.schema)
            for _, message in self.spec.errors(parameter.schema_pointer, value):
                errors.append({"parameter": parameter.name, "detail": message[:1000]})
        if errors:
            raise _validation_failed(errors, "parameter")
        self._check_body(operation, request)

    def _check_auth(self, operation: Operation, request: httpx.Request) -> None:
        header = request.headers.get("Authorization")
        challenge = {"WWW-Authenticate": 'Bearer realm="patient-tracker"'}
        if header is None:
            raise Problem(
                401,
                "unauthenticated",
                "Send an API key as 'Authorization: Bearer <key>'.",
                headers=challenge,
            )
        if header != f"Bearer {self.api_key}":
            raise Problem(
                401,
                "invalid_api_key",
                "The API key is not the test kit's key (MockApi(api_key=...)).",
                headers={
                    "WWW-Authenticate": 'Bearer realm="patient-tracker", error="invalid_token"'
                },
            )
        missing = sorted(operation.scopes - self.scopes)
        if missing:
            raise Problem(
                403,
                "insufficient_scope",
                f"This operation requires the scope '{missing[0]}'"
                f" (the kit's key holds {sorted(self.scopes)}).",
            )

    def _check_body(self, operation: Operation, request: httpx.Request) -> None:
        content = request.content
        if not operation.body_schemas:
            return
        if not content:
            if operation.body_required:
                raise _validation_failed([{"pointer": "", "detail": "A body is required."}])
            return
        media_type = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type not in operation.body_schemas:
            raise Problem(
                415,
                "unsupported_media_type",
                f"The body must be {' or '.join(map(repr, operation.body_schemas))},"
                f" not {media_type or 'untyped'!r}.",
            )
        try:
            body = json.loads(content)
        except ValueError as error:
            raise Problem(
                400, "malformed_json", f"The request body is not valid JSON: {error}."
            ) from None
        errors = [
            {"pointer": pointer, "detail": message[:1000]}
            for pointer, message in self.spec.errors(operation.body_schemas[media_type], body)
        ]
        if errors:
            raise _validation_failed(errors, "field")

    # -- running a valid request

    def _run(self, operation: Operation, request: httpx.Request, refused: Answer) -> Answer:
        if refused.status:
            return refused
        key = request.headers.get("Idempotency-Key")
        fingerprint = hashlib.sha256(
            b"\0".join([request.method.encode(), request.url.path.encode(), request.content])
        ).hexdigest()
        if key is not None and key in self._idempotency:
            stored = self._idempotency[key]
            if stored.fingerprint != fingerprint:
                return self._problem(
                    Problem(
                        422,
                        "idempotency_key_reused",
                        "This Idempotency-Key was used for a different request.",
                    ),
                    request,
                )
            replay = stored.answer
            return Answer(
                replay.status, replay.body, {**replay.headers, "Idempotent-Replayed": "true"}
            )
        content = request.content
        handled = Request(
            operation.operation_id,
            operation.match(request.url.path) or {},
            {
                name: _coerce(value, _schema_of(operation, name))
                for name, value in request.url.params.multi_items()
            },
            json.loads(content) if content else None,
            request.headers.get("If-Match"),
            request.headers.get("If-None-Match"),
        )
        try:
            answer = self.store.handle(handled)
        except Problem as problem:
            return self._problem(problem, request)
        if key is not None and operation.method == "POST":
            self._idempotency[key] = _Stored(fingerprint, answer)
        return answer

    def _problem(self, problem: Problem, request: httpx.Request) -> Answer:
        body: Json = {
            "type": f"urn:patient-tracker:problem:{problem.code}",
            "title": self.spec.title(problem.code, problem.status),
            "status": problem.status,
            "detail": problem.detail[:2000],
            "code": problem.code,
            "instance": request.url.path,
        }
        if problem.current_status is not None:
            body["current_status"] = problem.current_status
        if problem.errors:
            body["errors"] = problem.errors[:100]
        return Answer(problem.status, body, dict(problem.headers))

    def _response(self, answer: Answer, request: httpx.Request, request_id: str) -> httpx.Response:
        authenticated = request.headers.get("Authorization") == f"Bearer {self.api_key}"
        headers = {
            **answer.headers,
            "Request-Id": request_id,
            **_rate_limit_headers(answer, authenticated and answer.status != 401),
        }
        content = b""
        if answer.body is not None:
            body = answer.body
            if answer.status >= 400:
                body = {**body, "request_id": request_id}  # every problem names its request
            content = json.dumps(body).encode()
            headers["Content-Type"] = (
                "application/problem+json" if answer.status >= 400 else "application/json"
            )
        return httpx.Response(answer.status, headers=headers, content=content, request=request)


def _schema_of(operation: Operation, name: str) -> Json:
    for parameter in operation.parameters:
        if parameter.location == "query" and parameter.name == name:
            return parameter.schema
    return {}


def _coerce(raw: str, schema: Json) -> Any:
    """A query or header string as the JSON value its schema describes (to validate it)."""
    kind = schema.get("type")
    if kind == "integer":
        try:
            return int(raw)
        except ValueError:
            return raw
    if kind == "boolean" and raw in ("true", "false"):
        return raw == "true"
    return raw


def _validation_failed(errors: list[Json], what: str = "field") -> Problem:
    count = len(errors)
    noun = what if count == 1 else f"{what}s"
    listed = "; ".join(
        f"{error.get('pointer', error.get('parameter'))!s}: {error['detail']}" for error in errors
    )
    return Problem(
        422,
        "validation_failed",
        f"{count} {noun} {'is' if count == 1 else 'are'} invalid: {listed}"[:2000],
        errors=errors,
    )


def _rate_limit_headers(answer: Answer, authenticated: bool) -> dict[str, str]:
    """`RateLimit-Policy` and `RateLimit` for an answer (see `RATE_LIMIT_POLICIES`)."""
    used_up = None
    if answer.status == 429:  # an injected one: the policy it blames has run out
        used_up = "integration" if authenticated else "address"
    policies, states = [], []
    for name, (quota, window) in RATE_LIMIT_POLICIES.items():
        if name == "integration" and not authenticated:
            continue
        remaining, reset = quota - 1, window
        if name == used_up:
            retry_after = answer.headers.get("Retry-After", "")
            remaining, reset = 0, int(retry_after) if retry_after.isdigit() else window
        policies.append(f'"{name}";q={quota};w={window}')
        states.append(f'"{name}";r={remaining};t={reset}')
    return {"RateLimit-Policy": ", ".join(policies), "RateLimit": ", ".join(states)}
