"""`MockApi`: an httpx transport (sync and async) that plays the API from its spec."""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote_to_bytes

import httpx

from .._client import AsyncPatientTracker, PatientTracker
from ._spec import Operation, Spec, bundled_spec
from ._store import Answer, Json, Problem, Request, Store

DEFAULT_API_KEY = "ptk_test_kit"
BASE_URL = "http://patient-tracker.test"
# Errors raised before the request reaches the server; any other is raised after the kit acted.
_BEFORE_SENDING = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
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
        self.store = Store(self.spec)
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
        the spec gives for it, else the first code `x-problem-codes` lists for it), and a
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
            operation, checked = self._answer(request)
            if operation is not None and fault is not None and fault.error is None:
                answer = self._fault_answer(operation, fault, request)
            elif operation is not None:
                answer = self._run(operation, request, checked, request_id)
            else:
                assert isinstance(checked, Answer)  # no operation: refused
                answer = checked
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
            or self.spec.code_for(fault.status)
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

    def _answer(self, request: httpx.Request) -> tuple[Operation | None, Answer | _Checked]:
        """The operation, and the request as checked, or an answer if it is refused."""
        method, path = request.method, request.url.path
        operation, path_params, allowed = self.spec.find(method, path)
        if operation is None:
            if allowed:
                problem = self._spec_problem(
                    "method_not_allowed",
                    f"{method} is not allowed here; use {', '.join(allowed)}.",
                    headers={"Allow": ", ".join(allowed)},
                )
            else:
                problem = self._spec_problem("not_found", f"No operation is at {path}.")
            self._violate(f"{method} {path}", problem)
            return None, self._problem(problem, request)
        try:
            checked = self._check(operation, path_params, request)
        except Problem as problem:
            self._violate(operation.operation_id, problem)
            return operation, self._problem(problem, request)
        return operation, checked

    def _spec_problem(self, code: str, detail: str, **members: Any) -> Problem:
        return Problem(self.spec.problem_status(code), code, detail, **members)

    def _violate(self, operation: str, problem: Problem) -> None:
        self.violations.append(Violation(operation, problem.status, problem.detail))

    def _check(
        self, operation: Operation, path_params: dict[str, str], request: httpx.Request
    ) -> _Checked:
        """In the server's order: the key and its scopes, a query string that reads two ways,
        the body (media type, JSON, schema), then the parameters (an id in the path that is no
        id: 404, as for an unknown one)."""
        if operation.scopes:
            self._check_auth(operation, request)
        declared = {
            (p.location, p.name.lower() if p.location == "header" else p.name): p
            for p in operation.parameters
        }
        takes_query = any(location == "query" for location, _ in declared)
        query: dict[str, str] = {}
        if takes_query:
            query = self._query(request)
        body = self._check_body(operation, request)
        errors: list[Json] = []
        if takes_query:
            errors += [
                {"parameter": name, "detail": "Extra inputs are not permitted."}
                for name in query
                if ("query", name) not in declared
            ]
        values: dict[str, Any] = {}
        for parameter in operation.parameters:
            if parameter.location == "path":
                raw: str | None = path_params.get(parameter.name)
            elif parameter.location == "query":
                raw = query.get(parameter.name)
            else:
                raw = request.headers.get(parameter.name)
            if raw is None:
                if parameter.required:
                    errors.append({"parameter": parameter.name, "detail": "Field required."})
                continue
            value = _coerce(raw, parameter.schema)
            problems = self.spec.errors(parameter.schema_pointer, value)
            if problems and parameter.location == "path":
                raise self._spec_problem("not_found", "No resource has that id.")
            if parameter.location == "query":
                values[parameter.name] = value
            errors += [{"parameter": parameter.name, "detail": message} for _, message in problems]
        if errors:
            raise self._validation_failed(errors, "parameter")
        return _Checked(values, body)

    def _query(self, request: httpx.Request) -> dict[str, str]:
        """The query string's parameters; 422 for one given twice or not UTF-8 (a framework
        would read either silently wrong)."""
        found: dict[str, str] = {}
        errors: list[Json] = []
        for pair in request.url.query.split(b"&"):
            if not pair:
                continue
            raw_name, _, raw_value = pair.partition(b"=")
            try:
                name = unquote_to_bytes(raw_name.replace(b"+", b" ")).decode()
                value = unquote_to_bytes(raw_value.replace(b"+", b" ")).decode()
            except UnicodeDecodeError:
                name = unquote_to_bytes(raw_name.replace(b"+", b" ")).decode(errors="replace")
                errors.append({"parameter": name, "detail": "Percent-encoding must be UTF-8."})
                continue
            if name in found:
                errors.append({"parameter": name, "detail": "Give this parameter at most once."})
            found[name] = value
        if errors:
            raise self._validation_failed(errors, "parameter")
        return found

    def _check_auth(self, operation: Operation, request: httpx.Request) -> None:
        header = request.headers.get("Authorization")
        realm = 'Bearer realm="patient-tracker"'
        if header is None:
            raise self._spec_problem(
                "unauthenticated",
                "Send an API key as 'Authorization: Bearer <key>'.",
                headers={"WWW-Authenticate": realm},
            )
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise self._spec_problem(
                "invalid_api_key",
                "The Authorization header must be 'Bearer <key>'.",
                headers={"WWW-Authenticate": f'{realm}, error="invalid_request"'},
            )
        if token.strip() != self.api_key:
            raise self._spec_problem(
                "invalid_api_key",
                "The API key is not the test kit's key (MockApi(api_key=...)).",
                headers={"WWW-Authenticate": f'{realm}, error="invalid_token"'},
            )
        missing = sorted(operation.scopes - self.scopes)
        if missing:
            raise self._spec_problem(
                "insufficient_scope",
                f"This operation requires the scope '{missing[0]}'"
                f" (the kit's key holds {sorted(self.scopes)}).",
            )

    def _check_body(self, operation: Operation, request: httpx.Request) -> Json | None:
        """The body, parsed and checked, for an operation that takes one (else ignored)."""
        if not operation.body_schemas:
            return None
        content = request.content
        media_type = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type not in operation.body_schemas:
            raise self._spec_problem(
                "unsupported_media_type",
                f"The body must be {' or '.join(map(repr, operation.body_schemas))},"
                f" not {media_type or 'untyped'!r}.",
            )
        try:
            body = json.loads(content.decode(), parse_constant=_not_json)
        except ValueError as error:
            raise self._spec_problem(
                "malformed_json", f"The request body is not valid JSON: {error}."
            ) from None
        errors = [
            {"pointer": pointer, "detail": message}
            for pointer, message in self.spec.errors(operation.body_schemas[media_type], body)
        ]
        if errors:
            raise self._validation_failed(errors, "field")
        if not isinstance(body, dict):
            return None
        if request.method == "PATCH":  # a merge patch changes what it sends, nothing else
            return body
        return {**self.spec.defaults(operation.body_schemas[media_type]), **body}

    def _validation_failed(self, errors: list[Json], what: str) -> Problem:
        """422 `validation_failed`: one entry per offending field or parameter (its first
        fault), each member cut to the spec's bounds."""
        kept: dict[tuple[str, str], Json] = {}
        for error in errors:
            member = "pointer" if "pointer" in error else "parameter"
            where = (member, _cut(str(error[member]), _BOUNDS[member]))
            if where not in kept:
                kept[where] = {member: where[1], "detail": _cut(error["detail"], _BOUNDS["detail"])}
        entries = list(kept.values())
        count = len(entries)
        noun = what if count == 1 else f"{what}s"
        listed = "; ".join(
            f"{entry.get('pointer', entry.get('parameter'))!s}: {entry['detail']}"
            for entry in entries
        )
        return self._spec_problem(
            "validation_failed",
            f"{count} {noun} {'is' if count == 1 else 'are'} invalid: {listed}",
            errors=entries,
        )

    # -- running a valid request

    def _run(
        self,
        operation: Operation,
        request: httpx.Request,
        checked: Answer | _Checked,
        request_id: str,
    ) -> Answer:
        if isinstance(checked, Answer):
            return checked
        key = request.headers.get("Idempotency-Key")
        # What makes two requests "the same": method, path and the body as parsed.
        fingerprint = hashlib.sha256(
            json.dumps([request.method, request.url.path, checked.body], sort_keys=True).encode()
        ).hexdigest()
        # Replayed: what the operation's success documents `Idempotent-Replayed` for.
        replays = "idempotent-replayed" in self.spec.response_headers(
            operation, operation.success_status
        )
        if key is not None and replays and key in self._idempotency:
            stored = self._idempotency[key]
            if stored.fingerprint != fingerprint:
                return self._problem(
                    self._spec_problem(
                        "idempotency_key_reused",
                        "This Idempotency-Key was used for a different request.",
                    ),
                    request,
                )
            replay = stored.answer
            return Answer(
                replay.status, replay.body, {**replay.headers, "Idempotent-Replayed": "true"}
            )
        handled = Request(
            operation.operation_id,
            operation.match(request.url.path) or {},
            checked.query,
            checked.body,
            if_match=request.headers.get("If-Match"),
            if_none_match=request.headers.get("If-None-Match"),
            request_id=request_id,
            scopes=self.scopes,
        )
        try:
            answer = self.store.handle(handled)
        except Problem as problem:
            return self._problem(problem, request)
        if key is not None and replays:
            self._idempotency[key] = _Stored(fingerprint, answer)
        return answer

    def _problem(self, problem: Problem, request: httpx.Request) -> Answer:
        body: Json = {
            "type": f"urn:patient-tracker:problem:{problem.code}",
            "title": self.spec.title(problem.code, problem.status),
            "status": problem.status,
            "detail": _cut(problem.detail, _BOUNDS["problem"]),
            "code": problem.code,
            "instance": _instance(request),
        }
        if problem.current_status is not None:
            body["current_status"] = problem.current_status
        if problem.errors:
            body["errors"] = problem.errors[:100]
        return Answer(problem.status, body, dict(problem.headers))

    def _response(self, answer: Answer, request: httpx.Request, request_id: str) -> httpx.Response:
        authenticated = _bearer(request.headers.get("Authorization")) == self.api_key
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


@dataclass(frozen=True)
class _Checked:
    """A request the spec allows: its query parameters as their schemas type them, its body."""

    query: Json
    body: Json | None


# The spec's bounds of a problem's members (`FieldError` and `Problem`'s `detail`).
_BOUNDS = {"pointer": 500, "parameter": 100, "detail": 1000, "problem": 2000}
_CUT = "\u2026"
_INTEGER = re.compile(r"\s*[+-]?[0-9]+(?:\.0*)?\s*")
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


def _cut(text: str, bound: int) -> str:
    """`text` within `bound` characters: its start, ending in `…`, if longer (the spec's rule)."""
    return text if len(text) <= bound else text[: bound - 1] + _CUT


def _instance(request: httpx.Request) -> str:
    """The path as the client sent it (percent-encoded), within the spec's 2048 characters:
    a longer one is cut, ending in the percent-encoded `…`."""
    path = request.url.raw_path.split(b"?", 1)[0].decode("ascii", "replace")
    marker = "%E2%80%A6"
    return path if len(path) <= 2048 else path[: 2048 - len(marker)] + marker


def _bearer(header: str | None) -> str | None:
    scheme, _, token = (header or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _not_json(constant: str) -> Any:
    raise ValueError(f"{constant} is not JSON")


def _coerce(raw: str, schema: Json) -> Any:
    """A query or header string as the JSON value its schema describes (to validate it), read
    as the server reads it (`" 1"`, `"1.0"` and `"yes"` included)."""
    kind = schema.get("type")
    if kind == "integer" and _INTEGER.fullmatch(raw):
        return int(raw.strip().split(".")[0])
    if kind == "boolean" and raw.lower() in _TRUE | _FALSE:
        return raw.lower() in _TRUE
    return raw


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
