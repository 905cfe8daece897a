"""Authenticating as a request does, through the application, in process.

`in_process(database_url)` runs the real app (its lifespan included) on a test's database with
Starlette's `TestClient`; `granted_scopes` asks it which scopes a key holds, one operation per
scope. Authentication runs before FastAPI parses anything (`auth/route.py`), so 401 and 403 come
only from it: an answer other than 403 (a 404 for the unknown id, a 422 for the empty body) means
the scope was granted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from starlette.testclient import TestClient

from patient_tracker.app import create_app
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.contract.spec_document import walk_operations
from patient_tracker.settings import Settings
from tests.api_client import UNKNOWN_ID


@contextmanager
def in_process(database_url: str) -> Iterator[TestClient]:
    """The application on `database_url` (migrated), started and stopped around the block."""
    app = create_app(Settings(database_url=database_url, access_log=False))
    with TestClient(app) as client:
        yield client


def bearer(key: str) -> dict[bytes, bytes]:
    """`Authorization` for `key`, sent as the bytes a client may send (Latin-1, not only ASCII)."""
    return {b"Authorization": f"Bearer {key}".encode("latin-1")}


def _one_operation_per_scope() -> dict[str, tuple[str, str]]:
    """scope -> (method, concrete path) of an operation that requires only that scope."""
    found: dict[str, tuple[str, str]] = {}
    for method, path, operation, _parameters in walk_operations():
        for requirement in operation.get("security", []):
            scopes = requirement.get("bearerAuth", [])
            if len(scopes) == 1:
                found.setdefault(scopes[0], (method, re.sub(r"\{[^}]+\}", UNKNOWN_ID, path)))
    return found


def granted_scopes(client: TestClient, key: str) -> frozenset[str] | None:
    """The scopes `key` holds as the request path sees them; `None` when it is refused (401)."""
    operations = _one_operation_per_scope()
    assert set(operations) == set(ALL_SCOPES), "every scope needs an operation to probe it"
    granted = set()
    for scope, (method, path) in operations.items():
        body: dict[str, object] | None = {} if method in {"POST", "PATCH"} else None
        response = client.request(method, path, headers=bearer(key), json=body)
        if response.status_code == 401:
            return None
        if response.status_code != 403:
            granted.add(scope)
    return frozenset(granted)
