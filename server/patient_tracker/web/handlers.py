"""The HTTP half of the resource skeleton: how a handler runs its unit of work and answers.

Every resource's get, create, change, delete and list handler does the same around its service
call: find the caller `SecuredRoute` authenticated, run the work in one read or write unit of
work (`Database.read`/`write`), and render the result (a resource with its `ETag`, a `Location`
for a new one, `204`, a page). A handler passes only its service call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.auth.caller import Caller
from patient_tracker.auth.route import authenticated_read
from patient_tracker.kit.cursors import CursorCodec
from patient_tracker.resource import Resource
from patient_tracker.web.cursor_secret import cursor_codec
from patient_tracker.web.idempotency import request_fingerprint, run_idempotent
from patient_tracker.web.responses import ApiResponse, page_response, resource_response

__all__ = [
    "act_on_resource",
    "change_resource",
    "create_resource",
    "delete_resource",
    "read_model",
    "read_page",
    "read_resource",
]

ModelT = TypeVar("ModelT", bound=BaseModel)
# A service call on an open transaction that returns a resource and its version.
Versioned = Callable[[Connection], tuple[ModelT, int]]


async def read_resource(request: Request, resource: Resource[Any], row_id: str) -> Response:
    """`200` with one resource and its `ETag`.

    A read by id is one statement, atomic and one snapshot on its own, so it runs without a
    transaction around it (`Database.read_one`); on a route marked `authenticated_by_its_read`
    the same statement checks the caller's key (`auth.route.authenticated_read`). On PostgreSQL
    that is one round trip instead of four (key lookup, BEGIN, SELECT, COMMIT).
    """
    row = await authenticated_read(request, resource.table, row_id)
    # The caller is known once the read is done (it may be what authenticated them).
    owner = Caller.of(request).principal.integration_id
    return resource_response(*resource.found(row_id, row, owner=owner)).to_response()


async def read_model(request: Request, get: Callable[[Connection], BaseModel]) -> Response:
    """`200` with one unversioned, immutable thing (no `ETag`), e.g. an event."""
    return page_response(await Caller.of(request).db.read(get))


async def read_page(
    request: Request, page: Callable[[Connection, CursorCodec], BaseModel]
) -> Response:
    """`200` with one page of a listing; `page` signs and checks cursors with this codec."""
    cursors = cursor_codec(request)
    return page_response(await Caller.of(request).db.read(lambda conn: page(conn, cursors)))


async def create_resource(
    request: Request,
    body: BaseModel,
    idempotency_key: str | None,
    create: Versioned[ModelT],
    location: Callable[[ModelT], str],
) -> Response:
    """`201` with the new resource, its `ETag` and `Location`; replayed for a known key."""
    caller = Caller.of(request)

    def work(conn: Connection) -> ApiResponse:
        model, version = create(conn)
        return resource_response(model, version, status=201, location=location(model))

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, body.model_dump_json())

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


async def change_resource(request: Request, change: Versioned[BaseModel]) -> Response:
    """`200` with the changed resource and its new `ETag`."""

    def work(conn: Connection) -> Response:
        return resource_response(*change(conn)).to_response()

    return await Caller.of(request).db.write(work)


async def delete_resource(request: Request, delete: Callable[[Connection], None]) -> Response:
    """`204` once the resource is deleted."""
    await Caller.of(request).db.write(delete)
    return Response(status_code=204)


async def act_on_resource(
    request: Request, idempotency_key: str | None, act: Versioned[BaseModel]
) -> Response:
    """`200` with the resource after a POST action and its `ETag`; replayed for a known key."""
    caller = Caller.of(request)

    def work(conn: Connection) -> ApiResponse:
        return resource_response(*act(conn))

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, "")

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)
