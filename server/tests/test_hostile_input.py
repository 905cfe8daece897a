"""Hostile input over a real socket: a documented 4xx problem for each, never a 500 or a hang.

Each test runs on SQLite and on PostgreSQL (`server`); the webhook host tests also run on a server
with production's URL rules (`production_rules_server`: host names resolved). Requests that httpx
would refuse or rewrite (unknown methods, control characters and latin-1 bytes in headers,
non-UTF-8 bodies, URLs over 64 KiB) go over a raw socket. Every problem is parsed with the
generated `Problem` model, so a field over the spec's `maxLength` or `maxItems` fails the test, and
its status must be one the spec documents for the operation (or the global `404`/`405`).
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import yaml
from pydantic import MISSING

from live_server import LiveServer, run_live_server, throwaway_postgres_database
from patient_tracker.contract.api_models import FieldError, Problem
from patient_tracker.contract.problems import (
    CUT_MARKER,
    URI_CUT_MARKER,
    HttpStatusError,
    NotFoundError,
    ValidationFailedError,
    field_error,
    max_length,
    problem_response,
)
from patient_tracker.contract.spec_document import walk_operations
from tests.api_client import REPOSITORY, Api, Json, api_for, patient_body, practitioner_body

UNKNOWN_ID = "01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10"
SPEC: Json = yaml.safe_load((REPOSITORY / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
# Bounds come from the generated models, as the server reads them: written once, in the spec.
PARAMETER_BOUND = max_length(FieldError, "parameter")
POINTER_BOUND = max_length(FieldError, "pointer")
INSTANCE_BOUND = max_length(Problem, "instance")
ERRORS_BOUND = max_length(Problem, "errors")
# Where the HTTP parser (httptools, under uvicorn) gives up on the request target, in bytes.
PARSER_TARGET_LIMIT = 65_536
GLOBAL_STATUSES = {404, 405}  # info.description: any path, any operation


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """A live server on each dialect whose own header limit sits above the parser's.

    By default the server answers a request line plus headers over 16 KiB with a 431 before the
    app or the HTTP parser sees it (slow_clients.py; tested in test_slow_clients_and_logs.py).
    Raised here, so that the huge request targets below test what the parser and the app do.
    """
    directory = tmp_path_factory.mktemp(f"hostile-{request.param}")
    env = {"PATIENT_TRACKER_MAX_HEADER_BYTES": str(4 * PARSER_TARGET_LIMIT)}
    if request.param == "sqlite":
        with run_live_server(
            f"sqlite:///{directory / 'live.db'}", directory, extra_env=env
        ) as live:
            yield live
    else:
        with (
            throwaway_postgres_database() as url,
            run_live_server(url, directory, extra_env=env) as live,
        ):
            yield live


@pytest.fixture(scope="module")
def api(server: LiveServer) -> Iterator[Api]:
    yield from api_for(server)


@pytest.fixture(scope="module")
def production_rules_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server with production's webhook URL rules: host names resolved, as production does
    (`run_live_server` turns resolution off for hermetic tests), `https` and public addresses
    only. With no DNS here a name does not resolve, which is a 422 `unresolvable`; the names the
    tests send are under `.example`, which resolves nowhere, so the answers hold with DNS too.

    Its delivery worker stays off (`run_live_server`'s default): the endpoints created here name
    a public IP literal, and nothing may be sent off this machine. SQLite only: the URL rules
    run before the database is touched, and `server` covers both dialects.
    """
    directory = tmp_path_factory.mktemp("hostile-production-rules")
    env = {"PATIENT_TRACKER_WEBHOOK_RESOLVE_NAMES": "true"}
    with run_live_server(f"sqlite:///{directory / 'live.db'}", directory, extra_env=env) as live:
        yield live


@pytest.fixture(scope="module")
def production_rules_api(production_rules_server: LiveServer) -> Iterator[Api]:
    yield from api_for(production_rules_server)


# -- the spec's operations -------------------------------------------------------------------------


def _operations() -> list[tuple[str, str, Json]]:
    return [
        (method, path, dict(operation))
        for method, path, operation, _parameters in walk_operations(SPEC)
        if method in {"GET", "POST", "PUT", "PATCH", "DELETE"}
    ]


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", UNKNOWN_ID, path)


def _template_of(method: str, path: str) -> str | None:
    for op_method, template, _ in _operations():
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if op_method == method and re.match(pattern, path):
            return template
    return None


def documented(method: str, path: str, status: int) -> bool:
    """Whether the spec documents `status` for this request (or globally, for 404 and 405)."""
    if status in GLOBAL_STATUSES:
        return True
    template = _template_of(method, path.split("?", 1)[0])
    if template is None:
        return False
    responses = SPEC["paths"][template][method.lower()]["responses"]
    return str(status) in responses


LIST_OPERATIONS = [
    _concrete(path)
    for method, path, operation in _operations()
    if method == "GET"
    and any(p.get("$ref", "").endswith("/Limit") for p in operation.get("parameters", []))
]
BODY_OPERATIONS = [
    (method, _concrete(path), next(iter(operation["requestBody"]["content"])))
    for method, path, operation in _operations()
    if "requestBody" in operation
]


def test_the_operation_lists_are_not_empty() -> None:
    assert len(LIST_OPERATIONS) == 7, LIST_OPERATIONS
    assert len(BODY_OPERATIONS) >= 7, BODY_OPERATIONS


# -- raw HTTP --------------------------------------------------------------------------------------


@dataclass
class Raw:
    status: int
    headers: dict[str, str]
    body: bytes


def send_raw(server: LiveServer, request: bytes, timeout: float = 10.0) -> Raw:
    """Send `request` bytes as they are and read the whole answer; a hang fails the test."""
    host, port = server.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65_536):  # `socket.timeout` here means the server hung
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Raw(int(status_line.split()[1]), headers, body)


def raw_request(
    server: LiveServer,
    method: bytes,
    target: bytes,
    headers: dict[bytes, bytes] | None = None,
    body: bytes = b"",
    *,
    authorized: bool = True,
) -> Raw:
    lines = [method + b" " + target + b" HTTP/1.1", b"Host: test", b"Connection: close"]
    if authorized:
        lines.append(b"Authorization: Bearer " + server.api_key.encode())
    if body or method in {b"POST", b"PATCH"}:
        lines.append(b"Content-Length: " + str(len(body)).encode())
    lines += [name + b": " + value for name, value in (headers or {}).items()]
    return send_raw(server, b"\r\n".join(lines) + b"\r\n\r\n" + body)


def spec_problem(
    status: int, headers: dict[str, str], body: bytes, expected: int, code: str
) -> Problem:
    """Assert a problem with this status and code that fits every bound of the spec's `Problem`."""
    assert status == expected, body[:500]
    assert headers["content-type"] == "application/problem+json", headers
    problem = Problem.model_validate_json(body)  # maxLength, maxItems, pattern, no extra fields
    assert problem.status == expected
    assert problem.code == code, body[:500]
    assert problem.type == f"urn:patient-tracker:problem:{code}"
    return problem


def problem_of(response: httpx.Response, expected: int, code: str) -> Problem:
    request = response.request
    assert documented(request.method, request.url.raw_path.decode(), response.status_code)
    return spec_problem(
        response.status_code, dict(response.headers), response.content, expected, code
    )


def raw_problem(raw: Raw, method: str, path: str, expected: int, code: str) -> Problem:
    assert documented(method, path, raw.status), (method, path, raw.status)
    return spec_problem(raw.status, raw.headers, raw.body, expected, code)


def errors_of(problem: Problem) -> list[FieldError]:
    return [] if problem.errors is MISSING else list(problem.errors)


def error_values(problem: Problem, field: str) -> list[str]:
    return [
        getattr(error, field)
        for error in errors_of(problem)
        if isinstance(getattr(error, field), str)
    ]


# -- 1. error responses fit the spec's bounds ------------------------------------------------------


@pytest.mark.parametrize("path", LIST_OPERATIONS)
@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("a" * 101 + "=1", "a" * 101),
        ("b" * 101, "b" * 101),
        ("%C3%A9" * 101 + "=x", "\u00e9" * 101),  # 101 characters once percent-decoded
        ("~" * 500, "~" * 500),
    ],
    ids=["with-value", "without-equals", "percent-encoded", "tildes"],
)
def test_unknown_query_parameter_with_a_long_name_is_422_with_the_name_cut(
    api: Api, path: str, query: str, name: str
) -> None:
    problem = problem_of(api.get(f"{path}?{query}"), 422, "validation_failed")

    (parameter,) = error_values(problem, "parameter")
    assert len(parameter) == PARAMETER_BOUND
    assert parameter == name[: PARAMETER_BOUND - 1] + CUT_MARKER


def _unknown_property_body(name: str, value: object = 1) -> bytes:
    return json.dumps({name: value}).encode()


@pytest.mark.parametrize(("method", "path", "media_type"), BODY_OPERATIONS)
@pytest.mark.parametrize(
    ("name", "pointer"),
    [("x" * 600, "/" + "x" * 600), ("~" * 250, "/" + "~0" * 250)],
    ids=["600-letters", "250-tildes"],
)
def test_unknown_body_property_with_a_long_name_is_422_with_the_pointer_cut(
    api: Api, method: str, path: str, media_type: str, name: str, pointer: str
) -> None:
    response = api.request(
        method, path, content=_unknown_property_body(name), headers={"Content-Type": media_type}
    )

    problem = problem_of(response, 422, "validation_failed")
    long_pointers = [p for p in error_values(problem, "pointer") if len(p) == POINTER_BOUND]
    assert long_pointers == [pointer[: POINTER_BOUND - 1] + CUT_MARKER]


def test_more_errors_than_max_items_are_cut_to_the_bound(api: Api) -> None:
    query = "&".join(f"unknown{i}=1" for i in range(ERRORS_BOUND + 50))

    problem = problem_of(api.get(f"/v1/patients?{query}"), 422, "validation_failed")

    assert len(errors_of(problem)) == ERRORS_BOUND
    assert str(ERRORS_BOUND + 50) in problem.detail  # the summary still counts them all


@pytest.mark.parametrize(
    ("query", "invalid"),
    [
        ("a&" * 20_000, 19_999),
        ("%ff&" * 12_000, 12_000),
        ("&".join(f"u{i}" for i in range(9000)), 9000),
    ],
    ids=["repeated", "not-utf8", "unknown"],
)
def test_a_query_with_thousands_of_errors_counts_them_all_and_lists_max_items(
    api: Api, query: str, invalid: int
) -> None:
    problem = problem_of(api.get(f"/v1/patients?{query}"), 422, "validation_failed")

    assert len(errors_of(problem)) == ERRORS_BOUND
    assert problem.detail == f"{invalid} parameters are invalid."


@pytest.mark.parametrize(
    "path",
    ["/v1/" + "a" * 3000, "/v1/" + "%41" * 1000, "/v1/x" + "%41" * 1000],
    ids=["letters", "escapes", "escapes-shifted"],
)
def test_a_long_path_is_cut_in_instance_and_stays_a_uri_reference(
    server: LiveServer, path: str
) -> None:
    raw = raw_request(server, b"GET", path.encode())

    problem = raw_problem(raw, "GET", path, 404, "not_found")
    instance = str(problem.instance)
    assert instance.endswith(URI_CUT_MARKER)
    assert len(instance) <= INSTANCE_BOUND
    assert path.startswith(instance.removesuffix(URI_CUT_MARKER))
    assert re.fullmatch(r"([!$&'()*+,;=:@/A-Za-z0-9._~-]|%[0-9A-F]{2})*", instance)


REQUEST_ID = "req_0123456789abcdef0123456789abcdef"


def test_problem_response_fits_every_field_whatever_the_caller_passes() -> None:
    """No future caller can make an error response fail to render: it fits every field itself."""
    errors = [field_error(parameter="p" * 500, detail="d" * 5000) for _ in range(ERRORS_BOUND + 5)]
    error = ValidationFailedError("\ud800" + "x" * 10_000, errors=errors)

    response = problem_response(error, "/v1/" + "%41" * 2000, REQUEST_ID)

    problem = Problem.model_validate_json(bytes(response.body))
    assert len(errors_of(problem)) == ERRORS_BOUND
    assert problem.detail.endswith(CUT_MARKER)
    assert problem.detail.startswith("\ufffdx")  # a lone surrogate cannot be JSON: replaced
    assert str(problem.instance).endswith(URI_CUT_MARKER)
    long = NotFoundError("fine")
    long.title = "t" * 1000
    assert Problem.model_validate_json(
        bytes(problem_response(long, "/", REQUEST_ID).body)
    ).title.endswith(CUT_MARKER)


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (400, "bad_request"),
        (418, "i_m_a_teapot"),
        (431, "request_header_fields_too_large"),
        (499, "client_error"),
    ],
)
def test_another_framework_4xx_gets_a_code_of_its_own_never_internal_error(
    status: int, code: str
) -> None:
    response = problem_response(HttpStatusError(status, "From the framework."), "/", REQUEST_ID)

    problem = Problem.model_validate_json(bytes(response.body))
    assert (response.status_code, problem.status, problem.code) == (status, status, code)
    assert problem.type == f"urn:patient-tracker:problem:{code}"


def test_a_framework_5xx_is_the_generic_internal_error() -> None:
    problem = Problem.model_validate_json(
        bytes(problem_response(HttpStatusError(502, "Upstream."), "/", REQUEST_ID).body)
    )
    assert (problem.status, problem.code) == (500, "internal_error")


# -- 2. JSON that is not JSON, text that is not text -----------------------------------------------


@pytest.mark.parametrize(("method", "path", "media_type"), BODY_OPERATIONS)
@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_malformed_json(
    api: Api, method: str, path: str, media_type: str, literal: str
) -> None:
    body = '{"notes": ' + literal + ', "given_name": [1, ' + literal + "]}"

    response = api.request(method, path, content=body, headers={"Content-Type": media_type})

    problem_of(response, 400, "malformed_json")


def test_duplicate_keys_are_accepted_and_the_last_one_counts(api: Api) -> None:
    body = b'{"display_name": "First", "specialty": "general", "display_name": "Last"}'

    response = api.post(
        "/v1/practitioners", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 201, response.text
    assert response.json()["display_name"] == "Last"


@pytest.mark.parametrize(
    "body",
    [
        b'{"display_name": "\xff\xfe", "specialty": "general"}',
        b'{"display_name": "\xed\xa0\x80", "specialty": "general"}',  # an encoded surrogate
        b'{"display_name": "\\ud800", "specialty": "general"}',  # a lone surrogate escape
        b'{"\\udfff": 1}',
    ],
    ids=["invalid-utf8", "utf8-surrogate", "lone-surrogate-escape", "lone-surrogate-key"],
)
def test_body_text_that_is_not_unicode_is_malformed_json(server: LiveServer, body: bytes) -> None:
    raw = raw_request(
        server, b"POST", b"/v1/practitioners", {b"Content-Type": b"application/json"}, body
    )

    raw_problem(raw, "POST", "/v1/practitioners", 400, "malformed_json")


@pytest.mark.parametrize(
    ("path", "body", "pointer"),
    [
        ("/v1/practitioners", practitioner_body(display_name="Dr\u0000Who"), "/display_name"),
        ("/v1/practitioners", practitioner_body(specialty="gen\u0000eral"), "/specialty"),
        ("/v1/patients", patient_body(given_name="A\u0000da"), "/given_name"),
        ("/v1/patients", patient_body(email="a\u0000@example.com"), "/email"),
    ],
)
def test_nul_in_a_body_text_is_422_before_it_reaches_the_database(
    api: Api, path: str, body: Json, pointer: str
) -> None:
    problem = problem_of(api.post(path, json=body), 422, "validation_failed")

    assert error_values(problem, "pointer") == [pointer]


def test_nul_in_appointment_notes_is_422(api: Api) -> None:
    patient = api.create_patient()
    practitioner = api.create_practitioner()
    body = {
        "patient_id": patient["id"],
        "practitioner_id": practitioner["id"],
        "start_at": "2040-01-02T10:00:00Z",
        "end_at": "2040-01-02T10:30:00Z",
        "notes": "a\u0000b",
    }

    problem = problem_of(api.post("/v1/appointments", json=body), 422, "validation_failed")

    assert error_values(problem, "pointer") == ["/notes"]


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("/v1/patients", "name_prefix=a%00b", "name_prefix"),
        ("/v1/patients", "phone=%2B1555%00", "phone"),
        ("/v1/practitioners", "specialty=gen%00eral", "specialty"),
        ("/v1/patients", "name_prefix=%ff", "name_prefix"),
        ("/v1/patients", "name_prefix=%ed%a0%80", "name_prefix"),
        ("/v1/practitioners", "specialty=%c3", "specialty"),
        ("/v1/appointments", "start_from=%ff%00", "start_from"),
        ("/v1/appointments", "status=%00", "status"),
        (f"/v1/patients/{UNKNOWN_ID}/appointments", "status=%fe", "status"),
    ],
)
def test_a_query_value_that_is_not_text_is_422_naming_the_parameter(
    api: Api, path: str, query: str, parameter: str
) -> None:
    problem = problem_of(api.get(f"{path}?{query}"), 422, "validation_failed")

    assert error_values(problem, "parameter") == [parameter]


@pytest.mark.parametrize("cursor", ["%00", "%ff", "a%00b"])
def test_a_cursor_that_is_not_text_is_422(api: Api, cursor: str) -> None:
    response = api.get(f"/v1/patients?cursor={cursor}")

    assert response.status_code == 422
    problem = Problem.model_validate_json(response.content)
    assert problem.code in {"validation_failed", "invalid_cursor"}


@pytest.mark.parametrize("method", ["GET", "PATCH", "DELETE"])
@pytest.mark.parametrize(
    "patient_id",
    ["%ff", "%00", "%ed%a0%80", "a%2Fb", "x" * 10_000],
    ids=["ff", "nul", "surrogate", "slash", "10k"],
)
def test_a_path_id_that_is_not_an_id_is_404(
    server: LiveServer, method: str, patient_id: str
) -> None:
    path = f"/v1/patients/{patient_id}"
    headers = {b"Content-Type": b"application/merge-patch+json"} if method == "PATCH" else {}

    raw = raw_request(
        server, method.encode(), path.encode(), headers, b"{}" if method == "PATCH" else b""
    )

    raw_problem(raw, method, path, 404, "not_found")


def test_a_raw_non_ascii_byte_in_the_target_is_the_parsers_400_problem(server: LiveServer) -> None:
    raw = raw_request(server, b"GET", b"/v1/patients?name_prefix=\xff")

    _parser_problem(raw, 400, "malformed_request")


# -- 3. 405 at the docs' static files --------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "DELETE", "PUT"])
@pytest.mark.parametrize("asset", ["swagger-ui.css", "no-such-file.js"])
def test_405_at_the_static_docs_assets_names_their_methods(
    server: LiveServer, method: str, asset: str
) -> None:
    path = f"/docs-static/{asset}"

    raw = raw_request(server, method.encode(), path.encode())

    problem = raw_problem(raw, method, path, 405, "method_not_allowed")
    assert {m.strip() for m in raw.headers["allow"].split(",")} == {"GET", "HEAD"}
    assert "GET, HEAD" in problem.detail


def test_the_static_docs_assets_are_still_served(server: LiveServer) -> None:
    response = httpx.get(f"{server.base_url}/docs-static/swagger-ui.css", timeout=10)
    assert response.status_code == 200


# -- 4. methods and URLs ---------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["PROPFIND", "TRACE", "PUT", "MKCOL", "PATCH", "DELETE"])
@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/v1/patients", {"GET", "HEAD", "POST", "OPTIONS"}),
        (f"/v1/appointments/{UNKNOWN_ID}/cancel", {"POST", "OPTIONS"}),
    ],
)
def test_a_method_no_route_offers_is_405_with_allow(
    server: LiveServer, method: str, path: str, allowed: set[str]
) -> None:
    raw = raw_request(server, method.encode(), path.encode())

    raw_problem(raw, method, path, 405, "method_not_allowed")
    assert {m.strip() for m in raw.headers["allow"].split(",")} == allowed


def test_head_where_there_is_no_get_is_405_with_allow_and_no_body(server: LiveServer) -> None:
    raw = raw_request(server, b"HEAD", f"/v1/appointments/{UNKNOWN_ID}/cancel".encode())

    assert raw.status == 405
    assert raw.headers["content-type"] == "application/problem+json"
    assert {m.strip() for m in raw.headers["allow"].split(",")} == {"POST", "OPTIONS"}
    assert raw.body == b""


def _parser_problem(raw: Raw, status: int, code: str) -> Problem:
    """An answer of the HTTP protocol layer: a problem with a request id, and the connection
    closed (no instance: the request line could not be read)."""
    problem = spec_problem(raw.status, raw.headers, raw.body, status, code)
    assert raw.headers["request-id"] == problem.request_id.root  # type: ignore[union-attr]
    assert raw.headers["connection"] == "close"
    return problem


@pytest.mark.parametrize("method", [b"FOO", b"G@T", b"BREW"])
def test_a_method_the_http_parser_does_not_know_is_a_501_problem(
    server: LiveServer, method: bytes
) -> None:
    raw = raw_request(server, method, b"/v1/patients")

    _parser_problem(raw, 501, "method_not_implemented")


def test_a_url_at_the_parser_limit_is_a_400_problem(server: LiveServer) -> None:
    prefix = b"/v1/patients?name_prefix="
    raw = raw_request(server, b"GET", prefix + b"a" * (PARSER_TARGET_LIMIT - len(prefix)))

    _parser_problem(raw, 400, "malformed_request")


def test_a_head_that_is_not_http_is_a_400_problem(server: LiveServer) -> None:
    raw = send_raw(server, b"GET /v1/patients HTTP/1.1\r\nHost: test\r\nno colon here\r\n\r\n")

    _parser_problem(raw, 400, "malformed_request")


def test_a_tls_hello_on_the_plain_port_is_a_problem_not_a_hang(server: LiveServer) -> None:
    """Its first byte is no method token: the parser says so (501), and the connection closes."""
    raw = send_raw(server, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n")

    _parser_problem(raw, 501, "method_not_implemented")


def test_a_url_just_under_the_parser_limit_reaches_the_app(server: LiveServer) -> None:
    prefix = b"/v1/patients?name_prefix="
    target = prefix + b"a" * (PARSER_TARGET_LIMIT - 1 - len(prefix))

    raw = raw_request(server, b"GET", target)

    problem = raw_problem(raw, "GET", "/v1/patients", 422, "validation_failed")
    assert error_values(problem, "parameter") == ["name_prefix"]


# -- 5. headers, numbers, shapes and media types ---------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [b'"' + b"a" * 10_000 + b'"', b'"\xe9t\xe9"', b"\xff" * 20, b'"a", ' * 2000 + b'"b"'],
    ids=["10k", "latin1", "bytes", "long-list"],
)
@pytest.mark.parametrize("method", [b"PATCH", b"DELETE"])
def test_an_odd_if_match_is_a_documented_4xx(
    server: LiveServer, method: bytes, value: bytes
) -> None:
    path = f"/v1/patients/{UNKNOWN_ID}"
    headers = {b"If-Match": value}
    if method == b"PATCH":
        headers[b"Content-Type"] = b"application/merge-patch+json"

    raw = raw_request(server, method, path.encode(), headers, b"{}" if method == b"PATCH" else b"")

    assert raw.status in {404, 422}, raw.body  # no such patient, or the header is malformed
    raw_problem(
        raw,
        method.decode(),
        path,
        raw.status,
        "not_found" if raw.status == 404 else "validation_failed",
    )


@pytest.mark.parametrize(
    "value", [b"k" * 10_000, b"\xe9\xff", b"a b"], ids=["10k", "latin1", "space"]
)
def test_an_odd_idempotency_key_is_422(server: LiveServer, value: bytes) -> None:
    raw = raw_request(
        server,
        b"POST",
        b"/v1/practitioners",
        {b"Content-Type": b"application/json", b"Idempotency-Key": value},
        json.dumps(practitioner_body()).encode(),
    )

    problem = raw_problem(raw, "POST", "/v1/practitioners", 422, "validation_failed")
    assert error_values(problem, "parameter") == ["Idempotency-Key"]


@pytest.mark.parametrize(
    "value",
    [b"Bearer " + b"k" * 10_000, b"Bearer \xe9\xff", b"Basic \xe9", b"Bearer", b"x" * 10_000],
    ids=["10k", "latin1", "basic-latin1", "no-token", "no-scheme"],
)
def test_an_odd_authorization_is_401(server: LiveServer, value: bytes) -> None:
    raw = raw_request(server, b"GET", b"/v1/patients", {b"Authorization": value}, authorized=False)

    assert raw.status == 401
    assert "www-authenticate" in raw.headers
    code = Problem.model_validate_json(raw.body).code
    assert code in {"unauthenticated", "invalid_api_key"}
    raw_problem(raw, "GET", "/v1/patients", 401, code)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (b"Idempotency-Key", b"a\x01b"),
        (b"Authorization", b"Bearer a\x00b"),
        (b"If-Match", b'"\x7f"'),
    ],
)
def test_control_characters_in_a_header_get_the_parsers_400_problem(
    server: LiveServer, name: bytes, value: bytes
) -> None:
    raw = raw_request(server, b"DELETE", f"/v1/patients/{UNKNOWN_ID}".encode(), {name: value})

    _parser_problem(raw, 400, "malformed_request")


@pytest.mark.parametrize(
    "query",
    [
        "limit=99999999999999999999999",
        "limit=-99999999999999999999999",
        "limit=1e2",
        "limit=0x10",
        "limit=",
        "limit=1&limit=2",
        "limit=1&limit=1",
        "name_prefix=a&name_prefix=b",
        "cursor=a&cursor=b",
    ],
)
def test_an_odd_limit_or_a_repeated_parameter_is_422(api: Api, query: str) -> None:
    problem = problem_of(api.get(f"/v1/patients?{query}"), 422, "validation_failed")

    assert error_values(problem, "parameter")


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/v1/practitioners", "active=true&active=false"),
        ("/v1/appointments", "status=scheduled&status=cancelled"),
        (f"/v1/patients/{UNKNOWN_ID}/appointments", "limit=5&limit=5"),
    ],
)
def test_a_repeated_parameter_is_422_on_every_list(api: Api, path: str, query: str) -> None:
    problem = problem_of(api.get(f"{path}?{query}"), 422, "validation_failed")

    assert error_values(problem, "detail") == ["Give this parameter at most once."]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"[" * 100_000, 413, "payload_too_large"),
        (b"[" * 30_000 + b"]" * 30_000, 400, "malformed_json"),
        (b'{"a":' * 10_000 + b"1" + b"}" * 10_000, 400, "malformed_json"),
        # RFC 8259 lets a parser limit numbers; pydantic's refuses this one as JSON.
        (b'{"display_name": 1' + b"0" * 5000 + b"}", 400, "malformed_json"),
        (b'"a string"', 422, "validation_failed"),
        (b"42", 422, "validation_failed"),
        (b"null", 422, "validation_failed"),
        (b"[]", 422, "validation_failed"),
        (b"", 400, "malformed_json"),
        (b"   ", 400, "malformed_json"),
        (b"{} {}", 400, "malformed_json"),
    ],
    ids=[
        "100k-brackets",
        "30k-nested-arrays",
        "10k-nested-objects",
        "5000-digit-number",
        "string",
        "number",
        "null",
        "array",
        "empty",
        "blank",
        "two-documents",
    ],
)
def test_an_odd_json_body_is_a_documented_4xx(
    server: LiveServer, body: bytes, status: int, code: str
) -> None:
    raw = raw_request(
        server, b"POST", b"/v1/practitioners", {b"Content-Type": b"application/json"}, body
    )

    problem = raw_problem(raw, "POST", "/v1/practitioners", status, code)
    if code == "validation_failed" and body.strip()[:1] != b"{":
        assert error_values(problem, "pointer") == [""]  # the whole body is not an object


@pytest.mark.parametrize(
    "content_type",
    [
        None,
        b"text/plain",
        b"application/jsonx",
        b"application/json\xe9",
        b"multipart/form-data; boundary=x",
    ],
)
def test_a_body_of_another_media_type_is_415(
    server: LiveServer, content_type: bytes | None
) -> None:
    headers = {} if content_type is None else {b"Content-Type": content_type}

    raw = raw_request(server, b"POST", b"/v1/practitioners", headers, b"{}")

    raw_problem(raw, "POST", "/v1/practitioners", 415, "unsupported_media_type")


# -- 6. webhook URL hosts and DNS's limits --------------------------------------------------------

# A host of 253 characters (DNS's limit, written with dots) in labels of at most 63, and one of
# 254. Every name is under `.example` (RFC 2606), which resolves nowhere: a name the form check
# accepts is then a 422 `unresolvable`, both where names are not resolved (the tests' default) and
# where they are (production rules, with or without DNS on the machine).
HOST_253 = ".".join(["a" * 63, "b" * 63, "c" * 63, "d" * 53]) + ".example"
HOST_254 = ".".join(["a" * 63, "b" * 63, "c" * 63, "d" * 54]) + ".example"
# A public IP literal: accepted with no DNS. Nothing is sent to it (the servers' workers are off).
PUBLIC_WEBHOOK_URL = "https://93.184.215.14/hooks"
# (URL, the rule the problem names at `/url`: `invalid_url` from the form check, `unresolvable`
# once the form is accepted; None where the spec's pattern refuses it first: printable ASCII).
WEBHOOK_HOSTS = [
    # A 500 under production rules before: Python's `idna` codec raised in `getaddrinfo`.
    pytest.param("HTTPS://" + "0" * 64, "invalid_url", id="64-zeros"),
    pytest.param(f"https://{HOST_253}/hooks", "unresolvable", id="253-host"),
    pytest.param(f"https://{HOST_253}./hooks", "unresolvable", id="253-host-trailing-dot"),
    pytest.param(f"https://{HOST_254}/hooks", "invalid_url", id="254-host"),
    pytest.param("https://" + "a" * 63 + ".example/hooks", "unresolvable", id="63-label"),
    pytest.param("https://" + "a" * 64 + ".example/hooks", "invalid_url", id="64-label"),
    pytest.param("https://hooks.example./hooks", "unresolvable", id="trailing-dot"),
    pytest.param("https://hooks.example../hooks", "invalid_url", id="two-trailing-dots"),
    pytest.param("https://hooks..example/hooks", "invalid_url", id="empty-label"),
    pytest.param("https://xn--bcher-kva.example/hooks", "unresolvable", id="idn-a-label"),
    # Not a valid A-label: httpx's `host` raised `idna.IDNAError`, a 500 even without resolution.
    pytest.param("https://xn--a.example/hooks", "invalid_url", id="bad-a-label"),
    pytest.param("https://bücher.example/hooks", None, id="idn-unicode"),
]


def refused_at_url(response: httpx.Response, reason: str | None) -> None:
    """A 422 `validation_failed` with one error, at `/url`, naming `reason` (if not None)."""
    problem = problem_of(response, 422, "validation_failed")
    (error,) = errors_of(problem)
    assert error.pointer == "/url", problem
    if reason is not None:
        assert f"({reason})" in error.detail, problem


def hosts_are_refused_on_create_and_patch(api: Api, url: str, reason: str | None) -> None:
    refused_at_url(api.post("/v1/webhook-endpoints", json={"url": url}), reason)

    created = api.post("/v1/webhook-endpoints", json={"url": PUBLIC_WEBHOOK_URL})
    assert created.status_code == 201, created.text
    path = f"/v1/webhook-endpoints/{created.json()['id']}"
    refused_at_url(api.patch(path, {"url": url}), reason)
    assert api.get(path).json()["url"] == PUBLIC_WEBHOOK_URL  # unchanged


@pytest.mark.parametrize(("url", "reason"), WEBHOOK_HOSTS)
def test_webhook_hosts_at_and_beyond_dns_limits_are_422s_at_url_on_create_and_patch(
    api: Api, url: str, reason: str | None
) -> None:
    hosts_are_refused_on_create_and_patch(api, url, reason)


@pytest.mark.parametrize(("url", "reason"), WEBHOOK_HOSTS)
def test_the_same_hosts_with_production_url_rules(
    production_rules_api: Api, url: str, reason: str | None
) -> None:
    hosts_are_refused_on_create_and_patch(production_rules_api, url, reason)


def test_the_production_rules_server_logged_no_unhandled_error(
    production_rules_server: LiveServer,
) -> None:
    log = production_rules_server.log()
    assert "unhandled" not in log
    assert not re.search(r" 5\d\d ", log)


def test_nothing_above_logged_an_unhandled_error(server: LiveServer) -> None:
    """Runs last in the module (pytest keeps file order): no request above reached the 500 path."""
    log = server.log()
    assert "unhandled" not in log
    assert not re.search(r" 5\d\d ", log)  # the access log's status (its time ends in "ms")
