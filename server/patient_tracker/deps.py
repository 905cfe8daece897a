"""What routes depend on: the database, the authenticated caller, shared parameters.

The parameter bounds below restate `components/parameters` of the spec; `tests/test_conformance.py`
fails if they ever differ from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Path, Request

from patient_tracker.auth.keys import Principal
from patient_tracker.db.database import Database


async def get_database(request: Request) -> Database:
    """The `Database` the app's lifespan opened.

    `async` although it awaits nothing: FastAPI runs a plain `def` dependency in a worker thread,
    a hand-off that measured ~100 us per request.
    """
    database: Database = request.app.state.db
    return database


DatabaseDep = Annotated[Database, Depends(get_database)]


# Where `auth.route.SecuredRoute` leaves the authenticated caller in the ASGI scope.
CALLER_SCOPE_KEY = "patient_tracker.caller"


@dataclass(frozen=True, slots=True)
class Caller:
    """An authenticated request: whose key it carries, and the database to work in."""

    principal: Principal
    db: Database

    @staticmethod
    def of(request: Request) -> Caller:
        """The caller that `SecuredRoute` authenticated for this request.

        Raises `RuntimeError` on a route that did not authenticate: a programming error (the
        route is public in the spec, or its router does not use `SecuredRoute`).
        """
        caller = request.scope.get(CALLER_SCOPE_KEY)
        if not isinstance(caller, Caller):
            raise RuntimeError("this route did not authenticate its caller (see SecuredRoute)")
        return caller


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
