"""`SecuredRoute`: each API operation authenticates the way its entry in the spec says.

The scopes an operation needs are read from `spec/openapi.yaml` (its `security`, or the
document's), not restated in code, so the contract and the server cannot disagree about them.
Authentication runs in the route's handler, before FastAPI parses parameters or the body: a
caller without a valid key learns nothing from validation errors, and gets 401 (or 403 for a
missing scope) whatever else is wrong with the request.

Why a route class rather than a `Depends(...)` in every signature: FastAPI resolves each
dependency with a recursive solve (parameter extraction, cache keys, generator checks), which
measured ~10 us per request here, on a GET that costs ~90 us in all (docs/design.md, "The hot
path"). FastAPI documents subclassing `APIRoute` and overriding `get_route_handler` for exactly
this kind of per-route wrapping.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute
from starlette.responses import Response

from patient_tracker.auth.caller import CALLER_SCOPE_KEY, Caller
from patient_tracker.auth.keys import authenticate_in
from patient_tracker.db.database import Database
from patient_tracker.problems import (
    InsufficientScopeError,
    InvalidApiKeyError,
    UnauthenticatedError,
)
from patient_tracker.spec_document import spec_dict, walk_operations

__all__ = ["SecuredRoute", "operation_scopes"]

_SCHEME = "bearerAuth"
_REALM = 'Bearer realm="patient-tracker"'

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def operation_scopes(operation_id: str) -> tuple[str, ...] | None:
    """The scopes the spec requires for `operation_id`; `None` if it is public (`security: []`).

    Raises `LookupError` for an operation the spec does not have, and `ValueError` for a
    security requirement this server does not implement (anything but one bearer key).
    """
    document = spec_dict()
    for _method, _path, operation, _parameters in walk_operations(document):
        if operation.get("operationId") == operation_id:
            requirements = operation.get("security", document.get("security", []))
            return _scopes_of(operation_id, requirements)
    raise LookupError(f"operation {operation_id!r} is not in spec/openapi.yaml")


def _scopes_of(
    operation_id: str, requirements: list[dict[str, list[str]]]
) -> tuple[str, ...] | None:
    if not requirements:
        return None
    if len(requirements) != 1 or set(requirements[0]) != {_SCHEME}:
        raise ValueError(
            f"{operation_id}: only one '{_SCHEME}' security requirement is supported, "
            f"not {requirements!r}"
        )
    return tuple(requirements[0][_SCHEME])


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


async def authenticate_request(request: Request, scopes: tuple[str, ...]) -> Caller:
    """The caller of `request`, whose key must hold every one of `scopes`.

    The key is looked up in the database on every request (one indexed query): no cache, so a
    key revoked with `patient-tracker keys revoke` stops working at once in every process.
    """
    token = _bearer_token(request)
    database: Database = request.app.state.db
    principal = await authenticate_in(database, token)
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


class SecuredRoute(APIRoute):
    """An `APIRoute` that authenticates as the spec requires before running the endpoint.

    Routes left out of the schema (the docs pages, the spec document itself) are not API
    operations and stay public. Every other route must be an operation of the spec: one that is
    not fails at start-up, so no route is public by omission.
    """

    def get_route_handler(self) -> Handler:
        """FastAPI's handler, preceded by authentication when the operation requires it."""
        handler = super().get_route_handler()
        if not self.include_in_schema:
            return handler
        if self.operation_id is None:
            raise LookupError(f"route {self.path} has no operation_id, so no spec entry")
        scopes = operation_scopes(self.operation_id)
        if scopes is None:
            return handler
        required = scopes

        async def authenticated_handler(request: Request) -> Response:
            request.scope[CALLER_SCOPE_KEY] = await authenticate_request(request, required)
            return await handler(request)

        return authenticated_handler
