"""Authentication and scopes on the request path (`auth/route.py`): a key for every operation, its
scopes, revocation, open health probes; over a real socket.
"""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy import Connection

from live_server import LiveServer
from patient_tracker.app import create_app
from patient_tracker.auth.keys import revoke_key
from patient_tracker.auth.route import SecuredRoute
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.contract.spec_document import walk_operations
from patient_tracker.db.database import Database
from tests.api_client import (
    UNKNOWN_ID,
    Api,
    Json,
    assert_problem,
    create_api_key,
    patient_body,
)


def _operations() -> list[tuple[str, str, Json]]:
    """(method, path, operation) for every operation of the spec."""
    return [(method, path, dict(operation)) for method, path, operation, _ in walk_operations()]


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", UNKNOWN_ID, path)


def test_missing_key_is_401_with_www_authenticate(anonymous: httpx.Client) -> None:
    response = anonymous.get("/v1/patients")

    assert_problem(response, 401, "unauthenticated")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer ptk_" + "A" * 43,
        "Bearer not-a-key",
        "Basic dXNlcjpwYXNz",
        "Bearer",
    ],
    ids=["unknown", "malformed", "basic", "empty"],
)
def test_unknown_or_malformed_key_is_401_invalid_api_key(
    anonymous: httpx.Client, authorization: str
) -> None:
    response = anonymous.get("/v1/patients", headers={"Authorization": authorization})

    assert_problem(response, 401, "invalid_api_key")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("method", "path"),
    [(m, p) for m, p, op in _operations() if op.get("security") != []],
    ids=[f"{m} {p}" for m, p, op in _operations() if op.get("security") != []],
)
def test_every_v1_operation_needs_a_key(anonymous: httpx.Client, method: str, path: str) -> None:
    response = anonymous.request(
        method, _concrete(path), json={} if method in {"POST", "PATCH"} else None
    )

    assert_problem(response, 401, "unauthenticated")


@pytest.fixture(scope="module")
def single_scope_keys(server: LiveServer) -> dict[str, str]:
    """An API key per scope, holding only that scope."""
    return {scope: create_api_key(server.database_url, (scope,))[1] for scope in ALL_SCOPES}


def _scoped_operations() -> list[tuple[str, str, frozenset[str]]]:
    return [
        (method, path, frozenset(op["security"][0]["bearerAuth"]))
        for method, path, op in _operations()
        if op.get("security")
    ]


@pytest.mark.parametrize(
    ("method", "path", "required"),
    _scoped_operations(),
    ids=[f"{m} {p}" for m, p, _ in _scoped_operations()],
)
def test_every_v1_operation_needs_its_scope(
    server: LiveServer,
    single_scope_keys: dict[str, str],
    method: str,
    path: str,
    required: frozenset[str],
) -> None:
    other_scope = next(scope for scope in ALL_SCOPES if scope not in required)
    key = single_scope_keys[other_scope]

    response = httpx.request(
        method,
        server.base_url + _concrete(path),
        headers={"Authorization": f"Bearer {key}"},
        json={} if method in {"POST", "PATCH"} else None,
    )

    assert_problem(response, 403, "insufficient_scope")


@pytest.mark.parametrize(
    ("held", "missing"),
    [("patients:read", "appointments:read"), ("appointments:read", "patients:read")],
)
def test_operation_needing_two_scopes_needs_both(
    server: LiveServer, single_scope_keys: dict[str, str], held: str, missing: str
) -> None:
    patient = f"/v1/patients/{UNKNOWN_ID}/appointments"
    headers = {"Authorization": f"Bearer {single_scope_keys[held]}"}

    response = httpx.get(server.base_url + patient, headers=headers)

    problem = assert_problem(response, 403, "insufficient_scope")
    assert missing in problem["detail"]


def test_read_scope_reads_but_does_not_write(server: LiveServer) -> None:
    _, key = create_api_key(server.database_url, ("patients:read",))
    reader = Api(server, key)
    try:
        listed = reader.get("/v1/patients")
        created = reader.post("/v1/patients", json=patient_body())
    finally:
        reader.close()

    assert listed.status_code == 200
    assert_problem(created, 403, "insufficient_scope")


def test_revoked_key_stops_working_on_the_next_request(server: LiveServer) -> None:
    key_id, key = create_api_key(server.database_url, ALL_SCOPES)
    client = Api(server, key)
    try:
        assert client.get("/v1/patients").status_code == 200
        db = Database.from_url(server.database_url)
        try:

            def revoke(conn: Connection) -> str | None:
                return revoke_key(conn, key_id)

            assert db.write_sync(revoke) is not None
        finally:
            db.dispose()

        response = client.get("/v1/patients")
    finally:
        client.close()

    assert_problem(response, 401, "invalid_api_key")


@pytest.mark.parametrize(
    ("path", "body"), [("/healthz", {"status": "ok"}), ("/readyz", {"status": "ready"})]
)
def test_health_probes_need_no_key(anonymous: httpx.Client, path: str, body: Json) -> None:
    response = anonymous.get(path)

    assert response.status_code == 200
    assert response.json() == body


# -- reads by id: the key is checked by the read itself (`authenticated_by_its_read`) ---------

_READS_BY_ID = [
    (path, frozenset(op["security"][0]["bearerAuth"]))
    for method, path, op in _operations()
    if method == "GET"
    and path.endswith("_id}")
    and op.get("security")
    and not path.startswith("/v1/events")
]
# A path id outside the spec's bounds (longer than its maxLength): FastAPI's validation refuses it
# before the handler reads anything, and names nothing, so it is a 404 (deps.IdInPath).
_INVALID_ID = "x" * 65


def test_the_reads_by_id_are_the_folded_routes() -> None:
    folded = {
        route.path
        for route in create_app().routes
        if isinstance(route, SecuredRoute)
        and getattr(route.endpoint, "__patient_tracker_read_authenticates__", False)
    }
    assert folded == {path for path, _ in _READS_BY_ID}


@pytest.mark.parametrize(("path", "required"), _READS_BY_ID, ids=[p for p, _ in _READS_BY_ID])
def test_a_read_by_id_answers_401_and_403_before_validation_and_404(
    server: LiveServer, single_scope_keys: dict[str, str], path: str, required: frozenset[str]
) -> None:
    other_scope = next(scope for scope in ALL_SCOPES if scope not in required)
    right_scope = next(iter(required))
    bad_path = re.sub(r"\{[^}]+\}", _INVALID_ID, path)
    missing_path = _concrete(path)

    def get(target: str, key: str | None) -> httpx.Response:
        headers = {} if key is None else {"Authorization": f"Bearer {key}"}
        return httpx.get(server.base_url + target, headers=headers)

    for target in (bad_path, missing_path):
        assert_problem(get(target, None), 401, "unauthenticated")
        assert_problem(get(target, "ptk_" + "A" * 43), 401, "invalid_api_key")
        assert_problem(get(target, single_scope_keys[other_scope]), 403, "insufficient_scope")
    # Only an authorized caller learns that the id is refused, or names nothing.
    assert_problem(get(bad_path, single_scope_keys[right_scope]), 404, "not_found")
    assert_problem(get(missing_path, single_scope_keys[right_scope]), 404, "not_found")
