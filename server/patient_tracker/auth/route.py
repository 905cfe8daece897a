"""`SecuredRoute`: each API operation authenticates the way its entry in the spec says.

The scopes an operation needs are read from `spec/openapi.yaml` (its `security`, or the
document's), not restated in code, so the contract and the server cannot disagree about them.
Authentication runs in the route's handler, before FastAPI parses parameters or the body: a
caller without a valid key learns nothing from validation errors, and gets 401 (or 403 for a
missing scope) whatever else is wrong with the request.

A read of one resource by id (`authenticated_by_its_read`) folds the key lookup into the read:
one statement checks the key and fetches the row (`keys.keyed_read`), and the row is used only
once the key's scopes are checked. Such a route has nothing to parse but its path, and the rule
above still holds: whatever the handler raises before its caller is authenticated (a path id
that fails validation, say), the caller is authenticated first and a 401 or 403 wins.

Right after a key is found, its request is counted against its integration's rate limit (when
the web layer's `RateLimitMiddleware` put the request's `RequestLimits` in the scope): over the
budget it is a 429 `rate_limited`, before the scopes are checked and before anything else runs
(on a keyed read the row was fetched by the same statement, and is dropped unread).

Why a route class rather than a `Depends(...)` in every signature: FastAPI resolves each
dependency with a recursive solve (parameter extraction, cache keys, generator checks), which
measured ~10 us per request here, on a GET that costs ~90 us in all (docs/design.md, "The hot
path"). FastAPI documents subclassing `APIRoute` and overriding `get_route_handler` for exactly
this kind of per-route wrapping.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from fastapi import Request
from fastapi.routing import APIRoute
from starlette.responses import Response

from patient_tracker.auth.caller import CALLER_SCOPE_KEY, Caller
from patient_tracker.auth.keys import Principal, authenticate_and_read, authenticate_in
from patient_tracker.contract.problems import (
    InsufficientScopeError,
    InvalidApiKeyError,
    RateLimitedError,
    UnauthenticatedError,
)
from patient_tracker.contract.spec_document import spec_dict, walk_operations
from patient_tracker.db.database import Database
from patient_tracker.db.versioned import VersionedTable
from patient_tracker.kit.rate_limits import SCOPE_KEY as RATE_LIMITS_KEY
from patient_tracker.kit.rate_limits import RequestLimits

__all__ = ["SecuredRoute", "authenticated_by_its_read", "authenticated_read", "operation_scopes"]

_SCHEME = "bearerAuth"
_REALM = 'Bearer realm="patient-tracker"'

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
EndpointT = TypeVar("EndpointT", bound=Callable[..., Any])

# Set on an endpoint by `authenticated_by_its_read`.
_READ_AUTHENTICATES = "__patient_tracker_read_authenticates__"
# Where `SecuredRoute` leaves the scopes such a route's read must check.
_REQUIRED_SCOPES_KEY = "patient_tracker.required_scopes"
# Answers of authentication itself (a 429 included: the integration's budget is counted once).
_AUTH_ERRORS = (UnauthenticatedError, InvalidApiKeyError, InsufficientScopeError, RateLimitedError)


def authenticated_by_its_read(endpoint: EndpointT) -> EndpointT:
    """Mark an endpoint that authenticates its caller with its read (`authenticated_read`):
    one statement instead of two. `SecuredRoute` checks that it did."""
    setattr(endpoint, _READ_AUTHENTICATES, True)
    return endpoint


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
    return await _authorized(request, await authenticate_in(database, token), scopes, database)


async def authenticated_read(
    request: Request, table: VersionedTable, row_id: str
) -> dict[str, Any] | None:
    """``table``'s row ``row_id`` (None if there is none) for an authenticated caller.

    On a route marked `authenticated_by_its_read`, the key is checked by the same statement
    (`keys.authenticate_and_read`) and the caller left in the request; the row is returned only
    once the key holds the operation's scopes. Elsewhere the caller was authenticated already.
    """
    database: Database = request.app.state.db
    if isinstance(request.scope.get(CALLER_SCOPE_KEY), Caller):
        return await database.read_one(table.by_id, {"id": row_id})
    scopes: tuple[str, ...] = request.scope[_REQUIRED_SCOPES_KEY]
    found = await authenticate_and_read(database, _bearer_token(request), table.table, row_id)
    principal, row = found if found is not None else (None, None)
    request.scope[CALLER_SCOPE_KEY] = await _authorized(request, principal, scopes, database)
    return row


async def _authorized(
    request: Request, principal: Principal | None, scopes: tuple[str, ...], database: Database
) -> Caller:
    """The caller of a key found as ``principal`` (None: unknown), if its integration is within
    its rate limit and it holds ``scopes``."""
    if principal is None:
        raise InvalidApiKeyError(
            "The API key is unknown or has been revoked.",
            headers={"WWW-Authenticate": f'{_REALM}, error="invalid_token"'},
        )
    limits: RequestLimits | None = request.scope.get(RATE_LIMITS_KEY)
    if limits is not None:
        await limits.enforce_integration(principal.integration_id)
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
        if getattr(self.endpoint, _READ_AUTHENTICATES, False):
            return _authenticated_by_read(handler, required, self.path)

        async def authenticated_handler(request: Request) -> Response:
            request.scope[CALLER_SCOPE_KEY] = await authenticate_request(request, required)
            return await handler(request)

        return authenticated_handler


def _authenticated_by_read(handler: Handler, required: tuple[str, ...], template: str) -> Handler:
    """``handler`` (of the route ``template``), whose endpoint authenticates with its read, held
    to the same rules."""

    async def authenticated_by_read(request: Request) -> Response:
        # A missing or malformed header is refused before anything else, as on any route.
        _bearer_token(request)
        request.scope[_REQUIRED_SCOPES_KEY] = required
        try:
            response = await handler(request)
        except _AUTH_ERRORS:
            raise
        except Exception:
            # Raised before the read (a path id that fails validation): authentication first.
            if CALLER_SCOPE_KEY not in request.scope:
                request.scope[CALLER_SCOPE_KEY] = await authenticate_request(request, required)
            raise
        if CALLER_SCOPE_KEY not in request.scope:
            # The route's template, not the path: logs never hold a request's ids.
            raise RuntimeError(f"{template}: answered without authenticating")
        return response

    return authenticated_by_read
