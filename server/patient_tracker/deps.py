"""`Annotated` aliases for what routes depend on: the database, the caller, shared parameters.

The parameter bounds below restate `components/parameters` of the spec; `tests/test_conformance.py`
fails if they ever differ from it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Path, Request
from sqlalchemy import Connection

from patient_tracker.auth.keys import Principal, authenticate
from patient_tracker.auth.scopes import Scope
from patient_tracker.db.database import Database
from patient_tracker.problems import (
    InsufficientScopeError,
    InvalidApiKeyError,
    UnauthenticatedError,
)

_REALM = 'Bearer realm="patient-tracker"'


async def get_database(request: Request) -> Database:
    """The `Database` the app's lifespan opened.

    `async` although it awaits nothing: FastAPI runs a plain `def` dependency in a worker thread,
    a hand-off that measured ~100 us per request.
    """
    database: Database = request.app.state.db
    return database


DatabaseDep = Annotated[Database, Depends(get_database)]


def _bearer_token(request: Request) -> str:
    header = request.headers.get("authorization")
    if header is None:
        raise UnauthenticatedError(
            "Send an API key as 'Authorization: Bearer <key>'.",
            headers={"WWW-Authenticate": _REALM},
        )
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise InvalidApiKeyError(
            "The Authorization header must be 'Bearer <key>'.",
            headers={"WWW-Authenticate": f'{_REALM}, error="invalid_request"'},
        )
    return token


@dataclass(frozen=True, slots=True)
class Caller:
    """An authenticated request: whose key it carries, and the database to work in.

    One dependency gives both, so an authenticated route resolves one dependency, not two
    (FastAPI's dependency solving measured tens of microseconds per level).
    """

    principal: Principal
    db: Database


def require_scopes(*scopes: str) -> Callable[[Request], Awaitable[Caller]]:
    """A dependency that authenticates the caller and checks that its key has every scope.

    The key is looked up in the database on every request (one indexed query): no cache, so a
    key revoked with `patient-tracker keys revoke` stops working at once in every process.
    """

    async def dependency(request: Request) -> Caller:
        token = _bearer_token(request)

        def lookup(conn: Connection) -> Principal | None:
            return authenticate(conn, token)

        database: Database = request.app.state.db
        principal = await database.read(lookup)
        if principal is None:
            raise InvalidApiKeyError(
                "The API key is unknown or has been revoked.",
                headers={"WWW-Authenticate": f'{_REALM}, error="invalid_token"'},
            )
        missing = [scope for scope in scopes if scope not in principal.scopes]
        if missing:
            needed = ", ".join(f"'{scope}'" for scope in missing)
            raise InsufficientScopeError(f"This operation requires the scope {needed}.")
        return Caller(principal, database)

    return dependency


PatientsReader = Annotated[Caller, Depends(require_scopes(Scope.PATIENTS_READ))]
PatientsWriter = Annotated[Caller, Depends(require_scopes(Scope.PATIENTS_WRITE))]
PatientAppointmentsReader = Annotated[
    Caller, Depends(require_scopes(Scope.PATIENTS_READ, Scope.APPOINTMENTS_READ))
]
PractitionersReader = Annotated[Caller, Depends(require_scopes(Scope.PRACTITIONERS_READ))]
PractitionersWriter = Annotated[Caller, Depends(require_scopes(Scope.PRACTITIONERS_WRITE))]
AppointmentsReader = Annotated[Caller, Depends(require_scopes(Scope.APPOINTMENTS_READ))]
AppointmentsWriter = Annotated[Caller, Depends(require_scopes(Scope.APPOINTMENTS_WRITE))]

# Shared header and path parameters (`components/parameters` in the spec); the query parameters
# come from the generated `<OperationId>ParametersQuery` models instead.
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7E][\x20-\x7E]*$",
        description="The ETag last read.",
    ),
]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7E]+$",
        description="A unique key that makes this POST safe to retry.",
    ),
]
# An id in a path. An id outside these bounds names nothing, so it is answered with 404 (see
# `problem_handlers`), as the spec's operations document, rather than 422.
IdInPath = Annotated[
    str,
    Path(
        min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="The resource's id."
    ),
]
