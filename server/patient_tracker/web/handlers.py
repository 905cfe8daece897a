"""The HTTP half of the resource skeleton: how a handler runs its unit of work and answers.

Every resource's get, create, change, delete and list handler does the same around its service
call: find the caller `SecuredRoute` authenticated, run the work in one read or write unit of
work (`Database.read`/`write`), and render the result (a resource with its `ETag`, a `Location`
for a new one, no body, a page). A handler passes only its service call. Every answer carries
the success status the spec documents for the operation (`operations.success_status`: `201`
for a create, `204` for a delete, `202` for an accepted request, `200` otherwise), never one
written here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.auth.caller import Caller
from patient_tracker.auth.route import authenticated_read
from patient_tracker.kit.etags import unchanged_since
from patient_tracker.resource import PageKey, Resource, Slice
from patient_tracker.web.cursor_secret import cursor_codec
from patient_tracker.web.idempotency import request_fingerprint, run_idempotent
from patient_tracker.web.operations import success_status
from patient_tracker.web.pages import Listing, keyset_page
from patient_tracker.web.responses import (
    ApiResponse,
    not_modified,
    page_response,
    resource_response,
)

__all__ = [
    "accept",
    "act_on_resource",
    "change_resource",
    "create_resource",
    "delete_resource",
    "read_model",
    "read_page",
    "read_resource",
]

ModelT = TypeVar("ModelT", bound=BaseModel)
PageT = TypeVar("PageT", bound=BaseModel)
# A service call on an open transaction that returns a resource and its version.
Versioned = Callable[[Connection], tuple[ModelT, int]]


async def read_resource(
    request: Request, resource: Resource[Any], row_id: str, if_none_match: str | None = None
) -> Response:
    """One resource and its `ETag` (`200`), or only the `ETag` (`304`) when `If-None-Match`
    names it: the client's copy is current, and the body is not even rendered.

    A read by id is one statement, atomic and one snapshot on its own, so it runs without a
    transaction around it (`Database.read_one`); on a route marked `authenticated_by_its_read`
    the same statement checks the caller's key (`auth.route.authenticated_read`). On PostgreSQL
    that is one round trip instead of four (key lookup, BEGIN, SELECT, COMMIT).
    """
    row = await authenticated_read(request, resource.table, row_id)
    # The caller is known once the read is done (it may be what authenticated them).
    owner = Caller.of(request).principal.integration_id
    model, version = resource.found(row_id, row, owner=owner)
    if unchanged_since(if_none_match, version):
        return not_modified(version)
    return resource_response(model, version, status=success_status(request)).to_response()


async def read_model(request: Request, get: Callable[[Connection], BaseModel]) -> Response:
    """One unversioned, immutable thing (no `ETag`), e.g. an event (`200`)."""
    return page_response(await Caller.of(request).db.read(get), success_status(request))


async def read_page(
    request: Request,
    listing: Listing[PageT],
    query: BaseModel,
    fetch: Callable[[Connection, PageKey | None], Slice[Any]],
    *,
    path: Mapping[str, str] | None = None,
    parent: Callable[[Connection], None] | None = None,
) -> Response:
    """One page of a listing (`200`), read in one unit of work: the query's cursor checked for
    this listing and its filters (`query`'s, and the `path` parameters that narrow it), the slice
    after it fetched, the next cursor signed.

    `parent`: for a listing under a resource, raises its 404 (before the cursor is checked).
    """
    cursors = cursor_codec(request)

    def page(conn: Connection) -> PageT:
        if parent is not None:
            parent(conn)
        return keyset_page(listing, cursors, query, lambda after: fetch(conn, after), path or {})

    return page_response(await Caller.of(request).db.read(page), success_status(request))


async def create_resource(
    request: Request,
    body: BaseModel,
    idempotency_key: str | None,
    create: Versioned[ModelT],
    location: Callable[[ModelT], str],
) -> Response:
    """The new resource, its `ETag` and `Location` (`201`); replayed for a known key."""
    caller = Caller.of(request)
    status = success_status(request)

    def work(conn: Connection) -> ApiResponse:
        model, version = create(conn)
        return resource_response(model, version, status=status, location=location(model))

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, body.model_dump_json())

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


async def change_resource(request: Request, change: Versioned[BaseModel]) -> Response:
    """The changed resource and its new `ETag` (`200`)."""
    status = success_status(request)

    def work(conn: Connection) -> Response:
        model, version = change(conn)
        return resource_response(model, version, status=status).to_response()

    return await Caller.of(request).db.write(work)


async def delete_resource(request: Request, delete: Callable[[Connection], None]) -> Response:
    """No body once the resource is deleted (`204`)."""
    await Caller.of(request).db.write(delete)
    return Response(status_code=success_status(request))


async def act_on_resource(
    request: Request,
    idempotency_key: str | None,
    act: Versioned[BaseModel],
    *,
    sent: str = "",
) -> Response:
    """The resource after a POST action and its `ETag` (`200`); replayed for a known key.

    `sent`: what the request sent that the action depends on (its key's fingerprint holds it).
    """
    caller = Caller.of(request)
    status = success_status(request)

    def work(conn: Connection) -> ApiResponse:
        model, version = act(conn)
        return resource_response(model, version, status=status)

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, sent)

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


async def accept(request: Request, work: Callable[[Connection], None]) -> Response:
    """No body once `work` is done in a write unit of work: the request is accepted (`202`)."""
    await Caller.of(request).db.write(work)
    return Response(status_code=success_status(request))
