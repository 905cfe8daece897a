"""Typed results from generated operations: `unwrap`, `etag`, `ApiResponse` (the whole response
with its documented headers typed), and read-modify-write helpers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any, Protocol, TypeVar, cast

import httpx
from attrs import define

from ._raising import error_from_response
from .generated.models.problem import Problem
from .generated.response_headers import ResponseHeaders
from .generated.types import Response

T = TypeVar("T")
U = TypeVar("U")
T_contra = TypeVar("T_contra", contravariant=True)


class Write(Protocol[T_contra, U]):
    """The write of `modify`: called as `write(current, if_match=etag)`, it sends the change with
    that `if_match`. A `def write(current: Patient, *, if_match: str)` is type-checked whole; in a
    lambda mypy leaves `current` unchecked (it does not infer lambda types from a protocol)."""

    def __call__(self, current: T_contra, /, *, if_match: str) -> Response[U | Problem]: ...


class AsyncWrite(Protocol[T_contra, U]):
    """The write of `amodify`: called as `await write(current, if_match=etag)` (see `Write`)."""

    def __call__(
        self, current: T_contra, /, *, if_match: str
    ) -> Awaitable[Response[U | Problem]]: ...


@define
class ApiResponse(Response[T]):
    """A generated `Response` (`status_code`, `headers`, `content`, `parsed`) whose documented
    headers are typed: `response.typed_headers.etag`, `.location`, `.idempotent_replayed`.

    What the `.raw` methods return. `typed_headers` parses on each access (a handful of lookups).
    """

    @property
    def typed_headers(self) -> ResponseHeaders:
        """The headers the spec documents for responses, typed; `None` where absent."""
        return ResponseHeaders.parse(self.headers)


def typed(response: Response[T]) -> ApiResponse[T]:
    """`response` as an `ApiResponse` (the same fields)."""
    return ApiResponse(
        status_code=response.status_code,
        content=response.content,
        headers=response.headers,
        parsed=response.parsed,
    )


def unwrap(response: Response[T | Problem]) -> T:
    """The success value of a generated `*_detailed` call; raises `ApiError` for an error.

    With a `PatientTracker` an error has already raised before this runs; this narrows the
    declared `Model | Problem` union to `Model`, and raises too for a client without that hook.
    """
    if response.status_code >= HTTPStatus.BAD_REQUEST or isinstance(response.parsed, Problem):
        raise error_from_response(
            httpx.Response(response.status_code, headers=response.headers, content=response.content)
        )
    # A 204 parses to None, which is the declared success value (Any) of such operations.
    return cast(T, response.parsed)


def etag(response: Response[Any]) -> str:
    """The `ETag` of a single-resource response, for `If-Match`."""
    value = response.headers.get("ETag")
    if value is None:
        raise ValueError(f"the response ({response.status_code}) carries no ETag")
    return value


def modify(read: Callable[[], Response[T | Problem]], write: Write[T, U]) -> U:
    """Read a resource, then write it with `If-Match` set to the ETag just read.

    `read()` returns the whole response (a `.raw` method, or a generated `sync_detailed`);
    `modify` calls `write(current, if_match=etag)`, always with the ETag it read, and `write`
    must forward it as the operation's `if_match=`: `lambda current, if_match:
    tracker.patients.raw.update(current.id, body=..., if_match=if_match)`. If someone else
    changed the resource in between, the write fails with `PreconditionFailedError` and changes
    nothing: read again and decide again (or give up).
    """
    response = read()
    return unwrap(write(unwrap(response), if_match=etag(response)))


async def amodify(
    read: Callable[[], Awaitable[Response[T | Problem]]], write: AsyncWrite[T, U]
) -> U:
    """`modify` for coroutines: `.raw` methods of `AsyncPatientTracker`, `asyncio_detailed`."""
    response = await read()
    return unwrap(await write(unwrap(response), if_match=etag(response)))
